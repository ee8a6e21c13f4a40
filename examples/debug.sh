#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# debug.sh: start a service in a container, find it again with nsls as a
# sysadmin would, then look into it from the host with the host's own
# tools, as when debugging a live system:
#   nsls                        which container: by its cgroup, its handle
#   nsjoin --pid --mount-proc   ps and strace see the container's processes
#   nsjoin --net --mount-sys    ip and ss see the container's interfaces
#   cgctl stat                  what its cgroup has used, and its limits
# The service is busybox httpd on port 8080 of $NET.2 (NET default
# 10.99.1); the host end of its veth is $NET.1. Everything is removed at
# the end. Needs root, busybox, iproute2 and strace.
set -eu
net=${NET:-10.99.1} cg=debug-$$ www=$(mktemp -d)
echo "hello from the container" >"$www/index.html"
cleanup() {
	set +e
	[ -z "${pid:-}" ] || kill -KILL "$pid" 2>/dev/null
	cgctl delete "$cg" --parent self --kill 2>/dev/null
	# the veth goes with the namespace: wait for the kernel (nskit(7))
	[ -z "${pid:-}" ] || vethup --delete "veth$pid" --grace 1000 2>/dev/null
	rm -rf "$www"
}
trap cleanup EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

pid=$(nsrun --pid --net --mount --uts --ipc --hostname web --detach --hold -- \
	busybox httpd -f -p 8080 -h "$www")
echo "$pid" |
	vethup --addr "$net.2/24" --host-addr "$net.1/24" |
	cgctl attach "$cg" --parent self --create --memory 64M --pids 16 |
	nsrun --release >/dev/null
n=0	# until the service listens; not if it ended, nor for more than ~10 s
until nsjoin -t "$pid" --net -- ss -Hltn sport = 8080 2>/dev/null | grep -q 8080; do
	kill -0 "$pid" 2>/dev/null && [ $((n += 1)) -le 500 ] ||
		{ echo "debug.sh: busybox httpd: not listening on port 8080" >&2; exit 125; }
	sleep 0.01
done

show() { printf '\n# %s\n' "$*"; "$@"; }
# Find the container as a sysadmin would, among every container of the
# machine: nsls lists them, here the one whose cgroup is ours.
target=$(nsls -rn -o pid,cgroup | awk -v cg="/$cg" \
	'length($2) >= length(cg) && substr($2, length($2) - length(cg) + 1) == cg { print $1 }')
[ "$target" = "$pid" ] ||
	{ echo "debug.sh: nsls: no container in cgroup $cg (found '$target')" >&2; exit 125; }
show nsls -t "$target"
show busybox wget -q -O - "http://$net.2:8080/"
show nsjoin -t "$target" --pid --mount-proc -- ps -o pid,ppid,user,args -e
# strace the service for half a second while the host asks it for a page
(sleep 0.2 && busybox wget -q -O /dev/null "http://$net.2:8080/") &
show nsjoin -t "$target" --pid --mount-proc -- timeout -s INT 0.5 strace -p 2 -e trace=network ||
	[ $? = 124 ]	# what timeout says when it stopped strace
wait
show nsjoin -t "$target" --net --mount-sys -- ip -br addr
show nsjoin -t "$target" --net --mount-sys -- ss -ltn
show cgctl stat "$cg" --parent self
