#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --dev: /dev holds exactly null zero full random urandom tty (the host's
# nodes), a private devpts with ptmx, and shm.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
require_root
isolate
require_tool nsroot
require_tool nsrun
ROOT=$TMP_DIR/root
make_root "$ROOT"
no_leak_check_after_pivot

assert_status 0 "nsroot --dev" -- "$NSRUN" --mount --pid -- "$NSROOT" --dev --proc "$ROOT" -- /bin/sh -c '
	ls -A /dev | tr "\n" " "; echo
	stat -c "%n %F %t:%T" /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty
	readlink /dev/ptmx
	ls -A /dev/pts | tr "\n" " "; echo
	awk "\$5 ~ /^\\/dev/ { print \$5, \$(NF - 2) }" /proc/self/mountinfo
	echo x >/dev/null && echo null-ok
	head -c 3 /dev/zero | od -An -tx1
	echo x 2>&1 >/dev/full | grep -q "No space left" && echo full-ok
	echo x >/dev/shm/f && echo shm-ok'
out=$TMP_DIR/stdout
assert_eq "full null ptmx pts random shm tty urandom zero " "$(sed -n 1p "$out")" "ls -A /dev"
assert_eq "/dev/null character special file 1:3
/dev/zero character special file 1:5
/dev/full character special file 1:7
/dev/random character special file 1:8
/dev/urandom character special file 1:9
/dev/tty character special file 5:0" "$(sed -n 2,7p "$out")" "the nodes"
assert_eq "pts/ptmx" "$(sed -n 8p "$out")" "/dev/ptmx"
assert_eq "ptmx " "$(sed -n 9p "$out")" "/dev/pts holds no pty of the host"
assert_eq "/dev tmpfs" "$(sed -n 10p "$out")" "/dev mount"
assert_eq "/dev/pts devpts
/dev/shm tmpfs" "$(sed -n '11,$p' "$out" | grep -E '^/dev/(pts|shm) ')" "/dev/pts and /dev/shm mounts"
assert_eq "null-ok
 00 00 00
full-ok
shm-ok" "$(tail -n 4 "$out")" "using the nodes"
