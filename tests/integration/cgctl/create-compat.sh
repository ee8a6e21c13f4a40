#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# create as libcgroup's cgcreate and cgset users expect: KEY=VALUE as set
# takes them, --exist-ok (an existing group is success, its limits
# applied), --copy-from (cgset --copy-from: the source's limits, then
# those given), --admin-owner/--task-owner (cgcreate -a/-t: the files
# cgroup v2 delegation hands over), and a refused step leaves nothing.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"
cg_remove_later "$G-copy"

# KEY=VALUE on create
assert_status 0 "create KEY=VALUE" -- "$CGCTL" create "$G" pids.max=12 memory.max=48M
assert_group "$G"
assert_eq 12 "$("$CGCTL" get "$G" pids.max)" "pids.max from KEY=VALUE"
assert_eq 50331648 "$("$CGCTL" get "$G" memory.max)" "memory.max from KEY=VALUE"

# an existing group: refused, unless --exist-ok (its limits then applied)
assert_status 125 "create twice" -- "$CGCTL" create "$G"
assert_one_line_error cgctl "$G: already exists"
assert_status 0 "--exist-ok" -- "$CGCTL" create --exist-ok "$G" --pids 13
assert_eq 13 "$("$CGCTL" get "$G" pids.max)" "--exist-ok applies the limits"

# --copy-from: the source's limits, the given ones win
assert_status 0 "--copy-from" -- "$CGCTL" create --copy-from "$G" "$G-copy" --pids 14
assert_eq 50331648 "$("$CGCTL" get "$G-copy" memory.max)" "memory.max copied"
assert_eq 14 "$("$CGCTL" get "$G-copy" pids.max)" "pids.max given wins"
assert_status 0 "delete the copy" -- "$CGCTL" delete "$G-copy"
assert_status 125 "--copy-from a missing group" -- "$CGCTL" create --copy-from "$G-none" "$G-copy"
assert_error_line "cgctl: $G-copy: --copy-from $G-none: no such group"
assert_no_group "$G-copy"

# owners: the directory and subtree_control to the admin, the process
# lists to the task owner
assert_status 0 "owners" -- "$CGCTL" create --admin-owner 1234:1235 --task-owner 2345:2346 "$G-copy"
for d in $(cg_group_dirs "$G-copy"); do
	assert_eq 1234:1235 "$(stat -c %u:%g "$d")" "$d: the admin owner"
	assert_eq 2345:2346 "$(stat -c %u:%g "$d/cgroup.procs")" "$d/cgroup.procs: the task owner"
	[ ! -e "$d/cgroup.subtree_control" ] ||
		assert_eq 1234:1235 "$(stat -c %u:%g "$d/cgroup.subtree_control")" "$d: subtree_control"
	[ ! -e "$d/tasks" ] || assert_eq 2345:2346 "$(stat -c %u:%g "$d/tasks")" "$d/tasks"
	for other in "$d"/cgroup.*; do
		case $other in *.procs | *.threads | *.subtree_control) continue ;; esac
		break
	done
	assert_eq 0:0 "$(stat -c %u:%g "$other")" "$other: the other files stay root's"
done
assert_status 0 "delete" -- "$CGCTL" delete "$G-copy"
assert_status 125 "owners elsewhere" -- "$CGCTL" set --admin-owner 1:1 "$G" pids.max=3
assert_one_line_error cgctl "go with create"
assert_status 125 "a bad owner" -- "$CGCTL" create --task-owner 12 "$G-copy"
assert_one_line_error cgctl "--task-owner 12: not UID:GID"
assert_no_group "$G-copy"
