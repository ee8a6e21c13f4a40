#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --tree nests a container under the container its user namespace descends
# from: a container started inside a container is its child, in the table
# and in the JSON ("children"); --list and --tree do not go together.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/nsls/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsls/helpers.sh"

# the outer container's init stays in it; its command makes the inner one
outer=$(detached -U -r -p -u -- "$NSRUN" -U -r -u -- sleep 4243.25)
wait_for '[ -n "$(children_of "$outer")" ] &&
	[ "$(ns_inode "$(children_of "$outer")" user)" != "$(ns_inode "$outer" user)" ]' ||
	fail "the inner container did not start"
inner=$(children_of "$outer")
plain=$(detached -U -r -u -- sleep 4243.5)

"$NSLS" --tree -J -o pid,ns >"$TMP_DIR/json" || fail "nsls --tree -J: exit status $?"
kids=$(jq -c --argjson p "$outer" '.containers[] | select(.pid == $p) | [.children[]?.pid]' \
	"$TMP_DIR/json")
assert_eq "[$inner]" "$kids" "the inner container under the outer"
assert_eq "" "$(jq -c --argjson p "$inner" '.containers[] | select(.pid == $p)' "$TMP_DIR/json")" \
	"the inner container is not at the top"
assert_eq "null" "$(jq -c --argjson p "$plain" '.containers[] | select(.pid == $p) | .children' \
	"$TMP_DIR/json")" "a container with none inside has no children"
# as a table: the inner one's PID drawn below the outer's
"$NSLS" --tree -o pid,ns >"$TMP_DIR/text" || fail "nsls --tree: exit status $?"
below=$(grep -A1 "^ *$outer " "$TMP_DIR/text" | sed -n 2p)
assert_match "^\`-$inner " "$below" "table: the inner container drawn below the outer"
# the flat view lists both at the top
assert_eq "$inner" "$("$NSLS" -J -o pid | jq --argjson p "$inner" '.containers[] | select(.pid == $p) | .pid')" \
	"flat view: the inner container is listed"
assert_status 125 "nsls --tree --list" -- "$NSLS" --tree --list
assert_one_line_error nsls "--tree does not go with --list"
