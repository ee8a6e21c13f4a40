# SPDX-License-Identifier: GPL-2.0-or-later
# fish completion for cgctl(1): create, limit, join, watch, freeze, kill and remove cgroups

# the operands so far: the subcommand, the group, then what follows (not the
# options nor their values)
function __cgctl_operands
	set -l tokens (commandline -opc)
	set -e tokens[1]
	set -l skip 0
	for t in $tokens
		if test $skip = 1
			set skip 0
			continue
		end
		switch $t
			case --parent -t --target -s --signal --timeout -c --controllers --copy-from \
				--admin-owner --task-owner --memory --memory-high --swap \
				--cpus --cpu-weight --cpuset --cpuset-mems --pids --io-max
				set skip 1
			case '-*'
			case '*'
				echo $t
		end
	end
end

# __cgctl_at N [SUBCOMMAND...]: N operands typed so far (and the first is one
# of SUBCOMMANDs)
function __cgctl_at
	set -l ops (__cgctl_operands)
	test (count $ops) -eq $argv[1]; or return 1
	test (count $argv) -eq 1; and return 0
	contains -- $ops[1] $argv[2..-1]
end

# The groups beneath the parent given on the command line (--parent, else
# $CGCTL_PARENT, else the root; "self" is our own cgroup), read from the
# first hierarchy that has them: cgroup2's, else v1's memory hierarchy. A
# word that starts with / lists groups from the root.
function __cgctl_groups
	set -l parent /
	set -q CGCTL_PARENT; and set parent $CGCTL_PARENT
	set -l tokens (commandline -opc)
	for i in (seq (count $tokens))
		if test "$tokens[$i]" = --parent; and test $i -lt (count $tokens)
			set parent $tokens[(math $i + 1)]
		else if string match -q -- '--parent=*' $tokens[$i]
			set parent (string replace -- --parent= '' $tokens[$i])
		end
	end
	set -l mnt (awk '{ for (i = 7; i <= NF; i++) if ($i == "-") break
		if ($(i + 1) == "cgroup2") { print $5; exit } }' /proc/self/mountinfo)
	set -l self (sed -n 's/^0:://p' /proc/self/cgroup)
	if test -z "$mnt"
		set mnt (awk '{ for (i = 7; i <= NF; i++) if ($i == "-") break
			if ($(i + 1) == "cgroup" && $(i + 3) ~ /memory/) { print $5; exit } }' /proc/self/mountinfo)
		set self (sed -n 's/^[0-9]*:[^:]*memory[^:]*://p' /proc/self/cgroup)
	end
	set self (string replace -r '/$' '' -- $self)
	set -l base
	switch $parent
		case self
			set base $mnt$self
		case 'self/*'
			set base $mnt$self/(string replace -- self/ '' $parent)
		case '/*'
			set base $mnt(string replace -r '/$' '' -- $parent)
		case '*'
			set base $mnt/$parent
	end
	if string match -q -- '/*' (commandline -ct)
		find $mnt -mindepth 1 -maxdepth 3 -type d 2>/dev/null | string replace -- $mnt ''
	else
		find $base -mindepth 1 -maxdepth 3 -type d 2>/dev/null | string replace -- $base/ ''
	end
end

set -l cmds create set get attach exec stat list freeze thaw kill wait delete
set -l limited create set attach exec
function __cgctl_columns
	set -l typed (string replace -r '[^,+]*$' '' -- (commandline -ct))
	for c in (cgctl --help 2>/dev/null | awk '/^Available output columns/ { c = 1; next } c && /^ +[A-Z]/ { print $1 }')
		echo $typed$c
	end
end

complete -c cgctl -f

complete -c cgctl -n __cgctl_at\ 0 -a create -d 'create a group'
complete -c cgctl -n __cgctl_at\ 0 -a set -d 'write limits or keys'
complete -c cgctl -n __cgctl_at\ 0 -a get -d 'read keys'
complete -c cgctl -n __cgctl_at\ 0 -a attach -d 'move processes into a group'
complete -c cgctl -n __cgctl_at\ 0 -a exec -d 'run a command in a group'
complete -c cgctl -n __cgctl_at\ 0 -a stat -d 'show the state of a group'
complete -c cgctl -n __cgctl_at\ 0 -a list -d 'list groups'
complete -c cgctl -n __cgctl_at\ 0 -a freeze -d 'freeze a group'
complete -c cgctl -n __cgctl_at\ 0 -a thaw -d 'thaw a group'
complete -c cgctl -n __cgctl_at\ 0 -a kill -d 'signal every process of a group'
complete -c cgctl -n __cgctl_at\ 0 -a wait -d 'wait until a group is empty'
complete -c cgctl -n __cgctl_at\ 0 -a delete -d 'remove a group'
complete -c cgctl -s h -l help -d 'show this help'
complete -c cgctl -s V -l version -d 'show the version'

