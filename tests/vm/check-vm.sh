#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make check-vm: boot Debian's kernel under qemu with an initramfs of the
# built tools and tests, once per cgroup layout, and report the results.
#
#   NSKIT_SRCDIR=... NSKIT_BUILDDIR=... NSKIT_TOOLS='src/nsrun ...' tests/vm/check-vm.sh
#
# Settings (environment):
#   NSKIT_VM_LAYOUTS       the boots, in order (default: unified legacy)
#   NSKIT_VM_TESTS         test patterns relative to the source tree
#                          (default: tests/integration/cgctl/*.sh)
#   NSKIT_VM_KERNEL        a kernel image to boot instead of Debian's (no modules)
#   NSKIT_VM_CACHE         where Debian's kernel is unpacked (see kernel.sh)
#   NSKIT_VM_TIMEOUT       seconds a boot may take in all (default 300)
#   NSKIT_VM_TEST_TIMEOUT  seconds one test may take (default 120)
#   NSKIT_VM_MEM, NSKIT_VM_CPUS   the machine (default 1G, 2)
#   NSKIT_VM_ACCEL         tcg (default) or kvm
#   NSKIT_VM_SHOW_OUTPUT   1: print every test's output, passed or not
#                          (bench/vm.sh runs benchmarks this way)
#   NSKIT_VM_MODULES       optional modules to load too (kernel.sh's, by
#                          name: overlay; refused with NSKIT_VM_KERNEL);
#                          NSKIT_VM_EXTRA, NSKIT_VM_FILES:
#                          more files in the image (mkinitramfs.sh)
# Exit status: 0 every boot reported and every test passed; 1 otherwise;
# 77 when qemu, busybox or the kernel is missing and NSKIT_TEST_STRICT is
# not 1 (with it, that is a failure too).
set -u

src=${NSKIT_SRCDIR:?}
build=${NSKIT_BUILDDIR:?}
here=$src/tests/vm
out=$build/tests/vm
layouts=${NSKIT_VM_LAYOUTS:-unified legacy}
timeout=${NSKIT_VM_TIMEOUT:-300}
test_timeout=${NSKIT_VM_TEST_TIMEOUT:-120}
mem=${NSKIT_VM_MEM:-1G}
show_output=${NSKIT_VM_SHOW_OUTPUT:-0}
cpus=${NSKIT_VM_CPUS:-2}

say() { printf 'check-vm: %s\n' "$*"; }

# missing REASON: a requirement is absent: skip, or fail under strict.
missing() {
	if [ "${NSKIT_TEST_STRICT:-0}" = 1 ]; then
		say "FAIL (NSKIT_TEST_STRICT=1): $*"
		exit 1
	fi
	say "SKIP: $*"
	exit 77
}

command -v qemu-system-x86_64 >/dev/null 2>&1 ||
	missing "qemu-system-x86_64 is missing (package qemu-system-x86)"

moddir=""
optional=""	# the NSKIT_VM_MODULES files
if [ -n "${NSKIT_VM_KERNEL:-}" ]; then
	kernel=$NSKIT_VM_KERNEL
	[ -f "$kernel" ] || missing "NSKIT_VM_KERNEL=$kernel does not exist"
	# its modules are not known: a test that needs one would fail later,
	# unexplained
	if [ -n "${NSKIT_VM_MODULES:-}" ]; then
		say "FAIL: NSKIT_VM_MODULES ($NSKIT_VM_MODULES) needs Debian's kernel, not NSKIT_VM_KERNEL"
		exit 1
	fi
else
	kdir=$(sh "$here/kernel.sh") || missing "no kernel to boot (see the message above)"
	kernel=$kdir/vmlinuz
	moddir=$kdir/modules
	say "kernel: $(cat "$kdir/version" 2>/dev/null) ($kdir)"
	for m in ${NSKIT_VM_MODULES:-}; do
		[ -f "$kdir/optional/$m.ko" ] || missing "the kernel has no module $m ($kdir/optional)"
		optional="$optional $kdir/optional/$m.ko"
	done
fi

mkdir -p "$out"
initramfs=$out/initramfs.cpio.gz
# shellcheck disable=SC2086 # a list of files
sh "$here/mkinitramfs.sh" "$initramfs" "$moddir" $optional
case $? in
0) ;;
77) missing "cannot build the initramfs (see the message above)" ;;
*)
	say "FAIL: cannot build the initramfs"
	exit 1
	;;
esac

