#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# fork past pids.max fails inside the group, and the kernel counts it.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"
cg_on_v1 pids || cg_v2_has pids || skip "no pids controller"

assert_status 0 "create" -- "$CGCTL" create "$G" --pids 3
# sh and two sleeps fit; the third and fourth fork must fail. Each sleep
# is counted as it starts: a shell whose fork fails may exit at once
# (dash, busybox ash do), before any total could be printed.
# shellcheck disable=SC2016 # expanded by the inner sh
"$CGCTL" exec "$G" -- sh -c 'for i in 1 2 3 4; do
		if sleep 5 & then echo started; fi
	done 2>/dev/null
	kill $(jobs -p) 2>/dev/null
	exit 0' >"$TMP_DIR/out" 2>"$TMP_DIR/err" || true
started=$(grep -c '^started$' "$TMP_DIR/out")
log "started: $started err: $(cat "$TMP_DIR/err")"
events=$(cat "$(cg_dir pids "$G")/pids.events")
assert_match '^max [1-9]' "$events" "pids.events counts refused forks"
# no sleep at all would prove nothing: not even the shell ran
[ "$started" -ge 1 ] || fail "the shell in the group started no sleep: $(cat "$TMP_DIR/out" "$TMP_DIR/err")"
[ "$started" -le 2 ] || fail "$started sleeps started under pids.max=3"
