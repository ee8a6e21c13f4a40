#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun --detach prints the handle only once the command runs: a command
# that cannot be run is reported at once, in one line, with 127 (not
# found), 126 (not runnable) or 125 (its set-up failed), no handle, and
# nothing left: no holder, no init, no namespace file. Bare and under the
# init.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
ns_file_dir
d=$NS_DIR
: >"$TMP_DIR/not-exec"	# found, but not executable
# the commands' marker, unique to this run (pids_with_arg looks at every
# process of the machine)
mark=4243.26$$

nothing_left() {
	# $1: what was tried
	assert_eq "" "$(cat "$TMP_DIR/stdout")" "$1: no handle printed"
	assert_ns_dir_empty "$1"
	# nsrun has waited for its holder: not even the init is left
	assert_eq "" "$(pids_with_arg "$mark")" "$1: processes left"
}

for opts in "" "--pid"; do
	what="--detach${opts:+ $opts}"
	# shellcheck disable=SC2086 # opts: no option or one
	assert_status 127 "$what: not found" -- \
		"$NSRUN" --net="$d/net" $opts --detach --log "$TMP_DIR/log" -- \
		/nonexistent/nskit-cmd "$mark"
	assert_one_line_error nsrun "/nonexistent/nskit-cmd: command not found\$"
	assert_eq "" "$(cat "$TMP_DIR/log")" "$what: the line goes to nsrun's stderr, not the log"
	nothing_left "$what: not found"

	# shellcheck disable=SC2086
	assert_status 126 "$what: not runnable" -- \
		"$NSRUN" --net="$d/net" $opts --detach -- "$TMP_DIR/not-exec" "$mark"
	assert_one_line_error nsrun "$TMP_DIR/not-exec: Permission denied\$"
	nothing_left "$what: not runnable"

	# the command's own set-up fails (exec_prepare: --wd)
	# shellcheck disable=SC2086
	assert_status 125 "$what: bad --wd" -- \
		"$NSRUN" --net="$d/net" $opts --detach --wd /nonexistent/nskit -- sleep "$mark"
	assert_one_line_error nsrun "/nonexistent/nskit: chdir: No such file or directory\$"
	nothing_left "$what: bad --wd"

	# a command that runs: the handle comes once it has been exec'd
	# shellcheck disable=SC2086
	pid=$("$NSRUN" --net="$d/net" $opts --detach -- sleep "$mark") ||
		fail "$what: a command that runs"
	kill_later "$pid"
	assert_eq nsfs "$(stat -f -c %T "$d/net")" "$what: the file holds the namespace"
	cmd=$pid
	[ -z "$opts" ] || cmd=$(children_of "$pid")
	assert_eq "sleep $mark " "$(tr '\0' ' ' <"/proc/$cmd/cmdline")" \
		"$what: the command runs when nsrun returns"
	kill -KILL "$pid"
	wait_for "[ -z \"\$(pids_with_arg $mark)\" ]" || fail "$what: the holder did not end"
	umount "$d/net" && rm "$d/net" || hard_error "removing $d/net"
done
