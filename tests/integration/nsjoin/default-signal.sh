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

# The last hex digit of the command's SigIgn: HUP 1, INT 2, QUIT 4.
ignored_by_command() {	# ignoring HUP, INT and QUIT, run nsjoin ARGS -- cat status
	out=$(sh -c 'trap "" HUP INT QUIT; exec "$@"' sh \
		"$NSJOIN" -t "$pid" --pid "$@" -- cat /proc/self/status) || fail "nsjoin $*: exit status $?"
	mask=$(printf '%s\n' "$out" | awk '$1 == "SigIgn:" { print $2 }')
	[ -n "$mask" ] || fail "nsjoin $*: no SigIgn line"
	echo "${mask#"${mask%?}"}"
}
assert_eq 7 "$(ignored_by_command)" "without --default-signal, HUP INT QUIT stay ignored"
assert_eq 1 "$(ignored_by_command --default-signal=INT,SIGQUIT)" "--default-signal=INT,SIGQUIT"
assert_eq 3 "$(ignored_by_command --default-signal=3)" "--default-signal=3 (QUIT)"
assert_eq 0 "$(ignored_by_command --default-signal)" "--default-signal: all"

# As a background job of sh (INT and QUIT ignored by the shell itself).
job_mask() {
	sh -c '"$@" & wait $!' sh "$NSJOIN" -t "$pid" --pid "$@" -- cat /proc/self/status |
		awk '$1 == "SigIgn:" { print substr($2, length($2)) }'
}
assert_eq 6 "$(job_mask)" "a job: INT and QUIT ignored"
assert_eq 0 "$(job_mask --default-signal=INT,QUIT)" "a job with --default-signal=INT,QUIT"

mark=$TMP_DIR/ran
for bad in KILL INT,STOP NOPE 'INT,'; do
	assert_status 125 "--default-signal=$bad" -- \
		"$NSJOIN" -t "$pid" --pid "--default-signal=$bad" -- touch "$mark"
	assert_error_line "nsjoin: --default-signal=$bad: not a list of signals whose action can change (see 'nsjoin --help')"
done
[ ! -e "$mark" ] || fail "a refused --default-signal ran the command"
