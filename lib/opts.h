/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The option loop every tool runs: getopt_long with one-line errors. */
#pragma once
#include <getopt.h>
#include <stdbool.h>

/* Hands each option of argv[0..argc) to parse(ctx, c, optarg) (which
 * prints its own error and returns < 0 for a bad value); -h prints usage
 * and -V the version. Returns 1 when the caller should go on (optind then
 * indexes the first operand), 0 after -h or -V, -EINVAL on a bad command
 * line (one line printed). */
int opts_parse(int argc, char **argv, const char *optstring, const struct option *longopts,
	       void (*usage)(void), int (*parse)(void *ctx, int c, const char *arg), void *ctx);

/* --preserve-fds N (preserve true) or --keep-fd FD into k; 0, or the usage
 * error (printed, -EINVAL). Shared by the tools whose command crosses into
 * a container (nsrun, nsjoin, nsroot). */
struct fdkeep;
int opts_fd_option(bool preserve, const char *arg, struct fdkeep *k);
/* --cap-add ARG (add) or --cap-drop ARG into e, which then changes the
 * capabilities; 0, or the usage error (printed, -EINVAL). In
 * lib/opts-caps.c, so that only the tools that take capabilities link
 * the capability code. */
struct exec_opts;
int opts_caps_option(bool add, const char *arg, struct exec_opts *e);
/* --default-signal[=SIGS] into e (arg NULL: every signal); 0, or the usage
 * error (printed, -EINVAL). */
int opts_default_signal_option(const char *arg, struct exec_opts *e);
/* --seccomp PROFILE (log false) or --seccomp-log into e; 0. In
 * lib/opts-seccomp.c, so that only the tools that filter link
 * libseccomp and json-c. */
int opts_seccomp_option(bool log, const char *arg, struct exec_opts *e);
/* Once the options are parsed: read the profile --seccomp named ("default":
 * the compiled-in profile, "unconfined": none, else a file) into
 * e->seccomp. 0, or -EINVAL with the one line printed (the file, the
 * entry, the reason). */
int opts_seccomp_load(struct exec_opts *e);
/* The columns a tool shows (out_opts_select): 0, or the usage error
 * (printed, -EINVAL): an unknown or empty column name, too many, -o with
 * --output-all. In lib/opts-output.c. */
struct out_opts;
struct out_column;
struct out_selection;
int opts_output_select(const struct out_opts *o, const struct out_column *cols, unsigned ncols,
		       const unsigned *defaults, unsigned ndefaults, struct out_selection *sel);
/* Output options where they do not apply: "FIRST WHY" ("--json goes with
 * --show") printed, -EINVAL; 0 when none was given. */
int opts_output_refuse(const struct out_opts *o, const char *why);
