# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# The fault-injection engine of tests/faults/ (README.md there), sourced
# after tests/integration/lib.sh by each test, which describes one path of
# one tool with four functions (each may stay the no-op default):
#
#   fault_setup      before each run: what the run acts on (a target, a group)
#   fault_state      print what the kernel shows that the run could change
#                    (links, cgroup directories, mounts, processes, limits)
#   fault_undo       after a run that succeeded: undo what it made
#   fault_teardown   after each run: remove what fault_setup made
#   fault_clean      after a run that left something: remove it (default:
#                    fault_undo)
#   fault_acceptable after a failure that changed fault_state: true when the
#                    change is one the path allows (default: none)
#
# and then calls `fault_scan TOOL -- COMMAND...`. fault_scan runs COMMAND
# once under strace -f to list the system calls of each of its processes,
# then once per injection point (SYSCALL, N): strace's
# `-e inject=SYSCALL:error=E:when=N` fails the N-th SYSCALL of every
# process that makes N of them (strace counts per process, which is
# deterministic; a process's count starts at zero when it is forked). A run
# with a fault must end one of two ways:
#   - failed cleanly: exit 125, stderr exactly one line "TOOL: ..." (at
#     most one per process the fault hit, when it hit several: each may
#     have failed on its own, and says so), and
#     fault_state shows what it showed before the run: nothing left. When
#     the fault is in the execve of the command: exit 126, and the state
#     either as before or as after a run that succeeded (the tool did its
#     step; the command could not run, as if it had failed); the same when
#     the line says that the handle could not be written to stdout, the
#     last thing a tool does, after a step that may not be undone; and
#     when the fault was in a removal (rmdir, umount2...), what it could
#     not remove may stay if the one line names it;
#   - absorbed: the tool got round the failure (a close, a fallback) and did
#     exactly what the fault-free run did: same status, same stderr, same
#     fault_state after.
# EINTR is injected on the calls that can block (waits, reads of pipes and
# sockets); it must be absorbed: retried, never reported.
#
# Processes that strace detaches at their execve (-b execve) are the
# command's: nothing after the command's execve is injected. The system
# calls of the dynamic loader (before main) are not injected either.
#
# FAULT_WRAP: words put before the traced command, e.g. to run it in a
# mount namespace of its own (nsroot pivots the namespace it runs in).
#
# Bounds: FAULT_MAX points per scan (all of them if there are fewer, or
# when NSKIT_FAULTS_ALL=1), else every system call of FAULT_INTERESTING
# and an even sample of the others, always the same for the same trace.

require_cmd strace timeout cc awk

FAULT_DIR=$TMP_DIR/faults
mkdir "$FAULT_DIR" || hard_error "mkdir $FAULT_DIR"
FAULT_MAX=${FAULT_MAX:-150}
# errors injected at each point, of its realistic ones (fault_errno)
FAULT_ERRNOS=${FAULT_ERRNOS:-2}
# fault points to leave out, an extended regex on "SYSCALL N"
FAULT_SKIP=${FAULT_SKIP:-}
FAULT_INTERESTING='^(mount|umount2|mount_setattr|move_mount|open_tree|fsopen|fsconfig|fsmount|mkdir|mkdirat|rmdir|unlinkat|write|pwrite64|writev|sendmsg|sendto|clone|clone3|fork|vfork|setns|unshare|pivot_root|execve|pidfd_open|pidfd_send_signal|kill|socket|bind|chdir|fchdir|chroot|prctl|capset|setresuid|setresgid|setgroups|sethostname|symlinkat|openat|close_range)$'
# System calls that do not fail (with the arguments a program gives them),
# and exit: injecting an error into them tests nothing. Nor close and brk,
# whose injected failures cannot happen: strace skips the call, but a real
# close(2) frees the descriptor whatever it returns (a child's end of a
# channel kept open hangs its parent), and a real brk(2) reports failure by
# returning the old break, never -ENOMEM (which glibc takes as the break).
FAULT_NEVER='^(close|brk|exit|exit_group|getpid|getppid|gettid|getuid|geteuid|getgid|getegid|getresuid|getresgid|umask|rt_sigprocmask|rt_sigaction|rt_sigreturn|set_tid_address|set_robust_list|rseq|arch_prctl|sched_yield|getpgrp)$'
# System calls that can block, so that a signal can interrupt them: each
# point of one of these gets an EINTR run too. The waits fail with nothing
# but EINTR (given valid arguments): they get only that.
FAULT_BLOCKING='^(read|readv|recvmsg|recvfrom|sendmsg|wait4|waitid|poll|ppoll|rt_sigtimedwait|epoll_wait|epoll_pwait)$'
FAULT_ONLY_EINTR='^(wait4|waitid|poll|ppoll|rt_sigtimedwait|epoll_wait|epoll_pwait)$'

