/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floor for bench/mkprop.sh: a process that makes exactly one
 * system call of its own, mount_setattr(2) with AT_RECURSIVE, which is
 * the least any tool can do to change the propagation of a tree.
 *
 *   mkprop-floor private|shared|slave PATH */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif

struct attr {
	uint64_t attr_set, attr_clr, propagation, userns_fd;
};

int main(int argc, char **argv)
{
	struct attr a = { 0, 0, 0, 0 };

	if (argc != 3)
		return 2;
	a.propagation = strcmp(argv[1], "shared") == 0 ? MS_SHARED
			: strcmp(argv[1], "slave") == 0 ? MS_SLAVE : MS_PRIVATE;
	return syscall(SYS_mount_setattr, AT_FDCWD, argv[2], AT_RECURSIVE, &a, sizeof(a)) == 0 ? 0 : 1;
}
