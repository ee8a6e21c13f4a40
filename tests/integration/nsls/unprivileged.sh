#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Run by an unprivileged user (nobody), nsls lists what it may read (its
# own container, whole), leaves out root's processes whole and says how
# many, leaves the cells it cannot read empty and says why, and exits 0;
# -t on a container it cannot see is one line and 125.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/nsls/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsls/helpers.sh"
require_cmd setpriv

nobody=$(id -u nobody) || skip "no user nobody"
as_nobody() {
	setpriv --reuid "$nobody" --regid "$nobody" --clear-groups -- "$@"
}

theirs=$(detached -U -r -n -u --hostname root-box -- sleep 4243.25)
ours=$(as_nobody "$NSRUN" -U -r -n -u --hostname mine --detach -- sleep 4243.5) ||
	fail "nsrun as nobody: exit status $?"
echo "$ours" >>"$TMP_DIR/containers"

as_nobody "$NSLS" -J --output-all >"$TMP_DIR/json" 2>"$TMP_DIR/err" ||
	fail "nsls as nobody: exit status $? ($(cat "$TMP_DIR/err"))"
jq . "$TMP_DIR/json" >/dev/null || fail "not JSON: $(cat "$TMP_DIR/json")"
r=$(jq -c --argjson p "$ours" '.containers[] | select(.pid == $p)' "$TMP_DIR/json")
[ -n "$r" ] || fail "nobody's own container is not listed: $(cat "$TMP_DIR/json")"
# its row is whole: what /proc lets its owner read
assert_eq "user,uts,net" "$(field "$r" ns)" "its namespaces"
assert_eq "0->$nobody x1" "$(field "$r" uidmap)" "its uid map"
assert_eq 1 "$(field "$r" nprocs)" "its processes"
assert_eq running "$(field "$r" state)" "its state"
assert_match "sleep 4243.5" "$(field "$r" command)" "its command"
# entering its namespaces needs CAP_SYS_ADMIN: empty, and said once
assert_eq null "$(field "$r" links)" "no links read"
assert_eq null "$(field "$r" hostname)" "no host name read"
err=$(cat "$TMP_DIR/err")
assert_match '^nsls: warning: [0-9]+ processes not shown: their namespaces: Permission denied \(run as root to see them\)$' \
	"$(grep 'processes not shown' "$TMP_DIR/err")" "what was left out"
assert_match '^nsls: warning: [0-9]+ containers without LINKS: their network namespaces: Operation not permitted$' \
	"$(grep LINKS "$TMP_DIR/err")" "why links are missing"
assert_match '^nsls: warning: [0-9]+ containers without HOSTNAME: ' "$err" "why host names are missing"
[ "$(grep -vc '^nsls: warning: ' "$TMP_DIR/err")" = 0 ] || fail "only warnings on stderr: $err"
# root's container is left out whole, not shown half
assert_eq "" "$(jq -c --argjson p "$theirs" '.containers[] | select(.pid == $p)' "$TMP_DIR/json")" \
	"root's container left out"
# and -t on it says it cannot see it
assert_status 125 "nsls -t as nobody" -- as_nobody "$NSLS" -t "$theirs"
assert_one_line_error nsls "process $theirs: in no container: .*cannot be read"
# the namespace view: the same partial view, exit 0
as_nobody "$NSLS" --namespaces >/dev/null 2>&1 || fail "nsls --namespaces as nobody: exit status $?"
