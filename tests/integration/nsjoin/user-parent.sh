#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --user-parent: the user namespace that owns the joined namespace (or,
# with -U, the parent of the target's); our own is left out.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

outer=$("$NSRUN" --user --map-root-user --net --detach) || hard_error "nsrun --detach failed"
kill_later "$outer"
# a second user namespace inside the first, with a network namespace of its own
inner=$("$NSJOIN" -t "$outer" -U -- "$NSRUN" --user --map-root-user --net --uts --detach) ||
	hard_error "nested nsrun --detach failed"
kill_later "$inner"
assert_ne "$(ns_inode "$outer" user)" "$(ns_inode "$inner" user)" "the nested user namespace"

got=$("$NSJOIN" -t "$inner" -n --user-parent -- stat -L -c %i /proc/self/ns/user /proc/self/ns/net)
assert_eq "$(ns_inode "$inner" user)
$(ns_inode "$inner" net)" "$got" "-n --user-parent: the owner of the net namespace"
got=$("$NSJOIN" -t "$inner" -U --user-parent -- stat -L -c %i /proc/self/ns/user)
assert_eq "$(ns_inode "$outer" user)" "$got" "-U --user-parent: the parent"
got=$("$NSJOIN" -t "$outer" -U --user-parent -- stat -L -c %i /proc/self/ns/user)
assert_eq "$(ns_inode self user)" "$got" "-U --user-parent whose parent is ours"
