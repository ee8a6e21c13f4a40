#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# After nsroot, the old root is neither visible nor mounted: the mount
# table holds the new root and what nsroot mounted (proc, and its masks
# beneath /proc, which proc-mask.sh checks), nothing else.
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
echo outside >"$TMP_DIR/marker"

assert_status 0 "nsroot --proc" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc "$ROOT" -- /bin/sh -c '
	awk "{ print \$4, \$5 }" /proc/self/mountinfo
	echo ---; cd /..; ls -a
	echo ---; cat "$1" 2>&1; true' sh "$TMP_DIR/marker"
out=$(cat "$TMP_DIR/stdout")
mounts=$(printf '%s\n' "$out" | sed '/^---$/,$d' | awk '$2 !~ /^\/proc\//')
assert_eq 2 "$(printf '%s\n' "$mounts" | wc -l)" "number of mounts inside: $mounts"
assert_match "/${ROOT#/*/} /\$" "$(printf '%s\n' "$mounts" | sed -n 1p)" "the root mount is the bind of $ROOT"
assert_eq "/ /proc" "$(printf '%s\n' "$mounts" | sed -n 2p)" "the proc mount"
listing=$(printf '%s\n' "$out" | sed -n '/^---$/,/^---$/p' | sed '/^---$/d' | tr '\n' ' ')
assert_eq ". .. bin data dev etc proc sys tmp " "$listing" "/.. inside"
assert_match "can't open '$TMP_DIR/marker': No such file or directory" \
	"$(printf '%s\n' "$out" | tail -n 1)" "a file of the old root"
assert_eq "" "$(cat "$TMP_DIR/stderr")" "stderr"
