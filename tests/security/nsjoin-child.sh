#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The child nsjoin forks into a container's PID namespace is visible there
# from its first instruction. Held stopped at that instant by birthstop
# (a host-side tracer: no race), it must already be out of reach of the
# container's root: ptrace seize and attach fail, and so do
# /proc/CHILD/{root,cwd,exe,mem,environ}, the listing of /proc/CHILD/fd and
# each /proc/CHILD/fd/N. Then nsjoin runs its command to the end as usual.
# DESIGN.md, "The security rule".
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/security/helpers.sh
. "$NSKIT_SRCDIR/tests/security/helpers.sh"
[ -x "$BIRTHSTOP" ] || hard_error "$BIRTHSTOP is not built"
build_attack
ROOT=$TMP_DIR/root
make_root "$ROOT"
install -o 100000 -g 100000 -m 755 "$ATTACK" "$ROOT/bin/attack" || hard_error "install attack"
before=$(snapshot)
start_container "$ROOT" /bin/sleep 2147483647

# the attacker, inside: makes /tmp/birth, waits for a PID in it
nsjoin --target "$HOLDER" --all --root --wd -- /bin/attack wait /tmp/birth \
	>"$TMP_DIR/attacker" 2>&1 </dev/null &
attacker=$!
kill_at_exit attacker
box=/proc/$HOLDER/root/tmp
wait_secs 30 '[ -e "$box/birth" ]' || fail "the attacker did not start: $(cat "$TMP_DIR/attacker")"

# nsjoin as container.sh runs it, its child stopped at birth for the attacker
status=0
"$BIRTHSTOP" "$box/birth" "$box/birth.done" -- \
	nsjoin --target "$HOLDER" --all --root --wd -- /bin/sh -c 'exit 3' \
	>"$TMP_DIR/stdout" 2>"$TMP_DIR/stderr" </dev/null || status=$?
expect_eq 3 "$status" "status of nsjoin under birthstop (stderr: $(cat "$TMP_DIR/stderr"))"
if ! grep -q 'stopped at birth' "$TMP_DIR/stderr"; then
	kill -KILL "$attacker"
	fail "birthstop held no child of nsjoin: $(cat "$TMP_DIR/stderr")"
fi
astatus=0
wait "$attacker" || astatus=$?
attacker=""
grep -q '^attack: probing ' "$TMP_DIR/attacker" ||
	fail "the attacker probed nothing (exit $astatus): $(cat "$TMP_DIR/attacker")"
expect_attack_clean "nsjoin's child, stopped at birth" "$TMP_DIR/attacker" "$astatus"

stop_container
assert_nothing_left "$before"
finish
