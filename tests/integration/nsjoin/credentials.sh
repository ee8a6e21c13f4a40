#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Credentials and capabilities, as /proc/self/status shows them: uid/gid 0
# in a joined user namespace unless --preserve-credentials or -S/-G;
# --keep-caps; --cap-drop/--cap-add; --no-new-privs.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

# root of the container is uid 100000 outside; 65536 ids are mapped
pid=$("$NSRUN" --user --mount --net --detach --hold -- sleep 100) || hard_error "nsrun --detach failed"
kill_later "$pid"
printf '0 100000 65536\n' >"/proc/$pid/uid_map" || hard_error "uid_map"
printf '0 100000 65536\n' >"/proc/$pid/gid_map" || hard_error "gid_map"
"$NSRUN" --release -t "$pid" || hard_error "release"

# field N of a /proc/self/status line, in the joined namespaces
status_field() {
	_line=$1
	shift
	"$NSJOIN" -t "$pid" "$@" -- cat /proc/self/status | awk -v l="$_line:" '$1 == l { print $2 }'
}

assert_eq 0 "$(status_field Uid -U)" "-U: uid 0 inside"
assert_eq 0 "$(status_field Gid -U)" "-U: gid 0 inside"
# (entering a user namespace gives a full bounding set and every capability)
assert_eq "$(status_field CapBnd -U)" "$(status_field CapEff -U)" "-U: every capability inside"
assert_eq 1000 "$(status_field Uid -U -S 1000)" "-U -S 1000"
assert_eq 2000 "$(status_field Gid -U -G 2000)" "-U -G 2000"
assert_eq 0000000000000000 "$(status_field CapEff -U -S 1000)" "-S 1000: no capabilities"
assert_eq 0000000000000000 "$(status_field CapAmb -U -S 1000)" "-S 1000: no ambient capabilities"
# --keep-caps: the capabilities survive the uid change and the exec
assert_eq "$(status_field CapEff -U)" "$(status_field CapEff -U -S 1000 --keep-caps)" \
	"--keep-caps -S 1000: effective"
assert_eq "$(status_field CapEff -U)" "$(status_field CapAmb -U -S 1000 --keep-caps)" \
	"--keep-caps -S 1000: ambient"
# --preserve-credentials: our uid 0 is not mapped inside: the overflow uid
assert_eq 65534 "$(status_field Uid -U --preserve-credentials)" "--preserve-credentials"
# -S/-G without a user namespace
assert_eq 1000 "$(status_field Uid -n -S 1000)" "-n -S 1000"
assert_eq 2000 "$(status_field Gid -n -G 2000)" "-n -G 2000"
assert_eq "" "$("$NSJOIN" -t "$pid" -n -G 2000 -- id -G | tr -d '2000 ')" "-G clears the groups"

# capabilities and no_new_privs
assert_eq 0000000000000000 "$(status_field CapEff -n --cap-drop ALL)" "--cap-drop ALL"
assert_eq 0000000000000000 "$(status_field CapBnd -n --cap-drop ALL)" "--cap-drop ALL: bounding"
assert_eq 0000000000001000 "$(status_field CapEff -n --cap-drop ALL --cap-add net_admin)" \
	"--cap-drop ALL --cap-add net_admin"
assert_eq 0000000000001000 "$(status_field CapEff -U -S 1000 --cap-drop ALL --cap-add net_admin)" \
	"-S 1000 --cap-drop ALL --cap-add net_admin"
assert_eq 1 "$(status_field NoNewPrivs -n --no-new-privs)" "--no-new-privs"
assert_eq 0 "$(status_field NoNewPrivs -n)" "without --no-new-privs"
assert_status 125 "an unknown capability" -- "$NSJOIN" -t "$pid" -n --cap-add bogus -- true
assert_one_line_error nsjoin "--cap-add bogus: unknown capability 'bogus'"
