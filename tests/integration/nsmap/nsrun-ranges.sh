#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun --map-users, --map-groups, --map-auto and --map-subids, with
# unshare's forms and meanings: a helper outside writes the ranges with
# nsmap's checks and policy, and nothing is left behind when it refuses.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
isolate
user_fixture

# as root: ranges, and the command is root inside
dir=$SHARED/root
mkdir "$dir" && chmod 777 "$dir"
out=$("$NSRUN" --map-users 0:100000:65536 --map-groups 0:100000:65536 -- \
	sh -c "id -u; id -g; tr -s ' ' </proc/self/uid_map; cat /proc/self/setgroups; touch $dir/file") ||
	fail "nsrun --map-users exit status $?"
assert_eq "0
0
 0 100000 65536
allow" "$out" "id, uid_map and setgroups inside"
assert_eq 100000:100000 "$(stat -c %u:%g "$dir/file")" "owner on the host"

# -r joins the ranges; --setgroups too
out=$("$NSRUN" -r --map-users 1:100000:10 --map-groups 1:100000:10 --setgroups deny -- \
	sh -c "tr -s ' ' </proc/self/uid_map; cat /proc/self/setgroups") || fail "-r with ranges"
assert_eq " 0 0 1
 1 100000 10
deny" "$out" "-r with --map-users"

# unshare's older OUTER,INNER,COUNT, and all: every id we have, as is
out=$("$NSRUN" --map-users 100000,0,65536 --map-groups=all -- \
	sh -c "tr -s ' ' </proc/self/uid_map; tr -s ' ' </proc/self/gid_map") || fail "OUTER,INNER,COUNT"
assert_eq " 0 100000 65536
$(awk '{ printf " %s %s %s\n", $1, $1, $3 }' /proc/self/gid_map)" "$out" "OUTER,INNER,COUNT and all"

# --map-auto: root's first grant at 0; none granted is refused in one line
before=$(children_of $$ | wc -l)
assert_status 125 "--map-auto without a grant" -- "$NSRUN" --map-auto -- true
assert_error_line "nsrun: --map-users auto: /etc/subuid grants uid 0 no range"
assert_eq "$before" "$(children_of $$ | wc -l)" "processes left behind by the refusal"
echo "root:400000:1000" >>"$TMP_DIR/etc/subuid"
echo "root:450000:10" >>"$TMP_DIR/etc/subuid"
echo "0:500000:2000" >>"$TMP_DIR/etc/subgid"
out=$("$NSRUN" --map-auto -- sh -c "tr -s ' ' </proc/self/uid_map; tr -s ' ' </proc/self/gid_map") ||
	fail "--map-auto"
assert_eq " 0 400000 1000
 0 500000 2000" "$out" "--map-auto: the first grant at 0"
# -r with it: the caller at 0, the grant after (one id fewer), as unshare
out=$("$NSRUN" -r --map-auto -- sh -c "tr -s ' ' </proc/self/uid_map") || fail "-r --map-auto"
assert_eq " 0 0 1
 1 400000 999" "$out" "-r --map-auto"
out=$("$NSRUN" --map-subids -- sh -c "tr -s ' ' </proc/self/uid_map") || fail "--map-subids"
assert_eq " 400000 400000 1000" "$out" "--map-subids: the first grant at its own ids"
out=$("$NSRUN" --map-users=subids --map-groups=auto -- \
	sh -c "tr -s ' ' </proc/self/uid_map; tr -s ' ' </proc/self/gid_map") || fail "words"
assert_eq " 400000 400000 1000
 0 500000 2000" "$out" "--map-users=subids --map-groups=auto"
h=$("$NSRUN" --detach --map-users 0:100000:65536) && kill_later "$h"
[ -n "$h" ] || fail "nsrun --detach --map-users"
assert_eq "0 100000 65536" "$(map_text "$h" uid_map)" "uid_map of a detached namespace"

