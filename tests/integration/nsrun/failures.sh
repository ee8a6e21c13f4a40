#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A failed step leaves nothing behind: no namespace file, no bind mount and
# no process, in the foreground and detached; one error line, exit 125.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
ns_file_dir
d=$NS_DIR
# the commands' marker, unique to this run (pids_with_arg looks at every
# process of the machine)
mark=4243.25$$

nothing_left() {
	# $1: what was tried
	assert_ns_dir_empty "$1"
	assert_eq "" "$(pids_with_arg "$mark")" "$1: processes left"
}

# the second file cannot be created: the first is undone
assert_status 125 "missing directory" -- \
	"$NSRUN" --net="$d/net" --uts="$d/no/such/uts" -- sleep "$mark"
assert_one_line_error nsrun "$d/no/such/uts: create of the uts namespace: No such file or directory"
nothing_left "missing directory"

# a failure after persisting (in the child: --mount-proc on a missing dir)
assert_status 125 "mount-proc failure" -- \
	"$NSRUN" --net="$d/net" --pid --mount-proc=/nonexistent/nskit -- sleep "$mark"
assert_one_line_error nsrun "/nonexistent/nskit: "
nothing_left "mount-proc failure"

# a failure in set-up (hostname too long) with files to persist
long=$(printf '%0100d' 0)
assert_status 125 "bad hostname" -- "$NSRUN" --net="$d/net" --hostname "$long" -- sleep "$mark"
assert_one_line_error nsrun "hostname $long: Invalid argument"
nothing_left "bad hostname"

# the command's own set-up fails (exec_prepare: --wd) after the files
# were made: they go again, with nsrun execing the command, under the init
# and with a plain fork
for opts in "" "--pid" "--fork"; do
	# shellcheck disable=SC2086 # opts: no option or one
	assert_status 125 "bad --wd${opts:+ with $opts}" -- \
		"$NSRUN" --net="$d/net" $opts --wd /nonexistent/nskit -- sleep "$mark"
	assert_one_line_error nsrun "/nonexistent/nskit: chdir: No such file or directory"
	nothing_left "bad --wd${opts:+ with $opts}"
done

# detached, failing in the holder
assert_status 125 "detached failure" -- \
	"$NSRUN" --net="$d/net" --pid --mount-proc=/nonexistent/nskit --detach -- sleep "$mark"
assert_one_line_error nsrun "/nonexistent/nskit: "
sleep 0.1
nothing_left "detached failure"

# detached, failing while persisting (after the holder is ready)
: >"$d/full"
echo x >"$d/full"
assert_status 125 "detached persist failure" -- \
	"$NSRUN" --net="$d/net" --uts="$d/full" --pid --detach -- sleep "$mark"
assert_one_line_error nsrun "$d/full: exists and is not an empty file"
rm "$d/full"
wait_for "[ -z \"\$(pids_with_arg $mark)\" ]"
nothing_left "detached persist failure"

# a bad option: nothing at all is done
assert_status 125 "bad option" -- "$NSRUN" --net="$d/net" --propagation nope -- sleep "$mark"
nothing_left "bad option"
