#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# cgctl on every cgroup layout this machine can show. First the machine's
# own: the tests' helpers see a layout, and cgctl makes a group in exactly
# the hierarchies of it (a directory beneath our cgroup in each, in no
# other one mounted here). Then each layout that can be emulated from it in
# a mount namespace of our own, where the same check and then the cgctl
# tests run again:
#   hybrid:  legacy (the v2 mount hidden) and unified (the v1 mounts hidden,
#            cgroup2 mounted on /sys/fs/cgroup, offering only the
#            controllers that no v1 hierarchy holds);
#   legacy:  unified likewise, with no controller at all: the tests that
#            need none;
#   unified: none, since a controller bound to cgroup2 cannot be mounted
#            on v1 (the VM's unified boot runs the tests there directly).
# Together they exercise clone3(CLONE_INTO_CGROUP), cgroup.kill,
# cgroup.freeze, events of cgroup.events and v1's freezer.state.
#
#   layouts.sh --check LAYOUT: the first check alone, on LAYOUT.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
isolate --mount
G=$CG_GROUP
cg_remove_later "$G"

# check_layout LAYOUT: we see LAYOUT, and cgctl agrees on its hierarchies.
check_layout() {
	assert_eq "$1" "$(cg_layout)" "the layout"
	assert_status 0 "create on the $1 layout" -- "$CGCTL" create "$G"
	# every hierarchy of ours that this namespace shows, used or not
	made=$(cg_table | awk -v g="$G" '$4 != "-" { print $4 "/" g }' |
		while read -r _d; do [ ! -d "$_d" ] || echo "$_d"; done | sort)
	assert_eq "$(cg_group_dirs "$G" | sort)" "$made" "the directories cgctl made on the $1 layout"
	assert_status 0 "delete on the $1 layout" -- "$CGCTL" delete "$G"
	assert_no_group "$G"
}

if [ "${1:-}" = --check ]; then
	check_layout "$2"
	exit 0
fi

layout=$(cg_layout)
check_layout "$layout"

# emulate LAYOUT SCRIPT ARG...: run SCRIPT in a child mount namespace
# whose cgroup mounts look like LAYOUT (legacy or unified).
emulate() {
	_layout=$1
	shift
	if [ "$_layout" = legacy ]; then
		_hide=$(mounts | awk '$7 == "cgroup2" { print $5 }' | sort -r)
	else
		_hide=$(mounts | awk '$7 == "cgroup" || $7 == "cgroup2" { print $5 }' | sort -r)
	fi
	# shellcheck disable=SC2016 # expanded by the inner sh
	unshare --mount --propagation private -- sh -c '
		set -e
		layout=$1 hide=$2
		shift 2
		for m in $hide; do umount "$m"; done
		[ "$layout" = legacy ] || mount -t cgroup2 cgroup2 /sys/fs/cgroup
		exec sh "$@"' sh "$_layout" "$_hide" "$@"
}

# run_as LAYOUT TEST...: the check, then each test, must pass there.
run_as() {
	_layout=$1
	shift
	_s=0
	emulate "$_layout" "$0" --check "$_layout" >"$TMP_DIR/check.log" 2>&1 || _s=$?
	[ "$_s" = 0 ] || fail "the emulated $_layout layout: exit $_s: $(cat "$TMP_DIR/check.log")"
	for _t in "$@"; do
		_s=0
		emulate "$_layout" "$NSKIT_SRCDIR/tests/integration/cgctl/$_t.sh" \
			>"$TMP_DIR/$_t.log" 2>&1 || _s=$?
		[ "$_s" = 0 ] || fail "$_t on the emulated $_layout layout: exit $_s: $(cat "$TMP_DIR/$_t.log")"
	done
}

case $layout in
hybrid)
	run_as legacy create-limits memory-oom pids-max freeze exec-membership attach kill wait \
		delete stat-list-json bad-input internal-processes
	run_as unified exec-membership freeze kill wait delete internal-processes
	log "checked the hybrid layout; ran on emulated legacy and unified layouts"
	;;
legacy)
	run_as unified exec-membership freeze kill wait delete
	log "checked the legacy layout; ran on an emulated unified layout"
	;;
*)
	log "checked the $layout layout; no other can be emulated here"
	;;
esac
