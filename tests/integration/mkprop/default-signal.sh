#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --default-signal[=SIGS]: signals mkprop's caller ignores (a shell's
# background job: INT and QUIT) reach the command at their default action
# when named (all when none is), and stay ignored otherwise, as exec(2)
# keeps them; KILL, STOP and unknown names are refused before anything is
# changed, and the option goes with a command alone. The kernel's SigIgn
# of the command is what is read.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
mount_tree

# The last hex digit of the command's SigIgn (lib.sh: HUP 1, INT 2, QUIT 4),
# mkprop's caller ignoring HUP, INT and QUIT.
ignored() {
	sigign_ignoring "$MKPROP" --private "$A" "$@" -- cat /proc/self/status
}
assert_eq 7 "$(ignored)" "without --default-signal, HUP INT QUIT stay ignored"
assert_eq 1 "$(ignored --default-signal=INT,SIGQUIT)" "--default-signal=INT,SIGQUIT"
assert_eq 3 "$(ignored --default-signal=3)" "--default-signal=3 (QUIT)"
assert_eq 0 "$(ignored --default-signal)" "--default-signal: all"

# As a background job of sh (INT and QUIT ignored by the shell itself).
assert_eq 6 "$(sigign_as_job "$MKPROP" --private "$A" -- cat /proc/self/status)" \
	"a job: INT and QUIT ignored"
assert_eq 0 "$(sigign_as_job "$MKPROP" --private "$A" --default-signal=INT,QUIT -- \
	cat /proc/self/status)" "a job with --default-signal=INT,QUIT"

# refused before any change: A's propagation as it was
before=$(awk -v p="$A" '$5 == p { print $7 }' /proc/self/mountinfo)
"$MKPROP" --shared "$A" || hard_error "mkprop --shared"
default_signal_refusals mkprop "$MKPROP" --private "$A"
assert_match '^shared:' "$(awk -v p="$A" '$5 == p { print $7 }' /proc/self/mountinfo)" \
	"A after the refusals (was $before)"
assert_status 125 "--default-signal without a command" -- "$MKPROP" --private "$A" --default-signal
assert_one_line_error mkprop "--default-signal goes with a command"
