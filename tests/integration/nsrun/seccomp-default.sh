#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --seccomp default: in a container of its own (-Umpiun -r) the calls that
# reach kernel code a container's root should not reach fail with EPERM,
# clone3 with ENOSYS, and the harmless ones work. A copy of the profile
# whose EPERM is another errno proves that the filter refused each call,
# not the kernel; a run without the filter, that the probe tells them apart.
# The shipped file compiled at run time behaves as the program compiled at
# build time; strict.json refuses the same and more.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
probe=$NSKIT_BUILDDIR/tests/seccomp/probe
[ -x "$probe" ] || hard_error "$probe is not built"
profile=$NSKIT_SRCDIR/data/seccomp/default.json

refused="keyctl add_key request_key bpf perf_event_open userfaultfd unshare-user unshare-net
setns kexec_load open_by_handle_at mount-proc io_uring_setup tiocsti tiocsti-high"
# result NAME OUTPUT: the probe's answer for NAME
result() { printf '%s\n' "$2" | awk -v n="$1" '$1 == n { print $2 }'; }

# the filter is on the command, once
status=$("$NSRUN" -Umpiun -r --mount-proc --seccomp default -- grep -E '^Seccomp(_filters)?:' /proc/self/status | tr -s '\t\n' '  ')
assert_eq "Seccomp: 2 Seccomp_filters: 1 " "$status" "the command's seccomp state"
status=$("$NSRUN" -Umpiun -r -- grep '^Seccomp:' /proc/self/status | tr -s '\t' ' ')
assert_eq "Seccomp: 0" "$status" "no filter without --seccomp"

out=$("$NSRUN" -Umpiun -r --mount-proc --seccomp default -- "$probe") || fail "probe under default: $?"
for call in $refused; do
	assert_eq EPERM "$(result "$call" "$out")" "default: $call"
done
assert_eq ENOSYS "$(result clone3 "$out")" "default: clone3 (so that glibc falls back to clone)"
for call in unshare-fs getpid mkdir personality-query personality-svr4; do
	assert_eq OK "$(result "$call" "$out")" "default: $call"
done

# the same profile as a file, compiled now, gives the same answers as the
# program compiled at build time
assert_eq "$out" "$("$NSRUN" -Umpiun -r --mount-proc --seccomp "$profile" -- "$probe")" \
	"--seccomp $profile and --seccomp default"

# strict.json, the allow-list: the same refusals, and ENOSYS for what it
# does not name
strict=$("$NSRUN" -Umpiun -r --mount-proc --seccomp "$NSKIT_SRCDIR/data/seccomp/strict.json" -- "$probe") ||
	fail "probe under strict.json: $?"
for call in $refused; do
	case $call in tiocsti*) continue ;; esac	# strict cannot refuse an ioctl
	assert_eq EPERM "$(result "$call" "$strict")" "strict: $call"
done
assert_eq ENOSYS "$(result clone3 "$strict")" "strict: clone3"
assert_eq ENOSYS "$(result personality-svr4 "$strict")" "strict: an unusual personality"
for call in unshare-fs getpid mkdir personality-query; do
	assert_eq OK "$(result "$call" "$strict")" "strict: $call"
done

# EPERM made EOPNOTSUPP (95): every refusal is the filter's
sed 's/"errnoRet": 1\(,\{0,1\}\)$/"errnoRet": 95\1/' "$profile" >"$TMP_DIR/eopnotsupp.json"
grep -q '"errnoRet": 95' "$TMP_DIR/eopnotsupp.json" || hard_error "the errnoRet lines were not found"
out=$("$NSRUN" -Umpiun -r --mount-proc --seccomp "$TMP_DIR/eopnotsupp.json" -- "$probe")
for call in $refused; do
	assert_eq EOPNOTSUPP "$(result "$call" "$out")" "errnoRet 95: $call"
done

# unfiltered, the probe sees the kernel's answers
out=$("$NSRUN" -Umpiun -r --mount-proc -- "$probe")
for call in keyctl add_key bpf perf_event_open unshare-user unshare-net setns clone3 tiocsti tiocsti-high; do
	assert_ne EPERM "$(result "$call" "$out")" "unfiltered: $call"
done

# --detach --hold: the filter is the released command's
"$NSRUN" -Umpiun -r --detach --hold --log "$TMP_DIR/held.log" --seccomp default -- \
	"$probe" keyctl getpid >"$TMP_DIR/handle" || fail "nsrun --detach --hold: $?"
pid=$(cat "$TMP_DIR/handle")
kill_later "$pid"
"$NSRUN" --release -t "$pid" || fail "release: $?"
wait_gone "$pid" || fail "the released command did not end"
assert_eq "keyctl EPERM getpid OK" "$(tr '\n' ' ' <"$TMP_DIR/held.log" | sed 's/ $//')" \
	"--detach --hold --seccomp default"

# --seccomp-log: nothing refused, the filter is there (the kernel logs)
out=$("$NSRUN" -Umpiun -r --seccomp default --seccomp-log -- sh -c \
	"grep '^Seccomp:' /proc/self/status; exec $probe keyctl bpf clone3" | tr -s '\t\n' '  ')
assert_eq "Seccomp: 2 keyctl OK bpf EINVAL clone3 EINVAL " "$out" "--seccomp-log"

# unconfined: no filter
status=$("$NSRUN" -Umpiun -r --seccomp unconfined -- grep '^Seccomp:' /proc/self/status | tr -s '\t' ' ')
assert_eq "Seccomp: 0" "$status" "--seccomp unconfined"
