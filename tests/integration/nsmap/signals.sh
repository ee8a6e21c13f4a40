#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The maps are written whole or not at all: a TERM that reaches nsmap
# between its write of uid_map and that of gid_map (strace holds it on its
# return from the first) ends it (143) only once gid_map is written too.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_tool nsmap
require_cmd strace unshare

unshare --user sleep 1000 &
target=$!
kill_later "$target"
wait_for "[ \"\$(cat /proc/$target/comm)\" = sleep ]" || hard_error "unshare --user did not start"

paused write 1 "" "$NSMAP" -t "$target" --uid 0:100000:1 --gid 0:100000:1
assert_match '^ *0 +100000 +1$' "$(cat "/proc/$target/uid_map")" "uid_map, as nsmap is held"
assert_eq "" "$(cat "/proc/$target/gid_map")" "gid_map, as nsmap is held"
kill -TERM "$PAUSED"
resume
assert_eq 143 "$PAUSED_STATUS" "nsmap's exit status after TERM"
assert_match '^ *0 +100000 +1$' "$(cat "/proc/$target/gid_map")" "gid_map after TERM"
