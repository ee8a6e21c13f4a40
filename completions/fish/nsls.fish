# SPDX-License-Identifier: GPL-2.0-or-later
# fish completion for nsls(1): every container and namespace on the host

function __nsls_columns
	set -l typed (string replace -r '[^,+]*$' '' -- (commandline -ct))
	for c in (nsls --help 2>/dev/null | awk '/^Available output columns/ { c = 1; next } c && /^ +[A-Z]/ { print $1 }' | sort -u)
		echo $typed$c
	end
end

complete -c nsls -f
complete -c nsls -s t -l target -x -a '(nsls -rno PID 2>/dev/null) -' -d 'everything about the container of process PID'
complete -c nsls -l namespaces -d 'one line per namespace (lsns\'s view)'
complete -c nsls -s N -l type -x -a 'mnt net ipc user pid uts cgroup time' -d 'only namespaces of TYPE (implies --namespaces)'
complete -c nsls -s T -l tree -d 'containers nested in containers'
complete -c nsls -s o -l output -x -a '(__nsls_columns)' -d 'the columns to show (+LIST: add to the default)'
complete -c nsls -l output-all -d 'every column'
complete -c nsls -s n -l noheadings -d 'no header line'
complete -c nsls -s r -l raw -d 'raw output'
complete -c nsls -s J -l json -d 'JSON output (numbers as numbers)'
complete -c nsls -s l -l list -d 'list format (no tree)'
complete -c nsls -s u -l notruncate -d 'never truncate a cell'
complete -c nsls -s W -l nowrap -d 'never wrap a cell'
complete -c nsls -s h -l help -d 'show this help'
complete -c nsls -s V -l version -d 'show the version'
