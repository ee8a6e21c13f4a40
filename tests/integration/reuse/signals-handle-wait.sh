#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# INT, TERM and HUP reaching a tool while it waits on stdin for its handle
# (in a pipeline whose first step has not printed yet) end it with 128+N
# and nothing done: no map written, no group made, no link, no release.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd ip
isolate
# a group name of this run's own: another checkout may run this test at
# the same time in the same cgroup (TMP_DIR's suffix is unique)
BOX=reuse-box-${TMP_DIR##*.}

fifo=$TMP_DIR/handle
mkfifo "$fifo" || hard_error "mkfifo"
# held open for writing, never written: a reader blocks in read(2)
exec 3<>"$fifo"

target=$("$NSRUN" --user --net --mount --detach --hold -- touch "$TMP_DIR/ran") ||
	hard_error "nsrun --detach --hold failed"
kill_later "$target"

# waits NAME TOOL ARG...: TOOL, its stdin the FIFO, signalled with each
# of INT, TERM and HUP as it waits there
waits() {
	_what=$1
	shift
	for _sig in $(ending_signals); do
		with_signals "$@" <"$fifo" >"$TMP_DIR/stdout" 2>"$TMP_DIR/stderr" &
		_pid=$!
		kill_later "$_pid"
		wait_in_syscall "$_pid" read
		assert_ended_by "$_sig" "$_pid" "$_what"
		assert_eq "" "$(cat "$TMP_DIR/stdout" "$TMP_DIR/stderr")" "$_what: output"
	done
}

waits nsmap "$NSMAP" --uid 0:100000:1 --gid 0:100000:1
assert_eq "" "$(cat "/proc/$target/uid_map")" "the target's uid_map"
waits vethup "$VETHUP" --addr 10.9.0.2/24 --host-addr 10.9.0.1/24
assert_eq 1 "$(ip -o link show | wc -l)" "the links here (lo only)"
assert_eq 1 "$(nsenter -t "$target" -n ip -o link show | wc -l)" "the target's links (lo only)"
waits "cgctl attach" "$CGCTL" attach "$BOX" --parent self --create
on_exit '"$CGCTL" delete "$BOX" --parent self --kill'
assert_status 125 "the group" -- "$CGCTL" stat "$BOX" --parent self
assert_one_line_error cgctl "$BOX: no such group"
waits "mkprop -t -" "$MKPROP" -t - --private /
waits "nsjoin" "$NSJOIN" --uts -- touch "$TMP_DIR/joined"
[ ! -e "$TMP_DIR/joined" ] || fail "nsjoin ran its command"
waits "nsrun --release" "$NSRUN" --release
assert_eq nsrun-held "$(cat "/proc/$target/comm")" "the target (still held)"
[ ! -e "$TMP_DIR/ran" ] || fail "the target was released"
