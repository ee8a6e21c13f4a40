#include <errno.h>
#include <stddef.h>

#include "err.h"
#include "opts.h"

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
