#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --parent (and $CGCTL_PARENT) names where relative groups go. An existing
# cgroup takes them (self, or a group beneath it); one that does not exist
# is refused with one line naming its directory and where the parent came
# from, exit 125, and nothing is created, neither the group nor the parent
# nor anything above it, in any hierarchy. Every parent here is beneath
# our own cgroup (self/...), so that even a cgctl that made missing
# parents would make them only there.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
P=$G-parent
cg_remove_later "$P"
cg_remove_later "$G"

# assert_nowhere NAME: no directory NAME beneath our cgroup, nor at the
# root, of any hierarchy.
assert_nowhere() {
	assert_no_group "$1"
	for _m in $(cg_table | awk '$5 != "-" { print $5 }'); do
		[ ! -e "$_m/$1" ] || fail "$_m/$1 was created"
	done
}

# refused_parent PARENT SOURCE CMD...: exit 125 and the one line
# "cgctl: G: DIR: no such parent cgroup (SOURCE)", DIR being PARENT's
# directory in a hierarchy (the first that cgctl checks); nothing made.
refused_parent() {
	_parent=$1 _source=$2
	shift 2
	assert_status 125 "$*" -- "$@"
	_line=$(cat "$TMP_DIR/stderr")
	_want=
	for _d in $(cg_group_dirs "$_parent"); do
		[ "$_line" = "cgctl: $G: $_d: no such parent cgroup ($_source)" ] && _want=$_line
	done
	[ -n "$_want" ] || fail "$*: '$_line' is not 'cgctl: $G: DIR: no such parent cgroup ($_source)' for a directory DIR of $_parent"
	assert_error_line "$_want"
	assert_nowhere "$P"
	assert_nowhere "$G"
}

sleep 100 &
sleeper=$!
kill_later "$sleeper"
before=$(cat "/proc/$sleeper/cgroup")

# a parent that does not exist, through every subcommand that creates
refused_parent "$P" "--parent self/$P" "$CGCTL" create --parent "self/$P" "$G"
refused_parent "$P" "CGCTL_PARENT=self/$P" env CGCTL_PARENT="self/$P" "$CGCTL" create "$G" --pids 5
refused_parent "$P/deeper" "--parent self/$P/deeper" \
	"$CGCTL" create --parent "self/$P/deeper" "$G"
refused_parent "$P" "--parent self/$P" \
	"$CGCTL" exec --rm --parent "self/$P" "$G" -- touch "$TMP_DIR/ran"
[ ! -e "$TMP_DIR/ran" ] || fail "exec ran its command beneath a missing parent"
refused_parent "$P" "--parent self/$P" \
	"$CGCTL" attach --create --parent "self/$P" "$G" -t "$sleeper"
assert_eq "$before" "$(cat "/proc/$sleeper/cgroup")" "/proc/$sleeper/cgroup after the refusal"
# list lists the parent itself
assert_status 125 "list beneath a missing parent" -- "$CGCTL" list --parent "self/$P"
assert_error_line "cgctl: --parent self/$P: no such group"
assert_status 125 "list beneath a missing \$CGCTL_PARENT" -- env CGCTL_PARENT="self/$P" "$CGCTL" list
assert_error_line "cgctl: CGCTL_PARENT=self/$P: no such group"

# self, and a parent that exists, take the group
assert_status 0 "create --parent self" -- "$CGCTL" create --parent self "$G"
assert_group "$G"
assert_status 0 "delete --parent self" -- "$CGCTL" delete --parent self "$G"
assert_no_group "$G"
assert_status 0 "create the parent" -- "$CGCTL" create "$P"
assert_status 0 "create beneath it" -- "$CGCTL" create --parent "self/$P" "$G" --pids 5
assert_group "$P/$G"
assert_eq 5 "$(cat "$(cg_dir pids "$P/$G")/pids.max")" "pids.max beneath the parent"
assert_status 0 "attach beneath it" -- env CGCTL_PARENT="self/$P" "$CGCTL" attach "$G" -t "$sleeper"
grep -qx "$sleeper" "$(cg_dir pids "$P/$G")/cgroup.procs" || fail "$sleeper is not in $P/$G"
kill -KILL "$sleeper"
wait "$sleeper" 2>/dev/null
assert_status 0 "delete beneath it" -- "$CGCTL" delete --parent "self/$P" "$G"
assert_status 0 "delete the parent" -- "$CGCTL" delete "$P"
assert_nowhere "$P"
