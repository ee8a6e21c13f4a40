#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --bind/--ro-bind SRC:/ make SRC the new root itself (bwrap's --ro-bind /
# /): the other mounts go on top of it, a read-only one stays read-only
# beneath them, and a failure leaves nothing mounted.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
require_root
isolate
require_tool nsroot
require_tool nsrun
ROOT=$TMP_DIR/root
make_root "$ROOT"
no_leak_check_after_pivot
echo from-the-image >"$ROOT/etc/motd"
mkdir "$TMP_DIR/new" "$TMP_DIR/src"

# read-only image as /, a fresh /tmp and /proc on it, a writable /data
assert_status 0 "nsroot --ro-bind ROOT:/" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc --tmp \
	--ro-bind "$ROOT:/" --bind "$TMP_DIR/src:/data" "$TMP_DIR/new" -- /bin/sh -c '
	cat /etc/motd
	touch /etc/x 2>&1; touch /tmp/x && echo tmp writable; touch /data/x && echo data writable
	awk "\$5 == \"/\" { split(\$6, o, \",\"); print \$5, o[1] }" /proc/self/mountinfo'
assert_eq "from-the-image
touch: /etc/x: Read-only file system
tmp writable
data writable
/ ro" "$(cat "$TMP_DIR/stdout")" "inside, with --ro-bind ROOT:/"
[ -e "$TMP_DIR/src/x" ] || fail "the write to /data did not reach its source"
[ ! -e "$ROOT/etc/x" ] || fail "a file was written through the read-only root"
[ -z "$(ls -A "$TMP_DIR/new")" ] || fail "NEWROOT itself was written: $(ls -A "$TMP_DIR/new")"

# read-write: writes land in the source
assert_status 0 "nsroot --bind ROOT:/" -- "$NSRUN" --mount -- "$NSROOT" --bind "$ROOT://" \
	"$TMP_DIR/new" -- /bin/sh -c 'echo written >/etc/y'
assert_eq written "$(cat "$ROOT/etc/y")" "a write through --bind ROOT:/"

# a missing source: one line, 125, nothing left mounted
fails_clean "$TMP_DIR/nosrc: opening the bind source: No such file or directory\$" \
	--ro-bind "$TMP_DIR/nosrc:/" "$TMP_DIR/new" -- /bin/true

# "/." and "//" are "/" too; ".." is refused
assert_status 0 "nsroot --bind ROOT:/." -- "$NSRUN" --mount -- "$NSROOT" --bind "$ROOT:/." \
	"$TMP_DIR/new" -- /bin/cat /etc/motd
assert_eq from-the-image "$(cat "$TMP_DIR/stdout")" "a file of the image through --bind ROOT:/."
assert_status 125 "nsroot --bind with .." -- "$NSROOT" --bind "$ROOT:/a/../b" "$TMP_DIR/new" -- /bin/true
assert_one_line_error nsroot "--bind $ROOT:/a/../b: DST may not contain '..'"
# one new root only: two binds onto /, or one and --overlay, are refused
assert_status 125 "two binds onto /" -- "$NSROOT" --bind "$ROOT:/" --ro-bind "$TMP_DIR/src:/" \
	"$TMP_DIR/new" -- /bin/true
assert_one_line_error nsroot "two binds onto / \\('$ROOT' and '$TMP_DIR/src'\\): one new root only"
assert_status 125 "--overlay and a bind onto /" -- "$NSROOT" --overlay "$ROOT" \
	--bind "$TMP_DIR/src:/" "$TMP_DIR/new" -- /bin/true
assert_one_line_error nsroot "--overlay and a bind onto / \\('$TMP_DIR/src'\\) would both be the new root"

# a step after the bind onto / fails: it is undone with the rest
mkdir "$TMP_DIR/notmp"
fails_clean "$TMP_DIR/new/tmp: mounting a tmpfs: No such file or directory\$" \
	--ro-bind "$TMP_DIR/notmp:/" --tmp "$TMP_DIR/new" -- /bin/true
