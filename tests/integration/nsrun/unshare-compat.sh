#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# unshare(1)'s options that nsrun takes with unshare's meaning:
# --clear-env, --whitelist-env, --keep-caps, --forward-signals, --owner.
# (The map forms are in nsmap/nsrun-ranges.sh.)
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd python3

# --clear-env: nothing; --whitelist-env: the names given, with their values
out=$(env -i FOO=1 BAR=2 PATH=/usr/bin:/bin "$NSRUN" -U --clear-env -- /usr/bin/env)
assert_eq "" "$out" "--clear-env"
out=$(env -i FOO=1 BAR='b=2' PATH=/usr/bin:/bin "$NSRUN" -U --whitelist-env BAR,PATH,NOPE -- /usr/bin/env | sort)
assert_eq "BAR=b=2
PATH=/usr/bin:/bin" "$out" "--whitelist-env BAR,PATH,NOPE"
out=$(env -i FOO=1 PATH=/usr/bin:/bin "$NSRUN" -U -- /usr/bin/env)
assert_eq "FOO=1
PATH=/usr/bin:/bin" "$out" "without them, the environment passes"
assert_status 125 "a bad list" -- "$NSRUN" -U --whitelist-env A=B -- true
assert_one_line_error nsrun "--whitelist-env A=B: not a comma list of names"

# --keep-caps: a non-root command in a new user namespace keeps its
# capabilities (in the ambient set), as with unshare --keep-caps
caps() {
	"$NSRUN" --map-users 0:100000:65536 --map-groups 0:100000:65536 -S 1000 -G 1000 "$@" -- \
		awk '$1 == "CapEff:" || $1 == "CapAmb:" { printf "%s ", $2 }' /proc/self/status
}
bnd=$("$NSRUN" --map-users 0:100000:65536 -- awk '$1 == "CapBnd:" { print $2 }' /proc/self/status)
assert_eq "$bnd $bnd " "$(caps --keep-caps)" "--keep-caps: effective and ambient"
assert_eq "0000000000000000 0000000000000000 " "$(caps)" "without --keep-caps: none"

# --forward-signals: accepted (nsrun always forwards); implies --fork
"$NSRUN" -U --forward-signals -- sh -c 'trap "exit 7" TERM; echo $$ >"$1"; while :; do sleep 0.05; done' \
	sh "$TMP_DIR/inner" &
pid=$!
kill_later "$pid"
wait_for "[ -s '$TMP_DIR/inner' ]" || fail "the command did not start"
assert_ne "$pid" "$(cat "$TMP_DIR/inner")" "--forward-signals forks (the command is not nsrun)"
kill -TERM "$pid"
st=0
wait "$pid" || st=$?
assert_eq 7 "$st" "TERM forwarded, the command's status returned"

# --owner: the user namespace belongs to UID; -r maps root's 0 through the
# helper that stays root, as unshare does
owner_of() {
	python3 -c 'import fcntl, os, struct, sys
fd = os.open("/proc/%s/ns/user" % sys.argv[1], os.O_RDONLY)
print(struct.unpack("I", fcntl.ioctl(fd, 0xb704, bytes(4)))[0])' "$1"
}
# (the command is uid 1234 on the host: the test's shell writes its output)
"$NSRUN" --owner 1234:1235 -U -r -- sh -c 'echo $$; exec sleep 30' >"$TMP_DIR/owned" &
pid=$!
kill_later "$pid"
wait_for "[ -s '$TMP_DIR/owned' ]" || fail "the command did not start"
inner=$(cat "$TMP_DIR/owned")
assert_eq 1234 "$(owner_of "$inner")" "--owner: the namespace's owner"
assert_eq "0 0 1" "$(awk '{ print $1, $2, $3 }' "/proc/$inner/uid_map")" "--owner -r: uid_map"
assert_eq 1234 "$(stat -c %u "/proc/$pid")" "nsrun itself became the owner"
kill "$pid" 2>/dev/null
assert_status 125 "--owner as a user" -- setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$NSRUN" --owner 1234:1234 -U -- true
assert_one_line_error nsrun "--owner needs root"
assert_status 125 "--owner garbage" -- "$NSRUN" --owner 1234 -U -- true
assert_one_line_error nsrun "--owner 1234: not UID:GID"

# --mount-proc with --root mounts in the new root, as unshare does
make_root "$TMP_DIR/root"
out=$("$NSRUN" -p --as-pid-1 -R "$TMP_DIR/root" --mount-proc -- /bin/cat /proc/self/stat | cut -d' ' -f1)
assert_eq 1 "$out" "--root --mount-proc: the new root's /proc is the new PID namespace's"

# -l: an interpreter registered in the user namespace's own binfmt_misc
# (Linux 6.7), which the host never sees
printf '#NSKIT-BINFMT\nhello\n' >"$TMP_DIR/script"
chmod +x "$TMP_DIR/script"
out=$("$NSRUN" -r -l ':nskit:M::#NSKIT-BINFMT::/bin/cat:' -- "$TMP_DIR/script")
assert_eq "#NSKIT-BINFMT
hello" "$out" "-l: the script runs through its interpreter"
out=$("$TMP_DIR/script" 2>/dev/null) || true
assert_no_match "#NSKIT-BINFMT" "$out" "the host's binfmt_misc has no such entry"
mkdir "$TMP_DIR/bf"
out=$("$NSRUN" -r -p --mount-proc --mount-binfmt="$TMP_DIR/bf" -- ls "$TMP_DIR/bf")
assert_eq "register
status" "$out" "--mount-binfmt=DIR"
assert_status 125 "-l with a bad definition" -- "$NSRUN" -r -l garbage -- true
assert_error_line "nsrun: /proc/sys/fs/binfmt_misc/register: garbage: Invalid argument"
