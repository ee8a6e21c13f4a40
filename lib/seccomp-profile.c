/* SPDX-License-Identifier: GPL-2.0-or-later */
/* seccomp-profile: Docker's / OCI's JSON profile format, parsed through
 * json-c into struct scprofile and checked entry by entry. The format, as
 * Docker documents and moby/runc read it:
 *
 *   { "defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1,
 *     "architectures": ["SCMP_ARCH_X86_64", ...],
 *     "archMap": [{ "architecture": "SCMP_ARCH_X86_64",
 *                   "subArchitectures": ["SCMP_ARCH_X86", ...] }],
 *     "syscalls": [{ "names": ["read", ...], "action": "SCMP_ACT_ALLOW",
 *                    "errnoRet": 1,
 *                    "args": [{ "index": 0, "value": 1, "valueTwo": 0,
 *                               "op": "SCMP_CMP_EQ" }],
 *                    "includes": { "caps": [...], "arches": [...],
 *                                  "minKernel": "4.8" },
 *                    "excludes": { "caps": [...], "arches": [...] } }] }
 *
 * Unknown keys are refused (a misspelt "sycalls" would otherwise allow
 * everything); "comment" is accepted anywhere, and so are Docker's
 * informational keys. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "caps.h"
#include "cleanup.h"
#include "dl-jsonc.h"
#include "dl-seccomp.h"
#include "err.h"
#include "errcode.h"
#include "readfile.h"
#include "seccomp-profile.h"

/* Where the parser is, for its one line of refusal. */
struct pctx {
	const char *source;
	char entry[128];	/* "syscalls[3]", "" at the top */
	struct nsk_failure *f;
};

