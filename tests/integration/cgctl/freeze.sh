#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A frozen group makes no progress and resumes when thawed; the kernel's
# own state file says frozen meanwhile.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"
cg_on_v1 freezer || [ -n "$(cg_v2_mount)" ] || skip "no freezer"

# A counter that writes its progress to a file.
# shellcheck disable=SC2016 # expanded by the inner sh
"$CGCTL" exec --create "$G" -- sh -c 'i=0; while :; do i=$((i + 1)); echo $i >"$1.tmp"; mv "$1.tmp" "$1"; done' \
	sh "$TMP_DIR/count" &
pid=$!
kill_later "$pid"
wait_for '[ -s "$TMP_DIR/count" ]' || fail "the counter did not start"

assert_status 0 "freeze" -- "$CGCTL" freeze "$G"
if cg_on_v1 freezer; then
	assert_eq FROZEN "$(cat "$(cg_dir freezer "$G")/freezer.state")" "freezer.state"
else
	assert_match 'frozen 1' "$(cat "$(cg_dir core "$G")/cgroup.events")" "cgroup.events"
fi
assert_eq 1 "$("$CGCTL" get "$G" cgroup.freeze)" "get cgroup.freeze"
before=$(cat "$TMP_DIR/count")
sleep 0.5
after=$(cat "$TMP_DIR/count")
assert_eq "$before" "$after" "the counter while frozen"

assert_status 0 "thaw" -- "$CGCTL" thaw "$G"
assert_eq 0 "$("$CGCTL" get "$G" cgroup.freeze)" "get cgroup.freeze after thaw"
wait_for '[ "$(cat "$TMP_DIR/count")" != "$after" ]' || fail "the counter did not resume"
