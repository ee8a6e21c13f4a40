/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cleanup.h"
#include "parse.h"

int parse_uint(const char *s, uint64_t max, uint64_t *ret)
{
	uint64_t v = 0;

	if (!s || !*s)
		return -EINVAL;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -EINVAL;
		unsigned d = *p - '0';
		if (v > (UINT64_MAX - d) / 10)
			return -ERANGE;
		v = v * 10 + d;
	}
	if (v > max)
		return -ERANGE;
	*ret = v;
	return 0;
}

int parse_u32(const char *s, uint32_t *ret)
{
	uint64_t v;
	int r = parse_uint(s, UINT32_MAX, &v);

	if (r == 0)
		*ret = (uint32_t)v;
	return r;
}

int parse_pid(const char *s, pid_t *ret)
{
	uint64_t v;
	int r = parse_uint(s, 1 << 22, &v);

	if (r < 0)
		return r;
	if (v == 0)
		return -ERANGE;
	*ret = (pid_t)v;
	return 0;
}

int parse_id(const char *s, uint32_t *ret)
{
	uint64_t v;
	int r = parse_uint(s, UINT32_MAX - 1, &v);

	if (r == 0)
		*ret = (uint32_t)v;
	return r;
}

int parse_size(const char *s, uint64_t *ret)
{
	const char *p = s;
	uint64_t v = 0;
	unsigned shift = 0;

	if (!s || !isdigit((unsigned char)*s))
		return -EINVAL;
	for (; isdigit((unsigned char)*p); p++) {
		unsigned d = *p - '0';
		if (v > (UINT64_MAX - d) / 10)
			return -ERANGE;
		v = v * 10 + d;
	}
	switch (toupper((unsigned char)*p)) {
	case '\0': break;
	case 'B': break;	/* plain bytes: "512B" */
	case 'K': shift = 10; p++; break;
	case 'M': shift = 20; p++; break;
	case 'G': shift = 30; p++; break;
	case 'T': shift = 40; p++; break;
	default: return -EINVAL;
	}
	if (shift && (!strcasecmp(p, "iB") || !strcasecmp(p, "B")))
		p += strlen(p);
	else if (!shift && !strcasecmp(p, "B"))
		p++;
	if (*p)
		return -EINVAL;
	if (shift && v > (UINT64_MAX >> shift))
		return -ERANGE;
	*ret = v << shift;
	return 0;
}

static const struct {
	const char *name;
	int num;
} signals[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "ILL", SIGILL },
	{ "TRAP", SIGTRAP }, { "ABRT", SIGABRT }, { "IOT", SIGIOT }, { "BUS", SIGBUS },
	{ "FPE", SIGFPE }, { "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV },
	{ "USR2", SIGUSR2 }, { "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },
	{ "STKFLT", SIGSTKFLT }, { "CHLD", SIGCHLD }, { "CONT", SIGCONT }, { "STOP", SIGSTOP },
	{ "TSTP", SIGTSTP }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU }, { "URG", SIGURG },
	{ "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ }, { "VTALRM", SIGVTALRM }, { "PROF", SIGPROF },
	{ "WINCH", SIGWINCH }, { "IO", SIGIO }, { "POLL", SIGPOLL }, { "PWR", SIGPWR },
	{ "SYS", SIGSYS },
};

const char *signal_name(int sig)
{
	static const char *const names[] = {
#define N(x) [SIG##x] = "SIG" #x
		N(HUP), N(INT), N(QUIT), N(ILL), N(TRAP), N(ABRT), N(BUS), N(FPE),
		N(KILL), N(USR1), N(SEGV), N(USR2), N(PIPE), N(ALRM), N(TERM),
		N(STKFLT), N(CHLD), N(CONT), N(STOP), N(TSTP), N(TTIN), N(TTOU),
		N(URG), N(XCPU), N(XFSZ), N(VTALRM), N(PROF), N(WINCH), N(IO),
		N(PWR), N(SYS),
#undef N
	};

	if (sig <= 0 || (size_t)sig >= ELEMENTSOF(names))
		return NULL;
	return names[sig];
}

static int parse_rt_signal(const char *s, int *ret)
{
	uint64_t n;
	int base, dir;

	if (!strncasecmp(s, "RTMIN", 5)) {
		base = SIGRTMIN;
		dir = 1;
	} else if (!strncasecmp(s, "RTMAX", 5)) {
		base = SIGRTMAX;
		dir = -1;
	} else {
		return -EINVAL;
	}
	s += 5;
	if (*s == '\0') {
		*ret = base;
		return 0;
	}
	if (*s != (dir > 0 ? '+' : '-'))
		return -EINVAL;
	if (parse_uint(s + 1, SIGRTMAX - SIGRTMIN, &n) < 0)
		return -EINVAL;
	*ret = base + dir * (int)n;
	return 0;
}

int parse_signal(const char *s, int *ret)
{
	uint64_t n;

	if (!s || !*s)
		return -EINVAL;
	if (isdigit((unsigned char)*s)) {
		int r = parse_uint(s, SIGRTMAX, &n);
		if (r < 0 || n == 0)
			return -EINVAL;
		*ret = (int)n;
		return 0;
	}
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (size_t i = 0; i < ELEMENTSOF(signals); i++)
		if (!strcasecmp(s, signals[i].name)) {
			*ret = signals[i].num;
			return 0;
		}
	return parse_rt_signal(s, ret);
}

int parse_signal_list(const char *s, sigset_t *ret)
{
	char item[32];

	if (!s || !*s) {
		for (int sig = 1; sig < NSIG; sig++)
			if (sig != SIGKILL && sig != SIGSTOP)
				sigaddset(ret, sig);
		return 0;
	}
	for (const char *p = s;; p++) {
		size_t len = strcspn(p, ",");
		int sig;

		if (len == 0 || len >= sizeof(item))
			return -EINVAL;
		memcpy(item, p, len);
		item[len] = '\0';
		if (parse_signal(item, &sig) < 0 || sig == SIGKILL || sig == SIGSTOP)
			return -EINVAL;
		sigaddset(ret, sig);
		p += len;
		if (!*p)
			return 0;
	}
}

int parse_seconds(const char *s, int64_t *ret_sec, long *ret_nsec)
{
	bool neg = false;
	uint64_t sec = 0;
	long nsec = 0;
	const char *p = s;

	if (!s)
		return -EINVAL;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return -EINVAL;
	for (; isdigit((unsigned char)*p); p++) {
		unsigned d = *p - '0';
		if (sec > ((uint64_t)INT64_MAX - d) / 10)
			return -ERANGE;
		sec = sec * 10 + d;
	}
	if (*p == '.') {
		long scale = 100000000;
		p++;
		if (!isdigit((unsigned char)*p))
			return -EINVAL;
		for (; isdigit((unsigned char)*p); p++) {
			if (scale == 0)
				return -EINVAL;	/* finer than a nanosecond */
			nsec += (*p - '0') * scale;
			scale /= 10;
		}
	}
	if (*p)
		return -EINVAL;
	/* The kernel wants a normalised (sec, nsec) with 0 <= nsec < 1e9. */
	if (neg) {
		*ret_sec = -(int64_t)sec - (nsec ? 1 : 0);
		*ret_nsec = nsec ? 1000000000L - nsec : 0;
	} else {
		*ret_sec = (int64_t)sec;
		*ret_nsec = nsec;
	}
	return 0;
}

int parse_choice(const char *s, const char *const choices[])
{
	if (!s)
		return -EINVAL;
	for (int i = 0; choices[i]; i++)
		if (!strcmp(s, choices[i]))
			return i;
	return -EINVAL;
}
