#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --default-signal[=SIGS]: signals nsjoin's caller ignores (a shell's
# background job: INT and QUIT) reach the command at their default action
# when named (all when none is), and stay ignored otherwise, as exec(2)
# keeps them; KILL, STOP and unknown names are refused before anything is
# joined. The kernel's SigIgn of the command (forked into the target's PID
# namespace) is what is read.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_tool nsjoin

pid=$("$NSRUN" --pid --mount --mount-proc --detach) || hard_error "nsrun --detach failed"
kill_later "$pid"

# The last hex digit of the command's SigIgn (lib.sh: HUP 1, INT 2, QUIT 4),
# nsjoin's caller ignoring HUP, INT and QUIT.
ignored() {
	sigign_ignoring "$NSJOIN" -t "$pid" --pid "$@" -- cat /proc/self/status
}
assert_eq 7 "$(ignored)" "without --default-signal, HUP INT QUIT stay ignored"
assert_eq 1 "$(ignored --default-signal=INT,SIGQUIT)" "--default-signal=INT,SIGQUIT"
assert_eq 3 "$(ignored --default-signal=3)" "--default-signal=3 (QUIT)"
assert_eq 0 "$(ignored --default-signal)" "--default-signal: all"

# As a background job of sh (INT and QUIT ignored by the shell itself).
assert_eq 6 "$(sigign_as_job "$NSJOIN" -t "$pid" --pid -- cat /proc/self/status)" \
	"a job: INT and QUIT ignored"
assert_eq 0 "$(sigign_as_job "$NSJOIN" -t "$pid" --pid --default-signal=INT,QUIT -- \
	cat /proc/self/status)" "a job with --default-signal=INT,QUIT"

default_signal_refusals nsjoin "$NSJOIN" -t "$pid" --pid
