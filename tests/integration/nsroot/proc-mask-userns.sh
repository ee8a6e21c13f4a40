#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --proc masks inside a user namespace too, as the container's root does
# it (examples/container.sh): and a process with the host's credentials in
# that container (kuid 0, which proc's sysctls take for the host's root)
# finds /proc/sys and /proc/sysrq-trigger read-only, /proc/keys empty.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
# shellcheck source=tests/integration/procmask.inc
. "$NSKIT_SRCDIR/tests/integration/procmask.inc"
require_root
isolate
require_tool nsroot
require_tool nsrun
require_tool nsjoin
ROOT=$TMP_DIR/root
make_root "$ROOT"
chmod 755 "$TMP_DIR"	# the container's root (uid 100000) walks through it
no_leak_check_after_pivot
mark=4243.5$$	# the command's marker, unique to this run

pid=$("$NSRUN" --user --map-users 0:100000:65536 --map-groups 0:100000:65536 \
	--mount --pid --net --detach -- "$NSROOT" --proc --sys "$ROOT" -- /bin/sleep "$mark") ||
	hard_error "nsrun --detach failed"
kill_later "$pid"
# the command itself, once nsroot has exec'd it (nsrun's init names it too)
sleep_pid() {
	for _p in $(pids_with_arg "$mark" 2>/dev/null); do
		[ "$(cat "/proc/$_p/comm" 2>/dev/null)" = sleep ] && echo "$_p"
	done
	return 0
}
wait_for '[ -n "$(sleep_pid)" ]' || fail "the container did not start"
cpid=$(sleep_pid)
assert_eq "100000" "$(awk '/^Uid:/ { print $2 }' "/proc/$cpid/status")" \
	"the command's uid, seen from the host (the container's root)"

# host root joins with its own credentials: uid 65534 inside, kuid 0
# shellcheck disable=SC2086 # the table, word by word
assert_status 0 "nsjoin --preserve-credentials" -- "$NSJOIN" -t "$cpid" --user --mount --pid \
	--preserve-credentials -- /bin/sh -c "$PROC_MASK_REPORT" sh $PROC_MASKS
assert_eq "$(proc_mask_expected)" "$(cat "$TMP_DIR/stdout")" "what the masked /proc shows to kuid 0"
assert_status 0 "ls /sys/firmware" -- "$NSJOIN" -t "$cpid" -a -- /bin/ls -A /sys/firmware
assert_eq "" "$(cat "$TMP_DIR/stdout")" "/sys/firmware in the container"
