#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A namespace persisted to a file (nsrun --net=FILE) stays listed after its
# last process is gone: a row with no PID, the state "persisted", the file,
# and what the namespace holds (its links); --namespaces lists it with no
# process, as lsns does not. While a process holds it, the file is shown
# on that container's row instead.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/nsls/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsls/helpers.sh"
require_cmd ip
require_tool nsjoin

file=$TMP_DIR/netns
on_exit "umount '$file'"
"$NSRUN" -n --net="$file" -- ip link add nslsa type veth peer name nslsb ||
	fail "nsrun --net=FILE: exit status $?"
ino=$(stat -L -c %i "$file") || fail "stat $file"

r=$("$NSLS" -J --output-all | jq -c --arg f "$file" '.containers[] | select(.nsfs == $f)')
[ -n "$r" ] || fail "no row for $file: $("$NSLS" --output-all)"
assert_eq null "$(field "$r" pid)" "no process: no PID"
assert_eq 0 "$(field "$r" nprocs)" "no process"
assert_eq persisted "$(field "$r" state)" "state"
assert_eq net "$(field "$r" ns)" "the namespace type"
# in index order: the kernel makes the peer first
assert_eq "nslsb(down), nslsa(down)" "$(field "$r" links)" "what the namespace holds"

# --namespaces: NPROCS 0 and the file, as NSFS and as the PATH to open
n=$("$NSLS" --namespaces -N net -J -o ns,nprocs,pid,nsfs,path |
	jq -c --argjson i "$ino" '.namespaces[] | select(.ns == $i)')
[ -n "$n" ] || fail "namespace $ino not listed by --namespaces"
assert_eq 0 "$(field "$n" nprocs)" "--namespaces: no process"
assert_eq null "$(field "$n" pid)" "--namespaces: no PID"
assert_eq "$file" "$(field "$n" nsfs)" "--namespaces: NSFS"
assert_eq "$file" "$(field "$n" path)" "--namespaces: PATH"

# A process in it: the file moves to that container's row.
pid=$(detached --pid -- "$NSJOIN" --net="$file" -- sleep 4243.25) ||
	fail "nsrun --detach"
# the init's child joins the file's namespace: a container of its own
wait_for '[ -n "$(children_of "$pid")" ]' || fail "the command did not start"
sleeper=$(children_of "$pid")
wait_for '[ "$(ns_inode "$sleeper" net)" = "$ino" ]' || fail "nsjoin did not join $file"
c=$("$NSLS" -J --output-all | jq -c --argjson p "$sleeper" \
	'.containers[] | select(.pid == $p)')
[ -n "$c" ] || fail "the process in the namespace has no row: $("$NSLS" --output-all)"
assert_eq "$file" "$(field "$c" nsfs)" "the file on the row of the process holding it"
assert_eq "" "$("$NSLS" -J | jq -c --arg f "$file" '.containers[] | select(.state == "persisted" and .nsfs == $f)')" \
	"no row of its own while a process holds it"
