#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The full container of examples/container.sh (user, mount, PID, network,
# UTS, IPC and cgroup namespaces, a 65,536-id map, a veth with addresses
# and a default route, memory, CPU and PID limits, a busybox root on an
# overlay, a hostname) running `true`, beside `crun run` of an equivalent
# busybox bundle (the same namespaces, map, limits and hostname, a
# read-only root; crun configures no veth at all), and a bare `true`;
# interleaved, medians and ratios to crun. Target: container.sh at most
# 0.8x crun.
#   bench/container.sh [BUILD-DIR] [RUNS]
# Run as root. Everything runs inside a network and mount namespace the
# benchmark creates (the veths land there); both make their cgroups
# beneath the benchmark's own.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
runs=${2:-50}
[ -x "$build/src/nsrun" ] || { echo "bench: build the tools first ($build)" >&2; exit 1; }
command -v crun >/dev/null || { echo "bench: needs crun (apt-get install crun)" >&2; exit 1; }
if [ -z "${NSKIT_BENCH_ISOLATED:-}" ]; then
	NSKIT_BENCH_ISOLATED=1 exec unshare --net --mount --propagation private -- "$0" "$build" "$runs"
fi
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/timeit" "$top/bench/timeit.c"

# One busybox root, owned by the container's root (uid 100000), for both.
root=$work/bundle/rootfs
mkdir -p "$root/bin" "$root/proc" "$root/dev" "$root/tmp" "$root/etc" "$root/sys"
cp "$(command -v busybox)" "$root/bin/busybox"
chroot "$root" /bin/busybox --install -s /bin
chown -R 100000:100000 "$root"

# The bundle: crun's default spec, plus what container.sh has. Its cgroup
# goes beneath ours (our memory cgroup on hybrid/v1, our v2 cgroup else).
own=$(sed -n 's/^[0-9]*:memory://p' /proc/self/cgroup)
[ -n "$own" ] || own=$(sed -n 's/^0:://p' /proc/self/cgroup)
# spec [CGROUP]: write the bundle's config.json, with limits in CGROUP if given
spec() {
	rm -f "$work/bundle/config.json"
	(cd "$work/bundle" && crun spec)
	python3 - "$work/bundle/config.json" "${1:-}" <<'PY'
import json, sys
path, cgroup = sys.argv[1], sys.argv[2]
c = json.load(open(path))
c["process"]["args"] = ["/bin/true"]
c["process"]["terminal"] = False
c["hostname"] = "box"
linux = c["linux"]
linux["namespaces"] += [{"type": "user"}, {"type": "cgroup"}]
linux["uidMappings"] = [{"containerID": 0, "hostID": 100000, "size": 65536}]
linux["gidMappings"] = [{"containerID": 0, "hostID": 100000, "size": 65536}]
if cgroup:
    linux["cgroupsPath"] = cgroup
    linux["resources"].update({"memory": {"limit": 256 << 20},
                               "cpu": {"quota": 100000, "period": 100000},
                               "pids": {"limit": 64}})
else:
    del linux["resources"]
json.dump(c, open(path, "w"), indent=1)
PY
}
spec "${own%/}/crun-bench-$$"

PATH=$build/src:$PATH
export PATH
crun="crun --root $work/crun-state"
note="with its cgroup limits"
if ! $crun run --bundle "$work/bundle" "probe$$" >"$work/crun.err" 2>&1; then
	# crun 1.8 refuses a hybrid machine whose cgroup v2 holds a controller,
	# even without cgroups; and on v1 its one cgroupsPath would make groups
	# outside ours in some hierarchies. So it runs without cgroups, in our
	# mount namespace with the v2 hierarchy unmounted (which crun then
	# takes for legacy v1): it does less than container.sh, which still
	# sets its limits.
	echo "crun with cgroups: $(cat "$work/crun.err")"
	! mountpoint -q /sys/fs/cgroup/unified || umount /sys/fs/cgroup/unified
	crun="$crun --cgroup-manager=disabled"
	note="WITHOUT cgroups (refused here); container.sh still sets its limits"
	spec
fi
echo "== $(nproc) CPUs, $(uname -r), $runs runs each; crun $note"
# 200 ms between runs: the kernel tears a network namespace down after its
# last process has gone, in a work queue that runs one teardown after
# another; without the pause, crun's would delay container.sh's (which
# waits for its veth to go with its namespace), and the other way round.
# shellcheck disable=SC2086 # $crun is a command and its options
"$work/timeit" -s 200 "$runs" "crun run" -- $crun run --bundle "$work/bundle" "bench$$" ";" \
	"examples/container.sh" -- "$top/examples/container.sh" -r "$root" true ";" \
	"true (for scale)" -- "$(command -v true)"
