#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# stat --json and list --json are valid JSON and carry the figures the
# kernel shows: the limits set (as numbers), the process count, the
# frozen state.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

assert_status 0 "create" -- "$CGCTL" create "$G" --memory 32M --pids 20
assert_status 0 "create child" -- "$CGCTL" create "$G/child"
"$CGCTL" exec "$G" -- sleep 100 &
kill_later $!
wait_for '[ -n "$(cat "$(cg_dir pids "$G")/cgroup.procs")" ]' || fail "not started"

assert_status 0 "stat --json" -- "$CGCTL" stat "$G" --json
cp "$TMP_DIR/stdout" "$TMP_DIR/stat.json"
valid_json "$TMP_DIR/stat.json"
grep -q '"cgstat": \[' "$TMP_DIR/stat.json" || fail "no cgstat array"
grep -q "\"group\": \"$G\"" "$TMP_DIR/stat.json" || fail "no group name"
grep -q '"memory.max": 33554432,' "$TMP_DIR/stat.json" || fail "memory.max missing: $(cat "$TMP_DIR/stat.json")"
grep -q '"pids.max": 20,' "$TMP_DIR/stat.json" || fail "pids.max missing"
if cg_on_v1 pids || cg_v2_has pids; then
	grep -q '"pids.current": 1,' "$TMP_DIR/stat.json" || fail "pids.current is not 1: $(cat "$TMP_DIR/stat.json")"
fi
grep -q '"frozen": 0,' "$TMP_DIR/stat.json" || fail "frozen is not 0"
grep -Eq '"memory.current": [0-9]+,' "$TMP_DIR/stat.json" || fail "memory.current is not a number"

assert_status 0 "freeze" -- "$CGCTL" freeze "$G"
"$CGCTL" stat "$G" --json >"$TMP_DIR/frozen.json" || fail "stat"
grep -q '"frozen": 1,' "$TMP_DIR/frozen.json" || fail "frozen is not 1"
assert_status 0 "thaw" -- "$CGCTL" thaw "$G"

# the table form carries the same figures
assert_status 0 "stat" -- "$CGCTL" stat "$G"
assert_match '^memory\.max +33554432$' "$(grep '^memory.max ' "$TMP_DIR/stdout")" "stat table"

assert_status 0 "list --json" -- "$CGCTL" list "$G" --json
cp "$TMP_DIR/stdout" "$TMP_DIR/list.json"
valid_json "$TMP_DIR/list.json"
grep -q "\"group\": \"$G/child\"" "$TMP_DIR/list.json" || fail "child missing from list: $(cat "$TMP_DIR/list.json")"

assert_status 0 "list --tree --json" -- "$CGCTL" list --tree --json
cp "$TMP_DIR/stdout" "$TMP_DIR/tree.json"
valid_json "$TMP_DIR/tree.json"
grep -q '"children": \[' "$TMP_DIR/tree.json" || fail "no nesting in the tree"
grep -q "\"group\": \"child\"" "$TMP_DIR/tree.json" || fail "child missing from the tree"

assert_status 0 "list --tree" -- "$CGCTL" list --tree
grep -q "$G" "$TMP_DIR/stdout" || fail "list --tree does not show $G"
grep -q '.-child' "$TMP_DIR/stdout" || fail "list --tree does not draw child under $G: $(cat "$TMP_DIR/stdout")"
