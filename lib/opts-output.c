/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts: the usage errors of util-linux's output options (lib/output.h),
 * said once for every tool that prints a table. Apart from opts.c so
 * that a tool without tables links no table code. */
#include <errno.h>

#include "err.h"
#include "opts.h"
#include "output.h"

int opts_output_select(const struct out_opts *o, const struct out_column *cols, unsigned ncols,
		       const unsigned *defaults, unsigned ndefaults, struct out_selection *sel)
{
	size_t at = 0, len = 0;
	int r = out_opts_select(o, cols, ncols, defaults, ndefaults, sel, &at, &len);

	if (r == -EEXIST)
		return nsk_usage_err("--output and --output-all: choose one");
	if (r == -EINVAL && !len)
		return nsk_usage_err("--output %s: empty column name", o->columns);
	if (r == -EINVAL)
		return nsk_usage_err("--output %s: unknown column %.*s", o->columns, (int)len,
				     o->columns + at);
	if (r < 0)
		return nsk_usage_err("--output %s: too many columns (at most %d)", o->columns,
				     OUT_MAX_SELECTED);
	return 0;
}

int opts_output_refuse(const struct out_opts *o, const char *why)
{
	return o->first ? nsk_usage_err("%s %s", o->first, why) : 0;
}