# refused: one line, status 125, no process left behind
before=$(children_of $$ | wc -l)
assert_status 125 "overlap" -- "$NSRUN" --map-users 0:100000:65536 --map-users 5:100005:1 -- true
assert_one_line_error nsrun "/proc/[0-9]+/uid_map: ranges 0:100000:65536 and 5:100005:1 overlap\$"
assert_eq "$before" "$(children_of $$ | wc -l)" "processes left behind"
assert_status 125 "bad range" -- "$NSRUN" --map-groups 0:1 -- true
assert_one_line_error nsrun "--map-groups 0:1: not INNER:OUTER:COUNT, OUTER,INNER,COUNT, auto, subids or all"

# as the fixture user: own ids are fine (setgroups denied: no subgid grant
# used), an ungranted range is refused naming /etc/subuid
out=$(as_user "$NSRUN" --map-users 0:$FIX_UID:1 --map-groups 0:$FIX_GID:1 -- \
	sh -c "id -u; cat /proc/self/setgroups") || fail "own ids as $FIX_USER"
assert_eq "0
deny" "$out" "own ids as $FIX_USER"
assert_status 125 "ungranted" -- as_user "$NSRUN" --map-users 0:100000:1 -- true
assert_one_line_error nsrun "/proc/[0-9]+/uid_map: range 0:100000:1 is neither your own uid $FIX_UID nor granted to $FIX_USER \\(uid $FIX_UID\\) by /etc/subuid\$"

# Unprivileged, with an nsrun that holds no CAP_SETUID/CAP_SETGID: the
# newuidmap and newgidmap of $PATH write what the kernel would refuse
# nsrun (unshare's fallback); --verbose says which. Ours, linked by
# shadow's names, stand in for shadow's.
bin=$(dirname "$CAP_NSMAP")
ln -s nsmap "$bin/newuidmap" && ln -s nsmap "$bin/newgidmap" || hard_error "linking"
out=$(as_user env PATH="$bin:/usr/bin:/bin" "$NSRUN" --verbose --map-users 0:$FIX_SUBUID:$FIX_COUNT \
	--map-groups 0:$FIX_SUBGID:$FIX_COUNT -- \
	sh -c "tr -s ' ' </proc/self/uid_map; tr -s ' ' </proc/self/gid_map; cat /proc/self/setgroups" \
	2>"$TMP_DIR/verbose") || fail "ranges through newuidmap: $(cat "$TMP_DIR/verbose")"
assert_eq " 0 $FIX_SUBUID $FIX_COUNT
 0 $FIX_SUBGID $FIX_COUNT
allow" "$out" "maps written by newuidmap/newgidmap"
assert_eq "nsrun: uid_map: written by $bin/newuidmap
nsrun: gid_map: written by $bin/newgidmap" "$(cat "$TMP_DIR/verbose")" "--verbose names them"
# the own id alone needs no helper
out=$(as_user env PATH="$bin:/usr/bin:/bin" "$NSRUN" --verbose -r --map-users 1:$FIX_SUBUID:10 -- \
	sh -c "tr -s ' ' </proc/self/uid_map" 2>"$TMP_DIR/verbose") || fail "-r with a range"
assert_eq " 0 $FIX_UID 1
 1 $FIX_SUBUID 10" "$out" "-r with a range through newuidmap"
# a helper's refusal is one line, ours, with its words; nothing is left
fake=$SHARED/fake
mkdir "$fake" && chmod 755 "$fake"
printf '#!/bin/sh\necho "newuidmap: not today" >&2\nexit 1\n' >"$fake/newuidmap"
chmod 755 "$fake/newuidmap"
before=$(children_of $$ | wc -l)
assert_status 125 "refused by newuidmap" -- as_user env PATH="$fake:/usr/bin:/bin" "$NSRUN" \
	--map-users 0:$FIX_SUBUID:10 -- true
assert_one_line_error nsrun "/proc/[0-9]+/uid_map: $fake/newuidmap refused it: newuidmap: not today\$"
assert_eq "$before" "$(children_of $$ | wc -l)" "processes left behind"
