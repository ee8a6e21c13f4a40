# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# Helpers of the nsls tests (sourced after tests/integration/lib.sh and
# `isolate`: the test's own mount and network namespaces play the host's,
# so every container here is one the test made and nothing touches the
# machine's interfaces).

require_tool nsls
require_tool nsrun
require_cmd jq
[ -n "${NSKIT_ISOLATED:-}" ] || hard_error "not isolated: call isolate first"

# nsls prints maps as 0->100000 x65536 outside a UTF-8 locale: the tests
# compare that form.
LC_ALL=C
export LC_ALL

# Containers this test made are killed at exit (a list file, so that
# `pid=$(detached ...)` run in a subshell still registers them).
on_exit 'while read -r _c; do kill -KILL "$_c"; done <"$TMP_DIR/containers"'
: >"$TMP_DIR/containers"
# detached NSRUN-ARGS...: nsrun --detach ARGS; prints the handle.
detached() {
	_pid=$("$NSRUN" --detach "$@") || hard_error "nsrun --detach $*: failed"
	echo "$_pid" >>"$TMP_DIR/containers"
	echo "$_pid"
}

# row PID [NSLS-ARGS...]: the container whose PID is PID in nsls -J, as
# one line of JSON ("" when it is not listed).
row() {
	_p=$1
	shift
	"$NSLS" -J "$@" | jq -c --argjson p "$_p" '.containers[] | select(.pid == $p)'
}

# field JSON NAME: one field of a row, raw.
field() {
	printf '%s\n' "$1" | jq -r ".$2"
}
