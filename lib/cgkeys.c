/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgkeys.h"
#include "cleanup.h"
#include "err.h"
#include "parse.h"

enum kind { K_SIZE, K_CPU_MAX, K_WEIGHT, K_LIST, K_PIDS, K_IO_MAX, K_FREEZE };

static const struct key {
	const char *v2;
	int ctrl;
	enum kind kind;
	const char *v1;		/* the v1 file, when there is a single one */
} keys[] = {
	{ "memory.max", CG_MEMORY, K_SIZE, "memory.limit_in_bytes" },
	{ "memory.high", CG_MEMORY, K_SIZE, "memory.soft_limit_in_bytes" },
	{ "memory.swap.max", CG_MEMORY, K_SIZE, "memory.memsw.limit_in_bytes" },
	{ "cpu.max", CG_CPU, K_CPU_MAX, NULL },
	{ "cpu.weight", CG_CPU, K_WEIGHT, "cpu.shares" },
	{ "cpuset.cpus", CG_CPUSET, K_LIST, "cpuset.cpus" },
	{ "cpuset.mems", CG_CPUSET, K_LIST, "cpuset.mems" },
	{ "pids.max", CG_PIDS, K_PIDS, "pids.max" },
	{ "io.max", CG_IO, K_IO_MAX, NULL },
	{ "cgroup.freeze", CG_FREEZER, K_FREEZE, "freezer.state" },
};

static const char *const io_keys[] = { "rbps", "wbps", "riops", "wiops", NULL };
static const char *const io_v1_files[] = {
	"blkio.throttle.read_bps_device", "blkio.throttle.write_bps_device",
	"blkio.throttle.read_iops_device", "blkio.throttle.write_iops_device",
};

void cgkey_ctx_from_sys(const struct cg_sys *sys, struct cgkey_ctx *ret)
{
	memset(ret, 0, sizeof(*ret));
	for (unsigned i = 0; i < sys->n; i++) {
		if (sys->h[i].v2)
			ret->v2_ctrls |= sys->h[i].ctrls;
		else
			ret->v1_ctrls |= sys->h[i].ctrls;
	}
	ret->v2_ctrls &= ~ret->v1_ctrls;	/* a v1 hierarchy holds it */
	ret->have_v2 = sys->v2 >= 0;
}

static const struct key *find_key(const char *name)
{
	for (size_t i = 0; i < ELEMENTSOF(keys); i++)
		if (!strcmp(keys[i].v2, name))
			return &keys[i];
	return NULL;
}

/* The controller of a raw key: its prefix up to the first dot. */
static int raw_ctrl(const char *key)
{
	char prefix[32];
	const char *dot = strchr(key, '.');
	size_t n = dot ? (size_t)(dot - key) : 0;

	/* a raw key is a file name: one that cg_write would cut short is
	 * no file of the controller's */
	if (!dot || n == 0 || n >= sizeof(prefix) || !dot[1] || strchr(key, '/') ||
	    strlen(key) >= sizeof(((struct cg_write *)NULL)->file))
		return -CGKEY_EUNKNOWN;
	memcpy(prefix, key, n);
	prefix[n] = '\0';
	if (!strcmp(prefix, "cgroup"))
		return CG_CORE;
	int c = cg_ctrl_from_name(prefix);
	return c >= 0 ? c : -CGKEY_EUNKNOWN;
}

/* Whether the key's controller lives on v2 (1), v1 (0), or nowhere. */
static int where(const struct cgkey_ctx *ctx, const struct key *k, int ctrl)
{
	if (k && k->kind == K_FREEZE)
		return (ctx->v1_ctrls & CG_BIT(CG_FREEZER)) ? 0 : ctx->have_v2 ? 1 : -CGKEY_ENOCTRL;
	if (ctrl == CG_CORE)
		return ctx->have_v2 ? 1 : -CGKEY_ENOCTRL;
	if (ctx->v1_ctrls & CG_BIT(ctrl))
		return 0;
	if (ctx->v2_ctrls & CG_BIT(ctrl))
		return 1;
	/* cpu usage figures come with cpu on v2 */
	return -CGKEY_ENOCTRL;
}

