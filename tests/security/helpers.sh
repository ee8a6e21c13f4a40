# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# shellcheck disable=SC2034 # HOLDER, CONTAINER: read by the tests
# Helpers of the security tests (sourced after lib.sh and isolate): build
# the attack, start a container, look at its PID 1 from the host, and
# collect every failed expectation before failing, so that a run shows all
# that is wrong at once.
#
# The attack (tests/security/attack.c) runs inside as the container's root
# and prints "ESCAPE: ..." for every way out it finds; DESIGN.md, "The
# security rule", says what may be seen from inside.

# shellcheck source=tests/integration/examples/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/examples/helpers.sh"
EX_PID=${EX_PID:-$$}	# assert_nothing_left names the examples' cgroup by it
BIRTHSTOP=$NSKIT_BUILDDIR/tests/security/birthstop
ATTACK=$TMP_DIR/attack

# build_attack: tests/security/attack.c, static, in $ATTACK (static: it
# runs in a busybox root with no C library).
build_attack() {
	"${CC:-cc}" -O1 -o "$ATTACK" "$NSKIT_SRCDIR/tests/security/attack.c" 2>"$TMP_DIR/cc.err" ||
		hard_error "attack.c does not compile: $(cat "$TMP_DIR/cc.err")"
	"${CC:-cc}" -static -O1 -o "$ATTACK" "$NSKIT_SRCDIR/tests/security/attack.c" \
		2>"$TMP_DIR/cc.err" ||
		skip "cannot link a static program here (needs libc6-dev's libc.a): $(head -3 "$TMP_DIR/cc.err")"
}

# --- expectations: each failure is logged, the test fails at finish --------
FAILURES=0
# expect_eq EXPECTED ACTUAL WHAT
expect_eq() {
	[ "$1" = "$2" ] && return 0
	log "FAIL: $3: expected '$1', got '$2'"
	FAILURES=$((FAILURES + 1))
}
# expect_attack_clean WHAT OUTPUT-FILE STATUS: the attack found no way out
# (STATUS "-": it is still running, only its output counts).
expect_attack_clean() {
	if { [ "$3" = 0 ] || [ "$3" = - ]; } && ! grep -q '^ESCAPE' "$2"; then
		return 0
	fi
	log "FAIL: $1: the attack found a way out ($([ "$3" = - ] && echo "still running" || echo "exit status $3")):"
	grep -vE '^(ok|note): ' "$2" | sed 's/^/    /' >&2	# the ways out, and any error
	FAILURES=$((FAILURES + 1))
}
# finish: pass, unless an expectation failed.
finish() {
	[ "$FAILURES" = 0 ] || fail "$FAILURES expectation(s) failed"
	exit 0
}

# only_stdio CMD...: exec CMD with descriptors 0, 1 and 2 only (busybox sh:
# dash cannot close a descriptor above 9).
only_stdio() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	busybox sh -c 'for f in /proc/self/fd/*; do
			n=${f##*/}
			[ "$n" -le 2 ] || eval "exec $n>&-"
		done
		exec "$@"' sh "$@"
}

# kill_at_exit NAME: at exit, kill -KILL the process whose PID is in the
# variable NAME, unless the test has emptied it once the process was gone
# (so that a recycled PID is never hit).
kill_at_exit() {
	on_exit "[ -z \"\${$1:-}\" ] || kill -KILL \"\$$1\""
}

# wait_secs SECONDS 'shell condition'
wait_secs() {
	_n=$(($1 * 20))
	until eval "$2"; do
		[ "$_n" -gt 0 ] || return 1
		sleep 0.05
		_n=$((_n - 1))
	done
}

# --- PID 1 seen from the host ---------------------------------------------
# uids PID: the four uids of /proc/PID/status.
uids() {
	awk '/^Uid:/ { print $2, $3, $4, $5 }' "/proc/$1/status"
}

# expect_mapped_root PID UID [OWNER]: the process has switched to the
# container's root (host uid UID) and its /proc/PID files belong to OWNER
# (default 0: not dumpable). A process that is not dumpable has them owned
# by root (task_dump_owner in fs/proc/base.c), a dumpable one by its euid.
expect_mapped_root() {
	expect_eq "$2 $2 $2 $2" "$(uids "$1")" "uids of PID 1 ($1) on the host"
	expect_eq "${3:-0}" "$(stat -c %u "/proc/$1/status")" \
		"owner of /proc/$1/status (root when PID 1 is not dumpable; its uid when it is)"
}

# extra_fds PID [LOG]: the descriptors of PID beyond 0, 1 and 2, except
# /dev/null and LOG, as "N -> target".
extra_fds() {
	for _f in "/proc/$1/fd/"*; do
		_n=${_f##*/}
		case $_n in 0 | 1 | 2) continue ;; esac
		_t=$(readlink "$_f") || continue
		[ "$_t" != /dev/null ] && [ "$_t" != "${2:-}" ] || continue
		printf '%s -> %s\n' "$_n" "$_t"
	done
}

# expect_no_host_fds PID [LOG]: PID holds no descriptor but 0, 1, 2,
# /dev/null and LOG.
expect_no_host_fds() {
	expect_eq "" "$(extra_fds "$1" "${2:-}")" "descriptors of PID 1 ($1) beyond 0, 1, 2"
}

# expect_cwd_is_root PID: its working directory is its root directory.
expect_cwd_is_root() {
	expect_eq "$(stat -L -c %d:%i "/proc/$1/root")" "$(stat -L -c %d:%i "/proc/$1/cwd")" \
		"working directory of PID 1 ($1) (-> $(readlink "/proc/$1/cwd")), as dev:inode, against its root"
}

