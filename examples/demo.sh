#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The README's demo: a full container (examples/container.sh: its own
# users, processes, network, hostname, cgroup limits and a busybox root
# whose writes vanish) running a short script, read from stdin, that shows
# each of them. scripts/demo runs it with the freshly built tools on PATH.
set -eu
# The demo shows the limits by mounting cgroupfs inside, which container.sh's
# default seccomp profile refuses: it runs unfiltered unless told otherwise.
export SECCOMP="${SECCOMP:-unconfined}"
exec "$(dirname "$0")/container.sh" -n demo /bin/sh -s <<'EOF_INSIDE'
if [ -t 1 ]; then b=$(printf '\033[1m') n=$(printf '\033[0m'); else b="" n=""; fi
say() { printf '\n%s# %s%s\n' "$b" "$*" "$n"; }

say "hostname: its own"; hostname
say "id: root inside, uid 100000 outside"; id
say "ps: only its own processes (1: nsrun's init; 2: the pause that holds the root)"
ps -o pid,user,comm
say "ip: eth0, the inner end of a veth, and a default route via the host end"
ip -4 -o addr | awk '{ print $2, $4 }'; ip route
say "its cgroup: nskit-PID, / on cgroup2 (a cgroup namespace rooted there)"
cat /proc/self/cgroup

limits() {	# limits CONTROLLER FILE...: mount its hierarchy, show our group's FILEs
	c=$1 && shift
	line=$(grep -E "^[0-9]+:([^:]*,)?$c(,[^:]*)?:" /proc/self/cgroup) ||
		line=$(grep '^0::' /proc/self/cgroup)		# only on cgroup v2
	opts=${line#*:} && opts=${opts%%:*} && group=${line##*:}
	mkdir -p "/cg/$c"
	if [ -n "$opts" ]; then mount -t cgroup -o "$opts" none "/cg/$c"
	else mount -t cgroup2 none "/cg/$c"; fi
	for f; do
		if [ -e "/cg/$c$group/$f" ]; then echo "$f: $(cat "/cg/$c$group/$f")"; fi
	done
}
say "its limits, as the kernel keeps them in its cgroup files"
limits memory memory.max memory.limit_in_bytes
limits pids pids.max
limits cpu cpu.max cpu.cfs_quota_us cpu.cfs_period_us

say "a write to its root lands in a tmpfs above it, and vanishes with it"
echo hello >/etc/motd && ls -l /etc/motd
EOF_INSIDE
