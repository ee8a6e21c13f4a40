#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# rootless.sh [-s] [-r ROOT] [-n HOSTNAME] [command [argument...]]
#
# The container of container.sh for an unprivileged user, with what needs
# no privilege: user, mount, PID, UTS, IPC and network namespaces, a
# busybox root on an overlay (writes vanish), a hostname. Ids: your own
# uid and gid become 0 (nsmap --root, which needs no help); with -s, also
# the ranges /etc/subuid and /etc/subgid grant you, from 1 on (nsmap
# --auto), which the kernel allows only to a writer with CAP_SETUID and
# CAP_SETGID: an nsmap installed with file capabilities, as newuidmap is
# (setcap cap_setuid,cap_setgid+ep "$(command -v nsmap)"; $NSMAP names
# another one).
#
# What it leaves out, and why: a link to the host. The network namespace
# has only lo; a veth whose host end is on the host needs CAP_NET_ADMIN
# there, i.e. root (container.sh). Nor does it set cgroup limits: run it
# under a group that has them (systemd-run --user --scope -p MemoryMax=256M).
# The command runs under nskit's default seccomp profile (nskit(7),
# SECURITY); SECCOMP names another (a Docker-format file, or unconfined).
set -eu
root="" name=box map=--root
while getopts sr:n: o; do
	case $o in s) map=--auto ;; r) root=$(cd "$OPTARG" && pwd) || exit 125 ;;
	n) name=$OPTARG ;; *) exit 125 ;; esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- /bin/sh

tmp=$(mktemp -d)
cleanup() {
	set +e
	[ ! -s "$tmp/log" ] || cat "$tmp/log" >&2
	read -r pid 2>/dev/null <"$tmp/handle" && kill -KILL "$pid" 2>/dev/null
	[ -z "${job:-}" ] || wait "$job"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 129' HUP; trap 'exit 143' TERM; trap : INT

if [ -z "$root" ]; then		# your files: the container's root owns them
	root=$tmp/root
	mkdir -p "$root/bin" "$root/proc" "$root/dev" "$root/tmp" "$root/etc"
	bb=$(command -v busybox) || { echo "rootless.sh: needs busybox-static" >&2; exit 125; }
	cp "$bb" "$root/bin/busybox"
	for a in $("$root/bin/busybox" --list); do [ -e "$root/bin/$a" ] || ln -s busybox "$root/bin/$a"; done
fi
mkdir -p "$tmp/mnt"
cd /		# see container.sh: the pivot moves the init's directory

# The pipeline and the exec chain of container.sh, with only the steps
# that need no privilege; then, as there, wait for the chain's last step and join.
nsrun --user --mount --pid --net --uts --ipc --hostname "$name" \
	--detach --hold --log "$tmp/log" -- \
	nsroot --proc --dev --tmp --overlay "$root" "$tmp/mnt" -- /bin/sleep 2147483647 |
	tee "$tmp/handle" | "${NSMAP:-nsmap}" "$map" | nsrun --release >/dev/null
read -r pid <"$tmp/handle"
n=0 comm=""
while [ -d "/proc/$pid" ]; do
	c="" # the list ends without a newline: read fails, c is set
	read -r c _ 2>/dev/null <"/proc/$pid/task/$pid/children" || :
	[ -n "$c" ] && read -r comm 2>/dev/null <"/proc/$c/comm" && [ "$comm" = sleep ] && break
	n=$((n + 1))
	[ "$n" -lt 2000 ] || sleep 0.001
done
# As in container.sh: a job, so that a TERM is acted on at once.
exec 3<&0
nsjoin --target "$pid" --all --root --wd --seccomp "${SECCOMP:-default}" \
	--default-signal=INT,QUIT -- "$@" <&3 3<&- &
job=$!
while :; do
	st=0 && wait "$job" || st=$?
	[ "$st" -gt 128 ] && kill -0 "$job" 2>/dev/null || exit "$st"
done
