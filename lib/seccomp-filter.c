/* SPDX-License-Identifier: GPL-2.0-or-later */
/* seccomp-filter: a parsed profile compiled by libseccomp and loaded.
 * The rules follow runc's reading of the format (libcontainer/seccomp):
 * a rule whose action is the default action is left out (libseccomp
 * refuses it); conditions on distinct arguments are ANDed in one rule,
 * but when two conditions name the same argument each becomes a rule of
 * its own (ORed), as Docker's profiles expect. */
#include <errno.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "err.h"
#include "seccomp-filter.h"
#include "seccomp-profile.h"

int scfilter_env_current(struct scfilter_env *env)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2] = { 0 };
	struct utsname u;
	int r;

	if ((r = dl_seccomp_require(NULL)) < 0)
		return r;
	if (syscall(SYS_capget, &hdr, data) < 0 || uname(&u) < 0)
		return -errno;
	env->caps = data[0].effective | (capmask_t)data[1].effective << 32;
	env->arch = seccomp_arch_native();
	if (sscanf(u.release, "%u.%u", &env->kernel_major, &env->kernel_minor) != 2)
		env->kernel_major = env->kernel_minor = 0;
	return 0;
}

static uint32_t scmp_action(struct scprofile_action a, bool log)
{
	if (log && a.act != SCPROFILE_ALLOW)
		return SCMP_ACT_LOG;
	switch (a.act) {
	case SCPROFILE_ALLOW: return SCMP_ACT_ALLOW;
	case SCPROFILE_ERRNO: return SCMP_ACT_ERRNO(a.ret);
	case SCPROFILE_KILL_THREAD: return SCMP_ACT_KILL_THREAD;
	case SCPROFILE_KILL_PROCESS: return SCMP_ACT_KILL_PROCESS;
	case SCPROFILE_TRAP: return SCMP_ACT_TRAP;
	case SCPROFILE_TRACE: return SCMP_ACT_TRACE(a.ret);
	case SCPROFILE_LOG: return SCMP_ACT_LOG;
	}
	return SCMP_ACT_KILL_PROCESS;
}

static bool arch_listed(const uint32_t *arches, size_t n, uint32_t arch)
{
	for (size_t i = 0; i < n; i++)
		if (arches[i] == arch)
			return true;
	return false;
}

/* moby's rules: every capability of includes held, none of excludes; the
 * running architecture among includes' arches (when given) and not among
 * excludes'; the kernel at least includes' minKernel. */
static bool rule_applies(const struct scprofile_rule *r, const struct scfilter_env *env)
{
	const struct scprofile_cond *in = &r->includes, *ex = &r->excludes;

	if ((in->caps & env->caps) != in->caps || (ex->caps & env->caps))
		return false;
	if (in->n_arches && !arch_listed(in->arches, in->n_arches, env->arch))
		return false;
	if (ex->n_arches && arch_listed(ex->arches, ex->n_arches, env->arch))
		return false;
	if (in->has_min_kernel &&
	    (env->kernel_major < in->min_major ||
	     (env->kernel_major == in->min_major && env->kernel_minor < in->min_minor)))
		return false;
	return true;
}

/* archMap's entry for the running architecture, else "architectures". */
static int add_arches(scmp_filter_ctx ctx, const struct scprofile *p, const struct scfilter_env *env)
{
	const uint32_t *arches = p->arches;
	size_t n = p->n_arches;
	int r;

	for (size_t i = 0; i < p->n_archmap; i++)
		if (p->archmap[i].arch == env->arch) {
			arches = p->archmap[i].subs;
			n = p->archmap[i].n_subs;
			break;
		}
	for (size_t i = 0; i < n; i++) {
		/* the native one is there from seccomp_init; 0: not supported */
		if (!arches[i] || arches[i] == seccomp_arch_native())
			continue;
		if ((r = seccomp_arch_add(ctx, arches[i])) < 0 && r != -EEXIST)
			return r;
	}
	return 0;
}

