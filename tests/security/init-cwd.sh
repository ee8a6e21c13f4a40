#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A container started from a directory other than / (examples/container.sh
# does `cd /` first; a script of one's own may not): nsrun's init, PID 1,
# still moves to / so that nsroot's pivot takes it into the new root. From
# the host, its working directory is its root directory; from inside,
# /proc/1/cwd does not open and nothing leads out. DESIGN.md, "The security
# rule".
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/security/helpers.sh
. "$NSKIT_SRCDIR/tests/security/helpers.sh"
build_attack
ROOT=$TMP_DIR/root
make_root "$ROOT"
install -o 100000 -g 100000 -m 755 "$ATTACK" "$ROOT/bin/attack" || hard_error "install attack"
before=$(snapshot)

mkdir "$TMPDIR/elsewhere" && cd "$TMPDIR/elsewhere" || hard_error "cd $TMPDIR/elsewhere"
start_container "$ROOT" /bin/sleep 2147483647
cd / || hard_error "cd /"
expect_cwd_is_root "$HOLDER"
# joined as examples/container.sh joins (--root --wd: the holder's directory)
run_inside "$TMP_DIR/out" /bin/attack -o $$ all
expect_attack_clean "the container's root" "$TMP_DIR/out" "$STATUS"

stop_container
rmdir "$TMPDIR/elsewhere"
assert_nothing_left "$before"
finish
