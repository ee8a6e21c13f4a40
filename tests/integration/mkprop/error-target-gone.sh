#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A target that has exited: one line, exit 125, nothing changed.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
require_tool mkprop
sleep 600 &
pid=$!
kill -KILL "$pid"
wait "$pid"
before=$(cat /proc/self/mountinfo)

assert_status 125 "target gone" -- "$MKPROP" -t "$pid" --private -r /
assert_one_line_error mkprop "handle $pid: no such process\$"
assert_status 125 "--show, target gone" -- "$MKPROP" --show -t "$pid"
assert_one_line_error mkprop "handle $pid: no such process\$"
assert_eq "$before" "$(cat /proc/self/mountinfo)" "mountinfo after the failure"
