#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --unbindable makes a mount private and unbindable; -r does so beneath too.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
mount_tree

assert_status 0 "mkprop --unbindable" -- "$MKPROP" --unbindable "$A/sub"
assert_eq "unbindable" "$(optional_fields "$A/sub")" "$A/sub after --unbindable"
assert_match '^shared:[0-9]+$' "$(optional_fields "$A")" "$A untouched"
mkdir "$TMP_DIR/b"
! mount --bind "$A/sub" "$TMP_DIR/b" 2>/dev/null || fail "an unbindable mount was bound"

assert_status 0 "mkprop --unbindable -r" -- "$MKPROP" --unbindable -r "$A"
assert_eq "unbindable" "$(optional_fields "$A")" "$A after --unbindable -r"
assert_eq "unbindable" "$(optional_fields "$A/sub")" "$A/sub after --unbindable -r"
