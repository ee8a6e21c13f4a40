/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib/seccomp-profile: Docker's JSON format into struct scprofile, and the
 * refusal of every malformed input with the entry and the reason. */
#include <string.h>

#include <seccomp.h>

#include "unit.h"
#include "dl-jsonc.h"
#include "dl-seccomp.h"
#include "err.h"
#include "seccomp-default.h"
#include "seccomp-profile.h"

static int parse(const char *text, struct scprofile **p, struct nsk_failure *f)
{
	return scprofile_parse(text, strlen(text), "p.json", p, f);
}

static void test_full(void **state)
{
	static const char text[] =
		"{ \"comment\": \"all of it\", \"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 38,\n"
		"  \"architectures\": [\"SCMP_ARCH_X86_64\", \"SCMP_ARCH_X86\"],\n"
		"  \"archMap\": [{ \"architecture\": \"SCMP_ARCH_AARCH64\", \"subArchitectures\": [\"SCMP_ARCH_ARM\"] }],\n"
		"  \"flags\": [\"SECCOMP_FILTER_FLAG_LOG\"],\n"
		"  \"syscalls\": [\n"
		"    { \"names\": [\"read\", \"write\"], \"action\": \"SCMP_ACT_ALLOW\" },\n"
		"    { \"name\": \"mkdir\", \"action\": \"SCMP_ACT_KILL\" },\n"
		"    { \"names\": [\"clone\"], \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": 1,\n"
		"      \"args\": [{ \"index\": 0, \"value\": 2114060288, \"valueTwo\": 268435456, \"op\": \"SCMP_CMP_MASKED_EQ\" },\n"
		"               { \"index\": 5, \"value\": 18446744073709551615, \"op\": \"SCMP_CMP_NE\" }],\n"
		"      \"includes\": { \"caps\": [\"CAP_SYS_ADMIN\", \"net_raw\"], \"arches\": [\"amd64\", \"x32\"], \"minKernel\": \"4.8\" },\n"
		"      \"excludes\": { \"caps\": [\"CAP_SYS_PTRACE\"], \"arches\": [\"s390x\"] } },\n"
		"    { \"names\": [\"socketcall\"], \"action\": \"SCMP_ACT_TRACE\", \"errnoRet\": 7 },\n"
		"    { \"names\": [\"getpid\"], \"action\": \"SCMP_ACT_LOG\", \"args\": null }\n"
		"  ] }\n";
	struct scprofile *p = NULL;
	const struct scprofile_rule *r;

	assert_int_equal(parse(text, &p, NULL), 0);
	assert_string_equal(p->source, "p.json");
	assert_int_equal(p->default_action.act, SCPROFILE_ERRNO);
	assert_int_equal(p->default_action.ret, 38);
	assert_int_equal(p->n_arches, 2);
	assert_int_equal(p->arches[0], SCMP_ARCH_X86_64);
	assert_int_equal(p->arches[1], SCMP_ARCH_X86);
	assert_int_equal(p->n_archmap, 1);
	assert_int_equal(p->archmap[0].arch, SCMP_ARCH_AARCH64);
	assert_int_equal(p->archmap[0].n_subs, 1);
	assert_int_equal(p->archmap[0].subs[0], SCMP_ARCH_ARM);
	assert_true(p->flag_log);
	assert_int_equal(p->n_rules, 5);

	r = &p->rules[0];
	assert_int_equal(r->n_names, 2);
	assert_string_equal(r->names[1], "write");
	assert_int_equal(r->action.act, SCPROFILE_ALLOW);
	r = &p->rules[1];
	assert_int_equal(r->n_names, 1);
	assert_string_equal(r->names[0], "mkdir");
	assert_int_equal(r->action.act, SCPROFILE_KILL_THREAD);
	r = &p->rules[2];
	assert_int_equal(r->entry, 2);
	assert_int_equal(r->action.act, SCPROFILE_ERRNO);
	assert_int_equal(r->action.ret, 1);
	assert_int_equal(r->n_args, 2);
	assert_int_equal(r->args[0].index, 0);
	assert_int_equal(r->args[0].op, SCMP_CMP_MASKED_EQ);
	assert_int_equal(r->args[0].value, 0x7E020000);
	assert_int_equal(r->args[0].value_two, 0x10000000);
	assert_int_equal(r->args[1].index, 5);
	assert_true(r->args[1].value == UINT64_MAX);
	assert_int_equal(r->args[1].op, SCMP_CMP_NE);
	assert_true(r->includes.caps == ((capmask_t)1 << 21 | (capmask_t)1 << 13));
	assert_int_equal(r->includes.n_arches, 2);
	assert_int_equal(r->includes.arches[0], SCMP_ARCH_X86_64);
	assert_int_equal(r->includes.arches[1], SCMP_ARCH_X32);
	assert_true(r->includes.has_min_kernel);
	assert_int_equal(r->includes.min_major, 4);
	assert_int_equal(r->includes.min_minor, 8);
	assert_true(r->excludes.caps == (capmask_t)1 << 19);
	assert_int_equal(r->excludes.arches[0], SCMP_ARCH_S390X);
	assert_false(r->excludes.has_min_kernel);
	r = &p->rules[3];
	assert_int_equal(r->action.act, SCPROFILE_TRACE);
	assert_int_equal(r->action.ret, 7);
	r = &p->rules[4];
	assert_int_equal(r->action.act, SCPROFILE_LOG);
	assert_int_equal(r->n_args, 0);
	scprofile_free(p);
}

