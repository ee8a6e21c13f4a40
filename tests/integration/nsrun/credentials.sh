#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --cap-drop/--cap-add give the command exactly that capability set in all
# five sets; --no-new-privs; -S/-G; --wd; --root.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

caps() {
	"$NSRUN" "$@" -- sh -c 'grep -E "^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs)" /proc/self/status | tr -s "\t" " "'
}
field() { echo "$1" | awk -v f="$2:" '$1 == f { print $2 }'; }

out=$(caps -p --cap-drop ALL)
for f in CapInh CapPrm CapEff CapBnd CapAmb; do
	assert_eq 0000000000000000 "$(field "$out" $f)" "--cap-drop ALL: $f"
done
# net_bind_service is bit 10, net_raw bit 13
out=$(caps -p --cap-drop ALL --cap-add net_bind_service,CAP_NET_RAW)
for f in CapInh CapPrm CapEff CapBnd CapAmb; do
	assert_eq 0000000000002400 "$(field "$out" $f)" "--cap-add: $f"
done
# dropping one keeps the rest
full=$(field "$(caps -p)" CapBnd)
out=$(caps -p --cap-drop sys_admin)
bnd=$(field "$out" CapBnd)
assert_eq "$(printf '%016x' $((0x$full & ~(1 << 21))))" "$bnd" "--cap-drop sys_admin"
# ... also for a non-root uid (the ambient set carries them)
out=$("$NSRUN" -p -S 1000 -G 1000 --cap-drop ALL --cap-add net_raw -- sh -c 'id -u; id -g; grep CapEff /proc/self/status')
assert_eq "1000 1000 CapEff: 0000000000002000" "$(echo "$out" | tr -s '\t\n' '  ' | sed 's/ $//')" "-S -G with --cap-add"
# ... and the bounding set too, though the uid change clears CAP_SETPCAP
out=$(caps -p -S 65534 -G 65534 --cap-drop ALL)
for f in CapInh CapPrm CapEff CapBnd CapAmb; do
	assert_eq 0000000000000000 "$(field "$out" $f)" "-S with --cap-drop ALL: $f"
done
out=$(caps -p -S 1000 --cap-drop ALL --cap-add net_raw)
assert_eq 0000000000002000 "$(field "$out" CapBnd)" "-S with --cap-add: CapBnd"
assert_eq 1 "$(field "$(caps -p --no-new-privs)" NoNewPrivs)" "--no-new-privs"
assert_eq 0 "$(field "$(caps -p)" NoNewPrivs)" "no_new_privs off by default"
# a capability that is not held cannot be added
stage_tools 1000	# the inner nsrun runs as uid 1000
assert_status 125 "adding an unheld capability" -- "$NSRUN" -p -S 1000 --cap-drop ALL -- \
	"$STAGED_BIN/nsrun" --cap-add sys_admin true
assert_one_line_error nsrun "sys_admin: capabilities: Operation not permitted"

assert_eq "/tmp" "$("$NSRUN" -p --wd /tmp pwd)" "--wd"
assert_eq "1234:5678" "$("$NSRUN" -U -S 1234 -G 5678 -c -- sh -c 'echo $(id -u):$(id -g)' 2>/dev/null ||
	"$NSRUN" -S 1234 -G 5678 -- sh -c 'echo $(id -u):$(id -g)')" "-S/-G"

# --root: a chroot with a static busybox
require_cmd busybox
bb=$(command -v busybox)
file -L "$bb" 2>/dev/null | grep -q 'dynamically' && skip "busybox is not static"
mkdir -p "$TMP_DIR/root/bin" "$TMP_DIR/root/work"
cp "$bb" "$TMP_DIR/root/bin/busybox"
assert_eq "/work" "$("$NSRUN" -p --root "$TMP_DIR/root" --wd /work -- /bin/busybox pwd)" "--root with --wd"
assert_eq "bin work" "$("$NSRUN" -p -R "$TMP_DIR/root" -- /bin/busybox ls / | tr '\n' ' ' | sed 's/ $//')" "-R"
