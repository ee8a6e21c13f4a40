#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Optional libraries are opened only by the runs that use them (lib/dl):
# no tool is linked with libsmartcols, libseccomp or json-c, a run that
# prints no table and compiles no profile works where they are broken, and
# a run that needs one says which, in one line, exit 125. The libraries
# are made unloadable by an empty file bind-mounted over each, in a mount
# namespace of the test's own.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate --mount --net
require_cmd readelf ldconfig ip nsenter
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

# What the dynamic linker loads at start: libc alone, for every tool (vethup
# and nsls talk rtnetlink through lib/rtnl, no library).
for t in nsrun nsjoin nsmap cgctl mkprop nsroot vethup nsls; do
	needed=$(readelf -d "$(tool "$t")" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' |
		grep -v -e '^libc\.so' -e '^libasan' -e '^libubsan' -e '^ld-linux' | tr '\n' ' ')
	assert_eq "" "$needed" "$t's libraries"
done

: >"$TMP_DIR/empty"
for lib in libsmartcols.so.1 libseccomp.so.2 libjson-c.so.5; do
	path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64|64bit/ { print $NF; exit }')
	[ -n "$path" ] || path=$(ldconfig -p | awk -v l="$lib" '$1 == l { print $NF; exit }')
	[ -n "$path" ] || hard_error "$lib is not installed"
	mount --bind "$TMP_DIR/empty" "$(readlink -f "$path")" || hard_error "hiding $lib"
done

# The common paths: nothing but libc.
assert_status 0 "nsrun -Umpiu -r" -- "$NSRUN" -Umpiu -r --fork -- true
assert_status 0 "nsrun --seccomp default (compiled at build time)" -- \
	"$NSRUN" -U -r --seccomp default -- true
assert_status 0 "mkprop --private -r" -- "$NSRUN" -m -- "$MKPROP" --private -r / -- true
assert_status 0 "cgctl create" -- "$CGCTL" create "$G" --parent self --pids 10
assert_status 0 "cgctl delete" -- "$CGCTL" delete "$G" --parent self
assert_status 0 "nsjoin -n" -- "$NSJOIN" -t $$ -n -- true
handle=$("$NSRUN" -U --detach --hold -- true) || fail "nsrun --detach: $?"
kill_later "${handle%%:*}"
assert_status 0 "nsmap" -- "$NSMAP" -t "$handle" --uid 0:0:1 --gid 0:0:1

# What needs a library names it.
assert_status 125 "mkprop --show" -- "$MKPROP" --show /
assert_one_line_error mkprop "libsmartcols\.so\.1: .*(too short|invalid ELF)"
assert_status 125 "nsmap --show" -- "$NSMAP" --show -t $$
assert_one_line_error nsmap "libsmartcols\.so\.1: "
assert_status 125 "cgctl list" -- "$CGCTL" list --parent self
assert_one_line_error cgctl "libsmartcols\.so\.1: "
assert_status 125 "nsls" -- "$NSLS"
assert_one_line_error nsls "libsmartcols\.so\.1: "
# vethup: its output options need it, checked before anything is made
held=$("$NSRUN" --net --detach) || hard_error "nsrun --net --detach"
kill_later "$held"
assert_status 125 "vethup -J" -- "$VETHUP" -t "$held" -J
assert_one_line_error vethup "libsmartcols\.so\.1: "
assert_eq lo "$(nsenter -t "$held" -n ip -o link show | awk -F': ' '{ print $2 }')" "nothing made by vethup -J"
assert_status 0 "vethup without an output option" -- "$VETHUP" -t "$held"
profile=$NSKIT_SRCDIR/data/seccomp/strict.json
assert_status 125 "nsrun --seccomp FILE" -- "$NSRUN" -U -r --seccomp "$profile" -- true
assert_one_line_error nsrun "libjson-c\.so\.5: "
assert_status 125 "nsjoin --seccomp FILE" -- "$NSJOIN" -t $$ -n --seccomp "$profile" -- true
assert_one_line_error nsjoin "libjson-c\.so\.5: "
assert_status 125 "nsrun --seccomp default --seccomp-log (compiled at run time)" -- \
	"$NSRUN" -U -r --seccomp default --seccomp-log -- true
assert_one_line_error nsrun "libjson-c\.so\.5: "
assert_status 125 "cgctl exec --seccomp FILE" -- "$CGCTL" exec --rm "$G" --seccomp "$profile" -- true
assert_one_line_error cgctl "libjson-c\.so\.5: "
assert_no_group "$G"