static void test_defaults(void **state)
{
	struct scprofile *p = NULL;

	/* ERRNO without errnoRet: EPERM, as runc; nothing else needed */
	assert_int_equal(parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":"
			       "[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\"}]}", &p, NULL), 0);
	assert_int_equal(p->default_action.ret, EPERM);
	assert_int_equal(p->rules[0].action.ret, EPERM);
	assert_int_equal(p->n_arches, 0);
	assert_false(p->flag_log);
	scprofile_free(p);
	assert_int_equal(parse("{\"defaultAction\":\"SCMP_ACT_KILL_PROCESS\",\"syscalls\":null,"
			       "\"architectures\":null,\"archMap\":null,\"listenerPath\":\"\"}", &p, NULL), 0);
	assert_int_equal(p->n_rules, 0);
	assert_int_equal(p->default_action.act, SCPROFILE_KILL_PROCESS);
	scprofile_free(p);
	scprofile_free(NULL);
}

/* Each bad input: -EINVAL, the file as object, the entry as step (or
 * none) and the reason as detail. */
static void test_bad(void **state)
{
	static const struct {
		const char *text, *entry, *detail;
	} bad[] = {
		{ "", "", "not JSON: line 1: unexpected end of data" },
		{ "{\"defaultAction\": \"SCMP_ACT_ALLOW\"", "", "not JSON: line 1: unexpected end of data" },
		{ "{\n\"defaultAction\": \"SCMP_ACT_ALLOW\",\n}", "", "not JSON: line 3: unexpected character" },
		{ "{\"defaultAction\": /* c */ \"SCMP_ACT_ALLOW\"}", "", "not JSON: line 1: unexpected character" },
		{ "{\"defaultAction\": 'SCMP_ACT_ALLOW'}", "", "not JSON: line 1: unexpected character" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\"}\n{}", "", "not JSON: line 2: unexpected character" },
		{ "42", "", "\"(top level)\": expected object, found int" },
		{ "{}", "", "no \"defaultAction\"" },
		{ "{\"defaultAction\":1}", "", "\"defaultAction\": expected string, found int" },
		{ "{\"defaultAction\":\"ALLOW\"}", "", "\"defaultAction\": unknown action \"ALLOW\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_NOTIFY\"}", "",
		  "\"defaultAction\": SCMP_ACT_NOTIFY is not supported (no listener)" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"defaultErrnoRet\":1}", "",
		  "\"defaultErrnoRet\" needs SCMP_ACT_ERRNO or SCMP_ACT_TRACE" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":-1}", "", "\"defaultErrnoRet\": negative" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":70000}", "",
		  "\"defaultErrnoRet\": out of range" },
		{ "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":1.5}", "",
		  "\"defaultErrnoRet\": expected int, found double" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"Syscalls\":[]}", "", "unknown key \"Syscalls\" in the profile" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"architectures\":\"SCMP_ARCH_X86_64\"}", "",
		  "\"architectures\": expected array, found string" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"architectures\":[\"x86_64\"]}", "",
		  "\"architectures\": unknown architecture \"x86_64\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"architectures\":[\"SCMP_ARCH_NATIVE\"]}", "",
		  "\"architectures\": unknown architecture \"SCMP_ARCH_NATIVE\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"archMap\":[{\"subArchitectures\":[]}]}", "archMap[0]",
		  "no \"architecture\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"archMap\":[{\"architecture\":\"SCMP_ARCH_X86_64\","
		  "\"subArchitectures\":[\"SCMP_ARCH_VAX\"]}]}", "archMap[0]",
		  "\"subArchitectures\": unknown architecture \"SCMP_ARCH_VAX\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"flags\":[\"SECCOMP_FILTER_FLAG_SPEC_ALLOW\"]}", "",
		  "\"flags\": unsupported flag \"SECCOMP_FILTER_FLAG_SPEC_ALLOW\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"listenerPath\":\"/run/x.sock\"}", "",
		  "\"listenerPath\": seccomp notification is not supported" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":{}}", "", "\"syscalls\": expected array, found object" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[[]]}", "syscalls[0]",
		  "\"syscalls\": expected object, found array" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"action\":\"SCMP_ACT_LOG\"}]}", "syscalls[0]",
		  "no \"names\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":\"read\",\"action\":\"SCMP_ACT_LOG\"}]}",
		  "syscalls[0]", "\"names\": expected array, found string" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[1],\"action\":\"SCMP_ACT_LOG\"}]}",
		  "syscalls[0]", "\"names\": expected string, found int" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\"},"
		  "{\"names\":[\"read\",\"reed\"],\"action\":\"SCMP_ACT_LOG\"}]}", "syscalls[1]",
		  "unknown system call \"reed\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"\"],\"action\":\"SCMP_ACT_LOG\"}]}",
		  "syscalls[0]", "unknown system call \"\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_KILL\","
		  "\"errnoRet\":1}]}", "syscalls[0]", "\"errnoRet\" needs SCMP_ACT_ERRNO or SCMP_ACT_TRACE" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"arg\":[]}]}", "syscalls[0]", "unknown key \"arg\" in a syscalls entry" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"args\":[{\"index\":0,\"op\":\"SCMP_CMP_EQ\"}]}]}", "syscalls[0]",
		  "\"args\": each needs \"index\", \"value\" and \"op\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"args\":[{\"index\":6,\"value\":0,\"op\":\"SCMP_CMP_EQ\"}]}]}", "syscalls[0]", "\"index\": out of range" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"args\":[{\"index\":0,\"value\":-1,\"op\":\"SCMP_CMP_EQ\"}]}]}", "syscalls[0]", "\"value\": negative" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"args\":[{\"index\":0,\"value\":1,\"op\":\"SCMP_CMP_EQ\",\"valueThree\":1}]}]}", "syscalls[0]",
		  "unknown key \"valueThree\" in args" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"args\":[{\"index\":0,\"value\":1,\"op\":\"EQ\"}]}]}", "syscalls[0]", "\"op\": unknown operator \"EQ\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"includes\":{\"caps\":[\"ALL\"]}}]}", "syscalls[0]", "\"caps\": unknown capability \"ALL\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"includes\":{\"caps\":[\"CAP_CHOWN,CAP_KILL\"]}}]}", "syscalls[0]",
		  "\"caps\": unknown capability \"CAP_CHOWN,CAP_KILL\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"includes\":{\"arches\":[\"pdp11\"]}}]}", "syscalls[0]", "\"arches\": unknown architecture \"pdp11\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"includes\":{\"minKernel\":\"4\"}}]}", "syscalls[0]", "\"minKernel\": not MAJOR.MINOR: \"4\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"includes\":{\"minKernel\":\"4.8.1\"}}]}", "syscalls[0]", "\"minKernel\": not MAJOR.MINOR: \"4.8.1\"" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"excludes\":{\"minKernel\":\"4.8\"}}]}", "syscalls[0]", "unknown key \"minKernel\" in excludes" },
		{ "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_LOG\","
		  "\"includes\":[]}]}", "syscalls[0]", "\"includes\": expected object, found array" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct nsk_failure f = NSK_FAILURE_INIT;
		struct scprofile *p = NULL;

		if (parse(bad[i].text, &p, &f) != -EINVAL || strcmp(f.step, bad[i].entry) ||
		    strcmp(f.detail, bad[i].detail) || strcmp(f.object, "p.json") || p)
			fail_msg("input %zu (%s): step '%s' detail '%s'", i, bad[i].text, f.step, f.detail);
		assert_int_equal(parse(bad[i].text, &p, NULL), -EINVAL);
	}
}

