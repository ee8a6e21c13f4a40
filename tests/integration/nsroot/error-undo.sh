#!/bin/sh
# A step that fails before the pivot: one line naming the path and the
# step, exit 125, and every mount nsroot made is gone again.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
require_root
isolate
require_tool nsroot
require_tool nsrun
ROOT=$TMP_DIR/root
make_root "$ROOT"
rmdir "$ROOT/tmp"
mkdir "$TMP_DIR/src"

# run in a shell that shares nsroot's namespace, to see its mounts after
script='d=$1; shift
	awk "{ print \$5 }" /proc/self/mountinfo >"$d/before"
	"$@"; echo "status $?" >"$d/status"
	awk "{ print \$5 }" /proc/self/mountinfo >"$d/after"'
check() {
	_pattern=$1
	shift
	assert_status 0 "nsroot $*" -- "$NSRUN" --mount -- sh -c "$script" sh "$TMP_DIR" "$NSROOT" "$@"
	assert_eq "status 125" "$(cat "$TMP_DIR/status")" "status of nsroot $*"
	mv "$TMP_DIR/stdout" "$TMP_DIR/out"
	assert_one_line_error nsroot "$_pattern"
	cmp -s "$TMP_DIR/before" "$TMP_DIR/after" ||
		fail "left mounted: $(diff "$TMP_DIR/before" "$TMP_DIR/after" | grep '^>')"
}

# the last step fails, after a bind and dev (eight mounts) were mounted
check "$ROOT/tmp: mounting a tmpfs: No such file or directory\$" \
	--bind "$TMP_DIR/src:/data" --dev --tmp "$ROOT" -- /bin/true
check "$ROOT/nodir: bind mount: No such file or directory\$" \
	--bind "$TMP_DIR/src:/nodir" "$ROOT" -- /bin/true
check "$TMP_DIR/nosrc: opening the bind source: No such file or directory\$" \
	--ro-bind "$TMP_DIR/nosrc:/data" "$ROOT" -- /bin/true
check "$TMP_DIR/noroot: binding it onto itself: No such file or directory\$" \
	"$TMP_DIR/noroot" -- /bin/true
check "$TMP_DIR/noroot: mounting the overlay's tmpfs: No such file or directory\$" \
	--overlay "$ROOT" "$TMP_DIR/noroot" -- /bin/true
mkdir "$TMP_DIR/empty"
check "$TMP_DIR/empty: mounting the overlay: No such file or directory\$" \
	--overlay "$TMP_DIR/nolayer" "$TMP_DIR/empty" -- /bin/true
