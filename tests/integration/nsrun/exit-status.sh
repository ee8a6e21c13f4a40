#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Exit status: the command's, 128+N for signal N, 126 not runnable, 127 not
# found, 125 for nsrun's own failure, each with one error line.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

for opts in "-U" "-p" "-p --as-pid-1" "-n -f" "-m"; do
	# shellcheck disable=SC2086 # opts is a list of options
	assert_status 7 "$opts: exit 7" -- "$NSRUN" $opts -- sh -c 'exit 7'
	# shellcheck disable=SC2086
	assert_status 0 "$opts: true" -- "$NSRUN" $opts -- true
	# (a PID 1 cannot be killed from inside its own namespace)
	if [ "$opts" != "-p --as-pid-1" ]; then
		# shellcheck disable=SC2086
		assert_status 137 "$opts: killed" -- "$NSRUN" $opts -- sh -c 'kill -KILL $$'
	fi
	# shellcheck disable=SC2086
	assert_status 127 "$opts: not found" -- "$NSRUN" $opts -- nskit-no-such-command
	assert_one_line_error nsrun "nskit-no-such-command: command not found"
done

printf 'echo hi\n' >"$TMP_DIR/noexec"
chmod 644 "$TMP_DIR/noexec"
assert_status 126 "not executable" -- "$NSRUN" -p -- "$TMP_DIR/noexec"
assert_one_line_error nsrun "noexec: Permission denied"
assert_status 126 "a directory" -- "$NSRUN" -n -- "$TMP_DIR"

assert_status 125 "unknown option" -- "$NSRUN" --no-such-option true
assert_one_line_error nsrun "unknown option '--no-such-option'"
assert_status 125 "unknown short option" -- "$NSRUN" -Z true
assert_one_line_error nsrun "unknown option '-Z'"
assert_status 125 "missing value" -- "$NSRUN" --hostname
assert_one_line_error nsrun "option '--hostname' needs a value"
assert_status 125 "--as-pid-1 without --pid" -- "$NSRUN" --as-pid-1 true
assert_one_line_error nsrun "--as-pid-1 needs --pid"
assert_status 125 "--hold without --detach" -- "$NSRUN" --hold true
assert_one_line_error nsrun "--hold needs --detach"
assert_status 125 "bad capability" -- "$NSRUN" --cap-drop net_admin,bogus true
assert_one_line_error nsrun "unknown capability 'bogus'"
assert_status 125 "bad signal" -- "$NSRUN" --kill-child=SIGNOPE true
assert_one_line_error nsrun "--kill-child=SIGNOPE: not a signal"
assert_status 125 "bad --wd" -- "$NSRUN" -p --wd /nonexistent/nskit true
assert_one_line_error nsrun "/nonexistent/nskit: chdir: No such file or directory"
assert_status 0 "--help" -- "$NSRUN" --help
assert_status 0 "--version" -- "$NSRUN" --version
