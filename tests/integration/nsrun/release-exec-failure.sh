#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun --release returns once the held command runs: a command that cannot
# be run is reported by --release, in one line, with 127 (not found), 126
# (not runnable) or 125 (its set-up failed), and nothing is left: the held
# process ends and the namespace files nsrun --detach made go (a file that
# was there, empty, stays empty; one named relative to where nsrun
# --detach ran goes too). Bare and under the init.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
ns_file_dir
d=$NS_DIR
: >"$TMP_DIR/not-exec"	# found, but not executable
# the commands' marker, unique to this run (pids_with_arg looks at every
# process of the machine)
mark=4243.27$$

# hold OPTION... -- COMMAND...: a held nsrun with files in $d; its handle
# in $pid
hold() {
	pid=$("$NSRUN" --net="$d/net" --uts="$d/uts" --detach --hold "$@") ||
		fail "nsrun --detach --hold $*"
	kill_later "$pid"
	assert_eq "nsfs nsfs" "$(stat -f -c %T "$d/net" "$d/uts" | tr '\n' ' ' | sed 's/ $//')" \
		"the files hold the namespaces while held"
}

nothing_left() {
	# $1: what was tried
	assert_eq "" "$(cat "$TMP_DIR/stdout")" "$1: --release printed nothing"
	# --release has waited for the held process: at most a zombie is left
	[ ! -e "/proc/$pid/status" ] || grep -q '^State:.*Z' "/proc/$pid/status" ||
		fail "$1: the held process $pid is still there"
	assert_eq "" "$(pids_with_arg "$mark")" "$1: processes left"
	assert_ns_dir_empty "$1"
}

for opts in "" "--pid"; do
	what="--release${opts:+ of $opts}"
	# shellcheck disable=SC2086 # opts: no option or one
	hold $opts -- /nonexistent/nskit-cmd "$mark"
	assert_status 127 "$what: not found" -- "$NSRUN" --release -t "$pid"
	assert_one_line_error nsrun "/nonexistent/nskit-cmd: command not found\$"
	nothing_left "$what: not found"

	# the handle from stdin is not echoed when the release failed
	# shellcheck disable=SC2086
	hold $opts -- "$TMP_DIR/not-exec" "$mark"
	echo "$pid" >"$TMP_DIR/handle"
	assert_status 126 "$what: not runnable" -- sh -c '"$1" --release <"$2"' sh \
		"$NSRUN" "$TMP_DIR/handle"
	assert_one_line_error nsrun "$TMP_DIR/not-exec: Permission denied\$"
	nothing_left "$what: not runnable"

	# the command's own set-up fails (exec_prepare: --wd)
	# shellcheck disable=SC2086
	hold $opts --wd /nonexistent/nskit -- sleep "$mark"
	assert_status 125 "$what: bad --wd" -- "$NSRUN" --release -t "$pid"
	assert_one_line_error nsrun "/nonexistent/nskit: chdir: No such file or directory\$"
	nothing_left "$what: bad --wd"

	# an empty file that was there before is unmounted, and stays
	: >"$d/net"
	# shellcheck disable=SC2086
	hold $opts -- /nonexistent/nskit-cmd "$mark"
	assert_status 127 "$what: a file that was there" -- "$NSRUN" --release -t "$pid"
	assert_eq "$d/net" "$(ls "$d"/*)" "$what: the file that was there stays, alone"
	assert_eq "0 regular empty file" "$(stat -c '%s %F' "$d/net")" \
		"$what: the file that was there, as it was"
	rm "$d/net"
	nothing_left "$what: a file that was there"

	# files named relative to --detach's directory, released from another
	# (as they are: --release runs where it likes)
	# shellcheck disable=SC2086
	pid=$(cd "$d" && "$NSRUN" --net=net $opts --detach --hold -- /nonexistent/nskit-cmd "$mark") ||
		fail "$what: --detach --hold with a relative file name"
	kill_later "$pid"
	assert_status 127 "$what: a relative file name" -- sh -c 'cd / && "$1" --release -t "$2"' sh \
		"$NSRUN" "$pid"
	assert_one_line_error nsrun "/nonexistent/nskit-cmd: command not found\$"
	nothing_left "$what: a relative file name"

	# a command that runs: --release returns once it has been exec'd
	# shellcheck disable=SC2086
	hold $opts -- sleep "$mark"
	assert_status 0 "$what: a command that runs" -- "$NSRUN" --release -t "$pid"
	cmd=$pid
	[ -z "$opts" ] || cmd=$(children_of "$pid")
	assert_eq "sleep $mark " "$(tr '\0' ' ' <"/proc/$cmd/cmdline")" \
		"$what: the command runs when --release returns"
	kill -KILL "$pid"
	wait_for "[ -z \"\$(pids_with_arg $mark)\" ]" || fail "$what: the held process did not end"
	umount "$d/net" "$d/uts" && rm "$d/net" "$d/uts" || hard_error "removing the files"
done
