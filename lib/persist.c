#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "err.h"
#include "ns.h"
#include "persist.h"

bool persist_any(const char *const paths[])
{
	for (unsigned i = 0; i < ns_type_count; i++)
		if (paths[i])
			return true;
	return false;
}

void unpersist_all(struct persisted *done)
{
	while (done->count > 0) {
		unsigned i = --done->count;
		int r = ns_unpersist(done->path[i], done->created[i]);
		if (r < 0)
			nsk_warn("%s: could not remove: %s", done->path[i], strerror(-r));
	}
}

int persist_all(const char *const paths[], pid_t pid, struct persisted *done)
{
	for (unsigned i = 0; i < ns_type_count; i++) {
		const char *step;
		bool created = false;
		int r;

		if (!paths[i])
			continue;
		r = ns_persist(pid, &ns_types[i], true, paths[i], &created, &step);
		if (r < 0) {
			if (r == -EBUSY)
				nsk_err("%s: holds a namespace already", paths[i]);
			else if (r == -EEXIST)
				nsk_err("%s: exists and is not an empty file", paths[i]);
			else if (r == -EINVAL && !strcmp(ns_types[i].proc_name, "mnt"))
				nsk_err("%s: %s of a mount namespace: %s (the file must be on a "
					"private mount outside the new namespace)", paths[i], step,
					strerror(-r));
			else
				nsk_err("%s: %s of the %s namespace: %s", paths[i], step,
					ns_types[i].proc_name, strerror(-r));
			unpersist_all(done);
			return -1;
		}
		done->path[done->count] = paths[i];
		done->created[done->count++] = created;
	}
	return 0;
}

static _Noreturn void helper_main(const char *const paths[], int from_caller, int to_caller)
{
	struct persisted done = PERSISTED_INIT;
	pid_t pid;
	char keep = 0;
	int result;

	/* Ctrl-C goes to the whole process group: outlive it to undo. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	if (read(from_caller, &pid, sizeof(pid)) != sizeof(pid))
		_exit(1);
	result = persist_all(paths, pid, &done);
	if (write(to_caller, &result, sizeof(result)) != sizeof(result) || result < 0) {
		unpersist_all(&done);
		_exit(1);
	}
	if (read(from_caller, &keep, 1) == 1 && keep == 'k')
		_exit(0);
	unpersist_all(&done);
	_exit(1);
}

int persist_helper_start(struct persist_helper *h, const char *const paths[])
{
	int down[2], up[2];

	if (!persist_any(paths))
		return 0;
	if (pipe2(down, O_CLOEXEC) < 0 || pipe2(up, O_CLOEXEC) < 0) {
		nsk_err("pipe: %s", strerror(errno));
		return -1;
	}
	h->pid = fork();
	if (h->pid < 0) {
		nsk_err("fork: %s", strerror(errno));
		return -1;
	}
	if (h->pid == 0) {
		close(down[1]);
		close(up[0]);
		helper_main(paths, down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	h->to_helper = down[1];
	h->from_helper = up[0];
	return 0;
}

int persist_helper_run(struct persist_helper *h, pid_t pid)
{
	int result = -1;

	if (h->pid < 0)
		return 0;
	if (write(h->to_helper, &pid, sizeof(pid)) != sizeof(pid) ||
	    read(h->from_helper, &result, sizeof(result)) != sizeof(result))
		return -1;
	return result;
}

int persist_helper_finish(struct persist_helper *h, bool keep)
{
	int status = 0;

	if (h->pid < 0)
		return 0;
	if (keep && write(h->to_helper, "k", 1) != 1)
		keep = false;
	close(h->to_helper);
	close(h->from_helper);
	while (waitpid(h->pid, &status, 0) < 0 && errno == EINTR)
		;
	h->pid = -1;
	return keep && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}
