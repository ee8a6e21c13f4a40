#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installed with more file capabilities than it needs, or setuid root,
# nsmap keeps only CAP_SETUID and CAP_SETGID and the caller's real uid
# from before it reads its handle (observed while it waits for stdin).
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
isolate
user_fixture

wide=${CAP_NSMAP%/bin/nsmap}/wide/nsmap
mkdir "${wide%/nsmap}" && chmod 755 "${wide%/nsmap}" && cp "$NSMAP" "$wide" || hard_error "copying nsmap"
setcap cap_setuid,cap_setgid,cap_sys_admin,cap_net_admin,cap_dac_override+ep "$wide" ||
	hard_error "setcap"

# status_field PID FIELD: the value of a /proc/PID/status line
status_field() {
	sed -n "s/^$2:[[:space:]]*//p" "/proc/$1/status" | tr -s '\t' ' '
}

# Fewer than the two (only cap_setuid), or none (a plain copy): nsmap
# keeps what it has of the two and maps what that allows.
half=${CAP_NSMAP%/bin/nsmap}/half/nsmap
plain=${CAP_NSMAP%/bin/nsmap}/plain/nsmap
for copy in "$half" "$plain"; do
	mkdir "${copy%/nsmap}" && chmod 755 "${copy%/nsmap}" && cp "$NSMAP" "$copy" ||
		hard_error "copying nsmap"
done
setcap cap_setuid+ep "$half" || hard_error "setcap"

# expect NSMAP CAPS UID_RANGE: what nsmap keeps, and the map it writes
expect() {
	case $1 in
	"$half") echo "0000000000000080 0:$FIX_SUBUID:10" ;;
	"$plain") echo "0000000000000000 0:$FIX_UID:1" ;;
	*) echo "00000000000000c0 0:$FIX_SUBUID:10" ;;
	esac
}

for nsmap in "$wide" "$SUID_NSMAP" "$half" "$plain"; do
	caps=$(expect "$nsmap")
	range=${caps#* }
	caps=${caps% *}
	hold_as_user sleep 60
	h=$HELD
	fifo=$TMP_DIR/fifo
	rm -f "$fifo"
	mkfifo "$fifo" && chmod 666 "$fifo" || hard_error "mkfifo"
	# read-write, so that opening it does not wait for a writer; setpriv
	# itself (not the as_user function) so that $! is nsmap
	setpriv --reuid="$FIX_UID" --regid="$FIX_GID" --clear-groups -- "$nsmap" --uid "$range" <>"$fifo" >"$TMP_DIR/out" 2>"$TMP_DIR/err" &
	pid=$!
	kill_later "$pid"
	wait_for "[ \"\$(cat /proc/$pid/comm 2>/dev/null)\" = nsmap ] && grep -q '^State:.*S' /proc/$pid/status" ||
		fail "$nsmap did not wait for its handle"
	assert_eq "$caps" "$(status_field "$pid" CapEff)" "$nsmap: effective capabilities"
	assert_eq "$caps" "$(status_field "$pid" CapPrm)" "$nsmap: permitted capabilities"
	assert_eq 0000000000000000 "$(status_field "$pid" CapInh)" "$nsmap: inheritable capabilities"
	assert_eq "$FIX_UID $FIX_UID $FIX_UID $FIX_UID" "$(status_field "$pid" Uid)" "$nsmap: uids"
	assert_eq "$FIX_GID $FIX_GID $FIX_GID $FIX_GID" "$(status_field "$pid" Gid)" "$nsmap: gids"
	echo "$h" >"$fifo"
	wait "$pid" || fail "$nsmap: exit status $? ($(cat "$TMP_DIR/err"))"
	assert_eq "$h" "$(cat "$TMP_DIR/out")" "$nsmap: the handle echoed"
	assert_eq "$(echo "$range" | tr : ' ')" "$(map_text "$h" uid_map)" "$nsmap: uid_map"
done
