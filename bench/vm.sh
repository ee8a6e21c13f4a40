#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# bench/cgctl.sh inside the test VM of tests/vm (Debian's kernel under
# qemu), once on a pure cgroup2 hierarchy and once on v1 hierarchies only:
# the layouts this hybrid machine cannot show. Under TCG every system call
# is slower than on the host, so read the ratios, not the microseconds.
#
#   bench/vm.sh [BUILDDIR]    (NSKIT_VM_LAYOUTS="unified legacy", RUNS, SIBLINGS
#                             are not passed in: the VM uses bench/cgctl.sh's defaults)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
[ -x "$build/src/cgctl" ] || { echo "build cgctl first ($build/src/cgctl)" >&2; exit 1; }
mkdir -p "$build/bench"
# the VM has no compiler: the floor is built here, libc alone as cgctl
cc -O2 -o "$build/bench/cgctl-floor" "$top/bench/cgctl-floor.c"
NSKIT_SRCDIR=$top NSKIT_BUILDDIR=$build \
	NSKIT_TOOLS="src/cgctl bench/cgctl-floor" \
	NSKIT_VM_TESTS=bench/cgctl.sh \
	NSKIT_VM_EXTRA=tests/integration/cgctl/layout.inc \
	NSKIT_VM_SHOW_OUTPUT=1 \
	NSKIT_VM_MEM=${NSKIT_VM_MEM:-2G} \
	NSKIT_VM_TEST_TIMEOUT=${NSKIT_VM_TEST_TIMEOUT:-3000} \
	NSKIT_VM_TIMEOUT=${NSKIT_VM_TIMEOUT:-3600} \
	exec sh "$top/tests/vm/check-vm.sh"
