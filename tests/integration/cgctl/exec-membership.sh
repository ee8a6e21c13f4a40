#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# exec runs the command inside the group in every hierarchy; exec --rm
# makes a transient group, exits with the command's status (also when it
# is killed) and removes the group afterwards.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

# The command's own /proc/self/cgroup names the group in each hierarchy.
assert_status 0 "exec --create" -- "$CGCTL" exec --create "$G" -- cat /proc/self/cgroup
cg_hierarchies | while read -r c self v _dir; do
	[ "$c" != core ] || c=""
	assert_eq "${self%/}/$G" "$(cg_get cgroup "$c" "$TMP_DIR/stdout")" "the command's cgroup in v$v $c"
done || exit 1

# Without --create, a missing group is an error and nothing is made.
assert_status 125 "exec missing group" -- "$CGCTL" exec "$G-missing" -- true
assert_one_line_error cgctl "$G-missing: no such group"
assert_no_group "$G-missing"

# --rm: the command's status, the group gone after
assert_status 0 "delete" -- "$CGCTL" delete "$G"
assert_status 3 "exec --rm exit 3" -- "$CGCTL" exec --rm "$G" -- sh -c 'grep -q "/'"$G"'$" /proc/self/cgroup && exit 3'
assert_no_group "$G"
assert_status 137 "exec --rm killed" -- "$CGCTL" exec --rm "$G" -- sh -c 'kill -KILL $$'
assert_no_group "$G"
# a child left running by the command does not keep the group alive
assert_status 0 "exec --rm with a leftover child" -- "$CGCTL" exec --rm "$G" -- sh -c 'sleep 100 & exit 0'
assert_no_group "$G"
assert_status 127 "exec --rm command not found" -- "$CGCTL" exec --rm "$G" -- /nonexistent/cmd
assert_no_group "$G"
# a signal to cgctl reaches the command, and the group still goes
"$CGCTL" exec --rm "$G" -- sleep 100 &
pid=$!
kill_later "$pid"
wait_for '[ -n "$(cat "$(cg_dir memory "$G")/cgroup.procs" 2>/dev/null)" ]' || fail "not started"
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
assert_eq 143 "$status" "exec --rm after TERM"
assert_no_group "$G"
# a signal ignored by the caller stays ignored in the command (as nohup wants)
# shellcheck disable=SC2016 # expanded by the inner sh
out=$(sh -c 'trap "" HUP; exec "$1" exec --rm "$2" -- sh -c "kill -HUP \$\$; echo alive"' sh "$CGCTL" "$G") ||
	fail "exec --rm with HUP ignored: $out"
assert_eq alive "$out" "an ignored HUP"
assert_no_group "$G"
# --rm refuses a group that exists: it only removes what it made
assert_status 0 "create" -- "$CGCTL" create "$G"
assert_status 125 "exec --rm existing" -- "$CGCTL" exec --rm "$G" -- true
assert_one_line_error cgctl "$G: already exists"
assert_group "$G"
