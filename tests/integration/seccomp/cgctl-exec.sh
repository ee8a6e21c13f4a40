#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# cgctl exec --seccomp: the command runs in the group under the filter (the
# last step of an exec chain, after the steps that needed what it refuses),
# and a transient group is removed as usual. Not among tests/integration/
# cgctl/, which the cgroup test machine (tests/vm) runs: its image has no
# seccomp probe.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"
probe=$NSKIT_BUILDDIR/tests/seccomp/probe
[ -x "$probe" ] || hard_error "$probe is not built"

assert_status 0 "exec --rm --seccomp default" -- "$CGCTL" exec --rm "$G" --seccomp default -- \
	sh -c "grep -q '/$G\$' /proc/self/cgroup && exec $probe keyctl perf_event_open getpid"
assert_eq "keyctl EPERM perf_event_open EPERM getpid OK" "$(tr '\n' ' ' <"$TMP_DIR/stdout" | sed 's/ $//')" \
	"the command under the default profile"
assert_no_group "$G"
# in a chain: nsrun's container, its mounts done, then the filter
out=$("$NSRUN" -Umpiun -r --mount-proc -- "$CGCTL" exec --rm "$G" --seccomp default -- \
	"$probe" mount-proc unshare-net getpid) || fail "the chain: $?"
assert_eq "unshare-net EPERM mount-proc EPERM getpid OK" "$(echo $out)" "nsrun ... cgctl exec --seccomp"
assert_no_group "$G"
# without it, no filter
assert_status 0 "exec --rm" -- "$CGCTL" exec --rm "$G" -- "$probe" keyctl
assert_eq "keyctl OK" "$(cat "$TMP_DIR/stdout")" "cgctl exec without --seccomp"
assert_no_group "$G"
