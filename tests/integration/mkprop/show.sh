#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --show prints each mount's propagation, peer group and master, as in
# mountinfo; with PATHs, the mount each one is on.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
mount_tree
B=$TMP_DIR/b
mkdir "$B" && mount --bind "$A" "$B" && mount --make-slave "$B" || hard_error "slave bind"
on_exit "umount -R '$B'"
group=$(optional_fields "$A")
group=${group#shared:}
id=$(awk -v p="$A" '$5 == p { print $1 }' /proc/self/mountinfo)

assert_status 0 "mkprop --show A B A/sub/dir" -- "$MKPROP" --show "$A" "$B" "$A/sub"
out=$(cat "$TMP_DIR/stdout")
assert_match '^ *ID +PARENT +PROPAGATION +PEER +MASTER +OPT-FIELDS +TARGET$' "$(echo "$out" | sed -n 1p)" "header"
assert_match "^ *$id +[0-9]+ +shared +$group +shared:$group +$A\$" "$(echo "$out" | sed -n 2p)" "row of $A"
assert_match "^ *[0-9]+ +[0-9]+ +slave +$group +master:$group +$B\$" "$(echo "$out" | sed -n 3p)" "row of $B"
assert_eq 4 "$(echo "$out" | wc -l)" "lines"

# a path inside a mount shows that mount
mkdir "$A/sub/dir"
assert_status 0 "mkprop --show A/sub/dir" -- "$MKPROP" --show "$A/sub/dir"
assert_match " $A/sub\$" "$(sed -n 2p "$TMP_DIR/stdout")" "mount of $A/sub/dir"

# no PATH: every mount of the namespace, one line each
assert_status 0 "mkprop --show" -- "$MKPROP" --show
assert_eq "$(($(mount_count) + 1))" "$(wc -l <"$TMP_DIR/stdout")" "lines of --show"
