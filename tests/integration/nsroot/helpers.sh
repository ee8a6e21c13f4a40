# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# Helpers of the nsroot tests (sourced after lib.sh and isolate).

# mount_targets: the mount points of our namespace, to prove nothing was
# left mounted (propagation may change: nsroot makes mounts slaves).
mount_targets() {
	awk '{ print $5 }' /proc/self/mountinfo
}

# no_leak_check_after_pivot: in sanitizer builds, LeakSanitizer reads
# /proc/PID/task when a process exits; a process whose root was pivoted
# (nsroot when its command cannot run, nsrun's processes in the pivoted
# namespace) has no such file then, and LeakSanitizer aborts. Tests that
# pivot turn leak checks off; error-undo.sh, where nothing pivots, keeps
# them. No effect on other builds.
no_leak_check_after_pivot() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	export ASAN_OPTIONS
}

# fails_clean PATTERN NSROOT-ARG...: nsroot, run in a shell that shares its
# mount namespace (and a new PID namespace, where --proc does not warn),
# exits 125 with one error line matching PATTERN, and leaves the
# namespace's mounts as they were.
fails_clean() {
	_pattern=$1
	shift
	# shellcheck disable=SC2016 # expanded by the inner shell
	_script='d=$1; shift
		awk "{ print \$5 }" /proc/self/mountinfo >"$d/before"
		"$@"; echo "status $?" >"$d/status"
		awk "{ print \$5 }" /proc/self/mountinfo >"$d/after"'
	assert_status 0 "nsroot $*" -- "$NSRUN" --mount --pid -- sh -c "$_script" sh "$TMP_DIR" "$NSROOT" "$@"
	assert_eq "status 125" "$(cat "$TMP_DIR/status")" "status of nsroot $*"
	mv "$TMP_DIR/stdout" "$TMP_DIR/out"
	assert_one_line_error nsroot "$_pattern"
	cmp -s "$TMP_DIR/before" "$TMP_DIR/after" ||
		fail "left mounted: $(diff "$TMP_DIR/before" "$TMP_DIR/after" | grep '^>')"
}
