/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"

/* Capture what a call writes to stderr. */
static char *capture(void (*fn)(void))
{
	static char buf[2048];
	FILE *tmp = tmpfile();
	int saved = dup(STDERR_FILENO);
	size_t n;

	fflush(stderr);
	dup2(fileno(tmp), STDERR_FILENO);
	fn();
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(tmp);
	n = fread(buf, 1, sizeof(buf) - 1, tmp);
	buf[n] = '\0';
	fclose(tmp);
	return buf;
}

static void say_error(void) { nsk_err("/proc/%d/uid_map: %s", 4242, "ranges overlap"); }
static void say_warning(void) { nsk_warn("%s: could not remove", "veth0"); }
static void say_usage(void) { assert_int_equal(nsk_usage_err("unknown option '%s'", "--x"), -EINVAL); }
static void say_long(void)
{
	char big[3000];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	nsk_err("%s", big);
}

static void test_lines(void **state)
{
	char expect[128];

	snprintf(expect, sizeof(expect), "%s: /proc/4242/uid_map: ranges overlap\n", nsk_prog());
	assert_string_equal(capture(say_error), expect);
	snprintf(expect, sizeof(expect), "%s: warning: veth0: could not remove\n", nsk_prog());
	assert_string_equal(capture(say_warning), expect);
	snprintf(expect, sizeof(expect), "%s: unknown option '--x' (see '%s --help')\n", nsk_prog(),
		 nsk_prog());
	assert_string_equal(capture(say_usage), expect);
}

static char *opt_argv[4];
static int opt_c;
static void say_option_error(void) { assert_int_equal(nsk_option_error(opt_c, opt_argv), -EINVAL); }

/* getopt_long as the tools call it, on a bad command line */
static char *option_error_for(char *arg)
{
	static const struct option longopts[] = {
		{ "wd", required_argument, NULL, 'w' },
		{ "fork", no_argument, NULL, 'f' },
		/* a long-only option: its val is above CHAR_MAX */
		{ "detach", no_argument, NULL, CHAR_MAX + 7 },
		{ NULL, 0, NULL, 0 },
	};
	opt_argv[0] = (char *)"tool";
	opt_argv[1] = arg;
	opt_argv[2] = NULL;
	optind = 0;
	opterr = 0;
	opt_c = getopt_long(2, opt_argv, "+:w:f", longopts, NULL);
	return capture(say_option_error);
}

static void test_option_errors(void **state)
{
	char expect[128];

	snprintf(expect, sizeof(expect), "%s: unknown option '--nope' (see '%s --help')\n", nsk_prog(), nsk_prog());
	assert_string_equal(option_error_for((char *)"--nope"), expect);
	snprintf(expect, sizeof(expect), "%s: unknown option '-Z' (see '%s --help')\n", nsk_prog(), nsk_prog());
	assert_string_equal(option_error_for((char *)"-Z"), expect);
	snprintf(expect, sizeof(expect), "%s: option '--wd' needs a value (see '%s --help')\n", nsk_prog(), nsk_prog());
	assert_string_equal(option_error_for((char *)"--wd"), expect);
	/* a value given to an option that takes none */
	snprintf(expect, sizeof(expect), "%s: option '--fork' takes no value (see '%s --help')\n", nsk_prog(), nsk_prog());
	assert_string_equal(option_error_for((char *)"--fork=1"), expect);
	snprintf(expect, sizeof(expect), "%s: option '--detach' takes no value (see '%s --help')\n", nsk_prog(), nsk_prog());
	assert_string_equal(option_error_for((char *)"--detach=1"), expect);
	snprintf(expect, sizeof(expect), "%s: option '--det' takes no value (see '%s --help')\n", nsk_prog(), nsk_prog());
	assert_string_equal(option_error_for((char *)"--det=yes"), expect);
}

static void test_truncated_line_stays_one_line(void **state)
{
	char *out = capture(say_long);
	size_t len = strlen(out);

	assert_true(len > 100 && len < 1100);
	assert_int_equal(out[len - 1], '\n');
	assert_null(memchr(out, '\n', len - 1));
}

/* ---- the registry of lib's codes ---- */

/* Every code of lib/errcode.h, by name: a code added there and not here
 * fails test_codes (the count). */