# the group, then what the subcommand takes after it
complete -c cgctl -n "__cgctl_at 1 $cmds" -a '(__cgctl_groups)'
complete -c cgctl -n "not __cgctl_at 0; and not __cgctl_at 1; and __fish_seen_subcommand_from set" \
	-a 'memory.max= memory.high= memory.swap.max= cpu.max= cpu.weight= cpuset.cpus= cpuset.mems= pids.max= io.max= cgroup.freeze='
complete -c cgctl -n "not __cgctl_at 0; and not __cgctl_at 1; and __fish_seen_subcommand_from get" \
	-a 'memory.max memory.high memory.swap.max cpu.max cpu.weight cpuset.cpus cpuset.mems pids.max io.max cgroup.freeze'
complete -c cgctl -n "__cgctl_at 2 exec" -a '(__fish_complete_command)'

complete -c cgctl -n "__fish_seen_subcommand_from $cmds" -l parent -x -a 'self /' -d 'where relative groups live: an existing cgroup, or self'
complete -c cgctl -n "__fish_seen_subcommand_from $limited" -l memory -x -d 'memory.max (K, M, G, T; or max)'
complete -c cgctl -n "__fish_seen_subcommand_from $limited" -l memory-high -x -d 'memory.high'
complete -c cgctl -n "__fish_seen_subcommand_from $limited" -l swap -x -d 'memory.swap.max'
complete -c cgctl -n "__fish_seen_subcommand_from $limited" -l cpus -x -d 'cpu.max as a number of CPUs'
complete -c cgctl -n "__fish_seen_subcommand_from $limited" -l cpu-weight -x -d 'cpu.weight, 1 to 10000'
complete -c cgctl -n "__fish_seen_subcommand_from $limited" -l cpuset -x -d 'cpuset.cpus'
complete -c cgctl -n "__fish_seen_subcommand_from $limited" -l cpuset-mems -x -d 'cpuset.mems'
complete -c cgctl -n "__fish_seen_subcommand_from $limited" -l pids -x -d 'pids.max (or max)'
complete -c cgctl -n "__fish_seen_subcommand_from $limited" -l io-max -x -d 'io.max, MAJ:MIN:rbps=N,wbps=N,riops=N,wiops=N'
complete -c cgctl -n "__fish_seen_subcommand_from attach exec" -l create -d 'create the group if missing'
complete -c cgctl -n "__fish_seen_subcommand_from $cmds" -s c -l controllers -x -a '(awk \'NR > 1 { print $1 }\' /proc/cgroups 2>/dev/null)' -d 'only the hierarchies of these controllers'
complete -c cgctl -n "__fish_seen_subcommand_from create" -l exist-ok -d 'an existing group is no error'
complete -c cgctl -n "__fish_seen_subcommand_from create" -l copy-from -x -a '(__cgctl_groups)' -d 'start from the limits of GROUP'
complete -c cgctl -n "__fish_seen_subcommand_from create" -l admin-owner -x -d 'owner of the group, for delegation'
complete -c cgctl -n "__fish_seen_subcommand_from create" -l task-owner -x -d 'owner of its process lists'
complete -c cgctl -n "__fish_seen_subcommand_from exec" -l rm -d 'a transient group, removed afterwards'
complete -c cgctl -n "__fish_seen_subcommand_from exec" -l seccomp -r -a 'default unconfined (__fish_complete_suffix .json)' -d 'filter the command\'s system calls'
complete -c cgctl -n "__fish_seen_subcommand_from exec" -l seccomp-log -d 'log what the profile would refuse instead'
complete -c cgctl -n "__fish_seen_subcommand_from exec" -l default-signal -f -a 'INT QUIT HUP TERM PIPE USR1 USR2' -d 'start the command with SIGS at their default action'
complete -c cgctl -n "__fish_seen_subcommand_from attach" -s t -l target -x -a '(__fish_complete_pids) -' -d 'the process (PID, PID:INODE, or - for stdin)'
complete -c cgctl -n "__fish_seen_subcommand_from stat list" -s o -l output -x -a '(__cgctl_columns)' -d 'the columns to show (+LIST: add)'
complete -c cgctl -n "__fish_seen_subcommand_from stat list" -l output-all -d 'every column'
complete -c cgctl -n "__fish_seen_subcommand_from stat list" -s n -l noheadings -d 'no header line'
complete -c cgctl -n "__fish_seen_subcommand_from stat list" -s r -l raw -d 'raw output'
complete -c cgctl -n "__fish_seen_subcommand_from stat list" -s J -l json -d 'JSON output'
complete -c cgctl -n "__fish_seen_subcommand_from stat list" -s u -l notruncate -d 'never truncate a cell'
complete -c cgctl -n "__fish_seen_subcommand_from list" -l tree -d 'as a tree'
complete -c cgctl -n "__fish_seen_subcommand_from kill" -s s -l signal -x -a 'KILL TERM INT HUP STOP CONT USR1 USR2' -d 'the signal (default KILL)'
complete -c cgctl -n "__fish_seen_subcommand_from wait" -l timeout -x -d 'give up after this long (exit 124)'
complete -c cgctl -n "__fish_seen_subcommand_from delete" -l kill -d 'kill the processes first'
