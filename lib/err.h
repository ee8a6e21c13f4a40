/* Messages and exit codes shared by every tool (DESIGN.md, "Conventions").
 * A tool prints each error once, at the top, as one line:
 *     TOOL: OBJECT: CAUSE
 * Library functions return -errno and never print. */
#pragma once
#include <stdarg.h>

enum {
	EXIT_TOOL_FAILED = 125,	/* the tool itself failed */
	EXIT_CANNOT_RUN = 126,	/* command found but not runnable */
	EXIT_NOT_FOUND = 127,	/* command not found */
};

/* "TOOL: " + message + "\n" on stderr. */
void nsk_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "TOOL: warning: " + message + "\n" on stderr. */
void nsk_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* One line for a bad command line: the cause and where to look. Returns
 * -EINVAL so option parsers can `return nsk_usage_err(...)`. */
int nsk_usage_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The one line for what getopt_long (with opterr = 0) returned as '?'
 * (an unknown option) or ':' (a missing value), c being that return
 * value and argv the tool's. Returns -EINVAL. */
int nsk_option_error(int c, char *const argv[]);
/* The line for a failed exec ("CMD: command not found", or errno's
 * text) of cmd (NULL: the shell); returns status, for `return`. */
int nsk_exec_error(const char *cmd, int status);
/* The tool's own name, as invoked. */
const char *nsk_prog(void);
/* Print "TOOL VERSION" (for -V/--version). */
void nsk_print_version(void);
