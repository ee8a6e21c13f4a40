# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# shellcheck disable=SC2034 # EX_STATUS, EX_PID, INSIDE_LIMITS: read by the tests
# Helpers of the example tests (sourced after lib.sh and isolate): run the
# scripts of examples/ with the built tools first on PATH (copies of both,
# staged where other ids can reach them), and prove that nothing they made
# outlives them.

for _t in nsrun nsjoin nsmap cgctl vethup mkprop nsroot; do require_tool "$_t"; done
require_cmd busybox ip
# the tools and the examples, staged where the container's root (uid 100000)
# and an unprivileged user can run them
stage_tools
PATH=$STAGED_BIN:$PATH
NSRUN=$STAGED_BIN/nsrun NSJOIN=$STAGED_BIN/nsjoin NSMAP=$STAGED_BIN/nsmap CGCTL=$STAGED_BIN/cgctl
VETHUP=$STAGED_BIN/vethup MKPROP=$STAGED_BIN/mkprop NSROOT=$STAGED_BIN/nsroot
# Sanitizer builds only: LeakSanitizer reads /proc/PID of the exiting
# process, which is another process or none at all where /proc was
# remounted for a new PID namespace (after nsroot's pivot, nsjoin --root
# or --mount-proc); it then aborts, or spins for ever (nsjoin
# --mount-proc). The tools' own tests check leaks where nothing pivots.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
EXAMPLES=$TMP_DIR/examples
mkdir "$EXAMPLES" && cp "$NSKIT_SRCDIR"/examples/*.sh "$EXAMPLES/" && chmod 755 "$EXAMPLES" "$EXAMPLES"/*.sh ||
	hard_error "staging the examples in $EXAMPLES"
# the examples' temporary directories, to check that they are removed
TMPDIR=$TMP_DIR/t
mkdir -p "$TMPDIR" || hard_error "mkdir $TMPDIR"
export PATH TMPDIR

# run_example [--as UID] SCRIPT [ARG...]: run examples/SCRIPT as a user
# would (as UID, with no groups, if given), its shell's PID (which names
# its cgroup, nskit-PID) in $EX_PID, its stdout in $TMP_DIR/stdout, its
# stderr in $TMP_DIR/stderr and its exit status in $EX_STATUS.
run_example() {
	_as=""
	if [ "$1" = --as ]; then
		_as=$2
		shift 2
	fi
	_s=$1
	shift
	EX_STATUS=0
	: >"$TMP_DIR/ex.pid" && chmod 666 "$TMP_DIR/ex.pid"	# written as UID too
	set -- sh -c 'echo $$ >"$TMP_DIR/ex.pid"; exec "$0" "$@"' "$EXAMPLES/$_s" "$@"
	[ -z "$_as" ] || set -- setpriv --reuid "$_as" --regid "$_as" --clear-groups -- "$@"
	"$@" >"$TMP_DIR/stdout" 2>"$TMP_DIR/stderr" </dev/null || EX_STATUS=$?
	EX_PID=$(cat "$TMP_DIR/ex.pid")
}

# snapshot: what an example may not leave behind, as text: the links of our
# network namespace, our mount points, the processes that name one of the
# examples' temporary paths, and the pauses of their containers (sleep
# 2147483647) that have our TMPDIR, i.e. were started by this test.
snapshot() {
	ip -o link show | sed 's/^[0-9]*: //; s/[:@].*//'
	mounts | awk '{ print $4, $5, $7 }'	# root, mount point, type
	for _f in /proc/[0-9]*/cmdline; do
		_c=$({ tr '\0' ' ' <"$_f"; } 2>/dev/null) || continue
		case $_c in *"$TMPDIR"*) echo "process ${_f%/cmdline}: $_c" ;; esac
	done
	for _p in $(pids_with_arg 2147483647 2>/dev/null); do
		{ tr '\0' '\n' <"/proc/$_p/environ"; } 2>/dev/null | grep -qxF "TMPDIR=$TMPDIR" &&
			echo "pause $_p: $({ tr '\0' ' ' <"/proc/$_p/cmdline"; } 2>/dev/null)"
	done
	return 0
}

# assert_nothing_left BEFORE [GROUP]: no link, mount or process beyond
# BEFORE (a snapshot), no cgroup GROUP (default nskit-$EX_PID) beneath
# ours, no temporary directory. An example may tear down after its exit
# (container.sh, once its command has run): its temporary directory goes
# last, so what is left is looked at once it has gone (or after 5 s).
assert_nothing_left() {
	wait_for '[ -z "$(ls -A "$TMPDIR")" ]' || :
	assert_eq "$1" "$(snapshot)" "links, mounts and processes after the example"
	_groups=$("$CGCTL" list --parent self 2>&1) || fail "cgctl list --parent self: $_groups"
	assert_no_match "^${2:-nskit-$EX_PID}( |\$)" "$_groups" "our cgroups after the example"
	assert_eq "" "$(ls -A "$TMPDIR")" "the example's temporary directories"
}

# The container's view of its own limits: mount the hierarchy of a
# controller (v1, or v2 if it is there) and read the files of its group,
# found in /proc/self/cgroup (lib.sh's readers, handed to the container).
# Prints "memory pids cpu" limits on one line each: bytes, count, "quota
# period".
INSIDE_LIMITS="$(sh_functions mounts cg_table cg_get)"'
cg() {	# cg CONTROLLER: the mounted directory of our group for it
	mkdir -p /cg/$1
	v1=$(cg_get controllers $1)
	if [ -n "$v1" ]; then
		mount -t cgroup -o "$v1" none /cg/$1 && echo "/cg/$1$(cg_get cgroup $1)"
	else
		mount -t cgroup2 none /cg/$1 && echo "/cg/$1$(cg_get cgroup)"
	fi
}
d=$(cg memory); cat $d/memory.max 2>/dev/null || cat $d/memory.limit_in_bytes
d=$(cg pids); cat $d/pids.max
d=$(cg cpu); echo $(cat $d/cpu.max 2>/dev/null || cat $d/cpu.cfs_quota_us $d/cpu.cfs_period_us)
'
