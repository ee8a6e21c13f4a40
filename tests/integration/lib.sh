# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# Shared helpers for the integration tests: POSIX sh, sourced by each test.
#
#   . "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
#
# Exit protocol (automake): 0 pass, 77 skip, 99 hard error, other fail.
# With NSKIT_TEST_STRICT=1 (CI) a skip is a failure, so CI proves every
# test ran. Tests run as root on the real kernel and assert what the kernel
# shows; everything they make is made in namespaces of their own and
# removed on every path (on_exit / trap EXIT).

set -u

NSKIT_BUILDDIR=${NSKIT_BUILDDIR:-$(pwd)}
NSKIT_SRCDIR=${NSKIT_SRCDIR:-$NSKIT_BUILDDIR}
export NSKIT_BUILDDIR NSKIT_SRCDIR

# Path of a built tool: tool nsrun -> .../src/nsrun
tool() {
	printf '%s/src/%s\n' "$NSKIT_BUILDDIR" "$1"
}
NSRUN=$(tool nsrun)
NSJOIN=$(tool nsjoin)
NSMAP=$(tool nsmap)
CGCTL=$(tool cgctl)
VETHUP=$(tool vethup)
MKPROP=$(tool mkprop)
NSROOT=$(tool nsroot)
NSLS=$(tool nsls)
export NSRUN NSJOIN NSMAP CGCTL VETHUP MKPROP NSROOT NSLS

TEST_NAME=$(basename "$0" .sh)

log() { printf '%s: %s\n' "$TEST_NAME" "$*" >&2; }

# fail MESSAGE: the test failed.
fail() {
	log "FAIL: $*"
	exit 1
}

# skip REASON: a requirement is missing (a failure under NSKIT_TEST_STRICT=1).
skip() {
	if [ "${NSKIT_TEST_STRICT:-0}" = 1 ]; then
		log "FAIL (skip not allowed under NSKIT_TEST_STRICT=1): $*"
		exit 1
	fi
	log "SKIP: $*"
	exit 77
}

# hard_error MESSAGE: the test itself could not run properly.
hard_error() {
	log "ERROR: $*"
	exit 99
}

require_root() {
	[ "$(id -u)" = 0 ] || skip "needs root"
}

# require_cmd CMD...: skip unless every command exists.
require_cmd() {
	for _c in "$@"; do
		command -v "$_c" >/dev/null 2>&1 || skip "needs $_c"
	done
}

# require_tool NAME: skip unless the tool was built.
require_tool() {
	[ -x "$(tool "$1")" ] || skip "$1 is not built"
}

# --- tools run under other ids ----------------------------------------------
# A container's root (uid 100000) or an unprivileged user cannot enter the
# build tree when the checkout lies in a directory of mode 0700, as a home
# directory often is: what a test runs under another id is staged where
# that id can reach it.

# require_reachable PATH UID: fail in one line unless uid UID (and gid UID,
# no other group) can reach PATH.
require_reachable() {
	setpriv --reuid="$2" --regid="$2" --clear-groups -- test -e "$1" 2>/dev/null ||
		fail "$1: out of reach of uid $2, which the test runs tools as (a parent directory of mode 0700?): set TMPDIR to a directory every user can enter"
}

# stage_tools [UID]: copies of the built tools in $STAGED_BIN ($TMP_DIR/tools,
# which this makes mode 755 like $TMP_DIR), checked to be within reach of
# uid UID (default 100000).
stage_tools() {
	require_cmd setpriv
	STAGED_BIN=$TMP_DIR/tools
	chmod 755 "$TMP_DIR" && mkdir -p "$STAGED_BIN" && chmod 755 "$STAGED_BIN" ||
		hard_error "mkdir $STAGED_BIN"
	for _t in $NSKIT_TOOLS; do
		cp "$NSKIT_BUILDDIR/$_t" "$STAGED_BIN/" || hard_error "copying $_t to $STAGED_BIN"
	done
	require_reachable "$STAGED_BIN/nsrun" "${1:-100000}"
	export STAGED_BIN
}

