#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# -c/--controllers: a group made, limited, found and removed only in the
# hierarchies of the controllers named (cgcreate -g CTRLS:GROUP), named v1
# hierarchies (name=NAME) included; a limit of another controller is
# refused; without -c nothing changes (the other tests).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
isolate --mount
G=$CG_GROUP
cg_remove_later "$G"

mem=$(cg_dir memory "$G")
pids=$(cg_dir pids "$G")
# assert_only WHAT DIR...: of every directory cgctl could make for $G,
# exactly DIR... exist
assert_only() {
	_what=$1
	shift
	for _d in $(cg_group_dirs "$G"); do
		_want=no
		for _w in "$@"; do [ "$_d" = "$_w" ] && _want=yes; done
		if [ $_want = yes ]; then
			[ -d "$_d" ] || fail "$_what: $_d is missing"
		else
			[ ! -e "$_d" ] || fail "$_what: $_d was made"
		fi
	done
}

assert_status 0 "create -c memory,pids" -- "$CGCTL" create -c memory,pids "$G" --memory 32M
assert_only "create -c memory,pids" "$mem" "$pids"
assert_eq 33554432 "$("$CGCTL" get "$G" memory.max)" "the limit"
assert_status 0 "set -c memory" -- "$CGCTL" set -c memory "$G" --memory 16M
assert_eq 16777216 "$("$CGCTL" get -c memory "$G" memory.max)" "set -c memory"
assert_status 125 "a limit of another controller" -- "$CGCTL" set -c memory "$G" --pids 5
assert_error_line "cgctl: $G: --pids 5: its controller, pids, is not among -c memory"
assert_status 125 "an unknown controller" -- "$CGCTL" create -c memory,bogus "$G"
assert_one_line_error cgctl "-c memory,bogus: bogus is not a controller"
# attach -c pids: only there
sleep 60 &
s=$!
kill_later "$s"
assert_status 0 "attach -c pids" -- "$CGCTL" attach -c pids "$G" -t "$s"
assert_eq "$s" "$(cat "$pids/cgroup.procs")" "attach -c pids: in the pids group"
[ "$mem" = "$pids" ] || assert_eq "" "$(cat "$mem/cgroup.procs")" "attach -c pids: not in memory's"
kill "$s"
wait "$s" 2>/dev/null
# delete -c: that hierarchy only
if [ "$mem" != "$pids" ]; then
	assert_status 0 "delete -c memory" -- "$CGCTL" delete -c memory "$G"
	assert_only "delete -c memory" "$pids"
fi
assert_status 0 "delete -c pids,memory" -- "$CGCTL" delete -c pids,memory "$G"
assert_only "delete -c pids,memory"

# a named v1 hierarchy of our own, in this test's mount namespace
name=nskit-$$
# The kernel destroys a v1 hierarchy when its last mount goes, unless a
# child group is still being released then: mounted once more after that,
# it goes with the second unmount.
drop_named() {
	rmdir "$TMP_DIR/named/$G" 2>/dev/null
	umount "$TMP_DIR/named"
	sleep 0.2
	mount -t cgroup -o none,name=$name none "$TMP_DIR/named" && umount "$TMP_DIR/named"
}
mkdir "$TMP_DIR/named"
if mount -t cgroup -o none,name=$name none "$TMP_DIR/named" 2>/dev/null; then
	on_exit "drop_named"
	assert_status 0 "create -c name=$name" -- "$CGCTL" create -c name=$name "$G"
	[ -d "$TMP_DIR/named/$G" ] || fail "the group was not made in name=$name"
	assert_only "create -c name=$name"
	assert_status 0 "exec -c name=$name" -- "$CGCTL" exec -c name=$name "$G" -- \
		sh -c "grep -q '^[0-9]*:name=$name:.*/$G\$' /proc/self/cgroup"
	assert_status 0 "delete -c name=$name" -- "$CGCTL" delete -c name=$name "$G"
	[ ! -e "$TMP_DIR/named/$G" ] || fail "the group was left in name=$name"
	assert_status 125 "a name not mounted" -- "$CGCTL" create -c name=nskit-none-$$ "$G"
	assert_error_line "cgctl: -c name=nskit-none-$$: no hierarchy of these controllers is mounted here"
else
	log "this kernel mounts no named v1 hierarchy: -c name= not tried"
fi
