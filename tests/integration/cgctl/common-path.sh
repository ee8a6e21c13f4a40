#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The common run, exec --create --rm with limits, makes the system calls
# of its work and of its rules and no others (issue 19; its fair floor is
# bench/cgctl-floor.c cycle -S): no access(2) of a parent or a key before
# the mkdirs and writes (a missing one fails those), no read of v1's
# memsw in a group it made (the kernel starts it unlimited), no read of
# cgroup.events to learn whether the command left a process (the rmdir
# says), and v2's cgroup.controllers only when a controller it uses is on
# no v1 hierarchy. The failures those checks stood for are tested where
# they were: bad-input.sh (a missing key), parent.sh (a missing parent),
# exec-membership.sh (a process left behind).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
require_cmd strace
G=$CG_GROUP
cg_remove_later "$G"

if cg_on_v1 memory; then limit=memory.limit_in_bytes; else limit=memory.max; fi
limit=$(cg_dir memory "$G")/$limit
trace=$TMP_DIR/trace
# the command shows the limit it runs under
assert_status 0 "traced exec --create --rm" -- strace -f -qq -o "$trace" -e trace=%file \
	"$CGCTL" exec --create --rm "$G" --memory 64M --pids 64 -- cat "$limit"
assert_eq 67108864 "$(cat "$TMP_DIR/stdout")" "the command's memory limit"
assert_no_group "$G"
grep -q 'mkdir(' "$trace" || fail "no mkdir traced: $(cat "$trace")"

# in each hierarchy, our own cgroup (the parent) and below it
for dir in $(cg_hierarchies | awk '{ print $4 }'); do
	! grep -E 'access(at2?)?\(' "$trace" | grep -F "\"$dir" ||
		fail "an access(2) of $dir or below it"
done
! grep -F 'memory.memsw.limit_in_bytes' "$trace" || fail "memsw looked at in a group cgctl made"
! grep -F '/cgroup.events"' "$trace" || fail "cgroup.events read before the rmdir"
# every controller it uses is on v1: v2's list adds nothing
all_v1=true
for c in $CG_V1_DEFAULT; do
	cg_on_v1 "$c" || all_v1=false
done
if $all_v1; then
	! grep -F '/cgroup.controllers"' "$trace" || fail "v2's cgroup.controllers read"
fi
exit 0
