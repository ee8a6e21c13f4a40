/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsls: /proc and the caller's nsfs mounts -> processes grouped into
 * containers. A container is the set of processes that share one set of
 * namespaces other than nsls's own; its first process (the earliest
 * started: the holder or init) is its key. Only the kernel's facts are
 * used: namespace inodes, never process names. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mountinfo.h"
#include "nsls.h"
#include "parse.h"
#include "procinfo.h"

int nsls_grow(void **v, size_t n, size_t *cap, size_t elem)
{
	void *bigger;
	size_t size;

	if (n < *cap)
		return 0;
	size = *cap ? *cap * 2 : 64;
	if (!(bigger = realloc(*v, size * elem)))
		return -ENOMEM;
	*v = bigger;
	*cap = size;
	return 0;
}

static int add_proc(struct nsls_scan *s, size_t *cap, const struct nsls_proc *p)
{
	if (nsls_grow((void **)&s->procs, s->nprocs, cap, sizeof(*p)) < 0)
		return -ENOMEM;
	s->procs[s->nprocs++] = *p;
	return 0;
}

/* One process of /proc: 0 (added or gone meanwhile), or -ENOMEM. */
static int read_proc(struct nsls_scan *s, size_t *cap, pid_t pid, int readable)
{
	struct nsls_proc p = { .container = -1 };
	struct procinfo pi;
	char path[32];
	struct stat st;
	int n;

	if (procinfo_read(-1, pid, &pi) < 0)
		return 0;	/* gone */
	n = ns_inodes_of(pid, p.ns);
	if (n < 0)
		return 0;
	if (n < readable) {
		s->unreadable++;	/* another user's: /proc/PID/ns needs ptrace access */
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	if (stat(path, &st) < 0)
		return 0;
	p.pid = pid;
	p.ppid = pi.ppid;
	p.uid = st.st_uid;
	p.start = pi.starttime;
	memcpy(p.comm, pi.comm, sizeof(p.comm));
	return add_proc(s, cap, &p);
}

static int cmp_procs(const void *a, const void *b)
{
	const struct nsls_proc *x = a, *y = b;
	int r = memcmp(x->ns, y->ns, sizeof(x->ns));

	if (r)
		return r;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

static int add_container(struct nsls_scan *s, size_t *cap, const struct nsls_container *c)
{
	if (nsls_grow((void **)&s->cts, s->ncts, cap, sizeof(*c)) < 0)
		return -ENOMEM;
	s->cts[s->ncts++] = *c;
	return 0;
}

static unsigned own_types(const struct nsls_scan *s, const uint64_t ns[NS_TYPE_MAX])
{
	unsigned own = 0;

	for (unsigned t = 0; t < ns_type_count; t++)
		if (ns[t] && ns[t] != s->self_ns[t])
			own |= 1u << t;
	return own;
}

/* Consecutive processes of one namespace set (procs are sorted) form a
 * container, unless the set is ours. */
static int group(struct nsls_scan *s, size_t *cap)
{
	for (size_t i = 0; i < s->nprocs;) {
		size_t j = i;
		while (j < s->nprocs && !memcmp(s->procs[j].ns, s->procs[i].ns, sizeof(s->procs[i].ns)))
			j++;
		unsigned own = own_types(s, s->procs[i].ns);
		if (own) {
			struct nsls_container c = {
				.own = own, .key = i, .nprocs = (unsigned)(j - i), .parent = -1,
				.nsfs_only = -1,
			};
			memcpy(c.ns, s->procs[i].ns, sizeof(c.ns));
			if (add_container(s, cap, &c) < 0)
				return -ENOMEM;
			for (size_t k = i; k < j; k++)
				s->procs[k].container = (int)s->ncts - 1;
		}
		i = j;
	}
	return 0;
}

static int read_nsfs(struct nsls_scan *s)
{
	struct mountinfo mi = MOUNTINFO_INIT;
	size_t bad;
	int r = mountinfo_read_fstype_at(AT_FDCWD, "/proc/self/mountinfo", "nsfs", &mi, &bad);

	if (r < 0)
		return r;
	s->files = calloc(mi.count + 1, sizeof(*s->files));
	if (!s->files) {
		mountinfo_free(&mi);
		return -ENOMEM;
	}
	for (size_t i = 0; i < mi.count; i++) {
		struct nsls_nsfs f = { 0 };
		bool seen = false;
		if (ns_parse_name(mi.entries[i].root, &f.type, &f.inode) < 0)
			continue;
		for (size_t k = 0; k < s->nfiles; k++)
			seen |= !strcmp(s->files[k].path, mi.entries[i].target);
		if (seen)
			continue;	/* one file seen through two mounts */
		if (!(f.path = strdup(mi.entries[i].target))) {
			mountinfo_free(&mi);
			return -ENOMEM;
		}
		s->files[s->nfiles++] = f;
	}
	mountinfo_free(&mi);
	return 0;
}

/* Files no container with a process holds get a row of their own, one
 * per namespace (several files may hold it). */
static int claim_nsfs(struct nsls_scan *s, size_t *cap)
{
	for (size_t k = 0; k < s->nfiles; k++) {
		struct nsls_nsfs *f = &s->files[k];
		for (size_t c = 0; c < s->ncts && !f->claimed; c++)
			f->claimed = s->cts[c].nsfs_only < 0 && s->cts[c].ns[f->type] == f->inode;
		if (f->claimed || f->inode == s->self_ns[f->type])
			continue;
		bool first = true;
		for (size_t j = 0; j < k; j++)
			if (s->files[j].type == f->type && s->files[j].inode == f->inode)
				first = false;
		if (!first)
			continue;
		struct nsls_container c = { .own = 1u << f->type, .parent = -1, .nsfs_only = (int)k };
		c.ns[f->type] = f->inode;
		if (add_container(s, cap, &c) < 0)
			return -ENOMEM;
	}
	return 0;
}

static int read_procs(struct nsls_scan *s, size_t *cap)
{
	DIR *d = opendir("/proc");
	int readable, r = 0;

	if (!d)
		return -errno;
	if ((readable = ns_inodes_of(getpid(), s->self_ns)) < 0) {
		closedir(d);
		return readable;
	}
	for (struct dirent *e; r == 0 && (e = readdir(d));) {
		pid_t pid;
		if (parse_pid(e->d_name, &pid) == 0)
			r = read_proc(s, cap, pid, readable);
	}
	closedir(d);
	return r;
}

int nsls_scan(struct nsls_scan *s)
{
	size_t pcap = 0, ccap = 0;
	int r;

	memset(s, 0, sizeof(*s));
	if ((r = read_procs(s, &pcap)) < 0)
		return r;
	if (s->nprocs)
		qsort(s->procs, s->nprocs, sizeof(*s->procs), cmp_procs);
	if ((r = group(s, &ccap)) < 0)
		return r;
	if ((r = read_nsfs(s)) < 0)
		return r;
	return claim_nsfs(s, &ccap);
}

void nsls_scan_free(struct nsls_scan *s)
{
	for (size_t k = 0; k < s->nfiles; k++)
		free(s->files[k].path);
	free(s->files);
	for (size_t k = 0; k < s->nfig; k++)
		free(s->figs[k].key);
	free(s->figs);
	free(s->procs);
	free(s->cts);
	if (s->have_sys)
		cg_sys_free(&s->sys);
	memset(s, 0, sizeof(*s));
}

int nsls_container_of(const struct nsls_scan *s, pid_t pid)
{
	for (size_t i = 0; i < s->nprocs; i++)
		if (s->procs[i].pid == pid)
			return s->procs[i].container;
	return -1;
}

void nsls_nsfs_paths(const struct nsls_scan *s, unsigned type, uint64_t inode, char *buf,
		     size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < s->nfiles; k++) {
		const struct nsls_nsfs *f = &s->files[k];
		if (f->type != type || f->inode != inode)
			continue;
		int n = snprintf(buf + len, size - len, "%s%s", len ? "," : "", f->path);
		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
}
