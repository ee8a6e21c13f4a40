/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A parser of /proc/PID/mountinfo (proc(5)), pure: text in, entries out.
 *
 *   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 *   (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)   (10)         (11)
 *
 * mount id, parent id, major:minor, root, mount point, mount options,
 * optional fields (shared:N, master:N, propagate_from:N, unbindable), a
 * separator, filesystem type, source, super options. Paths are decoded
 * (the kernel writes space, tab, newline and backslash as \040-style octal
 * escapes). The one reader of mountinfo in nskit: mkprop and nsroot use it
 * to show propagation and to explain an error, lib/cgroup to find the
 * cgroup hierarchies. Never read to act on one path, which statx answers
 * (lib/mnt; DESIGN.md: reading mountinfo costs about 1 us per mount). */
#pragma once
#include <stdbool.h>
#include <stddef.h>

struct mnt_entry {
	int id, parent_id;
	unsigned major, minor;
	const char *root;		/* the path inside the filesystem that is mounted */
	const char *target;		/* the mount point */
	const char *options;		/* per-mount options */
	const char *optional;		/* the optional fields as written, "" when none */
	int shared;		/* peer group id (shared:N), 0: not shared */
	int master;		/* peer group it receives from (master:N), 0: none */
	int propagate_from;	/* nearest dominant peer group (propagate_from:N), 0 */
	bool unbindable;
	const char *fstype, *source, *super_options;
};

struct mountinfo {
	struct mnt_entry *entries;
	size_t count;
	char *text;		/* owns the strings the entries point into */
};

#define MOUNTINFO_INIT { .entries = NULL, .count = 0, .text = NULL }

/* Parse one line (without its newline) in place: the entry's strings
 * point into line. Returns 0 or -EINVAL. */
int mountinfo_parse_line(char *line, struct mnt_entry *ret);
/* Parse a whole file's text, taking ownership of text (malloc'ed) even on
 * failure. Returns 0, -EINVAL (*ret_bad_line: the 1-based line number) or
 * -ENOMEM. */
int mountinfo_parse(char *text, struct mountinfo *ret, size_t *ret_bad_line);
/* The same, keeping only the mounts whose filesystem type begins with
 * FSTYPE_PREFIX ("cgroup": cgroup and cgroup2; NULL: every mount). Other
 * lines are passed over unparsed (and unchecked): finding a line's type
 * costs a few bytes, parsing it all a few dozen ns, which at thousands of
 * mounts matters to a caller that wants two or three of them. */
int mountinfo_parse_fstype(char *text, const char *fstype_prefix, struct mountinfo *ret,
			   size_t *ret_bad_line);
/* Read and parse an open mountinfo file. */
int mountinfo_read_fd(int fd, struct mountinfo *ret, size_t *ret_bad_line);
/* Open PATH relative to DIRFD (AT_FDCWD, or e.g. an open /proc/PID) and
 * read and parse it: -errno when it cannot be opened, else as
 * mountinfo_read_fd. */
int mountinfo_read_at(int dirfd, const char *path, struct mountinfo *ret, size_t *ret_bad_line);
/* The same, keeping only the mounts of mountinfo_parse_fstype. */
int mountinfo_read_fstype_at(int dirfd, const char *path, const char *fstype_prefix,
			     struct mountinfo *ret, size_t *ret_bad_line);
void mountinfo_free(struct mountinfo *mi);

/* The entry with this mount id, or NULL. */
const struct mnt_entry *mountinfo_find_id(const struct mountinfo *mi, int id);
/* The mount an absolute, canonical PATH belongs to, from the text alone:
 * the longest mount point that contains it, the topmost of a stack of
 * mounts on one point. (A mount hidden under a later mount on one of its
 * ancestors is not detected; prefer the statx mount id when there is a
 * file to ask.) NULL if none (no "/" in the table). */
const struct mnt_entry *mountinfo_find_path(const struct mountinfo *mi, const char *path);
/* Whether any mount appears in both tables: mount ids are unique across
 * namespaces, so two processes share a mount namespace iff they do. */
bool mountinfo_share_a_mount(const struct mountinfo *a, const struct mountinfo *b);

/* The same question asked of the texts by their mount ids alone, with
 * nothing allocated (nsroot asks it of every run where PID 1's namespace
 * files are closed to it): the ids of table a, the first field of each
 * line, into ids (up to max: -E2BIG beyond, when the caller parses the
 * tables instead), sorted; then 1 if a line of table b has one of them,
 * 0 if none does. -EINVAL for a line that does not begin with an id. */
int mountinfo_text_ids(const char *text, int *ids, size_t max, size_t *ret_count);
int mountinfo_text_has_an_id(const char *text, const int *ids, size_t count);
/* Both questions for the mount tables at two paths (/proc/PID/mountinfo):
 * 1 if they share a mount, 0 if not, -errno (-EINVAL for a line without
 * an id). Tables of a few dozen mounts are read and compared on the
 * stack, nothing allocated (nsroot asks it on every run where PID 1's
 * namespace files are closed to it, issue 19); larger ones on the heap. */
int mountinfo_files_share_a_mount(const char *a_path, const char *b_path);
/* "shared", "slave", "shared,slave", "unbindable" or "private". */
const char *mnt_entry_propagation(const struct mnt_entry *e);