# --- clean-up: every test registers what it made ---------------------------
_cleanups=""
# on_exit 'shell code': run at exit, last registered first.
on_exit() {
	_cleanups="$1
$_cleanups"
}
_run_cleanups() {
	_status=$?
	set +e
	_saved_ifs=$IFS
	IFS='
'
	for _c in $_cleanups; do
		IFS=$_saved_ifs
		eval "$_c" >/dev/null 2>&1
	done
	IFS=$_saved_ifs
	[ -n "${TMP_DIR:-}" ] && rm -rf "$TMP_DIR"
	exit "$_status"
}
trap _run_cleanups EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A private temporary directory, removed at exit.
TMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/nskit-test.XXXXXX") || hard_error "mktemp failed"
export TMP_DIR

# kill_later PID: kill that process (one we started) at exit.
kill_later() {
	on_exit "kill -KILL $1"
}

# --- isolation ---------------------------------------------------------------
# isolate [unshare flags]: re-run this test inside new namespaces of its own
# (default: a private mount namespace and a network namespace), so that any
# mount, bind mount or interface it makes is invisible to the machine and
# vanishes with it. Call before doing anything else.
isolate() {
	if [ -z "${NSKIT_ISOLATED:-}" ]; then
		require_root
		require_cmd unshare
		[ $# -gt 0 ] || set -- --mount --net
		rm -rf "$TMP_DIR"	# the re-run makes its own; exec skips the trap
		NSKIT_ISOLATED=1 exec unshare "$@" --propagation private -- /bin/sh "$0"
	fi
}

# ns_file_dir: a private tmpfs on $TMP_DIR/ns, unmounted at exit, for the
# namespace files a test persists (a mount namespace file must not be on a
# mount that propagates into the new namespace); its path in NS_DIR. After
# isolate, so that the mount is the test's alone.
ns_file_dir() {
	NS_DIR=$TMP_DIR/ns
	mkdir "$NS_DIR" || hard_error "mkdir $NS_DIR"
	mount -t tmpfs nskit-ns "$NS_DIR" || hard_error "mount a tmpfs on $NS_DIR"
	on_exit "umount -l '$NS_DIR'"
	mount --make-private "$NS_DIR" || hard_error "make $NS_DIR private"
}
# assert_ns_dir_empty WHAT: nothing is left in $NS_DIR, no file and no bind
# mount (after WHAT was tried).
assert_ns_dir_empty() {
	assert_eq 0 "$(grep -c " $NS_DIR/" /proc/self/mountinfo)" "$1: bind mounts left"
	assert_eq "" "$(ls "$NS_DIR")" "$1: files left"
}

# --- assertions ----------------------------------------------------------------
# assert_eq EXPECTED ACTUAL WHAT
assert_eq() {
	[ "$1" = "$2" ] || fail "$3: expected '$1', got '$2'"
}
# assert_ne UNEXPECTED ACTUAL WHAT
assert_ne() {
	[ "$1" != "$2" ] || fail "$3: got '$2', which it must not be"
}
# assert_match EXTENDED-REGEX TEXT WHAT
assert_match() {
	printf '%s\n' "$2" | grep -Eq -- "$1" || fail "$3: '$2' does not match /$1/"
}
# assert_no_match EXTENDED-REGEX TEXT WHAT
assert_no_match() {
	! printf '%s\n' "$2" | grep -Eq -- "$1" || fail "$3: '$2' matches /$1/"
}
# assert_status EXPECTED WHAT -- CMD...: run CMD, check its exit status;
# its stderr is kept in $TMP_DIR/stderr and its stdout in $TMP_DIR/stdout.
assert_status() {
	_want=$1 _what=$2
	shift 3
	_got=0
	"$@" >"$TMP_DIR/stdout" 2>"$TMP_DIR/stderr" || _got=$?
	[ "$_got" = "$_want" ] || fail "$_what: exit status $_got, expected $_want (stderr: $(cat "$TMP_DIR/stderr"))"
}
# assert_one_line_error TOOL PATTERN: the last command's stderr is exactly
# one line "TOOL: ..." matching PATTERN.
assert_one_line_error() {
	_n=$(wc -l <"$TMP_DIR/stderr")
	[ "$_n" -eq 1 ] || fail "expected one error line, got $_n: $(cat "$TMP_DIR/stderr")"
	grep -Eq -- "^$1: .*$2" "$TMP_DIR/stderr" || fail "error line '$(cat "$TMP_DIR/stderr")' does not match '$1: ...$2'"
}
# assert_error_line LINE: the last command's stderr is exactly the one
# line LINE (compared as text, not as a pattern).
assert_error_line() {
	_n=$(wc -l <"$TMP_DIR/stderr")
	[ "$_n" -eq 1 ] || fail "expected one error line, got $_n: $(cat "$TMP_DIR/stderr")"
	assert_eq "$1" "$(cat "$TMP_DIR/stderr")" "the error line"
}

# --- ignored signals (--default-signal) -----------------------------------------
# sigign_digit: the last hex digit of the SigIgn line of a /proc/PID/status
# on stdin: HUP 1, INT 2, QUIT 4.
sigign_digit() {
	awk '$1 == "SigIgn:" { print substr($2, length($2)) }'
}
# sigign_ignoring CMD...: run CMD, which prints its command's
# /proc/self/status, with HUP, INT and QUIT ignored (as nohup and a
# shell's traps leave them); print sigign_digit of it.
sigign_ignoring() {
	_out=$(sh -c 'trap "" HUP INT QUIT; exec "$@"' sh "$@") || fail "$*: exit status $?"
	_digit=$(printf '%s\n' "$_out" | sigign_digit)
	[ -n "$_digit" ] || fail "$*: no SigIgn line"
	echo "$_digit"
}
# sigign_as_job CMD...: the same with CMD a background job of sh, which
# starts it with INT and QUIT ignored.
sigign_as_job() {
	sh -c '"$@" & wait $!' sh "$@" | sigign_digit
}
# default_signal_refusals TOOL CMD...: CMD --default-signal=BAD -- touch
# refuses each bad list with exit 125 and TOOL's one line, running nothing.
default_signal_refusals() {
	_tool=$1
	shift
	_mark=$TMP_DIR/default-signal-ran
	for _bad in KILL INT,STOP NOPE 'INT,'; do
		assert_status 125 "--default-signal=$_bad" -- "$@" "--default-signal=$_bad" -- touch "$_mark"
		assert_error_line "$_tool: --default-signal=$_bad: not a list of signals whose action can change (see '$_tool --help')"
	done
	[ ! -e "$_mark" ] || fail "a refused --default-signal ran the command"
}

# help_columns CMD...: the column names CMD --help lists under "Available
# output columns", one a line (the tools' output options, lib/output).
help_columns() {
	"$@" --help | awk '/^Available output columns/ { c = 1; next } /^$/ { c = 0 } c { print $1 }'
}

# words TEXT: TEXT's first line, its words separated by one space.
words() {
	printf '%s\n' "$1" | sed -n 1p | tr -s ' ' | sed 's/^ //; s/ $//'
}

# ns_inode PID NS: the inode of /proc/PID/ns/NS
ns_inode() {
	stat -L -c %i "/proc/$1/ns/$2"
}

# pidfd_inode PID: `stat -L -c %i` of a pidfd of PID (held by perl while
# stat reads it through /proc): its pidfs inode (Linux 6.9+; before pidfs
# every pidfd shows one anonymous inode, see have_pidfs).
pidfd_inode() {
	perl -e 'my $fd = syscall(434, $ARGV[0] + 0, 0);
		die "pidfd_open: $!\n" if $fd < 0;
		exit(system("stat", "-L", "-c", "%i", "/proc/$$/fd/$fd") >> 8)' "$1"
}

# have_pidfs: true when pidfds have inodes of their own (pidfs), so that a
# PID:INODE handle can be written.
have_pidfs() {
	command -v perl >/dev/null 2>&1 &&
		[ "$(pidfd_inode $$ 2>/dev/null)" != "$(pidfd_inode 1 2>/dev/null)" ]
}

# wait_gone PID: wait up to 5 s for a process to disappear.
wait_gone() {
	_i=0
	while [ -d "/proc/$1" ] && [ $_i -lt 100 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	[ ! -d "/proc/$1" ]
}

# wait_for 'shell condition': up to 5 s.
wait_for() {
	_i=0
	# One evaluation per round: a condition that held once counts, even
	# if it no longer holds (a count of processes that come and go).
	until eval "$1"; do
		[ $_i -lt 100 ] || return 1
		sleep 0.05
		_i=$((_i + 1))
	done
}

# children_of PID: the PIDs whose parent is PID.
children_of() {
	for _s in /proc/[0-9]*/stat; do
		_p=${_s#/proc/}
		_p=${_p%/stat}
		# field 4 is the parent; comm (field 2) may contain spaces
		_pp=$(sed 's/.*) [A-Za-z] \([0-9]*\).*/\1/' "$_s" 2>/dev/null) || continue
		[ "$_pp" = "$1" ] && echo "$_p"
	done
	return 0
}

# pids_with_arg ARG: processes one of whose arguments is exactly ARG (use
# a marker such as `sleep 4243.25` to find what a test started).
pids_with_arg() {
	# the pattern is escaped, so grep's own argument does not match it
	_re=$(printf '%s' "$1" | sed 's/[].[\*^$]/\\&/g')
	for _f in /proc/[0-9]*/cmdline; do
		{ tr '\0' '\n' <"$_f"; } 2>/dev/null | grep -qx -- "$_re" || continue
		_p=${_f#/proc/}
		echo "${_p%/cmdline}"
	done
	return 0
}

# mount_count: the mounts in this mount namespace (to prove nothing leaked).
mount_count() {
	wc -l </proc/self/mountinfo
}

# make_root DIR [OWNER]: a busybox-static root in DIR, with the mount points
# nsroot's options and the examples use, all of it owned by OWNER (a uid,
# taken as the gid too) when given.
make_root() {
	_bb=$(command -v busybox) || skip "needs busybox (package busybox-static)"
	mkdir -p "$1/bin" "$1/proc" "$1/dev" "$1/sys" "$1/tmp" "$1/data" "$1/etc" ||
		hard_error "mkdir in $1"
	cp "$_bb" "$1/bin/busybox" || hard_error "copy busybox"
	chroot "$1" /bin/busybox --install -s /bin 2>/dev/null && chroot "$1" /bin/true ||
		skip "busybox is not static (needs package busybox-static)"
	[ -z "${2:-}" ] || chown -R "$2:$2" "$1" || hard_error "chown $1"
}

# --- mounts and cgroups, read once for every test ----------------------------
# The tests' readers of /proc/PID/mountinfo and /proc/PID/cgroup, with the
# rules of lib/mountinfo and lib/cgroup. POSIX sh and awk (busybox's too:
# the VM runs them, and sh_functions hands them to scripts inside a
# container). Escaped characters (\040 for a space) stay escaped.

# mounts: the mounts of /proc/self/mountinfo, one a line, without the
# optional fields so that every field keeps its place:
#   1 ID  2 PARENT  3 MAJ:MIN  4 ROOT  5 MOUNT-POINT  6 OPTIONS
#   7 TYPE  8 SOURCE ("-" when empty)  9 SUPER-OPTIONS
mounts() {
	awk '{
		for (i = 7; i <= NF && $i != "-"; i++)
			;
		# an empty source leaves two fields after the type
		if (NF - i == 2) print $1, $2, $3, $4, $5, $6, $(i + 1), "-", $(i + 2)
		else print $1, $2, $3, $4, $5, $6, $(i + 1), $(i + 2), $(i + 3)
	}' /proc/self/mountinfo
}

# cg_table [PID|FILE]: the cgroups of PID (default self; or those a FILE
# holding the text of a /proc/PID/cgroup lists), one hierarchy a line in
# their order there, with where this mount namespace shows them:
#   ID CONTROLLERS CGROUP DIR MOUNT
# CONTROLLERS as /proc/PID/cgroup spells them ("cpu,cpuacct", "name=systemd";
# "-" for v2, whose ID is 0); DIR the directory of CGROUP, as lib/cgroup
# finds it (cg_mount_find): in the first mount of the hierarchy whose root is
# CGROUP or above, less that root; MOUNT the hierarchy's first mount point.
# "-" for what this namespace does not show. A mount is of the hierarchy
# when each word of CONTROLLERS is one of its super options.
cg_table() {
	mounts | awk '
	function holds(i,   n, w, j) {
		if (ctrls[i] == "") return $7 == "cgroup2"
		if ($7 != "cgroup") return 0
		n = split(ctrls[i], w, ",")
		for (j = 1; j <= n; j++)
			if (!index("," $9 ",", "," w[j] ",")) return 0
		return 1
	}
	FNR == NR {	# ID:CONTROLLERS:PATH; later colons belong to PATH
		a = index($0, ":"); rest = substr($0, a + 1); b = index(rest, ":")
		n++; id[n] = substr($0, 1, a - 1); ctrls[n] = substr(rest, 1, b - 1)
		path[n] = substr(rest, b + 1)
		next
	}
	{
		for (i = 1; i <= n; i++) {
			if (!holds(i)) continue
			if (mnt[i] == "") mnt[i] = $5
			if (dir[i] != "") continue
			p = path[i]
			if ($4 == "/") dir[i] = $5 (p == "/" ? "" : p)
			else if (p == $4) dir[i] = $5
			else if (substr(p, 1, length($4) + 1) == $4 "/") dir[i] = $5 substr(p, length($4) + 1)
		}
	}
	END {
		for (i = 1; i <= n; i++)
			print id[i], (ctrls[i] == "" ? "-" : ctrls[i]), path[i],
				(dir[i] == "" ? "-" : dir[i]), (mnt[i] == "" ? "-" : mnt[i])
	}' "$(case ${1:-self} in */*) echo "$1" ;; *) echo "/proc/${1:-self}/cgroup" ;; esac)" -
}

# cg_get FIELD [CONTROLLER [PID|FILE]]: one field (controllers, cgroup, dir
# or mount) of the cg_table row of the hierarchy that holds CONTROLLER (a v1
# controller or name=NAME; none or "": v2). Nothing if there is no such
# row, or the field is "-".
cg_get() {
	cg_table "${3:-}" | awk -v f="$1" -v c="${2:-}" '
	BEGIN { col["controllers"] = 2; col["cgroup"] = 3; col["dir"] = 4; col["mount"] = 5 }
	(c == "" ? $1 == 0 : index("," $2 ",", "," c ",") > 0) {
		if ($col[f] != "-") print $col[f]
		exit
	}'
}

# sh_functions NAME...: the text of these functions of lib.sh, for a script
# that runs where lib.sh cannot be sourced (inside a container's root).
sh_functions() {
	for _f in "$@"; do
		sed -n "/^$_f() {\$/,/^}\$/p" "$NSKIT_SRCDIR/tests/integration/lib.sh"
	done
}

# in_pid_ns PID: the processes in the PID namespace of PID (itself too).
in_pid_ns() {
	_want=$(ns_inode "$1" pid)
	for _f in /proc/[0-9]*/ns/pid; do
		[ "$(stat -L -c %i "$_f" 2>/dev/null)" = "$_want" ] || continue
		_p=${_f#/proc/}
		echo "${_p%/ns/pid}"
	done
	return 0
}

# --- signals at a blocking point ------------------------------------------------
# syscall_nr NAME: the number of a system call the tools block in (read,
# poll, ppoll, wait4, rt_sigtimedwait, clock_nanosleep), on this machine's
# architecture.
syscall_nr() {
	case "$(uname -m):$1" in
	x86_64:read) echo 0 ;; x86_64:poll) echo 7 ;; x86_64:ppoll) echo 271 ;;
	x86_64:wait4) echo 61 ;; x86_64:rt_sigtimedwait) echo 128 ;;
	x86_64:clock_nanosleep) echo 230 ;;
	aarch64:read) echo 63 ;; aarch64:ppoll) echo 73 ;; aarch64:wait4) echo 260 ;;
	aarch64:rt_sigtimedwait) echo 137 ;; aarch64:clock_nanosleep) echo 115 ;;
	*) hard_error "no number for system call $1 on $(uname -m)" ;;
	esac
}

