#!/bin/sh
# examples/rootless.sh, run by nobody (uid 65534) as
# tests/integration/examples/rootless.sh runs it, attacked from inside by
# its own root: PID 1 (nsrun's holder) cannot be traced and its /proc files
# do not open; from the host it runs as nobody, is not dumpable and holds
# no descriptor but 0, 1, 2 (/dev/null, the log). DESIGN.md, "The security
# rule".
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
