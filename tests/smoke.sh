#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A short smoke test of installed tools (make installcheck; scripts/package-check):
#   tests/smoke.sh BINDIR [VERSION]
# Each tool's --version names it (and VERSION); an unprivileged user (the
# caller, or nobody when root runs this) gets root in a user namespace of
# its own (nsrun -U -r id -u), and maps its own id into a held one with
# nsmap. When root runs it and nsmap holds file capabilities or is setuid
# root, nobody maps a subordinate range as well, through an /etc/subuid and
# /etc/subgid grant that exists only in a private mount namespace.
set -eu

fail() {
	echo "smoke: FAIL: $*" >&2
	exit 1
}

# grant_check BINDIR: the subordinate-range part, run by root in a mount
# namespace of its own (unshare -m makes its mounts private), where copies
# of /etc/subuid and /etc/subgid grant nobody 300000:1000.
grant_check() {
	bindir=$1
	etc=$(mktemp -d)
	trap 'rm -rf "$etc"' EXIT
	for f in subuid subgid; do
		{ cat "/etc/$f"; echo "nobody:300000:1000"; } >"$etc/$f"
		chmod 644 "$etc/$f"
		mount --bind "$etc/$f" "/etc/$f" || fail "bind-mounting a grant over /etc/$f"
	done
	run_held nobody_run "$bindir"
	nobody_run "$bindir/nsmap" -t "$held" --auto >/dev/null || fail "nsmap --auto by nobody with a grant"
	map=$(awk '{ printf "%s%s %s %s", (NR > 1 ? ";" : ""), $1, $2, $3 }' "/proc/${held%%:*}/uid_map")
	[ "$map" = "0 65534 1;1 300000 1000" ] || fail "nsmap --auto by nobody: uid_map '$map'"
	echo "smoke: nobody mapped its subordinate range through the installed nsmap"
}

nobody_run() {
	setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
}

self_run() {
	"$@"
}

# run_held RUNNER BINDIR: a held `nsrun -U --detach --hold -- sleep 60` run by
# RUNNER; its handle in $held, killed at exit.
run_held() {
	held=$("$1" "$2/nsrun" -U --detach --hold -- sleep 60) || fail "nsrun -U --detach --hold"
	trap 'kill -9 "${held%%:*}" 2>/dev/null; rm -rf "${etc:-/nonexistent}"' EXIT
}

if [ "${1:-}" = --grant ]; then
	grant_check "$2"
	exit 0
fi

[ $# -ge 1 ] || { echo "usage: tests/smoke.sh BINDIR [VERSION]" >&2; exit 2; }
bindir=$1
version=${2:-}

for t in nsrun nsjoin nsmap cgctl vethup mkprop nsroot nsls; do
	[ -x "$bindir/$t" ] || fail "$bindir/$t: not installed"
	out=$("$bindir/$t" --version) || fail "$bindir/$t --version: exit status $?"
	case $out in
	"$t (nskit) $version"*) ;;
	*) fail "$bindir/$t --version: '$out'" ;;
	esac
done
echo "smoke: --version of 8 tools"

runner=self_run
uid=$(id -u)
gid=$(id -g)
if [ "$uid" = 0 ]; then
	if nobody_run test -x "$bindir/nsrun"; then
		runner=nobody_run
		uid=65534
		gid=65534
	else
		echo "smoke: $bindir is out of nobody's reach (a parent directory of mode 0700?): the unprivileged steps run as root"
	fi
fi

out=$($runner "$bindir/nsrun" -U -r id -u) ||
	fail "nsrun -U -r id -u as uid $uid (does the kernel allow unprivileged user namespaces?)"
[ "$out" = 0 ] || fail "nsrun -U -r id -u as uid $uid printed '$out'"

run_held $runner "$bindir"
$runner "$bindir/nsmap" -t "$held" --uid "0:$uid:1" --gid "0:$gid:1" >/dev/null ||
	fail "nsmap of its own ids, as uid $uid"
map=$(awk '{ print $1, $2, $3 }' "/proc/${held%%:*}/uid_map")
[ "$map" = "0 $uid 1" ] || fail "nsmap as uid $uid: uid_map '$map'"
echo "smoke: uid $uid is root in a user namespace, and mapped its own id with nsmap"
# a table: libsmartcols, which the tools open at run time (lib/dl)
out=$($runner "$bindir/nsmap" --show -t "$held" -n -r -o map,inner,outer,count) ||
	fail "nsmap --show as uid $uid"
[ "$(echo "$out" | head -1)" = "uid 0 $uid 1" ] || fail "nsmap --show as uid $uid printed '$out'"
echo "smoke: nsmap --show printed the map through libsmartcols, opened at run time"

if [ "$runner" = nobody_run ]; then
	if [ -u "$bindir/nsmap" ] || getcap "$bindir/nsmap" 2>/dev/null | grep -q cap_setuid; then
		[ -f /etc/subuid ] && [ -f /etc/subgid ] ||
			fail "no /etc/subuid or /etc/subgid to bind a grant over"
		unshare -m sh "$0" --grant "$bindir"
	else
		echo "smoke: $bindir/nsmap has neither file capabilities nor setuid: no subordinate range mapped"
	fi
fi