# --- a container -----------------------------------------------------------
# start_container ROOT COMMAND...: the container of examples/container.sh
# without its link and cgroup: user, mount, PID, net, UTS and IPC
# namespaces, ids 0:100000:65536, an overlay of ROOT with /proc, /dev and
# /tmp; held, mapped, released, from the current directory. COMMAND runs
# as the init's child (its output goes to $CONTAINER/log). The holder, PID
# 1, is $HOLDER; it is killed at exit. Returns once the root is switched.
# With CONTAINER_CGROUP set, it starts in that group (nsrun --into-cgroup).
start_container() {
	_root=$1
	shift
	CONTAINER=$TMPDIR/c
	mkdir -p "$CONTAINER/mnt" || hard_error "mkdir $CONTAINER"
	chmod 755 "$CONTAINER"
	on_exit "stop_container"
	nsrun --user --mount --pid --net --uts --ipc --propagation unchanged --detach --hold \
		${CONTAINER_CGROUP:+--into-cgroup "$CONTAINER_CGROUP"} --log "$CONTAINER/log" -- \
		mkprop --private --recursive / -- \
		nsroot --proc --dev --tmp --overlay "$_root" "$CONTAINER/mnt" -- "$@" |
		tee "$CONTAINER/handle" |
		nsmap --uid 0:100000:65536 --gid 0:100000:65536 |
		nsrun --release >/dev/null
	read -r HOLDER <"$CONTAINER/handle" || hard_error "no handle: $(cat "$CONTAINER/log")"
	# shellcheck disable=SC3013 # -ef: dash, bash and busybox have it
	wait_secs 10 '! [ "/proc/$HOLDER/root/." -ef / ]' ||
		hard_error "the container did not switch its root: $(cat "$CONTAINER/log")"
}

# stop_container: kill PID 1 (and with it the PID namespace), wait for it,
# remove the container's files.
stop_container() {
	[ -n "${HOLDER:-}" ] || return 0
	kill -KILL "$HOLDER" 2>/dev/null
	wait_gone "$HOLDER"
	HOLDER=""
	rm -rf "$CONTAINER"
}

# run_inside OUTPUT-FILE COMMAND...: COMMAND joined into the container as
# examples/container.sh joins its command; its status in $STATUS.
run_inside() {
	_out=$1
	shift
	STATUS=0
	nsjoin --target "$HOLDER" --all --root --wd -- "$@" >"$_out" 2>&1 </dev/null || STATUS=$?
}

# --- an example with the attack as its command ------------------------------
# example_handle: the handle file of the running example ($tmp/handle).
example_handle() {
	for _f in "$TMPDIR"/*/handle; do
		[ -s "$_f" ] && echo "$_f" && return 0
	done
	return 1
}

# attack_example [--as UID] SCRIPT ROOT OWNER: run examples/SCRIPT -r ROOT
# with `attack -s /tmp -o $$ all` as its command (ROOT/bin/attack, owned by
# OWNER, the host uid of the container's root; $$, the test, is a process
# outside). While the attack waits, check its PID 1 from the host: switched
# to OWNER, not dumpable (run by root), no descriptor of the host, its
# working directory its root. Then the attack's verdict, and nothing left.
# Run --as another user, PID 1 stays dumpable with the container's
# credentials (its owner's map writers and nsjoin must reach it): the
# attack (-c) then judges it by what it leads to.
attack_example() {
	_as="" _c=""
	[ "$1" != --as ] || { _as="--as $2" _c=-c; shift 2; }
	_script=$1 _root=$2 _owner=$3 _hf=""
	install -o "$_owner" -g "$_owner" -m 755 "$ATTACK" "$_root/bin/attack" ||
		hard_error "install the attack in $_root"
	_before=$(snapshot)
	# shellcheck disable=SC2086 # _as is empty or two words
	(
		run_example $_as "$_script" -r "$_root" /bin/attack -s /tmp -o $$ $_c all
		echo "$EX_STATUS" >"$TMP_DIR/ex.status"
	) &
	_job=$!
	# until it has ended (ex.status): the job, and the example's shell
	on_exit "[ -e '$TMP_DIR/ex.status' ] || kill -KILL $_job \"\$(cat '$TMP_DIR/ex.pid')\""
	on_exit "for f in '$TMPDIR'/*/handle; do kill -KILL \"\$(cat \"\$f\")\"; done"
	wait_secs 30 '_hf=$(example_handle)' || fail "$_script did not start: $(cat "$TMP_DIR/stderr")"
	read -r _h <"$_hf"
	wait_secs 60 '[ -e "/proc/$_h/root/tmp/attacked" ]' ||
		fail "the attack did not finish (log: $(cat "${_hf%/handle}/log" 2>&1))"
	expect_mapped_root "$_h" "$_owner" "$([ -n "$_c" ] && echo "$_owner" || echo 0)"
	expect_cwd_is_root "$_h"
	expect_no_host_fds "$_h" "${_hf%/handle}/log"
	rm "/proc/$_h/root/tmp/attacked" || hard_error "cannot tell the attack to end"
	wait "$_job"
	expect_attack_clean "$_script" "$TMP_DIR/stdout" "$(cat "$TMP_DIR/ex.status")"
	EX_PID=$(cat "$TMP_DIR/ex.pid")
	assert_nothing_left "$_before"
}
