# SPDX-License-Identifier: GPL-2.0-or-later
# fish completion for vethup(1): give a network namespace a veth link

# an ip-netns name; a netns file once the word has a slash
function __vethup_netns
	set -l word (commandline -ct)
	if string match -q '*/*' -- $word
		__fish_complete_path $word
	else
		command ls /run/netns 2>/dev/null
	end
end

# what vethup --delete takes: host ends of veth pairs (a link whose iflink
# is another's index and that is stacked on nothing), and the bridges
# vethup made (their alias is "vethup")
function __vethup_made
	for d in /sys/class/net/*
		if test -d $d/bridge
			test "$(cat $d/ifalias 2>/dev/null)" = vethup; and basename $d
		else if test "$(cat $d/iflink 2>/dev/null)" != "$(cat $d/ifindex 2>/dev/null)"
			set -l lower $d/lower_*
			test (count $lower) -eq 0; and basename $d
		end
	end
end

function __vethup_bridges
	for d in /sys/class/net/*/bridge
		basename (dirname $d)
	end
end

function __vethup_columns
	set -l typed (string replace -r '[^,+]*$' '' -- (commandline -ct))
	for c in (vethup --help 2>/dev/null | awk '/^Available output columns/ { c = 1; next } c && /^ +[A-Z]/ { print $1 }')
		echo $typed$c
	end
end

complete -c vethup -f
complete -c vethup -s t -l target -x -a '(__fish_complete_pids) -' -d 'the network namespace of this process'
complete -c vethup -l netns -x -a '(__vethup_netns)' -d 'an ip-netns name (/run/netns/NAME) or a netns file'
complete -c vethup -l name -x -d 'the host end (default veth<PID>)'
complete -c vethup -l peer -x -d 'the end inside the namespace (default eth0)'
complete -c vethup -l addr -x -d 'an address inside, e.g. 10.0.0.2/24 (repeatable)'
complete -c vethup -l host-addr -x -d 'an address of the host end, or of the bridge (repeatable)'
complete -c vethup -l gateway -x -a none -d 'the default route inside (default: via the first host address)'
complete -c vethup -l bridge -x -a '(__vethup_bridges)' -d 'enslave the host end to BRIDGE (created if missing)'
complete -c vethup -l mtu -x -d 'MTU of both ends'
complete -c vethup -l mac -x -d 'MAC address of the host end'
complete -c vethup -l peer-mac -x -d 'MAC address of the end inside'
complete -c vethup -s o -l output -x -a '(__vethup_columns)' -d 'print what was made: the columns (+LIST: add)'
complete -c vethup -l output-all -d 'print what was made: every column'
complete -c vethup -s n -l noheadings -d 'print what was made: no header line'
complete -c vethup -s r -l raw -d 'print what was made: raw output'
complete -c vethup -s J -l json -d 'print what was made as JSON'
complete -c vethup -s u -l notruncate -d 'print what was made: never truncate a cell'
complete -c vethup -l delete -x -a '(__vethup_made)' -d 'delete a pair by its host end, or a bridge without ports'
complete -c vethup -l grace -x -a '100 1000' -d 'with --delete: first give the kernel MS milliseconds to delete it'
complete -c vethup -s h -l help -d 'show this help'
complete -c vethup -s V -l version -d 'show the version'
