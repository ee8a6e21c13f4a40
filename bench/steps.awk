# SPDX-License-Identifier: GPL-2.0-or-later
# steps.awk: a timeline of processes from `strace -f -ttt -e trace=%process`
# (bench/container.sh --steps): for each process, when it was forked, when
# it exec'd what (the last exec names it), when it ended; milliseconds from
# the first line, sorted by start.
function ms(t) { return (t - t0) * 1000 }
{
	pid = $1; t = $2
	if (t0 == "") t0 = t
	seen[pid] = 1
	if (!(pid in start)) { start[pid] = t; order[++n] = pid }
}
# a fork, clone, clone3 or vfork that returned a child's PID
/(clone3?|v?fork)(\(| resumed>)/ && / = [0-9]+$/ {
	child = $NF
	if (!(child in start)) { start[child] = t; order[++n] = child }
	parent[child] = pid
}
# an exec: its argv, kept until it returns 0 (the PATH search fails first)
/execve\("/ {
	line = $0
	sub(/^[^[]*\[/, "", line)
	sub(/\], 0x.*$/, "", line)
	gsub(/"/, "", line)
	gsub(/, /, " ", line)
	if (length(line) > 70) line = substr(line, 1, 67) "..."
	trying[pid] = line
}
/execve(\(|.* resumed>)/ && / = 0$/ && (pid in trying) {
	if (pid in what)	# an exec chain: the names of the steps before
		chain[pid] = chain[pid] name[pid] " > "
	name[pid] = trying[pid]; sub(/ .*/, "", name[pid])
	what[pid] = trying[pid]; exec_t[pid] = t
	delete trying[pid]
}
/\+\+\+ (exited|killed)/ { end[pid] = t }
END {
	printf "%8s %8s %8s %8s  %-7s %s\n", "fork", "exec", "end", "lived", "pid", "what (last exec)"
	for (i = 1; i <= n; i++) {
		p = order[i]
		if (!(p in seen)) continue	# a PID as a child namespace shows it
		w = (p in what) ? what[p] : "(fork of " parent[p] ")"
		e = (p in end) ? sprintf("%8.1f %8.1f", ms(end[p]), ms(end[p]) - ms(start[p])) : sprintf("%8s %8s", "-", "-")
		x = (p in exec_t) ? sprintf("%8.1f", ms(exec_t[p])) : sprintf("%8s", "-")
		printf "%8.1f %s %s  %-7s %s%s\n", ms(start[p]), x, e, p, chain[p], w
	}
}
