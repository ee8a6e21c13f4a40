#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The command gets 0, 1, 2 and what --preserve-fds and --keep-fd name,
# with or without the fork into a PID namespace; nsjoin's own descriptors
# of the target never reach it.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

pid=$("$NSRUN" --pid --mount-proc --uts --detach -- sleep 1000) || hard_error "nsrun --detach"
kill_later "$pid"
exec 3</ 7</ 9</

# fds ARG...: what ls gets from nsjoin ARG... -- (its directory: the
# lowest free descriptor)
fds() {
	"$NSJOIN" -t "$pid" "$@" -- ls -1 /proc/self/fd | sort -n | tr '\n' ' '
}
assert_eq "0 1 2 3 " "$(fds --uts)" "no fork: only 0, 1, 2"
assert_eq "0 1 2 3 " "$(fds --pid --mount)" "into the PID namespace: only 0, 1, 2"
assert_eq "0 1 2 3 4 9 " "$(fds --pid --mount --preserve-fds 1 --keep-fd 9)" \
	"--preserve-fds 1 --keep-fd 9"
assert_status 125 "--preserve-fds" -- "$NSJOIN" -t "$pid" --uts --preserve-fds=-2 -- true
assert_one_line_error nsjoin "--preserve-fds -2: not a number of descriptors"
