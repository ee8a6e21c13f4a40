#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A descriptor open in the caller (here fd 7, the host's /) reaches nothing
# in a container: not the command of the chain (nsrun --detach --hold, the
# init's child, mkprop, nsroot), not PID 1, not nsjoin's command, not the
# command of nsroot run on its own. Each gets 0, 1 and 2 only. DESIGN.md,
# "No fd leaks into commands". Nor does the descriptor of the group's
# cgroup2 directory that nsrun --into-cgroup holds for clone3.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/security/helpers.sh
. "$NSKIT_SRCDIR/tests/security/helpers.sh"
build_attack
ROOT=$TMP_DIR/root
make_root "$ROOT"
install -o 100000 -g 100000 -m 755 "$ATTACK" "$ROOT/bin/attack" || hard_error "install attack"
before=$(snapshot)

exec 7</
# the chain's command reports what it inherited (to the log), then pauses
start_container "$ROOT" /bin/attack -p fds
wait_secs 30 'grep -q "^attack: .* checks" "$CONTAINER/log"' ||
	fail "the container's command said nothing: $(cat "$CONTAINER/log")"
expect_attack_clean "the command of nsrun --detach --hold, its init, mkprop and nsroot" \
	"$CONTAINER/log" -
expect_no_host_fds "$HOLDER" "$CONTAINER/log"
run_inside "$TMP_DIR/out" /bin/attack fds
expect_attack_clean "the command of nsjoin" "$TMP_DIR/out" "$STATUS"
status=0
nsrun --user --mount --map-users 0:100000:65536 --map-groups 0:100000:65536 -- \
	nsroot "$ROOT" -- /bin/attack fds >"$TMP_DIR/out" 2>&1 </dev/null || status=$?
expect_attack_clean "the command of nsroot" "$TMP_DIR/out" "$status"
exec 7<&-

stop_container

# started in a cgroup (nsrun --into-cgroup): PID 1 and the command are in
# it, and hold no more than above
CONTAINER_CGROUP=nskit-secfd-$$
cgctl create "$CONTAINER_CGROUP" --parent self --pids 64 || hard_error "cgctl create"
on_exit "cgctl delete '$CONTAINER_CGROUP' --parent self --kill"
start_container "$ROOT" /bin/attack -p fds
wait_secs 30 'grep -q "^attack: .* checks" "$CONTAINER/log"' ||
	fail "the container's command said nothing: $(cat "$CONTAINER/log")"
expect_attack_clean "the command of nsrun --detach --hold --into-cgroup" "$CONTAINER/log" -
expect_no_host_fds "$HOLDER" "$CONTAINER/log"
expect_eq "$CONTAINER_CGROUP" "$(sed -n 's|^0::.*/||p' "/proc/$HOLDER/cgroup")" \
	"the v2 cgroup of PID 1 ($HOLDER)"
stop_container
cgctl delete "$CONTAINER_CGROUP" --parent self --kill || fail "cgctl delete"
assert_nothing_left "$before" "$CONTAINER_CGROUP"
finish
