#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The pipeline `nsrun -U --detach --hold ... | nsmap ... | nsrun --release`
# run by an unprivileged user with a subuid grant gives the command uid 0
# inside, and the files it creates belong to the granted range on the host.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
isolate
user_fixture

# run_pipeline DIR NSMAP-ARGS...: the held command records its ids and
# creates DIR/file; prints the handle the pipeline ends with.
run_pipeline() {
	_d=$1
	shift
	mkdir "$_d" && chmod 777 "$_d" || hard_error "mkdir $_d"
	as_user sh -c 'd=$1 nsmap=$2; shift 2
		"$NSRUN" -U --detach --hold -- sh -c "id -u >$d/uid; id -g >$d/gid; touch $d/file" |
			"$nsmap" "$@" | "$NSRUN" --release' sh "$_d" "$CAP_NSMAP" "$@" >"$_d.out" 2>"$_d.err"
	_st=$?
	[ $_st = 0 ] || fail "pipeline $*: exit status $_st: $(cat "$_d.err")"
	[ -s "$_d.out" ] || fail "pipeline $*: no handle at its end"
	kill_later "$(cat "$_d.out")"
	wait_for "[ -e $_d/file ]" || fail "pipeline $*: the command did not run"
}

run_pipeline "$SHARED/ranges" --uid 0:$FIX_SUBUID:$FIX_COUNT --gid 0:$FIX_SUBGID:$FIX_COUNT
assert_eq 0 "$(cat "$SHARED/ranges/uid")" "id -u inside"
assert_eq 0 "$(cat "$SHARED/ranges/gid")" "id -g inside"
assert_eq "$FIX_SUBUID:$FIX_SUBGID" "$(stat -c %u:%g "$SHARED/ranges/file")" "owner on the host"
assert_eq "" "$(cat "$SHARED/ranges.err")" "stderr of the pipeline"

run_pipeline "$SHARED/auto" --auto
assert_eq 0 "$(cat "$SHARED/auto/uid")" "id -u inside (--auto)"
assert_eq "$FIX_UID:$FIX_GID" "$(stat -c %u:%g "$SHARED/auto/file")" "owner on the host (--auto)"

# an ungranted range breaks the pipeline at nsmap: one line, the held
# process is never released and has no maps
mkdir "$SHARED/refused" && chmod 777 "$SHARED/refused"
as_user sh -c '"$NSRUN" -U --detach --hold -- touch "$1/file" | tee "$1/handle" |
	"$2" --uid 0:100000:65536 | "$NSRUN" --release' sh "$SHARED/refused" "$CAP_NSMAP" \
	>"$TMP_DIR/stdout" 2>"$TMP_DIR/stderr" && fail "a refused pipeline succeeded"
h=$(cat "$SHARED/refused/handle")
kill_later "$h"
grep -q "^nsmap: /proc/$h/uid_map: range 0:100000:65536 is neither your own uid $FIX_UID nor granted to $FIX_USER (uid $FIX_UID) by /etc/subuid\$" \
	"$TMP_DIR/stderr" || fail "refusal message: $(cat "$TMP_DIR/stderr")"
assert_unmapped "$h"
[ ! -e "$SHARED/refused/file" ] || fail "the held command ran"
