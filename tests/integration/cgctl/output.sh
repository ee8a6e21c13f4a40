#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# stat and list take util-linux's output options: -o selects and orders
# columns (+COL adds to the default), --output-all shows every column
# --help lists, -n drops the header, -r one space, -J JSON under "cgstat" or
# "cgroups" with limits as numbers and max as null; stat -o prints the group
# as one row. Values are the cgroup files'. A group without children lists
# its header alone. Bad columns and options of other subcommands: one line,
# 125. POSIX sh and busybox tools only (the VM runs it): grep for JSON.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

assert_status 0 "create" -- "$CGCTL" create "$G" --memory 32M --pids 20
# --pids max: on cgroup2 too the child then has a pids.max (saying max)
assert_status 0 "create child" -- "$CGCTL" create "$G/child" --pids max
# the limits as the kernel has them
if cg_on_v1 memory; then
	mem_file=$(cg_dir memory "$G")/memory.limit_in_bytes
else
	mem_file=$(cg_dir core "$G")/memory.max
fi
mem=$(cat "$mem_file") || hard_error "no $mem_file"
pids=$(cat "$(cg_dir pids "$G")/pids.max") || hard_error "no pids.max"
assert_eq 33554432 "$mem" "the memory limit the kernel has"

# stat: FIELD VALUE lines by default; -o: the group as one row
assert_status 0 "stat" -- "$CGCTL" stat "$G"
assert_eq "FIELD VALUE" "$(words "$(cat "$TMP_DIR/stdout")")" "stat's header"
assert_eq "memory.max $mem" "$(words "$(grep '^memory.max ' "$TMP_DIR/stdout")")" "stat's memory.max"
assert_status 0 "stat -n -o" -- "$CGCTL" stat "$G" -n -o memory.max
assert_eq "$mem" "$(words "$(cat "$TMP_DIR/stdout")")" "stat -n -o memory.max: the number alone"
assert_status 0 "stat -n -r -o" -- "$CGCTL" stat "$G" -nr -o PIDS.MAX,group
assert_eq "$pids $G" "$(cat "$TMP_DIR/stdout")" "stat -n -r -o: order, one space"
assert_status 0 "stat -o +frozen" -- "$CGCTL" stat "$G" -o +frozen
assert_match '^GROUP MEMORY\.CURRENT .* FROZEN$' "$(words "$(cat "$TMP_DIR/stdout")")" "stat -o +COL"
assert_status 0 "stat --output-all" -- "$CGCTL" stat "$G" --output-all -u
assert_eq "$(help_columns "$CGCTL" | tr '\n' ' ' | sed 's/ $//')" \
	"$(words "$(cat "$TMP_DIR/stdout")")" "stat --output-all and --help"

# stat -J: one key; limits are numbers, no limit (max) is null
assert_status 0 "stat -J" -- "$CGCTL" stat "$G" -J
valid_json "$TMP_DIR/stdout"
assert_eq '   "cgstat": [' "$(sed -n 2p "$TMP_DIR/stdout")" "stat's top-level key"
grep -q "\"memory.max\": $mem," "$TMP_DIR/stdout" || fail "memory.max is not the number $mem: $(cat "$TMP_DIR/stdout")"
grep -q "\"pids.max\": $pids," "$TMP_DIR/stdout" || fail "pids.max is not the number $pids"
assert_status 0 "stat -J child" -- "$CGCTL" stat "$G/child" -J -o group,pids.max
valid_json "$TMP_DIR/stdout"
assert_eq max "$(cat "$(cg_dir pids "$G/child")/pids.max")" "the child's pids.max"
grep -q '"pids.max": null$' "$TMP_DIR/stdout" || fail "pids.max max is not null: $(cat "$TMP_DIR/stdout")"
assert_eq 0 "$(grep -c '"memory.max"' "$TMP_DIR/stdout")" "stat -J -o: only the columns asked for"

# list: -o, -n, -r; the child without limit shows max in a table
assert_status 0 "list -n -r -o" -- "$CGCTL" list "$G" -n -r -o group,pids.max
assert_eq "$G/child max" "$(cat "$TMP_DIR/stdout")" "list -n -r -o"
assert_status 0 "list --output-all" -- "$CGCTL" list "$G" --output-all
assert_eq "$(help_columns "$CGCTL" | tr '\n' ' ' | sed 's/ $//')" \
	"$(words "$(cat "$TMP_DIR/stdout")")" "list --output-all and --help"
assert_status 0 "list -J" -- "$CGCTL" list "$G" -J
valid_json "$TMP_DIR/stdout"
assert_eq '   "cgroups": [' "$(sed -n 2p "$TMP_DIR/stdout")" "list's top-level key"
grep -q '"pids.max": null,' "$TMP_DIR/stdout" || fail "list: pids.max max is not null: $(cat "$TMP_DIR/stdout")"

# a group without children: the header alone; -n: nothing; -J: no rows
assert_status 0 "list of a leaf" -- "$CGCTL" list "$G/child"
assert_eq "GROUP MEMORY.CURRENT MEMORY.MAX PIDS.CURRENT PIDS.MAX CPU.USAGE_USEC FROZEN" \
	"$(cat "$TMP_DIR/stdout")" "the header of an empty listing"
assert_status 0 "list -n of a leaf" -- "$CGCTL" list "$G/child" -n
assert_eq "" "$(cat "$TMP_DIR/stdout")" "-n of an empty listing"
assert_status 0 "list -J of a leaf" -- "$CGCTL" list "$G/child" -J
valid_json "$TMP_DIR/stdout"
assert_eq 0 "$(grep -c '"group"' "$TMP_DIR/stdout")" "no rows in JSON"

# refusals: one line, 125, nothing printed
assert_status 125 "stat -o nope" -- "$CGCTL" stat "$G" -o group,nope
assert_one_line_error cgctl "--output group,nope: unknown column nope"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "nothing printed for a bad column"
assert_status 125 "list -o ," -- "$CGCTL" list "$G" -o group,
assert_one_line_error cgctl "--output group,: empty column name"
assert_status 125 "get -o" -- "$CGCTL" get "$G" pids.max -o group
assert_one_line_error cgctl "--output goes with stat and list"
assert_status 125 "freeze -J" -- "$CGCTL" freeze "$G" -J
assert_one_line_error cgctl "--json goes with stat and list"
assert_eq 0 "$(cat "$(cg_dir freezer "$G")/$(cg_on_v1 freezer && echo freezer.state || echo cgroup.freeze)" |
	grep -c -e FROZEN -e '^1')" "not frozen by the refused freeze"
