#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A joined PID namespace takes the command by a fork; with -F/--no-fork the
# command stays in ours and only its children are born in the joined one.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

pid=$("$NSRUN" --pid --detach) || hard_error "nsrun --detach failed"
kill_later "$pid"
theirs=$(ns_inode "$pid" pid)

got=$("$NSJOIN" -t "$pid" -p -- sh -c 'stat -L -c %i /proc/self/ns/pid; echo $$')
assert_eq "$theirs" "$(echo "$got" | head -n 1)" "-p: the command's PID namespace"
[ "$(echo "$got" | tail -n 1)" -lt 1000 ] || fail "-p: the command's PID inside is not small: $got"
got=$("$NSJOIN" -t "$pid" -p -F -- sh -c \
	'stat -L -c %i /proc/$$/ns/pid /proc/$$/ns/pid_for_children')
assert_eq "$(ns_inode self pid)
$theirs" "$got" "-F: the command stays in our PID namespace, its children go to the target's"
got=$("$NSJOIN" -t "$pid" -p --no-fork -- sh -c 'stat -L -c %i /proc/$$/ns/pid')
assert_eq "$(ns_inode self pid)" "$got" "--no-fork"
