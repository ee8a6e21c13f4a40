/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <stddef.h>

#include "confine.h"
#include "err.h"
#include "exec.h"
#include "opts.h"
#include "parse.h"

int opts_parse(int argc, char **argv, const char *optstring, const struct option *longopts,
	       void (*usage)(void), int (*parse)(void *ctx, int c, const char *arg), void *ctx)
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, optstring, longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
			return 0;
		case 'V':
			nsk_print_version();
			return 0;
		case '?':
		case ':':
			return nsk_option_error(c, argv);
		default:
			if (parse(ctx, c, optarg) < 0)
				return -EINVAL;
		}
	}
	return 1;
}

int opts_fd_option(bool preserve, const char *arg, struct fdkeep *k)
{
	int r = preserve ? fdkeep_parse_preserve(k, arg) : fdkeep_parse_fd(k, arg);

	if (r == -E2BIG)
		return nsk_usage_err("--keep-fd %s: more than %d descriptors to keep", arg,
				     FDKEEP_MAX);
	if (r < 0 && preserve)
		return nsk_usage_err("--preserve-fds %s: not a number of descriptors", arg);
	if (r < 0)
		return nsk_usage_err("--keep-fd %s: not a descriptor of 3 or more", arg);
	return 0;
}

int opts_default_signal_option(const char *arg, struct exec_opts *e)
{
	if (parse_signal_list(arg, &e->default_signals) < 0)
		return nsk_usage_err("--default-signal=%s: not a list of signals whose action can "
				     "change", arg);
	return 0;
}
