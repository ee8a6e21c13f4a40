# SPDX-License-Identifier: GPL-2.0-or-later
# fish completion for nsroot(1): switch a mount namespace to a new root

function __nsroot_fds
	command ls /proc/self/fd 2>/dev/null
end

complete -c nsroot -l proc -d 'mount a fresh proc on /proc, kernel knobs masked'
complete -c nsroot -l proc-unmasked -d 'mount a fresh proc on /proc with nothing masked'
complete -c nsroot -l dev -d 'a tmpfs /dev with the basic devices, devpts and shm'
complete -c nsroot -l sys -d 'mount sysfs read-only on /sys, /sys/firmware empty'
complete -c nsroot -l tmp -d 'mount a tmpfs on /tmp'
complete -c nsroot -l ro -d 'make the new root read-only'
complete -c nsroot -l bind -r -F -d 'bind SRC onto DST inside the new root'
complete -c nsroot -l ro-bind -r -F -d 'bind SRC onto DST, read-only'
complete -c nsroot -l overlay -r -a '(__fish_complete_directories)' -d 'the root is an overlay of these read-only layers and a tmpfs'
complete -c nsroot -s w -l wd -r -a '(__fish_complete_directories)' -d 'working directory (default /)'
complete -c nsroot -l preserve-fds -x -d 'pass descriptors 3 to 2+N (others are closed)'
complete -c nsroot -l keep-fd -x -a '(__nsroot_fds)' -d 'pass descriptor FD (repeatable; others are closed)'
complete -c nsroot -l default-signal -f -a 'INT QUIT HUP TERM PIPE USR1 USR2' -d 'start the command with SIGS at their default action'
complete -c nsroot -s h -l help -d 'show this help'
complete -c nsroot -s V -l version -d 'show the version'
