#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# exec --default-signal[=SIGS]: signals cgctl's caller ignores (a shell's
# background job: INT and QUIT) reach the command at their default action
# when named (all when none is), and stay ignored otherwise, as exec(2)
# keeps them: forked (--rm) and exec'd by cgctl itself (a group that stays,
# where a v1 hierarchy is joined first); KILL, STOP and unknown names are
# refused before any group is made, and the option goes with exec alone.
# The kernel's SigIgn of the command is what is read.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

# The last hex digit of the command's SigIgn (lib.sh: HUP 1, INT 2, QUIT 4),
# cgctl's caller ignoring HUP, INT and QUIT.
for how in --rm --create; do
	ignored() {
		sigign_ignoring "$CGCTL" exec "$how" "$G" "$@" -- cat /proc/self/status
	}
	assert_eq 7 "$(ignored)" "exec $how without --default-signal: HUP INT QUIT stay ignored"
	assert_eq 1 "$(ignored --default-signal=INT,SIGQUIT)" "exec $how --default-signal=INT,SIGQUIT"
	assert_eq 3 "$(ignored --default-signal=3)" "exec $how --default-signal=3 (QUIT)"
	assert_eq 0 "$(ignored --default-signal)" "exec $how --default-signal: all"
	# as a background job of sh (INT and QUIT ignored by the shell itself)
	assert_eq 6 "$(sigign_as_job "$CGCTL" exec "$how" "$G" -- cat /proc/self/status)" \
		"exec $how as a job: INT and QUIT ignored"
	assert_eq 0 "$(sigign_as_job "$CGCTL" exec "$how" "$G" --default-signal=INT,QUIT -- \
		cat /proc/self/status)" "exec $how as a job with --default-signal=INT,QUIT"
done
assert_status 0 "delete" -- "$CGCTL" delete "$G"

default_signal_refusals cgctl "$CGCTL" exec --create "$G"
assert_no_group "$G"
assert_status 125 "create --default-signal" -- "$CGCTL" create "$G" --default-signal
assert_one_line_error cgctl "--default-signal goes with exec"
assert_no_group "$G"
