#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --mount-proc masks the new /proc as nsroot --proc does (/proc/sys
# read-only, /proc/keys empty, ...), for host root and inside the
# container's user namespace alike; --proc-unmasked masks nothing and
# implies --mount-proc; a /dev/null that is not the null device is refused.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/procmask.inc
. "$NSKIT_SRCDIR/tests/integration/procmask.inc"
require_root
isolate			# the bind on /dev/null below stays in our own namespace
require_cmd awk stat

pid=$("$NSRUN" --user --map-root-user --mount --pid --net --detach -- sleep 100) ||
	hard_error "nsrun --detach failed"
kill_later "$pid"
mounts=$(mount_count)

# host root, in the container's PID namespace only; then in all of its
# namespaces, as its root (host uid 0 by --map-root-user)
# shellcheck disable=SC2086 # the table, word by word
assert_status 0 "--mount-proc" -- "$NSJOIN" -t "$pid" --mount-proc -- \
	sh -c "$PROC_MASK_REPORT" sh $PROC_MASKS
assert_eq "$(proc_mask_expected)" "$(cat "$TMP_DIR/stdout")" "the masked /proc of --mount-proc"
# shellcheck disable=SC2086 # the table, word by word
assert_status 0 "-a --mount-proc" -- "$NSJOIN" -t "$pid" -a --mount-proc -- \
	sh -c "$PROC_MASK_REPORT" sh $PROC_MASKS
assert_eq "$(proc_mask_expected)" "$(cat "$TMP_DIR/stdout")" "the masked /proc of -a --mount-proc"
assert_eq "$mounts" "$(mount_count)" "mounts of the caller's namespace"

# --proc-unmasked: a proc of the container's PID namespace, nothing on it
# shellcheck disable=SC2016 # expanded by the inner shell
assert_status 0 "--proc-unmasked" -- "$NSJOIN" -t "$pid" --proc-unmasked -- sh -c '
	awk "\$5 ~ /^\\/proc\\// { print \$5 }" /proc/self/mountinfo
	[ -c /proc/keys ] || echo keys not a device
	stat -L -c %i /proc/self/ns/pid'
assert_eq "keys not a device
$(ns_inode "$pid" pid)" "$(cat "$TMP_DIR/stdout")" "--proc-unmasked (implies --mount-proc and --pid)"
assert_status 125 "--proc-unmasked -F" -- "$NSJOIN" -t "$pid" --proc-unmasked -F -- true
assert_one_line_error nsjoin "--proc-unmasked needs the fork into the PID namespace \(drop -F\)"

# files are covered by the null device only
echo 'not empty' >"$TMP_DIR/notnull"
mount --bind "$TMP_DIR/notnull" /dev/null || hard_error "bind over /dev/null"
on_exit 'umount /dev/null'
assert_status 125 "--mount-proc, /dev/null a file" -- "$NSJOIN" -t "$pid" --mount-proc -- true
assert_one_line_error nsjoin '/dev/null: opening the null device to mask files with: not the null device \(character device 1:3\)$'
assert_status 0 "--proc-unmasked, /dev/null a file" -- "$NSJOIN" -t "$pid" --proc-unmasked -- true
