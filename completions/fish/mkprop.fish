# SPDX-License-Identifier: GPL-2.0-or-later
# fish completion for mkprop(1): change mount propagation

function __mkprop_columns
	set -l typed (string replace -r '[^,+]*$' '' -- (commandline -ct))
	for c in (mkprop --help 2>/dev/null | awk '/^Available output columns/ { c = 1; next } c && /^ +[A-Z]/ { print $1 }')
		echo $typed$c
	end
end

complete -c mkprop -l private -d 'receive and send no mount events'
complete -c mkprop -l shared -d 'join a peer group: send and receive mount events'
complete -c mkprop -l slave -d 'receive mount events from the peer group, send none'
complete -c mkprop -l unbindable -d 'private, and refuse to be bind mounted'
complete -c mkprop -s r -l recursive -d 'also every mount beneath each PATH'
complete -c mkprop -s t -l target -x -a '(__fish_complete_pids) -' -d 'act in the mount namespace of process PID'
complete -c mkprop -l show -d 'show the propagation of each mount (or of PATHs)'
complete -c mkprop -l default-signal -f -a 'INT QUIT HUP TERM PIPE USR1 USR2' -d 'start the command with SIGS at their default action'
complete -c mkprop -s o -l output -x -a '(__mkprop_columns)' -d 'with --show: the columns to show (+LIST: add)'
complete -c mkprop -l output-all -d 'with --show: every column'
complete -c mkprop -s n -l noheadings -d 'with --show: no header line'
complete -c mkprop -l raw -d 'with --show: raw output'
complete -c mkprop -s J -l json -d 'with --show: JSON output'
complete -c mkprop -s u -l notruncate -d 'with --show: never truncate a cell'
complete -c mkprop -s h -l help -d 'show this help'
complete -c mkprop -s V -l version -d 'show the version'
