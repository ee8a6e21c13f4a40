#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every completion parses in its shell: bash -n for completions/TOOL, zsh -n
# for completions/zsh/_TOOL, fish -n for completions/fish/TOOL.fish. (That
# each names every option is tests/check-options.sh; what the dynamic ones
# offer is tests/completions-dynamic.sh.) No root needed.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_cmd bash zsh fish

files=0
for f in "$NSKIT_SRCDIR"/completions/*; do
	[ -f "$f" ] || continue
	bash -n "$f" 2>"$TMP_DIR/err" || fail "bash -n $f: $(head -n 1 "$TMP_DIR/err")"
	files=$((files + 1))
done
for f in "$NSKIT_SRCDIR"/completions/zsh/_*; do
	zsh -n "$f" 2>"$TMP_DIR/err" || fail "zsh -n $f: $(head -n 1 "$TMP_DIR/err")"
	head -n 1 "$f" | grep -q "^#compdef $(basename "$f" | cut -c2-)\$" ||
		fail "$f: the first line is not #compdef $(basename "$f" | cut -c2-)"
	files=$((files + 1))
done
for f in "$NSKIT_SRCDIR"/completions/fish/*.fish; do
	fish -n "$f" 2>"$TMP_DIR/err" || fail "fish -n $f: $(head -n 1 "$TMP_DIR/err")"
	files=$((files + 1))
done
[ "$files" -ge 21 ] || fail "only $files completion files"
log "$files completion files parse"
