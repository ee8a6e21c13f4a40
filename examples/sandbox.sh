#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# sandbox.sh command [argument...]
#
# Run an untrusted command the way bubblewrap or firejail users do, as
# root: no network (only lo, in a network namespace of its own); a
# read-only view of the host with a private /tmp, /dev and /proc; as
# nobody (65534), with every capability dropped and no_new_privs; in a
# transient cgroup with memory and process limits; in PID, IPC and UTS
# namespaces of its own. Exits with the command's status (125 if a step
# of the sandbox failed). The working directory is kept where it can be.
set -eu
[ $# -gt 0 ] || { echo "usage: sandbox.sh command [argument...]" >&2; exit 125; }
new=$(mktemp -d)		# the new root: mount points and links only
trap 'rm -rf "$new"' EXIT
trap 'exit 129' HUP; trap 'exit 143' TERM	# so that the EXIT trap runs
chmod 755 "$new"
wd=$PWD
case $wd in /tmp | /tmp/* | /proc | /proc/* | /dev | /dev/*) wd=/ ;; esac

# nsroot's arguments, built from the end: the new root, then the last
# step (nobody, no capabilities, no_new_privs) and the command; in front,
# a read-only bind of each directory of / (with every mount beneath it),
# and the same symbolic links (/bin -> usr/bin); /proc, /dev and /tmp new.
# (One bind per directory rather than --ro-bind /:/, so that the new root
# has a mount point of its own for the directory that holds nsrun.)
# The last step runs inside the new root, where /tmp is a fresh one: bind
# the directory that holds nsrun to a place of its own, so that it is found
# wherever nskit is installed or built.
nsrun=$(command -v nsrun) || { echo "sandbox.sh: nsrun not found" >&2; exit 125; }
mkdir "$new/.nskit"
set -- --ro-bind "${nsrun%/*}:/.nskit" \
	"$new" -- /.nskit/nsrun --setuid 65534 --setgid 65534 --cap-drop ALL --no-new-privs -- "$@"
for d in /*; do
	case $d in
	/proc | /dev | /tmp) mkdir "$new$d" ;;
	*) if [ -L "$d" ]; then cp -P "$d" "$new$d"
	elif [ -d "$d" ]; then mkdir "$new$d" && set -- --ro-bind "$d:$d" "$@"; fi ;;
	esac
done

# An exec chain: each tool takes one step and runs the rest of its line.
cgctl exec "sandbox-$$" --parent self --rm --memory 512M --pids 256 -- \
	nsrun --mount --pid --net --ipc --uts -- \
	nsroot --ro --proc --dev --tmp --wd "$wd" "$@"
