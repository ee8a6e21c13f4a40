#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# container.sh [-r ROOT] [-n HOSTNAME] [command [argument...]]
#
# A full container from the nskit tools, as root: user, mount, PID,
# network, UTS, IPC and cgroup namespaces; 65,536 ids (inside 0 is 100000
# outside); a veth with addresses and a default route; memory, CPU and PID
# limits; a busybox root with /proc and /dev, on an overlay so its writes
# vanish; a hostname. It runs the command (default: an interactive shell),
# exits with its status at once, and removes everything it made (after
# its exit, once the command has run: nothing waits for it). ROOT defaults to
# a busybox-static root built in a temporary directory; a ROOT of your own
# (with /proc, /dev and /tmp) should belong to uid 100000, the container's
# root. NET (default 10.99.0) is the /24 of the link: the host end is .1,
# the container .2. The command runs under nskit's default seccomp profile
# (nskit(7), SECURITY: no mounts, nested namespaces, keyrings, bpf, ...);
# SECCOMP names another (a Docker-format file, or unconfined).
set -eu
root="" name=box net=${NET:-10.99.0}
while getopts r:n: o; do
	case $o in r) root=$OPTARG ;; n) name=$OPTARG ;; *) exit 125 ;; esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- /bin/sh

# Our files (the container's root, uid 100000, walks through them), its
# cgroup and the host end of its link, all named after this shell.
tmp=${TMPDIR:-/tmp}/container.$$ cg=nskit-$$ veth=nskit$$
made="" ran=""
teardown() {	# the processes (all in the cgroup), the cgroup, the veth, our files
	[ -z "${cgjob:-}" ] || wait "$cgjob"	# the cgroup is made before it goes
	cgctl delete "$cg" --parent self --kill
	# With its network namespace the kernel deletes the veth: wait for
	# that (quicker than deleting it ourselves), or delete it after 1 s.
	vethup --delete "$veth" --grace 1000
	[ -z "$made" ] || rm -rf "$tmp"
} >/dev/null 2>&1 </dev/null
cleanup() {	# runs on every exit
	set +e	# each undo runs even when another has nothing to undo
	[ -z "$made" ] || [ ! -s "$tmp/log" ] || cat "$tmp/log" >&2	# what the exec chain said
	# Once the command has run, its caller need not wait for the teardown.
	if [ -n "$ran" ]; then teardown & else teardown; fi
}
trap cleanup EXIT
trap 'exit 129' HUP; trap 'exit 143' TERM; trap : INT	# Ctrl-C is the command's

# The cgroup with its limits, made while the rest is prepared; the container
# starts in it (nsrun --into-cgroup), so that a kill of the group ends it.
cgctl create "$cg" --parent self --memory 256M --cpus 1 --pids 64 &
cgjob=$!
[ -e "$tmp" ] || made=1	# ours to remove once mkdir makes it (not a stale one)
mkdir -m 755 "$tmp" "$tmp/mnt" || exit 125
if [ -n "$root" ]; then
	root=$(cd "$root" && pwd) || exit 125
else		# a busybox root whose files belong to the container's root
	root=$tmp/root
	mkdir -p "$root/bin" "$root/proc" "$root/dev" "$root/tmp" "$root/etc"
	bb=$(command -v busybox) || { echo "container.sh: needs busybox-static" >&2; exit 125; }
	cp "$bb" "$root/bin/busybox" && chroot "$root" /bin/busybox --install -s /bin ||
		{ echo "container.sh: $bb: cannot install it in $root (not static?)" >&2; exit 125; }
	chown -R 100000:100000 "$root"
fi
cd /	# the pivot moves what is at the old root, the init's directory too, to the new

# Namespaces made and held, in the cgroup; configured from outside; then
# released, which gives the handle back. The mount namespace's propagation
# is private (nsrun's default: nothing we mount reaches the host). Released,
# the held process runs the exec chain: the new root (an overlay of ROOT and
# a tmpfs), then a pause that keeps the container up while the command runs
# in it.
wait "$cgjob" && cgjob=""
pid=$(nsrun --user --mount --pid --net --uts --ipc --cgroup --hostname "$name" \
	--detach --hold --into-cgroup "$cg" --log "$tmp/log" -- \
	nsroot --proc --dev --tmp --overlay "$root" "$tmp/mnt" -- /bin/sleep 2147483647 |
	nsmap --uid 0:100000:65536 --gid 0:100000:65536 |
	vethup --name "$veth" --addr "$net.2/24" --host-addr "$net.1/24" |
	nsrun --release)
echo "$pid" >"$tmp/handle"

# The release is a signal: wait until the chain's last step, sleep, runs
# in the new root, a few milliseconds (if a step fails instead, the
# process ends, nsjoin says so and cleanup shows why). A test reads two
# /proc files with builtins (~10 us): spin for ~20 ms, then sleep between.
n=0 comm=""
while [ -d "/proc/$pid" ]; do
	c="" # the list ends without a newline: read fails, c is set
	read -r c _ 2>/dev/null <"/proc/$pid/task/$pid/children" || :
	[ -n "$c" ] && read -r comm 2>/dev/null <"/proc/$c/comm" && [ "$comm" = sleep ] && break
	n=$((n + 1))
	[ "$n" -lt 2000 ] || sleep 0.001
done

# The command joins every namespace, the root and the cgroups of the
# container; nsjoin exits with its status, and so do we. It runs as a job
# that we wait for: sh acts on a TERM only between commands, and wait is
# one it interrupts. A job gets /dev/null for stdin (ours is given back:
# fd 3) and ignores INT and QUIT, which the command gets back for Ctrl-C.
exec 3<&0
nsjoin --target "$pid" --all --root --wd --join-cgroup --seccomp "${SECCOMP:-default}" \
	--default-signal=INT,QUIT -- "$@" <&3 3<&- &
job=$! ran=1
while :; do	# until the job ends: a Ctrl-C (INT) interrupts the wait too
	st=0 && wait "$job" || st=$?
	[ "$st" -gt 128 ] && kill -0 "$job" 2>/dev/null || exit "$st"
done
