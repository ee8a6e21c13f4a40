#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# examples/rootless.sh, run by nobody (uid 65534) as
# tests/integration/examples/rootless.sh runs it, attacked from inside by
# its own root. PID 1 (nsrun's holder) has the container's credentials,
# those of its owner, who must be able to reach it (nsmap, nsjoin): the
# container's root can trace it, but nothing it holds leads out: its root
# and working directory are the container's, it holds no descriptor but 0,
# 1, 2 (/dev/null, the log), and the binary it runs cannot be rewritten.
# DESIGN.md, "The security rule".
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/security/helpers.sh
. "$NSKIT_SRCDIR/tests/security/helpers.sh"
require_cmd setpriv
build_attack
U=65534
chown "$U:$U" "$TMPDIR" || hard_error "chown $TMPDIR"
make_root "$TMP_DIR/root" "$U"
attack_example --as "$U" rootless.sh "$TMP_DIR/root" "$U"
finish