# A fault in a removal (the run's own, or an undo's) may leave what it
# could not remove, if the one line names it.
FAULT_REMOVAL='^(rmdir|umount2|unlinkat|sendmsg|sendto|recvmsg|recvfrom)$'
FAULT_NAMES_LEFT='left behind|could not remove|stays'

fault_setup() { :; }
fault_state() { :; }
fault_undo() { :; }
fault_teardown() { :; }
fault_clean() { fault_undo; }
fault_acceptable() { false; }

# EXIT0: a static program that makes one system call, exit(0): the command
# given to the tools, so that every other system call is theirs.
EXIT0=$TMP_DIR/exit0
"${CC:-cc}" -static -nostdlib -O1 -o "$EXIT0" "$NSKIT_SRCDIR/tests/faults/exit0.c" \
	2>"$FAULT_DIR/cc.err" || hard_error "exit0.c does not build: $(cat "$FAULT_DIR/cc.err")"

# fault_processes: the processes of this PID namespace but this shell (the
# tests run in one of their own), by name, sorted (their PIDs differ from
# run to run); zombies left out.
fault_processes() {
	_fault_pids >"$FAULT_DIR/procs"
	cut -d' ' -f2- "$FAULT_DIR/procs" | sort
}
# _fault_pids: "PID COMM" a line. Builtins only, in this shell, so that the
# listing does not list itself.
_fault_pids() {
	for _s in /proc/[0-9]*/stat; do
		_p=${_s#/proc/}
		_p=${_p%/stat}
		[ "$_p" = $$ ] && continue
		read -r _line <"$_s" 2>/dev/null || continue
		_st=${_line##*) }
		_st=${_st%% *}
		[ "$_st" = Z ] && continue
		_comm=${_line#*(}
		echo "$_p ${_comm%)*}"
	done
}

# fault_kill_strays: kill every process of this PID namespace that is not
# in $FAULT_DIR/pids.before (they are ours: this PID namespace is).
fault_kill_strays() {
	_fault_pids >"$FAULT_DIR/procs"	# no pipeline: its subshells would be listed
	while read -r _p _c; do
		grep -q "^$_p $_c\$" "$FAULT_DIR/pids.before" || kill -KILL "$_p" 2>/dev/null
	done <"$FAULT_DIR/procs"
	sleep 0.1
}

# fault_points TRACE: the injection points of a trace of strace -f -o, one
# "SYSCALL N HITS" a line in the order of their first hit, HITS being how
# many processes make an N-th SYSCALL. The first process's loader phase (up
# to the munmap of ld.so.cache that follows glibc's RLIMIT_STACK probe) and
# its own execve (which strace does not count) are left out.
fault_points() {
	awk -v never="$FAULT_NEVER" '
	{
		pid = $1
		rest = $0
		sub(/^[0-9]+ +/, "", rest)
		if (rest ~ /^(<\.\.\.|\+\+\+|---)/) next
		name = rest
		sub(/\(.*/, "", name)
		if (name !~ /^[a-z_0-9]+$/) next
		if (root == "") root = pid
		if (pid == root && !main) {
			if (name == "prlimit64" && rest ~ /RLIMIT_STACK/) probed = 1
			else if (probed && name == "munmap") main = 1
			if (name != "execve") count[pid, name]++
			loader[name] = count[pid, name]
			next
		}
		n = ++count[pid, name]
		if (name ~ never) next
		key = name " " n
		if (!(key in hits)) order[++npoints] = key
		hits[key]++
	}
	END {
		for (i = 1; i <= npoints; i++) {
			split(order[i], f, " ")
			# a point whose N-th call in the first process is the loader'"'"'s
			if (f[2] <= loader[f[1]]) continue
			print order[i], hits[order[i]]
		}
	}' "$1"
}

# fault_sample: the points of stdin to run, within FAULT_MAX (see above).
fault_sample() {
	awk -v max="$FAULT_MAX" -v all="${NSKIT_FAULTS_ALL:-0}" -v hot="$FAULT_INTERESTING" \
		-v skip="$FAULT_SKIP" '
	skip != "" && ($1 " " $2) ~ skip { next }
	{ n++; line[n] = $0; name[n] = $1; if ($1 ~ hot) nhot++ }
	END {
		step = 1
		if (!all && n > max) {
			room = max - nhot
			step = room > 0 ? int((n - nhot + room - 1) / room) : n + 1
		}
		for (i = 1; i <= n; i++) {
			if (name[i] ~ hot) { print line[i]; continue }
			if (++other % step == 1 || step == 1) print line[i]
		}
	}'
}

# fault_errno SYSCALL INDEX: the error to inject at the INDEX-th point: one
# the call can really return, the list turning with INDEX.
fault_errno() {
	case $1 in
	mmap | munmap | mremap | brk) echo ENOMEM ;;
	clone | clone3 | fork | vfork) [ $(($2 % 2)) = 0 ] && echo EAGAIN || echo ENOMEM ;;
	read | readv | pread64 | recvmsg | recvfrom | getdents64)
		[ $(($2 % 2)) = 0 ] && echo EIO || echo ENOMEM ;;
	*)
		set -- ENOMEM EIO EPERM ENOSPC EAGAIN "$2"
		shift $(($6 % 5))
		echo "$1"
		;;
	esac
}

