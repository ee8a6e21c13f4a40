#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# kill leaves nothing alive in the group, even processes that keep forking;
# another signal is delivered to every process.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

assert_status 0 "create" -- "$CGCTL" create "$G"
# a fork bomb on a leash: each generation forks two and exits
# shellcheck disable=SC2016
"$CGCTL" exec "$G" -- sh -c 'while :; do sleep 100 & sleep 0.01; done' &
kill_later $!
"$CGCTL" exec "$G" -- sh -c 'trap "exit 7" TERM; while :; do sleep 0.05; done' &
kill_later $!
dir=$(cg_dir memory "$G")
export dir # read by wait_for
wait_for '[ "$(wc -l <"$dir/cgroup.procs")" -gt 4 ]' || fail "the group did not fill"

# a frozen group stays frozen when sent another signal; KILL empties it
assert_status 0 "freeze" -- "$CGCTL" freeze "$G"
assert_status 0 "kill -s TERM" -- "$CGCTL" kill "$G" -s TERM
assert_eq 1 "$("$CGCTL" get "$G" cgroup.freeze)" "frozen after kill -s TERM"
assert_status 0 "kill" -- "$CGCTL" kill "$G"
for d in $(cg_group_dirs "$G"); do
	assert_eq "" "$(cat "$d/cgroup.procs")" "$d/cgroup.procs after kill"
done
assert_status 0 "wait" -- "$CGCTL" wait "$G" --timeout 5
assert_status 125 "kill -s bad" -- "$CGCTL" kill "$G" -s NOSUCH
assert_one_line_error cgctl "--signal NOSUCH: not a signal"
