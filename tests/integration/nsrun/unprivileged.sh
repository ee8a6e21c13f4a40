#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An unprivileged user becomes root of a new user namespace with -r, and
# can create the other namespaces inside it.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd setpriv
[ "$(cat /proc/sys/user/max_user_namespaces 2>/dev/null || echo 0)" -gt 0 ] || skip "user namespaces are disabled"
if [ -r /proc/sys/kernel/unprivileged_userns_clone ] &&
	[ "$(cat /proc/sys/kernel/unprivileged_userns_clone)" = 0 ]; then
	skip "unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone=0)"
fi
# The tool must be reachable by uid 65534.
cp "$NSRUN" "$TMP_DIR/nsrun"
chmod 755 "$TMP_DIR" "$TMP_DIR/nsrun"

as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
}

assert_eq 0 "$(as_nobody "$TMP_DIR/nsrun" -U -r id -u)" "nsrun -U -r id -u as nobody"
assert_eq "0 65534 1" "$(as_nobody "$TMP_DIR/nsrun" -r cat /proc/self/uid_map | tr -s ' ' | sed 's/^ //')" "uid_map"
assert_eq "65534 65534 1" "$(as_nobody "$TMP_DIR/nsrun" -c cat /proc/self/uid_map | tr -s ' ' | sed 's/^ //')" "-c"
out=$(as_nobody "$TMP_DIR/nsrun" -r -m -p -n -u -i --mount-proc --hostname inner -- sh -c 'hostname; exec ps -e -o pid=,comm=')
assert_eq "inner 1 nsrun 2 ps" "$(echo "$out" | tr -s '\n ' '  ' | sed 's/^ //; s/ $//')" "all namespaces as nobody"
# setgroups allow with a gid map needs a subgid grant (CVE-2018-7169)
assert_status 125 "setgroups allow" -- as_nobody "$TMP_DIR/nsrun" -r --setgroups allow true
assert_one_line_error nsrun "/proc/[0-9]+/setgroups: allow needs a gid range granted by /etc/subgid"
# without a user namespace, nobody may not unshare
assert_status 125 "no privilege" -- as_nobody "$TMP_DIR/nsrun" -n true
assert_one_line_error nsrun "unshare: Operation not permitted"
