#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A target that is gone, or that is vethup's own network namespace, is
# refused with one line, and nothing is made on either side.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

before=$(links)
gone=$(container)
kill -KILL "$gone"
wait_gone "$gone" || hard_error "process $gone did not go"
expect_failure "handle $gone: no such process$" "$VETHUP" -t "$gone" --addr 10.0.0.2/24
expect_failure "handle 0: not a handle" "$VETHUP" -t 0
expect_failure "handle $gone: no such process$" sh -c "echo $gone | \"$VETHUP\" --addr 10.0.0.2/24"
# our own namespace, by process and by file: routes meant for a container
# must never land here
expect_failure "process $$: is in vethup's own network namespace$" "$VETHUP" -t $$ --addr 10.0.0.2/24
expect_failure "netns /proc/self/ns/net: is in vethup's own network namespace$" \
	"$VETHUP" --netns /proc/self/ns/net --addr 10.0.0.2/24
assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout after a failure"
assert_eq "$before" "$(links)" "host links"
