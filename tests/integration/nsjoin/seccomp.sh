#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A process entering a container gets its filter only when it is named
# again: nsjoin --seccomp default refuses what nsrun --seccomp default
# refuses; without it the joined command is unfiltered. The capability
# rules see the joined command's own capabilities.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
probe=$NSKIT_BUILDDIR/tests/seccomp/probe
[ -x "$probe" ] || hard_error "$probe is not built"

# a container whose pause runs under the default profile
pid=$("$NSRUN" -Umpiun -r --detach --seccomp default) || hard_error "nsrun --detach failed"
kill_later "$pid"

out=$("$NSJOIN" -t "$pid" -a --seccomp default -- "$probe" keyctl bpf unshare-user clone3 getpid)
assert_eq "keyctl EPERM bpf EPERM unshare-user EPERM clone3 ENOSYS getpid OK" "$(echo $out)" \
	"nsjoin --seccomp default"
out=$("$NSJOIN" -t "$pid" -a -- "$probe" keyctl bpf)
assert_eq "keyctl OK bpf EINVAL" "$(echo $out)" "nsjoin without --seccomp: no filter"
assert_eq "Seccomp: 2" "$("$NSJOIN" -t "$pid" -a --seccomp default -- grep '^Seccomp:' /proc/self/status | tr -s '\t' ' ')" \
	"the joined command's seccomp mode"

# includes by capability: the joined command's effective set counts
cat >"$TMP_DIR/caps.json" <<'JSON'
{ "defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [ { "names": ["keyctl"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13,
		  "includes": { "caps": ["CAP_SYS_ADMIN"] } } ] }
JSON
assert_eq "keyctl EACCES" "$("$NSJOIN" -t "$pid" -a --seccomp "$TMP_DIR/caps.json" -- "$probe" keyctl)" \
	"root of the container: CAP_SYS_ADMIN counts"
assert_eq "keyctl OK" "$("$NSJOIN" -t "$pid" -a --cap-drop sys_admin --seccomp "$TMP_DIR/caps.json" -- \
	"$probe" keyctl)" "without CAP_SYS_ADMIN the rule is left out"
