/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsls: one view of every container and namespace on the host.
 *
 *   nsls [-o LIST] [-n] [-r] [-J] [-l] [-u] [-W]     containers
 *   nsls --tree                                      containers nested in containers
 *   nsls -t PID|PID:INODE|-                          everything about one container
 *   nsls --namespaces [-N TYPE]                      namespaces, as lsns(8)
 *
 * It reads /proc, the caller's mountinfo and netlink (lib/rtnl) itself and
 * runs no other program. */
#include <locale.h>
#include <stdlib.h>

#include "err.h"
#include "nsls.h"

static int run(const struct nsls_opts *o)
{
	struct nsls_scan s;
	int r = nsls_scan(&s);

	if (r < 0) {
		nsk_err("/proc: %s", nsk_strerror(r));
		nsls_scan_free(&s);
		return EXIT_TOOL_FAILED;
	}
	switch (o->view) {
	case VIEW_CONTAINERS:
	case VIEW_TREE: r = nsls_view_containers(o, &s); break;
	case VIEW_NAMESPACES: r = nsls_view_namespaces(o, &s); break;
	case VIEW_DETAIL: r = nsls_view_detail(o, &s); break;
	}
	nsls_scan_free(&s);
	return r;
}

int main(int argc, char **argv)
{
	struct nsls_opts o = { .view = VIEW_CONTAINERS };
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	setlocale(LC_ALL, "");	/* libsmartcols writes UTF-8 cells only in a UTF-8 locale */
	r = nsls_parse_args(argc, argv, &o);

	if (r <= 0)
		return r < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	if ((r = out_load(&f)) < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	return run(&o);
}
