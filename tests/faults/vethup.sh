#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fault injection (tests/faults/README.md): vethup with a bridge it
# creates and IPv4 and IPv6 addresses on both sides, into a container of
# this test's own network namespace (which plays the host). A failure
# leaves no link, address or route on either side.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate --mount --net --pid --fork --mount-proc
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"
# shellcheck source=tests/faults/lib-faults.sh
. "$NSKIT_SRCDIR/tests/faults/lib-faults.sh"
ip link set lo up
pid=$(container)

# what vethup may make: links (by name: indexes, MACs, carrier and
# link-local addresses differ from run to run), addresses and routes
fault_state() {
	{
		ip -br link show
		ip -br addr show
		ip route show
		ip -6 route show
	} | net_view | sed 's/^/host /'
	inside "$pid" sh -c 'ip -br link show; ip -br addr show; ip route show; ip -6 route show' |
		net_view | sed 's/^/inside /'
	fault_processes
}
net_view() {
	sed -e 's/@[a-z0-9]*//' -e 's/ fe80::[0-9a-f:]*\/64//g' -e '/^fe80::/d' |
		awk '$3 ~ /^[0-9a-f][0-9a-f]:/ { print $1; next }	# a link: its name
		     NF == 2 && $2 ~ /^(UP|DOWN|UNKNOWN|LOWERLAYERDOWN)$/ { print $1; next }
		     { $2 = ($2 ~ /^(UP|DOWN|UNKNOWN|LOWERLAYERDOWN)$/) ? "" : $2; print }'
}
fault_undo() {
	"$VETHUP" --delete vh0 || hard_error "vethup --delete vh0"
}
# after a run that left something: whatever of it is there
fault_clean() {
	"$VETHUP" --delete vh0 || ip link del vh0
	ip link del br0
	inside "$pid" ip link del eth0
	return 0
} 2>/dev/null

fault_scan vethup -- "$VETHUP" -t "$pid" --name vh0 --bridge br0 \
	--addr 10.0.0.2/24 --addr fd00::2/64 --host-addr 10.0.0.1/24 --host-addr fd00::1/64

# --delete: the pair, and the bridge vethup made for it, now empty
fault_setup() {
	"$VETHUP" -t "$pid" --name vh0 --bridge br0 --addr 10.0.0.2/24 --addr fd00::2/64 \
		--host-addr 10.0.0.1/24 --host-addr fd00::1/64 >/dev/null || hard_error "vethup"
}
fault_undo() { :; }
fault_teardown() {
	fault_clean
}
fault_scan vethup -- "$VETHUP" --delete vh0
