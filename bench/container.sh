#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The full container of examples/container.sh (user, mount, PID, network,
# UTS, IPC and cgroup namespaces, a 65,536-id map, a veth with addresses
# and a default route, memory, CPU and PID limits, a busybox root on an
# overlay, a hostname) running `true`, beside the same busybox root run by
#   runc run     an equivalent bundle: the same namespaces, map, limits and
#                hostname (no veth, no overlay: runc does less);
#   crun run     the same bundle (without cgroups where crun refuses the
#                machine: a hybrid one);
#   podman run --rootfs   with runc and cgroupfs, its bridge and NAT rules
#                (in the benchmark's network namespace), no default ulimits;
# and a bare `true`; interleaved, medians and ratios to runc.
# Target: container.sh at most 1.0x runc.
#   bench/container.sh [BUILD-DIR] [RUNS]
#   bench/container.sh --steps [BUILD-DIR]
# BEFORE=SCRIPT adds another version of examples/container.sh (a copy
# from an older commit, say) to the runs, to measure a change.
# --steps prints where one run of container.sh spends its time instead: a
# timeline of every process (strace -f of fork, exec and exit; strace
# slows each step, so the figures are relative).
# Run as root. Missing runtimes are installed first (apt-get). Everything
# runs inside a network and mount namespace the benchmark creates (the
# veths, podman's bridge and rules land there); every cgroup is made
# beneath the benchmark's own.
set -eu
steps=""
[ "${1:-}" != --steps ] || { steps=1; shift; }
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
runs=${2:-50}
[ -x "$build/src/nsrun" ] || { echo "bench: build the tools first ($build)" >&2; exit 1; }
if [ -z "${NSKIT_BENCH_ISOLATED:-}" ]; then
	# the dependency step: the runtimes compared, strace for --steps
	for t in runc crun podman strace; do
		command -v "$t" >/dev/null || missing="${missing:-} $t"
	done
	# shellcheck disable=SC2086 # a list of packages
	[ -z "${missing:-}" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >&2
	NSKIT_BENCH_ISOLATED=1 exec unshare --net --mount --propagation private -- \
		"$0" ${steps:+--steps} "$build" "$runs"
fi
work=$(mktemp -d)
chmod 755 "$work"
# the runtimes' cgroups (podman leaves its conmon group), in every hierarchy
cleanup() {
	for g in /sys/fs/cgroup/*/"${own:-/nonexistent}"/*-bench-"$$" /sys/fs/cgroup/"${own:-/nonexistent}"/*-bench-"$$"; do
		[ ! -d "$g" ] || find "$g" -depth -type d -exec rmdir {} +
	done
	rm -rf "$work"
}
trap cleanup EXIT
PATH=$build/src:$PATH
export PATH

# One busybox root, owned by the container's root (uid 100000), for all.
root=$work/bundle/rootfs
mkdir -p "$root/bin" "$root/proc" "$root/dev" "$root/tmp" "$root/etc" "$root/sys"
cp "$(command -v busybox)" "$root/bin/busybox"
chroot "$root" /bin/busybox --install -s /bin
chown -R 100000:100000 "$root"

if [ -n "$steps" ]; then
	# one run after a warm-up; then, per process: when it was forked,
	# when it exec'd what, when it ended (ms from the script's start)
	"$top/examples/container.sh" -r "$root" true
	strace -f -q --seccomp-bpf -ttt -e trace=%process -e signal=none -o "$work/trace" \
		"$top/examples/container.sh" -r "$root" true
	awk -f "$top/bench/steps.awk" "$work/trace"
	exit 0
fi
cc -O2 -o "$work/timeit" "$top/bench/timeit.c"
# shellcheck source=bench/oci-bundle.inc
. "$top/bench/oci-bundle.inc"

# The bundle: the runtime's default spec, plus what container.sh has. Its
# cgroup goes beneath ours (our memory cgroup on hybrid/v1, our v2 cgroup
# else; we are at the root of the other hierarchies).
own=$(sed -n 's/^[0-9]*:memory://p' /proc/self/cgroup)
[ -n "$own" ] || own=$(sed -n 's/^0:://p' /proc/self/cgroup)
own=${own%/}
# spec RUNTIME [CGROUP]: the bundle's config.json in $work/RUNTIME (from
# RUNTIME's default spec, bench/oci-bundle.inc), limits in CGROUP if given
spec() {
	oci_config "$1" "$root" "$work/$1" "${2:-}"
}
spec runc "$own/runc-bench-$$"
spec crun "$own/crun-bench-$$"

runc="runc --root $work/runc-state run --bundle $work/runc bench$$"
crun="crun --root $work/crun-state"
note="with its cgroup limits"
if ! $crun run --bundle "$work/crun" "probe$$" >"$work/crun.err" 2>&1; then
	# crun 1.8 refuses a hybrid machine whose cgroup v2 holds a controller,
	# even without cgroups; and on v1 its one cgroupsPath would make groups
	# outside ours in some hierarchies. So it runs without cgroups, in our
	# mount namespace with the v2 hierarchy unmounted (which crun then
	# takes for legacy v1): it does less than container.sh, which still
	# sets its limits.
	echo "crun with cgroups: $(cat "$work/crun.err")"
	crun="$crun --cgroup-manager=disabled"
	note="WITHOUT cgroups (refused here)"
	spec crun
	# runc is to keep the v2 hierarchy: unmount it for crun's runs only
	crun="unshare --mount --propagation private -- sh -c 'umount /sys/fs/cgroup/unified 2>/dev/null; exec \"\$@\"' crun $crun"
fi
crun="$crun run --bundle $work/crun bench$$"

# podman: its state, storage and events in our directory; its network
# namespaces, CNI leases and rules in our mount and network namespaces.
mount -t tmpfs none /run/netns 2>/dev/null || { mkdir -p /run/netns && mount -t tmpfs none /run/netns; }
mkdir -p /var/lib/cni && mount -t tmpfs none /var/lib/cni
printf '[containers]\ndefault_ulimits = []\n' >"$work/containers.conf"
podman="podman --root $work/podman/storage --runroot $work/podman/run --tmpdir $work/podman/tmp
	--cgroup-manager cgroupfs --runtime runc --events-backend none
	run --rm --rootfs --uidmap 0:100000:65536 --gidmap 0:100000:65536
	--memory 256m --cpus 1 --pids-limit 64 --cgroup-parent $own/podman-bench-$$
	--cgroupns private --hostname box $root /bin/true"
CONTAINERS_CONF=$work/containers.conf
export CONTAINERS_CONF

echo "== $(nproc) CPUs, $(uname -r), $runs runs each; crun $note; load $(cut -d' ' -f1-3 /proc/loadavg)"
# 200 ms between runs: the kernel tears a network namespace down after its
# last process has gone, in a work queue that runs one teardown after
# another; without the pause, one run's would delay the next one's.
# shellcheck disable=SC2086 # $runc etc. are commands and their options
"$work/timeit" -s 200 "$runs" "runc run" -- $runc ";" \
	"examples/container.sh" -- "$top/examples/container.sh" -r "$root" true ";" \
	"crun run" -- sh -c "exec $crun" ";" \
	"podman run --rootfs" -- $podman ";" \
	${BEFORE:+"container.sh BEFORE" -- "$BEFORE" -r "$root" true ";"} \
	"true (for scale)" -- "$(command -v true)"
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
