#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The command gets 0, 1, 2 and what --preserve-fds and --keep-fd name: a
# directory of the old root open in the caller does not reach the new one.
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
exec 3</ 7</ 9</

# ls's own directory takes the lowest free descriptor
assert_status 0 "nsroot" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc "$ROOT" -- /bin/ls -1 /proc/self/fd
assert_eq "0 1 2 3" "$(sort -n "$TMP_DIR/stdout" | tr '\n' ' ' | sed 's/ $//')" "only 0, 1, 2"
assert_status 0 "nsroot --proc" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc "$ROOT" -- \
	/bin/sh -c 'ls /proc/1/fd/7/ 2>&1; ls -1 /proc/self/fd | sort -n | tr "\n" " "'
assert_no_match 'bin|etc|usr' "$(cat "$TMP_DIR/stdout")" "the old root through fd 7"
assert_status 0 "--preserve-fds 1 --keep-fd 9" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc \
	--preserve-fds 1 --keep-fd 9 "$ROOT" -- /bin/ls -1 /proc/self/fd
assert_eq "0 1 2 3 4 9" "$(sort -n "$TMP_DIR/stdout" | tr '\n' ' ' | sed 's/ $//')" \
	"3 and 9 pass"
assert_status 125 "--keep-fd 1" -- "$NSROOT" --keep-fd 1 "$ROOT" -- /bin/true
assert_one_line_error nsroot "--keep-fd 1: not a descriptor of 3 or more"
