#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# PID 1 of the test VM (busybox sh). It mounts the usual file systems, sets
# up the cgroup layout named on the kernel command line (nskit.layout=
# unified: one cgroup2 hierarchy at /sys/fs/cgroup with every controller
# enabled in the root's subtree_control; legacy: one v1 hierarchy per
# controller at /sys/fs/cgroup/NAME, no cgroup2), runs every test listed in
# /nskit/tests with NSKIT_TEST_STRICT=1, and reports on the console:
#
#   NSKIT-VM-BEGIN: layout=L kernel=K tests=N
#   NSKIT-VM-RESULT: PASS|FAIL TEST [(WHY)] [Ns]  one line per test
#   NSKIT-VM-LOG-BEGIN: TEST ... NSKIT-VM-LOG-END: TEST    a failed test's output
#   NSKIT-VM-DMESG-BEGIN ... NSKIT-VM-DMESG-END   kernel messages, when any failed
#   NSKIT-VM: P passed, F failed
#
# then powers off. tests/vm/check-vm.sh reads these lines on the host.

PATH=/bin:/sbin:/usr/bin:/usr/sbin
HOME=/root
TMPDIR=/tmp
export PATH HOME TMPDIR

mount -t proc -o nosuid,nodev,noexec proc /proc
mount -t sysfs -o nosuid,nodev,noexec sysfs /sys
mount -t devtmpfs -o nosuid devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts -o nosuid,noexec devpts /dev/pts
mount -t tmpfs -o nosuid,nodev tmpfs /dev/shm
mount -t tmpfs -o nosuid,nodev,mode=755 tmpfs /run
# Only emergencies on the console from now on, so that kernel messages do
# not cut into the result lines; the rest is printed after a failure.
dmesg -n 1
hostname nskit-vm
ip link set lo up

arg() {
	sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" /proc/cmdline
}
layout=$(arg nskit.layout)
test_timeout=$(arg nskit.test_timeout)
test_timeout=${test_timeout:-120}

passed=0
failed=0
started=$(date +%s)
dmesg_mark=$(dmesg | wc -l)

# result PASS|FAIL NAME [WHY]: one line, with the seconds since $started.
result() {
	printf 'NSKIT-VM-RESULT: %s %s%s [%ss]\n' "$1" "$2" "${3:+ ($3)}" "$(($(date +%s) - started))"
	if [ "$1" = PASS ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
}

# show_log NAME FILE: a failed step's output, between markers.
show_log() {
	echo "NSKIT-VM-LOG-BEGIN: $1"
	cat "$2"
	echo "NSKIT-VM-LOG-END: $1"
}

setup_unified() {
	mount -t cgroup2 -o nosuid,nodev,noexec,nsdelegate,memory_recursiveprot \
		cgroup2 /sys/fs/cgroup || return 1
	# Make every controller available below the root, as systemd does.
	for c in $(cat /sys/fs/cgroup/cgroup.controllers); do
		echo "+$c" >/sys/fs/cgroup/cgroup.subtree_control || return 1
	done
}

setup_legacy() {
	mount -t tmpfs -o nosuid,nodev,noexec,mode=755 tmpfs /sys/fs/cgroup || return 1
	# /proc/cgroups: subsys_name hierarchy num_cgroups enabled
	for c in $(awk '!/^#/ && $4 == 1 { print $1 }' /proc/cgroups); do
		mkdir "/sys/fs/cgroup/$c" &&
			mount -t cgroup -o "nosuid,nodev,noexec,$c" cgroup "/sys/fs/cgroup/$c" ||
			return 1
	done
	# systemd leaves the tmpfs read-only: nothing is made beside the hierarchies.
	mount -o remount,ro /sys/fs/cgroup
}

# Block devices (for io.max / blkio) and veth, when the kernel has them as modules.
for m in /nskit/modules/*.ko; do
	[ -f "$m" ] || continue
	case $m in
	*/brd.ko) insmod "$m" rd_nr=1 rd_size=16384 ;;
	*) insmod "$m" ;;
	esac || echo "NSKIT-VM-NOTE: insmod $m failed"
done

# The tests of this boot: all of /nskit/tests but the other layout's self-test.
grep -v '^tests/vm/layout-' /nskit/tests >/tmp/tests.list
grep -x "tests/vm/layout-$layout.sh" /nskit/tests | cat - /tmp/tests.list >/tmp/tests
echo "NSKIT-VM-BEGIN: layout=$layout kernel=$(uname -r) tests=$(grep -c . /tmp/tests)"

# setup_failed: the layout could not be set up (counted as a failed test).
setup_failed() {
	result FAIL setup "could not set up the $layout cgroup layout"
	show_log setup /tmp/setup.log
}
case $layout in
unified) setup_unified >/tmp/setup.log 2>&1 || setup_failed ;;
legacy) setup_legacy >/tmp/setup.log 2>&1 || setup_failed ;;
*) result FAIL setup "no nskit.layout=unified|legacy on the kernel command line" ;;
esac

NSKIT_BUILDDIR=/nskit/build
NSKIT_SRCDIR=/nskit/src
NSKIT_TOOLS=$(cd /nskit/build && echo src/*)
NSKIT_TEST_STRICT=1
NSKIT_VM=1
NSKIT_VM_LAYOUT=$layout
export NSKIT_BUILDDIR NSKIT_SRCDIR NSKIT_TOOLS NSKIT_TEST_STRICT NSKIT_VM NSKIT_VM_LAYOUT

# nskit.shell=1: a shell on the console instead of the tests (README.md).
if [ "$(arg nskit.shell)" = 1 ]; then
	echo "NSKIT-VM: a shell in the $layout layout; the tests are listed in /tmp/tests; exit powers off"
	cd "$NSKIT_BUILDDIR" && setsid cttyhack sh -l
	poweroff -f
fi

# nskit.show_output=1: every test's output on the console (bench/vm.sh)
show_output=$(arg nskit.show_output)
mkdir -p /tmp/nskit-vm-logs
while read -r t; do
	log=/tmp/nskit-vm-logs/$(echo "$t" | tr / _).log
	started=$(date +%s)
	# As make check runs them: from the build directory, as $(SHELL) FILE.
	(cd "$NSKIT_BUILDDIR" && exec timeout -s KILL "$test_timeout" /bin/sh "$NSKIT_SRCDIR/$t") \
		</dev/null >"$log" 2>&1
	rc=$?
	case $rc in
	0) result PASS "$t" ;;
	77) result FAIL "$t" "skipped, which NSKIT_TEST_STRICT=1 forbids" ;;
	137) result FAIL "$t" "killed after ${test_timeout}s" ;;
	*) result FAIL "$t" "exit $rc" ;;
	esac
	[ "$rc" = 0 ] && [ "$show_output" != 1 ] || show_log "$t" "$log"
done </tmp/tests

if [ "$failed" -gt 0 ]; then
	echo "NSKIT-VM-DMESG-BEGIN"
	dmesg | tail -n "+$((dmesg_mark + 1))"
	echo "NSKIT-VM-DMESG-END"
fi
echo "NSKIT-VM: $passed passed, $failed failed"
sync
poweroff -f
# Should poweroff fail, PID 1 exiting panics the kernel, and with panic=-1
# and qemu -no-reboot that ends the VM too.
exit 1
