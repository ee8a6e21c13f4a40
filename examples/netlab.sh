#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# netlab.sh up | ping | exec NODE [command...] | down
#
# A network lab: three nodes (lab1, lab2, lab3), each a network and a UTS
# namespace persisted to a file (no process keeps them), linked by a veth
# to one bridge, as root. The network namespaces are ip-netns names, so
# `ip netns exec lab2 ip addr` works as well as `netlab.sh exec lab2`.
#   up    make the bridge ($BRIDGE, default nslab0, with $NET.1; NET
#         default 10.99.2) and the nodes, at $NET.11, .12 and .13
#   ping  ping every node from every other node
#   exec  run a command (default: a shell) in a node's namespaces
#   down  tear it all down, whatever state it is in
set -eu
net=${NET:-10.99.2} bridge=${BRIDGE:-nslab0} nodes="lab1 lab2 lab3" uts=/run/nskit/netlab
addr() { echo "$net.$((10 + ${1#lab}))"; }

down() {	# the namespaces first: the kernel then deletes their veths
	set +e
	for n in $nodes; do
		umount "/run/netns/$n" "$uts/$n" 2>/dev/null
		rm -f "/run/netns/$n" "$uts/$n"
	done
	for n in $nodes; do vethup --delete "$bridge-$n" --grace 1000 2>/dev/null; done
	ip link delete "$bridge" 2>/dev/null
	rmdir "$uts" /run/nskit 2>/dev/null
	return 0
}

up() {
	if ip link show "$bridge" >/dev/null 2>&1; then
		echo "netlab.sh: $bridge: exists; is the lab up? (netlab.sh down)" >&2 && exit 125
	fi
	for n in $nodes; do	# down would remove them: refuse what is not ours
		for f in "/run/netns/$n" "$uts/$n"; do
			[ ! -e "$f" ] || { echo "netlab.sh: $f: exists, not made by up" >&2 && exit 125; }
		done
	done
	trap 'down' EXIT		# a failed step leaves nothing behind
	trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
	mkdir -p /run/netns "$uts"
	for n in $nodes; do
		nsrun --net="/run/netns/$n" --uts="$uts/$n" --hostname "$n" -- true
		vethup --netns "$n" --name "$bridge-$n" --bridge "$bridge" \
			--addr "$(addr "$n")/24" --host-addr "$net.1/24"
	done
	trap - EXIT HUP INT TERM
}

in_node() { n=$1 && shift && nsjoin --net="/run/netns/$n" --uts="$uts/$n" -- "$@"; }

case ${1:-} in
up) up ;;
down) down ;;
ping)
	st=0
	for a in $nodes; do for b in $nodes; do
		[ "$a" != "$b" ] || continue
		if in_node "$a" ping -c 1 -W 2 "$(addr "$b")" >/dev/null; then r=reachable; else r=UNREACHABLE st=1; fi
		echo "$a -> $b ($(addr "$b")): $r"
	done; done
	exit $st ;;
exec)
	shift && n=$1 && shift
	[ $# -gt 0 ] || set -- "${SHELL:-/bin/sh}"
	in_node "$n" "$@" ;;
*) echo "usage: netlab.sh up|ping|exec NODE [command...]|down" >&2 && exit 125 ;;
esac
