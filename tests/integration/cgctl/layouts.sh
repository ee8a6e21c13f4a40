#!/bin/sh
# On a hybrid machine, run the cgctl tests again on the two other layouts,
# emulated in a mount namespace of our own: legacy (the v2 mount hidden)
# and unified (the v1 mounts hidden, cgroup2 mounted on /sys/fs/cgroup).
# The emulated unified layout offers only the controllers that no v1
# hierarchy holds, so it runs the tests that need none; together they
# exercise clone3(CLONE_INTO_CGROUP), cgroup.kill, cgroup.freeze, events
# of cgroup.events and v1's freezer.state. Elsewhere (the VM boots a real
# unified or legacy kernel) the tests run on that layout directly and
# there is nothing to emulate.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
layout=$(cg_layout)
if [ "$layout" != hybrid ]; then
	log "the layout is $layout: the other tests run on it directly"
	exit 0
fi
isolate --mount

# emulate LAYOUT SCRIPT ARG...: run SCRIPT in a child mount namespace
# whose cgroup mounts look like LAYOUT.
emulate() {
	# shellcheck disable=SC2016 # expanded by the inner sh
	unshare --mount --propagation private -- sh -c '
		set -e
		layout=$1 script=$2
		shift 2
		mounts() {
			awk -v t="$1" "{ for (i = 7; i <= NF; i++) if (\$i == \"-\") break
				if (\$(i + 1) ~ t) print \$5 }" /proc/self/mountinfo | sort -r
		}
		if [ "$layout" = legacy ]; then
			for m in $(mounts "^cgroup2\$"); do umount "$m"; done
		else
			for m in $(mounts "^cgroup2?\$"); do umount "$m"; done
			mount -t cgroup2 cgroup2 /sys/fs/cgroup
		fi
		exec sh "$script" "$@"' sh "$@"
}

cat >"$TMP_DIR/check.sh" <<'INNER'
. "$NSKIT_SRCDIR/tests/integration/lib.sh"
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
assert_eq "$1" "$(cg_layout)" "emulated layout"
INNER

# run_as LAYOUT TEST...: each test must pass there.
run_as() {
	_layout=$1
	shift
	emulate "$_layout" "$TMP_DIR/check.sh" "$_layout" || fail "could not emulate $_layout"
	for _t in "$@"; do
		_s=0
		emulate "$_layout" "$NSKIT_SRCDIR/tests/integration/cgctl/$_t.sh" \
			>"$TMP_DIR/$_t.log" 2>&1 || _s=$?
		[ "$_s" = 0 ] || fail "$_t on the emulated $_layout layout: exit $_s: $(cat "$TMP_DIR/$_t.log")"
	done
}

run_as legacy create-limits memory-oom pids-max freeze exec-membership attach kill wait \
	delete stat-list-json bad-input internal-processes
run_as unified exec-membership freeze kill wait delete internal-processes
log "ran on emulated legacy and unified layouts"
