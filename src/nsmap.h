/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsmap: what its parts share. nsmap.c is nsmap's own command line;
 * nsmap-shadow.c is nsmap run as newuidmap or newgidmap. */
#pragma once
#include <stdbool.h>

/* shadow's newuidmap (is_gid false) or newgidmap: returns the exit
 * status, or exits 1 after one line, as shadow does. */
int nsmap_shadow_main(int argc, char **argv, bool is_gid);
