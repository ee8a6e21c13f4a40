#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --mount-proc: the host's ps, run in the container's PID namespace on a
# fresh /proc, lists exactly the container's processes, while the host's
# files stay visible; nothing is mounted outside the command.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd ps

pid=$("$NSRUN" --user --map-root-user --mount --pid --net --detach -- sleep 100) ||
	hard_error "nsrun --detach failed"
kill_later "$pid"
echo host-file >"$TMP_DIR/marker"
mounts=$(mount_count)

# PID 1 is nsrun's init (named nsrun-init by --detach), 2 the sleep it
# runs, 3 the shell, 4 ps (in PID order)
out=$("$NSJOIN" -t "$pid" --pid --mount-proc -- sh -c \
	"ps -e -o pid=,comm=; cat '$TMP_DIR/marker'") || fail "exit status $?"
got=$(printf '%s\n' "$out" | sed 's/^ *//; s/  */ /g')
assert_eq "1 nsrun-init
2 sleep
3 sh
4 ps
host-file" "$got" "the container's processes and a host file"
assert_eq "$mounts" "$(mount_count)" "mounts of the caller's namespace"
assert_eq "$(ns_inode self mnt)" "$("$NSJOIN" -t "$pid" -p -- stat -L -c %i /proc/self/ns/mnt)" \
	"without --mount-proc the mount namespace stays ours"

# the same inside every namespace of the container (its user namespace too)
# (PIDs 3 to 6 went to the commands above: ps is the third process)
got=$("$NSJOIN" -t "$pid" -a --mount-proc -- ps -e -o pid=,comm= | sed 's/^ *//; s/  */ /g')
assert_match '^1 nsrun-init 2 sleep [0-9]+ ps$' "$(echo $got)" "-a --mount-proc"

# --mount-proc implies --pid, and needs the fork
got=$("$NSJOIN" -t "$pid" --mount-proc -- stat -L -c %i /proc/self/ns/pid)
assert_eq "$(ns_inode "$pid" pid)" "$got" "--mount-proc implies --pid"
assert_status 125 "--mount-proc -F" -- "$NSJOIN" -t "$pid" --mount-proc -F -- true
assert_one_line_error nsjoin "--mount-proc needs the fork into the PID namespace \(drop -F\)"
