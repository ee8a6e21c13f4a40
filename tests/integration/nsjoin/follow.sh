#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# -S follow / -G follow: the target's effective ids, as the joined user
# namespace sees them (or ours, when none is joined).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd setpriv

# inside: uid 1000, gid 2000; outside: 101000, 102000
pid=$("$NSRUN" --user --mount --net --detach --hold -- \
	setpriv --reuid=1000 --regid=2000 --clear-groups sleep 100) || hard_error "nsrun --detach failed"
kill_later "$pid"
printf '0 100000 65536\n' >"/proc/$pid/uid_map" || hard_error "uid_map"
printf '0 100000 65536\n' >"/proc/$pid/gid_map" || hard_error "gid_map"
"$NSRUN" --release -t "$pid" || hard_error "release"
wait_for "grep -q '^Uid:.101000' /proc/$pid/status" || hard_error "the target did not become 1000"

got=$("$NSJOIN" -t "$pid" -U -S follow -G follow -- sh -c 'echo $(id -u) $(id -g)')
assert_eq "1000 2000" "$got" "-U -S follow -G follow"
got=$("$NSJOIN" -t "$pid" -n --setuid follow --setgid follow -- sh -c 'echo $(id -u) $(id -g)')
assert_eq "101000 102000" "$got" "-n: the ids as we see them"
got=$("$NSJOIN" -t "$pid" -U -G follow -- sh -c 'echo $(id -u) $(id -g)')
assert_eq "0 2000" "$got" "-G follow alone"
assert_status 125 "a bad id" -- "$NSJOIN" -t "$pid" -n -S folow -- true
# (a word that is not follow is a name, looked up in the command's root)
assert_one_line_error nsjoin "--setuid folow: /etc/passwd: no such name"
