#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# examples/rootless.sh run by an unprivileged user (nobody): its own uid as
# root inside, its hostname, only its processes, only lo, writes that
# vanish, the command's status; with -s, its /etc/subuid range too, mapped
# by an nsmap with file capabilities; nothing left afterwards.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate			# the private /etc/subuid below is the test's alone
# shellcheck source=tests/integration/examples/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/examples/helpers.sh"
require_cmd setpriv setcap
U=65534
chown "$U:$U" "$TMPDIR" || hard_error "chown $TMPDIR"
ROOT=$TMP_DIR/root
make_root "$ROOT" "$U"
before=$(snapshot)
lower=$(cd "$ROOT" && find . -exec ls -ld --time-style=+%s.%N {} + | sort)

run_example --as "$U" rootless.sh -r "$ROOT" -n rl /bin/sh -c '
	echo "$(id -u) $(id -g)"; hostname
	ps -o pid,comm >/tmp/ps && cat /tmp/ps
	ip -o link | awk "{ print \$2 }"
	tr -s " " </proc/self/uid_map
	echo written >/etc/marker && cat /etc/marker
	exit 3'
assert_eq 3 "$EX_STATUS" "exit status (stderr: $(cat "$TMP_DIR/stderr"))"
assert_eq "0 0
rl
PID   COMMAND
    1 nsrun-init
    2 sleep
    3 sh
    ps
lo:
 0 $U 1
written" "$(sed 's/^ *[0-9]* ps$/    ps/' "$TMP_DIR/stdout")" "inside"
assert_eq "" "$(cat "$TMP_DIR/stderr")" "stderr"
assert_eq "$lower" "$(cd "$ROOT" && find . -exec ls -ld --time-style=+%s.%N {} + | sort)" \
	"the root after the run (writes went to the overlay)"
assert_nothing_left "$before"

# the command runs under the default seccomp profile; SECCOMP=unconfined
# lifts it
filtered='grep "^Seccomp:" /proc/self/status | tr -s "\t" " "
	unshare -U true 2>/dev/null || echo no nested user namespace
	mount -t tmpfs none /tmp 2>/dev/null || echo no mount'
run_example --as "$U" rootless.sh -r "$ROOT" /bin/sh -c "$filtered"
assert_eq 0 "$EX_STATUS" "the filtered command (stderr: $(cat "$TMP_DIR/stderr"))"
assert_eq "Seccomp: 2
no nested user namespace
no mount" "$(cat "$TMP_DIR/stdout")" "inside, under --seccomp default"
export SECCOMP=unconfined
run_example --as "$U" rootless.sh -r "$ROOT" /bin/sh -c "$filtered"
unset SECCOMP
assert_eq "Seccomp: 0" "$(cat "$TMP_DIR/stdout")" "inside, SECCOMP=unconfined"
assert_nothing_left "$before"

# -s: the subordinate ids of /etc/subuid and /etc/subgid too, through an
# nsmap with file capabilities; without them nsmap refuses
echo "nobody:200000:65536" >"$TMP_DIR/subid"
mount --bind "$TMP_DIR/subid" /etc/subuid && mount --bind "$TMP_DIR/subid" /etc/subgid ||
	hard_error "bind mounts on /etc/subuid and /etc/subgid"
on_exit "umount /etc/subuid /etc/subgid"
before=$(snapshot)
cp "$NSMAP" "$TMP_DIR/nsmap" && chmod 755 "$TMP_DIR/nsmap" || hard_error "copy nsmap"
NSMAP=$TMP_DIR/nsmap
export NSMAP
run_example --as "$U" rootless.sh -s -r "$ROOT" /bin/sh -c 'exit 0'
assert_eq 125 "$EX_STATUS" "-s with an nsmap without file capabilities"
assert_nothing_left "$before"
setcap cap_setuid,cap_setgid+ep "$NSMAP" || skip "setcap failed: no file capabilities here"
run_example --as "$U" rootless.sh -s -r "$ROOT" /bin/sh -c '
	tr -s " " </proc/self/uid_map; tr -s " " </proc/self/gid_map
	touch /tmp/f && chown 1000:1000 /tmp/f && stat -c "%u:%g" /tmp/f'
assert_eq 0 "$EX_STATUS" "-s (stderr: $(cat "$TMP_DIR/stderr"))"
assert_eq " 0 $U 1
 1 200000 65536
 0 $U 1
 1 200000 65536
1000:1000" "$(cat "$TMP_DIR/stdout")" "-s: the maps, and a file chowned to a subordinate id"
assert_nothing_left "$before"
