#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Each namespace flag, and -a, puts the command in the target's namespace
# of that kind (its inode equals the target's), through one setns(pidfd).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

pid=$("$NSRUN" --user --map-root-user --mount --pid --net --uts --ipc --cgroup --time \
	--detach -- sleep 100) || hard_error "nsrun --detach failed"
kill_later "$pid"

for spec in U:user:user m:mnt:mount p:pid:pid n:net:net u:uts:uts i:ipc:ipc C:cgroup:cgroup T:time:time; do
	flag=${spec%%:*} rest=${spec#*:}
	ns=${rest%%:*} long=${rest#*:}
	want=$(ns_inode "$pid" "$ns")
	assert_ne "$(ns_inode self "$ns")" "$want" "the container's $ns namespace"
	got=$("$NSJOIN" -t "$pid" "-$flag" -- stat -L -c %i "/proc/self/ns/$ns") ||
		fail "-$flag: exit status $?"
	assert_eq "$want" "$got" "-$flag: $ns namespace inode"
	got=$("$NSJOIN" --target "$pid" "--$long" -- stat -L -c %i "/proc/self/ns/$ns") ||
		fail "--$long: exit status $?"
	assert_eq "$want" "$got" "--$long: $ns namespace inode"
	# the others stay ours (ipc is the witness, net for -i)
	other=ipc
	[ "$ns" = ipc ] && other=net
	got=$("$NSJOIN" -t "$pid" "-$flag" -- stat -L -c %i "/proc/self/ns/$other")
	assert_eq "$(ns_inode self "$other")" "$got" "-$flag: the $other namespace must stay ours"
done

# -a: every one at once
out=$("$NSJOIN" -t "$pid" -a -- sh -c \
	'for n in user mnt pid net uts ipc cgroup time; do stat -L -c %i /proc/self/ns/$n; done') ||
	fail "-a: exit status $?"
i=0
for ns in user mnt pid net uts ipc cgroup time; do
	i=$((i + 1))
	assert_eq "$(ns_inode "$pid" "$ns")" "$(printf '%s\n' "$out" | sed -n "${i}p")" "-a: $ns"
done

# -a on a process that shares all our namespaces joins none (our own user
# namespace cannot be re-entered) and runs the command
sleep 100 &
host=$!
kill_later "$host"
assert_status 0 "-a on a process of our own namespaces" -- "$NSJOIN" -t "$host" -a -- true
# explicit -U of our own user namespace: left out rather than refused
got=$("$NSJOIN" -t "$host" -U -n -- stat -L -c %i /proc/self/ns/user) || fail "-U -n: exit status $?"
assert_eq "$(ns_inode self user)" "$got" "-U of our own user namespace"
