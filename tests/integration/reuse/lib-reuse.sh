# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# Helpers of the PID reuse tests (sourced after lib.sh): a target dies and
# a new process takes its PID between the moment its handle was written
# and the moment a tool acts on it; the tool must refuse, and leave the
# new process as it was.
#
# The test runs in a PID namespace of its own (reuse_isolate), where it is
# PID 1 and the only process that forks: writing ns_last_pid there makes
# the next process it starts take the PID it names. The tools see the PIDs
# of that namespace, as their handles are written there.
#
# A tool is held at one point of its run by lib.sh's paused and resume.

# reuse_isolate: re-run the test in new mount, network and PID namespaces,
# with a proc of the new PID namespace.
reuse_isolate() {
	require_root
	require_cmd strace unshare
	isolate --mount --net --pid --fork --mount-proc
	[ $$ = 1 ] || hard_error "not PID 1 of a PID namespace of its own"
}

# reap PID: kill a process that this test started and wait until it is
# reaped (its PID free again). A process whose parent has gone is this
# shell's child (PID 1): any wait reaps it.
reap() {
	kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	_n=0
	while [ -e "/proc/$1" ]; do
		[ $_n -lt 500 ] || hard_error "process $1 was not reaped"
		true &
		wait $! 2>/dev/null
		_n=$((_n + 1))
	done
	return 0
}

# take_pid PID START: have START (a function that starts one process and
# sets STARTED to its PID) start the process that takes PID, which must be
# free. START may fork before that process (a command substitution, a
# tool's own fork): the next PID is set 1, 2, ... below PID until it lands.
take_pid() {
	_off=1
	while [ $_off -le 4 ]; do
		echo $(($1 - _off)) >/proc/sys/kernel/ns_last_pid || hard_error "writing ns_last_pid"
		STARTED=
		$2
		[ "$STARTED" = "$1" ] && return 0
		[ -n "$STARTED" ] && reap "$STARTED"
		_off=$((_off + 1))
	done
	hard_error "$2 did not start a process with PID $1"
}

# start_sleeper COMMAND...: start COMMAND in the background, a command
# that sets up a process (unshare ...) and execs sleep; STARTED is its PID
# once it sleeps, its set-up done.
start_sleeper() {
	"$@" &
	STARTED=$!
	wait_for "[ \"\$(cat /proc/$STARTED/comm 2>/dev/null)\" = sleep ]" ||
		hard_error "$* did not start"
}

# have_pidfs_or_skip: PID:INODE handles need pidfs (Linux 6.9+).
# (lib.sh's have_pidfs compares this shell with PID 1: here, the same.)
have_pidfs_or_skip() {
	require_cmd perl
	sleep 100 &
	_other=$(pidfd_inode $!)
	reap $!
	[ -n "$_other" ] && [ "$_other" != "$(pidfd_inode $$)" ] ||
		skip "pidfds have no inodes of their own (pidfs, Linux 6.9+)"
}

# reuse_cases TOOL ARG...: the two windows of a tool that acts on a target
# (its command line: TOOL -t HANDLE ARG...), each time with the target
# gone and its PID taken by a successor:
#   1. a PID:INODE handle written while the target lived: the inode names
#      the target, not its successor;
#   2. a bare PID piped in (-t -): the target ends after the tool opened
#      its pidfd, and the successor takes the PID before the tool goes on
#      to open /proc/PID.
# Each time: exit 125, one line, nothing on stdout, and the successor as
# it was. The test defines start_target and start_successor (see
# take_pid), assert_untouched PID, and control PID: the same tool acting
# on the successor through a handle that is its own, with the effect that
# assert_untouched would catch (so that the test can fail). GONE_ERROR is
# the pattern of case 2's line after "TOOL: ", @PID@ standing for the PID
# (default: "handle @PID@: no such process").
reuse_cases() {
	_tool=$1
	shift
	_name=$(basename "$_tool")
	have_pidfs_or_skip

	start_target
	_pid=$STARTED
	_inode=$(pidfd_inode "$_pid") || hard_error "no pidfs inode"
	reap "$_pid"
	take_pid "$_pid" start_successor
	assert_status 125 "a PID:INODE handle of a process gone" -- "$_tool" -t "$_pid:$_inode" "$@"
	assert_one_line_error "$_name" "handle $_pid:$_inode: .*not the process the handle named$"
	assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout"
	assert_untouched "$_pid"
	control "$_pid"
	reap "$_pid"

	start_target
	_pid=$STARTED
	paused pidfd_open 1 "$_pid" "$_tool" -t - "$@"
	reap "$_pid"
	take_pid "$_pid" start_successor
	resume
	assert_eq 125 "$PAUSED_STATUS" "exit status, the target gone after its pidfd was opened"
	_gone=$(printf '%s' "${GONE_ERROR:-handle @PID@: no such process}" | sed "s/@PID@/$_pid/g")
	assert_one_line_error "$_name" "$_gone\$"
	assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout"
	assert_untouched "$_pid"
	control "$_pid"
	reap "$_pid"
}
