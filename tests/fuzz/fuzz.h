/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What every harness of tests/fuzz shares: the libFuzzer entry point and
 * the cutting of one input into the C strings a parser takes. An input is
 * split at its NUL bytes, so that a seed file is its fields separated by
 * NULs (printf 'key\0value'), and an input with fewer fields gives "" for
 * the rest. FUZZ_CHECK aborts, which libFuzzer reports as a crash with the
 * input: a broken invariant is a bug as much as a sanitizer report is. */
#pragma once
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);	/* optional */

#define FUZZ_CHECK(cond)                                                                   \
	do {                                                                               \
		if (!(cond)) {                                                             \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, \
				#cond);                                                    \
			abort();                                                           \
		}                                                                          \
	} while (0)

#define FUZZ_MAX_FIELDS 8

/* The input cut into n fields at its NUL bytes (the last field runs to the
 * end), in one malloc'ed copy the caller frees: NULL only without memory.
 * Missing fields are "". Each field is a string of its own allocation too,
 * so that ASan sees a read past a field's end even where the next field
 * follows in the copy. */
struct fuzz_fields {
	char *field[FUZZ_MAX_FIELDS];
	unsigned n;
};

static inline void fuzz_fields_free(struct fuzz_fields *f)
{
	for (unsigned i = 0; i < f->n; i++)
		free(f->field[i]);
	f->n = 0;
}

static inline int fuzz_split(const uint8_t *data, size_t size, unsigned n, struct fuzz_fields *ret)
{
	size_t pos = 0;

	ret->n = 0;
	for (unsigned i = 0; i < n && i < FUZZ_MAX_FIELDS; i++) {
		const uint8_t *nul = pos < size ? memchr(data + pos, '\0', size - pos) : NULL;
		size_t len = pos >= size ? 0 : i == n - 1 || !nul ? size - pos : (size_t)(nul - data) - pos;
		char *s = malloc(len + 1);

		if (!s) {
			fuzz_fields_free(ret);
			return -1;
		}
		if (len)
			memcpy(s, data + pos, len);
		s[len] = '\0';
		ret->field[ret->n++] = s;
		pos += len + 1;
	}
	return 0;
}

/* The whole input as one string (a NUL inside ends it early, as it would
 * end the text a reader hands a parser). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s) {
		if (size)
			memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}
