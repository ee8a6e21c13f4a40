#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# mkprop against `mount --make-r{private,shared}` and a one-syscall floor
# (bench/mkprop-floor.c), at 24 and at 1,000 mounts: interleaved runs,
# medians and ratios. Runs as root inside a mount namespace it creates, on
# tmpfs mounts it makes there; nothing outside changes.
#
#   bench/mkprop.sh [BUILDDIR] [ROUNDS]     (defaults: ./build, 200)
#
# Targets (issue 7): within 1.05x of the floor, and flat from 24 to 1,000
# mounts (mkprop never reads mountinfo to change propagation); issue 19:
# within 1.03x of the floor, which links libc alone as mkprop does (it
# opens libsmartcols for --show only, lib/dl). A second floor,
# "floor+libs", is the same program linked with libsmartcols: what mkprop
# paid for it before.
set -eu

BUILDDIR=${1:-build}
ROUNDS=${2:-200}
MKPROP=$(cd "$BUILDDIR" && pwd)/src/mkprop
SRCDIR=$(cd "$(dirname "$0")/.." && pwd)

[ "$(id -u)" = 0 ] || { echo "bench/mkprop.sh: needs root" >&2; exit 1; }
[ -x "$MKPROP" ] || { echo "bench/mkprop.sh: $MKPROP: not built" >&2; exit 1; }
command -v perl >/dev/null || { echo "bench/mkprop.sh: needs perl" >&2; exit 1; }

if [ -z "${MKPROP_BENCH_NS:-}" ]; then
	MKPROP_BENCH_NS=1 exec unshare --mount --propagation private -- /bin/sh "$0" "$BUILDDIR" "$ROUNDS"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mkprop-bench.XXXXXX")
trap 'umount -R "$WORK/tree" 2>/dev/null; rm -rf "$WORK"' EXIT
cc -O2 -o "$WORK/floor" "$SRCDIR/bench/mkprop-floor.c"
# shellcheck disable=SC2046 # pkg-config prints several flags
cc -O2 -o "$WORK/floor-libs" "$SRCDIR/bench/mkprop-floor.c" -Wl,--no-as-needed \
	$(pkg-config --libs smartcols)
mkdir "$WORK/tree"

# tree N: a tmpfs with N-1 tmpfs mounts beneath it, N mounts in all
tree() {
	umount -R "$WORK/tree" 2>/dev/null || true
	mount -t tmpfs bench "$WORK/tree"
	i=1
	while [ "$i" -lt "$1" ]; do
		mkdir "$WORK/tree/$i"
		mount -t tmpfs "bench$i" "$WORK/tree/$i"
		i=$((i + 1))
	done
}

# run ROUNDS NAME CMD NAME CMD ...: each command once per round, the order
# rotating; prints "NAME median-microseconds" per command.
run() {
	perl -MTime::HiRes=clock_gettime,CLOCK_MONOTONIC -e '
		my $rounds = shift;
		my (@names, @cmds, %t);
		while (@ARGV) { push @names, shift; push @cmds, [split / /, shift] }
		for my $r (0 .. $rounds - 1) {
			for my $k (0 .. $#cmds) {
				my $i = ($k + $r) % @cmds;
				my $t0 = clock_gettime(CLOCK_MONOTONIC);
				system { $cmds[$i][0] } @{$cmds[$i]};
				die "$names[$i] failed\n" if $?;
				push @{$t{$names[$i]}}, (clock_gettime(CLOCK_MONOTONIC) - $t0) * 1e6;
			}
		}
		for my $n (@names) {
			my @s = sort { $a <=> $b } @{$t{$n}};
			printf "%s %.0f\n", $n, $s[int(@s / 2)];
		}' "$@"
}

ratio() {
	echo "$1 $2" | awk '{ printf "%.2fx", $1 / $2 }'
}
row() {
	printf '%-7s %-9s %9s %11s %10s %9s %13s %12s %12s\n' "$@"
}
row mounts change floor-us floor+libs mkprop-us mount-us mkprop/floor mkprop/f+libs mount/floor
for n in 24 1000; do
	tree "$n"
	count=$(grep -c " $WORK/tree" /proc/self/mountinfo)
	for type in private shared; do
		out=$(run "$ROUNDS" floor "$WORK/floor $type $WORK/tree" \
			floor-libs "$WORK/floor-libs $type $WORK/tree" \
			mkprop "$MKPROP --$type -r $WORK/tree" \
			mount "mount --make-r$type $WORK/tree")
		f=$(echo "$out" | awk '$1 == "floor" { print $2 }')
		l=$(echo "$out" | awk '$1 == "floor-libs" { print $2 }')
		m=$(echo "$out" | awk '$1 == "mkprop" { print $2 }')
		u=$(echo "$out" | awk '$1 == "mount" { print $2 }')
		row "$count" "r$type" "$f" "$l" "$m" "$u" "$(ratio "$m" "$f")" "$(ratio "$m" "$l")" \
			"$(ratio "$u" "$f")"
	done
done
