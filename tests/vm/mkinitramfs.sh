#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Build the test VM's initramfs (cpio newc, gzip):
#
#   tests/vm/mkinitramfs.sh OUTPUT [MODULES-DIR [MODULE...]]
#
# It holds busybox (static, with a link per applet), /init
# (tests/vm/init.sh), the built tools at /nskit/build/src/TOOL with the shared
# libraries ldd names (at the same paths, the dynamic loader included),
# tests/integration/lib.sh and the tests at /nskit/src/..., and the kernel
# modules found in MODULES-DIR and the MODULE files at /nskit/modules (the
# VM loads them all). The tests to include are the files matching $NSKIT_VM_TESTS (patterns relative to the source tree,
# default: tests/integration/cgctl/*.sh) plus tests/vm/layout-*.sh;
# /nskit/tests lists them in order. $NSKIT_VM_EXTRA names more files of the
# source tree to include without running them (what a benchmark sources).
# $NSKIT_VM_FILES names host files to add with the libraries ldd names,
# each as PATH (at the same path) or PATH=DEST: the programs a benchmark
# compares with (crun), the shell it runs (dash), a file it reads.
# Environment: NSKIT_SRCDIR, NSKIT_BUILDDIR, NSKIT_TOOLS (as in make check).
# Exit status: 0 built; 77 busybox is missing; 1 anything else.
set -eu

out=$1
shift
moddir=${1:-}
[ $# -eq 0 ] || shift # "$@": the MODULE files
src=${NSKIT_SRCDIR:?}
build=${NSKIT_BUILDDIR:?}
tools=${NSKIT_TOOLS:-}
patterns=${NSKIT_VM_TESTS:-tests/integration/cgctl/*.sh}

say() { printf 'mkinitramfs: %s\n' "$*" >&2; }

busybox=$(command -v busybox) || {
	say "busybox is missing (package busybox-static)"
	exit 77
}

root=$(mktemp -d "${TMPDIR:-/tmp}/nskit-vm-root.XXXXXX")
trap 'rm -rf "$root"' EXIT
# The archive's "." is the VM's /: mktemp's 0700 would shut every user
# but root out of the whole file system.
chmod 755 "$root"

# copy_libs FILE: copy the shared libraries FILE needs, and its dynamic
# loader, to the same paths under $root ("not a dynamic executable" for a
# static one gives nothing to copy).
copy_libs() {
	ldd "$1" 2>/dev/null | while read -r line; do
		case $line in
		*"not found"*)
			say "$1: $line"
			return 1
			;;
		*" => /"*) lib=${line#* => } ;;
		/*) lib=$line ;;
		*) continue ;;
		esac
		lib=${lib%% (0x*}
		[ -e "$root$lib" ] && continue
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

# add_file SRC DEST: copy SRC to DEST inside the image, making directories.
add_file() {
	mkdir -p "$root$(dirname "$2")"
	cp "$1" "$root$2"
}

mkdir -p "$root/bin" "$root/dev" "$root/etc" "$root/proc" "$root/root" \
	"$root/run" "$root/sys" "$root/tmp" "$root/nskit/build/src" "$root/nskit/modules"
chmod 1777 "$root/tmp"

# busybox and one link per applet (sbin/init is not wanted: /init is ours).
cp "$busybox" "$root/bin/busybox"
copy_libs "$busybox"
"$busybox" --list-full | while read -r applet; do
	[ "$applet" = sbin/init ] && continue
	[ -e "$root/$applet" ] && continue
	mkdir -p "$root/$(dirname "$applet")"
	ln -s /bin/busybox "$root/$applet"
done

printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' \
	>"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
add_file "$src/tests/vm/init.sh" /init
chmod 755 "$root/init"

# The built tools, where lib.sh's tool() looks: $NSKIT_BUILDDIR/src/TOOL.
for t in $tools; do
	[ -x "$build/$t" ] || {
		say "$build/$t is not built"
		exit 1
	}
	add_file "$build/$t" "/nskit/build/$t"
	copy_libs "$build/$t"
done

# The libraries the tools open at run time (lib/dl: ldd does not see
# them), by the sonames lib/dl-*.c name, with what they need in turn.
for so in $(sed -n 's/^DL_DEFINE_LIBRARY([a-z]*, "\(.*\)",.*/\1/p' "$src"/lib/dl-*.c); do
	lib=$(ldconfig -p | awk -v so="$so" '$1 == so && /x86-64|64bit/ { print $NF; exit }')
	[ -n "$lib" ] || lib=$(ldconfig -p | awk -v so="$so" '$1 == so { print $NF; exit }')
	[ -n "$lib" ] || {
		say "$so (opened at run time) is not installed"
		exit 1
	}
	add_file "$(readlink -f "$lib")" "$lib"
	copy_libs "$lib"
done

# strace, for the tests that hold a tool at one system call (lib.sh's
# paused): busybox has none.
if strace=$(command -v strace); then
	add_file "$strace" /usr/bin/strace
	copy_libs "$strace"
fi

# The tests, at their paths in the source tree.
add_file "$src/tests/integration/lib.sh" /nskit/src/tests/integration/lib.sh
: >"$root/nskit/tests"
for t in "$src"/tests/vm/layout-*.sh; do
	rel=${t#"$src"/}
	add_file "$t" "/nskit/src/$rel"
	echo "$rel" >>"$root/nskit/tests"
done
for p in $patterns; do
	for t in "$src"/$p; do
		[ -f "$t" ] || continue
		rel=${t#"$src"/}
		add_file "$t" "/nskit/src/$rel"
		echo "$rel" >>"$root/nskit/tests"
		# files the tests source (e.g. cgctl/layout.inc) come along
		for inc in "${t%/*}"/*.inc; do
			[ -f "$inc" ] && add_file "$inc" "/nskit/src/${inc#"$src"/}"
		done
	done
done

for f in ${NSKIT_VM_EXTRA:-}; do
	add_file "$src/$f" "/nskit/src/$f"
done

for f in ${NSKIT_VM_FILES:-}; do
	from=${f%%=*} to=${f#*=}
	[ -f "$from" ] || {
		say "$from (NSKIT_VM_FILES) does not exist"
		exit 1
	}
	# a busybox link there points at the host's busybox: cp would follow it
	rm -f "$root$to"
	add_file "$from" "$to"
	copy_libs "$from"
done

if [ -n "$moddir" ]; then
	for m in "$moddir"/*.ko "$@"; do
		[ -f "$m" ] && cp "$m" "$root/nskit/modules/"
	done
fi

# newc_node NAME MODE MAJOR MINOR: one cpio newc entry for a device node,
# so that /dev/console exists without mknod (which needs root) and the
# kernel can give /init its stdin, stdout and stderr.
newc_node() {
	printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
		1 "$2" 0 0 1 0 0 0 0 "$3" "$4" $((${#1} + 1)) 0
	printf '%s\000' "$1"
	# the header (110 bytes) and the name are padded to 4 bytes
	pad=$(((4 - (110 + ${#1} + 1) % 4) % 4))
	[ "$pad" -eq 0 ] || head -c "$pad" /dev/zero
}

{
	(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet)
	newc_node dev/console $((0x2180)) 5 1 # S_IFCHR | 0600
	newc_node TRAILER!!! 0 0 0
} | gzip -n -6 >"$out.tmp"
mv "$out.tmp" "$out"
