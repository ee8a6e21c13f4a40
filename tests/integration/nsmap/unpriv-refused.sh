#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An unprivileged user asking for ids it was not granted gets one line
# naming /etc/subuid or /etc/subgid, nothing is written, and the corrected
# request then succeeds. Namespaces of other users are refused too.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
isolate
user_fixture

owner="$FIX_USER \\(uid $FIX_UID\\)"
for nsmap in "$CAP_NSMAP" "$SUID_NSMAP"; do
	hold_as_user sleep 60
	h=$HELD
	# one id past the grant
	assert_status 125 "$nsmap: ungranted uids" -- as_user "$nsmap" -t "$h" \
		--uid 0:$FIX_SUBUID:$((FIX_COUNT + 1)) --gid 0:$FIX_SUBGID:$FIX_COUNT
	assert_one_line_error nsmap "/proc/$h/uid_map: range 0:$FIX_SUBUID:$((FIX_COUNT + 1)) is neither your own uid $FIX_UID nor granted to $owner by /etc/subuid\$"
	assert_unmapped "$h"
	assert_eq allow "$(cat "/proc/$h/setgroups")" "setgroups after a refusal"
	# the other user's grant (someoneelse:100000:65536)
	assert_status 125 "$nsmap: someone else's range" -- as_user "$nsmap" -t "$h" --uid 0:100000:1
	assert_one_line_error nsmap "range 0:100000:1 is neither your own uid $FIX_UID nor granted to $owner by /etc/subuid\$"
	# root's id; and the gid side names /etc/subgid
	assert_status 125 "$nsmap: root's uid" -- as_user "$nsmap" -t "$h" --uid 0:0:1
	assert_one_line_error nsmap "/proc/$h/uid_map: range 0:0:1"
	assert_status 125 "$nsmap: ungranted gids" -- as_user "$nsmap" -t "$h" \
		--uid 0:$FIX_SUBUID:10 --gid 0:$FIX_GID:2
	assert_one_line_error nsmap "/proc/$h/gid_map: range 0:$FIX_GID:2 is neither your own gid $FIX_GID nor granted to $owner by /etc/subgid\$"
	assert_unmapped "$h"
	# another user's --auto
	assert_status 125 "$nsmap: --auto=root" -- as_user "$nsmap" -t "$h" --auto=root
	assert_one_line_error nsmap "--auto=root: only root may map another user's ids\$"
	assert_unmapped "$h"
	# corrected: it works now
	assert_status 0 "$nsmap: corrected" -- as_user "$nsmap" -t "$h" \
		--uid 0:$FIX_SUBUID:$FIX_COUNT --gid 0:$FIX_SUBGID:$FIX_COUNT
	assert_eq "0 $FIX_SUBUID $FIX_COUNT" "$(map_text "$h" uid_map)" "uid_map after correction"

	# a namespace root owns
	hold_as_root sleep 60
	r=$HELD
	assert_status 125 "$nsmap: root's namespace" -- as_user "$nsmap" -t "$r" --uid 0:$FIX_UID:1
	assert_one_line_error nsmap "process $r: (its user namespace )?belongs to uid 0, not to uid $FIX_UID\$"
	assert_unmapped "$r"
done

# the user's own process, in a namespace root made (and owns)
r=$("$NSRUN" --map-users 0:$FIX_UID:1 --map-groups 0:$FIX_GID:1 --detach -- sleep 60) ||
	fail "nsrun as root for $FIX_USER"
kill_later "$r"
# (the held process becomes root of its namespace as it starts the command,
# just after nsrun --detach has returned)
wait_for '[ "$(stat -c %u "/proc/$r")" = "$FIX_UID" ]'
assert_eq "$FIX_UID" "$(stat -c %u "/proc/$r")" "host uid of the process"
assert_status 125 "a namespace root owns" -- as_user "$CAP_NSMAP" -t "$r" --uid 0:$FIX_UID:1
assert_one_line_error nsmap "process $r: its user namespace is not one uid $FIX_UID owns\$"

# without privilege, the kernel would refuse a range the policy grants:
# nsmap says so before it writes anything
hold_as_user sleep 60
h=$HELD
assert_status 125 "unprivileged nsmap" -- as_user "$NSMAP" -t "$h" --uid 0:$FIX_SUBUID:10
assert_one_line_error nsmap "/proc/$h/uid_map: more than your own uid $FIX_UID needs CAP_SETUID, which nsmap does not hold \\(run it as root, or install it with file capabilities cap_setuid,cap_setgid\\+ep\\)\$"
assert_unmapped "$h"
# the own uid (which it could write) and a granted gid range (which it
# could not): nothing is written, setgroups included
assert_status 125 "unprivileged nsmap, own uid and granted gids" -- as_user "$NSMAP" -t "$h" \
	--uid 0:$FIX_UID:1 --gid 0:$FIX_SUBGID:100
assert_one_line_error nsmap "/proc/$h/gid_map: more than your own gid $FIX_GID needs CAP_SETGID"
assert_unmapped "$h"
assert_eq allow "$(cat "/proc/$h/setgroups")" "setgroups after the refusal"
# the own ids alone it can write
assert_status 0 "unprivileged nsmap, own ids" -- as_user "$NSMAP" -t "$h" \
	--uid 0:$FIX_UID:1 --gid 0:$FIX_GID:1
assert_eq "0 $FIX_UID 1" "$(map_text "$h" uid_map)" "uid_map of the own id"

# root of a user namespace maps a child of it: outer ids it has not got
# itself are refused before anything is written (the kernel would take
# uid_map and refuse gid_map)
out=$("$NSRUN" -U -r -- sh -c '
	h=$("$1" -U --detach) || exit 3
	"$2" -t "$h" --uid 0:0:1 --gid 0:5:1 2>&1; echo "status $?"
	tr -s " " <"/proc/$h/uid_map"; echo "."; tr -s " " <"/proc/$h/gid_map"
	kill "$h"' sh "$NSRUN" "$NSMAP") || fail "nsrun -U -r: status $?"
assert_match "gid_map: range 0:5:1: its outer ids are not within one line of /proc/self/gid_map" \
	"$out" "the refusal"
assert_eq "status 125
." "$(echo "$out" | tail -n 2)" "nsmap's status, and both maps of the child left empty"
