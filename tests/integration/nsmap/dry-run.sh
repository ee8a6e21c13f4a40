#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --dry-run prints what would be written, in order, and writes nothing; a
# request it would refuse gives the refusal and status 125.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
isolate
user_fixture

hold_as_user sleep 60
h=$HELD
assert_status 0 "dry run" -- as_user "$CAP_NSMAP" -t "$h" --dry-run --root --uid 1:$FIX_SUBUID:5
assert_eq "/proc/$h/setgroups: deny
/proc/$h/uid_map: 1 $FIX_SUBUID 5
/proc/$h/uid_map: 0 $FIX_UID 1
/proc/$h/gid_map: 0 $FIX_GID 1" "$(cat "$TMP_DIR/stdout")" "the plan"
assert_eq "" "$(cat "$TMP_DIR/stderr")" "stderr of a dry run"
assert_unmapped "$h"
assert_eq allow "$(cat "/proc/$h/setgroups")" "setgroups after a dry run"

# piped: the output is the plan, not the handle
out=$(echo "$h" | as_user "$CAP_NSMAP" --dry-run --uid 0:$FIX_SUBUID:1) || fail "piped dry run"
assert_eq "/proc/$h/uid_map: 0 $FIX_SUBUID 1" "$out" "piped dry run output"

assert_status 125 "refused dry run" -- as_user "$CAP_NSMAP" -t "$h" --dry-run --uid 0:0:1
assert_eq "/proc/$h/uid_map: 0 0 1" "$(cat "$TMP_DIR/stdout")" "the plan of a refused request"
assert_one_line_error nsmap "/proc/$h/uid_map: range 0:0:1 is neither your own uid $FIX_UID"
assert_unmapped "$h"

# the real thing afterwards
assert_status 0 "after the dry runs" -- as_user "$CAP_NSMAP" -t "$h" --root
assert_eq "0 $FIX_UID 1" "$(map_text "$h" uid_map)" "uid_map"
