#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Profiles in Docker's format, read as Docker documents them: one that
# denies one call denies exactly that one; one that uses every part of the
# format (defaultErrnoRet, architectures and archMap, conditions on
# arguments, several conditions on one argument, includes and excludes by
# capability, architecture and kernel, errnoRet, the LOG, TRAP and
# KILL_PROCESS actions, the old "name") behaves as each part says.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
probe=$NSKIT_BUILDDIR/tests/seccomp/probe
[ -x "$probe" ] || hard_error "$probe is not built"
result() { printf '%s\n' "$2" | awk -v n="$1" '$1 == n { print $2 }'; }
run() { "$NSRUN" -Umpiun -r --mount-proc "$@"; }

# --- one call denied, and only that one ---
cat >"$TMP_DIR/one.json" <<'JSON'
{
	"defaultAction": "SCMP_ACT_ALLOW",
	"syscalls": [
		{ "names": ["setns"], "action": "SCMP_ACT_ERRNO", "errnoRet": 95 }
	]
}
JSON
plain=$(run -- "$probe")
one=$(run --seccomp "$TMP_DIR/one.json" -- "$probe")
assert_eq EBADF "$(result setns "$plain")" "setns unfiltered"
assert_eq EOPNOTSUPP "$(result setns "$one")" "setns denied by the profile"
assert_eq "$(printf '%s\n' "$plain" | grep -v '^setns ')" "$(printf '%s\n' "$one" | grep -v '^setns ')" \
	"every other call as without a filter"

# --- every part of the format ---
cat >"$TMP_DIR/full.json" <<'JSON'
{
	"comment": "nskit's test of the whole format",
	"defaultAction": "SCMP_ACT_ERRNO",
	"defaultErrnoRet": 38,
	"architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
	"archMap": [
		{ "architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"] }
	],
	"syscalls": [
		{ "comment": "what the probe needs to start and to print",
		  "names": ["access", "faccessat", "faccessat2", "arch_prctl", "brk", "close", "execve",
			"exit", "exit_group", "fcntl", "fstat", "newfstatat", "getrandom", "ioctl", "mmap",
			"mprotect", "munmap", "openat", "pread64", "prlimit64", "read", "rseq",
			"set_robust_list", "set_tid_address", "write", "rmdir", "unlinkat", "mkdirat"],
		  "action": "SCMP_ACT_ALLOW" },
		{ "name": "mkdir", "action": "SCMP_ACT_ALLOW" },
		{ "names": ["getpid"], "action": "SCMP_ACT_LOG" },
		{ "names": ["setns"], "action": "SCMP_ACT_ERRNO", "errnoRet": 95 },
		{ "comment": "unshare without CLONE_NEWNET; with it, EPROTO",
		  "names": ["unshare"], "action": "SCMP_ACT_ALLOW",
		  "args": [{ "index": 0, "value": 1073741824, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ" }] },
		{ "names": ["unshare"], "action": "SCMP_ACT_ERRNO", "errnoRet": 71,
		  "args": [{ "index": 0, "value": 1073741824, "valueTwo": 1073741824, "op": "SCMP_CMP_MASKED_EQ" }] },
		{ "comment": "two conditions on one argument: either matches",
		  "names": ["personality"], "action": "SCMP_ACT_ALLOW",
		  "args": [{ "index": 0, "value": 4294967295, "op": "SCMP_CMP_EQ" },
			   { "index": 0, "value": 0, "op": "SCMP_CMP_EQ" }] },
		{ "names": ["keyctl"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13,
		  "includes": { "caps": ["CAP_SYS_ADMIN"] } },
		{ "names": ["keyctl"], "action": "SCMP_ACT_ALLOW",
		  "excludes": { "caps": ["CAP_SYS_ADMIN"] } },
		{ "names": ["add_key"], "action": "SCMP_ACT_ERRNO", "errnoRet": 42,
		  "includes": { "arches": ["amd64", "arm64"] } },
		{ "names": ["add_key"], "action": "SCMP_ACT_ALLOW",
		  "excludes": { "arches": ["amd64", "arm64"] } },
		{ "names": ["request_key"], "action": "SCMP_ACT_ERRNO", "errnoRet": 62,
		  "includes": { "minKernel": "99.0" } },
		{ "names": ["perf_event_open"], "action": "SCMP_ACT_ERRNO", "errnoRet": 61,
		  "includes": { "minKernel": "3.0" } },
		{ "names": ["bpf"], "action": "SCMP_ACT_ERRNO", "errnoRet": 52,
		  "excludes": { "caps": ["CAP_SYS_ADMIN"], "arches": ["mips"] } },
		{ "names": ["userfaultfd"], "action": "SCMP_ACT_KILL_PROCESS" },
		{ "names": ["kexec_load"], "action": "SCMP_ACT_TRAP" }
	]
}
JSON
calls="setns unshare-user unshare-net unshare-fs personality-query personality-svr4 keyctl add_key
request_key perf_event_open bpf getpid mkdir io_uring_setup"
# shellcheck disable=SC2086 # a list of names
out=$(run --seccomp "$TMP_DIR/full.json" -- "$probe" $calls) || fail "probe under full.json: $?"
expect="setns EOPNOTSUPP
unshare-user OK
unshare-net EPROTO
unshare-fs OK
personality-query OK
personality-svr4 ENOSYS
keyctl EACCES
add_key ENOMSG
request_key ENOSYS
perf_event_open ENODATA
bpf ENOSYS
getpid OK
mkdir OK
io_uring_setup ENOSYS"
assert_eq "$(printf '%s\n' "$expect" | sort)" "$(printf '%s\n' "$out" | sort)" \
	"full.json, the container's root with every capability"

# without CAP_SYS_ADMIN (and so under no_new_privs): the capability rules turn
# shellcheck disable=SC2086
out=$(run --cap-drop sys_admin --seccomp "$TMP_DIR/full.json" -- "$probe" keyctl bpf)
assert_eq "keyctl OK
bpf EBADE" "$out" "full.json without CAP_SYS_ADMIN"

# KILL_PROCESS and TRAP: SIGSYS (31)
assert_status 159 "SCMP_ACT_KILL_PROCESS" -- run --seccomp "$TMP_DIR/full.json" -- "$probe" userfaultfd
assert_status 159 "SCMP_ACT_TRAP" -- run --seccomp "$TMP_DIR/full.json" -- "$probe" kexec_load
