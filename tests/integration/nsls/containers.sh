#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A container built as the examples build one (nsrun, nsmap, vethup, cgctl,
# nsroot) appears once, keyed by its init, with the maps, the cgroup and its
# figures, the link and its address, the root and host name the kernel
# shows for it.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/nsls/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsls/helpers.sh"
require_tool nsmap
require_tool vethup
require_tool cgctl
require_tool nsroot
require_tool mkprop

chmod 755 "$TMP_DIR" || hard_error "chmod"	# uid 100000 opens the image below it
root=$TMP_DIR/root
make_root "$root" 100000
cg=nsls-$$
mark=4243.25$$	# the command's marker, unique to this run
on_exit "'$CGCTL' delete '$cg' --parent self --kill"
mkdir "$TMP_DIR/mnt" || hard_error "mkdir"
cd / || hard_error "cd /"	# the pivot moves the init's directory along
pid=$(detached -U -m -p -n -u --hostname box --propagation unchanged --hold \
	--log "$TMP_DIR/log" -- "$MKPROP" --private --recursive / -- \
	"$NSROOT" --proc --overlay "$root" "$TMP_DIR/mnt" -- /bin/sleep "$mark")
"$NSMAP" -t "$pid" --uid 0:100000:65536 --gid 0:100000:65536 || fail "nsmap"
"$VETHUP" -t "$pid" --addr 10.0.0.2/24 --host-addr 10.0.0.1/24 >/dev/null || fail "vethup"
"$CGCTL" attach "$cg" -t "$pid" --parent self --create --memory 64M --pids 16 >/dev/null ||
	fail "cgctl attach"
"$NSRUN" --release -t "$pid" || fail "nsrun --release"
wait_for "[ -n \"\$(pids_with_arg $mark)\" ]" ||
	fail "the command did not start: $(cat "$TMP_DIR/log")"

r=$(row "$pid" --output-all)
[ -n "$r" ] || fail "container $pid not listed: $("$NSLS" --output-all)"
assert_eq 1 "$("$NSLS" -J | jq --argjson p "$pid" '[.containers[] | select(.pid == $p)] | length')" \
	"one row for the container"
assert_eq "user,uts,net,pid,mnt" "$(field "$r" ns)" "namespaces of its own"
assert_eq "running" "$(field "$r" state)" "state after --release"
assert_eq 2 "$(field "$r" nprocs)" "processes: the init and sleep"
assert_eq "0->100000 x65536" "$(field "$r" uidmap)" "uid map"
assert_eq "0->100000 x65536" "$(field "$r" gidmap)" "gid map"
assert_match "/$cg\$" "$(field "$r" cgroup)" "cgroup"
assert_eq 67108864 "$(field "$r" memmax)" "memory limit"
assert_eq 16 "$(field "$r" pidsmax)" "process limit"
assert_eq 2 "$(field "$r" pids)" "processes in the cgroup"
mem=$(field "$r" mem)
assert_match '^[0-9]+$' "$mem" "memory in use"
assert_eq true "$([ "$mem" -gt 0 ] && echo true)" "memory in use is above 0"
assert_match '^eth0 10\.0\.0\.2/24( |$)' "$(field "$r" links)" "the link inside and its address"
assert_eq box "$(field "$r" hostname)" "host name"
# the root: an overlay whose lower directory is the image (nsroot --overlay)
assert_eq "overlay:$root" "$(field "$r" root)" "root"
# the command is the init's, named by nsrun once released (ps shows it too)
assert_eq "nsrun-init $MKPROP --private --recursive / -- $NSROOT --proc --overlay $root $TMP_DIR/mnt -- /bin/sleep $mark" \
	"$(field "$r" command)" "command"
assert_eq nsrun-init "$(cat "/proc/$pid/comm")" "comm of the init"
