#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A profile that cannot be used is refused before anything is made: one
# line naming the file, the entry and the reason, exit 125, the command
# never runs, no namespace file is left. The same for nsjoin and cgctl exec.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
require_root
marker=$TMP_DIR/ran

# refused TEXT PATTERN: a profile of TEXT is refused by nsrun with PATTERN
refused() {
	printf '%s\n' "$1" >"$TMP_DIR/p.json"
	assert_status 125 "profile $1" -- "$NSRUN" -Umpiun -r --net="$TMP_DIR/netns" \
		--seccomp "$TMP_DIR/p.json" -- touch "$marker"
	assert_one_line_error nsrun "$TMP_DIR/p.json: $2"
	[ ! -e "$marker" ] || fail "the command ran despite a refused profile: $1"
	[ ! -e "$TMP_DIR/netns" ] || fail "a namespace file was left: $1"
}

refused '{ "defaultAction": "SCMP_ACT_ALLOW", ' 'not JSON: line 2: unexpected end of data'
refused '{ "defaultAction": "SCMP_ACT_ALLOW" } x' 'not JSON: line 1'
refused '[]' '"\(top level\)": expected object, found array'
refused '{ "syscalls": [] }' 'no "defaultAction"'
refused '{ "defaultAction": "SCMP_ACT_MAYBE" }' '"defaultAction": unknown action "SCMP_ACT_MAYBE"'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "sycalls": [] }' 'unknown key "sycalls" in the profile'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "defaultErrnoRet": 1 }' '"defaultErrnoRet" needs SCMP_ACT_ERRNO'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_Z80"] }' \
	'"architectures": unknown architecture "SCMP_ARCH_Z80"'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
	{ "names": ["read"], "action": "SCMP_ACT_ALLOW" },
	{ "names": ["write", "kexec_lod"], "action": "SCMP_ACT_ERRNO" } ] }' \
	'syscalls\[1\]: unknown system call "kexec_lod"$'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["read"] } ] }' \
	'syscalls\[0\]: no "action"'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": [], "action": "SCMP_ACT_LOG" } ] }' \
	'syscalls\[0\]: "names" is empty'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["read"], "action": "SCMP_ACT_ERRNO",
	"args": [ { "index": 6, "value": 1, "op": "SCMP_CMP_EQ" } ] } ] }' 'syscalls\[0\]: "index": out of range'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["read"], "action": "SCMP_ACT_ERRNO",
	"args": [ { "index": 0, "value": 1, "op": "SCMP_CMP_ALMOST" } ] } ] }' \
	'syscalls\[0\]: "op": unknown operator "SCMP_CMP_ALMOST"'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["read"], "action": "SCMP_ACT_ERRNO",
	"includes": { "caps": ["CAP_FLY"] } } ] }' 'syscalls\[0\]: "caps": unknown capability "CAP_FLY"'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["read"], "action": "SCMP_ACT_ERRNO",
	"excludes": { "minKernel": "4.8" } } ] }' 'syscalls\[0\]: unknown key "minKernel" in excludes'
refused '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["read"], "action": "SCMP_ACT_NOTIFY" } ] }' \
	'syscalls\[0\]: "action": SCMP_ACT_NOTIFY is not supported'

# a file that cannot be read
assert_status 125 "a missing profile" -- "$NSRUN" -Umpiun -r --seccomp "$TMP_DIR/none.json" -- touch "$marker"
assert_error_line "nsrun: $TMP_DIR/none.json: No such file or directory"
# option combinations
assert_status 125 "--seccomp-log alone" -- "$NSRUN" -Umpiun -r --seccomp-log -- touch "$marker"
assert_one_line_error nsrun "--seccomp-log needs --seccomp PROFILE"
assert_status 125 "--release with --seccomp" -- "$NSRUN" --release --seccomp default -t 1
assert_one_line_error nsrun "--release takes only -t"
[ ! -e "$marker" ] || fail "a refused command line ran the command"

# nsjoin and cgctl exec refuse the same way, before joining or making a group
printf '{ "defaultAction": "SCMP_ACT_KILL", "syscalls": [ { "names": ["nosuchcall"], "action": "SCMP_ACT_ALLOW" } ] }\n' \
	>"$TMP_DIR/bad.json"
assert_status 125 "nsjoin with a bad profile" -- "$NSJOIN" -t $$ -m --seccomp "$TMP_DIR/bad.json" -- touch "$marker"
assert_error_line "nsjoin: $TMP_DIR/bad.json: syscalls[0]: unknown system call \"nosuchcall\""
assert_status 125 "cgctl exec with a bad profile" -- "$CGCTL" exec --parent self --create --rm \
	nskit-seccomp-refused --seccomp "$TMP_DIR/bad.json" -- touch "$marker"
assert_error_line "cgctl: $TMP_DIR/bad.json: syscalls[0]: unknown system call \"nosuchcall\""
assert_status 125 "the group of a refused cgctl exec" -- "$CGCTL" stat --parent self nskit-seccomp-refused
[ ! -e "$marker" ] || fail "nsjoin or cgctl ran the command despite a refused profile"
assert_status 125 "--seccomp on cgctl create" -- "$CGCTL" create --parent self x --seccomp default
assert_one_line_error cgctl "--seccomp and --seccomp-log go with exec"
