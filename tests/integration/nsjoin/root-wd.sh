#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# -r/--root and -w/--wd: a given directory, or the target's own.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd busybox

mkdir -p "$TMP_DIR/root/bin" "$TMP_DIR/root/inside" "$TMP_DIR/work"
cp "$(command -v busybox)" "$TMP_DIR/root/bin/busybox"
busybox --list 2>/dev/null | grep -qx ls || skip "busybox without ls"
# the target works in $TMP_DIR/work with $TMP_DIR/root as its root
pid=$(cd "$TMP_DIR/work" && "$NSRUN" --uts --detach -- sleep 100) || hard_error "nsrun --detach failed"
kill_later "$pid"

got=$("$NSJOIN" -t "$pid" -u -w -- pwd)
assert_eq "$TMP_DIR/work" "$got" "-w: the target's working directory"
got=$("$NSJOIN" -t "$pid" -u --wd=/tmp -- pwd)
assert_eq /tmp "$got" "--wd=/tmp"
got=$("$NSJOIN" -t "$pid" -u --root="$TMP_DIR/root" -w/ -- /bin/busybox ls /)
assert_eq "bin
inside" "$got" "--root=DIR"
got=$(cd "$TMP_DIR/root/inside" && "$NSJOIN" -t "$pid" -u -r"$TMP_DIR/root" -- /bin/busybox pwd)
# not the directory we are in, which would lead out of the root (nsenter
# keeps it; runc refuses it: CVE-2024-21626)
assert_eq / "$got" "-rDIR without -w: the new root's /"
got=$("$NSJOIN" -t "$pid" -u -r -w -- pwd)
assert_eq "$TMP_DIR/work" "$got" "-r -w: the target's root and working directory"
assert_status 125 "a missing root" -- "$NSJOIN" -t "$pid" -u --root="$TMP_DIR/none" -- true
assert_one_line_error nsjoin "$TMP_DIR/none: No such file or directory$"
