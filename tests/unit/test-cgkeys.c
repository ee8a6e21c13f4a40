/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "cgkeys.h"
#include "err.h"

#define ALL_V1                                                                              \
	(CG_BIT(CG_CPU) | CG_BIT(CG_CPUACCT) | CG_BIT(CG_CPUSET) | CG_BIT(CG_MEMORY) |       \
	 CG_BIT(CG_IO) | CG_BIT(CG_PIDS) | CG_BIT(CG_FREEZER))
#define ALL_V2                                                                              \
	(CG_BIT(CG_CPU) | CG_BIT(CG_CPUSET) | CG_BIT(CG_MEMORY) | CG_BIT(CG_IO) |            \
	 CG_BIT(CG_PIDS) | CG_BIT(CG_HUGETLB))

static const struct cgkey_ctx unified = { 0, ALL_V2, true };
static const struct cgkey_ctx hybrid = { ALL_V1, CG_BIT(CG_HUGETLB), true };
static const struct cgkey_ctx legacy = { ALL_V1, 0, false };

/* Translate and render the writes as "file=value;..." ("+" marks memsw
 * values to be added to the memory limit). */
static int tr(const struct cgkey_ctx *ctx, const char *key, const char *value,
	      const char *memory_max, char *out, size_t size)
{
	struct cg_write w[CGKEY_MAX_WRITES];
	struct cgkey_batch batch = { memory_max, false };
	int ctrl, n = cgkey_translate(ctx, key, value, &batch, w, &ctrl);
	size_t len = 0;

	out[0] = '\0';
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s%s=%s%s%s", i ? ";" : "",
					w[i].v2 ? "v2:" : "v1:", w[i].file, w[i].keep_swap ? "~" : "",
					w[i].plus_memory ? "+" : "", w[i].value);
	return n;
}

#define TR(ctx, key, value, expect)                                                          \
	do {                                                                                 \
		char _o[512];                                                                \
		assert_true(tr(ctx, key, value, NULL, _o, sizeof(_o)) > 0);                   \
		assert_string_equal(_o, expect);                                             \
	} while (0)

static void test_memory(void **state)
{
	char o[512];

	TR(&unified, "memory.max", "256M", "v2:memory.max=268435456");
	TR(&unified, "memory.max", "max", "v2:memory.max=max");
	TR(&hybrid, "memory.max", "256M", "v1:memory.limit_in_bytes=~268435456");
	TR(&legacy, "memory.max", "max", "v1:memory.limit_in_bytes=~-1");
	/* with swap in the same request, memsw is written explicitly */
	struct cg_write w[CGKEY_MAX_WRITES];
	struct cgkey_batch both = { "1M", true };
	int ctrl;
	assert_int_equal(cgkey_translate(&legacy, "memory.max", "1M", &both, w, &ctrl), 1);
	assert_false(w[0].keep_swap);
	assert_int_equal(cgkey_translate(&legacy, "memory.max", "1M", NULL, w, &ctrl), 1);
	assert_true(w[0].keep_swap);
	TR(&hybrid, "memory.high", "1G", "v1:memory.soft_limit_in_bytes=1073741824");
	TR(&unified, "memory.high", "1k", "v2:memory.high=1024");
	TR(&unified, "memory.swap.max", "0", "v2:memory.swap.max=0");
	/* v1 counts memory + swap */
	assert_int_equal(tr(&legacy, "memory.swap.max", "1M", "2M", o, sizeof(o)), 1);
	assert_string_equal(o, "v1:memory.memsw.limit_in_bytes=3145728");
	assert_int_equal(tr(&legacy, "memory.swap.max", "1M", "max", o, sizeof(o)), 1);
	assert_string_equal(o, "v1:memory.memsw.limit_in_bytes=-1");
	TR(&legacy, "memory.swap.max", "1M", "v1:memory.memsw.limit_in_bytes=+1048576");
	TR(&legacy, "memory.swap.max", "max", "v1:memory.memsw.limit_in_bytes=-1");
	const char *bad[] = { "", "-1", "1X", "1.5G", "MAX", "max ", "16777216T", NULL };
	for (int i = 0; bad[i]; i++) {
		assert_int_equal(tr(&unified, "memory.max", bad[i], NULL, o, sizeof(o)),
				 -CGKEY_EVALUE);
		assert_int_equal(tr(&legacy, "memory.max", bad[i], NULL, o, sizeof(o)),
				 -CGKEY_EVALUE);
	}
	assert_int_equal(tr(&legacy, "memory.swap.max", "1M", "bogus", o, sizeof(o)),
			 -CGKEY_EVALUE);
}

