#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun --into-cgroup holds a descriptor of the group's cgroup2 directory
# for clone3(CLONE_INTO_CGROUP): a host descriptor that no process the
# container sees may keep. Neither the chain's command nor PID 1 has it
# (nor any descriptor but 0, 1, 2 and the log), and both are in the group.
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
CONTAINER_CGROUP=nskit-secfd-$$
cgctl create "$CONTAINER_CGROUP" --parent self --pids 64 || hard_error "cgctl create"
on_exit "cgctl delete '$CONTAINER_CGROUP' --parent self --kill"

start_container "$ROOT" /bin/attack -p fds
wait_secs 30 'grep -q "^attack: .* checks" "$CONTAINER/log"' ||
	fail "the container's command said nothing: $(cat "$CONTAINER/log")"
expect_attack_clean "the command of nsrun --detach --hold --into-cgroup" "$CONTAINER/log" -
expect_no_host_fds "$HOLDER" "$CONTAINER/log"
expect_eq "/$CONTAINER_CGROUP" "$(sed -n 's/^0:://p' "/proc/$HOLDER/cgroup" | sed 's|.*\(/[^/]*\)$|\1|')" \
	"the v2 cgroup of PID 1 ($HOLDER)"

stop_container
cgctl delete "$CONTAINER_CGROUP" --parent self --kill || fail "cgctl delete"
assert_nothing_left "$before" "$CONTAINER_CGROUP"
finish
