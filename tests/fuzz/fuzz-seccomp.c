/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Seccomp profiles in Docker's JSON format (lib/seccomp-profile), and their
 * compilation by libseccomp (lib/seccomp-filter) for two processes, one
 * with every capability and one with none: a profile is a file a user
 * hands in. What parses keeps the parser's promises: every rule has a
 * name libseccomp knows, arguments index 0-5, errno values fit 16 bits. */
#include <seccomp.h>

#include "dl-jsonc.h"
#include "dl-seccomp.h"
#include "fuzz.h"
#include "seccomp-filter.h"
#include "seccomp-profile.h"

/* The tools open the libraries before their first profile (lib/dl). */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (dl_jsonc_open(NULL) < 0 || dl_seccomp_open(NULL) < 0)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct scfilter_env envs[] = {
		{ .arch = SCMP_ARCH_X86_64, .caps = CAPS_ALL, .kernel_major = 6, .kernel_minor = 1 },
		{ .arch = SCMP_ARCH_AARCH64, .caps = 0, .kernel_major = 4, .kernel_minor = 4 },
	};
	struct scprofile *p = NULL;

	if (scprofile_parse((const char *)data, size, "fuzz.json", &p, NULL) < 0) {
		FUZZ_CHECK(p == NULL);
		return 0;
	}
	FUZZ_CHECK(p->default_action.ret <= UINT16_MAX);
	for (size_t i = 0; i < p->n_rules; i++) {
		const struct scprofile_rule *r = &p->rules[i];

		FUZZ_CHECK(r->entry == i && r->n_names > 0 && r->action.ret <= UINT16_MAX);
		for (size_t j = 0; j < r->n_names; j++)
			FUZZ_CHECK(seccomp_syscall_resolve_name(r->names[j]) != __NR_SCMP_ERROR);
		for (size_t j = 0; j < r->n_args; j++)
			FUZZ_CHECK(r->args[j].index <= 5);
	}
	/* libseccomp may refuse a rule (the tool then says which): no
	 * invariant on the result, only the sanitizers' */
	for (size_t e = 0; e < sizeof(envs) / sizeof(*envs); e++) {
		scmp_filter_ctx ctx = NULL;

		if (scfilter_build(p, &envs[e], e == 1, &ctx, NULL) == 0)
			seccomp_release(ctx);
	}
	scprofile_free(p);
	return 0;
}