int cgkey_ctrl(const struct cgkey_ctx *ctx, const char *key)
{
	const struct key *k = find_key(key);

	(void)ctx;
	if (k)
		return k->ctrl;
	return raw_ctrl(key);
}

const char *cgkey_expects(const char *key)
{
	const struct key *k = find_key(key);

	switch (k ? (int)k->kind : -1) {
	case K_SIZE: return "a size (K, M, G, T suffixes) or max";
	case K_CPU_MAX: return "QUOTA|max [PERIOD] in microseconds";
	case K_WEIGHT: return "a weight from 1 to 10000";
	case K_LIST: return "a list like 0-3,5";
	case K_PIDS: return "a number or max";
	case K_IO_MAX: return "MAJ:MIN rbps=N wbps=N riops=N wiops=N";
	case K_FREEZE: return "0 or 1";
	}
	return "a value";
}

int cgkey_explain(struct nsk_failure *f, int err, const char *key)
{
	int ctrl;

	switch (-err) {
	case CGKEY_EVALUE:
		return nsk_fail_detail(f, err, "bad value (expected %s)", cgkey_expects(key));
	case CGKEY_ENOCTRL:
		if ((ctrl = cgkey_ctrl(NULL, key)) == CG_CORE)
			return nsk_fail_detail(f, err, "cgroup v2 is not mounted");
		return nsk_fail_detail(f, err, "the %s controller is not available",
				       cg_ctrl_name(ctrl));
	}
	return err;	/* CGKEY_EUNKNOWN, errno values: their own text */
}

static int size_or_max(const char *s, bool *ret_max, uint64_t *ret)
{
	*ret_max = !strcmp(s, "max");
	if (*ret_max)
		return 0;
	return parse_size(s, ret) < 0 ? -CGKEY_EVALUE : 0;
}

/* One decimal number of at most max at the start of s: its length, or
 * -CGKEY_EVALUE. */
static int leading_number(const char *s, uint64_t max, uint64_t *ret)
{
	char num[12];
	size_t n = strspn(s, "0123456789");

	if (n == 0 || n >= sizeof(num))
		return -CGKEY_EVALUE;
	memcpy(num, s, n);
	num[n] = '\0';
	return parse_uint(num, max, ret) < 0 ? -CGKEY_EVALUE : (int)n;
}

bool cgkey_list_ok(const char *s)
{
	uint64_t a, b;
	int n;

	for (;;) {
		if ((n = leading_number(s, 1u << 20, &a)) < 0)
			return false;
		s += n;
		if (*s == '-') {
			if ((n = leading_number(++s, 1u << 20, &b)) < 0 || b < a)
				return false;
			s += n;
		}
		if (!*s)
			return true;
		if (*s++ != ',')
			return false;
	}
}

/* runc and crun map shares to weight as 1 + (shares - 2) * 9999 / 262142;
 * the way back rounds up, so that a weight survives the round trip. */
uint64_t cgkey_weight_to_shares(uint64_t weight)
{
	return 2 + ((weight - 1) * 262142 + 9998) / 9999;
}

uint64_t cgkey_shares_to_weight(uint64_t shares)
{
	if (shares < 2)
		shares = 2;
	if (shares > 262144)
		shares = 262144;
	return 1 + ((shares - 2) * 9999) / 262142;
}

static struct cg_write *add(struct cg_write *out, int *n, int ctrl, bool v2, const char *file)
{
	struct cg_write *w = &out[(*n)++];

	memset(w, 0, sizeof(*w));
	w->ctrl = ctrl;
	w->v2 = v2;
	snprintf(w->file, sizeof(w->file), "%s", file);
	return w;
}

