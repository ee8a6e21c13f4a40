#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --default-signal[=SIGS]: signals nsroot's caller ignores (a shell's
# background job: INT and QUIT) reach the command at their default action
# when named (all when none is), and stay ignored otherwise, as exec(2)
# keeps them; KILL, STOP and unknown names are refused before anything is
# mounted. The kernel's SigIgn of the command, read through the new root's
# /proc, is what is read.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
require_root
isolate
require_tool nsroot
require_tool nsrun
ROOT=$TMP_DIR/root
make_root "$ROOT"
no_leak_check_after_pivot

# The last hex digit of the command's SigIgn (lib.sh: HUP 1, INT 2, QUIT 4),
# nsroot's caller ignoring HUP, INT and QUIT.
ignored() {
	sigign_ignoring "$NSRUN" --mount --pid -- "$NSROOT" --proc "$ROOT" "$@" -- /bin/cat /proc/self/status
}
assert_eq 7 "$(ignored)" "without --default-signal, HUP INT QUIT stay ignored"
assert_eq 1 "$(ignored --default-signal=INT,SIGQUIT)" "--default-signal=INT,SIGQUIT"
assert_eq 3 "$(ignored --default-signal=3)" "--default-signal=3 (QUIT)"
assert_eq 0 "$(ignored --default-signal)" "--default-signal: all"

# As a background job of sh (INT and QUIT ignored by the shell itself).
assert_eq 6 "$(sigign_as_job "$NSRUN" --mount --pid -- "$NSROOT" --proc "$ROOT" -- \
	/bin/cat /proc/self/status)" "a job: INT and QUIT ignored"
assert_eq 0 "$(sigign_as_job "$NSRUN" --mount --pid -- "$NSROOT" --proc "$ROOT" \
	--default-signal=INT,QUIT -- /bin/cat /proc/self/status)" "a job with --default-signal=INT,QUIT"

default_signal_refusals nsroot "$NSROOT" "$ROOT"
