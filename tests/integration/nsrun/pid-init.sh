#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# In a new PID namespace the init is PID 1 and the command PID 2; with
# --as-pid-1 the command is PID 1; --mount-proc gives a /proc of the new
# namespace that lists only those processes.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

assert_eq 2 "$("$NSRUN" --pid -- sh -c 'echo $$')" "command's pid under the init"
assert_eq 2 "$("$NSRUN" --pid --fork -- sh -c 'echo $$')" "-p -f"
assert_eq 1 "$("$NSRUN" --pid --as-pid-1 -- sh -c 'echo $$')" "--as-pid-1"
assert_eq 1 "$("$NSRUN" --pid --no-init -- sh -c 'echo $$')" "--no-init"

procs=$("$NSRUN" --pid --fork --mount-proc ps -e -o pid=,comm=)
n=$(echo "$procs" | wc -l)
[ "$n" -le 2 ] || fail "ps -e lists $n processes: $procs"
assert_match '^ *1 nsrun$' "$(echo "$procs" | head -1)" "PID 1 is the init"
assert_match '^ *2 ps$' "$(echo "$procs" | tail -1)" "ps is PID 2"
# --mount-proc=DIR
mkdir "$TMP_DIR/p"
assert_eq 1 "$("$NSRUN" --pid --mount-proc="$TMP_DIR/p" -- sh -c "ls $TMP_DIR/p | grep -c '^1\$'")" \
	"--mount-proc=DIR"
# and our /proc is untouched
assert_eq 0 "$(grep -c " $TMP_DIR/p " /proc/self/mountinfo)" "no proc left on DIR"
# without a fork (no --pid, no --fork), as unshare(1) does too
assert_eq proc "$("$NSRUN" --mount-proc="$TMP_DIR/p" -- stat -f -c %T "$TMP_DIR/p")" \
	"--mount-proc=DIR without a fork"
assert_eq 0 "$(grep -c " $TMP_DIR/p " /proc/self/mountinfo)" "no proc left on DIR"

# the init reaps orphans: a daemonised grandchild does not stay a zombie
out=$("$NSRUN" --pid --mount-proc -- sh -c '(sleep 0.1 &) ; sleep 0.4; ps -e -o stat= | grep -c Z')
assert_eq 0 "$out" "no zombies under the init"