static void test_cpu(void **state)
{
	char o[512], buf[64];

	TR(&unified, "cpu.max", "50000 100000", "v2:cpu.max=50000 100000");
	TR(&unified, "cpu.max", "max", "v2:cpu.max=max");
	TR(&unified, "cpu.max", "max 20000", "v2:cpu.max=max 20000");
	TR(&hybrid, "cpu.max", "150000 100000",
	   "v1:cpu.cfs_period_us=100000;v1:cpu.cfs_quota_us=150000");
	TR(&legacy, "cpu.max", "max", "v1:cpu.cfs_quota_us=-1");
	TR(&legacy, "cpu.max", "20000", "v1:cpu.cfs_quota_us=20000");
	const char *bad[] = { "", "10", "x 100000", "50000 10", "50000 2000000", "50000  100000",
			      "50000 100000 1", "-1", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(tr(&unified, "cpu.max", bad[i], NULL, o, sizeof(o)), -CGKEY_EVALUE);

	TR(&unified, "cpu.weight", "100", "v2:cpu.weight=100");
	TR(&hybrid, "cpu.weight", "100", "v1:cpu.shares=2598");
	TR(&legacy, "cpu.weight", "1", "v1:cpu.shares=2");
	TR(&legacy, "cpu.weight", "10000", "v1:cpu.shares=262144");
	assert_int_equal(tr(&legacy, "cpu.weight", "0", NULL, o, sizeof(o)), -CGKEY_EVALUE);
	assert_int_equal(tr(&legacy, "cpu.weight", "10001", NULL, o, sizeof(o)), -CGKEY_EVALUE);
	/* the conversion both ways, as runc and crun do it */
	assert_int_equal(cgkey_shares_to_weight(1024), 39);
	assert_int_equal(cgkey_shares_to_weight(2), 1);
	assert_int_equal(cgkey_shares_to_weight(262144), 10000);
	assert_int_equal(cgkey_shares_to_weight(0), 1);
	for (uint64_t w = 1; w <= 10000; w += 37)
		assert_int_equal(cgkey_shares_to_weight(cgkey_weight_to_shares(w)), w);

	/* --cpus */
	assert_int_equal(cgkey_cpus("1.5", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "150000 100000");
	assert_int_equal(cgkey_cpus("2", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "200000 100000");
	assert_int_equal(cgkey_cpus("0.01", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "1000 100000");
	assert_int_equal(cgkey_cpus("0.00999", buf, sizeof(buf)), -ERANGE);
	assert_int_equal(cgkey_cpus("0", buf, sizeof(buf)), -ERANGE);
	const char *badcpus[] = { "", "-1", "1.", ".5", "1.5x", "1,5", "0.000001", "one", NULL };
	for (int i = 0; badcpus[i]; i++)
		assert_int_equal(cgkey_cpus(badcpus[i], buf, sizeof(buf)), -EINVAL);
}

static void test_lists_pids_freeze(void **state)
{
	char o[512];

	TR(&unified, "cpuset.cpus", "0-3,5", "v2:cpuset.cpus=0-3,5");
	TR(&legacy, "cpuset.mems", "0", "v1:cpuset.mems=0");
	const char *bad[] = { "", "a", "3-1", "0,", ",0", "0--1", "1-", "0 1", NULL };
	for (int i = 0; bad[i]; i++) {
		assert_false(cgkey_list_ok(bad[i]));
		assert_int_equal(tr(&legacy, "cpuset.cpus", bad[i], NULL, o, sizeof(o)),
				 -CGKEY_EVALUE);
	}
	TR(&unified, "pids.max", "64", "v2:pids.max=64");
	TR(&legacy, "pids.max", "max", "v1:pids.max=max");
	assert_int_equal(tr(&legacy, "pids.max", "-1", NULL, o, sizeof(o)), -CGKEY_EVALUE);
	assert_int_equal(tr(&legacy, "pids.max", "1k", NULL, o, sizeof(o)), -CGKEY_EVALUE);

	TR(&unified, "cgroup.freeze", "1", "v2:cgroup.freeze=1");
	TR(&hybrid, "cgroup.freeze", "1", "v1:freezer.state=FROZEN");
	TR(&legacy, "cgroup.freeze", "0", "v1:freezer.state=THAWED");
	assert_int_equal(tr(&legacy, "cgroup.freeze", "yes", NULL, o, sizeof(o)), -CGKEY_EVALUE);
	/* v2 without a v1 freezer: the core file, even with no controller */
	struct cgkey_ctx bare = { CG_BIT(CG_MEMORY), 0, true };
	TR(&bare, "cgroup.freeze", "1", "v2:cgroup.freeze=1");
	struct cgkey_ctx nofreezer = { CG_BIT(CG_MEMORY), 0, false };
	assert_int_equal(tr(&nofreezer, "cgroup.freeze", "1", NULL, o, sizeof(o)), -CGKEY_ENOCTRL);
}

static void test_io(void **state)
{
	char o[512], buf[128];

	TR(&unified, "io.max", "8:0 rbps=1M wiops=100", "v2:io.max=8:0 rbps=1048576 wiops=100");
	TR(&unified, "io.max", "8:16 wbps=max", "v2:io.max=8:16 wbps=max");
	TR(&legacy, "io.max", "8:0 rbps=1M wiops=100",
	   "v1:blkio.throttle.read_bps_device=8:0 1048576;"
	   "v1:blkio.throttle.write_iops_device=8:0 100");
	TR(&hybrid, "io.max", "8:0 wbps=max riops=5",
	   "v1:blkio.throttle.write_bps_device=8:0 0;v1:blkio.throttle.read_iops_device=8:0 5");
	const char *bad[] = { "", "8:0", "8:0 ", "8 rbps=1", "x:0 rbps=1", "8:0 rbps", "8:0 foo=1",
			      "8:0 rbps=-1", "8:0 rbps=0", "8:0rbps=1", "99999:0 rbps=1", NULL };
	for (int i = 0; bad[i]; i++) {
		assert_int_equal(tr(&unified, "io.max", bad[i], NULL, o, sizeof(o)), -CGKEY_EVALUE);
		assert_int_equal(tr(&legacy, "io.max", bad[i], NULL, o, sizeof(o)), -CGKEY_EVALUE);
	}
	/* --io-max */
	assert_int_equal(cgkey_io_flag("8:0:rbps=1M,wbps=2M", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "8:0 rbps=1M wbps=2M");
	assert_int_equal(cgkey_io_flag("8:0", buf, sizeof(buf)), -EINVAL);
	assert_int_equal(cgkey_io_flag("8:0:", buf, sizeof(buf)), -EINVAL);
	assert_int_equal(cgkey_io_flag("sda:rbps=1", buf, sizeof(buf)), -EINVAL);
	/* Found by tests/fuzz/fuzz-cgkeys: sscanf's %u took a blank and a
	 * sign inside the device number, "8:\v0" and "8: -0" as 8:0. */
	const char *bad_dev[] = { "8:\v0 rbps=1", "8: -0 rbps=1", "8:+0 rbps=1", "8:-1 rbps=1",
				  "8:1048576 rbps=1", "4096:0 rbps=1", NULL };
	for (int i = 0; bad_dev[i]; i++)
		assert_int_equal(tr(&unified, "io.max", bad_dev[i], NULL, o, sizeof(o)), -CGKEY_EVALUE);
	assert_int_equal(cgkey_io_flag("8:\v0:rbps=1", buf, sizeof(buf)), -EINVAL);
	assert_int_equal(cgkey_io_flag("8: 0:rbps=1", buf, sizeof(buf)), -EINVAL);
	TR(&unified, "io.max", "4095:1048575 rbps=1", "v2:io.max=4095:1048575 rbps=1");
}

static void test_raw_and_unknown(void **state)
{
	char o[512];
	int ctrl;
	struct cg_write w[CGKEY_MAX_WRITES];

	/* raw keys of either version, written as given where the controller is */
	TR(&hybrid, "memory.oom_control", "1", "v1:memory.oom_control=1");
	TR(&hybrid, "blkio.weight", "500", "v1:blkio.weight=500");
	TR(&hybrid, "hugetlb.2MB.max", "0", "v2:hugetlb.2MB.max=0");
	TR(&unified, "memory.oom.group", "1", "v2:memory.oom.group=1");
	TR(&unified, "cgroup.max.depth", "3", "v2:cgroup.max.depth=3");
	assert_int_equal(cgkey_translate(&hybrid, "blkio.weight", "500", NULL, w, &ctrl), 1);
	assert_int_equal(ctrl, CG_IO);
	assert_int_equal(cgkey_translate(&hybrid, "cgroup.freeze", "1", NULL, w, &ctrl), 1);
	assert_int_equal(ctrl, CG_FREEZER);
	assert_int_equal(cgkey_translate(&unified, "cgroup.freeze", "1", NULL, w, &ctrl), 1);
	assert_int_equal(ctrl, CG_CORE);

	const char *unknown[] = { "", "memory", "memory.", ".max", "bogus.max", "foo", "../x.y",
				  "memory/../x", NULL };
	for (int i = 0; unknown[i]; i++)
		assert_int_equal(tr(&unified, unknown[i], "1", NULL, o, sizeof(o)), -CGKEY_EUNKNOWN);
	/* Found by tests/fuzz/fuzz-cgkeys: a raw key longer than a write's
	 * file name was cut short, and the value went to another file. */
	char key[80];
	snprintf(key, sizeof(key), "memory.%0*d", 60, 0);
	assert_int_equal(tr(&unified, key, "1", NULL, o, sizeof(o)), -CGKEY_EUNKNOWN);
	key[63] = '\0';	/* 63 bytes: the longest that fits */
	assert_int_equal(cgkey_translate(&unified, key, "1", NULL, w, &ctrl), 1);
	assert_string_equal(w[0].file, key);
	/* a controller that is not there */
	assert_int_equal(tr(&unified, "freezer.state", "FROZEN", NULL, o, sizeof(o)),
			 -CGKEY_ENOCTRL);
	assert_int_equal(tr(&hybrid, "rdma.max", "x", NULL, o, sizeof(o)), -CGKEY_ENOCTRL);
	assert_int_equal(tr(&legacy, "cgroup.max.depth", "1", NULL, o, sizeof(o)), -CGKEY_ENOCTRL);
	struct cgkey_ctx nomem = { CG_BIT(CG_CPU), 0, false };
	assert_int_equal(tr(&nomem, "memory.max", "1M", NULL, o, sizeof(o)), -CGKEY_ENOCTRL);
	/* a raw value may not hold a newline */
	assert_int_equal(tr(&unified, "memory.oom.group", "1\n2", NULL, o, sizeof(o)),
			 -CGKEY_EVALUE);
	assert_non_null(strstr(cgkey_expects("memory.max"), "max"));
	assert_int_equal(cgkey_ctrl(&unified, "io.max"), CG_IO);
	assert_int_equal(cgkey_ctrl(&unified, "x"), -CGKEY_EUNKNOWN);
}

/* The words of a key's error: what it expects, the controller it needs. */
static void test_explain(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	char line[512];

	nsk_fail(&f, 0, NULL, "pids.max=lots");
	assert_int_equal(cgkey_explain(&f, -CGKEY_EVALUE, "pids.max"), -CGKEY_EVALUE);
	assert_string_equal(nsk_failure_line(&f, -CGKEY_EVALUE, line, sizeof(line)),
			    "pids.max=lots: bad value (expected a number or max)");
	nsk_fail(&f, 0, NULL, "memory.max=1M");
	cgkey_explain(&f, -CGKEY_ENOCTRL, "memory.max");
	assert_string_equal(f.detail, "the memory controller is not available");
	nsk_fail(&f, 0, NULL, "cgroup.max.depth=1");
	cgkey_explain(&f, -CGKEY_ENOCTRL, "cgroup.max.depth");
	assert_string_equal(f.detail, "cgroup v2 is not mounted");
	/* an unknown key, an errno value: their own text */
	nsk_fail(&f, 0, NULL, "bogus");
	cgkey_explain(&f, -CGKEY_EUNKNOWN, "bogus");
	assert_string_equal(nsk_failure_line(&f, -CGKEY_EUNKNOWN, line, sizeof(line)),
			    "bogus: unknown key");
	cgkey_explain(&f, -EACCES, "pids.max");
	assert_string_equal(f.detail, "");
	assert_int_equal(cgkey_explain(NULL, -CGKEY_EVALUE, "pids.max"), -CGKEY_EVALUE);
}

/* A fake group: "file=value" pairs. */
static const char *const *fake_files;

static int fake_read(void *ud, int ctrl, bool v2, const char *file, char *buf, size_t size)
{
	(void)ud;
	(void)ctrl;
	(void)v2;
	for (int i = 0; fake_files[i]; i += 2)
		if (!strcmp(fake_files[i], file)) {
			snprintf(buf, size, "%s", fake_files[i + 1]);
			return 0;
		}
	return -ENOENT;
}

static void get(const struct cgkey_ctx *ctx, const char *key, const char *expect)
{
	char out[512];

	assert_int_equal(cgkey_get(ctx, key, fake_read, NULL, out, sizeof(out)), 0);
	assert_string_equal(out, expect);
}

static void test_get(void **state)
{
	static const char *const v1[] = {
		"memory.limit_in_bytes", "9223372036854771712",
		"memory.memsw.limit_in_bytes", "9223372036854771712",
		"memory.soft_limit_in_bytes", "1048576",
		"cpu.cfs_quota_us", "-1", "cpu.cfs_period_us", "100000",
		"cpu.shares", "1024", "pids.max", "max", "freezer.state", "FROZEN",
		"blkio.throttle.read_bps_device", "8:0 1048576\n8:16 5",
		"blkio.throttle.write_bps_device", "",
		"blkio.throttle.read_iops_device", "",
		"blkio.throttle.write_iops_device", "8:0 100",
		NULL,
	};
	static const char *const v1b[] = {
		"memory.limit_in_bytes", "2097152", "memory.memsw.limit_in_bytes", "3145728",
		"cpu.cfs_quota_us", "150000", "cpu.cfs_period_us", "100000",
		"freezer.state", "THAWED", NULL,
	};
	static const char *const v2[] = { "memory.max", "max", "cpu.max", "max 100000",
					  "cgroup.freeze", "1", "memory.oom.group", "0", NULL };
	char out[64];

	fake_files = v1;
	get(&legacy, "memory.max", "max");
	get(&legacy, "memory.swap.max", "max");
	get(&legacy, "memory.high", "1048576");
	get(&legacy, "cpu.max", "max 100000");
	get(&legacy, "cpu.weight", "39");
	get(&legacy, "pids.max", "max");
	get(&legacy, "cgroup.freeze", "1");
	get(&legacy, "io.max", "8:0 rbps=1048576 wbps=max riops=max wiops=100\n"
			       "8:16 rbps=5 wbps=max riops=max wiops=max");
	get(&legacy, "cpu.shares", "1024");	/* raw */
	fake_files = v1b;
	get(&hybrid, "memory.max", "2097152");
	get(&hybrid, "memory.swap.max", "1048576");
	get(&hybrid, "cpu.max", "150000 100000");
	get(&hybrid, "cgroup.freeze", "0");
	fake_files = v2;
	get(&unified, "memory.max", "max");
	get(&unified, "cpu.max", "max 100000");
	get(&unified, "cgroup.freeze", "1");
	get(&unified, "memory.oom.group", "0");
	assert_int_equal(cgkey_get(&unified, "memory.high", fake_read, NULL, out, sizeof(out)),
			 -ENOENT);
	assert_int_equal(cgkey_get(&unified, "nope", fake_read, NULL, out, sizeof(out)),
			 -CGKEY_EUNKNOWN);
	cgkey_v1_size_to_v2("-1", out, sizeof(out));
	assert_string_equal(out, "max");
	cgkey_v1_size_to_v2("4096", out, sizeof(out));
	assert_string_equal(out, "4096");
}

static void test_ctx(void **state)
{
	struct cg_sys sys;
	struct cgkey_ctx ctx;
	struct mountinfo mi;
	size_t bad;

	assert_int_equal(mountinfo_parse(strdup("1 0 0:1 / /c/memory rw - cgroup cgroup rw,memory\n"
						"2 0 0:2 / /c/unified rw - cgroup2 cgroup2 rw\n"),
					 &mi, &bad),
			 0);
	cg_sys_init(&sys);
	assert_int_equal(cg_sys_parse(&sys, &mi, ""), 0);
	mountinfo_free(&mi);
	sys.h[sys.v2].ctrls = CG_BIT(CG_MEMORY) | CG_BIT(CG_PIDS);
	cg_sys_finish(&sys);
	cgkey_ctx_from_sys(&sys, &ctx);
	assert_int_equal(ctx.v1_ctrls, CG_BIT(CG_MEMORY));
	assert_int_equal(ctx.v2_ctrls, CG_BIT(CG_PIDS));
	assert_true(ctx.have_v2);
	cg_sys_free(&sys);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memory), cmocka_unit_test(test_cpu),
		cmocka_unit_test(test_lists_pids_freeze), cmocka_unit_test(test_io),
		cmocka_unit_test(test_raw_and_unknown), cmocka_unit_test(test_get),
		cmocka_unit_test(test_ctx), cmocka_unit_test(test_explain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
