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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines), cmocka_unit_test(test_truncated_line_stays_one_line),
		cmocka_unit_test(test_option_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