static void test_nul_and_file(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct scprofile *p = NULL;

	assert_int_equal(scprofile_parse("{}\0{}", 5, "p.json", &p, &f), -EINVAL);
	assert_string_equal(f.detail, "not JSON: a NUL byte");
	assert_int_equal(scprofile_load("/nonexistent/p.json", &p, &f), -ENOENT);
	assert_string_equal(f.object, "/nonexistent/p.json");
	assert_null(p);
}

static void test_arch_token(void **state)
{
	assert_int_equal(scprofile_arch_token("SCMP_ARCH_X86_64", false), SCMP_ARCH_X86_64);
	assert_int_equal(scprofile_arch_token("SCMP_ARCH_AARCH64", false), SCMP_ARCH_AARCH64);
	assert_int_equal(scprofile_arch_token("SCMP_ARCH_PPC64LE", false), SCMP_ARCH_PPC64LE);
	assert_int_equal(scprofile_arch_token("amd64", true), SCMP_ARCH_X86_64);
	assert_int_equal(scprofile_arch_token("arm64", true), SCMP_ARCH_AARCH64);
	assert_int_equal(scprofile_arch_token("386", true), SCMP_ARCH_X86);
	assert_int_equal(scprofile_arch_token("x86", true), SCMP_ARCH_X86);
	assert_int_equal(scprofile_arch_token("s390x", true), SCMP_ARCH_S390X);
	assert_int_equal(scprofile_arch_token("loong64", true), 0);
	assert_int_equal(scprofile_arch_token("amd64", false), -1);
	assert_int_equal(scprofile_arch_token("SCMP_ARCH_X86_64", true), -1);
	assert_int_equal(scprofile_arch_token("", true), -1);
	assert_int_equal(scprofile_arch_token("SCMP_ARCH_", false), -1);
}

