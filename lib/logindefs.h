/* SPDX-License-Identifier: GPL-2.0-or-later */
/* /etc/login.defs (login.defs(5)), the settings shadow's tools read:
 * "NAME VALUE" lines, '#' comments. nsmap reads one of them when it runs
 * as newuidmap/newgidmap. A pure function of the text. */
#pragma once
#include <stdbool.h>
#include <stddef.h>

/* Whether the setting name is "yes" (any case) in text, as shadow's
 * getdef_bool() reads it; false when it is absent or anything else. */
bool logindefs_bool(const char *text, size_t len, const char *name);