static int tr_size(const struct key *k, bool v2, const char *value,
		   const struct cgkey_batch *batch, struct cg_write *out, int *n)
{
	const char *memory_max = batch ? batch->memory_max : NULL;
	uint64_t bytes, mem;
	bool max, mem_max;
	struct cg_write *w;

	if (size_or_max(value, &max, &bytes) < 0)
		return -CGKEY_EVALUE;
	w = add(out, n, k->ctrl, v2, v2 ? k->v2 : k->v1);
	if (v2 || strcmp(k->v2, "memory.swap.max")) {
		w->keep_swap = !v2 && !strcmp(k->v2, "memory.max") && !(batch && batch->swap_set);
		if (max)
			snprintf(w->value, sizeof(w->value), "%s", v2 ? "max" : "-1");
		else
			snprintf(w->value, sizeof(w->value), "%llu", (unsigned long long)bytes);
		return 0;
	}
	/* v1 counts memory + swap together. */
	if (max) {
		snprintf(w->value, sizeof(w->value), "-1");
	} else if (memory_max) {
		if (size_or_max(memory_max, &mem_max, &mem) < 0)
			return -CGKEY_EVALUE;
		if (mem_max || mem > UINT64_MAX - bytes)
			snprintf(w->value, sizeof(w->value), "-1");
		else
			snprintf(w->value, sizeof(w->value), "%llu",
				 (unsigned long long)(mem + bytes));
	} else {
		w->plus_memory = true;
		snprintf(w->value, sizeof(w->value), "%llu", (unsigned long long)bytes);
	}
	return 0;
}

/* "QUOTA|max [PERIOD]" */
static int parse_cpu_max(const char *s, bool *ret_max, uint64_t *ret_quota, uint64_t *ret_period)
{
	char quota[24];
	const char *sp = strchr(s, ' ');
	size_t n = sp ? (size_t)(sp - s) : strlen(s);

	if (n == 0 || n >= sizeof(quota))
		return -CGKEY_EVALUE;
	memcpy(quota, s, n);
	quota[n] = '\0';
	*ret_max = !strcmp(quota, "max");
	*ret_period = 0;
	if (!*ret_max && (parse_uint(quota, 1ULL << 53, ret_quota) < 0 || *ret_quota < 1000))
		return -CGKEY_EVALUE;
	if (sp && (parse_uint(sp + 1, 1000000, ret_period) < 0 || *ret_period < 1000))
		return -CGKEY_EVALUE;
	return 0;
}

static int tr_cpu_max(const struct key *k, bool v2, const char *value, struct cg_write *out,
		      int *n)
{
	uint64_t quota = 0, period;
	bool max;
	struct cg_write *w;

	if (parse_cpu_max(value, &max, &quota, &period) < 0)
		return -CGKEY_EVALUE;
	if (v2) {
		char q[24];
		snprintf(q, sizeof(q), "%llu", (unsigned long long)quota);
		w = add(out, n, k->ctrl, true, "cpu.max");
		if (period)
			snprintf(w->value, sizeof(w->value), "%s %llu", max ? "max" : q,
				 (unsigned long long)period);
		else
			snprintf(w->value, sizeof(w->value), "%s", max ? "max" : q);
		return 0;
	}
	if (period) {
		w = add(out, n, k->ctrl, false, "cpu.cfs_period_us");
		snprintf(w->value, sizeof(w->value), "%llu", (unsigned long long)period);
	}
	w = add(out, n, k->ctrl, false, "cpu.cfs_quota_us");
	if (max)
		snprintf(w->value, sizeof(w->value), "-1");
	else
		snprintf(w->value, sizeof(w->value), "%llu", (unsigned long long)quota);
	return 0;
}

/* "MAJ:MIN" at the start of s, as the kernel writes a device number:
 * digits, a colon, digits (sscanf's %u also took blanks and a sign, so
 * "8:\v-0" read as 8:0). Its length, or -CGKEY_EVALUE. */
static int parse_devnum(const char *s, unsigned *ret_maj, unsigned *ret_min)
{
	uint64_t maj, min;
	int a = leading_number(s, 4095, &maj), b;

	if (a < 0 || s[a] != ':' || (b = leading_number(s + a + 1, 1048575, &min)) < 0)
		return -CGKEY_EVALUE;
	*ret_maj = (unsigned)maj;
	*ret_min = (unsigned)min;
	return a + 1 + b;
}

