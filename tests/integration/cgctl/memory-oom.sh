#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A process that allocates past memory.max is killed by the OOM killer,
# while one that stays below runs to the end; the transient group is gone
# afterwards either way.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"
cg_on_v1 memory || cg_v2_has memory || skip "no memory controller"

# With swap, an over-limit process would be swapped out, not killed: when
# swap is on, cap it too (v1 needs swap accounting for that).
swap=""
if [ "$(wc -l </proc/swaps)" -gt 1 ]; then
	swap="--swap 0"
	if cg_on_v1 memory && [ ! -e "$(cg_dir memory "")memory.memsw.limit_in_bytes" ]; then
		skip "swap is on and not accounted: an over-limit process would swap"
	fi
fi

# dd holds one block of bs bytes in memory: 64M against a 16M limit.
# shellcheck disable=SC2086 # $swap is empty or two words
assert_status 137 "dd past memory.max" -- "$CGCTL" exec --rm "$G" --memory 16M $swap -- \
	dd if=/dev/zero of=/dev/null bs=64M count=1
assert_no_group "$G"

# shellcheck disable=SC2086
assert_status 0 "dd below memory.max" -- "$CGCTL" exec --rm "$G" --memory 64M $swap -- \
	dd if=/dev/zero of=/dev/null bs=4M count=1
assert_no_group "$G"
