#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# examples/container.sh keeps its promises: inside, uid 0, its hostname,
# only its own processes, its veth with address and default route (the host
# end answers), its limits in its own cgroup files, a root whose writes
# vanish, the default seccomp profile; the command's status; outside,
# nothing left.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate			# the veth's host end lands in a network namespace of the test
# shellcheck source=tests/integration/examples/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/examples/helpers.sh"
ROOT=$TMP_DIR/root
make_root "$ROOT" 100000	# the container's root in the example's maps
before=$(snapshot)
lower=$(cd "$ROOT" && find . -exec ls -ld --time-style=+%s.%N {} + | sort)

export SECCOMP=unconfined	# the limits are read by mounting cgroupfs inside
run_example container.sh -r "$ROOT" -n c1 /bin/sh -c '
	echo "$(id -u) $(id -g)"; hostname
	ps -o pid,comm >/tmp/ps && cat /tmp/ps
	ip -4 -o addr show dev eth0 | awk "{ print \$4 }"
	ip route
	ping -c 1 -W 5 10.99.0.1 >/dev/null && echo host answers
	echo written >/etc/marker && cat /etc/marker
	'"$INSIDE_LIMITS"'
	exit 7'
unset SECCOMP
assert_eq 7 "$EX_STATUS" "exit status (stderr: $(cat "$TMP_DIR/stderr"))"
assert_eq "0 0
c1
PID   COMMAND
    1 nsrun-init
    2 sleep
    3 sh
    ps
10.99.0.2/24
default via 10.99.0.1 dev eth0 
10.99.0.0/24 dev eth0 scope link  src 10.99.0.2 
host answers
written
268435456
64
100000 100000" "$(sed 's/^ *[0-9]* ps$/    ps/' "$TMP_DIR/stdout")" "inside"
assert_eq "" "$(cat "$TMP_DIR/stderr")" "stderr"
assert_eq "$lower" "$(cd "$ROOT" && find . -exec ls -ld --time-style=+%s.%N {} + | sort)" \
	"the root after the run (writes went to the overlay)"
assert_nothing_left "$before"

# the command runs under the default seccomp profile; SECCOMP=unconfined
# lifts it (the limits above were read by mounting cgroupfs inside)
# (and with INT and QUIT at their default action, though nsjoin runs as
# a background job of the script: Ctrl-C reaches it)
filtered='grep "^Seccomp:" /proc/self/status | tr -s "\t" " "
	unshare -U true 2>/dev/null || echo no nested user namespace
	mount -t tmpfs none /tmp 2>/dev/null || echo no mount
	echo "INT and QUIT ignored: $(( 0x$(awk "/^SigIgn:/ { print \$2 }" /proc/self/status) & 6 ))"'
run_example container.sh -r "$ROOT" /bin/sh -c "$filtered"
assert_eq 0 "$EX_STATUS" "the filtered command (stderr: $(cat "$TMP_DIR/stderr"))"
assert_eq "Seccomp: 2
no nested user namespace
no mount
INT and QUIT ignored: 0" "$(cat "$TMP_DIR/stdout")" "inside, under --seccomp default"
export SECCOMP=unconfined
run_example container.sh -r "$ROOT" /bin/sh -c "$filtered"
unset SECCOMP
assert_eq "Seccomp: 0
INT and QUIT ignored: 0" "$(cat "$TMP_DIR/stdout")" "inside, SECCOMP=unconfined"
assert_nothing_left "$before"

# a second container starts from the root again: the write is gone
run_example container.sh -r "$ROOT" cat /etc/marker
assert_eq 1 "$EX_STATUS" "cat of the first container's file in a second one"
assert_nothing_left "$before"

# a TERM while the command runs (a supervisor stopping it): the script
# acts on it at once, not when the command ends: 143, nothing left
mark=4243.$$	# the command's marker, unique to this run
( run_example container.sh -r "$ROOT" /bin/sleep "$mark"; echo "$EX_STATUS" >"$TMP_DIR/ex.status" ) &
on_exit "for f in '$TMPDIR'/*/handle; do kill -KILL \"\$(cat \"\$f\")\"; done; kill -KILL $!"
wait_for "[ -n \"\$(pids_with_arg $mark 2>/dev/null)\" ]" || fail "the command did not start: $(cat "$TMP_DIR/stderr")"
kill -TERM "$(cat "$TMP_DIR/ex.pid")"
wait_for '[ -s "$TMP_DIR/ex.status" ]' || fail "no exit within 5 s of a TERM"
assert_eq 143 "$(cat "$TMP_DIR/ex.status")" "exit status after a TERM"
EX_PID=$(cat "$TMP_DIR/ex.pid")
wait_for '[ -z "$(ls -A "$TMPDIR")" ]' || :	# its teardown, after its exit
assert_eq "" "$(pids_with_arg "$mark" 2>/dev/null)" "the command after a TERM"
assert_nothing_left "$before"
