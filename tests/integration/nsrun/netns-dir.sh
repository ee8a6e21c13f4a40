#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun --net=/run/netns/NAME where /run/netns is missing makes it as
# `ip netns add` does: a directory that is a mount of its own, shared, so
# that `ip netns` sees the namespace. A run that fails takes it away again
# (--detach, and --release of a held command); one that exists already is
# used as it is; another missing directory is still an error. All on a
# tmpfs over /run in the test's own mount namespace: the machine's
# /run/netns is never touched.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd ip
isolate
# isolate made every mount private: this /run is the test's alone
mount -t tmpfs nskit-run /run || hard_error "mount a tmpfs on /run"
on_exit "umount -l /run"
mount --make-private /run || hard_error "make /run private"
run=/run/netns
# the commands' marker, unique to this run (pids_with_arg looks at every
# process of the machine)
mark=4243.28$$

# the mountinfo line of $run, if it is a mount point
netns_mount() {
	awk -v dir="$run" '$5 == dir' /proc/self/mountinfo
}

nothing_left() {
	# $1: what was tried
	[ ! -e "$run" ] || fail "$1: $run is left ($(ls -a "$run" | tr '\n' ' '))"
	assert_eq "" "$(netns_mount)" "$1: the mount of $run is left"
	assert_eq "" "$(pids_with_arg "$mark")" "$1: processes left"
}

# made_like_ip_netns WHAT NAME: $run holds NAME as `ip netns add` would
made_like_ip_netns() {
	[ -d "$run" ] || fail "$1: $run was not made"
	assert_match 'shared:[0-9]+' "$(netns_mount)" "$1: $run is a shared mount of its own"
	assert_eq nsfs "$(stat -f -c %T "$run/$2")" "$1: $run/$2 holds the namespace"
	assert_match "^$2( |\$)" "$(ip netns list)" "$1: ip netns list"
}

# unmade: remove $run and its mount again, as a test's own clean-up
unmade() {
	umount "$run" && rmdir "$run" || hard_error "removing $run"
}

[ ! -e "$run" ] || hard_error "$run exists on a fresh tmpfs"

# foreground: the file stays, and so does $run, as with ip netns add
"$NSRUN" --net="$run/nskit-box" -- true || fail "--net=$run/nskit-box"
made_like_ip_netns "foreground" nskit-box
ip netns delete nskit-box || fail "ip netns delete"
assert_eq "" "$(ls "$run")" "ip netns delete: the file is gone"
unmade

# detached, the directory written through the /var/run link
if [ "$(readlink -f /var/run)" = /run ]; then
	pid=$("$NSRUN" --net="/var/run/netns/nskit-box" --detach -- sleep "$mark") ||
		fail "--detach --net=/var/run/netns/nskit-box"
	kill_later "$pid"
	made_like_ip_netns "--detach via /var/run" nskit-box
	assert_eq "$(stat -L -c %i "/proc/$pid/ns/net")" "$(stat -L -c %i "$run/nskit-box")" \
		"--detach: the file holds the command's namespace"
	kill -KILL "$pid"
	ip netns delete nskit-box || fail "ip netns delete"
	unmade
fi

# a detached command that cannot run takes the directory it made along
assert_status 127 "--detach of a missing command" -- \
	"$NSRUN" --net="$run/nskit-box" --detach -- /nonexistent/nskit-cmd "$mark"
assert_one_line_error nsrun "/nonexistent/nskit-cmd: command not found\$"
nothing_left "--detach of a missing command"

# so does --release of a held one, under the init too
for opts in "" "--pid"; do
	# shellcheck disable=SC2086 # opts: no option or one
	pid=$("$NSRUN" --net="$run/nskit-box" $opts --detach --hold -- /nonexistent/nskit-cmd "$mark") ||
		fail "--detach --hold $opts"
	kill_later "$pid"
	made_like_ip_netns "--hold $opts" nskit-box
	assert_status 127 "--release $opts of a missing command" -- "$NSRUN" --release -t "$pid"
	assert_one_line_error nsrun "/nonexistent/nskit-cmd: command not found\$"
	nothing_left "--release $opts of a missing command"
done

# a failure to persist a second file undoes the first, directory included
mkdir "$TMP_DIR/full" && : >"$TMP_DIR/full/uts" && echo x >"$TMP_DIR/full/uts"
assert_status 125 "a second file that cannot be used" -- \
	"$NSRUN" --net="$run/nskit-box" --uts="$TMP_DIR/full/uts" -- true
assert_one_line_error nsrun "$TMP_DIR/full/uts: exists and is not an empty file\$"
nothing_left "a second file that cannot be used"

# an existing directory is used as it is: no mount is made on it
mkdir "$run"
"$NSRUN" --net="$run/nskit-box" -- true || fail "--net= in an existing $run"
assert_eq "" "$(netns_mount)" "an existing $run: made a mount"
assert_eq nsfs "$(stat -f -c %T "$run/nskit-box")" "an existing $run: the file holds the namespace"
umount "$run/nskit-box" && rm "$run/nskit-box" && rmdir "$run" || hard_error "removing $run"

# any other missing directory is an error, and is not made
assert_status 125 "another missing directory" -- \
	"$NSRUN" --net="$TMP_DIR/netns/nskit-box" -- true
assert_one_line_error nsrun "$TMP_DIR/netns/nskit-box: create of the net namespace: No such file or directory\$"
[ ! -e "$TMP_DIR/netns" ] || fail "another missing directory was made"
