#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --default-signal[=SIGS]: signals nsrun's caller ignores (a shell's
# background job: INT and QUIT) reach the command at their default action
# when named (all when none is), and stay ignored otherwise, as exec(2)
# keeps them: with the command exec'd by nsrun itself, forked by its init
# into a new PID namespace, and started detached. KILL, STOP and unknown
# names are refused before anything is made. The kernel's SigIgn of the
# command is what is read.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

# The last hex digit of the command's SigIgn (lib.sh: HUP 1, INT 2, QUIT 4),
# nsrun's caller ignoring HUP, INT and QUIT: ignored NSRUN-OPTIONS...
ignored() {
	sigign_ignoring "$NSRUN" "$@" -- cat /proc/self/status
}
for how in "--uts" "--pid --fork --mount --mount-proc"; do
	# shellcheck disable=SC2086 # the options, one word each
	assert_eq 7 "$(ignored $how)" "nsrun $how: HUP INT QUIT stay ignored"
	# shellcheck disable=SC2086
	assert_eq 1 "$(ignored $how --default-signal=INT,SIGQUIT)" "nsrun $how --default-signal=INT,SIGQUIT"
	# shellcheck disable=SC2086
	assert_eq 0 "$(ignored $how --default-signal)" "nsrun $how --default-signal"
done

# Detached: the command, read from outside once it runs.
pid=$(sh -c 'trap "" HUP INT QUIT; exec "$@"' sh "$NSRUN" --uts --detach \
	--default-signal=QUIT -- sleep 4250.$$) || fail "nsrun --detach: exit status $?"
kill_later "$pid"
assert_eq 3 "$(sigign_digit <"/proc/$pid/status")" "nsrun --detach --default-signal=QUIT"
kill "$pid"

# As a background job of sh (INT and QUIT ignored by the shell itself).
assert_eq 6 "$(sigign_as_job "$NSRUN" --uts -- cat /proc/self/status)" "a job: INT and QUIT ignored"
assert_eq 0 "$(sigign_as_job "$NSRUN" --uts --default-signal=INT,QUIT -- cat /proc/self/status)" \
	"a job with --default-signal=INT,QUIT"

default_signal_refusals nsrun "$NSRUN" --uts
