#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsmap run as newuidmap/newgidmap takes shadow's command line and rules,
# and says what shadow says: the cases of shadow's own tests
# (tests/newuidmap/01_newuidmap, 02_newuidmap_relaxed_gid_check) with the
# same inputs and outcomes, then the refusals, fd:N and newgidmap's
# setgroups. Runs as the fixture user with a privileged nsmap.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
isolate
user_fixture

# shadow's tools are nsmap by another name
bin=$(dirname "$CAP_NSMAP")
ln -s nsmap "$bin/newuidmap" && ln -s nsmap "$bin/newgidmap" || hard_error "linking"
NEWUIDMAP=$bin/newuidmap
NEWGIDMAP=$bin/newgidmap
# a second group for the user, as shadow's tests' "bar"
OTHER_GID=$((FIX_GID + 1))
echo "nskitother:x:$OTHER_GID:$FIX_USER" >>"$TMP_DIR/etc/group"
# login.defs, ours to change inside this mount namespace
[ -f /etc/login.defs ] || skip "needs /etc/login.defs to bind-mount a copy over"
cp /etc/login.defs "$TMP_DIR/etc/login.defs" || hard_error "copying /etc/login.defs"
sed -i '/GRANT_AUX_GROUP_SUBIDS/d' "$TMP_DIR/etc/login.defs"
mount --bind "$TMP_DIR/etc/login.defs" /etc/login.defs || hard_error "bind-mounting /etc/login.defs"

# as_group GID CMD...: as the fixture user with another real gid
as_group() {
	_g=$1
	shift
	setpriv --reuid="$FIX_UID" --regid="$_g" --clear-groups -- "$@"
}
hold_as_group() {
	HELD=$(as_group "$1" "$NSRUN" -U --detach --hold -- sleep 60) || fail "nsrun --detach as gid $1"
	kill_later "$HELD"
}

# --- 01_newuidmap ---------------------------------------------------------
# setup uidmapping: own uid at 0, 1000 granted subuids from 1
hold_as_user sleep 60
assert_status 0 "01: newuidmap own + granted" -- as_user "$NEWUIDMAP" "$HELD" 0 $FIX_UID 1 1 $FIX_SUBUID 1000
assert_eq "0 $FIX_UID 1;1 $FIX_SUBUID 1000" "$(map_text "$HELD" uid_map)" "01: uid_map"
# with a different primary group: refused, in shadow's words
hold_as_group $OTHER_GID
assert_status 1 "01: another primary group" -- as_group $OTHER_GID "$NEWUIDMAP" "$HELD" 0 $FIX_UID 1 1 $FIX_SUBUID 1000
assert_one_line_error newuidmap "Target process [0-9]* is owned by a different user: uid:$FIX_UID pw_uid:$FIX_UID st_uid:$FIX_UID, gid:$OTHER_GID pw_gid:$FIX_GID st_gid:$OTHER_GID\$"
assert_unmapped "$HELD"

# --- 02_newuidmap_relaxed_gid_check -----------------------------------------
echo "GRANT_AUX_GROUP_SUBIDS yes" >>"$TMP_DIR/etc/login.defs"
hold_as_user sleep 60
assert_status 0 "02: newuidmap, primary group" -- as_user "$NEWUIDMAP" "$HELD" 0 $FIX_UID 1 1 $FIX_SUBUID 1000
assert_eq "0 $FIX_UID 1;1 $FIX_SUBUID 1000" "$(map_text "$HELD" uid_map)" "02: uid_map"
hold_as_group $OTHER_GID
assert_status 0 "02: another primary group, relaxed" -- as_group $OTHER_GID "$NEWUIDMAP" "$HELD" 0 $FIX_UID 1 1 $FIX_SUBUID 1000
assert_eq "0 $FIX_UID 1;1 $FIX_SUBUID 1000" "$(map_text "$HELD" uid_map)" "02: uid_map, relaxed"
sed -i '/GRANT_AUX_GROUP_SUBIDS/d' "$TMP_DIR/etc/login.defs"

