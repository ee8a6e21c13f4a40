#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --hostname/--domainname (in a new UTS namespace), lo up in a new network
# namespace (down with --no-lo), and time namespace offsets.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

host=$(hostname)
assert_eq "box" "$("$NSRUN" --uts --hostname box hostname)" "--hostname"
assert_eq "box" "$("$NSRUN" --hostname box hostname)" "--hostname implies --uts"
assert_eq "$host" "$(hostname)" "our hostname is unchanged"
assert_eq "nskit.test" "$("$NSRUN" --domainname nskit.test cat /proc/sys/kernel/domainname)" "--domainname"

require_cmd ip
# (not /sys/class/net: sysfs shows the namespace it was mounted in)
assert_match '<LOOPBACK,UP,LOWER_UP>' "$("$NSRUN" --net -- ip -o link show lo)" "lo is up in a new network namespace"
assert_no_match '[<,]UP[,>]' "$("$NSRUN" --net --no-lo -- ip -o link show lo)" "--no-lo leaves lo down"
# ...and the new namespace has nothing but lo, with its addresses
assert_eq "1" "$("$NSRUN" --net -- ip -o link | wc -l)" "only lo"
assert_match 'inet 127.0.0.1/8' "$("$NSRUN" --net -- ip -o addr show lo)" "lo has 127.0.0.1"

[ -e /proc/self/ns/time ] || skip "no time namespaces in this kernel"
offsets=$("$NSRUN" --time --monotonic 86400 --boottime -1.5 -- cat /proc/self/timens_offsets)
assert_match '^monotonic +86400 +0$' "$(echo "$offsets" | grep monotonic)" "monotonic offset"
assert_match '^boottime +-2 +500000000$' "$(echo "$offsets" | grep boottime)" "boottime offset"
# the command's children are inside too (Linux 6.1 moves only children)
child=$("$NSRUN" --time -- sh -c 'sh -c "stat -L -c %i /proc/self/ns/time"')
assert_ne "$(ns_inode self time)" "$child" "a child of the command is in the new time namespace"
# --monotonic implies --time; the clock inside is ahead
up=$(cut -d. -f1 /proc/uptime)
inside=$("$NSRUN" --boottime 100000 -- cut -d. -f1 /proc/uptime)
[ "$inside" -ge $((up + 100000)) ] || fail "boottime offset not applied: $inside vs $up"
assert_status 125 "bad offset" -- "$NSRUN" --monotonic 1e3 true
assert_one_line_error nsrun "--monotonic 1e3: not a number of seconds"
