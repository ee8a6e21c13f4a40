#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --show prints the maps (with the names of the outer ids) and setgroups,
# as a table or as JSON; the maps of the initial namespace show too.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
require_cmd jq
isolate
user_fixture

hold_as_root sleep 60
h=$HELD
"$NSMAP" -t "$h" --uid 0:$FIX_UID:1 --uid 1:$FIX_SUBUID:10 --gid 0:0:1 --setgroups deny ||
	fail "nsmap exit status $?"

assert_status 0 "--show" -- "$NSMAP" --show -t "$h"
table=$(cat "$TMP_DIR/stdout")
assert_eq "MAP INNER OUTER COUNT NAME SETGROUPS" "$(echo "$table" | head -1 | tr -s ' ')" "header"
assert_eq "uid 0 $FIX_UID 1 $FIX_USER deny" "$(echo "$table" | sed -n 2p | tr -s ' ' | sed 's/^ //')" "row 1"
assert_eq "uid 1 $FIX_SUBUID 10 deny" "$(echo "$table" | sed -n 3p | tr -s ' ' | sed 's/^ //')" "row 2"
assert_eq "gid 0 0 1 root deny" "$(echo "$table" | sed -n 4p | tr -s ' ' | sed 's/^ //')" "row 3"

# the handle on stdin, JSON
out=$(echo "$h" | "$NSMAP" --show --json) || fail "--show --json exit status $?"
assert_eq 3 "$(echo "$out" | jq '.idmap | length')" "JSON rows"
assert_eq "uid 1 $FIX_SUBUID 10 null deny" \
	"$(echo "$out" | jq -r '.idmap[1] | "\(.map) \(.inner) \(.outer) \(.count) \(.name) \(.setgroups)"')" "JSON row 2"
assert_eq number "$(echo "$out" | jq -r '.idmap[0].outer | type')" "JSON numbers"
assert_eq "$FIX_USER" "$(echo "$out" | jq -r '.idmap[0].name')" "JSON name"

# an unprivileged user may show any process's maps, even as plain nsmap
assert_status 0 "--show of init as a user" -- as_user "$NSMAP" --show --json -t 1
assert_eq "0 0 4294967295" "$(jq -r '.idmap[0] | "\(.inner) \(.outer) \(.count)"' "$TMP_DIR/stdout")" "init's uid map"

# an unmapped namespace: no rows; bad combinations
hold_as_root sleep 60
assert_status 0 "--show unmapped" -- "$NSMAP" --show --json -t "$HELD"
assert_eq 0 "$(jq '.idmap | length' "$TMP_DIR/stdout")" "rows of an unmapped namespace"
assert_status 125 "--show with --uid" -- "$NSMAP" --show -t "$h" --uid 0:0:1
assert_one_line_error nsmap "--show takes only -t and the output options"
assert_status 125 "--json alone" -- "$NSMAP" --json -t "$h" --uid 0:0:1
assert_one_line_error nsmap "--json goes with --show"
