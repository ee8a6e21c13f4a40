#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fault injection (tests/faults/README.md): nsroot --proc --dev with an
# overlay of a busybox root, a bind and a read-only bind, then a command.
# Each run is in a mount namespace of its own, where a shell stays to look
# at it afterwards: a failure leaves its mounts as they were (nsroot has
# not pivoted), and no process.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate --mount --net --pid --fork --mount-proc
require_tool nsroot
# shellcheck source=tests/faults/lib-faults.sh
. "$NSKIT_SRCDIR/tests/faults/lib-faults.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
no_leak_check_after_pivot

BASE=$TMP_DIR/base
make_root "$BASE"
cp "$EXIT0" "$BASE/exit0"
mkdir "$TMP_DIR/newroot" "$TMP_DIR/data" "$BASE/mnt"

# The run's own mount namespace: its mount points and types before and
# after the run, compared there (a pivot changes this shell's root too: the
# verdict goes out on a descriptor opened before).
cat >"$TMP_DIR/wrap.sh" <<'WRAP'
exec 3>"$1"
shift
view() { awk '{ print $5, $(NF - 2) }' /proc/self/mountinfo 2>&1; }
before=$(view)
"$@"
status=$?
after=$(view)
[ "$before" = "$after" ] && echo "mounts as before" >&3 || echo "mounts changed" >&3
exit $status
WRAP
FAULT_WRAP="unshare --mount --propagation private -- sh $TMP_DIR/wrap.sh $FAULT_DIR/ns.view"

fault_state() {
	cat "$FAULT_DIR/ns.view" 2>/dev/null
	rm -f "$FAULT_DIR/ns.view"
	fault_processes
}
# fault_state before a run shows nothing of the run's namespace; after it,
# "mounts as before" is what that means
fault_setup() {
	echo "mounts as before" >"$FAULT_DIR/ns.view"
}

# After pivot_root there is no going back (nsroot(1)): a step that fails
# then leaves the namespace switched, as a run that succeeded does.
fault_acceptable() {
	cmp -s "$FAULT_DIR/state.ok" "$FAULT_DIR/state.after" &&
		awk '/pivot_root\(.* = 0$/ { p = 1 } /\(INJECTED\)/ { exit !p }' "$FAULT_DIR/trace"
}

fault_scan nsroot -- "$NSROOT" --proc --dev --overlay "$BASE" \
	--bind "$TMP_DIR/data:/data" --ro-bind "$TMP_DIR/data:/mnt" "$TMP_DIR/newroot" -- /exit0