static int refuse(struct pctx *c, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int refuse(struct pctx *c, int err, const char *fmt, ...)
{
	va_list ap;

	if (!c->f)
		return err;
	nsk_fail(c->f, err, c->entry[0] ? c->entry : NULL, "%s", c->source);
	va_start(ap, fmt);
	vsnprintf(c->f->detail, sizeof(c->f->detail), fmt, ap);
	va_end(ap);
	return err;
}

/* ---- actions, operators, architectures: tables ---- */

static const struct {
	const char *name;
	enum scprofile_act act;
} actions[] = {
	{ "SCMP_ACT_ALLOW", SCPROFILE_ALLOW },
	{ "SCMP_ACT_ERRNO", SCPROFILE_ERRNO },
	{ "SCMP_ACT_KILL", SCPROFILE_KILL_THREAD },
	{ "SCMP_ACT_KILL_THREAD", SCPROFILE_KILL_THREAD },
	{ "SCMP_ACT_KILL_PROCESS", SCPROFILE_KILL_PROCESS },
	{ "SCMP_ACT_TRAP", SCPROFILE_TRAP },
	{ "SCMP_ACT_TRACE", SCPROFILE_TRACE },
	{ "SCMP_ACT_LOG", SCPROFILE_LOG },
};

static const struct {
	const char *name;
	int op;
} operators[] = {
	{ "SCMP_CMP_NE", SCMP_CMP_NE },
	{ "SCMP_CMP_LT", SCMP_CMP_LT },
	{ "SCMP_CMP_LE", SCMP_CMP_LE },
	{ "SCMP_CMP_EQ", SCMP_CMP_EQ },
	{ "SCMP_CMP_GE", SCMP_CMP_GE },
	{ "SCMP_CMP_GT", SCMP_CMP_GT },
	{ "SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ },
};

/* Go's GOARCH names (what moby compares includes/excludes "arches" with)
 * and the libseccomp architecture each runs as. */
static const struct {
	const char *go, *scmp;
} go_arches[] = {
	{ "amd64", "x86_64" },	{ "386", "x86" },	  { "arm64", "aarch64" },
	{ "mipsle", "mipsel" }, { "mips64le", "mipsel64" }, { "mips64p32", "mips64n32" },
	{ "mips64p32le", "mipsel64n32" }, { "loong64", "loongarch64" },
};

int64_t scprofile_arch_token(const char *name, bool go_name)
{
	char lower[32];
	uint32_t token;
	size_t n;

	if (go_name) {
		for (size_t i = 0; i < ELEMENTSOF(go_arches); i++)
			if (!strcmp(name, go_arches[i].go)) {
				name = go_arches[i].scmp;
				break;
			}
	} else {
		if (strncmp(name, "SCMP_ARCH_", 10))
			return -1;
		name += 10;
	}
	if ((n = strlen(name)) == 0 || n >= sizeof(lower))
		return -1;
	for (size_t i = 0; i <= n; i++)
		lower[i] = (char)(go_name ? name[i] : tolower((unsigned char)name[i]));
	if (!strcmp(lower, "native"))
		return -1;
	token = seccomp_arch_resolve_name(lower);
	if (token)
		return token;
	/* Known to the format, not to this libseccomp: never native here. */
	if (!strcmp(lower, "loongarch64") || !strcmp(lower, "sheb") || !strcmp(lower, "sh"))
		return 0;
	return -1;
}

/* ---- JSON access with the reason for a refusal ---- */

static const char *type_name(json_type t)
{
	return json_type_to_name(t);
}

static int want_type(struct pctx *c, json_object *o, json_type t, const char *key)
{
	if (json_object_get_type(o) == t)
		return 0;
	return refuse(c, -EINVAL, "\"%s\": expected %s, found %s", key, type_name(t),
		      type_name(json_object_get_type(o)));
}

/* A non-negative integer no larger than max (JSON numbers, as Docker
 * writes them). */
static int get_uint(struct pctx *c, json_object *o, const char *key, uint64_t max, uint64_t *ret)
{
	int r = want_type(c, o, json_type_int, key);

	if (r < 0)
		return r;
	errno = 0;
	if (json_object_get_int64(o) < 0)
		return refuse(c, -EINVAL, "\"%s\": negative", key);
	*ret = json_object_get_uint64(o);
	if (errno || *ret > max)
		return refuse(c, -EINVAL, "\"%s\": out of range", key);
	return 0;
}

/* Every key of object o is one of known[] (or "comment"). */
static int check_keys(struct pctx *c, json_object *o, const char *const known[], const char *what)
{
	json_object_object_foreach(o, key, val) {
		(void)val;
		bool ok = !strcmp(key, "comment");
		for (size_t i = 0; known[i] && !ok; i++)
			ok = !strcmp(key, known[i]);
		if (!ok)
			return refuse(c, -EINVAL, "unknown key \"%s\" in %s", key, what);
	}
	return 0;
}

static int parse_action(struct pctx *c, json_object *o, const char *key,
			struct scprofile_action *ret)
{
	int r = want_type(c, o, json_type_string, key);
	const char *s = r < 0 ? NULL : json_object_get_string(o);

	if (r < 0)
		return r;
	for (size_t i = 0; i < ELEMENTSOF(actions); i++)
		if (!strcmp(s, actions[i].name)) {
			ret->act = actions[i].act;
			ret->ret = EPERM;
			return 0;
		}
	if (!strcmp(s, "SCMP_ACT_NOTIFY"))
		return refuse(c, -EINVAL, "\"%s\": SCMP_ACT_NOTIFY is not supported (no listener)", key);
	return refuse(c, -EINVAL, "\"%s\": unknown action \"%s\"", key, s);
}

/* errnoRet / defaultErrnoRet: only where the action takes a value. */
static int parse_ret(struct pctx *c, json_object *o, const char *key, struct scprofile_action *a)
{
	uint64_t v;
	int r;

	if (!o)
		return 0;
	if ((r = get_uint(c, o, key, UINT16_MAX, &v)) < 0)
		return r;
	if (a->act != SCPROFILE_ERRNO && a->act != SCPROFILE_TRACE)
		return refuse(c, -EINVAL, "\"%s\" needs SCMP_ACT_ERRNO or SCMP_ACT_TRACE", key);
	a->ret = (uint32_t)v;
	return 0;
}

/* An array of architecture names into a malloc'd token array. */
static int parse_arches(struct pctx *c, json_object *o, const char *key, bool go_names,
			uint32_t **ret, size_t *ret_n)
{
	size_t n;
	int r;

	if ((r = want_type(c, o, json_type_array, key)) < 0)
		return r;
	n = json_object_array_length(o);
	if (n && !(*ret = calloc(n, sizeof(**ret))))
		return refuse(c, -ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(o, i);
		int64_t t;

		if ((r = want_type(c, e, json_type_string, key)) < 0)
			return r;
		if ((t = scprofile_arch_token(json_object_get_string(e), go_names)) < 0)
			return refuse(c, -EINVAL, "\"%s\": unknown architecture \"%s\"", key,
				      json_object_get_string(e));
		(*ret)[(*ret_n)++] = (uint32_t)t;
	}
	return 0;
}

/* ---- syscalls[] ---- */

/* An optional array of key (absent or null: empty): *ret_n its length
 * and *ret a zeroed allocation of as many elements of size (NULL when
 * empty). 0, or the refusal. */
static int open_array(struct pctx *c, json_object *o, const char *key, size_t size, void **ret,
		      size_t *ret_n)
{
	int r;

	*ret = NULL;
	*ret_n = 0;
	if (!o || json_object_get_type(o) == json_type_null)
		return 0;
	if ((r = want_type(c, o, json_type_array, key)) < 0)
		return r;
	if ((*ret_n = json_object_array_length(o)) == 0)
		return 0;
	if (!(*ret = calloc(*ret_n, size)))
		return refuse(c, -ENOMEM, "out of memory");
	return 0;
}

static int parse_names(struct pctx *c, json_object *rule, struct scprofile_rule *ret)
{
	json_object *names = NULL, *name = NULL;
	size_t n;
	int r;

	json_object_object_get_ex(rule, "names", &names);
	json_object_object_get_ex(rule, "name", &name);	/* Docker's old spelling */
	if (!names && !name)
		return refuse(c, -EINVAL, "no \"names\"");
	if (names && (r = want_type(c, names, json_type_array, "names")) < 0)
		return r;
	if (name && (r = want_type(c, name, json_type_string, "name")) < 0)
		return r;
	n = (names ? json_object_array_length(names) : 0) + !!name;
	if (n == 0)
		return refuse(c, -EINVAL, "\"names\" is empty");
	if (!(ret->names = calloc(n, sizeof(*ret->names))))
		return refuse(c, -ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		json_object *e = name && i == n - 1 ? name : json_object_array_get_idx(names, i);
		const char *s;

		if ((r = want_type(c, e, json_type_string, "names")) < 0)
			return r;
		s = json_object_get_string(e);
		if (seccomp_syscall_resolve_name(s) == __NR_SCMP_ERROR)
			return refuse(c, -EINVAL, "unknown system call \"%s\"", s);
		if (!(ret->names[ret->n_names++] = strdup(s)))
			return refuse(c, -ENOMEM, "out of memory");
	}
	return 0;
}

static int parse_arg(struct pctx *c, json_object *o, struct scprofile_arg *ret)
{
	static const char *const keys[] = { "index", "value", "valueTwo", "op", NULL };
	json_object *index, *value, *two = NULL, *op;
	uint64_t v;
	int r;

	if ((r = want_type(c, o, json_type_object, "args")) < 0 ||
	    (r = check_keys(c, o, keys, "args")) < 0)
		return r;
	if (!json_object_object_get_ex(o, "index", &index) ||
	    !json_object_object_get_ex(o, "value", &value) ||
	    !json_object_object_get_ex(o, "op", &op))
		return refuse(c, -EINVAL, "\"args\": each needs \"index\", \"value\" and \"op\"");
	json_object_object_get_ex(o, "valueTwo", &two);
	if ((r = get_uint(c, index, "index", 5, &v)) < 0)
		return r;
	ret->index = (unsigned)v;
	if ((r = get_uint(c, value, "value", UINT64_MAX, &ret->value)) < 0 ||
	    (two && (r = get_uint(c, two, "valueTwo", UINT64_MAX, &ret->value_two)) < 0) ||
	    (r = want_type(c, op, json_type_string, "op")) < 0)
		return r;
	for (size_t i = 0; i < ELEMENTSOF(operators); i++)
		if (!strcmp(json_object_get_string(op), operators[i].name)) {
			ret->op = operators[i].op;
			return 0;
		}
	return refuse(c, -EINVAL, "\"op\": unknown operator \"%s\"", json_object_get_string(op));
}

static int parse_args_array(struct pctx *c, json_object *o, struct scprofile_rule *ret)
{
	void *args;
	size_t n;
	int r = open_array(c, o, "args", sizeof(*ret->args), &args, &n);

	if (r < 0)
		return r;
	ret->args = args;
	for (size_t i = 0; i < n; i++) {
		if ((r = parse_arg(c, json_object_array_get_idx(o, i), &ret->args[i])) < 0)
			return r;
		ret->n_args++;
	}
	return 0;
}

static int parse_caps(struct pctx *c, json_object *o, const char *key, capmask_t *ret)
{
	int r;

	if ((r = want_type(c, o, json_type_array, key)) < 0)
		return r;
	for (size_t i = 0; i < json_object_array_length(o); i++) {
		json_object *e = json_object_array_get_idx(o, i);
		const char *s;
		char bad[64];

		if ((r = want_type(c, e, json_type_string, key)) < 0)
			return r;
		s = json_object_get_string(e);
		/* caps_parse also reads lists and ALL: one name here */
		if (strchr(s, ',') || !strcasecmp(s, "ALL") || caps_parse(s, ret, bad, sizeof(bad)) < 0)
			return refuse(c, -EINVAL, "\"%s\": unknown capability \"%s\"", key, s);
	}
	return 0;
}

static int parse_kernel_version(struct pctx *c, json_object *o, struct scprofile_cond *ret)
{
	const char *s;
	char *end;
	unsigned long major, minor;
	int r;

	if ((r = want_type(c, o, json_type_string, "minKernel")) < 0)
		return r;
	s = json_object_get_string(o);
	errno = 0;
	major = strtoul(s, &end, 10);
	if (end == s || *end != '.' || errno || major > 1000)
		goto bad;
	s = end + 1;
	minor = strtoul(s, &end, 10);
	if (end == s || *end || errno || minor > 1000)
		goto bad;
	ret->has_min_kernel = true;
	ret->min_major = (unsigned)major;
	ret->min_minor = (unsigned)minor;
	return 0;
bad:
	return refuse(c, -EINVAL, "\"minKernel\": not MAJOR.MINOR: \"%s\"",
		      json_object_get_string(o));
}

static int parse_cond(struct pctx *c, json_object *o, bool includes, struct scprofile_cond *ret)
{
	static const char *const keys_inc[] = { "caps", "arches", "minKernel", NULL };
	static const char *const keys_exc[] = { "caps", "arches", NULL };
	const char *what = includes ? "includes" : "excludes";
	json_object *caps, *arches, *kernel;
	int r;

	if (!o)
		return 0;
	if ((r = want_type(c, o, json_type_object, what)) < 0 ||
	    (r = check_keys(c, o, includes ? keys_inc : keys_exc, what)) < 0)
		return r;
	if (json_object_object_get_ex(o, "caps", &caps) && (r = parse_caps(c, caps, "caps", &ret->caps)) < 0)
		return r;
	if (json_object_object_get_ex(o, "arches", &arches) &&
	    (r = parse_arches(c, arches, "arches", true, &ret->arches, &ret->n_arches)) < 0)
		return r;
	if (json_object_object_get_ex(o, "minKernel", &kernel) &&
	    (r = parse_kernel_version(c, kernel, ret)) < 0)
		return r;
	return 0;
}

static int parse_rule(struct pctx *c, json_object *o, struct scprofile_rule *ret)
{
	static const char *const keys[] = { "names", "name", "action", "errnoRet", "args",
					    "includes", "excludes", NULL };
	json_object *action, *v;
	int r;

	if ((r = want_type(c, o, json_type_object, "syscalls")) < 0 ||
	    (r = check_keys(c, o, keys, "a syscalls entry")) < 0 ||
	    (r = parse_names(c, o, ret)) < 0)
		return r;
	if (!json_object_object_get_ex(o, "action", &action))
		return refuse(c, -EINVAL, "no \"action\"");
	if ((r = parse_action(c, action, "action", &ret->action)) < 0)
		return r;
	if (json_object_object_get_ex(o, "errnoRet", &v) && (r = parse_ret(c, v, "errnoRet", &ret->action)) < 0)
		return r;
	if (json_object_object_get_ex(o, "args", &v) && (r = parse_args_array(c, v, ret)) < 0)
		return r;
	if (json_object_object_get_ex(o, "includes", &v) && (r = parse_cond(c, v, true, &ret->includes)) < 0)
		return r;
	if (json_object_object_get_ex(o, "excludes", &v) && (r = parse_cond(c, v, false, &ret->excludes)) < 0)
		return r;
	return 0;
}

static int parse_syscalls(struct pctx *c, json_object *o, struct scprofile *p)
{
	void *rules;
	size_t n;
	int r = open_array(c, o, "syscalls", sizeof(*p->rules), &rules, &n);

	if (r < 0)
		return r;
	p->rules = rules;
	for (size_t i = 0; i < n; i++) {
		snprintf(c->entry, sizeof(c->entry), "syscalls[%zu]", i);
		p->rules[i].entry = i;
		p->n_rules++;
		if ((r = parse_rule(c, json_object_array_get_idx(o, i), &p->rules[i])) < 0)
			return r;
	}
	c->entry[0] = '\0';
	return 0;
}

/* ---- the top level ---- */

static int parse_archmap(struct pctx *c, json_object *o, struct scprofile *p)
{
	static const char *const keys[] = { "architecture", "subArchitectures", NULL };
	void *archmap;
	size_t n;
	int r = open_array(c, o, "archMap", sizeof(*p->archmap), &archmap, &n);

	if (r < 0)
		return r;
	p->archmap = archmap;
	for (size_t i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(o, i), *arch, *subs;
		struct scprofile_archmap *m = &p->archmap[p->n_archmap++];
		uint32_t *one = NULL;
		size_t n_one = 0;

		snprintf(c->entry, sizeof(c->entry), "archMap[%zu]", i);
		if ((r = want_type(c, e, json_type_object, "archMap")) < 0 ||
		    (r = check_keys(c, e, keys, "archMap")) < 0)
			return r;
		if (!json_object_object_get_ex(e, "architecture", &arch))
			return refuse(c, -EINVAL, "no \"architecture\"");
		/* one name, read through the array reader for its checks */
		json_object *wrap = json_object_new_array();
		if (!wrap)
			return refuse(c, -ENOMEM, "out of memory");
		json_object_array_add(wrap, json_object_get(arch));
		r = parse_arches(c, wrap, "architecture", false, &one, &n_one);
		json_object_put(wrap);
		m->arch = n_one ? one[0] : 0;
		free(one);
		if (r < 0)
			return r;
		if (json_object_object_get_ex(e, "subArchitectures", &subs) &&
		    json_object_get_type(subs) != json_type_null &&
		    (r = parse_arches(c, subs, "subArchitectures", false, &m->subs, &m->n_subs)) < 0)
			return r;
	}
	c->entry[0] = '\0';
	return 0;
}

static int parse_flags(struct pctx *c, json_object *o, struct scprofile *p)
{
	int r;

	if (json_object_get_type(o) == json_type_null)
		return 0;
	if ((r = want_type(c, o, json_type_array, "flags")) < 0)
		return r;
	for (size_t i = 0; i < json_object_array_length(o); i++) {
		json_object *e = json_object_array_get_idx(o, i);
		const char *s;

		if ((r = want_type(c, e, json_type_string, "flags")) < 0)
			return r;
		s = json_object_get_string(e);
		if (!strcmp(s, "SECCOMP_FILTER_FLAG_LOG"))
			p->flag_log = true;
		/* SPEC_ALLOW (keep speculation mitigations off) is refused: a
		 * profile does not get to weaken the host's mitigations. */
		else
			return refuse(c, -EINVAL, "\"flags\": unsupported flag \"%s\"", s);
	}
	return 0;
}

static int parse_top(struct pctx *c, json_object *root, struct scprofile *p)
{
	static const char *const keys[] = { "defaultAction", "defaultErrnoRet", "architectures",
					    "archMap", "syscalls", "flags", "listenerPath",
					    "listenerMetadata", NULL };
	json_object *v;
	int r;

	if ((r = want_type(c, root, json_type_object, "(top level)")) < 0 ||
	    (r = check_keys(c, root, keys, "the profile")) < 0)
		return r;
	if (!json_object_object_get_ex(root, "defaultAction", &v))
		return refuse(c, -EINVAL, "no \"defaultAction\"");
	if ((r = parse_action(c, v, "defaultAction", &p->default_action)) < 0)
		return r;
	if (json_object_object_get_ex(root, "defaultErrnoRet", &v) &&
	    (r = parse_ret(c, v, "defaultErrnoRet", &p->default_action)) < 0)
		return r;
	if (json_object_object_get_ex(root, "listenerPath", &v) &&
	    json_object_get_type(v) == json_type_string && json_object_get_string_len(v))
		return refuse(c, -EINVAL, "\"listenerPath\": seccomp notification is not supported");
	if (json_object_object_get_ex(root, "architectures", &v) &&
	    json_object_get_type(v) != json_type_null &&
	    (r = parse_arches(c, v, "architectures", false, &p->arches, &p->n_arches)) < 0)
		return r;
	if (json_object_object_get_ex(root, "archMap", &v) && (r = parse_archmap(c, v, p)) < 0)
		return r;
	if (json_object_object_get_ex(root, "flags", &v) && (r = parse_flags(c, v, p)) < 0)
		return r;
	json_object_object_get_ex(root, "syscalls", &v);
	return parse_syscalls(c, v, p);
}

/* The JSON text itself: json-c's reason and the line it stopped on. */
static int parse_json(struct pctx *c, const char *text, size_t len, json_object **ret)
{
	json_tokener *tok = json_tokener_new();
	enum json_tokener_error e;
	size_t line = 1, at;

	if (!tok)
		return refuse(c, -ENOMEM, "out of memory");
	/* JSON as Docker reads it: no comments, trailing commas or quotes */
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	*ret = json_tokener_parse_ex(tok, text, (int)len);
	at = json_tokener_get_parse_end(tok);
	/* a number at the very end waits for more: the end of the text is
	 * told by a NUL */
	if (json_tokener_get_error(tok) == json_tokener_continue) {
		*ret = json_tokener_parse_ex(tok, "", 1);
		at = len;
	}
	e = json_tokener_get_error(tok);
	json_tokener_free(tok);
	if (e == json_tokener_success)
		while (at < len && strchr(" \t\r\n", text[at]))
			at++;
	for (size_t i = 0; i < at && i < len; i++)
		line += text[i] == '\n';
	if (e != json_tokener_success)
		return refuse(c, -EINVAL, "not JSON: line %zu: %s", line, json_tokener_error_desc(e));
	if (at < len) {
		json_object_put(*ret);
		return refuse(c, -EINVAL, "not JSON: line %zu: text after the profile", line);
	}
	return 0;
}

int scprofile_parse(const char *text, size_t len, const char *source, struct scprofile **ret,
		    struct nsk_failure *f)
{
	struct pctx c = { .source = source, .f = f };
	struct scprofile *p;
	json_object *root = NULL;
	int r;

	if ((r = dl_jsonc_require(f)) < 0 || (r = dl_seccomp_require(f)) < 0)
		return r;
	if (len > INT32_MAX)
		return refuse(&c, -EFBIG, "too large");
	if (memchr(text, '\0', len))
		return refuse(&c, -EINVAL, "not JSON: a NUL byte");
	if ((r = parse_json(&c, text, len, &root)) < 0)
		return r;
	if (!(p = calloc(1, sizeof(*p))) || !(p->source = strdup(source))) {
		free(p);
		json_object_put(root);
		return refuse(&c, -ENOMEM, "out of memory");
	}
	r = parse_top(&c, root, p);
	json_object_put(root);
	if (r < 0) {
		scprofile_free(p);
		return r;
	}
	*ret = p;
	return 0;
}

int scprofile_load(const char *path, struct scprofile **ret, struct nsk_failure *f)
{
	_cleanup_free_ char *text = NULL;
	size_t len;
	int r = readfile_at_alloc(AT_FDCWD, path, &text, &len);

	if (r < 0)
		return nsk_fail(f, r, NULL, "%s", path);
	return scprofile_parse(text, len, path, ret, f);
}

static void free_cond(struct scprofile_cond *c)
{
	free(c->arches);
}

void scprofile_free(struct scprofile *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n_rules; i++) {
		struct scprofile_rule *r = &p->rules[i];

		for (size_t j = 0; j < r->n_names; j++)
			free(r->names[j]);
		free(r->names);
		free(r->args);
		free_cond(&r->includes);
		free_cond(&r->excludes);
	}
	for (size_t i = 0; i < p->n_archmap; i++)
		free(p->archmap[i].subs);
	free(p->archmap);
	free(p->arches);
	free(p->rules);
	free(p->source);
	free(p);
}
