#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# vethup -t of a process that has gone, its PID taken by another in a
# network namespace of its own: no veth appears, neither in the new one's
# namespace nor here (lib-reuse.sh, reuse_cases).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/reuse/lib-reuse.sh
. "$NSKIT_SRCDIR/tests/integration/reuse/lib-reuse.sh"
require_tool vethup
require_cmd ip nsenter
reuse_isolate

start_netns() {
	start_sleeper unshare --net sleep 1000
}
start_target() { start_netns; }
start_successor() { start_netns; }

links_of() {
	nsenter -t "$1" -n ip -o link show | awk '{ sub(/@.*/, "", $2); sub(/:$/, "", $2); print $2 }' | sort | tr '\n' ' '
}

assert_untouched() {
	assert_eq "lo " "$(links_of "$1")" "the successor's links"
	assert_eq "lo " "$(links_of $$)" "the links here"
}

control() {
	"$VETHUP" -t "$1" --peer eth0 --addr 10.9.0.2/24 --host-addr 10.9.0.1/24 ||
		fail "vethup into the successor: exit status $?"
	assert_eq "eth0 lo " "$(links_of "$1")" "the successor's links"
	"$VETHUP" --delete "veth$1" || hard_error "vethup --delete"
}

reuse_cases "$VETHUP" --peer eth0 --addr 10.9.0.2/24 --host-addr 10.9.0.1/24