static const int all_codes[] = {
	TARGET_ENOHANDLE, TARGET_EEMPTY, TARGET_ESYNTAX, TARGET_ESTALE, TARGET_ENOPIDFS,
	CGKEY_EUNKNOWN, CGKEY_EVALUE, CGKEY_ENOCTRL,
	CGGROUP_ENOPARENT,
	NETADDR_ESYNTAX, NETADDR_ENOPREFIX, NETADDR_EPREFIX, NETADDR_EUNSPEC, NETADDR_EMULTICAST,
	NETADDR_EBROADCAST, NETADDR_EMACSYNTAX, NETADDR_EMACMULTI, NETADDR_EMACZERO,
	NETADDR_ENAMEEMPTY, NETADDR_ENAMELONG, NETADDR_ENAMECHAR,
	PROCMASK_ENOTNULL, PROCMASK_ENOTPROC, PROCMASK_ENOTSYSFS, PROCMASK_EKIND,
	PERSIST_ENOTOURS,
	IDNAME_ENONAME, IDNAME_EENTRY, IDNAME_ENOTFILE, IDNAME_ETOOBIG,
	DL_ELOAD, DL_ESYMBOL, DL_ENOTLOADED,
};
#define NCODES (sizeof(all_codes) / sizeof(all_codes[0]))

static void test_codes(void **state)
{
	/* above every errno the kernel can return (MAX_ERRNO is 4095) */
	assert_true(NSK_ERRCODE_FIRST > 4095);
	assert_int_equal(NCODES, NSK_ERRCODE_END - NSK_ERRCODE_FIRST);
	for (size_t i = 0; i < NCODES; i++) {
		assert_true(all_codes[i] >= NSK_ERRCODE_FIRST && all_codes[i] < NSK_ERRCODE_END);
		/* no two codes equal, no two texts alike */
		for (size_t j = 0; j < i; j++) {
			assert_int_not_equal(all_codes[i], all_codes[j]);
			assert_string_not_equal(nsk_strerror(-all_codes[i]),
						nsk_strerror(-all_codes[j]));
		}
	}
}

static void test_code_texts(void **state)
{
	/* every code has a text of its own, negated (as returned) or not */
	for (int e = NSK_ERRCODE_FIRST; e < NSK_ERRCODE_END; e++) {
		const char *text = nsk_strerror(-e);

		assert_non_null(text);
		assert_true(*text);
		assert_string_not_equal(text, "unknown nskit error");
		assert_null(strstr(text, "Unknown error"));
		assert_string_equal(nsk_strerror(e), text);
	}
	assert_string_equal(nsk_strerror(-TARGET_ESYNTAX), "not a handle (expected PID or PID:INODE)");
	assert_string_equal(nsk_strerror(-PROCMASK_ENOTPROC), "not a proc file system");
}

static void test_errno_texts(void **state)
{
	char copy[256];

	/* an errno value gives strerror's text, whichever the sign */
	for (int e = 1; e < 4096; e++) {
		snprintf(copy, sizeof(copy), "%s", strerror(e));
		assert_string_equal(nsk_strerror(-e), copy);
		assert_string_equal(nsk_strerror(e), copy);
	}
	assert_string_equal(nsk_strerror(-ENOENT), "No such file or directory");
	/* past the registry: strerror's "Unknown error N" */
	snprintf(copy, sizeof(copy), "%s", strerror(NSK_ERRCODE_END));
	assert_string_equal(nsk_strerror(-NSK_ERRCODE_END), copy);
}

/* ---- the failure record ---- */

static char line[8192];

static const char *line_of(const struct nsk_failure *f, int err)
{
	return nsk_failure_line(f, err, line, sizeof(line));
}

static void test_fail(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;

	assert_string_equal(line_of(&f, -ENOENT), "No such file or directory");
	assert_int_equal(nsk_fail(&f, -ENOENT, "chdir", "%s", "/x"), -ENOENT);
	assert_string_equal(f.step, "chdir");
	assert_string_equal(f.object, "/x");
	assert_string_equal(f.detail, "");
	assert_string_equal(line_of(&f, -ENOENT), "/x: chdir: No such file or directory");
	/* a private code's text */
	assert_string_equal(line_of(&f, -PROCMASK_EKIND),
			    "/x: chdir: neither a regular file nor a directory");
	/* no object, no step */
	nsk_fail(&f, -EPERM, "setuid", NULL);
	assert_string_equal(line_of(&f, -EPERM), "setuid: Operation not permitted");
	nsk_fail(&f, -EPERM, NULL, "/proc/%d/%s", 42, "uid_map");
	assert_string_equal(line_of(&f, -EPERM), "/proc/42/uid_map: Operation not permitted");
	nsk_fail(&f, -EPERM, NULL, NULL);
	assert_string_equal(line_of(&f, -EPERM), "Operation not permitted");
}

static void test_fail_detail(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;

	/* the detail is the cause, in the errno's place; step and object stay */
	nsk_fail(&f, -EPERM, NULL, "/proc/%d/uid_map", 42);
	assert_int_equal(nsk_fail_detail(&f, -EPERM, "range %s is not yours", "0:0:1"), -EPERM);
	assert_string_equal(f.object, "/proc/42/uid_map");
	assert_string_equal(line_of(&f, -EPERM), "/proc/42/uid_map: range 0:0:1 is not yours");
	/* a new failure starts over: the old detail goes */
	nsk_fail(&f, -ENOENT, "create", "%s", "/run/x");
	assert_string_equal(line_of(&f, -ENOENT), "/run/x: create: No such file or directory");
	nsk_fail_clear(&f);
	assert_string_equal(line_of(&f, -EIO), strerror(EIO));
}

