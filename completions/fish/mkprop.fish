# SPDX-License-Identifier: GPL-2.0-or-later
# fish completion for mkprop(1): change mount propagation

complete -c mkprop -l private -d 'receive and send no mount events'
complete -c mkprop -l shared -d 'join a peer group: send and receive mount events'
complete -c mkprop -l slave -d 'receive mount events from the peer group, send none'
complete -c mkprop -l unbindable -d 'private, and refuse to be bind mounted'
complete -c mkprop -s r -l recursive -d 'also every mount beneath each PATH'
complete -c mkprop -s t -l target -x -a '(__fish_complete_pids) -' -d 'act in the mount namespace of process PID'
complete -c mkprop -l show -d 'show the propagation of each mount (or of PATHs)'
complete -c mkprop -l json -d 'with --show: print JSON'
complete -c mkprop -s h -l help -d 'show this help'
complete -c mkprop -s V -l version -d 'show the version'
