#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A gid map that uses no /etc/subgid grant is written only after setgroups
# is denied, and --setgroups allow is refused for it (CVE-2018-7169); with
# a grant, setgroups is left alone or set as asked.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
isolate
user_fixture

# own gid only: setgroups is denied first
hold_as_user sleep 60
h=$HELD
assert_status 0 "own gid" -- as_user "$CAP_NSMAP" -t "$h" --root
assert_eq deny "$(cat "/proc/$h/setgroups")" "setgroups with only the own gid"
assert_eq "0 $FIX_GID 1" "$(map_text "$h" gid_map)" "gid_map"

# own gid only, allow asked: refused, nothing written
hold_as_user sleep 60
h=$HELD
assert_status 125 "allow without a grant" -- as_user "$CAP_NSMAP" -t "$h" --root --setgroups allow
assert_one_line_error nsmap "/proc/$h/setgroups: allow needs a gid range granted by /etc/subgid \\(a gid map without one needs setgroups denied: CVE-2018-7169\\)\$"
assert_unmapped "$h"
assert_eq allow "$(cat "/proc/$h/setgroups")" "setgroups after the refusal"

# a uid map alone leaves setgroups alone
assert_status 0 "uid map only" -- as_user "$CAP_NSMAP" -t "$h" --uid 0:$FIX_UID:1
assert_eq allow "$(cat "/proc/$h/setgroups")" "setgroups with no gid map"

# with a grant: deny when asked
hold_as_user sleep 60
h=$HELD
assert_status 0 "granted, deny asked" -- as_user "$CAP_NSMAP" -t "$h" --gid 0:$FIX_SUBGID:1 --setgroups deny
assert_eq deny "$(cat "/proc/$h/setgroups")" "setgroups deny as asked"

# the held command really cannot call setgroups(2) after deny; where
# setgroups stays allowed (root mapping), it can
for who in user root; do
	rm -f "$SHARED/status"
	"hold_as_$who" sh -c "setpriv --groups 0 true; echo \$? >$SHARED/status"
	h=$HELD
	if [ $who = user ]; then
		assert_status 0 "--root" -- as_user "$CAP_NSMAP" -t "$h" --root
	else
		assert_status 0 "--root" -- "$NSMAP" -t "$h" --root
	fi
	assert_status 0 "release" -- "$NSRUN" --release -t "$h"
	wait_for "[ -s $SHARED/status ]" || fail "the held command did not run"
	if [ $who = user ]; then
		assert_ne 0 "$(cat "$SHARED/status")" "setgroups(2) inside after deny"
	else
		assert_eq 0 "$(cat "$SHARED/status")" "setgroups(2) inside, allowed"
	fi
done
