/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts: --cap-add and --cap-drop, the option loop's part that needs the
 * capability names (lib/caps), apart from opts.c so that a
 * tool that takes no capabilities does not link it (as exec-prepare.c is
 * apart from exec.c). */
#include <errno.h>

#include "caps.h"
#include "err.h"
#include "exec.h"
#include "opts.h"

int opts_caps_option(bool add, const char *arg, struct exec_opts *e)
{
	char bad[64];

	if (caps_parse(arg, add ? &e->cap_add : &e->cap_drop, bad, sizeof(bad)) < 0)
		return nsk_usage_err("%s %s: unknown capability '%s'",
				     add ? "--cap-add" : "--cap-drop", arg, bad);
	e->change_caps = true;
	return 0;
}
