# SPDX-License-Identifier: GPL-2.0-or-later
# fish completion for nsjoin(1): enter the namespaces of a process

function __nsjoin_caps
	set -l typed (string replace -r '[^,]*$' '' -- (commandline -ct))
	for c in ALL (string lower (string replace -rf '^#define CAP_([A-Z_]+)\s.*' '$1' < /usr/include/linux/capability.h 2>/dev/null))
		echo $typed$c
	end
end

function __nsjoin_fds
	command ls /proc/self/fd 2>/dev/null
end

complete -c nsjoin -s t -l target -x -a '(__fish_complete_pids) -' -d 'the process (PID, PID:INODE, or - for stdin)'
complete -c nsjoin -s a -l all -d 'each namespace of the target that is not ours'
complete -c nsjoin -s U -l user -F -d 'user namespace'
complete -c nsjoin -s m -l mount -F -d 'mount namespace'
complete -c nsjoin -s p -l pid -F -d 'PID namespace (the command is forked into it)'
complete -c nsjoin -s n -l net -F -d 'network namespace'
complete -c nsjoin -s u -l uts -F -d 'UTS namespace'
complete -c nsjoin -s i -l ipc -F -d 'System V IPC namespace'
complete -c nsjoin -s C -l cgroup -F -d 'cgroup namespace'
complete -c nsjoin -s T -l time -F -d 'time namespace'
complete -c nsjoin -s N -l net-socket -x -a '(__nsjoin_fds)' -d 'the network namespace of the socket on the target descriptor FD'
complete -c nsjoin -l user-parent -d 'the parent of the user namespace instead'
complete -c nsjoin -l mount-proc -d 'a fresh /proc of the joined PID namespace, masked; implies --pid'
complete -c nsjoin -l proc-unmasked -d 'as --mount-proc, with nothing of /proc masked'
complete -c nsjoin -l mount-sys -d 'a fresh /sys of the joined network namespace; implies --net'
complete -c nsjoin -s S -l setuid -x -a follow -d 'user of the command: UID, NAME or follow'
complete -c nsjoin -s G -l setgid -x -a follow -d 'group of the command: GID, NAME or follow'
complete -c nsjoin -l preserve-credentials -d 'keep our uid and gid in a joined user namespace'
complete -c nsjoin -l keep-caps -d 'keep the capabilities a user ns gives'
complete -c nsjoin -s r -l root -a '(__fish_complete_directories)' -d 'root directory: DIR, or the target\'s'
complete -c nsjoin -s w -l wd -a '(__fish_complete_directories)' -d 'working directory: DIR, or the target\'s'
complete -c nsjoin -s W -l wdns -x -d 'working directory DIR, in the joined root'
complete -c nsjoin -s F -l no-fork -d 'do not fork into a joined PID namespace'
complete -c nsjoin -s e -l env -d 'take the target\'s environment'
complete -c nsjoin -s c -l join-cgroup -d 'run in the target\'s cgroups, in every hierarchy'
complete -c nsjoin -s Z -l follow-context -d 'the SELinux context of the target (SELinux builds)'
complete -c nsjoin -l cap-drop -x -a '(__nsjoin_caps)' -d 'drop capabilities (comma list, or ALL)'
complete -c nsjoin -l cap-add -x -a '(__nsjoin_caps)' -d 'keep or add capabilities (comma list)'
complete -c nsjoin -l no-new-privs -d 'set no_new_privs'
complete -c nsjoin -l default-signal -f -a 'INT QUIT HUP TERM PIPE USR1 USR2' -d 'start the command with SIGS at their default action'
complete -c nsjoin -l seccomp -r -a 'default unconfined (__fish_complete_suffix .json)' -d 'filter system calls: default, unconfined, or a JSON profile'
complete -c nsjoin -l seccomp-log -d 'log what the profile would refuse, refuse nothing'
complete -c nsjoin -l preserve-fds -x -d 'pass descriptors 3 to 2+N (others are closed)'
complete -c nsjoin -l keep-fd -x -a '(__nsjoin_fds)' -d 'pass descriptor FD (repeatable; others are closed)'
complete -c nsjoin -s h -l help -d 'show this help'
complete -c nsjoin -s V -l version -d 'show the version'

# after the options: the command, and its own completion
complete -c nsjoin -x -a "(__fish_complete_subcommand)"
