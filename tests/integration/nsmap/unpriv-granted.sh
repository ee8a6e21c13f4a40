#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An unprivileged user may map its own ids and the ranges /etc/subuid
# (matched by name) and /etc/subgid (matched by numeric uid) grant it,
# with nsmap installed with file capabilities or setuid root.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
isolate
user_fixture

for nsmap in "$CAP_NSMAP" "$SUID_NSMAP"; do
	hold_as_user sleep 60
	h=$HELD
	assert_status 0 "$nsmap: granted ranges" -- \
		as_user "$nsmap" -t "$h" --uid 0:$FIX_SUBUID:$FIX_COUNT --gid 0:$FIX_SUBGID:$FIX_COUNT
	assert_eq "0 $FIX_SUBUID $FIX_COUNT" "$(map_text "$h" uid_map)" "$nsmap: uid_map"
	assert_eq "0 $FIX_SUBGID $FIX_COUNT" "$(map_text "$h" gid_map)" "$nsmap: gid_map"
	# a subgid grant is used: setgroups stays allowed, as newgidmap does
	assert_eq allow "$(cat "/proc/$h/setgroups")" "$nsmap: setgroups"

	# own ids plus part of the grants, piped
	hold_as_user sleep 60
	h=$HELD
	out=$(echo "$h" | as_user "$nsmap" --uid 0:$FIX_UID:1 --uid 1:$((FIX_SUBUID + 10)):100 \
		--gid 0:$FIX_GID:1 --gid 1:$FIX_SUBGID:1) || fail "$nsmap: own ids and part of the grants"
	assert_eq "$h" "$out" "$nsmap: the handle echoed"
	assert_eq "0 $FIX_UID 1;1 $((FIX_SUBUID + 10)) 100" "$(map_text "$h" uid_map)" "$nsmap: uid_map"
	assert_eq "0 $FIX_GID 1;1 $FIX_SUBGID 1" "$(map_text "$h" gid_map)" "$nsmap: gid_map"

	# --auto: own ids to 0, then the grants from 1 on
	hold_as_user sleep 60
	h=$HELD
	assert_status 0 "$nsmap --auto" -- as_user "$nsmap" -t "$h" --auto
	assert_eq "0 $FIX_UID 1;1 $FIX_SUBUID $FIX_COUNT" "$(map_text "$h" uid_map)" "--auto uid_map"
	assert_eq "0 $FIX_GID 1;1 $FIX_SUBGID $FIX_COUNT" "$(map_text "$h" gid_map)" "--auto gid_map"
	hold_as_user sleep 60
	h=$HELD
	assert_status 0 "$nsmap --auto=$FIX_USER" -- as_user "$nsmap" -t "$h" --auto=$FIX_USER
	assert_eq "0 $FIX_UID 1;1 $FIX_SUBUID $FIX_COUNT" "$(map_text "$h" uid_map)" "--auto=USER uid_map"
done

# root may ask --auto for the user
hold_as_root sleep 60
h=$HELD
assert_status 0 "root --auto=$FIX_USER" -- "$NSMAP" -t "$h" --auto=$FIX_USER
assert_eq "0 $FIX_UID 1;1 $FIX_SUBUID $FIX_COUNT" "$(map_text "$h" uid_map)" "root --auto=USER uid_map"
assert_eq "0 $FIX_GID 1;1 $FIX_SUBGID $FIX_COUNT" "$(map_text "$h" gid_map)" "root --auto=USER gid_map"

# root's own --auto finds root's grants by name (root's policy needs no
# name otherwise, so it is looked up for --auto alone)
echo "root:400000:1000" >>"$TMP_DIR/etc/subuid"
hold_as_root sleep 60
h=$HELD
assert_status 0 "root --auto" -- "$NSMAP" -t "$h" --auto
assert_eq "0 0 1;1 400000 1000" "$(map_text "$h" uid_map)" "root --auto uid_map"
