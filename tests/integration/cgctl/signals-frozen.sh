#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# cgctl kill freezes the group, signals its processes and thaws it: a TERM
# that reaches cgctl in between ends it (143) only once the group is
# thawed again, never leaving it frozen. strace holds cgctl on its return
# from the first kill(2), the group frozen, while the TERM comes.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_tool cgctl
require_cmd strace

group=sig-frz-$$
mark=4249.$$	# the process's marker, unique to this run
on_exit '"$CGCTL" delete '$group' --parent self --kill'
"$CGCTL" create "$group" --parent self || hard_error "cgctl create"
"$CGCTL" exec "$group" --parent self -- sh -c 'trap "" TERM; exec sleep "$1"' sh "$mark" &
kill_later $!
wait_for "[ -n \"\$(pids_with_arg $mark)\" ]" || hard_error "the group's process did not start"

# frozen_files: each freezer file of the group that says it is frozen
frozen_files() {
	cg_table | while read -r _id _ctrls _cg dir _mnt; do
		[ "$dir" != - ] || continue
		f=$dir/$group/freezer.state
		[ -e "$f" ] && [ "$(cat "$f")" != THAWED ] && echo "$f: $(cat "$f")"
		f=$dir/$group/cgroup.freeze
		[ -e "$f" ] && [ "$(cat "$f")" != 0 ] && echo "$f: $(cat "$f")"
	done
	return 0
}

paused kill 1 "" "$CGCTL" kill "$group" --parent self -s TERM
[ -n "$(frozen_files)" ] || skip "the group is not frozen for the kill (no freezer here)"
kill -TERM "$PAUSED"
resume
assert_eq 143 "$PAUSED_STATUS" "cgctl kill's exit status after TERM"
assert_eq "" "$(frozen_files)" "the group's freezer files"
[ -n "$(pids_with_arg "$mark")" ] || fail "the process that ignores TERM is gone"
