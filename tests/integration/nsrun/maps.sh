#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# -r, -c, --map-user, --map-group and --setgroups write the maps the kernel
# then shows in /proc/self/uid_map, gid_map and setgroups.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

maps() {
	"$NSRUN" "$@" -- sh -c 'echo $(cat /proc/self/uid_map) / $(cat /proc/self/gid_map) / $(cat /proc/self/setgroups) / $(id -u):$(id -g)'
}

assert_eq "0 0 1 / 0 0 1 / deny / 0:0" "$(maps -r)" "-r as root"
assert_eq "0 0 1 / 0 0 1 / deny / 0:0" "$(maps --map-root-user)" "--map-root-user"
assert_eq "0 0 1 / 0 0 1 / deny / 0:0" "$(maps -c)" "-c as root"
assert_eq "1000 0 1 / 2000 0 1 / deny / 1000:2000" "$(maps --map-user 1000 --map-group 2000)" \
	"--map-user/--map-group"
# setgroups allowed with a gid map: written from outside, root may
assert_eq "0 0 1 / 0 0 1 / allow / 0:0" "$(maps -r --setgroups allow)" "-r --setgroups allow"
assert_eq "/ / allow / 65534:65534" "$(maps -U --setgroups allow)" "--setgroups allow without a map"
assert_eq "/ / deny / 65534:65534" "$(maps -U --setgroups deny)" "--setgroups deny without a map"
# -U alone: nothing is mapped, we are the overflow user
assert_eq "/ / allow / 65534:65534" "$(maps -U)" "-U alone"
# --map-user implies --user
inner=$("$NSRUN" --map-user 42 -- stat -L -c %i /proc/self/ns/user)
assert_ne "$(ns_inode self user)" "$inner" "--map-user implies a user namespace"
# a name is looked up on the host
assert_eq "0 0 1 / 0 0 1 / deny / 0:0" "$(maps --map-user root --map-group root)" "names"

assert_status 125 "bad --map-user" -- "$NSRUN" --map-user no-such-user-xyz true
assert_one_line_error nsrun "--map-user no-such-user-xyz: not a user id or name"
assert_status 125 "bad --setgroups" -- "$NSRUN" -U --setgroups maybe true
assert_one_line_error nsrun "--setgroups maybe: not allow or deny"
