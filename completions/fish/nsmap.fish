# SPDX-License-Identifier: GPL-2.0-or-later
# fish completion for nsmap(1): write the uid and gid maps of a user namespace

function __nsmap_columns
	set -l typed (string replace -r '[^,+]*$' '' -- (commandline -ct))
	for c in (nsmap --help 2>/dev/null | awk '/^Available output columns/ { c = 1; next } c && /^ +[A-Z]/ { print $1 }')
		echo $typed$c
	end
end

complete -c nsmap -f
complete -c nsmap -s t -l target -x -a '(__fish_complete_pids) -' -d 'the process whose user namespace to map'
complete -c nsmap -l uid -x -d 'map COUNT uids from OUTER on to INNER on (repeatable)'
complete -c nsmap -l gid -x -d 'the same for gids (repeatable)'
complete -c nsmap -l root -d 'map your own uid and gid to 0'
complete -c nsmap -l auto -a '(__fish_complete_users)' -d 'map your (USER\'s) ids to 0 and your subuid/subgid ranges from 1 on'
complete -c nsmap -l setgroups -x -a 'allow deny' -d 'allow|deny setgroups(2) in the namespace'
complete -c nsmap -l dry-run -d 'check, print what would be written, write nothing'
complete -c nsmap -l show -d 'print the target\'s maps and setgroups'
complete -c nsmap -s o -l output -x -a '(__nsmap_columns)' -d 'with --show: the columns to show (+LIST: add)'
complete -c nsmap -l output-all -d 'with --show: every column'
complete -c nsmap -s n -l noheadings -d 'with --show: no header line'
complete -c nsmap -s r -l raw -d 'with --show: raw output'
complete -c nsmap -s J -l json -d 'with --show: JSON output'
complete -c nsmap -s u -l notruncate -d 'with --show: never truncate a cell'
complete -c nsmap -s h -l help -d 'show this help'
complete -c nsmap -s V -l version -d 'show the version'