/* "MAJ:MIN" then one or more "KEY=VALUE" separated by spaces. */
static int tr_io_max(const struct key *k, bool v2, const char *value, struct cg_write *out,
		     int *n)
{
	unsigned maj, min;
	int used = 0;
	char v2text[160];
	int len;

	if ((used = parse_devnum(value, &maj, &min)) < 0 || value[used] != ' ')
		return -CGKEY_EVALUE;
	len = snprintf(v2text, sizeof(v2text), "%u:%u", maj, min);
	for (const char *p = value + used; *p;) {
		char item[48], num[24];
		p += strspn(p, " ");
		size_t ilen = strcspn(p, " ");
		if (ilen == 0)
			break;
		if (ilen >= sizeof(item))
			return -CGKEY_EVALUE;
		memcpy(item, p, ilen);
		item[ilen] = '\0';
		p += ilen;
		char *eq = strchr(item, '=');
		if (!eq)
			return -CGKEY_EVALUE;
		*eq = '\0';
		int which = parse_choice(item, io_keys);
		uint64_t v;
		bool max;
		if (which < 0 || size_or_max(eq + 1, &max, &v) < 0 || (!max && v == 0))
			return -CGKEY_EVALUE;
		if (max)
			snprintf(num, sizeof(num), "%s", v2 ? "max" : "0");
		else
			snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
		if (v2) {
			len += snprintf(v2text + len, sizeof(v2text) - (size_t)len, " %s=%s", item,
					num);
			if ((size_t)len >= sizeof(v2text))
				return -CGKEY_EVALUE;
		} else {
			if (*n == CGKEY_MAX_WRITES)
				return -CGKEY_EVALUE;
			struct cg_write *w = add(out, n, k->ctrl, false, io_v1_files[which]);
			snprintf(w->value, sizeof(w->value), "%u:%u %s", maj, min, num);
		}
	}
	if (v2) {
		if (!strchr(v2text, '='))
			return -CGKEY_EVALUE;
		struct cg_write *w = add(out, n, k->ctrl, true, "io.max");
		snprintf(w->value, sizeof(w->value), "%s", v2text);
	}
	return *n ? 0 : -CGKEY_EVALUE;
}

static int tr_simple(const struct key *k, bool v2, const char *value, struct cg_write *out, int *n)
{
	uint64_t v;
	struct cg_write *w;

	switch (k->kind) {
	case K_WEIGHT:
		if (parse_uint(value, 10000, &v) < 0 || v == 0)
			return -CGKEY_EVALUE;
		if (!v2)
			v = cgkey_weight_to_shares(v);
		w = add(out, n, k->ctrl, v2, v2 ? k->v2 : k->v1);
		snprintf(w->value, sizeof(w->value), "%llu", (unsigned long long)v);
		return 0;
	case K_LIST:
		if (!cgkey_list_ok(value))
			return -CGKEY_EVALUE;
		break;
	case K_PIDS:
		if (strcmp(value, "max") && parse_uint(value, INT32_MAX, &v) < 0)
			return -CGKEY_EVALUE;
		break;
	case K_FREEZE:
		if (strcmp(value, "0") && strcmp(value, "1"))
			return -CGKEY_EVALUE;
		w = add(out, n, v2 ? CG_CORE : CG_FREEZER, v2, v2 ? k->v2 : k->v1);
		snprintf(w->value, sizeof(w->value), "%s",
			 v2 ? value : *value == '1' ? "FROZEN" : "THAWED");
		return 0;
	default:
		return -CGKEY_EVALUE;
	}
	w = add(out, n, k->ctrl, v2, v2 ? k->v2 : k->v1);
	snprintf(w->value, sizeof(w->value), "%s", value);
	return 0;
}

