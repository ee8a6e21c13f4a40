#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --shared puts a private mount in a new peer group; -r does so beneath too.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
mount_tree
mount --make-rprivate "$A" || hard_error "mount --make-rprivate"

assert_status 0 "mkprop --shared" -- "$MKPROP" --shared "$A"
assert_match '^shared:[0-9]+$' "$(optional_fields "$A")" "$A after --shared"
assert_eq "" "$(optional_fields "$A/sub")" "$A/sub after --shared (not recursive)"

assert_status 0 "mkprop --shared --recursive" -- "$MKPROP" --shared --recursive "$A"
top=$(optional_fields "$A")
sub=$(optional_fields "$A/sub")
assert_match '^shared:[0-9]+$' "$sub" "$A/sub after --shared -r"
assert_ne "$top" "$sub" "peer groups of $A and $A/sub"

# and it really propagates: a mount under a bind (a peer) shows in $A
mkdir "$TMP_DIR/peer" && mount --bind "$A" "$TMP_DIR/peer" || hard_error "bind"
on_exit "umount -R '$TMP_DIR/peer'"
mkdir "$A/new" && mount -t tmpfs new "$TMP_DIR/peer/new" || hard_error "mount on peer"
grep -q " $A/new " /proc/self/mountinfo || fail "a mount on the peer did not propagate to $A"
