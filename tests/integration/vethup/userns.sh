#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A container with a user namespace of its own (its network namespace owned
# by it) gets its link the same way, and is reachable.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"
require_cmd ping
[ -e /proc/self/ns/user ] || skip "kernel lacks user namespaces"

pid=$("$NSRUN" --user --map-root-user --net --detach) || hard_error "nsrun --user --net --detach failed"
kill_later "$pid"
assert_ne "$(ns_inode self user)" "$(ns_inode "$pid" user)" "the container's user namespace"
assert_status 0 "vethup" -- "$VETHUP" -t "$pid" --addr 10.0.0.2/24 --host-addr 10.0.0.1/24
assert_eq "10.0.0.2/24" "$(addrs eth0 "$pid")" "eth0 inside"
ping -c 1 -W 5 10.0.0.2 >/dev/null || fail "host -> 10.0.0.2"
