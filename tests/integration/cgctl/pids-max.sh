#!/bin/sh
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
# sh and two sleeps fit; the third and fourth fork must fail
# shellcheck disable=SC2016 # expanded by the inner sh

"$CGCTL" exec "$G" -- sh -c 'n=0
	for i in 1 2 3 4; do
		if sleep 5 & then n=$((n + 1)); fi
	done 2>/dev/null
	echo "$n"
	kill $(jobs -p) 2>/dev/null
	exit 0' >"$TMP_DIR/out" 2>"$TMP_DIR/err" || true
log "started: $(cat "$TMP_DIR/out") err: $(cat "$TMP_DIR/err")"
events=$(cat "$(cg_dir pids "$G")/pids.events")
assert_match '^max [1-9]' "$events" "pids.events counts refused forks"
started=$(cat "$TMP_DIR/out")
[ -z "$started" ] || [ "$started" -le 2 ] || fail "$started sleeps started under pids.max=3"
