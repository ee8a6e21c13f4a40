#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun --detach --into-cgroup GROUP: the namespaces' first process is born
# in GROUP's cgroup2 (clone3 CLONE_INTO_CGROUP: never in nsrun's cgroup,
# never written into a cgroup.procs there), where the cgroup namespace is
# rooted at GROUP; held, the holder joins the v1 hierarchies itself before
# the release takes effect (there the namespace is rooted at nsrun's
# cgroup); not held, the first process joins them before it makes the
# namespaces. The holder, PID 1, keeps no descriptor of the group. A group
# that does not exist is refused in one line, with nothing left behind.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_tool cgctl
require_cmd strace
isolate
g=nskit-into-$$
mark=4242.$$	# the failing runs' commands' marker, unique to this run
# the cgroup path of G (or of us, G empty) in each hierarchy, "ID:PATH"
# sorted, as /proc/PID/cgroup writes it, where G exists; else our own
where() {
	cg_table | while read -r id _ctrls path dir _mount; do
		if [ -n "$1" ] && [ -d "$dir/$1" ]; then
			echo "$id:${path%/}/$1"
		else
			echo "$id:$path"
		fi
	done | sort
}
of() { cut -d: -f1,3- "/proc/$1/cgroup" | sort; }

"$CGCTL" create "$g" --parent self --memory 64M --pids 16 || hard_error "cgctl create $g"
on_exit "'$CGCTL' delete '$g' --parent self --kill"
want=$(where "$g")
assert_ne "$(where "")" "$want" "the group exists somewhere (cgctl create)"

# held: PID 1 of the PID namespace is in the group everywhere it exists
# (traced: strace, which would follow the holder for ever, is ended once
# nsrun has printed the handle; it then lets the holder go)
strace -I1 -f -o "$TMP_DIR/trace" -e trace=clone3,clone,fork,vfork,openat -e signal=none \
	"$NSRUN" --pid --mount --cgroup --detach --hold --into-cgroup "$g" -- sleep 4241 \
	>"$TMP_DIR/handle" 2>"$TMP_DIR/stderr" &
tracer=$!
wait_for '[ -s "$TMP_DIR/handle" ]' || fail "nsrun --detach --into-cgroup: $(cat "$TMP_DIR/stderr")"
read -r h <"$TMP_DIR/handle"
kill_later "$h"
kill -TERM "$tracer"
wait "$tracer" 2>/dev/null || :
# born in it: clone3 with CLONE_INTO_CGROUP made nsrun's child, and no
# process wrote itself into the group's cgroup2 cgroup.procs
grep -q 'clone3({flags=CLONE_INTO_CGROUP, .*cgroup=' "$TMP_DIR/trace" ||
	fail "no clone3 with CLONE_INTO_CGROUP: $(grep clone "$TMP_DIR/trace")"
v2dir=$(cg_get dir "")
if [ -n "$v2dir" ]; then
	assert_no_match "$v2dir/$g/cgroup.procs" "$(cat "$TMP_DIR/trace")" \
		"a write into the group's cgroup2 cgroup.procs"
fi
# no descriptor of a cgroup directory in the holder
fds=$(for f in "/proc/$h/fd/"*; do readlink "$f"; done)
assert_no_match "/sys/fs/cgroup" "$fds" "descriptors of the holder"

# released, PID 1 and the command are in the group everywhere it exists
"$NSRUN" --release -t "$h" || fail "nsrun --release: status $?"
assert_eq "$want" "$(of "$h")" "/proc/$h/cgroup of PID 1 (the holder)"
wait_for '[ -n "$(children_of "$h")" ]' || fail "no command after the release"
c=$(children_of "$h")
assert_eq "$want" "$(of "$c")" "/proc/$c/cgroup of the command"
inside=$("$NSJOIN" -t "$h" --cgroup --join-cgroup -- cat /proc/self/cgroup | cut -d: -f1,3- | sort) ||
	fail "nsjoin: status $?"
