/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <string.h>

#include "cmdline.h"

int cmdline_split(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--") == 0)
			return i;
	return argc;
}
