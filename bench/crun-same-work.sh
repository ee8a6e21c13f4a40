#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# crun doing the whole work of examples/container.sh: what crun itself does
# (bench/oci-bundle.inc's bundle: namespaces, map, limits, hostname) plus
# the two steps it leaves to its caller, done the way its users do them
# (podman, CNI's ptp plugin): a network namespace with a veth, addresses
# on both ends and a default route (iproute2, two `ip -batch` runs), and
# a root on an overlay whose writes vanish (mount(8): a tmpfs for the upper
# layer, the overlay). Then `crun run` of the bundle that joins that
# network namespace and takes that root; like container.sh, the teardown
# (unmounts, the namespace, with it the veth) runs after the exit.
#
#   bench/crun-same-work.sh BUNDLE-DIR ROOT DIR
#
# BUNDLE-DIR's config.json comes from `oci_config crun DIR/merged ... NETNS`
# with NETNS /run/netns/nskit-bench; ROOT is the lower layer. One run at
# a time (fixed names: a run waits for the previous one's teardown). IP and
# CRUN name the programs (default ip, crun; CRUN may add options). Needs root.
set -eu
bundle=$1 root=$2 dir=$3 ip=${IP:-ip} crun=${CRUN:-crun}
ns=nskit-bench veth=nskbench net=10.99.1
n=0
while [ -e "$dir/busy" ]; do	# the previous run's teardown, still running
	n=$((n + 1))
	[ "$n" -lt 500 ] || { echo "crun-same-work: $dir/busy stays" >&2; exit 125; }
	sleep 0.01
done
mkdir -p "$dir/upper" "$dir/merged"
: >"$dir/busy"
teardown() {
	umount "$dir/merged"
	umount "$dir/upper"
	"$ip" netns delete "$ns"
	rm -f "$dir/busy"
} >/dev/null 2>&1 </dev/null
trap 'teardown &' EXIT

"$ip" -batch - <<EOF
netns add $ns
link add $veth type veth peer name eth0 netns $ns
address add $net.1/24 dev $veth
link set $veth up
EOF
"$ip" -netns "$ns" -batch - <<EOF
link set lo up
address add $net.2/24 dev eth0
link set eth0 up
route add default via $net.1
EOF
mount -t tmpfs -o mode=755 upper "$dir/upper"
mkdir "$dir/upper/data" "$dir/upper/work"
chown 100000:100000 "$dir/upper/data"	# the root of the container's root (nsroot does it too)
mount -t overlay -o "lowerdir=$root,upperdir=$dir/upper/data,workdir=$dir/upper/work" \
	overlay "$dir/merged"
st=0
# shellcheck disable=SC2086 # CRUN may carry options
$crun run --bundle "$bundle" "nskit-bench-$$" || st=$?
exit "$st"