/* The shipped default parses, and says what the man page says it does:
 * a deny-list, keyctl EPERM, clone3 ENOSYS. */
static void test_default(void **state)
{
	struct scprofile *p = NULL;
	bool keyctl_eperm = false, clone3_enosys = false;

	assert_int_equal(scdefault_load(&p, NULL), 0);
	assert_string_equal(p->source, "default");
	assert_int_equal(p->default_action.act, SCPROFILE_ALLOW);
	for (size_t i = 0; i < p->n_rules; i++)
		for (size_t j = 0; j < p->rules[i].n_names; j++) {
			const struct scprofile_rule *r = &p->rules[i];
			bool unconditional = !r->n_args && !r->includes.n_arches && !r->excludes.n_arches;

			if (!strcmp(r->names[j], "keyctl"))
				keyctl_eperm = unconditional && r->action.act == SCPROFILE_ERRNO &&
					       r->action.ret == EPERM;
			if (!strcmp(r->names[j], "clone3"))
				clone3_enosys = unconditional && r->action.act == SCPROFILE_ERRNO &&
						r->action.ret == ENOSYS;
			/* no rule that depends on the process (data/seccomp/bpfgen) */
			assert_int_equal(r->includes.caps | r->excludes.caps, 0);
			assert_false(r->includes.has_min_kernel);
		}
	assert_true(keyctl_eperm);
	assert_true(clone3_enosys);
	scprofile_free(p);
}

static int open_libraries(void **state)
{
	(void)state;
	return dl_jsonc_open(NULL) || dl_seccomp_open(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_nul_and_file),
		cmocka_unit_test(test_arch_token),
		cmocka_unit_test(test_default),
	};
	return cmocka_run_group_tests(tests, open_libraries, NULL);
}