int cgkey_translate(const struct cgkey_ctx *ctx, const char *key, const char *value,
		    const struct cgkey_batch *batch, struct cg_write *out, int *ret_ctrl)
{
	const struct key *k = find_key(key);
	int ctrl = k ? k->ctrl : raw_ctrl(key);
	int n = 0, on_v2, r;

	*ret_ctrl = ctrl;
	if (ctrl < CG_CORE)
		return ctrl;
	if ((on_v2 = where(ctx, k, ctrl)) < 0)
		return on_v2;
	if (k && k->kind == K_FREEZE)
		*ret_ctrl = on_v2 ? CG_CORE : CG_FREEZER;
	if (!k) {
		if (strchr(value, '\n') || strlen(value) >= sizeof(out->value))
			return -CGKEY_EVALUE;
		snprintf(add(out, &n, ctrl, on_v2, key)->value, sizeof(out->value), "%s", value);
		return n;
	}
	switch (k->kind) {
	case K_SIZE: r = tr_size(k, on_v2, value, batch, out, &n); break;
	case K_CPU_MAX: r = tr_cpu_max(k, on_v2, value, out, &n); break;
	case K_IO_MAX: r = tr_io_max(k, on_v2, value, out, &n); break;
	default: r = tr_simple(k, on_v2, value, out, &n); break;
	}
	return r < 0 ? r : n;
}

int cgkey_cpus(const char *s, char *buf, size_t size)
{
	uint64_t whole = 0, frac = 0, scale = 10000;
	const char *p = s;

	/* Quota in microseconds per 100000 us period: five decimals at most. */
	if (!isdigit((unsigned char)*p))
		return -EINVAL;
	for (; isdigit((unsigned char)*p); p++) {
		whole = whole * 10 + (uint64_t)(*p - '0');
		if (whole > 1000000)
			return -ERANGE;
	}
	if (*p == '.') {
		if (!isdigit((unsigned char)*++p))
			return -EINVAL;
		for (; isdigit((unsigned char)*p); p++) {
			if (scale == 0)
				return -EINVAL;
			frac += (uint64_t)(*p - '0') * scale;
			scale /= 10;
		}
	}
	if (*p)
		return -EINVAL;
	uint64_t quota = whole * 100000 + frac;
	if (quota < 1000)
		return -ERANGE;	/* the kernel's minimum quota is 1 ms */
	snprintf(buf, size, "%llu 100000", (unsigned long long)quota);
	return 0;
}

int cgkey_io_flag(const char *s, char *buf, size_t size)
{
	unsigned maj, min;
	int used = parse_devnum(s, &maj, &min);
	size_t len;

	if (used < 0 || s[used] != ':' || !s[++used])
		return -EINVAL;
	len = (size_t)snprintf(buf, size, "%u:%u ", maj, min);
	if (len + strlen(s + used) >= size)
		return -ERANGE;
	for (const char *p = s + used; *p; p++)
		buf[len++] = *p == ',' ? ' ' : *p;
	buf[len] = '\0';
	return 0;
}

void cgkey_v1_size_to_v2(const char *v1, char *buf, size_t size)
{
	uint64_t v;

	if (!strcmp(v1, "-1") || (parse_uint(v1, UINT64_MAX, &v) == 0 && v >= CGKEY_V1_UNLIMITED))
		snprintf(buf, size, "max");
	else
		snprintf(buf, size, "%s", v1);
}

static int get_swap_v1(cgkey_reader read, void *ud, char *out, size_t size)
{
	char memsw[32], mem[32];
	uint64_t a, b;
	int r;

	if ((r = read(ud, CG_MEMORY, false, "memory.memsw.limit_in_bytes", memsw, sizeof(memsw))) < 0 ||
	    (r = read(ud, CG_MEMORY, false, "memory.limit_in_bytes", mem, sizeof(mem))) < 0)
		return r;
	if (parse_uint(memsw, UINT64_MAX, &a) < 0 || parse_uint(mem, UINT64_MAX, &b) < 0)
		return -EINVAL;
	if (a >= CGKEY_V1_UNLIMITED)
		snprintf(out, size, "max");
	else
		snprintf(out, size, "%llu", (unsigned long long)(a >= b ? a - b : 0));
	return 0;
}