# wait_in_syscall PID NAME: wait (5 s) until PID sleeps in the system call
# NAME (/proc/PID/syscall, its state S): where a signal is to reach it.
wait_in_syscall() {
	_nr=$(syscall_nr "$2")
	wait_for "[ \"\$(cut -d' ' -f1 /proc/$1/syscall 2>/dev/null)\" = $_nr ] &&
		grep -q '^State:.S' /proc/$1/status" ||
		fail "process $1 did not block in $2 (syscall: $(cat "/proc/$1/syscall" 2>&1))"
}

# ending_signals: the signals that end a waiting tool, each with the exit
# status it gives (128+N), as words NAME:STATUS. INT only where with_signals
# can give it back its default: busybox's env (the cgroup test machine's)
# cannot.
ending_signals() {
	if env --default-signal=INT true 2>/dev/null; then
		echo "INT:130 TERM:143 HUP:129"
	else
		echo "TERM:143 HUP:129"
	fi
}

# assert_ended_by NAME:STATUS PID WHAT: send signal NAME to PID (a child of
# this shell) and check that it exits with STATUS.
assert_ended_by() {
	kill -"${1%:*}" "$2"
	_st=0
	wait "$2" || _st=$?
	assert_eq "${1#*:}" "$_st" "$3: exit status after SIG${1%:*}"
}

