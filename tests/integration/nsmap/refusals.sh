#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every refusal is one line naming the file (or process) and the ranges,
# exit status 125, and leaves both maps empty; a corrected request then
# succeeds.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
require_tool nsmap
isolate

hold_as_root sleep 60
h=$HELD

# refused MESSAGE ARGS...: nsmap -t $h ARGS is refused with MESSAGE.
refused() {
	_msg=$1
	shift
	assert_status 125 "nsmap $*" -- "$NSMAP" -t "$h" "$@"
	assert_one_line_error nsmap "$_msg"
	assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout of a refusal"
	assert_unmapped "$h"
	assert_eq allow "$(cat "/proc/$h/setgroups")" "setgroups after a refusal"
}

refused "/proc/$h/uid_map: ranges 0:100000:65536 and 1000:100500:1 overlap\$" \
	--uid 0:100000:65536 --uid 1000:100500:1 --gid 0:100000:65536
refused "/proc/$h/gid_map: ranges 0:100000:10 and 10:100005:10 overlap on the outer side\$" \
	--uid 0:100000:65536 --gid 0:100000:10 --gid 10:100005:10 --setgroups deny
refused "/proc/$h/uid_map: range 0:100000:0 maps no id \\(count 0\\)\$" --uid 0:100000:0
refused "/proc/$h/gid_map: range 4294967000:0:1000 runs past the largest id 4294967294\$" \
	--uid 0:0:1 --gid 4294967000:0:1000
refused "/proc/$h/uid_map: range 0:4294967295:1 runs past the largest id 4294967294\$" \
	--uid 0:4294967295:1
set --
i=0
while [ $i -le 340 ]; do
	set -- "$@" --uid "$i:$((1000 + i)):1"
	i=$((i + 1))
done
refused "/proc/$h/uid_map: 341 ranges, more than the kernel's limit of 340\$" "$@"
# 340 ranges of long numbers are more text than the kernel takes at once
set --
i=0
while [ $i -lt 340 ]; do
	set -- "$@" --uid "$((1000000000 + i)):$((1000000000 + i)):1"
	i=$((i + 1))
done
refused "/proc/$h/uid_map: the map is [0-9]+ bytes of text, more than the kernel accepts \\(4095\\)\$" "$@"
set --
i=0
while [ $i -le 340 ]; do
	set -- "$@" --uid "$i:$((1000 + i)):1"
	i=$((i + 1))
done
# the same request trimmed to 340 ranges is fine
shift 2
assert_status 0 "340 ranges" -- "$NSMAP" -t "$h" "$@"
assert_eq 340 "$(wc -l <"/proc/$h/uid_map")" "lines of uid_map"

# maps already written; setgroups fixed once gid_map is written
assert_status 125 "a second uid map" -- "$NSMAP" -t "$h" --uid 0:0:1
assert_one_line_error nsmap "/proc/$h/uid_map: already written \\(1:1001:1, \\.\\.\\.\\); a map is written once\$"
assert_status 0 "gid map" -- "$NSMAP" -t "$h" --gid 0:0:1
assert_status 125 "setgroups after gid_map" -- "$NSMAP" -t "$h" --setgroups deny
assert_one_line_error nsmap "/proc/$h/setgroups: gid_map is written already, so setgroups can no longer change\$"

# setgroups cannot be allowed again
hold_as_root sleep 60
h2=$HELD
assert_status 0 "deny" -- "$NSMAP" -t "$h2" --setgroups deny
assert_status 125 "allow after deny" -- "$NSMAP" -t "$h2" --setgroups allow --gid 0:0:1
assert_one_line_error nsmap "/proc/$h2/setgroups: denied already; it cannot be allowed again\$"
assert_unmapped "$h2"

# not a child user namespace: our own, and a grandchild
assert_status 125 "own namespace" -- "$NSMAP" -t $$ --uid 0:0:1
assert_one_line_error nsmap "process $$: is in nsmap's own user namespace, not a new one\$"
gc=$("$NSRUN" -U -r -- "$NSRUN" -U --detach --hold -- sleep 60) || fail "nested nsrun"
kill_later "$gc"
assert_status 125 "grandchild" -- "$NSMAP" -t "$gc" --uid 0:0:1
assert_one_line_error nsmap "process $gc: its user namespace is not a child of nsmap's\$"

# a target that has exited
sh -c 'exit 0' &
dead=$!
wait $dead
assert_status 125 "exited target" -- "$NSMAP" -t "$dead" --uid 0:0:1
assert_one_line_error nsmap "handle $dead: no such process\$"

# bad command lines
assert_status 125 "bad range" -- "$NSMAP" -t "$h2" --uid 0:1
assert_one_line_error nsmap "--uid 0:1: not INNER:OUTER:COUNT"
assert_status 125 "nothing to do" -- "$NSMAP" -t "$h2"
assert_one_line_error nsmap "nothing to write"
