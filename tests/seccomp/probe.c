/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The seccomp tests' probe: tries each system call the default profile
 * refuses (and a few it allows) and prints one line per call, "NAME OK"
 * or "NAME ERRNO" (EPERM, ENOSYS, ...), so that a test compares what the
 * filter did with what it expects. Each call is made so that, unfiltered,
 * the kernel would answer something other than the filter's errno where it
 * can (bpf with a bad size: EINVAL; perf_event_open without attributes:
 * EFAULT), and harmlessly. Arguments: the names to try (default: all). */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <linux/bpf.h>
#include <linux/keyctl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static long try_keyctl(void) { return syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0); }
static long try_add_key(void) { return syscall(SYS_add_key, "user", "nskit-probe", "x", 1, KEY_SPEC_PROCESS_KEYRING); }
static long try_request_key(void) { return syscall(SYS_request_key, "user", "nskit-probe", NULL, 0); }
static long try_bpf(void) { return syscall(SYS_bpf, BPF_MAP_CREATE, NULL, 0); }
static long try_perf_event_open(void) { return syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0); }
static long try_userfaultfd(void) { return syscall(SYS_userfaultfd, O_CLOEXEC); }
static long try_unshare_user(void) { return unshare(CLONE_NEWUSER); }
static long try_unshare_net(void) { return unshare(CLONE_NEWNET); }
static long try_unshare_fs(void) { return unshare(CLONE_FS); }
static long try_setns(void) { return setns(-1, 0); }
static long try_kexec_load(void) { return syscall(SYS_kexec_load, 0, 0, NULL, 0); }
static long try_open_by_handle_at(void)
{
	struct { struct file_handle h; unsigned char b[128]; } fh = { .h.handle_bytes = 128 };
	return syscall(SYS_open_by_handle_at, AT_FDCWD, &fh.h, O_RDONLY);
}
/* A fresh procfs on a directory of our own, taken down again. */
static long try_mount_proc(void)
{
	char dir[] = "/tmp/probe-proc.XXXXXX";
	long r;

	if (!mkdtemp(dir))
		return -1;
	r = mount("proc", dir, "proc", 0, NULL);
	int e = errno;
	if (r == 0)
		umount2(dir, MNT_DETACH);
	rmdir(dir);
	errno = e;
	return r;
}
static long try_io_uring_setup(void) { return syscall(SYS_io_uring_setup, 0, NULL); }
static long try_clone3(void) { return syscall(SYS_clone3, NULL, 0); }
static long try_getpid(void) { return getpid(); }
static long try_mkdir(void)
{
	char dir[64];
	long r;

	snprintf(dir, sizeof(dir), "/tmp/probe-mkdir.%d", (int)getpid());
	r = mkdir(dir, 0700);
	if (r == 0)
		rmdir(dir);
	return r;
}
/* TIOCSTI, also with bits above the 32 the kernel reads; on /dev/null, so
 * that nothing is ever typed into a terminal (ENOTTY unfiltered) */
static long tiocsti(unsigned long cmd)
{
	char c = ' ';
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	long r = syscall(SYS_ioctl, fd, cmd, &c);
	int e = errno;

	close(fd);
	errno = e;
	return r;
}
static long try_tiocsti(void) { return tiocsti(TIOCSTI); }
static long try_tiocsti_high(void) { return tiocsti(0x100000000UL | TIOCSTI); }
static long try_personality_query(void) { return personality(0xffffffff); }
static long try_personality_bad(void) { return personality(PER_SVR4); }

static const struct {
	const char *name;
	long (*try)(void);
} probes[] = {
	{ "keyctl", try_keyctl },
	{ "add_key", try_add_key },
	{ "request_key", try_request_key },
	{ "bpf", try_bpf },
	{ "perf_event_open", try_perf_event_open },
	{ "userfaultfd", try_userfaultfd },
	{ "unshare-user", try_unshare_user },
	{ "unshare-net", try_unshare_net },
	{ "unshare-fs", try_unshare_fs },
	{ "setns", try_setns },
	{ "kexec_load", try_kexec_load },
	{ "open_by_handle_at", try_open_by_handle_at },
	{ "mount-proc", try_mount_proc },
	{ "io_uring_setup", try_io_uring_setup },
	{ "clone3", try_clone3 },
	{ "getpid", try_getpid },
	{ "mkdir", try_mkdir },
	{ "tiocsti", try_tiocsti },
	{ "tiocsti-high", try_tiocsti_high },
	{ "personality-query", try_personality_query },
	{ "personality-svr4", try_personality_bad },
};

static void probe(size_t i)
{
	long r;

	errno = 0;
	r = probes[i].try();
	if (r >= 0)
		printf("%s OK\n", probes[i].name);
	else
		printf("%s %s\n", probes[i].name, strerrorname_np(errno) ? strerrorname_np(errno) : "?");
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (size_t i = 0; i < sizeof(probes) / sizeof(*probes); i++) {
		bool wanted = argc < 2;

		for (int a = 1; a < argc && !wanted; a++)
			wanted = !strcmp(argv[a], probes[i].name);
		if (wanted)
			probe(i);
	}
	return 0;
}
