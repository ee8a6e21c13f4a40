#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The command runs in --wd (default /) with its own exit status; 127 when
# it is not in the new root; a --wd that is missing fails with one line.
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

assert_status 3 "exit status" -- "$NSRUN" --mount -- "$NSROOT" "$ROOT" -- /bin/sh -c 'pwd; exit 3'
assert_eq / "$(cat "$TMP_DIR/stdout")" "default working directory"
assert_status 0 "--wd" -- "$NSRUN" --mount -- "$NSROOT" --wd /data "$ROOT" -- /bin/pwd
assert_eq /data "$(cat "$TMP_DIR/stdout")" "--wd /data"
# a command of the old root is not found in the new one
assert_status 127 "command not found" -- "$NSRUN" --mount -- "$NSROOT" "$ROOT" -- "$NSROOT" --version
assert_one_line_error nsroot "$NSROOT: command not found\$"
assert_status 125 "missing --wd" -- "$NSRUN" --mount -- "$NSROOT" --wd /missing "$ROOT" -- /bin/true
assert_one_line_error nsroot "/missing: chdir: No such file or directory\$"
assert_status 125 "no command" -- "$NSROOT" "$ROOT"
assert_one_line_error nsroot "no command given"
