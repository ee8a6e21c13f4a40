#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# examples/container.sh, attacked from inside by its own root: PID 1 (nsrun's
# holder) cannot be traced and its /proc files do not open, as no other
# process of ours there; from the host, PID 1 has switched to the
# container's root (uid 100000), is not dumpable and holds no descriptor
# but 0, 1, 2 (/dev/null, the log). DESIGN.md, "The security rule".
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate			# the veth's host end lands in a network namespace of the test
# shellcheck source=tests/security/helpers.sh
. "$NSKIT_SRCDIR/tests/security/helpers.sh"
build_attack
make_root "$TMP_DIR/root"
attack_example container.sh "$TMP_DIR/root" 100000
finish