# _fault_run INJECT -- COMMAND...: one run under strace (INJECT: an
# -e inject=... argument, or "" for none); the status in _fault_status,
# stdout, stderr and the trace in $FAULT_DIR. Its stdin is
# $FAULT_DIR/stdin if fault_setup wrote one (a handle), else /dev/null.
_fault_run() {
	_inject=$1
	shift 2
	_fault_status=0
	_stdin=/dev/null
	[ -e "$FAULT_DIR/stdin" ] && _stdin=$FAULT_DIR/stdin
	# shellcheck disable=SC2086 # _inject: one word or none; FAULT_WRAP: words
	${FAULT_WRAP:-} timeout -k 2 30 strace -f -q -b execve -e signal=none -o "$FAULT_DIR/trace" \
		${_inject:+-e "$_inject"} -- "$@" <"$_stdin" >"$FAULT_DIR/out" 2>"$FAULT_DIR/err" ||
		_fault_status=$?
}

# fault_scan TOOL -- COMMAND...: the scan described at the top.
fault_scan() {
	_tool=$1
	shift 2
	_bugs=0 _clean=0 _absorbed=0 _eintr=0 _named=0
	: >"$FAULT_DIR/bugs"

	# the fault-free run: the points, and what success looks like
	fault_state >"$FAULT_DIR/state.base"
	fault_setup
	fault_state >"$FAULT_DIR/state.before"
	_fault_run "" -- "$@"
	_ok_status=$_fault_status
	cp "$FAULT_DIR/err" "$FAULT_DIR/err.ok"
	cp "$FAULT_DIR/out" "$FAULT_DIR/out.ok"
	fault_state >"$FAULT_DIR/state.ok"
	[ "$_ok_status" = 0 ] || hard_error "$_tool: the fault-free run exited $_ok_status: $(cat "$FAULT_DIR/err")"
	[ ! -s "$FAULT_DIR/err.ok" ] || hard_error "$_tool: the fault-free run wrote to stderr: $(cat "$FAULT_DIR/err.ok")"
	cmp -s "$FAULT_DIR/state.before" "$FAULT_DIR/state.ok" &&
		[ "${FAULT_NO_CHANGE:-0}" != 1 ] && hard_error "$_tool: fault_state does not see what the run did"
	fault_undo
	fault_teardown
	fault_state >"$FAULT_DIR/state.undone"
	cmp -s "$FAULT_DIR/state.base" "$FAULT_DIR/state.undone" ||
		hard_error "$_tool: fault_undo left: $(diff "$FAULT_DIR/state.base" "$FAULT_DIR/state.undone")"
	fault_points "$FAULT_DIR/trace" >"$FAULT_DIR/points"
	fault_sample <"$FAULT_DIR/points" >"$FAULT_DIR/sample"

	_fs_i=0
	# the sample on descriptor 9: nothing a run starts may read it
	while read -r _fs_sys _fs_n _fs_hits <&9; do
		_fs_i=$((_fs_i + 1))
		if ! printf '%s\n' "$_fs_sys" | grep -Eq "$FAULT_ONLY_EINTR"; then
			# FAULT_ERRNOS errors a point (the next ones of its list)
			_fs_done=
			for _fs_k in $(seq 0 $((FAULT_ERRNOS - 1))); do
				_fs_e=$(fault_errno "$_fs_sys" $((_fs_i + _fs_k)))
				case " $_fs_done " in *" $_fs_e "*) continue ;; esac
				_fs_done="$_fs_done $_fs_e"
				_fault_point "$_tool" "$_fs_sys" "$_fs_n" "$_fs_e" "$_fs_hits" "$@" </dev/null
			done
		fi
		if printf '%s\n' "$_fs_sys" | grep -Eq "$FAULT_BLOCKING"; then
			_fault_point "$_tool" "$_fs_sys" "$_fs_n" EINTR "$_fs_hits" "$@" </dev/null
		fi
	done 9<"$FAULT_DIR/sample"

	log "$_tool: $(wc -l <"$FAULT_DIR/points") points, $(wc -l <"$FAULT_DIR/sample") injected," \
		"$((_clean + _named + _absorbed + _eintr + _bugs)) runs:" \
		"$_clean failed cleanly, $_named failed naming what stays," \
		"$_absorbed absorbed, $_eintr EINTR retried, $_bugs bugs"
	if [ "$_bugs" != 0 ]; then
		cat "$FAULT_DIR/bugs" >&2
		fail "$_tool: $_bugs fault points misbehaved (above)"
	fi
}

