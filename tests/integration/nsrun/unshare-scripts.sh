#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Command lines written for unshare(1) and nsenter(1) run unchanged with
# nsrun and nsjoin in their place, and print the same.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd unshare nsenter
isolate
# root's subordinate range, for unshare's ranges (util-linux 2.38 writes
# them through shadow's newuidmap even as root): a file of our own, in
# this test's mount namespace
for f in subuid subgid; do
	[ -f "/etc/$f" ] || skip "needs /etc/$f to bind-mount a copy over"
	echo "root:100000:65536" >"$TMP_DIR/$f"
	mount --bind "$TMP_DIR/$f" "/etc/$f" || hard_error "bind-mounting /etc/$f"
done

# same_output DESCRIPTION ARGS...: `unshare ARGS` and `nsrun ARGS` print
# the same and exit alike
same_output() {
	_what=$1
	shift
	_st1=0
	_st2=0
	_theirs=$(unshare "$@" 2>&1) || _st1=$?
	_ours=$("$NSRUN" "$@" 2>&1) || _st2=$?
	assert_eq "$_theirs" "$_ours" "$_what: output of nsrun as of unshare"
	assert_eq "$_st1" "$_st2" "$_what: exit status"
}

# shellcheck disable=SC2016 # expanded inside
same_output "map ranges, unshare's older form" --map-users=100000,0,65536 \
	--map-groups=100000,0,65536 -U sh -c 'cat /proc/self/uid_map /proc/self/gid_map'
same_output "-r --keep-caps" -r --keep-caps sh -c 'grep -E "^Cap(Eff|Amb)" /proc/self/status; id -u'
same_output "--map-user, --map-group" -U --map-user=1000 --map-group=1000 sh -c 'id -u; id -g'
same_output "-n -r" -n --map-root-user sh -c 'wc -l </proc/net/dev'
same_output "-u -r hostname" -u -r sh -c 'hostname nskit-compat; hostname'
same_output "--setgroups deny" -U --setgroups deny cat /proc/self/setgroups
same_output "-m --propagation slave" -m --propagation slave sh -c 'grep -c " / / " /proc/self/mountinfo'
same_output "-T --monotonic" -T --monotonic 86400 -f sh -c 'cut -d" " -f1 /proc/uptime | cut -d. -f1 >/dev/null; echo ok'
if unshare --help | grep -q -- --clear-env; then
	same_output "--clear-env" -U --clear-env /usr/bin/env
fi
same_output "exit status" -U sh -c 'exit 42'

# nsenter: -W, -S/-G and the namespace options
wdns=$TMP_DIR/wdns
mkdir "$wdns" || hard_error "mkdir $wdns"
pid=$("$NSRUN" --mount --uts --detach -- sleep 100) || hard_error "nsrun --detach"
kill_later "$pid"
same_nsenter() {
	_what=$1
	shift
	_theirs=$(nsenter "$@" 2>&1) || true
	_ours=$("$NSJOIN" "$@" 2>&1) || true
	assert_eq "$_theirs" "$_ours" "$_what: output of nsjoin as of nsenter"
}
same_nsenter "-W" -t "$pid" -m -W "$wdns" pwd
same_nsenter "-u hostname" -t "$pid" -u hostname
same_nsenter "-m -S -G" -t "$pid" -m -S 1000 -G 1000 sh -c 'id -u; id -g'
same_nsenter "--all" -t "$pid" --all sh -c 'readlink /proc/self/ns/mnt /proc/self/ns/uts'
