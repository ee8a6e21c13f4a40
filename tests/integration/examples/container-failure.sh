#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# examples/container.sh when a step fails: a step of the pipeline (vethup
# refusing an address) or of the exec chain (nsroot, in a root without
# /proc), building its busybox root, or before any of them, once its
# cgroup is being made (a ROOT that is not there, a TMPDIR it cannot make
# its directory in): exit 125, the failing step's message, and nothing
# left behind, the held process and the cgroup included.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/integration/examples/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/examples/helpers.sh"
ROOT=$TMP_DIR/root
make_root "$ROOT" 100000	# the container's root in the example's maps
before=$(snapshot)

NET=10.99.300 run_example container.sh -r "$ROOT" true
assert_eq 125 "$EX_STATUS" "exit status with a bad address"
assert_eq "vethup: eth0: --addr 10.99.300.2/24: not an IPv4 or IPv6 address" \
	"$(head -n 1 "$TMP_DIR/stderr")" "the first error"
assert_nothing_left "$before"

rmdir "$ROOT/proc" || hard_error "rmdir $ROOT/proc"
run_example container.sh -r "$ROOT" true
assert_eq 125 "$EX_STATUS" "exit status with a root without /proc"
assert_match '^nsroot: .*/proc: mounting proc: No such file or directory$' \
	"$(cat "$TMP_DIR/stderr")" "nsroot's error, from the log of the exec chain"
assert_nothing_left "$before"

# a busybox that cannot run in the root the script builds (not static):
# 125, the script's message last, nothing left
mkdir "$TMP_DIR/bin" && printf '#!/bin/sh\nexit 0\n' >"$TMP_DIR/bin/busybox" &&
	chmod 755 "$TMP_DIR/bin/busybox" || hard_error "a fake busybox"
PATH=$TMP_DIR/bin:$PATH run_example container.sh true
assert_eq 125 "$EX_STATUS" "exit status with a busybox that is not static"
assert_match "^container.sh: $TMP_DIR/bin/busybox: cannot install it in $TMPDIR/container\.[0-9]*/root \(not static\?\)\$" \
	"$(tail -n 1 "$TMP_DIR/stderr")" "the script's error"
assert_nothing_left "$before"

# a ROOT that is not there: found out while cgctl create runs, whose
# group goes again
run_example container.sh -r "$TMP_DIR/no-such-root" true
assert_eq 125 "$EX_STATUS" "exit status with a ROOT that is not there"
assert_match "no-such-root" "$(cat "$TMP_DIR/stderr")" "the shell's error names the ROOT"
assert_nothing_left "$before"

# a TMPDIR it cannot make its directory in: the group goes again, and
# nothing it did not make is removed
(
	TMPDIR=$TMP_DIR/no-such-tmp
	export TMPDIR
	run_example container.sh -r "$ROOT" true
	echo "$EX_STATUS" >"$TMP_DIR/status"
)
assert_eq 125 "$(cat "$TMP_DIR/status")" "exit status when its directory cannot be made"
EX_PID=$(cat "$TMP_DIR/ex.pid")
assert_nothing_left "$before"