# _fault_point TOOL SYSCALL N ERRNO HITS COMMAND...: one run with one fault,
# judged as the top says.
_fault_point() {
	_fp_tool=$1 _fp_sys=$2 _fp_n=$3 _fp_err=$4 _fp_hits=$5
	shift 5
	_fp_what="$_fp_sys #$_fp_n $_fp_err"
	fault_state >"$FAULT_DIR/state.base"
	fault_setup
	fault_state >"$FAULT_DIR/state.before"
	_fault_pids >"$FAULT_DIR/pids.before"
	_fault_run "inject=$_fp_sys:error=$_fp_err:when=$_fp_n" -- "$@"
	fault_state >"$FAULT_DIR/state.after"
	_fp_want=125
	[ "$_fp_sys" = execve ] && _fp_want=126
	_fp_why=""
	if [ "$_fp_err" != EINTR ] && [ "$_fault_status" = "$_fp_want" ]; then
		_fp_lines=$(wc -l <"$FAULT_DIR/err")
		if [ "$_fp_lines" -lt 1 ] || [ "$_fp_lines" -gt "$_fp_hits" ] ||
			grep -qv "^$_fp_tool: " "$FAULT_DIR/err"; then
			_fp_why="not one error line"
		elif cmp -s "$FAULT_DIR/state.before" "$FAULT_DIR/state.after"; then
			_clean=$((_clean + 1))
		elif { [ "$_fp_sys" = execve ] || grep -q "^$_fp_tool: stdout: " "$FAULT_DIR/err"; } &&
			cmp -s "$FAULT_DIR/state.ok" "$FAULT_DIR/state.after"; then
			# the step was done, the command could not run (as a
			# command that fails, what the step made stays), or the
			# handle could not be passed on after a step that cannot
			# be taken back (a release, a map)
			_clean=$((_clean + 1))
			fault_undo
		elif fault_acceptable; then
			# what the path's own rule allows (nsmap: each map
			# whole or untouched)
			_clean=$((_clean + 1))
			fault_clean
		elif [ "$_fp_lines" = 1 ] && printf '%s\n' "$_fp_sys" | grep -Eq "$FAULT_REMOVAL" &&
			grep -Eq "$FAULT_NAMES_LEFT" "$FAULT_DIR/err"; then
			# the fault was in the removal itself (an rmdir that
			# the kernel refuses): what stays is named
			_named=$((_named + 1))
			fault_clean
		else
			_fp_why="left behind"
		fi
	elif [ "$_fault_status" = "$_ok_status" ]; then
		if ! cmp -s "$FAULT_DIR/err" "$FAULT_DIR/err.ok"; then
			_fp_why="succeeded with a message"
		elif ! cmp -s "$FAULT_DIR/state.ok" "$FAULT_DIR/state.after"; then
			_fp_why="exit $_fault_status but did not do its work"
		elif [ "$_fp_err" = EINTR ]; then
			_eintr=$((_eintr + 1))
		else
			_absorbed=$((_absorbed + 1))
		fi
		fault_undo
	else
		_fp_why="exit $_fault_status"
	fi
	[ "${FAULT_VERBOSE:-0}" = 1 ] &&
		log "$_fp_tool: $_fp_what: exit $_fault_status ${_fp_why:-ok} $(head -c 200 "$FAULT_DIR/err")"
	if [ -n "$_fp_why" ]; then
		_bugs=$((_bugs + 1))
		{
			echo "BUG $_fp_tool: $_fp_what: $_fp_why (exit $_fault_status)"
			sed 's/^/  stderr: /' "$FAULT_DIR/err"
			diff "$FAULT_DIR/state.before" "$FAULT_DIR/state.after" | sed 's/^/  state: /'
		} >>"$FAULT_DIR/bugs"
		fault_kill_strays
		fault_clean
	fi
	fault_teardown
	# back to the state before the run, or stop here
	fault_state >"$FAULT_DIR/state.final"
	cmp -s "$FAULT_DIR/state.base" "$FAULT_DIR/state.final" || {
		cat "$FAULT_DIR/bugs" >&2
		fail "$_fp_tool: $_fp_what left what the test cannot undo: $(diff "$FAULT_DIR/state.base" "$FAULT_DIR/state.final")"
	}
}
