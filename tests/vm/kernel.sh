#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Find Debian's own kernel for the test VM, fetching it on first use, and
# print the directory that holds it:
#
#   DIR/vmlinuz        the kernel of the package linux-image-amd64 depends on
#   DIR/config         its configuration (to see what is built in)
#   DIR/modules/*.ko   the few modules the VM loads (block devices, veth)
#   DIR/optional/*.ko  modules only some images carry (NSKIT_VM_MODULES of
#                      check-vm.sh: overlay, for bench/vm-container.sh)
#   DIR/version        the package name and version
#
# The package is downloaded with `apt-get download` and unpacked with
# `dpkg-deb -x` into a cache directory: nothing is installed, and the
# host's /boot and /lib/modules are never touched. The cache is
# $NSKIT_VM_CACHE, by default /var/cache/nskit-vm for root and
# ${XDG_CACHE_HOME:-~/.cache}/nskit-vm otherwise; it keeps one directory per
# package version (about 10 MB each) and may be removed at any time.
# Exit status: 0 and the directory on stdout; 1 and a reason on stderr.
set -eu

# The modules the VM loads when present (paths below lib/modules/VERSION/kernel).
MODULES="drivers/block/loop.ko drivers/block/brd.ko drivers/net/veth.ko"
# Those an image may add (check-vm.sh's NSKIT_VM_MODULES: overlay).
OPTIONAL_MODULES="fs/overlayfs/overlay.ko"

say() { printf 'kernel.sh: %s\n' "$*" >&2; }

if [ "$(id -u)" = 0 ]; then
	default_cache=/var/cache/nskit-vm
else
	default_cache=${XDG_CACHE_HOME:-$HOME/.cache}/nskit-vm
fi
cache=${NSKIT_VM_CACHE:-$default_cache}

# newest_cached: the most recent kernel already in the cache, if any.
newest_cached() {
	for d in "$cache"/linux-image-*; do
		[ -f "$d/vmlinuz" ] && echo "$d"
	done | sort -V | tail -n 1
}

# The versioned package behind the meta package, and its candidate version.
pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1) || pkg=""
# A machine with every package installed may have no package lists yet
# (install-deps then had nothing to do): fetch them once, as root.
if [ -z "$pkg" ] && [ -z "$(newest_cached)" ] && [ "$(id -u)" = 0 ]; then
	apt-get update -qq >/dev/null 2>&1 || true
	pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1) || pkg=""
fi
ver=""
[ -z "$pkg" ] || ver=$(apt-cache policy "$pkg" 2>/dev/null | sed -n 's/^ *Candidate: //p')
if [ -z "$pkg" ] || [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
	# No package lists (offline, not Debian): fall back on the cache.
	dir=$(newest_cached)
	[ -n "$dir" ] || {
		say "apt-cache knows no linux-image-amd64 (run apt-get update) and $cache holds no kernel"
		exit 1
	}
	echo "$dir"
	exit 0
fi

dir=$cache/${pkg}_$ver
# (a directory unpacked before the optional modules existed is unpacked again)
if [ -f "$dir/vmlinuz" ] && [ -d "$dir/optional" ]; then
	echo "$dir"
	exit 0
fi

mkdir -p "$cache" || {
	say "cannot create the cache directory $cache (set NSKIT_VM_CACHE)"
	exit 1
}
work=$(mktemp -d "$cache/.fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT
say "fetching $pkg $ver into $dir"
# Sandbox::User=root: the download goes to a directory only we can write.
if ! (cd "$work" && apt-get -q -o APT::Sandbox::User=root download "$pkg=$ver") >"$work/apt.log" 2>&1; then
	cat "$work/apt.log" >&2
	# Stale package lists name a version the mirror no longer has.
	old=$(newest_cached)
	if [ -n "$old" ]; then
		say "apt-get download $pkg=$ver failed; using $old"
		echo "$old"
		exit 0
	fi
	say "apt-get download $pkg=$ver failed (run apt-get update?)"
	exit 1
fi
dpkg-deb -x "$work"/"$pkg"_*.deb "$work/x"
kver=${pkg#linux-image-}
mkdir -p "$work/out/modules" "$work/out/optional"
cp "$work/x/boot/vmlinuz-$kver" "$work/out/vmlinuz"
cp "$work/x/boot/config-$kver" "$work/out/config"
for m in $MODULES; do
	f=$work/x/lib/modules/$kver/kernel/$m
	[ -f "$f" ] && cp "$f" "$work/out/modules/"
done
for m in $OPTIONAL_MODULES; do
	f=$work/x/lib/modules/$kver/kernel/$m
	[ -f "$f" ] && cp "$f" "$work/out/optional/"
done
printf '%s %s\n' "$pkg" "$ver" >"$work/out/version"
# Publish whole or not at all: a rename within the cache.
rm -rf "$dir"
mv "$work/out" "$dir"
echo "$dir"
