#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# util-linux's output options: -o selects and orders columns, +COL adds to
# the default, --output-all shows every column, -n drops the header, -r
# prints raw cells, -J prints JSON that parses, with numbers as numbers and
# empty cells as null; an unknown column is one line and 125.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/nsls/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsls/helpers.sh"
require_cmd python3

pid=$(detached -U -r -n -u --hostname out -- sleep 4243.25)

# -o: these columns, in this order, any case
out=$("$NSLS" -o nprocs,PID,HostName) || fail "nsls -o: exit status $?"
assert_match '^ *NPROCS +PID +HOSTNAME *$' "$(printf '%s\n' "$out" | head -1)" "header of -o"
assert_match "^ *1 +$pid +out *\$" "$(printf '%s\n' "$out" | grep " $pid ")" "row of -o"
# +COL: the default columns, then these
out=$("$NSLS" -o +handle,user | head -1)
assert_match '^ *PID +STATE +NPROCS +NS .* COMMAND +HANDLE +USER *$' "$out" "header of -o +COL"
# --output-all: every column --help lists
all=$("$NSLS" --output-all | head -1 | tr -s ' ' '\n' | grep -c .)
listed=$("$NSLS" --help | awk '/^Available output columns \(the container/ { c = 1; next } /^$/ { c = 0 } c' | grep -c .)
assert_eq "$listed" "$all" "--output-all shows every column"
# -n: no header; -r: one space between cells
assert_no_match 'PID' "$("$NSLS" -n -o pid,hostname)" "-n"
assert_match "^$pid out\$" "$("$NSLS" -rn -o pid,hostname | grep "^$pid ")" "-r"
# -J parses; numbers are numbers, empty cells null, no limit (max) null
"$NSLS" -J --output-all >"$TMP_DIR/json" || fail "nsls -J: exit status $?"
python3 -m json.tool "$TMP_DIR/json" >/dev/null || fail "nsls -J is not JSON: $(cat "$TMP_DIR/json")"
r=$(jq -c --argjson p "$pid" '.containers[] | select(.pid == $p)' "$TMP_DIR/json")
[ -n "$r" ] || fail "container $pid not in the JSON"
assert_eq number "$(printf '%s' "$r" | jq -r '.pid | type')" "pid is a number"
assert_eq number "$(printf '%s' "$r" | jq -r '.nprocs | type')" "nprocs is a number"
assert_eq number "$(printf '%s' "$r" | jq -r '.mem | type')" "mem is a number"
assert_eq null "$(printf '%s' "$r" | jq -r '.memmax | type')" "memmax: no limit (max) is null"
assert_eq null "$(printf '%s' "$r" | jq -r '.root | type')" "no root of its own: null"
assert_eq "0->0 x1" "$(printf '%s' "$r" | jq -r .uidmap)" "uid map of -r/--map-root-user"
# a UTF-8 locale gets the arrow (in the table and JSON; -r escapes every
# byte past ASCII, as libsmartcols does for lsns)
if LC_ALL=C.UTF-8 locale charmap 2>/dev/null | grep -q UTF-8; then
	assert_eq "0→0 ×1" "$(LC_ALL=C.UTF-8 "$NSLS" -J -o pid,uidmap |
		jq -r --argjson p "$pid" '.containers[] | select(.pid == $p) | .uidmap')" \
		"uid map in a UTF-8 locale"
fi
# a bad column: one line, 125, nothing on stdout
assert_status 125 "nsls -o nope" -- "$NSLS" -o pid,nope
assert_one_line_error nsls "--output pid,nope: unknown column nope"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "nothing printed for a bad column"
assert_status 125 "nsls stray operand" -- "$NSLS" stray
assert_one_line_error nsls "stray: nsls takes no operand"
assert_status 125 "nsls -N nope" -- "$NSLS" -N nope
assert_one_line_error nsls "--type nope: not a namespace type"
