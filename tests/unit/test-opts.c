/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <getopt.h>
#include <linux/capability.h>
#include <stdio.h>
#include <unistd.h>

#include "unit.h"
#include "exec.h"
#include "opts.h"

struct seen {
	int count;
	char last;
	const char *arg;
};

static int record(void *ctx, int c, const char *arg)
{
	struct seen *s = ctx;

	if (c == 'x')
		return -1;	/* a bad value: the callback has said why */
	s->count++;
	s->last = (char)c;
	s->arg = arg;
	return 0;
}

static void no_usage(void)
{
}

static const struct option longopts[] = {
	{ "name", required_argument, NULL, 'n' }, { "flag", no_argument, NULL, 'f' },
	{ "bad", no_argument, NULL, 'x' }, { "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int run(int argc, char **argv, struct seen *s)
{
	int saved = dup(STDERR_FILENO);
	FILE *null = fopen("/dev/null", "w");
	int r;

	dup2(fileno(null), STDERR_FILENO);	/* the one-line errors */
	optind = 0;
	r = opts_parse(argc, argv, "+:n:fxh", longopts, no_usage, record, s);
	dup2(saved, STDERR_FILENO);
	close(saved);
	fclose(null);
	return r;
}

static void test_goes_on(void **state)
{
	struct seen s = { 0 };
	char *argv[] = { "t", "-f", "--name", "box", "--", "cmd", NULL };

	assert_int_equal(run(6, argv, &s), 1);
	assert_int_equal(s.count, 2);
	assert_int_equal(s.last, 'n');
	assert_string_equal(s.arg, "box");
	assert_string_equal(argv[optind], "cmd");
}

static void test_stops_at_command(void **state)
{
	struct seen s = { 0 };
	char *argv[] = { "t", "cmd", "-f", NULL };

	assert_int_equal(run(3, argv, &s), 1);
	assert_int_equal(s.count, 0);
	assert_int_equal(optind, 1);
}

static void test_refusals(void **state)
{
	struct seen s = { 0 };
	char *unknown[] = { "t", "--nope", NULL };
	char *missing[] = { "t", "--name", NULL };
	char *bad[] = { "t", "--bad", NULL };
	char *help[] = { "t", "-h", "--nope", NULL };

	assert_int_equal(run(2, unknown, &s), -EINVAL);
	assert_int_equal(run(2, missing, &s), -EINVAL);
	assert_int_equal(run(2, bad, &s), -EINVAL);
	assert_int_equal(run(3, help, &s), 0);
}

/* --cap-add and --cap-drop: the sets they change, or the usage error */
static void test_caps_option(void **state)
{
	struct exec_opts e = { .change_caps = false };

	assert_int_equal(opts_caps_option(false, "net_admin,cap_sys_admin", &e), 0);
	assert_true(e.change_caps);
	assert_true(e.cap_drop == ((1ULL << CAP_NET_ADMIN) | (1ULL << CAP_SYS_ADMIN)));
	assert_true(e.cap_add == 0);
	assert_int_equal(opts_caps_option(true, "chown", &e), 0);
	assert_true(e.cap_add == 1ULL << CAP_CHOWN);
	/* an unknown name: a usage error, nothing changed */
	e = (struct exec_opts){ .change_caps = false };
	assert_int_equal(opts_caps_option(true, "bogus", &e), -EINVAL);
	assert_false(e.change_caps);
	assert_true(e.cap_add == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_goes_on), cmocka_unit_test(test_stops_at_command),
		cmocka_unit_test(test_refusals), cmocka_unit_test(test_caps_option),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