static int get_cpu_max_v1(cgkey_reader read, void *ud, char *out, size_t size)
{
	char quota[32], period[32];
	int r;

	if ((r = read(ud, CG_CPU, false, "cpu.cfs_quota_us", quota, sizeof(quota))) < 0 ||
	    (r = read(ud, CG_CPU, false, "cpu.cfs_period_us", period, sizeof(period))) < 0)
		return r;
	snprintf(out, size, "%s %s", quota[0] == '-' ? "max" : quota, period);
	return 0;
}

/* Gather the four blkio.throttle files ("8:0 1048576" lines) into io.max
 * lines ("8:0 rbps=1048576 wbps=max riops=max wiops=max"). */
static int get_io_v1(cgkey_reader read, void *ud, char *out, size_t size)
{
	struct { unsigned maj, min; char v[4][24]; } dev[16];
	unsigned ndev = 0;
	size_t len = 0;

	for (int f = 0; f < 4; f++) {
		char text[1024];
		int r = read(ud, CG_IO, false, io_v1_files[f], text, sizeof(text));
		if (r < 0)
			return r;
		for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
			unsigned maj, min, i;
			char v[24];
			if (sscanf(line, "%u:%u %23s", &maj, &min, v) != 3)
				continue;
			for (i = 0; i < ndev && (dev[i].maj != maj || dev[i].min != min); i++)
				;
			if (i == ndev) {
				if (ndev == ELEMENTSOF(dev))
					continue;
				dev[ndev].maj = maj;
				dev[ndev].min = min;
				for (int j = 0; j < 4; j++)
					strcpy(dev[ndev].v[j], "max");
				ndev++;
			}
			snprintf(dev[i].v[f], sizeof(dev[i].v[f]), "%s", v);
		}
	}
	out[0] = '\0';
	for (unsigned i = 0; i < ndev && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%u:%u rbps=%s wbps=%s riops=%s wiops=%s",
					i ? "\n" : "", dev[i].maj, dev[i].min, dev[i].v[0],
					dev[i].v[1], dev[i].v[2], dev[i].v[3]);
	return 0;
}

static int get_v1(const struct key *k, cgkey_reader read, void *ud, char *out, size_t size)
{
	char text[64];
	uint64_t v;
	int r;

	if (!strcmp(k->v2, "memory.swap.max"))
		return get_swap_v1(read, ud, out, size);
	if (k->kind == K_CPU_MAX)
		return get_cpu_max_v1(read, ud, out, size);
	if (k->kind == K_IO_MAX)
		return get_io_v1(read, ud, out, size);
	if ((r = read(ud, k->kind == K_FREEZE ? CG_FREEZER : k->ctrl, false, k->v1, out, size)) < 0)
		return r;
	switch (k->kind) {
	case K_SIZE:
		snprintf(text, sizeof(text), "%s", out);
		cgkey_v1_size_to_v2(text, out, size);
		break;
	case K_WEIGHT:
		if (parse_uint(out, UINT64_MAX, &v) < 0)
			return -EINVAL;
		snprintf(out, size, "%llu", (unsigned long long)cgkey_shares_to_weight(v));
		break;
	case K_FREEZE:
		snprintf(out, size, "%s", !strcmp(out, "THAWED") ? "0" : "1");
		break;
	default:
		break;
	}
	return 0;
}

int cgkey_get(const struct cgkey_ctx *ctx, const char *key, cgkey_reader read, void *ud,
	      char *out, size_t size)
{
	const struct key *k = find_key(key);
	int ctrl = k ? k->ctrl : raw_ctrl(key);
	int on_v2;

	if (ctrl < CG_CORE)
		return ctrl;
	if ((on_v2 = where(ctx, k, ctrl)) < 0)
		return on_v2;
	if (k && !on_v2)
		return get_v1(k, read, ud, out, size);
	if (k && k->kind == K_FREEZE)
		ctrl = CG_CORE;
	return read(ud, ctrl, on_v2, key, out, size);
}
