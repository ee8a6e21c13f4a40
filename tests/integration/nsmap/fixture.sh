# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# A fixture user for the nsmap tests that run unprivileged. Source it after
# lib.sh and call user_fixture after `isolate`: inside the test's private
# mount namespace it bind-mounts copies of /etc/passwd, /etc/group,
# /etc/subuid and /etc/subgid that add the user, so the machine's own
# files are never edited and the fixture vanishes with the test.
#
#   nskituser, uid and gid 12345; /etc/subuid grants it 200000:65536 by
#   name, /etc/subgid grants it 300000:65536 by numeric uid.

FIX_USER=nskituser
FIX_UID=12345
FIX_GID=12345
FIX_SUBUID=200000
FIX_SUBGID=300000
FIX_COUNT=65536

# user_fixture: the files above, and $CAP_NSMAP (nsmap with
# cap_setuid,cap_setgid+ep), $SUID_NSMAP (nsmap setuid root) and $NSRUN (a
# plain copy) in a directory the user can reach, on a mount that honours
# them.
user_fixture() {
	[ -n "${NSKIT_ISOLATED:-}" ] || hard_error "user_fixture needs isolate first"
	require_cmd setpriv setcap mount
	require_tool nsmap
	for _f in passwd group subuid subgid; do
		[ -f "/etc/$_f" ] || skip "needs /etc/$_f to bind-mount a fixture over"
	done
	_etc=$TMP_DIR/etc
	mkdir "$_etc" || hard_error "mkdir $_etc"
	cp /etc/passwd /etc/group "$_etc/" || hard_error "copying /etc/passwd, /etc/group"
	echo "$FIX_USER:x:$FIX_UID:$FIX_GID:nskit test user:/nonexistent:/bin/sh" >>"$_etc/passwd"
	echo "nskitgroup:x:$FIX_GID:" >>"$_etc/group"
	cat >"$_etc/subuid" <<-END
		# fixture: granted by name
		someoneelse:100000:65536
		$FIX_USER:not-a-number:10
		$FIX_USER:$FIX_SUBUID:$FIX_COUNT
	END
	cat >"$_etc/subgid" <<-END
		# fixture: granted by numeric uid
		$FIX_UID:$FIX_SUBGID:$FIX_COUNT
		malformed line
	END
	chmod 644 "$_etc"/*
	for _f in passwd group subuid subgid; do
		mount --bind "$_etc/$_f" "/etc/$_f" || hard_error "bind-mounting /etc/$_f"
	done
	[ "$(id -u "$FIX_USER")" = "$FIX_UID" ] || hard_error "the fixture user is not visible"

	# Privileged copies of nsmap, where the user can run them and the
	# mount does not ignore setuid bits and file capabilities.
	_dir=$TMP_DIR
	if findmnt -n -o OPTIONS -T "$TMP_DIR" | grep -qw nosuid; then
		_dir=$(mktemp -d "$NSKIT_BUILDDIR/nskit-test.XXXXXX") || hard_error "mktemp"
		on_exit "rm -rf '$_dir'"
	fi
	chmod 755 "$_dir"
	mkdir "$_dir/bin" && chmod 755 "$_dir/bin" || hard_error "mkdir $_dir/bin"
	require_reachable "$_dir/bin" "$FIX_UID"
	# the nsrun the user runs (which execs further tools as the user) too
	cp "$NSRUN" "$_dir/bin/nsrun" || hard_error "copying nsrun"
	NSRUN=$_dir/bin/nsrun
	export NSRUN
	CAP_NSMAP=$_dir/bin/nsmap
	cp "$NSMAP" "$CAP_NSMAP" || hard_error "copying nsmap"
	setcap cap_setuid,cap_setgid+ep "$CAP_NSMAP" || skip "setcap failed (file system without xattrs?)"
	mkdir "$_dir/suid" && chmod 755 "$_dir/suid" || hard_error "mkdir $_dir/suid"
	SUID_NSMAP=$_dir/suid/nsmap
	cp "$NSMAP" "$SUID_NSMAP" && chmod 4755 "$SUID_NSMAP" || hard_error "making a setuid nsmap"
	# a shared directory for the user's files
	SHARED=$_dir/shared
	mkdir "$SHARED" && chmod 1777 "$SHARED" || hard_error "mkdir $SHARED"
	export CAP_NSMAP SUID_NSMAP SHARED
}

# as_user CMD...: run CMD as the fixture user, with no groups and no
# capabilities.
as_user() {
	setpriv --reuid="$FIX_UID" --regid="$FIX_GID" --clear-groups -- "$@"
}

# hold_as_user CMD...: a held `nsrun -U --detach --hold -- CMD` of the
# fixture user; its PID in $HELD, killed at exit. (Not in $(...): the
# clean-up must be registered in the test's own shell.)
hold_as_user() {
	HELD=$(as_user "$NSRUN" -U --detach --hold -- "$@") || fail "nsrun --detach --hold as $FIX_USER"
	kill_later "$HELD"
}

# hold_as_root CMD...: the same, as root.
hold_as_root() {
	HELD=$("$NSRUN" -U --detach --hold -- "$@") || fail "nsrun -U --detach --hold"
	kill_later "$HELD"
}

# map_text PID FILE: the map as one line "inner outer count;..."
map_text() {
	awk '{ printf "%s%s %s %s", (NR > 1 ? ";" : ""), $1, $2, $3 }' "/proc/$1/$2"
}

# assert_unmapped PID: both maps are still empty.
assert_unmapped() {
	assert_eq "" "$(cat "/proc/$1/uid_map")" "uid_map of $1 must be empty"
	assert_eq "" "$(cat "/proc/$1/gid_map")" "gid_map of $1 must be empty"
}
