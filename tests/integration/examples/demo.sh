#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# examples/demo.sh, the README's demo: it runs, shows each isolation it
# announces (hostname, root inside, its processes, its link, its limits,
# a write) and leaves nothing behind.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate			# as scripts/demo does
# shellcheck source=tests/integration/examples/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/examples/helpers.sh"
before=$(snapshot)
run_example demo.sh
out=$(cat "$TMP_DIR/stdout")
assert_eq 0 "$EX_STATUS" "exit status (stderr: $(cat "$TMP_DIR/stderr"))"
assert_eq "" "$(cat "$TMP_DIR/stderr")" "stderr"
for line in '^demo$' '^uid=0 gid=0$' '^ +1 0 +nsrun-init$' '^ +2 0 +sleep$' \
	'^eth0 10\.99\.0\.2/24$' '^default via 10\.99\.0\.1 dev eth0' '^[0-9]+:(memory)?:/$' \
	'^memory\.(max|limit_in_bytes): 268435456$' '^pids\.max: 64$' \
	'^(cpu\.max: 100000 100000|cpu\.cfs_quota_us: 100000)$' ' /etc/motd$'; do
	assert_match "$line" "$out" "the demo's output"
done
# its cgroup namespace: rooted at its own cgroup, nskit-PID, on cgroup2
# ("/" inside); on v1 hierarchies at the script's, above it
if printf '%s\n' "$out" | grep -q '^[0-9]*:memory:'; then
	assert_match "^[0-9]+:memory:/nskit-$EX_PID\$" "$out" "the demo's memory cgroup (v1)"
else
	assert_match '^0::/$' "$out" "the demo's cgroup (v2)"
fi
assert_nothing_left "$before"
