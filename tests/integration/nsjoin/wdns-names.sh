#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsenter's -W/--wdns (a working directory in the joined root), -S/-G
# with names looked up in the root the command gets, and the refusals of
# what this build or kernel cannot do (-Z without SELinux, =:NSID).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
require_tool nsroot
ROOT=$TMP_DIR/root
make_root "$ROOT"
mkdir -p "$ROOT/inside/work"
# names the host does not have, with ids it would not give them
printf 'root:x:0:0::/:/bin/sh\nnskit-alice:x:1234:1235::/:/bin/sh\n' >"$ROOT/etc/passwd"
printf 'root:x:0:\nnskit-staff:x:4321:\n' >"$ROOT/etc/group"
! grep -q '^nskit-' /etc/passwd /etc/group || skip "the host has nskit-* names"

# a target with its own mount namespace whose root is $ROOT
pid=$("$NSRUN" --mount --detach -- "$NSROOT" "$ROOT" -- /bin/sleep 100) ||
	hard_error "nsrun --detach failed"
kill_later "$pid"
wait_for "[ -d /proc/$pid/root/inside ] && [ \"\$(cat /proc/$pid/comm)\" = sleep ]" ||
	hard_error "the target did not reach its new root"

# -W: a path in the joined root, not in ours
got=$("$NSJOIN" -t "$pid" -m -W /inside/work -- /bin/pwd)
assert_eq /inside/work "$got" "-m -W DIR: in the joined mount namespace's root"
got=$("$NSJOIN" -t "$pid" -m --wdns=/inside -- /bin/pwd)
assert_eq /inside "$got" "--wdns=DIR"
got=$("$NSJOIN" -t "$pid" -u -r"$ROOT" -W /inside -- /bin/pwd)
assert_eq /inside "$got" "-r DIR -W DIR: in --root's root"
assert_status 125 "-W to a missing directory" -- "$NSJOIN" -t "$pid" -m -W /nonexistent -- /bin/true
assert_error_line "nsjoin: /nonexistent: working directory in the joined root: No such file or directory"
assert_status 125 "-W with -w" -- "$NSJOIN" -t "$pid" -m -w -W /inside -- /bin/true
assert_one_line_error nsjoin "--wdns does not go with --wd"

# -S/-G NAME: the joined root's /etc/passwd and /etc/group
got=$("$NSJOIN" -t "$pid" -m -S nskit-alice -G nskit-staff -- /bin/sh -c 'id -u; id -g')
assert_eq "1234
4321" "$got" "-S NAME -G NAME from the target's root"
got=$("$NSJOIN" -t "$pid" -u -r"$ROOT" --setuid=nskit-alice -- /bin/id -u)
assert_eq 1234 "$got" "--setuid=NAME in --root's root"
got=$("$NSJOIN" -t "$pid" -m -S 77 -G 88 -- /bin/sh -c 'id -u; id -g')
assert_eq "77
88" "$got" "numbers stay numbers"
assert_status 125 "a name the root lacks" -- "$NSJOIN" -t "$pid" -m -S nskit-bob -- /bin/true
assert_error_line "nsjoin: --setuid nskit-bob: /etc/passwd: no such name"
# a name of the host's own files is not found there: only the root's count
assert_status 125 "a host-only name" -- "$NSJOIN" -t "$pid" -m -G daemon -- /bin/true
assert_error_line "nsjoin: --setgid daemon: /etc/group: no such name"
# a container's /etc/passwd that is not a regular file is not read
rm "$ROOT/etc/passwd" && mkfifo "$ROOT/etc/passwd"
assert_status 125 "a FIFO as /etc/passwd" -- "$NSJOIN" -t "$pid" -m -S nskit-alice -- /bin/true
assert_error_line "nsjoin: --setuid nskit-alice: /etc/passwd: not a regular file"
assert_status 125 "a number out of range" -- "$NSJOIN" -t "$pid" -m -S 4294967295 -- /bin/true
assert_one_line_error nsjoin "not an id, a name or 'follow'"

# what this build or kernel cannot do is refused in one line, not tried
assert_status 125 "-Z without SELinux support" -- "$NSJOIN" -t "$pid" -m -Z -- /bin/true
assert_one_line_error nsjoin "--follow-context: built without SELinux support"
assert_status 125 "--net=:NSID" -- "$NSJOIN" -t "$pid" --net=:3 -- /bin/true
assert_one_line_error nsjoin "a namespace by its id is not supported"
