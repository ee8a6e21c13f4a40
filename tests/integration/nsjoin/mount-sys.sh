#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --mount-sys: a fresh /sys shows the joined network namespace's devices
# (as ip netns exec does), only to the command.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd ip

pid=$("$NSRUN" --net --detach) || hard_error "nsrun --detach failed"
kill_later "$pid"
# devices in the container's own network namespace, which this test made
"$NSJOIN" -t "$pid" -n -- ip link add nskit0 type veth peer name nskit1 ||
	hard_error "could not add a veth pair in the container"
mounts=$(mount_count)

got=$("$NSJOIN" -t "$pid" --mount-sys -- ls /sys/class/net | tr '\n' ' ')
assert_eq "lo nskit0 nskit1 " "$got" "/sys/class/net with --mount-sys"
got=$("$NSJOIN" -t "$pid" -n -- ls /sys/class/net | tr '\n' ' ')
assert_ne "lo nskit0 nskit1 " "$got" "/sys/class/net without --mount-sys (the host's sysfs)"
[ -e /sys/class/net/nskit0 ] && fail "the device is visible on the host"
assert_eq "$mounts" "$(mount_count)" "mounts of the caller's namespace"

# --mount-sys implies --net
got=$("$NSJOIN" -t "$pid" --mount-sys -- stat -L -c %i /proc/self/ns/net)
assert_eq "$(ns_inode "$pid" net)" "$got" "--mount-sys implies --net"
assert_status 125 "--mount-sys --root" -- "$NSJOIN" -t "$pid" --mount-sys --root=/ -- true
assert_one_line_error nsjoin "--mount-sys does not go with --root"
