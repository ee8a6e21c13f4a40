#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --show takes util-linux's output options: -o selects and orders columns
# (+COL adds to the default), --output-all shows every column --help lists,
# -n drops the header, -r one space, -J JSON under "idmap" with numbers as
# numbers, -u; the values are /proc/PID/uid_map's and gid_map's. A
# namespace without maps prints the header alone. Bad columns and options
# without --show: one line, 125, nothing written.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
require_cmd jq
isolate
user_fixture

hold_as_root sleep 60
h=$HELD
"$NSMAP" -t "$h" --uid 0:$FIX_UID:1 --uid 1:$FIX_SUBUID:10 --gid 0:$FIX_GID:1 ||
	fail "nsmap exit status $?"
# the kernel's view: "inner outer count" of each line
kernel=$(cat "/proc/$h/uid_map" "/proc/$h/gid_map" | awk '{ print $1, $2, $3 }')

# -o: these columns, in this order, any case; -n; -r
assert_status 0 "-o" -- "$NSMAP" --show -t "$h" -o COUNT,inner,Outer
assert_eq "COUNT INNER OUTER" "$(words "$(cat "$TMP_DIR/stdout")")" "header of -o"
assert_status 0 "-n -r -o" -- "$NSMAP" --show -t "$h" -n -r -o inner,outer,count
assert_eq "$kernel" "$(cat "$TMP_DIR/stdout")" "-n -r: the kernel's maps"
# +COL: the default, then MAP again
assert_status 0 "-o +map" -- "$NSMAP" --show -t "$h" -o +map
assert_eq "MAP INNER OUTER COUNT NAME SETGROUPS MAP" "$(words "$(cat "$TMP_DIR/stdout")")" \
	"header of -o +COL"
# --output-all: every column --help lists
assert_status 0 "--output-all" -- "$NSMAP" --show -t "$h" --output-all -u
assert_eq "$(help_columns "$NSMAP" | tr '\n' ' ' | sed 's/ $//')" \
	"$(words "$(cat "$TMP_DIR/stdout")")" "--output-all and --help"
assert_eq 4 "$(wc -l <"$TMP_DIR/stdout")" "a header and three ranges"

# -J: one key, idmap; numbers as numbers; -o picks the keys
assert_status 0 "-J" -- "$NSMAP" --show -t "$h" -J
json=$TMP_DIR/stdout
assert_eq '["idmap"]' "$(jq -c keys "$json")" "the top-level key"
assert_eq "$kernel" "$(jq -r '.idmap[] | "\(.inner) \(.outer) \(.count)"' "$json")" "JSON: the kernel's maps"
assert_eq "number number number" \
	"$(jq -r '.idmap[0] | [.inner, .outer, .count] | map(type) | join(" ")' "$json")" "JSON types"
assert_eq "$FIX_USER uid" "$(jq -r '.idmap[0] | "\(.name) \(.map)"' "$json")" "JSON name and map"
assert_status 0 "-J -o" -- "$NSMAP" --show -t "$h" -J -o setgroups,map
assert_eq '["map","setgroups"]' "$(jq -c '.idmap[0] | keys' "$json")" "-J -o: only those keys"
assert_eq "$(cat "/proc/$h/setgroups")" "$(jq -r '.idmap[0].setgroups' "$json")" "setgroups"

# a namespace without maps: the header alone, or nothing with -n
hold_as_root sleep 60
assert_status 0 "--show unmapped" -- "$NSMAP" --show -t "$HELD"
assert_eq "MAP INNER OUTER COUNT NAME SETGROUPS" "$(cat "$TMP_DIR/stdout")" "header of an empty listing"
assert_status 0 "--show -n unmapped" -- "$NSMAP" --show -n -t "$HELD"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "-n of an empty listing"

# refusals: one line, 125; nothing written
assert_status 125 "-o nope" -- "$NSMAP" --show -t "$h" -o inner,nope
assert_one_line_error nsmap "--output inner,nope: unknown column nope"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "nothing printed for a bad column"
assert_status 125 "-o without --show" -- "$NSMAP" -t "$HELD" --uid 0:0:1 -o inner
assert_one_line_error nsmap "--output goes with --show"
assert_status 125 "-n without --show" -- "$NSMAP" -t "$HELD" --uid 0:0:1 -n
assert_one_line_error nsmap "--noheadings goes with --show"
assert_unmapped "$HELD"
