#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every long option a tool's --help lists is in its man page and its bash,
# zsh and fish completions, and every option those name is in --help; --help
# and --version exit 0 and an unknown option exits 125 with one line.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"

[ -n "${NSKIT_TOOLS:-}" ] || hard_error "NSKIT_TOOLS is not set (run through make check)"

# long_options FILE: the --long-options named in a text, one per line.
long_options() {
	sed 's/\\-/-/g' "$1" | grep -o -- '--[a-z][a-z0-9-]*[a-z0-9]' | sort -u
}

# fish_long_options FILE: the options a fish completion names (complete ... -l NAME).
fish_long_options() {
	grep '^complete ' "$1" | grep -o -- ' -l [a-z][a-z0-9-]*[a-z0-9]' | sed 's/^ -l /--/' | sort -u
}

# options_sections MANPAGE: the sections of an scdoc page whose heading
# says OPTIONS (examples elsewhere may name other tools' options).
options_sections() {
	awk '/^# / { keep = ($0 ~ /OPTIONS/) } keep' "$1"
}

checked=0
for bin in $NSKIT_TOOLS; do
	name=$(basename "$bin")
	exe="$NSKIT_BUILDDIR/$bin"
	man="$NSKIT_SRCDIR/man/$name.1.scd"
	bash="$NSKIT_SRCDIR/completions/$name"
	zsh="$NSKIT_SRCDIR/completions/zsh/_$name"
	fish="$NSKIT_SRCDIR/completions/fish/$name.fish"
	[ -f "$man" ] || fail "$name: no man page $man"
	for comp in "$bash" "$zsh" "$fish"; do
		[ -f "$comp" ] || fail "$name: no completion $comp"
	done

	"$exe" --help >"$TMP_DIR/help" 2>&1 || fail "$name --help: exit status $?"
	"$exe" --version >"$TMP_DIR/version" 2>&1 || fail "$name --version: exit status $?"
	grep -q "$name" "$TMP_DIR/version" || fail "$name --version does not name the tool"
	assert_status 125 "$name --no-such-option" -- "$exe" --no-such-option
	assert_one_line_error "$name" "no-such-option"

	long_options "$TMP_DIR/help" >"$TMP_DIR/help.opts"
	options_sections "$man" >"$TMP_DIR/man.text"
	long_options "$TMP_DIR/man.text" >"$TMP_DIR/man.opts"
	long_options "$bash" >"$TMP_DIR/bash.opts"
	long_options "$zsh" >"$TMP_DIR/zsh.opts"
	fish_long_options "$fish" >"$TMP_DIR/fish.opts"
	[ -s "$TMP_DIR/help.opts" ] || fail "$name --help lists no long option"
	for other in man bash zsh fish; do
		missing=$(comm -23 "$TMP_DIR/help.opts" "$TMP_DIR/$other.opts" | tr '\n' ' ')
		[ -z "$missing" ] || fail "$name: in --help but not in the $other file: $missing"
		extra=$(comm -13 "$TMP_DIR/help.opts" "$TMP_DIR/$other.opts" | tr '\n' ' ')
		[ -z "$extra" ] || fail "$name: in the $other file but not in --help: $extra"
	done
	checked=$((checked + 1))
done
[ "$checked" -gt 0 ] || fail "no tool checked"
log "checked $checked tools"
