/* nsrun: --release, the go for a process held by --detach --hold (see
 * nsrun.h). */
#include <errno.h>
#include <string.h>

#include "err.h"
#include "init.h"
#include "target.h"
#include "nsrun.h"

int nsrun_release(const struct nsrun_opts *o)
{
	struct target t = TARGET_INIT;
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r = target_open(&t, o->target, &f);

	if (r < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	r = init_release(t.pidfd, t.procfd);
	if (r == -EPERM) {
		nsk_err("process %d: not held by nsrun --hold (or released already)", (int)t.pid);
		return EXIT_TOOL_FAILED;
	}
	if (r < 0) {
		nsk_err("process %d: sending the release: %s", (int)t.pid, strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	if ((r = target_echo(&t)) < 0) {
		nsk_err("stdout: writing the handle: %s", strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	return 0;
}
