#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --netns takes an ip-netns name (/run/netns/NAME) or a namespace file; the
# default host end is then veth<INODE of the namespace>.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

# isolate gave us a private mount namespace: a tmpfs on /run/netns (or on
# /run when the machine has no /run/netns, so nothing is created there)
# makes the names we add invisible to the machine.
if [ -d /run/netns ]; then
	mount -t tmpfs nskit-test /run/netns || hard_error "tmpfs on /run/netns"
else
	mount -t tmpfs nskit-test /run && mkdir /run/netns || hard_error "tmpfs on /run"
fi
ip netns add lab || hard_error "ip netns add lab"
on_exit "ip netns delete lab"
inode=$(stat -L -c %i /run/netns/lab)

assert_status 0 "--netns lab" -- "$VETHUP" --netns lab --addr 10.1.0.2/24 --host-addr 10.1.0.1/24
assert_eq "10.1.0.1/24" "$(addrs "veth$inode")" "host end veth$inode"
assert_eq "10.1.0.2/24" "$(ip netns exec lab ip -j addr show dev eth0 | jq -r '.[0].addr_info[] | select(.family == "inet") | "\(.local)/\(.prefixlen)"')" "eth0 in lab"
assert_match UP "$(ip netns exec lab ip -j link show lo | jq -r '.[0].flags | join(",")')" "lo in lab"

# a namespace file outside /run/netns, made by nsrun
touch "$TMP_DIR/ns"
"$NSRUN" --net="$TMP_DIR/ns" true || hard_error "nsrun --net=FILE"
on_exit "umount $TMP_DIR/ns"
assert_status 0 "--netns FILE" -- "$VETHUP" --netns "$TMP_DIR/ns" --name vfile --peer in0 \
	--addr 10.2.0.2/24
assert_eq "10.2.0.2/24" "$(nsenter --net="$TMP_DIR/ns" ip -j addr show dev in0 | jq -r '.[0].addr_info[] | select(.family == "inet") | "\(.local)/\(.prefixlen)"')" "in0 in the file's namespace"
assert_eq veth "$(link_json vfile | jq -r .linkinfo.info_kind)" "host end vfile"

# not a namespace, and a name that does not exist: nothing made
touch "$TMP_DIR/plain"
before=$(links)
expect_failure "$TMP_DIR/plain: not a network namespace\$" "$VETHUP" --netns "$TMP_DIR/plain"
expect_failure "/run/netns/nope: No such file or directory\$" "$VETHUP" --netns nope
assert_eq "$before" "$(links)" "host links after the failures"
