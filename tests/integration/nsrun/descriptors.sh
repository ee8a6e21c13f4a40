#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Descriptors: in the foreground without --root the command inherits ours,
# as with unshare(1); a detached command, and one with --root, gets 0, 1,
# 2 and what --preserve-fds and --keep-fd name; the init, the holder and
# the pause keep none of ours; bad values are refused in one line.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

# fds ARG...: the descriptors that nsrun ARG... -- ls gives ls, in one
# line; ls's own directory takes the lowest free one (3 when only 0, 1, 2
# were passed).
fds() {
	"$NSRUN" "$@" -- ls -1 /proc/self/fd | sort -n | tr '\n' ' '
}
exec 3</ 7</ 8</ 9</

assert_match ' 7 8 9 ' "$(fds --uts)" "foreground without --root: ours pass"
assert_match ' 7 8 9 ' "$(fds --mount --pid --mount-proc)" "foreground under the init: ours pass"
assert_eq "0 1 2 3 " "$(fds --mount --root /)" "--root: only 0, 1, 2"
assert_eq "0 1 2 3 4 9 " "$(fds --mount --root / --preserve-fds 1 --keep-fd 9)" \
	"--root --preserve-fds 1 --keep-fd 9"

# detached: the command's and the init's descriptors
pid=$("$NSRUN" --pid --mount-proc --uts --detach --log "$TMP_DIR/log" -- \
	sh -c "ls -1 /proc/self/fd | sort -n | tr '\n' ' ' >$TMP_DIR/cmd; exec sleep 1000")
kill_later "$pid"
wait_for '[ -s "$TMP_DIR/cmd" ]' || fail "the detached command did not start"
assert_eq "0 1 2 3 " "$(cat "$TMP_DIR/cmd")" "--detach: the command gets 0, 1, 2"
assert_eq "0 1 2 " "$(ls /proc/"$pid"/fd | sort -n | tr '\n' ' ')" \
	"--detach: the init keeps only 0, 1, 2"
assert_eq / "$(readlink "/proc/$pid/cwd")" "--detach: the init works in /"
kill -KILL "$pid"
rm -f "$TMP_DIR/cmd"

pid=$("$NSRUN" --pid --mount-proc --uts --detach --hold --keep-fd 8 --preserve-fds 1 -- \
	sh -c "ls -1 /proc/self/fd | sort -n | tr '\n' ' ' >$TMP_DIR/cmd; exec sleep 1000")
kill_later "$pid"
# the holder keeps the named ones until released, and two of its own that
# lead nowhere on the host: the signalfd it waits on, and the write end
# (flags ending in 1: O_WRONLY) of the pipe through which --release learns
# whether the command started
held=$(for f in /proc/"$pid"/fd/*; do
	case $(readlink "$f") in
	anon_inode:\[signalfd\]) echo signalfd ;;
	pipe:*) echo "pipe-$(awk '/^flags:/ { print substr($2, length($2)) }' "/proc/$pid/fdinfo/${f##*/}")" ;;
	*) echo "${f##*/}" ;;
	esac
done | sort | tr '\n' ' ')
assert_eq "0 1 2 3 8 pipe-1 signalfd " "$held" \
	"--hold: the holder keeps the named ones until released, and its own"
"$NSRUN" --release -t "$pid" || fail "--release"
wait_for '[ -s "$TMP_DIR/cmd" ]' || fail "the released command did not start"
assert_eq "0 1 2 3 4 8 " "$(cat "$TMP_DIR/cmd")" "--keep-fd 8 --preserve-fds 1: passed on"
assert_eq "0 1 2 " "$(ls /proc/"$pid"/fd | sort -n | tr '\n' ' ')" "released: the init keeps none"
kill -KILL "$pid"

# the pause
pid=$("$NSRUN" --uts --detach) || hard_error "nsrun --detach"
kill_later "$pid"
assert_eq "0 1 2 " "$(ls /proc/"$pid"/fd | sort -n | tr '\n' ' ')" "the pause keeps none"
assert_eq / "$(readlink "/proc/$pid/cwd")" "the pause works in /"
kill -KILL "$pid"

# bad values
for bad in "--preserve-fds -1" "--preserve-fds x" "--keep-fd 2" "--keep-fd x"; do
	# shellcheck disable=SC2086 # the option and its value
	assert_status 125 "$bad" -- "$NSRUN" --uts $bad -- true
	assert_one_line_error nsrun "${bad%% *} ${bad#* }: not "
done