# --- refusals: shadow's messages, exit 1, nothing written ---------------------
hold_as_user sleep 60
h=$HELD
assert_status 1 "a range not granted" -- as_user "$NEWUIDMAP" "$h" 0 500000 1000
assert_error_line "newuidmap: uid range [0-1000) -> [500000-501000) not allowed"
assert_status 1 "a count of 0" -- as_user "$NEWUIDMAP" "$h" 0 $FIX_SUBUID 0
assert_error_line "newuidmap: uid range [0-0) -> [$FIX_SUBUID-$FIX_SUBUID) not allowed"
assert_status 1 "past the grant by one" -- as_user "$NEWUIDMAP" "$h" 0 $FIX_SUBUID $((FIX_COUNT + 1))
assert_one_line_error newuidmap "not allowed"
assert_status 1 "another user's uid" -- as_user "$NEWUIDMAP" "$h" 0 0 1
assert_error_line "newuidmap: uid range [0-1) -> [0-1) not allowed"
assert_status 1 "two ids of the own uid" -- as_user "$NEWUIDMAP" "$h" 0 $FIX_UID 2
assert_one_line_error newuidmap "not allowed"
usage="usage: newuidmap [<pid>|fd:<pidfd>] <uid> <loweruid> <count> [ <uid> <loweruid> <count> ] ... "
for args in "" "$h" "$h 0 $FIX_UID" "$h 0 $FIX_UID 1 1" "$h 0 x 1" "nopid 0 $FIX_UID 1" "fd:99 0 $FIX_UID 1"; do
	# shellcheck disable=SC2086 # the words of args are the arguments
	assert_status 1 "usage: '$args'" -- as_user "$NEWUIDMAP" $args
	assert_error_line "$usage"
done
assert_status 1 "overflow" -- as_user "$NEWUIDMAP" "$h" 4294967295 $FIX_UID 1
assert_error_line "newuidmap: subuid overflow detected."
assert_unmapped "$h"
# a target of another user's: root's
hold_as_root sleep 60
assert_status 1 "root's process" -- as_user "$NEWUIDMAP" "$HELD" 0 $FIX_UID 1
assert_one_line_error newuidmap "Target process $HELD is owned by a different user"
assert_unmapped "$HELD"

# --- fd:N: a /proc/PID directory the caller opened --------------------------
hold_as_user sleep 60
# shellcheck disable=SC2016 # expanded by the inner shell
assert_status 0 "fd:N" -- as_user sh -c 'exec 5<"/proc/$1" && exec "$2" fd:5 0 "$3" 1' sh \
	"$HELD" "$NEWUIDMAP" $FIX_UID
assert_eq "0 $FIX_UID 1" "$(map_text "$HELD" uid_map)" "fd:N: uid_map"

# --- newgidmap: setgroups as shadow (CVE-2018-7169) -------------------------
# the own gid alone: setgroups is denied first
hold_as_user sleep 60
assert_status 0 "newgidmap own gid" -- as_user "$NEWGIDMAP" "$HELD" 0 $FIX_GID 1
assert_eq "0 $FIX_GID 1" "$(map_text "$HELD" gid_map)" "newgidmap: gid_map"
assert_eq deny "$(cat "/proc/$HELD/setgroups")" "newgidmap own gid: setgroups"
# a subgid grant used: setgroups stays as it was
hold_as_user sleep 60
assert_status 0 "newgidmap granted" -- as_user "$NEWGIDMAP" "$HELD" 0 $FIX_GID 1 1 $FIX_SUBGID 1000
assert_eq "0 $FIX_GID 1;1 $FIX_SUBGID 1000" "$(map_text "$HELD" gid_map)" "newgidmap: gid_map with grant"
assert_eq allow "$(cat "/proc/$HELD/setgroups")" "newgidmap with a grant: setgroups"
assert_status 1 "newgidmap not granted" -- as_user "$NEWGIDMAP" "$HELD" 0 400000 10
assert_error_line "newgidmap: gid range [0-10) -> [400000-400010) not allowed"

# the setuid-root copy behaves the same
ln -s nsmap "$(dirname "$SUID_NSMAP")/newuidmap" || hard_error "linking"
hold_as_user sleep 60
assert_status 0 "setuid newuidmap" -- as_user "$(dirname "$SUID_NSMAP")/newuidmap" "$HELD" 0 $FIX_UID 1 1 $FIX_SUBUID 10
assert_eq "0 $FIX_UID 1;1 $FIX_SUBUID 10" "$(map_text "$HELD" uid_map)" "setuid: uid_map"