# TCG by default: a /dev/kvm that opens is no promise that KVM works (on
# these machines qemu aborts on an MSR it cannot set).
accel=${NSKIT_VM_ACCEL:-tcg}
case $accel in
kvm) cpu=host ;;
*) cpu=max ;;
esac

# The firmware clears the screen: keep the log plain text.
esc=$(printf '\033')
strip_escapes="s/$esc\\[[0-9;?]*[A-Za-z]//g; s/${esc}c//g"

# boot LAYOUT: run one VM; its console goes to $out/LAYOUT.log.
# Status 0 when it reported and nothing failed.
boot() {
	log=$out/$1.log
	start=$(date +%s)
	timeout -k 10 "$timeout" qemu-system-x86_64 \
		-accel "$accel" -cpu "$cpu" -smp "$cpus" -m "$mem" \
		-nographic -no-reboot -nic none \
		-kernel "$kernel" -initrd "$initramfs" \
		-append "console=ttyS0 panic=-1 nskit.layout=$1 nskit.test_timeout=$test_timeout nskit.show_output=$show_output" \
		</dev/null 2>&1 | tr -d '\r' | sed "$strip_escapes" >"$log"
	secs=$(($(date +%s) - start))

	summary=$(sed -n 's/^NSKIT-VM: \([0-9]* passed, [0-9]* failed\)$/\1/p' "$log" | tail -n 1)
	sed -n "s/^NSKIT-VM-RESULT: /  [$1] /p" "$log"
	if [ -z "$summary" ]; then
		say "FAIL: the $1 boot never reported (after ${secs}s; limit ${timeout}s)."
		last=$(sed -n 's/^NSKIT-VM-RESULT: [A-Z]* \([^ ]*\).*/\1/p' "$log" | tail -n 1)
		[ -z "$last" ] || say "the last test to report was $last; the next one in the list did not finish"
		say "the end of its console ($log):"
		tail -n 60 "$log" | sed 's/^/  | /'
		return 1
	fi
	nfailed=${summary#* passed, }
	nfailed=${nfailed% failed}
	npassed=${summary% passed*}
	nresults=$(grep -c '^NSKIT-VM-RESULT: ' "$log")
	say "$1: $summary (${secs}s)"
	bad=0
	if [ "$nresults" != $((npassed + nfailed)) ]; then
		say "FAIL: $1: $nresults result lines for $((npassed + nfailed)) tests"
		bad=1
	fi
	if [ "$npassed" = 0 ]; then
		say "FAIL: $1: no test passed"
		bad=1
	fi
	[ "$nfailed" = 0 ] || bad=1
	[ "$bad" = 1 ] || [ "$show_output" = 1 ] || return 0
	# The output of each failed test (of each, with NSKIT_VM_SHOW_OUTPUT=1),
	# then the kernel's messages.
	sed -n -e '/^NSKIT-VM-LOG-BEGIN: /,/^NSKIT-VM-LOG-END: /{
		/^NSKIT-VM-LOG-BEGIN: /{
			s/^NSKIT-VM-LOG-BEGIN: \(.*\)/---- [LAYOUT] \1: output/p
			d
		}
		/^NSKIT-VM-LOG-END: /d
		s/^/  | /p
	}' -e '/^NSKIT-VM-DMESG-BEGIN$/,/^NSKIT-VM-DMESG-END$/{
		/^NSKIT-VM-DMESG-BEGIN$/{
			s/.*/---- [LAYOUT] kernel messages while the tests ran:/p
			d
		}
		/^NSKIT-VM-DMESG-END$/d
		s/^/  | /p
	}' "$log" | sed "s/LAYOUT/$1/"
	[ "$bad" = 1 ] || return 0
	say "the whole console of the $1 boot: $log"
	return 1
}

status=0
for l in $layouts; do
	say "booting the $l layout ($accel, $cpus CPUs, $mem)"
	boot "$l" && continue
	# Under TCG a virtual CPU that the host does not run for a while
	# leaves the other spinning on a lock it holds: the guest kernel
	# reports a soft lockup and may never recover. That is the host's
	# load, not a test: boot once more (the first console is kept).
	if grep -q 'soft lockup' "$out/$l.log"; then
		mv "$out/$l.log" "$out/$l.lockup.log"
		say "the $l boot's kernel reported a soft lockup ($out/$l.lockup.log): booting it once more"
		boot "$l" && continue
	fi
	status=1
done
if [ "$status" = 0 ]; then
	say "every boot passed"
else
	say "FAIL: see above"
fi
exit "$status"
