#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# -e/--env: the command gets the target's environment instead of ours.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

pid=$(env -i PATH="$PATH" NSKIT_MARK='the target, with spaces' "$NSRUN" --uts --detach) ||
	hard_error "nsrun --detach failed"
kill_later "$pid"

export NSKIT_OURS=caller
got=$("$NSJOIN" -t "$pid" -u -e -- sh -c 'echo "$NSKIT_MARK|${NSKIT_OURS-unset}"') ||
	fail "-e: exit status $?"
assert_eq "the target, with spaces|unset" "$got" "-e"
got=$("$NSJOIN" -t "$pid" -u --env -- env | sort | tr '\n' ' ')
assert_eq "$(tr '\0' '\n' <"/proc/$pid/environ" | sort | tr '\n' ' ')" "$got" "--env: the whole environment"
got=$("$NSJOIN" -t "$pid" -u -- sh -c 'echo "${NSKIT_MARK-unset}|$NSKIT_OURS"')
assert_eq "unset|caller" "$got" "without -e"