static void test_fail_context(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;

	nsk_fail(&f, -EBUSY, NULL, "%s", "/sys/fs/cgroup/box");
	nsk_fail_context(&f, "%s", "box");
	assert_string_equal(line_of(&f, -EBUSY),
			    "box: /sys/fs/cgroup/box: Device or resource busy");
	/* without an object, the context takes its place */
	nsk_fail(&f, -EPERM, "setresuid", NULL);
	nsk_fail_context(&f, "user namespace: taking its ids");
	assert_string_equal(line_of(&f, -EPERM),
			    "user namespace: taking its ids: setresuid: Operation not permitted");
}

static void test_fail_null(void **state)
{
	/* no record wanted: the helpers only return the error */
	assert_int_equal(nsk_fail(NULL, -EIO, "x", "%s", "y"), -EIO);
	assert_int_equal(nsk_fail_detail(NULL, -EIO, "z"), -EIO);
	nsk_fail_context(NULL, "c");
	nsk_fail_clear(NULL);
	assert_string_equal(line_of(NULL, -EIO), strerror(EIO));
}

static void test_fail_long(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	static char big[3 * PATH_MAX];
	char small[16];

	memset(big, 'a', sizeof(big) - 1);
	nsk_fail(&f, -EIO, big, "%s", big);
	nsk_fail_detail(&f, -EIO, "%s", big);
	assert_int_equal(strlen(f.step), sizeof(f.step) - 1);
	assert_int_equal(strlen(f.object), sizeof(f.object) - 1);
	assert_int_equal(strlen(f.detail), sizeof(f.detail) - 1);
	nsk_fail_context(&f, "%s", big);
	assert_int_equal(strlen(f.object), sizeof(f.object) - 1);
	/* the line is cut to its buffer, still a string */
	nsk_fail(&f, -EIO, "step", "%s", "/object");
	assert_string_equal(nsk_failure_line(&f, -EIO, small, sizeof(small)), "/object: step: ");
}

static void test_fail_exec(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;

	assert_int_equal(nsk_fail_exec(&f, "/nonexistent/cmd", EXIT_NOT_FOUND, ENOENT),
			 EXIT_NOT_FOUND);
	assert_string_equal(line_of(&f, -ENOENT), "/nonexistent/cmd: command not found");
	/* the cause is in the record: any error prints the same line */
	assert_string_equal(line_of(&f, 0), "/nonexistent/cmd: command not found");
	assert_int_equal(nsk_fail_exec(&f, "/etc/passwd", EXIT_CANNOT_RUN, EACCES),
			 EXIT_CANNOT_RUN);
	assert_string_equal(line_of(&f, -EIO), "/etc/passwd: Permission denied");
	/* no command: the shell */
	setenv("SHELL", "/bin/nskit-sh", 1);
	nsk_fail_exec(&f, NULL, EXIT_NOT_FOUND, ENOENT);
	assert_string_equal(line_of(&f, -ENOENT), "/bin/nskit-sh: command not found");
	setenv("SHELL", "", 1);
	nsk_fail_exec(&f, NULL, EXIT_CANNOT_RUN, ENOEXEC);
	assert_string_equal(line_of(&f, -ENOEXEC), "/bin/sh: Exec format error");
	assert_int_equal(nsk_fail_exec(NULL, "x", EXIT_NOT_FOUND, ENOENT), EXIT_NOT_FOUND);
}

static struct nsk_failure printed;
static void say_failure(void) { nsk_err_failure(&printed, -ENOENT); }

static void test_err_failure(void **state)
{
	char expect[256];

	nsk_fail(&printed, -ENOENT, "chdir", "%s", "/missing");
	snprintf(expect, sizeof(expect), "%s: /missing: chdir: No such file or directory\n",
		 nsk_prog());
	assert_string_equal(capture(say_failure), expect);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines), cmocka_unit_test(test_truncated_line_stays_one_line),
		cmocka_unit_test(test_option_errors),
		cmocka_unit_test(test_codes), cmocka_unit_test(test_code_texts),
		cmocka_unit_test(test_errno_texts),
		cmocka_unit_test(test_fail), cmocka_unit_test(test_fail_detail),
		cmocka_unit_test(test_fail_context), cmocka_unit_test(test_fail_null),
		cmocka_unit_test(test_fail_long), cmocka_unit_test(test_fail_exec),
		cmocka_unit_test(test_err_failure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
