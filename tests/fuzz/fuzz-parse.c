/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Option values (lib/parse, lib/confine's fd options, lib/caps): numbers,
 * pids, ids, sizes, signals, durations, choices, --preserve-fds/--keep-fd
 * and capability lists. The input is one value; fields after NULs are the
 * further --keep-fd values of one command line. Every parser sees every
 * input: each is cheap, and a value meant for one is a bad value for the
 * others. */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>

#include "caps.h"
#include "confine.h"
#include "fuzz.h"
#include "parse.h"
#include "target.h"

static bool all_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

static void numbers(const char *s)
{
	uint64_t v, back;
	uint32_t u32;
	pid_t pid;
	char text[32];
	int r;

	if ((r = parse_uint(s, UINT64_MAX, &v)) == 0) {
		FUZZ_CHECK(all_digits(s));
		snprintf(text, sizeof(text), "%" PRIu64, v);
		FUZZ_CHECK(parse_uint(text, UINT64_MAX, &back) == 0 && back == v);
	} else {
		FUZZ_CHECK(r == -EINVAL || r == -ERANGE);
	}
	if (parse_uint(s, 1000, &v) == 0)
		FUZZ_CHECK(v <= 1000);
	if (parse_u32(s, &u32) == 0)
		FUZZ_CHECK(all_digits(s));
	if (parse_pid(s, &pid) == 0)
		FUZZ_CHECK(pid >= 1 && pid <= (1 << 22));
	if (parse_id(s, &u32) == 0)
		FUZZ_CHECK(u32 != UINT32_MAX);
	if (parse_size(s, &v) == 0) {
		FUZZ_CHECK(*s >= '0' && *s <= '9');
		snprintf(text, sizeof(text), "%" PRIu64, v);
		FUZZ_CHECK(parse_size(text, &back) == 0 && back == v);
	}
}

static void signals(const char *s)
{
	int sig, back;

	if (parse_signal(s, &sig) < 0)
		return;
	FUZZ_CHECK(sig >= 1 && sig <= SIGRTMAX);
	const char *name = signal_name(sig);
	if (name)
		FUZZ_CHECK(parse_signal(name, &back) == 0 && back == sig);
}

/* --default-signal's list: never KILL or STOP, and an empty list is all */
static void signal_lists(const char *s)
{
	sigset_t set;

	sigemptyset(&set);
	if (parse_signal_list(s, &set) < 0)
		return;
	FUZZ_CHECK(!sigismember(&set, SIGKILL) && !sigismember(&set, SIGSTOP));
	FUZZ_CHECK(!*s || s[strlen(s) - 1] != ',');
	if (!*s)
		FUZZ_CHECK(sigismember(&set, SIGTERM) == 1);
}

static void seconds(const char *s)
{
	int64_t sec;
	long nsec;

	if (parse_seconds(s, &sec, &nsec) == 0)
		FUZZ_CHECK(nsec >= 0 && nsec < 1000000000L);
}

static void choices(const char *s)
{
	static const char *const modes[] = { "allow", "deny", NULL };
	int i = parse_choice(s, modes);

	FUZZ_CHECK(i == -EINVAL || (i >= 0 && i < 2 && !strcmp(s, modes[i])));
	i = parse_choice(s, target_handle_formats);
	FUZZ_CHECK(i == -EINVAL || !strcmp(s, target_handle_formats[i]));
}

/* --preserve-fds and --keep-fd: whatever was accepted, the ranges to
 * close cover exactly the descriptors >= 3 that are not kept. */
static void fd_options(const struct fuzz_fields *f)
{
	struct fdkeep k = FDKEEP_INIT;
	unsigned ranges[FDKEEP_MAX + 2][2];
	int n;

	if (fdkeep_parse_preserve(&k, f->field[0]) == 0)
		FUZZ_CHECK(k.preserve <= INT32_MAX - 3);
	for (unsigned i = 1; i < f->n; i++)
		if (fdkeep_parse_fd(&k, f->field[i]) == 0)
			FUZZ_CHECK(k.fd[k.count - 1] >= 3);
	n = fdkeep_close_ranges(&k, ranges, FDKEEP_MAX + 2);
	FUZZ_CHECK(n >= 1);
	for (int i = 0; i < n; i++) {
		FUZZ_CHECK(ranges[i][0] >= 3 && ranges[i][0] <= ranges[i][1]);
		FUZZ_CHECK(i == 0 || ranges[i][0] > ranges[i - 1][1] + 1);
		FUZZ_CHECK(ranges[i][0] > INT32_MAX || !fdkeep_has(&k, (int)ranges[i][0]));
		FUZZ_CHECK(ranges[i][1] > INT32_MAX || !fdkeep_has(&k, (int)ranges[i][1]));
		/* what lies between two ranges is kept */
		if (i > 0 && ranges[i - 1][1] + 1 <= INT32_MAX)
			FUZZ_CHECK(fdkeep_has(&k, (int)(ranges[i - 1][1] + 1)));
	}
	FUZZ_CHECK(ranges[n - 1][1] == ~0U);
}

static void capabilities(const char *s)
{
	capmask_t mask = 0;
	char bad[32];

	if (caps_parse(s, &mask, bad, sizeof(bad)) == 0)
		FUZZ_CHECK(mask != 0);
	else
		FUZZ_CHECK(strlen(bad) < sizeof(bad));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_fields f;

	if (size > 4096 || fuzz_split(data, size, FUZZ_MAX_FIELDS, &f) < 0)
		return 0;
	numbers(f.field[0]);
	signals(f.field[0]);
	signal_lists(f.field[0]);
	seconds(f.field[0]);
	choices(f.field[0]);
	capabilities(f.field[0]);
	fd_options(&f);
	fuzz_fields_free(&f);
	return 0;
}
