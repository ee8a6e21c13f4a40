#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# -N/--net-socket FD joins the network namespace of the socket that the
# target holds on ITS descriptor FD, as nsenter(1) 2.41 does (pidfd_getfd,
# then SIOCGSKNS): not of a socket on nsjoin's own FD, and not the target's
# own network namespace. So -N needs a target; a descriptor that the target
# has not open, or that is no socket, is refused with one line.
# No traffic: the sockets are UDP sockets that are never bound or used.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd python3

# A: a network namespace that only a socket leads to (its holder A stays
# for the test's clarity, but nothing of the test opens A's files).
a=$("$NSRUN" --net --detach) || hard_error "nsrun --net --detach failed"
kill_later "$a"

# The target: network and UTS namespaces of its own, and on its fd 3 a
# socket of A's network namespace (made there by setns and back), then it
# waits. Its fds 0-2 are /dev/null.
holder='
import ctypes, os, signal, socket, sys
libc = ctypes.CDLL(None, use_errno=True)
def setns(fd):
    if libc.setns(fd, 0x40000000) != 0:
        sys.exit("setns: %s" % os.strerror(ctypes.get_errno()))
ours = os.open("/proc/self/ns/net", os.O_RDONLY)
theirs = os.open("/proc/%s/ns/net" % sys.argv[1], os.O_RDONLY)
setns(theirs)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
setns(ours)
os.close(ours)
os.close(theirs)
if s.fileno() != 3:
    os.dup2(s.fileno(), 3)
signal.pause()
'
t=$("$NSRUN" --net --uts --detach --log "$TMP_DIR/holder.log" -- python3 -c "$holder" "$a") ||
	hard_error "nsrun --detach python3 failed"
kill_later "$t"
wait_for "[ -S /proc/$t/fd/3 ] || ! [ -d /proc/$t ]"
[ -S "/proc/$t/fd/3" ] || hard_error "the target has no socket on fd 3: $(cat "$TMP_DIR/holder.log")"

ours=$(ns_inode self net)
want=$(ns_inode "$a" net)
assert_ne "$ours" "$want" "A's network namespace and ours"
assert_ne "$(ns_inode "$t" net)" "$want" "A's network namespace and the target's own"

# with_socket_on FD CMD...: run CMD with a socket of our own network
# namespace on its descriptor FD, which is therefore never the target's
# (and with our stdin).
with_socket_on() {
	python3 -c '
import os, socket, sys
fd, argv = int(sys.argv[1]), sys.argv[2:]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
os.dup2(s.fileno(), fd)
os.execvp(argv[0], argv)
' "$@"
}

got=$(with_socket_on 3 "$NSJOIN" -t "$t" --net-socket 3 -- stat -L -c %i /proc/self/ns/net)
assert_eq "$want" "$got" "--net-socket 3: the namespace of the target's socket on its fd 3"
got=$(with_socket_on 3 "$NSJOIN" -t "$t" -N 3 -- stat -L -c %i /proc/self/ns/net)
assert_eq "$want" "$got" "-N 3"
# the handle on stdin
got=$(echo "$t" | with_socket_on 3 "$NSJOIN" -N 3 -- stat -L -c %i /proc/self/ns/net)
assert_eq "$want" "$got" "-N 3 with the handle on stdin"
# only the network namespace: the target's UTS namespace is not joined
got=$(with_socket_on 3 "$NSJOIN" -t "$t" -N 3 -- stat -L -c %i /proc/self/ns/uts)
assert_eq "$(ns_inode self uts)" "$got" "-N joins nothing else"
# with -a, the target's other namespaces, and the network one of the socket
got=$("$NSJOIN" -t "$t" -a -N 3 -- sh -c 'stat -L -c %i /proc/self/ns/net /proc/self/ns/uts' | tr '\n' ' ')
assert_eq "$want $(ns_inode "$t" uts) " "$got" "-a -N 3"

# refusals, one line each; the target's descriptors count, not ours
assert_status 125 "no target" -- "$NSJOIN" -N 3 -- true </dev/null
assert_error_line "nsjoin: --net-socket 3: a descriptor of the target process, and no target was given (-t PID)"
assert_status 125 "not a socket in the target" -- with_socket_on 0 "$NSJOIN" -t "$t" -N 0 -- true
assert_error_line "nsjoin: process $t: --net-socket 0: not a socket"
assert_status 125 "not open in the target" -- with_socket_on 77 "$NSJOIN" -t "$t" -N 77 -- true
assert_error_line "nsjoin: process $t: --net-socket 77: no such descriptor"
assert_status 125 "not a number" -- "$NSJOIN" -t "$t" -N five -- true
assert_error_line "nsjoin: --net-socket five: not a file descriptor (see 'nsjoin --help')"
assert_status 125 "with --net=FILE" -- "$NSJOIN" -t "$t" -N 3 --net=/proc/self/ns/net -- true
assert_error_line "nsjoin: --net-socket does not go with --net=FILE (see 'nsjoin --help')"
