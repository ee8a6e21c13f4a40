#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# mkprop ... -- CMD execs CMD after the change (the same process), with its
# exit status; 127 for a command not found.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
mount_tree

# the command sees the change, runs as mkprop's own process, and its
# status is mkprop's
script='awk -v p="$1" '\''$5 == p { print $7 }'\'' /proc/self/mountinfo; echo "$$ $PPID"; exit 7'
assert_status 7 "mkprop --private -r A -- sh" -- \
	"$MKPROP" --private -r "$A" -- sh -c "$script" sh "$A/sub"
assert_eq "-" "$(sed -n 1p "$TMP_DIR/stdout")" "propagation seen by the command"
read -r pid ppid <<EOF2
$(sed -n 2p "$TMP_DIR/stdout")
EOF2
assert_eq "$$" "$ppid" "the command's parent (mkprop exec'd it)"
assert_ne "$$" "$pid" "the command's pid"

# chains with itself and other tools: options after the operands stop at --
assert_status 0 "mkprop chained twice" -- \
	"$MKPROP" --shared "$A" -- "$MKPROP" --slave -r "$A/sub" -- true
assert_match '^shared:[0-9]+$' "$(optional_fields "$A")" "$A after the chain"
assert_eq "" "$(optional_fields "$A/sub")" "$A/sub: a private mount made a slave stays private"

assert_status 127 "command not found" -- "$MKPROP" --private "$A" -- /nonexistent/cmd
assert_one_line_error mkprop "/nonexistent/cmd: command not found"
