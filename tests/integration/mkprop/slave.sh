#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --slave turns a peer into a slave of its group (master:N, N being the
# group's id); -r does so beneath too.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
mount_tree
B=$TMP_DIR/b
mkdir "$B" && mount --rbind "$A" "$B" || hard_error "mount --rbind $A $B"
on_exit "umount -R '$B'"
group=$(optional_fields "$A")
subgroup=$(optional_fields "$A/sub")
assert_eq "$group" "$(optional_fields "$B")" "$B is a peer of $A"

assert_status 0 "mkprop --slave" -- "$MKPROP" --slave "$B"
assert_eq "master:${group#shared:}" "$(optional_fields "$B")" "$B after --slave"
assert_eq "$group" "$(optional_fields "$A")" "$A stays shared"
assert_eq "$subgroup" "$(optional_fields "$B/sub")" "$B/sub after --slave (not recursive)"

assert_status 0 "mkprop --slave -r" -- "$MKPROP" --slave -r "$B"
assert_eq "master:${subgroup#shared:}" "$(optional_fields "$B/sub")" "$B/sub after --slave -r"

# a slave receives: a mount under $A appears under $B, not the reverse
mkdir "$A/in" "$A/out"
mount -t tmpfs in "$A/in" || hard_error "mount on $A/in"
grep -q " $B/in " /proc/self/mountinfo || fail "a mount on the master did not reach the slave"
mount -t tmpfs out "$B/out" || hard_error "mount on $B/out"
! grep -q " $A/out " /proc/self/mountinfo || fail "a mount on the slave reached the master"
