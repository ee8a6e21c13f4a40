#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# examples/container.sh against `crun run` WITH cgroups, in the test VM of
# tests/vm (Debian's kernel under qemu) booted on a pure cgroup2 hierarchy:
# crun refuses this hybrid machine's cgroups, so bench/container.sh runs it
# without them here. Both run `true` in the same busybox root (owned by the
# container's root, uid 100000); crun's bundle is bench/container.sh's
# (bench/oci-bundle.inc: the same namespaces, 65,536-id map, memory, CPU
# and PID limits and hostname; no veth, no overlay), written on the host,
# which has python. Beside them, "crun, the same work"
# (bench/crun-same-work.sh): crun with the veth and the overlay root
# container.sh also makes, made first by iproute2 and mount(8), as crun's
# users (podman, CNI) make them. Interleaved, medians, ratios to crun.
# Under TCG every system call is slower than on the host: read the ratios.
#
#   bench/vm-container.sh [--steps] [BUILD-DIR] [RUNS]   (as root; RUNS 21)
#
# --steps prints where one run of container.sh spends its time instead
# (bench/steps.awk over strace -f; relative figures), and one of each crun's.
# The image carries, beyond make check-vm's: crun, iproute2's ip, and dash
# to run the example (as on the host: busybox's sh runs its own applets
# before PATH's programs), with their libraries, the example, the bundles,
# timeit, and overlay.ko (nsroot --overlay, mount -t overlay). Missing crun
# is installed (apt-get).
#
# In the VM (NSKIT_VM=1) this same file is the test that runs: the VM's
# root is the initramfs (rootfs), which pivot_root refuses to leave, so it
# first moves into a bind mount of it in a mount namespace of its own,
# where both containers then start.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)

# ---- in the VM -------------------------------------------------------------
guest() {
	# shellcheck source=/dev/null # written by the host part below
	. /nskit/bench/settings
	runs=${RUNS:?} steps=${STEPS:-}
	[ "${NSKIT_VM_LAYOUT:-}" = unified ] || { echo "bench: runs on the unified boot only" >&2; exit 1; }
	if [ -z "${NSKIT_BENCH_ROOTED:-}" ]; then
		mkdir -p /tmp/bench-root
		# shellcheck disable=SC2016 # expanded by the inner shell
		NSKIT_BENCH_ROOTED=1 exec unshare -m -- sh -c '
			mount --rbind / /tmp/bench-root && cd /tmp/bench-root &&
			mount --move . / && exec chroot . /bin/sh "$0"' "$0"
	fi
	# The image's root came from mktemp -d: 0700, which the containers'
	# root (uid 100000) cannot walk through (crun's read of
	# /proc/self/setgroups, container.sh's directory in /tmp).
	chmod 755 /
	PATH=$NSKIT_BUILDDIR/src:$PATH
	export PATH
	root=/tmp/bench/rootfs # where oci_config put the bundle's root
	mkdir -p "$root/bin" "$root/proc" "$root/dev" "$root/tmp" "$root/etc" "$root/sys"
	cp /bin/busybox "$root/bin/busybox"
	chroot "$root" /bin/busybox --install -s /bin
	chown -R 100000:100000 "$root"
	crun="crun --root /tmp/bench/crun-state run --bundle /nskit/bench/crun bench"
	# crun with container.sh's whole work: its veth and overlay root made
	# the way crun's users make them (iproute2, mount), then crun run
	same="$(command -v dash) $NSKIT_SRCDIR/bench/crun-same-work.sh /nskit/bench/crun-same $root /tmp/bench/same"
	IP=${IPROUTE:?} CRUN="crun --root /tmp/bench/crun-state"
	export IP CRUN
	# dash, the host's /bin/sh: busybox's sh runs its own applets before
	# PATH's programs
	example="$(command -v dash) $NSKIT_SRCDIR/examples/container.sh -r $root true"
	echo "== pure cgroup2 VM: $(nproc) CPUs, $(uname -r), crun $(crun --version | sed -n 's/^crun version //p') with cgroups; load $(cut -d' ' -f1-3 /proc/loadavg)"
	# a failure of either is shown, not timed
	$crun || { echo "bench: crun run failed" >&2; exit 1; }
	$example || { echo "bench: examples/container.sh failed" >&2; exit 1; }
	$same || { echo "bench: bench/crun-same-work.sh failed" >&2; exit 1; }
	if [ -n "$steps" ]; then
		for cmd in "$example" "$crun" "$same"; do
			echo "-- $cmd"
			# shellcheck disable=SC2086 # a command and its arguments
			strace -f -q -ttt -e trace=%process -e signal=none -o /tmp/bench/trace $cmd
			awk -f "$NSKIT_SRCDIR/bench/steps.awk" /tmp/bench/trace
		done
		exit 0
	fi
	echo "   $runs runs each, interleaved, 200 ms apart; ratios to crun"
	# shellcheck disable=SC2086 # commands and their arguments
	"$NSKIT_BUILDDIR/bench/timeit" -s 200 "$runs" "crun run (cgroups)" -- $crun ";" \
		"examples/container.sh" -- $example ";" \
		"crun, the same work" -- $same ";" \
		"true (for scale)" -- /bin/true
	echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
[ "${NSKIT_VM:-}" != 1 ] || { guest; exit; }

# ---- on the host -----------------------------------------------------------
steps=""
[ "${1:-}" != --steps ] || { steps=1; shift; }
build=$(cd "${1:-$top/build}" && pwd)
runs=${2:-21}
tools="src/nsrun src/nsjoin src/nsmap src/cgctl src/vethup src/mkprop src/nsroot"
for t in $tools; do
	[ -x "$build/$t" ] || { echo "bench: build the tools first ($build/$t)" >&2; exit 1; }
done
# the dependency step: crun (the image's copy), python3 for its bundle
command -v crun >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q crun >&2
out=$build/bench/vm-container
mkdir -p "$out"
cc -O2 -o "$build/bench/timeit" "$top/bench/timeit.c"
# shellcheck source=bench/oci-bundle.inc
. "$top/bench/oci-bundle.inc"
oci_config crun /tmp/bench/rootfs "$out/crun" /nskit-crun-bench
oci_config crun /tmp/bench/same/merged "$out/crun-same" /nskit-crun-same /run/netns/nskit-bench
printf 'RUNS=%s\nSTEPS=%s\nIPROUTE=%s\n' "$runs" "$steps" "$(command -v ip)" >"$out/settings"
NSKIT_SRCDIR=$top NSKIT_BUILDDIR=$build \
	NSKIT_TOOLS="$tools bench/timeit" \
	NSKIT_VM_TESTS=bench/vm-container.sh \
	NSKIT_VM_EXTRA="examples/container.sh bench/steps.awk bench/crun-same-work.sh" \
	NSKIT_VM_FILES="$(command -v crun) $(command -v dash) $(command -v ip) $out/crun/config.json=/nskit/bench/crun/config.json $out/crun-same/config.json=/nskit/bench/crun-same/config.json $out/settings=/nskit/bench/settings" \
	NSKIT_VM_MODULES=overlay \
	NSKIT_VM_LAYOUTS=unified \
	NSKIT_VM_SHOW_OUTPUT=1 \
	NSKIT_VM_MEM=${NSKIT_VM_MEM:-2G} \
	NSKIT_VM_TEST_TIMEOUT=${NSKIT_VM_TEST_TIMEOUT:-3000} \
	NSKIT_VM_TIMEOUT=${NSKIT_VM_TIMEOUT:-3600} \
	exec sh "$top/tests/vm/check-vm.sh"
