# SPDX-License-Identifier: GPL-2.0-or-later
# fish completion for nsrun(1): create namespaces and run a command in them

function __nsrun_caps
	set -l typed (string replace -r '[^,]*$' '' -- (commandline -ct))
	for c in ALL (string lower (string replace -rf '^#define CAP_([A-Z_]+)\s.*' '$1' < /usr/include/linux/capability.h 2>/dev/null))
		echo $typed$c
	end
end

function __nsrun_fds
	command ls /proc/self/fd 2>/dev/null
end

complete -c nsrun -s U -l user -F -d 'user namespace'
complete -c nsrun -s m -l mount -F -d 'mount namespace'
complete -c nsrun -s p -l pid -F -d 'PID namespace (implies --fork)'
complete -c nsrun -s n -l net -F -d 'network namespace (lo is brought up)'
complete -c nsrun -s u -l uts -F -d 'UTS namespace (hostname, domainname)'
complete -c nsrun -s i -l ipc -F -d 'System V IPC namespace'
complete -c nsrun -s C -l cgroup -F -d 'cgroup namespace'
complete -c nsrun -s T -l time -F -d 'time namespace (implies --fork)'
complete -c nsrun -s f -l fork -d 'fork before running the command'
complete -c nsrun -l as-pid-1 -d 'exec the command as PID 1, with no init'
complete -c nsrun -l no-init -d 'the same as --as-pid-1'
complete -c nsrun -l kill-child -x -a 'KILL TERM INT HUP' -d 'signal the command when nsrun dies (default KILL)'
complete -c nsrun -l forward-signals -d 'forward signals to the command (always done); implies --fork'
complete -c nsrun -l detach -d 'run in the background; print the handle and exit'
complete -c nsrun -l hold -d 'with --detach: wait for --release before the command'
complete -c nsrun -l release -d 'start the command of a held nsrun (-t or stdin)'
complete -c nsrun -s t -l target -x -a '(__fish_complete_pids) -' -d 'the held process for --release'
complete -c nsrun -l log -r -F -d 'with --detach: the command\'s output goes to FILE'
complete -c nsrun -l into-cgroup -x -d 'with --detach: start in GROUP, an existing cgroup'
complete -c nsrun -l handle-format -x -a 'pid pidfs' -d 'with --detach: print the handle as PID or PID:INODE'
complete -c nsrun -l no-lo -d 'leave lo down in a new network namespace'
complete -c nsrun -l mount-proc -F -d 'mount a fresh proc on DIR (default /proc); implies -m'
complete -c nsrun -l mount-binfmt -F -d 'mount the user namespace\'s binfmt_misc on DIR'
complete -c nsrun -s l -l load-interp -x -d 'register an interpreter in it; implies --mount-binfmt'
complete -c nsrun -l propagation -x -a 'private shared slave unchanged' -d 'private|shared|slave|unchanged (default private)'
complete -c nsrun -l hostname -x -d 'set the hostname; implies -u'
complete -c nsrun -l domainname -x -d 'set the NIS domain name; implies -u'
complete -c nsrun -s r -l map-root-user -d 'map the current user and group to 0; implies -U'
complete -c nsrun -s c -l map-current-user -d 'map the current user and group to themselves'
complete -c nsrun -l map-user -x -a '(__fish_complete_users)' -d 'map the current user to UID'
complete -c nsrun -l map-group -x -a '(__fish_complete_groups)' -d 'map the current group to GID'
complete -c nsrun -l map-users -x -a 'auto subids all' -d 'map uids: INNER:OUTER:COUNT, OUTER,INNER,COUNT, auto, subids or all'
complete -c nsrun -l map-groups -x -a 'auto subids all' -d 'map gids, the same way'
complete -c nsrun -l map-auto -d 'map your first subuid/subgid range at 0'
complete -c nsrun -l map-subids -d 'map your first subuid/subgid range at its own ids'
complete -c nsrun -l owner -x -d 'create the user namespace as UID:GID (root only)'
complete -c nsrun -l setgroups -x -a 'allow deny' -d 'allow|deny setgroups(2) in the user namespace'
complete -c nsrun -l monotonic -x -d 'monotonic clock offset in seconds; implies -T'
complete -c nsrun -l boottime -x -d 'boot-time clock offset in seconds; implies -T'
complete -c nsrun -s S -l setuid -x -a '(__fish_complete_users)' -d 'run the command as UID'
complete -c nsrun -s G -l setgid -x -a '(__fish_complete_groups)' -d 'run the command as GID (and no supplementary groups)'
complete -c nsrun -s R -l root -r -a '(__fish_complete_directories)' -d 'chroot to DIR'
complete -c nsrun -s w -l wd -r -a '(__fish_complete_directories)' -d 'working directory'
complete -c nsrun -l cap-drop -x -a '(__nsrun_caps)' -d 'drop capabilities (comma list, or ALL)'
complete -c nsrun -l cap-add -x -a '(__nsrun_caps)' -d 'keep or add capabilities (comma list)'
complete -c nsrun -l no-new-privs -d 'set no_new_privs'
complete -c nsrun -l keep-caps -d 'keep the user namespace\'s capabilities (ambient)'
complete -c nsrun -l clear-env -d 'run the command with an empty environment'
complete -c nsrun -l whitelist-env -x -a '(set -n)' -d 'the same, but keep the variables of LIST'
complete -c nsrun -l verbose -d 'say which program writes the id maps'
complete -c nsrun -l seccomp -r -a 'default unconfined (__fish_complete_suffix .json)' -d 'filter system calls: default, unconfined, or a JSON profile'
complete -c nsrun -l seccomp-log -d 'log what the profile would refuse, refuse nothing'
complete -c nsrun -l preserve-fds -x -d 'pass descriptors 3 to 2+N (where others are closed)'
complete -c nsrun -l keep-fd -x -a '(__nsrun_fds)' -d 'pass descriptor FD (repeatable; where others are closed)'
complete -c nsrun -l default-signal -f -a 'INT QUIT HUP TERM PIPE USR1 USR2' -d 'start the command with SIGS at their default action'
complete -c nsrun -s h -l help -d 'show this help'
complete -c nsrun -s V -l version -d 'show the version'

# after the options: the command, and its own completion
complete -c nsrun -x -a "(__fish_complete_subcommand)"
