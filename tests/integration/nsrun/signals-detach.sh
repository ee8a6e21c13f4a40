#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A TERM that reaches nsrun --detach after it made a namespace file and
# gave its holder the go, before the handle is printed, ends it with
# 128+15 and nothing left: no file, no bind mount, no holder (found by the
# PID-reuse and signals work of issue 14 §4: the file and the holder
# stayed).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_tool nsrun
require_cmd strace
isolate
ns_file_dir
d=$NS_DIR
marker=4246.$$
# what a regression would leave: the held command, ended at exit
on_exit "kill -KILL \$(pids_with_arg $marker 2>/dev/null) 2>/dev/null"

# held at the return of its first send: the go to the holder, the file
# made before it
paused sendto 1 "" "$NSRUN" --net="$d/net" --uts --detach --hold -- sleep "$marker"
assert_eq nsfs "$(stat -f -c %T "$d/net")" "the file is made when nsrun is held"
kill -TERM "$PAUSED"
resume
assert_eq 143 "$PAUSED_STATUS" "nsrun's exit status after TERM"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "no handle printed"
assert_ns_dir_empty "TERM before the handle"
wait_for '[ -z "$(pids_with_arg $marker 2>/dev/null)" ]' || fail "the held command is left"