# (v2: "/"; v1: GROUP beneath nsrun's cgroup, where the namespace is rooted)
assert_eq "$(where "$g" | while IFS=: read -r id p; do
	case $id:$p in 0:*/"$g") echo "0:/" ;; *:*/"$g") echo "$id:/$g" ;; *) echo "$id:/" ;; esac
done | sort)" "$inside" "the command's cgroups, seen in its cgroup namespace"
kill -KILL "$h"
wait_gone "$h"

# not held: the command sees the group as its root everywhere (the first
# process joined every hierarchy before it made the cgroup namespace)
"$NSRUN" --pid --mount --cgroup --detach --into-cgroup "$g" --log "$TMP_DIR/log" -- \
	sh -c 'cut -d: -f1,3- /proc/self/cgroup | sort' >/dev/null || fail "nsrun --detach: status $?"
wait_for '[ "$(wc -l <"$TMP_DIR/log")" -ge "$(echo "$want" | wc -l)" ]' || fail "log: $(cat "$TMP_DIR/log")"
assert_eq "$(echo "$want" | sed 's/:.*/:\//')" "$(cat "$TMP_DIR/log")" \
	"the cgroups of a command not held, seen in its cgroup namespace"

# a missing group: one line, 125, no process, no namespace file
ns_file_dir
assert_status 125 "--into-cgroup of a missing group" -- \
	"$NSRUN" --net="$NS_DIR/net" --detach --into-cgroup "nskit-none-$$" -- sleep "$mark"
assert_error_line "nsrun: cgroup nskit-none-$$: No such file or directory"
assert_eq "" "$(pids_with_arg "$mark")" "processes left"
assert_eq "" "$(ls "$NS_DIR")" "namespace files left"

# a v1 hierarchy that refuses the join (a cpuset group whose cpus are
# emptied: ENOSPC): not held, nsrun says so and leaves nothing; held,
# the release says so (the holder joins after the handle) and ends it
cpuset=$(cg_get dir cpuset)
if [ -n "$cpuset" ]; then
	bad=nskit-into-bad-$$
	"$CGCTL" create "$bad" --parent self --pids 16 || hard_error "cgctl create $bad"
	on_exit "'$CGCTL' delete '$bad' --parent self --kill; rmdir '$cpuset/$bad'"	# (if made by hand)
	[ -d "$cpuset/$bad" ] || mkdir "$cpuset/$bad" || hard_error "mkdir $cpuset/$bad"
	echo >"$cpuset/$bad/cpuset.cpus" || hard_error "emptying $cpuset/$bad/cpuset.cpus"
	assert_eq "" "$(cat "$cpuset/$bad/cpuset.cpus")" "the cpus of the cpuset group"
	assert_status 125 "--into-cgroup, a join refused" -- \
		"$NSRUN" --pid --net="$NS_DIR/net" --detach --into-cgroup "$bad" -- sleep "$mark"
	assert_error_line "nsrun: $cpuset/$bad: No space left on device"
	assert_eq "" "$(pids_with_arg "$mark")" "processes left"
	assert_eq "" "$(ls "$NS_DIR")" "namespace files left"
	h=$("$NSRUN" --pid --detach --hold --into-cgroup "$bad" -- sleep "$mark") ||
		fail "nsrun --detach --hold: status $?"
	kill_later "$h"
	assert_status 125 "the release of a holder whose join was refused" -- "$NSRUN" --release -t "$h"
	assert_error_line "nsrun: $cpuset/$bad: No space left on device"
	wait_gone "$h" || fail "the holder $h stays"
	assert_eq "" "$(pids_with_arg "$mark")" "processes left"
fi
# and without --detach: refused as a usage error
assert_status 125 "--into-cgroup without --detach" -- "$NSRUN" --into-cgroup "$g" true
assert_one_line_error nsrun "--into-cgroup needs --detach"
exit 0
