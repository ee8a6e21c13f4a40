/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib/seccomp-filter: which rules a profile compiles to for a process
 * (capabilities, architecture, kernel), the architectures of the filter,
 * and --seccomp-log. The filters are
 * read back as libseccomp's PFC text; nothing is loaded. */
#include <seccomp.h>
#include <string.h>
#include <sys/mman.h>

#include "unit.h"
#include "cleanup.h"
#include "dl-jsonc.h"
#include "dl-seccomp.h"
#include "err.h"
#include "readfile.h"
#include "seccomp-default.h"
#include "seccomp-filter.h"
#include "seccomp-profile.h"

#define CAP_BIT(n) ((capmask_t)1 << (n))
static const struct scfilter_env x86_root = {
	.arch = SCMP_ARCH_X86_64, .caps = CAP_BIT(21) | CAP_BIT(13), .kernel_major = 6, .kernel_minor = 1,
};

/* What libseccomp exports of ctx, as PFC text or as the BPF program
 * (*ret_len bytes); the caller frees it. Releases ctx. */
static char *export(scmp_filter_ctx ctx, bool bpf, size_t *ret_len)
{
	char *out = NULL;
	int fd;

	assert_true((fd = memfd_create("export", MFD_CLOEXEC)) >= 0);
	assert_int_equal(bpf ? seccomp_export_bpf(ctx, fd) : seccomp_export_pfc(ctx, fd), 0);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(readfile_fd_alloc(fd, &out, ret_len), 0);
	close(fd);
	seccomp_release(ctx);
	return out;
}

/* The PFC text of p built for env (log as given); the caller frees it. */
static char *pfc(const char *json, const struct scfilter_env *env, bool log)
{
	struct scprofile *p = NULL;
	scmp_filter_ctx ctx = NULL;

	assert_int_equal(scprofile_parse(json, strlen(json), "t.json", &p, NULL), 0);
	assert_int_equal(scfilter_build(p, env, log, &ctx, NULL), 0);
	scprofile_free(p);
	return export(ctx, false, NULL);
}

static bool has(const char *text, const char *what)
{
	return strstr(text, what) != NULL;
}

static const char conditional[] =
	"{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":["
	"{\"names\":[\"keyctl\"],\"action\":\"SCMP_ACT_ERRNO\",\"includes\":{\"caps\":[\"CAP_SYS_ADMIN\"]}},"
	"{\"names\":[\"add_key\"],\"action\":\"SCMP_ACT_ERRNO\",\"excludes\":{\"caps\":[\"CAP_SYS_ADMIN\"]}},"
	"{\"names\":[\"bpf\"],\"action\":\"SCMP_ACT_ERRNO\",\"includes\":{\"caps\":[\"CAP_SYS_ADMIN\",\"CAP_BPF\"]}},"
	"{\"names\":[\"mount\"],\"action\":\"SCMP_ACT_ERRNO\",\"includes\":{\"arches\":[\"amd64\"]}},"
	"{\"names\":[\"umount2\"],\"action\":\"SCMP_ACT_ERRNO\",\"excludes\":{\"arches\":[\"amd64\",\"x32\"]}},"
	"{\"names\":[\"setns\"],\"action\":\"SCMP_ACT_ERRNO\",\"includes\":{\"minKernel\":\"6.2\"}},"
	"{\"names\":[\"unshare\"],\"action\":\"SCMP_ACT_ERRNO\",\"includes\":{\"minKernel\":\"5.19\"}},"
	"{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}"
	"]}";

static void test_includes_excludes(void **state)
{
	_cleanup_free_ char *t = pfc(conditional, &x86_root, false);
	struct scfilter_env arm_user = { .arch = SCMP_ARCH_AARCH64, .caps = 0, .kernel_major = 6,
					 .kernel_minor = 2 };

	assert_true(has(t, "keyctl"));		/* CAP_SYS_ADMIN held */
	assert_false(has(t, "add_key"));	/* excluded: held */
	assert_false(has(t, "bpf"));		/* CAP_BPF not held: all must be */
	assert_true(has(t, "mount"));		/* amd64 */
	assert_false(has(t, "umount2"));
	assert_false(has(t, "setns"));		/* 6.1 < 6.2 */
	assert_true(has(t, "unshare"));		/* 6.1 >= 5.19 */
	assert_false(has(t, "\"read\""));	/* the default action: left out */
	free(t);
	t = pfc(conditional, &arm_user, false);
	assert_false(has(t, "keyctl"));
	assert_true(has(t, "add_key"));
	assert_false(has(t, "\"mount\""));
	assert_true(has(t, "umount2"));
	assert_true(has(t, "setns"));
}

static void test_arches(void **state)
{
	static const char both[] =
		"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X32\"],"
		"\"archMap\":[{\"architecture\":\"SCMP_ARCH_X86_64\",\"subArchitectures\":[\"SCMP_ARCH_X86\"]}],"
		"\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}]}";
	static const char list[] =
		"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X32\"],"
		"\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"}]}";
	_cleanup_free_ char *t = NULL;

	if (seccomp_arch_native() != SCMP_ARCH_X86_64)
		skip();
	/* archMap's entry for the running architecture wins */
	t = pfc(both, &x86_root, false);
	assert_true(has(t, "# filter for arch x86 "));
	assert_false(has(t, "# filter for arch x32 "));
	free(t);
	t = pfc(list, &x86_root, false);
	assert_false(has(t, "# filter for arch x86 "));
	assert_true(has(t, "# filter for arch x32 "));
}