# with_signals COMMAND... &: start COMMAND in the background with INT and
# QUIT at their defaults, which a command started in the background by a
# non-interactive shell ignores (POSIX), so that a test can send them. In
# the background only: it execs, so that $! is COMMAND's PID.
with_signals() {
	env --default-signal=INT,QUIT true 2>/dev/null && exec env --default-signal=INT,QUIT "$@"
	exec "$@"	# (busybox: see ending_signals)
}

# --- holding a tool at one point of its run -------------------------------------
# A tool is held by strace on its return from the N-th call of a system
# call (delay_exit), which strace announces in its output as "(DELAYED)"
# as the delay begins, so the test knows the tool is there; killing the
# tracer lets the tool go on at once (resume).

# paused SYSCALL[@PATH] N HANDLE-LINE TOOL ARG...: run TOOL in the
# background, the line HANDLE-LINE piped to its stdin (as from a pipeline),
# held by strace as it returns from its N-th call of SYSCALL (counting only
# the calls on PATH when given: strace -P); PAUSED is its PID. Its stdout
# and stderr go to $TMP_DIR/stdout and $TMP_DIR/stderr.
paused() {
	_sc=${1%%@*} _nth=$2 _line=$3
	case $1 in *@*) _path=${1#*@} ;; *) _path= ;; esac
	shift 3
	_held=$1
	[ -z "$_path" ] || set -- -P "$_path" "$@"
	: >"$TMP_DIR/strace"
	# -D: the tracer is a grandchild, so the tool stays this shell's
	# child and its exit status can be waited for
	printf '%s\n' "$_line" | strace -D -qq -o "$TMP_DIR/strace" -e trace="$_sc" \
		-e inject="$_sc:delay_exit=600000000:when=$_nth" \
		"$@" >"$TMP_DIR/stdout" 2>"$TMP_DIR/stderr" &
	PAUSED=$!
	on_exit "kill -KILL $PAUSED"
	wait_for "grep -q DELAYED '$TMP_DIR/strace'" ||
		hard_error "$_held was not held at $_sc: $(cat "$TMP_DIR/strace" "$TMP_DIR/stderr")"
}

# resume: let the paused tool go on (its tracer killed, the kernel detaches
# it) and wait for it; its exit status in PAUSED_STATUS.
resume() {
	_tracer=$(awk '$1 == "TracerPid:" { print $2 }' "/proc/$PAUSED/status")
	[ -n "$_tracer" ] && [ "$_tracer" != 0 ] || hard_error "process $PAUSED has no tracer"
	kill -KILL "$_tracer"
	# shellcheck disable=SC2034 # the caller reads it
	{
		PAUSED_STATUS=0
		wait "$PAUSED" || PAUSED_STATUS=$?
	}
}