static int add_rule(scmp_filter_ctx ctx, const struct scprofile_rule *rule, uint32_t action, int nr)
{
	struct scmp_arg_cmp cmp[6];
	unsigned seen = 0;
	bool same_arg = false;
	int r;

	if (rule->n_args == 0)
		return seccomp_rule_add_array(ctx, action, nr, 0, NULL);
	for (size_t i = 0; i < rule->n_args; i++) {
		const struct scprofile_arg *a = &rule->args[i];

		same_arg |= (seen >> a->index) & 1;
		seen |= 1u << a->index;
	}
	if (!same_arg) {
		for (size_t i = 0; i < rule->n_args; i++)
			cmp[i] = (struct scmp_arg_cmp){ rule->args[i].index, rule->args[i].op,
						       rule->args[i].value, rule->args[i].value_two };
		return seccomp_rule_add_array(ctx, action, nr, (unsigned)rule->n_args, cmp);
	}
	for (size_t i = 0; i < rule->n_args; i++) {
		cmp[0] = (struct scmp_arg_cmp){ rule->args[i].index, rule->args[i].op,
					       rule->args[i].value, rule->args[i].value_two };
		if ((r = seccomp_rule_add_array(ctx, action, nr, 1, cmp)) < 0)
			return r;
	}
	return 0;
}

static int add_rules(scmp_filter_ctx ctx, const struct scprofile *p, const struct scfilter_env *env,
		     bool log, struct nsk_failure *f)
{
	uint32_t def = scmp_action(p->default_action, log);

	for (size_t i = 0; i < p->n_rules; i++) {
		const struct scprofile_rule *rule = &p->rules[i];
		uint32_t action = scmp_action(rule->action, log);

		if (!rule_applies(rule, env) || action == def)
			continue;
		for (size_t j = 0; j < rule->n_names; j++) {
			int nr = seccomp_syscall_resolve_name(rule->names[j]);
			int r = add_rule(ctx, rule, action, nr);

			if (r < 0) {
				char entry[32];

				snprintf(entry, sizeof(entry), "syscalls[%zu]", rule->entry);
				nsk_fail(f, r, entry, "%s", p->source);
				return nsk_fail_detail(f, r, "\"%s\": libseccomp refused the rule: %s",
						       rule->names[j], strerror(-r));
			}
		}
	}
	return 0;
}

int scfilter_build(const struct scprofile *p, const struct scfilter_env *env, bool log,
		   scmp_filter_ctx *ret, struct nsk_failure *f)
{
	scmp_filter_ctx ctx;
	int r;

	if ((r = dl_seccomp_require(f)) < 0)
		return r;
	if (!(ctx = seccomp_init(scmp_action(p->default_action, log))))
		return nsk_fail(f, -ENOMEM, "building the seccomp filter", "%s", p->source);
	/* no_new_privs only where the kernel needs it (scfilter_apply);
	 * the kernel's own errno from seccomp_load */
	if ((r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0)) < 0 ||
	    (r = seccomp_attr_set(ctx, SCMP_FLTATR_API_SYSRAWRC, 1)) < 0 ||
	    (p->flag_log && (r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_LOG, 1)) < 0) ||
	    (log && (r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_LOG)) < 0)) {
		seccomp_release(ctx);
		return nsk_fail(f, r, "building the seccomp filter", "%s", p->source);
	}
	if ((r = add_arches(ctx, p, env)) < 0) {
		seccomp_release(ctx);
		return nsk_fail(f, r, "adding its architectures", "%s", p->source);
	}
	if ((r = add_rules(ctx, p, env, log, f)) < 0) {
		seccomp_release(ctx);
		return r;
	}
	*ret = ctx;
	return 0;
}

int scfilter_apply(const struct scprofile *p, bool log, struct nsk_failure *f)
{
	struct scfilter_env env;
	scmp_filter_ctx ctx;
	int r;

	if ((r = dl_seccomp_require(f)) < 0)
		return r;
	if ((r = scfilter_env_current(&env)) < 0)
		return nsk_fail(f, r, "seccomp: reading the process's capabilities", "%s", p->source);
	if ((r = scfilter_build(p, &env, log, &ctx, f)) < 0)
		return r;
	r = seccomp_load(ctx);
	if (r == -EACCES) {
		/* No CAP_SYS_ADMIN in its user namespace: the kernel takes the
		 * filter under no_new_privs only (seccomp(2)). */
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
			r = -errno;
		else
			r = seccomp_load(ctx);
	}
	seccomp_release(ctx);
	if (r < 0)
		return nsk_fail(f, r, "loading the seccomp filter", "%s", p->source);
	return 0;
}

int scfilter_load_bpf(const struct sock_fprog *prog, const char *source, struct nsk_failure *f)
{
	int r = (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, prog);

	/* as scfilter_apply: no_new_privs only where the kernel asks for it */
	if (r < 0 && errno == EACCES && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0)
		r = (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, prog);
	if (r < 0)
		return nsk_fail(f, -errno, "loading the seccomp filter", "%s", source);
	return 0;
}