static void test_log(void **state)
{
	static const char json[] =
		"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":["
		"{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\"},"
		"{\"names\":[\"keyctl\"],\"action\":\"SCMP_ACT_KILL_PROCESS\"}]}";
	_cleanup_free_ char *t = pfc(json, &x86_root, false);

	assert_true(has(t, "action KILL_PROCESS"));
	assert_true(has(t, "action ERRNO(1)"));
	free(t);
	/* every refusal becomes LOG; ALLOW stays */
	t = pfc(json, &x86_root, true);
	assert_false(has(t, "KILL_PROCESS"));
	assert_false(has(t, "ERRNO"));
	assert_true(has(t, "action LOG"));
	assert_true(has(t, "action ALLOW"));
}

/* The same argument twice: two rules, either of which matches (runc). */
static void test_same_argument(void **state)
{
	static const char json[] =
		"{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":["
		"{\"names\":[\"personality\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":["
		"{\"index\":0,\"value\":8,\"op\":\"SCMP_CMP_EQ\"},{\"index\":0,\"value\":9,\"op\":\"SCMP_CMP_EQ\"}]},"
		"{\"names\":[\"kill\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":["
		"{\"index\":0,\"value\":1,\"op\":\"SCMP_CMP_EQ\"},{\"index\":1,\"value\":9,\"op\":\"SCMP_CMP_EQ\"}]}]}";
	_cleanup_free_ char *t = pfc(json, &x86_root, false);
	const char *kill = strstr(t, "\"kill\"");

	assert_non_null(kill);
	assert_true(has(t, "$a0.lo32 == 8"));
	assert_true(has(t, "$a0.lo32 == 9"));
	/* kill: one rule, both conditions nested */
	assert_true(has(kill, "$a0.lo32 == 1"));
	assert_true(has(kill, "$a1.lo32 == 9"));
}

/* The program compiled at build time is what the shipped text compiles
 * to now, for this process (it has no rule that depends on the process). */
static void test_default_bpf(void **state)
{
	struct scfilter_env env;
	struct scprofile *p = NULL;
	scmp_filter_ctx ctx = NULL;
	_cleanup_free_ char *bpf = NULL;
	size_t len = 0;

	assert_int_equal(scfilter_env_current(&env), 0);
	assert_int_equal(scdefault_load(&p, NULL), 0);
	assert_int_equal(scfilter_build(p, &env, false, &ctx, NULL), 0);
	scprofile_free(p);
	bpf = export(ctx, true, &len);
	assert_int_equal(len, scdefault_bpf.len * sizeof(struct sock_filter));
	assert_memory_equal(bpf, scdefault_bpf.filter, len);
}

static void test_env_current(void **state)
{
	struct scfilter_env env = { 0 };

	assert_int_equal(scfilter_env_current(&env), 0);
	assert_int_equal(env.arch, seccomp_arch_native());
	assert_true(env.kernel_major >= 3);
	if (geteuid() == 0)
		assert_true(env.caps & CAP_BIT(21));
}

static int open_libraries(void **state)
{
	(void)state;
	return dl_jsonc_open(NULL) || dl_seccomp_open(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_includes_excludes),
		cmocka_unit_test(test_arches),
		cmocka_unit_test(test_log),
		cmocka_unit_test(test_same_argument),
		cmocka_unit_test(test_default_bpf),
		cmocka_unit_test(test_env_current),
	};
	return cmocka_run_group_tests(tests, open_libraries, NULL);
}
