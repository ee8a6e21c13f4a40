#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Ordinary programs run under --seccomp default as they do without it:
# busybox applets, python3 (threads, subprocess, sockets), and a C program
# that forks, execs, uses sockets, threads, timers and poll.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd busybox python3
workload=$NSKIT_BUILDDIR/tests/seccomp/workload
[ -x "$workload" ] || hard_error "$workload is not built"
bb=$(command -v busybox)

# run_both WHAT CMD...: CMD's output and status, filtered and not, agree
run_both() {
	_what=$1
	shift
	_plain=$("$NSRUN" -Umpiun -r --mount-proc -- "$@" 2>&1) || fail "$_what unfiltered: status $?: $_plain"
	_filtered=$("$NSRUN" -Umpiun -r --mount-proc --seccomp default -- "$@" 2>&1) ||
		fail "$_what under default: status $?: $_filtered"
	assert_eq "$_plain" "$_filtered" "$_what: output under --seccomp default"
}

run_both "the C workload" "$workload" /bin/true
assert_eq "workload ok" "$_filtered" "the C workload"

# busybox: files, pipes, processes, its own shell
run_both busybox "$bb" sh -c '
	cd /tmp && d=$(mktemp -d) && echo hello >"$d/f" && cat "$d/f" | tr a-z A-Z
	ln -s f "$d/l" && readlink "$d/l" && chmod 600 "$d/f" && stat -c %a "$d/f"
	rm -r "$d"; sleep 0.01 & wait; echo $(( 6 * 7 ))
	ps -o pid,comm | head -n 2 | wc -l; hostname >/dev/null && echo uts'

# python3: threads, a subprocess, a TCP connection over lo, a unix socket
run_both python3 python3 -c '
import socket, subprocess, threading, os
r = []
t = threading.Thread(target=lambda: r.append(sum(range(10))))
t.start(); t.join()
out = subprocess.run(["/bin/echo", "child"], capture_output=True, text=True).stdout.strip()
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(1)
c = socket.create_connection(s.getsockname()); a, _ = s.accept()
c.sendall(b"ping"); got = a.recv(4).decode()
u1, u2 = socket.socketpair(); u1.send(b"x"); got2 = u2.recv(1).decode()
print(r[0], out, got, got2, os.getpid() == 1 or os.getpid() > 1)'
assert_eq "45 child ping x True" "$_filtered" "python3 under --seccomp default"
