#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Bad command lines: one line each, exit 125, nothing changed.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
require_tool mkprop
before=$(cat /proc/self/mountinfo)

check() {
	_pattern=$1
	shift
	assert_status 125 "mkprop $*" -- "$MKPROP" "$@"
	assert_one_line_error mkprop "$_pattern"
}
check "no propagation given" /
check "no mount point given" --private
check "--private and --shared: choose one" --private --shared /
check "--show does not go with --private" --show --private /
check "--show runs no command" --show / -- true
check "--json goes with --show" --private --json /
check "'--' with no command after it" --private / --
assert_eq "$before" "$(cat /proc/self/mountinfo)" "mountinfo"
