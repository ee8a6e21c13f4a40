#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --namespaces is lsns's view: for the namespaces of a container, NS, TYPE,
# NPROCS, PID, NETNSID and ONS agree with lsns(8) on the same machine; -N
# keeps one type and adds NETNSID and NSFS to the default columns as
# lsns -t net does; PNS is the parent of a user or PID namespace.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/nsls/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsls/helpers.sh"
require_tool vethup
require_cmd lsns

pid=$(detached -U -r -p -n -u -- sleep 4243.25)
# a veth to it: the kernel gives its namespace an nsid in ours
"$VETHUP" -t "$pid" --addr 10.0.0.2/24 --host-addr 10.0.0.1/24 >/dev/null || fail "vethup"
wait_for '[ -n "$(children_of "$pid")" ]' || fail "the command did not start"

cols=NS,TYPE,NPROCS,PID,NETNSID,ONS
for t in user pid net uts; do
	ino=$(ns_inode "$pid" $t)
	# Two snapshots of a machine where other processes come and go (other
	# tests run beside this one): compare again when they differ.
	tries=0
	while :; do
		ours=$("$NSLS" --namespaces -J -o "$cols" |
			jq -c --argjson i "$ino" '.namespaces[] | select(.ns == $i) |
				[.ns, .type, .nprocs, .pid, (.netnsid // "unassigned" | tostring), .ons]')
		theirs=$(lsns -J -o "$cols" |
			jq -c --argjson i "$ino" '.namespaces[] | select(.ns == $i) |
				[.ns, .type, .nprocs, .pid, (.netnsid // "unassigned" | tostring), .ons]')
		tries=$((tries + 1))
		{ [ -n "$theirs" ] && [ "$theirs" = "$ours" ]; } || [ "$tries" -ge 5 ] && break
		sleep 0.2
	done
	[ -n "$theirs" ] || hard_error "lsns does not list $t namespace $ino"
	assert_eq "$theirs" "$ours" "$t namespace $ino, nsls vs lsns"
done
assert_match '^[0-9]+$' "$("$NSLS" --namespaces -J -o ns,netnsid | jq -r --argjson i "$(ns_inode "$pid" net)" \
	'.namespaces[] | select(.ns == $i) | .netnsid')" "the nsid the veth made"

# -N: one type, lsns -t net's columns
out=$("$NSLS" -N net)
assert_match '^ +NS +TYPE +NPROCS +PID +USER +NETNSID +NSFS +COMMAND *$' "$(printf '%s\n' "$out" | head -1)" \
	"-N net header"
assert_eq net "$(printf '%s\n' "$out" | awk 'NR > 1 { print $2 }' | sort -u)" "-N net: net only"
# PNS: a user namespace's parent is ours
assert_eq "$(ns_inode self user)" "$("$NSLS" -N user -J -o ns,pns |
	jq -r --argjson i "$(ns_inode "$pid" user)" '.namespaces[] | select(.ns == $i) | .pns')" \
	"parent of its user namespace"
