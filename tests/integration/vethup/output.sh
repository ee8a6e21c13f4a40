#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# util-linux's output options print what was made, one row per link: -o
# selects and orders columns (+COL adds to the default), --output-all shows
# every column --help lists, -n drops the header, -r one space, -J JSON
# under "vethup" with iproute2's keys (ifname, ifindex, address, mtu) and
# numbers as numbers; the values are what ip -j link shows. A bad column is
# one line, 125, and nothing is made.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

# -o, -n, -r: these columns, in this order, one space; the kernel's values
pid=$(container)
assert_status 0 "-o -n -r" -- "$VETHUP" -t "$pid" --addr 10.0.0.2/24 --host-addr 10.0.0.1/24 \
	--mtu 1400 -n -r -o ifname,MTU,address,ifindex
host=$(link_json "veth$pid")
peer=$(link_json eth0 "$pid")
assert_eq "veth$pid 1400 $(printf '%s' "$host" | jq -r .address) $(printf '%s' "$host" | jq -r .ifindex)
eth0 1400 $(printf '%s' "$peer" | jq -r .address) $(printf '%s' "$peer" | jq -r .ifindex)" \
	"$(cat "$TMP_DIR/stdout")" "-n -r -o: host end, then peer"

# --output-all: every column --help lists; +COL
pid=$(container)
assert_status 0 "--output-all" -- "$VETHUP" -t "$pid" --output-all -u
assert_eq "$(help_columns "$VETHUP" | tr '\n' ' ' | sed 's/ $//')" \
	"$(words "$(cat "$TMP_DIR/stdout")")" "--output-all and --help"
assert_eq 3 "$(wc -l <"$TMP_DIR/stdout")" "a header and two links"
pid=$(container)
assert_status 0 "-o +end" -- "$VETHUP" -t "$pid" -o +end
assert_eq "END IFNAME IFINDEX NETNS ADDRESS MTU ADDR END" "$(words "$(cat "$TMP_DIR/stdout")")" \
	"header of -o +COL"

# -J: one key; iproute2's keys hold what ip -j link shows; numbers are numbers
pid=$(container)
assert_status 0 "-J" -- "$VETHUP" -t "$pid" -J --bridge "br$$" --addr 10.0.0.2/24 --host-addr 10.0.0.1/24
json=$TMP_DIR/stdout
assert_eq '["vethup"]' "$(jq -c keys "$json")" "the top-level key"
assert_eq "host peer bridge" "$(jq -r '[.vethup[].end] | join(" ")' "$json")" "the rows"
for end in host peer bridge; do
	case $end in
	host) want=$(link_json "veth$pid") ;;
	peer) want=$(link_json eth0 "$pid") ;;
	bridge) want=$(link_json "br$$") ;;
	esac
	row=$(jq -c ".vethup[] | select(.end == \"$end\")" "$json")
	for k in ifname ifindex address mtu; do
		assert_eq "$(printf '%s' "$want" | jq -c ".$k")" "$(printf '%s' "$row" | jq -c ".$k")" "$end $k"
	done
	assert_eq "number number number" \
		"$(printf '%s' "$row" | jq -r '[.ifindex, .netns, .mtu] | map(type) | join(" ")')" "$end types"
done
assert_eq "$(ns_inode "$pid" net)" "$(jq -r '.vethup[1].netns' "$json")" "peer netns"
assert_eq "$(addrs eth0 "$pid")" "$(jq -r '.vethup[1].addr' "$json")" "peer addresses"
assert_eq "$(addrs "br$$")" "$(jq -r '.vethup[2].addr' "$json")" "bridge addresses"
assert_eq null "$(jq -r '.vethup[0].addr | type' "$json")" "host end on a bridge: no address, null"

# refusals: one line, 125, nothing made
pid=$(container)
before=$(links)
expect_failure "--output ifname,nope: unknown column nope" "$VETHUP" -t "$pid" -o ifname,nope
assert_eq "" "$(cat "$TMP_DIR/stdout")" "nothing printed for a bad column"
assert_eq "$before" "$(links)" "host links after a bad column"
assert_eq "1:lo" "$(links "$pid")" "links inside after a bad column"
expect_failure "--delete takes no other option" "$VETHUP" --delete "veth$pid" -J
