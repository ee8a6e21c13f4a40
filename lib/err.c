/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

_Static_assert(NSK_DETAIL_MAX + 2 < PATH_MAX, "a context fits in an object, with room to spare");

/* The texts of the registry (lib/errcode.h), by code. */
static const char *const code_texts[NSK_ERRCODE_END - NSK_ERRCODE_FIRST] = {
#define TEXT(code, text) [(code) - NSK_ERRCODE_FIRST] = (text)
	TEXT(TARGET_ENOHANDLE, "no target: give -t PID or pipe a handle to stdin"),
	TEXT(TARGET_EEMPTY, "no handle on stdin"),
	TEXT(TARGET_ESYNTAX, "not a handle (expected PID or PID:INODE)"),
	TEXT(TARGET_ESTALE, "not the process the handle named (its pidfs inode differs)"),
	TEXT(TARGET_ENOPIDFS, "PID:INODE needs pidfs (Linux 6.9 or later)"),

	TEXT(CGKEY_EUNKNOWN, "unknown key"),
	TEXT(CGKEY_EVALUE, "bad value"),
	TEXT(CGKEY_ENOCTRL, "its controller is not available"),

	TEXT(CGGROUP_ENOPARENT, "no such parent cgroup"),

	TEXT(NETADDR_ESYNTAX, "not an IPv4 or IPv6 address"),
	TEXT(NETADDR_ENOPREFIX, "no prefix length (write ADDRESS/PREFIX, e.g. 10.0.0.2/24)"),
	TEXT(NETADDR_EPREFIX, "prefix length out of range (0-32 for IPv4, 0-128 for IPv6)"),
	TEXT(NETADDR_EUNSPEC, "the unspecified address is not a host address"),
	TEXT(NETADDR_EMULTICAST, "a multicast address is not a host address"),
	TEXT(NETADDR_EBROADCAST, "the broadcast address of its subnet is not a host address"),
	TEXT(NETADDR_EMACSYNTAX, "not a MAC address (six hex pairs: 02:00:00:00:00:01)"),
	TEXT(NETADDR_EMACMULTI, "a multicast MAC address (its first byte is odd)"),
	TEXT(NETADDR_EMACZERO, "the all-zero MAC address"),
	TEXT(NETADDR_ENAMEEMPTY, "empty interface name"),
	TEXT(NETADDR_ENAMELONG, "interface name longer than 15 bytes"),
	TEXT(NETADDR_ENAMECHAR, "interface name with '/', ':', a space, or . or .."),

	TEXT(PROCMASK_ENOTNULL, "not the null device (character device 1:3)"),
	TEXT(PROCMASK_ENOTPROC, "not a proc file system"),
	TEXT(PROCMASK_ENOTSYSFS, "not a sysfs"),
	TEXT(PROCMASK_EKIND, "neither a regular file nor a directory"),

	TEXT(PERSIST_ENOTOURS, "it does not hold the namespace of that process: left alone"),

	TEXT(IDNAME_ENONAME, "no such name"),
	TEXT(IDNAME_EENTRY, "its entry has no valid id"),
	TEXT(IDNAME_ENOTFILE, "not a regular file"),
	TEXT(IDNAME_ETOOBIG, "too large for a passwd or group file"),
	TEXT(DL_ELOAD, "the library cannot be loaded"),
	TEXT(DL_ESYMBOL, "the library lacks a function nskit calls"),
	TEXT(DL_ENOTLOADED, "the library was not loaded before use"),
#undef TEXT
};

const char *nsk_strerror(int err)
{
	int e = err < 0 ? -err : err;

	if (e >= NSK_ERRCODE_FIRST && e < NSK_ERRCODE_END)
		return code_texts[e - NSK_ERRCODE_FIRST] ? code_texts[e - NSK_ERRCODE_FIRST]
							 : "unknown nskit error";
	return strerror(e);
}

/* ---- the failure record ---- */

void nsk_fail_clear(struct nsk_failure *f)
{
	if (f)
		f->step[0] = f->object[0] = f->detail[0] = '\0';
}

int nsk_fail(struct nsk_failure *f, int err, const char *step, const char *fmt, ...)
{
	va_list ap;

	if (!f)
		return err;
	nsk_fail_clear(f);
	if (step)
		snprintf(f->step, sizeof(f->step), "%s", step);
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(f->object, sizeof(f->object), fmt, ap);
		va_end(ap);
	}
	return err;
}

int nsk_fail_detail(struct nsk_failure *f, int err, const char *fmt, ...)
{
	va_list ap;

	if (!f)
		return err;
	va_start(ap, fmt);
	vsnprintf(f->detail, sizeof(f->detail), fmt, ap);
	va_end(ap);
	return err;
}

void nsk_fail_context(struct nsk_failure *f, const char *fmt, ...)
{
	char context[NSK_DETAIL_MAX];
	size_t n, len, keep;
	va_list ap;

	if (!f)
		return;
	va_start(ap, fmt);
	vsnprintf(context, sizeof(context), fmt, ap);
	va_end(ap);
	n = strlen(context);
	len = strlen(f->object);
	if (!len) {
		memcpy(f->object, context, n + 1);	/* NSK_DETAIL_MAX < PATH_MAX */
		return;
	}
	/* "CONTEXT: OBJECT" in place, the object cut at the end if need be */
	keep = sizeof(f->object) - 1 - n - 2;
	if (keep > len)
		keep = len;
	memmove(f->object + n + 2, f->object, keep);
	f->object[n + 2 + keep] = '\0';
	memcpy(f->object, context, n);
	memcpy(f->object + n, ": ", 2);
}

const char *nsk_failure_line(const struct nsk_failure *f, int err, char *buf, size_t size)
{
	const char *object = f ? f->object : "", *step = f ? f->step : "";
	const char *cause = f && *f->detail ? f->detail : nsk_strerror(err);

	if (size == 0)
		return buf;
	if (snprintf(buf, size, "%s%s%s%s%s", object, *object ? ": " : "", step, *step ? ": " : "",
		     cause) < 0)
		buf[0] = '\0';
	return buf;
}

/* ---- printing ---- */

const char *nsk_prog(void)
{
	return program_invocation_short_name;
}

static void vmsg(const char *prefix, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
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

void nsk_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", fmt, ap);
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

void nsk_err_failure(const struct nsk_failure *f, int err)
{
	char line[PATH_MAX + NSK_STEP_MAX + NSK_DETAIL_MAX];

	nsk_err("%s", nsk_failure_line(f, err, line, sizeof(line)));
}

int nsk_fail_exec(struct nsk_failure *f, const char *cmd, int status, int err)
{
	const char *shell = getenv("SHELL");

	if (!cmd)
		cmd = shell && *shell ? shell : "/bin/sh";
	nsk_fail(f, -err, NULL, "%s", cmd);
	/* the cause in the detail: the record says it all by itself */
	nsk_fail_detail(f, -err, "%s", status == EXIT_NOT_FOUND ? "command not found"
								 : nsk_strerror(err));
	return status;
}

int nsk_exec_error(const char *cmd, int status)
{
	struct nsk_failure f;
	int err = errno;

	nsk_fail_exec(&f, cmd, status, err);
	nsk_err_failure(&f, -err);
	return status;
}

void nsk_print_version(void)
{
	printf("%s (%s) %s\n", nsk_prog(), PACKAGE_NAME, PACKAGE_VERSION);
}
