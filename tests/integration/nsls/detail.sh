#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsls -t: everything about one container, as the kernel shows it: each
# namespace with its owner, the full maps, every process with its inner
# PID, the cgroups, the links and routes inside, every mount, the state.
# Any process of the container names it; a PID:INODE handle is checked;
# "-t -" reads the handle and passes it on down a pipe; a process in no
# container is one line and 125.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/nsls/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsls/helpers.sh"
require_tool nsmap
require_tool vethup
require_tool mkprop
require_cmd python3

pid=$(detached -U -p -n -m --hold -- sleep 4243.25)
"$NSMAP" -t "$pid" --uid 0:100000:65536 --gid 0:100000:65536 || fail "nsmap"
"$VETHUP" -t "$pid" --addr 10.0.0.2/24 --host-addr 10.0.0.1/24 >/dev/null || fail "vethup"
"$NSRUN" --release -t "$pid" || fail "nsrun --release"
wait_for '[ -n "$(children_of "$pid")" ]' || fail "the command did not start"
child=$(children_of "$pid")

"$NSLS" -t "$child" -J >"$TMP_DIR/json" || fail "nsls -t $child -J: exit status $?"
python3 -m json.tool "$TMP_DIR/json" >/dev/null || fail "not JSON: $(cat "$TMP_DIR/json")"
q() { jq -c "$1" "$TMP_DIR/json"; }
assert_eq "$pid" "$(q '.container[0].pid')" "keyed by its init, asked by its command"
assert_eq '"no"' "$(q '.container[0].held')" "not held after --release"
# namespaces: the container's own, each owned by its user namespace
user=$(ns_inode "$pid" user)
for t in user net pid mnt; do
	assert_eq "$(ns_inode "$pid" $t)" "$(q ".namespaces[] | select(.type == \"$t\") | .ns")" "$t inode"
	assert_eq '"yes"' "$(q ".namespaces[] | select(.type == \"$t\") | .own")" "$t is its own"
done
assert_eq "$user" "$(q '.namespaces[] | select(.type == "net") | .owner')" "net owned by its user ns"
assert_eq '"no"' "$(q '.namespaces[] | select(.type == "uts") | .own')" "uts shared"
# the full maps
assert_eq '[{"map":"uid","inner":0,"outer":100000,"count":65536},{"map":"gid","inner":0,"outer":100000,"count":65536}]' \
	"$(q '.maps')" "maps"
# every process, with its PID inside
assert_eq "[[$pid,1],[$child,2]]" "$(q '[.processes[] | [.pid, .inner]] | sort')" "processes"
# its cgroups: the path of each hierarchy as /proc/PID/cgroup has it
want=$(sed -n 's/^[0-9]*:[^:]*:\(.*\)$/\1/p' "/proc/$pid/cgroup" | sort -u | tr '\n' ' ')
got=$(q '[.cgroups[].cgroup] | unique | .[]' | tr -d '"' | tr '\n' ' ')
assert_eq "$want" "$got" "cgroup paths"
assert_eq number "$(q '.cgstat[0]."memory.current" | type' | tr -d '"')" "memory figure"
# links and routes inside
assert_eq '"10.0.0.2/24"' "$(q '.links[] | select(.name == "eth0") | .addresses | split(" ")[0]')" \
	"eth0 address"
assert_eq '"10.0.0.1"' "$(q '.routes[] | select(.destination == "default") | .gateway')" \
	"default route"
# every mount of its table, as mkprop --show shows it
assert_eq "$(wc -l <"/proc/$pid/mountinfo")" "$(q '.mounts | length')" "mounts"
assert_eq "$("$MKPROP" --show -t "$pid" --json | jq -c .mounts)" "$(q '.mounts')" \
	"mounts and their propagation, as mkprop --show"
# as text: a title per subject
"$NSLS" -t "$pid" >"$TMP_DIR/text" || fail "nsls -t: exit status $?"
for title in Container Namespaces "Id maps" Processes Cgroups Links Routes Mounts; do
	grep -q "^$title" "$TMP_DIR/text" || fail "no $title section: $(cat "$TMP_DIR/text")"
done

# PID:INODE: checked against the process's pidfs inode
if have_pidfs; then
	ino=$(pidfd_inode "$pid")
	assert_status 0 "nsls -t PID:INODE" -- "$NSLS" -t "$pid:$ino"
	assert_status 125 "nsls -t PID:WRONG" -- "$NSLS" -t "$pid:$((ino + 1))"
	assert_one_line_error nsls "not the process the handle named"
fi

# -t - in a pipe: the handle goes on, the view to stderr
out=$(echo "$pid" | "$NSLS" -t - 2>"$TMP_DIR/view" | cat) || fail "nsls -t - in a pipe"
assert_eq "$pid" "$out" "the handle passed on"
grep -q '^Processes' "$TMP_DIR/view" || fail "the view on stderr: $(cat "$TMP_DIR/view")"

# not a container, and no process
assert_status 125 "nsls -t \$\$" -- "$NSLS" -t $$
assert_one_line_error nsls "process $$: in no container"
sleep 100 &
gone=$!
kill -KILL "$gone"
wait "$gone" 2>/dev/null
assert_status 125 "nsls -t of a process gone" -- "$NSLS" -t "$gone"
assert_one_line_error nsls "handle $gone: no such process"
