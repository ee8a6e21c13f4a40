#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --overlay: the root is an overlay of read-only layers (leftmost on top)
# and a tmpfs; writes land in the tmpfs, the layers stay as they were, and
# the writes are gone when the container ends.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
require_root
isolate
require_tool nsroot
require_tool nsrun
BASE=$TMP_DIR/base
TOP=$TMP_DIR/top
NEWROOT=$TMP_DIR/newroot
make_root "$BASE"
no_leak_check_after_pivot
echo base >"$BASE/etc/motd"
echo base-only >"$BASE/etc/issue"
mkdir -p "$TOP/etc" "$NEWROOT"
echo top >"$TOP/etc/motd"
snapshot() {
	(cd "$TMP_DIR" && find base top newroot -exec ls -ld --time-style=+%s.%N {} + | sort && cat base/etc/* top/etc/*)
}
before=$(snapshot)
targets=$(mount_targets)

assert_status 0 "nsroot --overlay" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc \
	--overlay "$TOP:$BASE" "$NEWROOT" -- /bin/sh -c '
	cat /etc/motd /etc/issue
	echo changed >/etc/motd; echo new >/newfile; rm /etc/issue
	cat /etc/motd /newfile; ls /etc/issue 2>&1
	awk "\$5 == \"/\" { print \$(NF - 2) }" /proc/self/mountinfo'
assert_eq "top
base-only
changed
new
ls: /etc/issue: No such file or directory
overlay" "$(cat "$TMP_DIR/stdout")" "inside"
assert_eq "$before" "$(snapshot)" "the layers and NEWROOT after the run"
assert_eq "$targets" "$(mount_targets)" "our mounts"

# a second container starts from the layers again
assert_status 0 "nsroot --overlay, again" -- "$NSRUN" --mount -- "$NSROOT" \
	--overlay "$TOP:$BASE" "$NEWROOT" -- /bin/sh -c 'cat /etc/motd /etc/issue; ls /newfile 2>&1; true'
assert_eq "top
base-only
ls: /newfile: No such file or directory" "$(cat "$TMP_DIR/stdout")" "the second container"
