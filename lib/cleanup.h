/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Scope-bound cleanup for memory and file descriptors (the systemd idiom):
 * a variable declared _cleanup_free_ or _cleanup_close_ is released when it
 * goes out of scope; TAKE_PTR/TAKE_FD hand ownership on. */
#pragma once
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>

static inline void freep(void *p)
{
	free(*(void **)p);
}

static inline void closep(int *fd)
{
	if (*fd >= 0) {
		int saved = errno;
		close(*fd);
		errno = saved;
	}
}

#define _cleanup_free_ __attribute__((cleanup(freep)))
#define _cleanup_close_ __attribute__((cleanup(closep)))

#define TAKE_FD(fd) ({ int _fd = (fd); (fd) = -1; _fd; })
#define TAKE_PTR(p) ({ __typeof__(p) _p = (p); (p) = NULL; _p; })

#define ELEMENTSOF(a) (sizeof(a) / sizeof((a)[0]))
