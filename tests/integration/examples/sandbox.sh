#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# examples/sandbox.sh keeps its promises: only lo; the host read-only but
# for a private /tmp; nobody, no capabilities, no_new_privs; only its own
# processes; its memory and process limits; the command's status; and
# nothing left afterwards.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/integration/examples/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/examples/helpers.sh"
before=$(snapshot)
# a host file outside /tmp (which the sandbox replaces) that nobody may
# write: only the read-only view keeps the sandbox from it
# (not in the build tree: that may itself be under /tmp)
probe=$(mktemp /var/tmp/nskit-sandbox-probe.XXXXXX) || hard_error "mktemp"
on_exit "rm -f '$probe'"
chmod 666 "$probe"

run_example sandbox.sh sh -c "$(sh_functions mounts cg_table cg_get)"'
	id -u; id -g
	ip -o link show | awk "{ print \$2 }"
	echo x 2>&1 >>"$1" | sed "s/.*: //"
	echo private >/tmp/private && cat /tmp/private
	grep -E "^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs)" /proc/self/status | tr -s "\t" " "
	ps -e -o pid=,comm= >/tmp/ps && cat /tmp/ps
	limit() {	# CONTROLLER V1-FILE V2-FILE: from the host view of the cgroup tree
		d=$(cg_get dir "$1")
		[ -n "$d" ] && cat "$d/$2" || cat "$(cg_get dir)/$3"
	}
	limit memory memory.limit_in_bytes memory.max
	limit pids pids.max pids.max
	exit 5' sandbox "$probe"
assert_eq 5 "$EX_STATUS" "exit status (stderr: $(cat "$TMP_DIR/stderr"))"
assert_eq "65534
65534
lo:
Read-only file system
private
CapInh: 0000000000000000
CapPrm: 0000000000000000
CapEff: 0000000000000000
CapBnd: 0000000000000000
CapAmb: 0000000000000000
NoNewPrivs: 1
1 nsrun
2 sh
ps
536870912
256" "$(sed 's/^ *\([0-9]*\) /\1 /; s/^[0-9]* ps$/ps/' "$TMP_DIR/stdout")" "inside"
assert_eq "" "$(cat "$TMP_DIR/stderr")" "stderr"
assert_eq "" "$(cat "$probe")" "the host file"
[ ! -e /tmp/private ] || fail "the sandbox's /tmp/private is seen outside"
assert_nothing_left "$before" "sandbox-$EX_PID"

# a TERM to the script (acted on when the command has ended: an exec chain
# runs in the foreground): 143, and its new root is removed all the same.
# The sleep's argument is this run's own (another checkout may run this
# test at the same time).
marker=4244.$$
( run_example sandbox.sh sh -c "sleep $marker; exit 0"; echo "$EX_STATUS" >"$TMP_DIR/ex.status" ) &
on_exit "kill -KILL $! \$(pids_with_arg $marker)"
wait_for '[ -n "$(pids_with_arg $marker 2>/dev/null)" ]' || fail "the command did not start: $(cat "$TMP_DIR/stderr")"
kill -TERM "$(cat "$TMP_DIR/ex.pid")"
kill -KILL "$(pids_with_arg $marker 2>/dev/null)"
wait_for '[ -s "$TMP_DIR/ex.status" ]' || fail "no exit within 5 s"
assert_eq 143 "$(cat "$TMP_DIR/ex.status")" "exit status after a TERM"
EX_PID=$(cat "$TMP_DIR/ex.pid")
assert_nothing_left "$before" "sandbox-$EX_PID"
