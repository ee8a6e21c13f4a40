#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --TYPE=FILE persists each namespace by a bind mount that util-linux
# nsenter and ip netns can use after the command ended.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd nsenter ip
isolate
ns_file_dir
d=$NS_DIR

"$NSRUN" --user="$d/user" --mount="$d/mnt" --pid="$d/pid" --net="$d/net" --uts="$d/uts" \
	--ipc="$d/ipc" --cgroup="$d/cgroup" --time="$d/time" -r --hostname persisted -- \
	sh -c "stat -L -c %i /proc/self/ns/net > $d/inner-net" || fail "nsrun with persisted namespaces"

for n in user mnt pid net uts ipc cgroup time; do
	[ "$(stat -f -c %T "$d/$n" 2>/dev/null)" = nsfs ] || fail "$d/$n does not hold a namespace"
done
assert_eq "$(cat "$d/inner-net")" "$(stat -L -c %i "$d/net")" "persisted net is the command's"
# util-linux nsenter reads them
assert_eq persisted "$(nsenter --uts="$d/uts" hostname)" "nsenter --uts=FILE"
assert_eq "lo" "$(nsenter --net="$d/net" ip -o link | awk -F': ' '{print $2}')" "nsenter --net=FILE"

# a network namespace under /run/netns is an ip netns (private /run/netns here)
mkdir -p /run/netns
mount -t tmpfs nskit-netns /run/netns
on_exit "umount -l /run/netns"
pid=$("$NSRUN" --net=/run/netns/nskit-lab --detach)
kill_later "$pid"
assert_match 'nskit-lab' "$(ip netns list)" "ip netns list"
assert_eq "$(ns_inode "$pid" net)" "$(ip netns exec nskit-lab stat -L -c %i /proc/self/ns/net)" "ip netns exec"
kill "$pid"

# with --root the command's descriptors are closed before the exec, all
# but its channel to nsrun, which waits on it to keep the files: with a
# plain fork and under the init
for opt in --fork --pid; do
	assert_status 0 "--root / $opt with a file" -- \
		"$NSRUN" --net="$d/root$opt" --root / "$opt" -- true
	assert_eq nsfs "$(stat -f -c %T "$d/root$opt")" "--root / $opt: the file holds the namespace"
done

# an existing empty file is used (unshare's habit: touch, then --net=FILE)
: >"$d/pre"
"$NSRUN" --net="$d/pre" true || fail "existing empty file"
assert_eq nsfs "$(stat -f -c %T "$d/pre")" "pre-created file holds the namespace"
# a file that holds a namespace already is refused
assert_status 125 "already persisted" -- "$NSRUN" --net="$d/pre" true
assert_one_line_error nsrun "$d/pre: holds a namespace already"
