#!/bin/sh
# -N/--net-socket FD joins the network namespace of a socket handed down
# (SIOCGSKNS), as nsenter(1) 2.41 does; a descriptor that is not a socket
# is refused with one line.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd python3

pid=$("$NSRUN" --net --detach) || hard_error "nsrun --net --detach failed"
kill_later "$pid"

# A socket made inside the container's network namespace, then run nsjoin
# with it on descriptor 9 (python: setns by ctypes, back, exec with the fd).
with_socket_of() {
	python3 - "$@" <<'PY'
import ctypes, os, socket, sys
libc = ctypes.CDLL(None, use_errno=True)
pid, argv = sys.argv[1], sys.argv[2:]
ours = os.open("/proc/self/ns/net", os.O_RDONLY)
theirs = os.open("/proc/%s/ns/net" % pid, os.O_RDONLY)
if libc.setns(theirs, 0x40000000) != 0:
    sys.exit("setns: %s" % os.strerror(ctypes.get_errno()))
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
libc.setns(ours, 0x40000000)
os.dup2(s.fileno(), 9)
os.set_inheritable(9, True)
os.execvp(argv[0], argv)
PY
}

got=$(with_socket_of "$pid" "$NSJOIN" --net-socket 9 -- stat -L -c %i /proc/self/ns/net)
assert_eq "$(ns_inode "$pid" net)" "$got" "--net-socket: the socket's network namespace"
got=$(with_socket_of "$pid" "$NSJOIN" -N 9 -- stat -L -c %i /proc/self/ns/net)
assert_eq "$(ns_inode "$pid" net)" "$got" "-N"
# only the network namespace: the rest stays ours
got=$(with_socket_of "$pid" "$NSJOIN" -N 9 -- stat -L -c %i /proc/self/ns/uts)
assert_eq "$(ns_inode self uts)" "$got" "-N joins nothing else"

assert_status 125 "not a socket" -- "$NSJOIN" -N 0 -- true </dev/null
assert_one_line_error nsjoin "--net-socket 0: not a socket"
assert_status 125 "not open" -- "$NSJOIN" -N 77 -- true
assert_one_line_error nsjoin "--net-socket 77: Bad file descriptor"
assert_status 125 "not a number" -- "$NSJOIN" -N five -- true
assert_one_line_error nsjoin "--net-socket five: not a file descriptor"
assert_status 125 "with --net=FILE" -- "$NSJOIN" -N 0 --net=/proc/self/ns/net -- true
assert_one_line_error nsjoin "--net-socket does not go with --net=FILE"
