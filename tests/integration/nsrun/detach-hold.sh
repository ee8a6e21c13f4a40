#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --detach prints the handle and returns while the command keeps running;
# --hold keeps the command from starting until --release, given by -t or a
# piped handle (which is echoed); a user namespace whose maps were written
# from outside makes the released command root inside.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

# --detach inside $(...) returns: the command's output never holds the pipe
pid=$("$NSRUN" --net --pid --detach -- sh -c 'echo noise; exec sleep 1000')
kill_later "$pid"
assert_match '^[0-9]+$' "$pid" "handle"
[ -d "/proc/$pid" ] || fail "holder $pid is not running"
assert_ne "$(ns_inode self net)" "$(ns_inode "$pid" net)" "the handle holds the new network namespace"
wait_for '[ -n "$(children_of "$pid")" ]' || fail "the command did not start under the init"
kill -TERM "$pid"
wait_gone "$pid" || fail "TERM did not end the detached init"

# no command: a pause process holds the namespaces until killed
pid=$("$NSRUN" --net --uts --detach)
kill_later "$pid"
assert_ne "$(ns_inode self uts)" "$(ns_inode "$pid" uts)" "pause process holds the uts namespace"
kill -TERM "$pid"
wait_gone "$pid" || fail "TERM did not end the pause process"

# --hold: the command starts only on release (-t)
pid=$("$NSRUN" --pid --net --detach --hold -- sh -c "echo started >$TMP_DIR/started; exec sleep 1000")
kill_later "$pid"
sleep 0.2
[ ! -e "$TMP_DIR/started" ] || fail "held command started before --release"
assert_status 0 "--release -t" -- "$NSRUN" --release -t "$pid"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "--release -t prints nothing"
wait_for '[ -e "$TMP_DIR/started" ]' || fail "released command did not start"
assert_status 125 "second release" -- "$NSRUN" --release -t "$pid"
assert_one_line_error nsrun "process $pid: not held by nsrun --hold"
kill -TERM "$pid"

# --hold without a PID namespace: the holder itself becomes the command
pid=$("$NSRUN" --net --detach --hold -- sleep 1001)
kill_later "$pid"
echo "$pid" | "$NSRUN" --release >"$TMP_DIR/echo" || fail "--release from stdin"
assert_eq "$pid" "$(cat "$TMP_DIR/echo")" "piped handle is echoed"
wait_for '[ "$(tr "\0" " " <"/proc/$pid/cmdline")" = "sleep 1001 " ]' || fail "holder did not exec the command"
kill "$pid"

# release a process that is not held: refused, one line
sleep 1000 &
other=$!
kill_later "$other"
assert_status 125 "release of a stranger" -- "$NSRUN" --release -t "$other"
assert_one_line_error nsrun "process $other: not held by nsrun --hold"
assert_status 125 "release of nothing" -- "$NSRUN" --release -t 4194304
assert_one_line_error nsrun "handle 4194304: no such process"
assert_status 125 "release of garbage" -- "$NSRUN" --release -t 12x
assert_one_line_error nsrun "handle 12x: not a handle"

# the pipeline: maps written from outside, then release -> root inside
# (host uid 100000 writes the result: give it a directory it may write)
chmod 755 "$TMP_DIR"
mkdir -m 777 "$TMP_DIR/shared"
pid=$("$NSRUN" --user --mount --pid --detach --hold -- sh -c "id -u >$TMP_DIR/shared/id; id -g >>$TMP_DIR/shared/id; exec sleep 1000")
kill_later "$pid"
echo "0 100000 65536" >"/proc/$pid/uid_map" || fail "writing uid_map"
echo "0 100000 65536" >"/proc/$pid/gid_map" || fail "writing gid_map"
"$NSRUN" --release -t "$pid"
wait_for '[ -s "$TMP_DIR/shared/id" ] && [ "$(wc -l <"$TMP_DIR/shared/id")" = 2 ]' || fail "released command did not run"
assert_eq "0 0" "$(tr '\n' ' ' <"$TMP_DIR/shared/id" | sed 's/ $//')" "uid and gid inside after release"
assert_eq 100000 "$(stat -c %u "$TMP_DIR/shared/id")" "the file belongs to the mapped uid on the host"
cmd=$(children_of "$pid")
assert_eq 100000 "$(awk '/^Uid:/ { print $2 }' "/proc/$cmd/status")" "host uid of the command"
kill -TERM "$pid"

# --log: the command's output goes to the file
pid=$("$NSRUN" --pid --detach --log "$TMP_DIR/log" -- sh -c 'echo to-log; echo err-log >&2')
kill_later "$pid"
wait_for 'grep -q err-log "$TMP_DIR/log"' || fail "--log file lacks the output"
assert_eq "to-log" "$(head -1 "$TMP_DIR/log")" "--log stdout"

# --release with a set-up option: refused, one line, nothing sent (the
# target, PID 1, is never reached)
for opt in "--hostname=x" "-r" "--mount-proc" "--propagation=private" "--no-lo" \
	"--setgroups=deny" "--wd=/" "--cap-drop=ALL" "--no-new-privs" "--fork" "--kill-child"; do
	assert_status 125 "--release $opt" -- "$NSRUN" --release "$opt" -t 1
	assert_one_line_error nsrun "--release takes only -t \\(see"
done
