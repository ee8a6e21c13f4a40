# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# Helpers of the vethup tests (sourced after tests/integration/lib.sh and
# `isolate`: the test's own network namespace plays the host).

require_tool nsrun
require_tool vethup
require_cmd ip jq nsenter

# Refuse to run in the machine's own network namespace, whatever happens.
[ -n "${NSKIT_ISOLATED:-}" ] || hard_error "not isolated: call isolate first"

# container: a process holding a new network namespace (lo up); prints its
# PID, and it is killed at exit. Used as `pid=$(container)`, so the PID goes
# to a list that the clean-up registered here (in the test's own shell, not
# the subshell) reads.
on_exit 'while read -r _c; do kill -KILL "$_c"; done <"$TMP_DIR/containers"'
container() {
	_pid=$("$NSRUN" --net --detach) || hard_error "nsrun --net --detach failed"
	echo "$_pid" >>"$TMP_DIR/containers"
	echo "$_pid"
}

# inside PID CMD...: run CMD in the network namespace of PID.
inside() {
	_p=$1
	shift
	nsenter -t "$_p" -n "$@"
}

# links [PID]: "ifindex:name" of every interface, host side or inside PID.
links() {
	if [ $# -gt 0 ]; then
		inside "$1" ip -j link show
	else
		ip -j link show
	fi | jq -r '.[] | "\(.ifindex):\(.ifname)"' | sort
}

# link_json NAME [PID]: ip -j of one interface.
link_json() {
	if [ $# -gt 1 ]; then
		inside "$2" ip -j -d link show dev "$1"
	else
		ip -j -d link show dev "$1"
	fi | jq -c '.[0]'
}

# addrs NAME [PID]: its global addresses, "a/p" sorted, one line.
addrs() {
	if [ $# -gt 1 ]; then
		inside "$2" ip -j addr show dev "$1"
	else
		ip -j addr show dev "$1"
	fi | jq -r '[.[0].addr_info[] | select(.scope == "global") | "\(.local)/\(.prefixlen)"] | sort | join(" ")'
}

# default_gw FAMILY(4|6) PID: the gateway of the default route inside.
default_gw() {
	inside "$2" ip -j "-$1" route show default | jq -r '.[0].gateway // empty'
}

# expect_failure PATTERN CMD...: CMD exits 125 with one line matching
# "vethup: ...PATTERN".
expect_failure() {
	_pat=$1
	shift
	assert_status 125 "$*" -- "$@"
	assert_one_line_error vethup "$_pat"
}

# expect_line LINE CMD...: CMD exits 125 with exactly the one line LINE.
expect_line() {
	_line=$1
	shift
	assert_status 125 "$*" -- "$@"
	assert_error_line "$_line"
}

# net_state [PID]: every link (admin up or down), address and route (both
# families, every table), host side or inside PID: what a refusal or an
# undo must leave as it was. What the kernel adds by itself, and late, is
# left out: carrier, link-local addresses and routes.
net_state() {
	[ $# -eq 0 ] || set -- nsenter -t "$1" -n
	"$@" ip -j link show |
		jq -r '.[] | "\(.ifindex):\(.ifname) \(if any(.flags[]; . == "UP") then "up" else "down" end)"'
	"$@" ip -j addr show |
		jq -r '.[] | .ifname as $n | .addr_info[] | select(.scope != "link") | "\($n) \(.local)/\(.prefixlen)"'
	"$@" ip -4 route show table all | sed 's/ linkdown//'
	"$@" ip -6 route show table all | grep -v fe80 | sed 's/ linkdown//'
}

# remember_state PID: net_state of both sides now, outside and inside PID;
# check_unchanged WHAT: both are still as remembered.
remember_state() {
	_state_pid=$1
	_state_host=$(net_state)
	_state_inner=$(net_state "$1")
}
check_unchanged() {
	assert_eq "$_state_host" "$(net_state)" "links, addresses, routes outside after: $1"
	assert_eq "$_state_inner" "$(net_state "$_state_pid")" "links, addresses, routes inside after: $1"
}

# grace_start HOST: `vethup --delete HOST --grace 10000` in the background
# ($waiter, killed at exit), and proof that it waits.
grace_start() {
	"$VETHUP" --delete "$1" --grace 10000 >"$TMP_DIR/grace.out" 2>&1 &
	waiter=$!
	kill_later "$waiter"
	sleep 0.3
	kill -0 "$waiter" 2>/dev/null || fail "--delete $1 --grace did not wait: $(cat "$TMP_DIR/grace.out")"
}
# grace_end HOST: it ended with status 0, and said nothing.
grace_end() {
	wait "$waiter" || fail "--delete $1 --grace: exit status $? ($(cat "$TMP_DIR/grace.out"))"
	assert_eq "" "$(cat "$TMP_DIR/grace.out")" "output of --delete $1 --grace"
}
