#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Root's common run allocates nothing: the maps' first ranges are held in
# nsmap's options (no malloc: no brk but the loader's, no getrandom of
# malloc's start), and a request longer than they hold moves to the heap
# whole (issue 19: bench/nsmap.sh).
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
require_tool nsmap
require_cmd strace
isolate

trace=$TMP_DIR/trace
hold_as_root sleep 60
h=$HELD
assert_status 0 "traced nsmap" -- strace -qq -o "$trace" -e trace=brk,getrandom,mmap \
	"$NSMAP" -t "$h" --uid 0:100000:65536 --gid 0:100000:65536
assert_eq "0 100000 65536" "$(map_text "$h" uid_map)" "uid_map"
assert_eq "0 100000 65536" "$(map_text "$h" gid_map)" "gid_map"
assert_eq 1 "$(grep -c '^brk(' "$trace")" "brk calls (the loader's alone): $(cat "$trace")"
! grep -q '^getrandom(' "$trace" || fail "malloc started: $(cat "$trace")"

# five ranges, more than the options hold: every one written, in order
hold_as_root sleep 60
h=$HELD
assert_status 0 "nsmap, five ranges" -- "$NSMAP" -t "$h" --uid 0:100000:10 --uid 10:200000:10 \
	--uid 20:300000:10 --uid 30:400000:10 --uid 40:500000:10 --gid 0:100000:1
assert_eq "0 100000 10;10 200000 10;20 300000 10;30 400000 10;40 500000 10" \
	"$(map_text "$h" uid_map)" "uid_map of five ranges"
assert_eq "0 100000 1" "$(map_text "$h" gid_map)" "gid_map"
