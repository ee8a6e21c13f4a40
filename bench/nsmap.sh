#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsmap against newuidmap + newgidmap (Debian package uidmap) for the same
# maps, run by an unprivileged user with a subuid grant, interleaved, with
# medians and ratios; the floor is a program that writes the same three
# files (setgroups, uid_map, gid_map) and nothing else; a second floor
# (--checked) first takes the steps issue 4 requires of nsmap, without
# deciding anything from them, to show what the rules cost; a third
# (--as-tool) is given nsmap's own command line and also parses it as a tool
# does (getopt_long), checks the ranges against the grants and formats the
# lines: nsmap's whole job, as cheaply as libc makes it. Not a test: it
# prints numbers. Run as root from a build tree:
#   NSKIT_BUILDDIR=build NSKIT_SRCDIR=. sh bench/nsmap.sh [ROUNDS]
# The user, its subuid/subgid grants and the privileged copies come from
# the test fixture, bind-mounted in a private mount namespace.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
ROUNDS=${1:-${ROUNDS:-200}}
export ROUNDS
require_root
require_cmd newuidmap newgidmap "${CC:-cc}"
isolate --mount
user_fixture

bin=${CAP_NSMAP%/nsmap}
# The floor links libc alone, as nsmap does since issue 19 (libsmartcols
# is opened for --show only, lib/dl).
"${CC:-cc}" -O2 -o "$bin/nsmap-floor" "$NSKIT_SRCDIR/bench/nsmap-floor.c" || hard_error "cc floor"
"${CC:-cc}" -O2 -o "$bin/nsmap-timer" "$NSKIT_SRCDIR/bench/nsmap-timer.c" || hard_error "cc timer"
setcap cap_setuid,cap_setgid+ep "$bin/nsmap-floor" || hard_error "setcap floor"
NEWUIDMAP=$(command -v newuidmap) NEWGIDMAP=$(command -v newgidmap)
export NEWUIDMAP NEWGIDMAP

# The same maps for all: the granted uid range, the own gid (so each tool
# writes setgroups=deny first: newgidmap's rule, nsmap's policy, the floor).
uid_map="0 $FIX_SUBUID $FIX_COUNT"
gid_map="0 $FIX_GID 1"
results=$SHARED/results
cat >"$SHARED/loop.sh" <<END
#!/bin/sh
# one round: each variant on a fresh held namespace, in rotating order
set -u
i=0
while [ \$i -lt $ROUNDS ]; do
	for k in 0 1 2 3 4 5; do
		v=\$(( (i + k) % 6 ))
		h=\$("$NSRUN" -U --detach) || exit 1
		case \$v in
		0) t=\$("$bin/nsmap-timer" -- "$CAP_NSMAP" -t \$h --uid 0:$FIX_SUBUID:$FIX_COUNT --gid 0:$FIX_GID:1) ;;
		1) t=\$("$bin/nsmap-timer" -- "$SUID_NSMAP" -t \$h --uid 0:$FIX_SUBUID:$FIX_COUNT --gid 0:$FIX_GID:1) ;;
		2) t=\$("$bin/nsmap-timer" -- "$NEWUIDMAP" \$h $uid_map -- "$NEWGIDMAP" \$h $gid_map) ;;
		3) t=\$("$bin/nsmap-timer" -- "$bin/nsmap-floor" \$h "$uid_map
" "$gid_map
") ;;
		4) t=\$("$bin/nsmap-timer" -- "$bin/nsmap-floor" --checked \$h "$uid_map
" "$gid_map
") ;;
		5) t=\$("$bin/nsmap-timer" -- "$bin/nsmap-floor" --as-tool -t \$h --uid 0:$FIX_SUBUID:$FIX_COUNT --gid 0:$FIX_GID:1) ;;
		esac
		st=\$?
		[ "\$(cat /proc/\$h/gid_map | tr -s ' ')" = " 0 $FIX_GID 1" ] || st=1
		kill \$h
		[ \$st = 0 ] || { echo "variant \$v failed" >&2; exit 1; }
		echo "\$v \$t"
	done
	i=\$((i + 1))
done
END
chmod 755 "$SHARED/loop.sh"
as_user "$SHARED/loop.sh" >"$results" || fail "the benchmark loop failed"

median() {
	awk -v v="$1" '$1 == v { print $2 }' "$results" | sort -n |
		awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}
m_cap=$(median 0) m_suid=$(median 1) m_pair=$(median 2) m_floor=$(median 3) m_checked=$(median 4)
m_tool=$(median 5)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
printf '%d rounds, interleaved; median wall time per mapping (fork+exec+exit included)\n' "$ROUNDS"
printf '  %-34s %8.1f us\n' "nsmap (file capabilities)" "$(ratio "$m_cap" 1000)" \
	"nsmap (setuid root)" "$(ratio "$m_suid" 1000)" \
	"newuidmap + newgidmap (setuid)" "$(ratio "$m_pair" 1000)" \
	"floor (writes the 3 files)" "$(ratio "$m_floor" 1000)" \
	"floor --checked (and checks)" "$(ratio "$m_checked" 1000)" \
	"floor --as-tool (and decides)" "$(ratio "$m_tool" 1000)"
printf 'nsmap (caps) / newuidmap+newgidmap: %s   (target < 0.50)\n' "$(ratio "$m_cap" "$m_pair")"
printf 'nsmap (setuid) / newuidmap+newgidmap: %s\n' "$(ratio "$m_suid" "$m_pair")"
printf 'nsmap (caps) / floor:                %s   (target <= 1.05)\n' "$(ratio "$m_cap" "$m_floor")"
printf 'nsmap (setuid) / floor:              %s\n' "$(ratio "$m_suid" "$m_floor")"
printf 'floor --checked / floor:             %s   (the price of the checks issue 4 requires)\n' \
	"$(ratio "$m_checked" "$m_floor")"
printf 'floor --as-tool / floor --checked:   %s   (parsing the command line, deciding, formatting)\n' \
	"$(ratio "$m_tool" "$m_checked")"
printf 'nsmap (caps) / floor --checked:      %s\n' "$(ratio "$m_cap" "$m_checked")"
printf 'nsmap (caps) / floor --as-tool:      %s   (target <= 1.03, issue 19)\n' "$(ratio "$m_cap" "$m_tool")"
