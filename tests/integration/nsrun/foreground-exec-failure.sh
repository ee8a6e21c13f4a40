#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun --fork with namespace files: a command that cannot be run (not
# found: 127; not executable: 126) leaves no file and no bind mount, and
# its one line is the only one; one that runs keeps its files. Bare, under
# the init, and with the init as PID 1 (--as-pid-1).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
ns_file_dir
d=$NS_DIR
: >"$TMP_DIR/not-exec"	# found, but not executable

for opts in "--fork" "--fork --pid" "--fork --pid --as-pid-1"; do
	# shellcheck disable=SC2086 # opts: words on purpose
	assert_status 127 "$opts: not found" -- \
		"$NSRUN" $opts --net="$d/net" --uts="$d/uts" -- /nonexistent/nskit-cmd
	assert_one_line_error nsrun "/nonexistent/nskit-cmd: command not found\$"
	assert_ns_dir_empty "$opts, a command not found"
	# shellcheck disable=SC2086
	assert_status 126 "$opts: not executable" -- \
		"$NSRUN" $opts --net="$d/net" -- "$TMP_DIR/not-exec"
	assert_one_line_error nsrun "not-exec: Permission denied\$"
	assert_ns_dir_empty "$opts, a command not executable"
	# a command that runs keeps them, and they hold its namespaces
	# shellcheck disable=SC2086
	inode=$("$NSRUN" $opts --net="$d/net" -- sh -c 'stat -L -c %i /proc/self/ns/net') ||
		fail "$opts: a command that runs: $?"
	assert_eq "$inode" "$(stat -c %i "$d/net")" "$opts: the file kept holds the command's netns"
	umount "$d/net" && rm "$d/net" || hard_error "removing $d/net"
done
