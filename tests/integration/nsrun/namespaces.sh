#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Each namespace flag gives the command a namespace of that type that
# differs from ours, and leaves the others shared.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate

for spec in U:user m:mnt p:pid n:net u:uts i:ipc C:cgroup T:time; do
	flag=${spec%%:*} ns=${spec#*:}
	[ -e "/proc/self/ns/$ns" ] || skip "kernel lacks $ns namespaces"
	ours=$(ns_inode self "$ns")
	# pid and time: the command is the first process born inside.
	theirs=$("$NSRUN" "-$flag" -- sh -c "stat -L -c %i /proc/self/ns/$ns")
	assert_ne "$ours" "$theirs" "-$flag: $ns namespace inode"
	other=$("$NSRUN" "-$flag" -- sh -c 'stat -L -c %i /proc/self/ns/ipc')
	[ "$ns" = ipc ] || assert_eq "$(ns_inode self ipc)" "$other" "-$flag: ipc namespace must be shared"
done

# long spellings, several at once
out=$("$NSRUN" --user --mount --pid --net --uts --ipc --cgroup --time -- \
	sh -c 'for n in user mnt pid net uts ipc cgroup time; do stat -L -c %i /proc/self/ns/$n; done')
i=0
for n in user mnt pid net uts ipc cgroup time; do
	i=$((i + 1))
	got=$(printf '%s\n' "$out" | sed -n "${i}p")
	assert_ne "$(ns_inode self "$n")" "$got" "--$n (all at once)"
done
