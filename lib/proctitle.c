/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include "proctitle.h"

/* The copy of the first call, when it fits: a run with a short command
 * line then allocates nothing at all (the heap's first pages, and
 * malloc's setup, cost more than nsrun's whole parse: issue 19). */
static char first_copy[4096] __attribute__((aligned(sizeof(char *))));
static bool first_copy_used;

int proctitle_init(struct proctitle *pt, int argc, char **argv, char **keep, char ***ret_keep)
{
	size_t n = 0, need;
	char **copy, *text;

	pt->start = NULL;
	pt->size = 0;
	while (keep[n])
		n++;
	need = (n + 1) * sizeof(*copy);
	for (size_t i = 0; i < n; i++)
		need += strlen(keep[i]) + 1;
	if (!first_copy_used && need <= sizeof(first_copy)) {
		copy = (char **)(void *)first_copy;
		first_copy_used = true;
	} else if (!(copy = malloc(need))) {
		return -ENOMEM;
	}
	/* the pointers, then the strings after them, in one block */
	text = (char *)(copy + n + 1);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(keep[i]) + 1;

		copy[i] = memcpy(text, keep[i], len);
		text += len;
	}
	copy[n] = NULL;
	*ret_keep = copy;
	/* the strings lie one after another (execve's layout): the area
	 * ends after the last one that does */
	if (argc > 0) {
		char *end = argv[0] + strlen(argv[0]) + 1;
		for (int i = 1; i < argc && argv[i] == end; i++)
			end = argv[i] + strlen(argv[i]) + 1;
		pt->start = argv[0];
		pt->size = (size_t)(end - argv[0]);
	}
	return 0;
}

void proctitle_format(char *buf, size_t size, const char *name, char *const *args)
{
	size_t len = 0;

	if (size == 0)
		return;
	memset(buf, 0, size);
	for (size_t i = 0; len < size - 1; i++) {
		const char *word = i == 0 ? name : args ? args[i - 1] : NULL;
		if (!word)
			break;
		size_t n = strlen(word);
		if (n > size - 1 - len)
			n = size - 1 - len;
		memcpy(buf + len, word, n);
		len += n + 1;	/* and its NUL */
	}
}

void proctitle_set(const struct proctitle *pt, const char *name, char *const *args)
{
	if (!pt->start)
		return;		/* not recorded: the process keeps its name */
	prctl(PR_SET_NAME, name, 0, 0, 0);
	proctitle_format(pt->start, pt->size, name, args);
}
