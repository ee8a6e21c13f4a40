#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# delete removes the group and its child groups in every hierarchy; it
# refuses a populated group (naming the directory) unless --kill.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

assert_status 0 "create nested" -- "$CGCTL" create "$G/a/b"
assert_status 0 "create sibling" -- "$CGCTL" create "$G/c"
assert_group "$G/a/b"
assert_group "$G/c"
assert_status 0 "delete" -- "$CGCTL" delete "$G"
assert_no_group "$G"

assert_status 0 "create" -- "$CGCTL" create "$G/x"
"$CGCTL" exec "$G/x" -- sleep 100 &
kill_later $!
wait_for '[ -n "$(cat "$(cg_dir memory "$G/x")/cgroup.procs")" ]' || fail "not started"
assert_status 125 "delete populated" -- "$CGCTL" delete "$G"
assert_one_line_error cgctl "$G: /.*/$G(/x)?: has processes \\(use --kill"
assert_group "$G/x"
assert_status 0 "delete --kill" -- "$CGCTL" delete "$G" --kill
assert_no_group "$G"

assert_status 125 "delete missing" -- "$CGCTL" delete "$G"
assert_one_line_error cgctl "$G: no such group"
