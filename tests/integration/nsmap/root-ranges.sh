#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# As root: ranges given with --uid/--gid are written exactly, setgroups is
# left alone, and a handle piped in is echoed to stdout.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
require_tool nsmap
isolate

hold_as_root sleep 60
h=$HELD
out=$(echo "$h" | "$NSMAP" --uid 0:100000:65536 --uid 65536:1000:1 --gid 0:100000:65536) ||
	fail "nsmap exit status $?"
assert_eq "$h" "$out" "the piped handle echoed"
assert_eq "0 100000 65536;65536 1000 1" "$(map_text "$h" uid_map)" "uid_map"
assert_eq "0 100000 65536" "$(map_text "$h" gid_map)" "gid_map"
assert_eq allow "$(cat "/proc/$h/setgroups")" "setgroups left alone"

# -t: nothing on stdout; --setgroups deny is written before gid_map
hold_as_root sleep 60
h=$HELD
assert_status 0 "nsmap -t" -- "$NSMAP" -t "$h" --root --setgroups deny
assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout with -t"
assert_eq "0 0 1" "$(map_text "$h" uid_map)" "--root uid_map"
assert_eq "0 0 1" "$(map_text "$h" gid_map)" "--root gid_map"
assert_eq deny "$(cat "/proc/$h/setgroups")" "setgroups"
