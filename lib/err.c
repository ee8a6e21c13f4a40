#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

const char *nsk_prog(void)
{
	return program_invocation_short_name;
}

static void vmsg(const char *prefix, const char *fmt, va_list ap)
{
	/* Built in one buffer and written at once, so that lines from several
	 * processes of one tool (parent, helper, init) never interleave. */
	char line[1024];
	int n = snprintf(line, sizeof(line), "%s: %s", nsk_prog(), prefix);

	if (n < 0 || (size_t)n >= sizeof(line))
		n = 0;
	int m = vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	if (m < 0)
		m = 0;
	n += m;
	if ((size_t)n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	fwrite(line, 1, n, stderr);
	fflush(stderr);
}

void nsk_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
}

void nsk_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("warning: ", fmt, ap);
	va_end(ap);
}

int nsk_usage_err(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	nsk_err("%s (see '%s --help')", msg, nsk_prog());
	return -EINVAL;
}

int nsk_option_error(int c, char *const argv[])
{
	const char *arg = argv[optind - 1];

	if (c == ':')
		return nsk_usage_err("option '%s' needs a value", arg);
	/* A known long option given a value it does not take ("--fork=1"):
	 * getopt_long sets optopt to its val, which may be no character. */
	if (optopt && !strncmp(arg, "--", 2))
		return nsk_usage_err("option '%.*s' takes no value", (int)strcspn(arg, "="), arg);
	if (optopt > 0 && optopt <= CHAR_MAX && isprint(optopt))
		return nsk_usage_err("unknown option '-%c'", optopt);
	return nsk_usage_err("unknown option '%s'", arg);
}

int nsk_exec_error(const char *cmd, int status)
{
	int err = errno;

	const char *shell = getenv("SHELL");

	if (!cmd)
		cmd = shell && *shell ? shell : "/bin/sh";
	nsk_err("%s: %s", cmd,
		status == EXIT_NOT_FOUND ? "command not found" : strerror(err));
	return status;
}

void nsk_print_version(void)
{
	printf("%s (%s) %s\n", nsk_prog(), PACKAGE_NAME, PACKAGE_VERSION);
}
