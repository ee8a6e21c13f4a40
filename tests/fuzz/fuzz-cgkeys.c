/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cgroup keys (lib/cgkeys): KEY (first field) = VALUE (second) translated
 * for a v2, a v1, a hybrid and a bare machine, with the rest of a request
 * (third field: the memory.max beside it); the value flags (--cpus,
 * --io-max, CPU lists); and values read back from v1 files, the fourth
 * field standing for every file's content. A translation writes files
 * that exist in a group directory, with one-line values. */
#include <errno.h>

#include "cgkeys.h"
#include "fuzz.h"
#include "parse.h"

static const struct cgkey_ctx contexts[] = {
	{ .v1_ctrls = 0, .v2_ctrls = ~0u, .have_v2 = true },	/* unified */
	{ .v1_ctrls = ~0u, .v2_ctrls = 0, .have_v2 = false },	/* legacy */
	{ .v1_ctrls = CG_BIT(CG_MEMORY) | CG_BIT(CG_CPU) | CG_BIT(CG_FREEZER),
	  .v2_ctrls = CG_BIT(CG_IO) | CG_BIT(CG_PIDS), .have_v2 = true },	/* hybrid */
	{ .v1_ctrls = 0, .v2_ctrls = 0, .have_v2 = false },	/* no cgroups */
};

/* The keys that are translated (lib/cgkeys.h); any other is raw. */
static const char *const table_keys[] = {
	"memory.max", "memory.high", "memory.swap.max", "cpu.max", "cpu.weight", "cpuset.cpus",
	"cpuset.mems", "pids.max", "io.max", "cgroup.freeze", NULL,
};

static void check_writes(const char *key, const struct cg_write *w, int n)
{
	FUZZ_CHECK(n >= 1 && n <= CGKEY_MAX_WRITES);
	for (int i = 0; i < n; i++) {
		FUZZ_CHECK(memchr(w[i].file, '\0', sizeof(w[i].file)));
		FUZZ_CHECK(memchr(w[i].value, '\0', sizeof(w[i].value)));
		FUZZ_CHECK(w[i].file[0] && !strchr(w[i].file, '/'));
		FUZZ_CHECK(strcmp(w[i].file, ".") && strcmp(w[i].file, ".."));
		FUZZ_CHECK(!strchr(w[i].value, '\n'));
		FUZZ_CHECK(w[i].ctrl == CG_CORE || (w[i].ctrl >= 0 && w[i].ctrl < CG_NCTRL));
	}
	/* a raw key is written as given, to the file of that name */
	if (parse_choice(key, table_keys) < 0)
		FUZZ_CHECK(n == 1 && !strcmp(w[0].file, key));
}

/* "MAJ:MIN" at the start of s as the kernel writes a device number:
 * digits, a colon, digits; no blank or sign inside. */
static bool plain_devnum(const char *s)
{
	size_t maj = strspn(s, "0123456789");

	return maj && s[maj] == ':' && s[maj + 1] >= '0' && s[maj + 1] <= '9';
}

static void translate(const char *key, const char *value, const char *memory_max)
{
	for (size_t c = 0; c < sizeof(contexts) / sizeof(contexts[0]); c++) {
		struct cgkey_batch batch = { .memory_max = *memory_max ? memory_max : NULL };
		struct cg_write w[CGKEY_MAX_WRITES];
		int ctrl, n = cgkey_translate(&contexts[c], key, value, &batch, w, &ctrl);

		if (n >= 0) {
			check_writes(key, w, n);
			if (!strcmp(key, "io.max"))
				FUZZ_CHECK(plain_devnum(value));
		} else
			FUZZ_CHECK(n == -CGKEY_EVALUE || n == -CGKEY_EUNKNOWN ||
				   n == -CGKEY_ENOCTRL || n == -EINVAL);
		FUZZ_CHECK(cgkey_expects(key) != NULL);
	}
}

static void flags(const char *s)
{
	char buf[160];
	struct cg_write w[CGKEY_MAX_WRITES];
	int ctrl, n;

	if (cgkey_cpus(s, buf, sizeof(buf)) == 0) {
		n = cgkey_translate(&contexts[0], "cpu.max", buf, NULL, w, &ctrl);
		FUZZ_CHECK(n == 1);
		n = cgkey_translate(&contexts[1], "cpu.max", buf, NULL, w, &ctrl);
		FUZZ_CHECK(n == 2);
	}
	if (cgkey_io_flag(s, buf, sizeof(buf)) == 0) {
		FUZZ_CHECK(plain_devnum(s));
		FUZZ_CHECK(strlen(buf) < sizeof(buf) && !strchr(buf, ','));
		n = cgkey_translate(&contexts[0], "io.max", buf, NULL, w, &ctrl);
		if (n >= 0)
			check_writes("io.max", w, n);
		n = cgkey_translate(&contexts[1], "io.max", buf, NULL, w, &ctrl);
		if (n >= 0)
			check_writes("io.max", w, n);
	}
	if (cgkey_list_ok(s))
		FUZZ_CHECK(strspn(s, "0123456789-,") == strlen(s));
	cgkey_v1_size_to_v2(s, buf, sizeof(buf));
	FUZZ_CHECK(strlen(buf) < sizeof(buf));
}

/* Every file of the group reads as the fuzzed text, cut to the buffer. */
static int read_text(void *ud, int ctrl, bool v2, const char *file, char *buf, size_t size)
{
	const char *text = ud;

	(void)ctrl, (void)v2, (void)file;
	if (!strcmp(text, "ENOENT"))
		return -ENOENT;
	snprintf(buf, size, "%s", text);
	return 0;
}

static void read_back(const char *key, const char *text)
{
	for (size_t c = 0; c < sizeof(contexts) / sizeof(contexts[0]); c++) {
		char out[512];
		memset(out, 'x', sizeof(out));
		if (cgkey_get(&contexts[c], key, read_text, (void *)text, out, sizeof(out)) == 0)
			FUZZ_CHECK(memchr(out, '\0', sizeof(out)));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_fields f;

	if (size > 8192 || fuzz_split(data, size, 4, &f) < 0)
		return 0;
	translate(f.field[0], f.field[1], f.field[2]);
	flags(f.field[1]);
	read_back(f.field[0], f.field[3]);
	/* the weight survives cpu.shares and back */
	if (size >= 2) {
		uint64_t weight = 1 + (data[0] | (uint64_t)data[1] << 8) % 10000;
		FUZZ_CHECK(cgkey_shares_to_weight(cgkey_weight_to_shares(weight)) == weight);
	}
	fuzz_fields_free(&f);
	return 0;
}
