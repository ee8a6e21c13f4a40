#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# examples/netlab.sh: `up` makes a bridge and three nodes, persisted as ip
# netns names, each reachable from the others, each with its hostname; a
# second `up` is refused and leaves the lab as it was; `down` removes it
# all in one command; an up that finds a node's namespace file refuses
# and leaves it.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/integration/examples/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/examples/helpers.sh"
require_cmd ping
# the lab's files go to a /run of the test's own
mount -t tmpfs tmpfs /run || hard_error "tmpfs on /run"
before=$(snapshot)
E=$EXAMPLES/netlab.sh

assert_status 0 "netlab.sh up" -- "$E" up
links=$(ip -o link show | awk '{ print $2, $0 }' | sed -n 's/^\([^:@]*\)[:@].* master \([^ ]*\) .*/\1 \2/p')
assert_eq "nslab0-lab1 nslab0
nslab0-lab2 nslab0
nslab0-lab3 nslab0" "$links" "the host ends, enslaved to the bridge"
assert_eq "10.99.2.1/24" "$(ip -4 -o addr show dev nslab0 | awk '{ print $4 }')" "the bridge's address"
assert_eq "lab1 lab2 lab3" "$(ls /run/netns | sort | tr '\n' ' ' | sed 's/ $//')" "ip netns names"

assert_status 0 "netlab.sh ping" -- "$E" ping
assert_eq 6 "$(grep -c ': reachable$' "$TMP_DIR/stdout")" "pairs reachable"
assert_status 0 "netlab.sh exec" -- "$E" exec lab2 sh -c 'hostname; ip -4 -o addr show dev eth0'
assert_match '^lab2
[0-9]+: eth0 +inet 10\.99\.2\.12/24 ' "$(cat "$TMP_DIR/stdout")" "lab2's hostname and address"
assert_status 0 "ip netns exec" -- ip netns exec lab3 ip -4 -o addr show dev eth0
assert_match 'inet 10\.99\.2\.13/24 ' "$(cat "$TMP_DIR/stdout")" "lab3 through ip netns"

lab=$(snapshot)
assert_status 125 "a second up" -- "$E" up
assert_eq "netlab.sh: nslab0: exists; is the lab up? (netlab.sh down)" "$(cat "$TMP_DIR/stderr")" "the refusal"
assert_eq "$lab" "$(snapshot)" "the lab after the refused up"

assert_status 0 "netlab.sh down" -- "$E" down
assert_eq "$before" "$(snapshot)" "links, mounts and processes after down"
assert_eq "" "$(ls -A /run/netns)" "/run/netns after down"
[ ! -e /run/nskit ] || fail "/run/nskit is left: $(ls -R /run/nskit)"

# a namespace of the user under a node's name: up refuses it before making
# anything, so its clean-up does not remove it
ip netns add lab2 || hard_error "ip netns add lab2"
on_exit "ip netns delete lab2"
ours=$(snapshot)
assert_status 125 "up with a lab2 of the user's" -- "$E" up
assert_eq "netlab.sh: /run/netns/lab2: exists, not made by up" "$(cat "$TMP_DIR/stderr")" "the refusal"
assert_eq "$ours" "$(snapshot)" "links, mounts and processes after the refused up"
assert_eq "lab2" "$(ls /run/netns)" "/run/netns after the refused up"
ip netns delete lab2 || fail "ip netns delete lab2"
