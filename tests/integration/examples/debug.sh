#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# examples/debug.sh: the service answers; the host's ps and strace see the
# container's processes through nsjoin --pid --mount-proc, ip and ss its
# interface and socket through nsjoin --net --mount-sys; cgctl stat shows
# its limits; nothing is left afterwards, nor when the service ends at once.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/integration/examples/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/examples/helpers.sh"
require_cmd strace ss timeout
before=$(snapshot)

run_example debug.sh
out=$(cat "$TMP_DIR/stdout")
assert_eq 0 "$EX_STATUS" "exit status (stderr: $(cat "$TMP_DIR/stderr"))"
# has LINE WHAT: LINE (an extended regex, anchored) is in the output
has() { assert_match "$1" "$out" "$2"; }
has '^hello from the container$' "the page the service serves"
# nsls found it by its cgroup (debug.sh checks that it is the handle) and
# shows it whole: the service as PID 2 inside, its link, its route
has '^# nsls -t [0-9]+$' "nsls -t on the container nsls found"
has '^ *[0-9]+ +2 +[0-9]+ +[0-9]+ +busybox httpd -f -p 8080 ' "nsls: the service is PID 2 inside"
has '^eth0 +veth +up +10\.99\.1\.2/24' "nsls: the container's eth0"
has '^default +10\.99\.1\.1 +eth0' "nsls: its default route"
has '^ +1 +0 root +nsrun-init busybox httpd ' "ps: PID 1 is nsrun's init, named so"
has '^ +2 +1 root +busybox httpd ' "ps: PID 2 is the service"
[ "$(printf '%s\n' "$out" | grep -cE '^ +[0-9]+ +[0-9]+ root ')" = 3 ] ||
	fail "ps: the service, its init and ps itself, nothing else: $out"
assert_match 'Process 2 attached' "$(cat "$TMP_DIR/stderr")" "strace attached to the service"
assert_match '^accept\(3, .*10\.99\.1\.1' "$(cat "$TMP_DIR/stderr")" "strace saw the host's request"
has '^eth0@[^ ]+ +[A-Z]+ +10\.99\.1\.2/24' "ip: the container's eth0"
[ "$(printf '%s\n' "$out" | grep -c '^eth0@')" = 1 ] || fail "ip: only the container's eth0: $out"
has '^LISTEN .*:8080 ' "ss: the service's socket"
has '^memory\.max +67108864$' "cgctl stat: the memory limit"
has '^pids\.max +16$' "cgctl stat: the process limit"
has '^pids\.current +2$' "cgctl stat: the init and the service"
assert_nothing_left "$before" "debug-$EX_PID"

# a service that ends at once: the wait for its port ends too, with 125
mkdir "$TMP_DIR/bin" && cat >"$TMP_DIR/bin/busybox" <<EOF || hard_error "fake busybox"
#!/bin/sh
[ "\$1" != httpd ] || exit 1
exec $(command -v busybox) "\$@"
EOF
chmod 755 "$TMP_DIR/bin/busybox"
PATH=$TMP_DIR/bin:$PATH run_example debug.sh
assert_eq 125 "$EX_STATUS" "exit status when the service ends (stderr: $(cat "$TMP_DIR/stderr"))"
assert_eq "debug.sh: busybox httpd: not listening on port 8080" "$(cat "$TMP_DIR/stderr")" "the error"
assert_nothing_left "$before" "debug-$EX_PID"
