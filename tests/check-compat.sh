#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun takes every option of unshare(1) and nsjoin every option of
# nsenter(1): those of util-linux master (tests/compat/*.options) and
# those the installed util-linux's --help lists. An option a tool lacks
# must be named in the COMPATIBILITY section of its man page, with why.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"

[ -n "${NSKIT_BUILDDIR:-}" ] || hard_error "NSKIT_BUILDDIR is not set (run through make check)"

# compat_section MANPAGE: the text of its COMPATIBILITY section.
compat_section() {
	awk '/^# / { keep = ($0 ~ /COMPATIBILITY/) } keep' "$1"
}

# upstream_options LIST CMD: the option names of LIST, and of CMD --help
# when CMD is installed, one per line.
upstream_options() {
	sed 's/#.*//' "$1" | tr -s ' \t' '\n\n' | sed '/^$/d'
	if command -v "$2" >/dev/null 2>&1; then
		"$2" --help 2>/dev/null | grep -o -- '--[a-z][a-z0-9-]*[a-z0-9]'
		"$2" --help 2>/dev/null | grep -Eo -- '^ +-[A-Za-z],' | tr -d ' ,'
	fi
}

checked=0
for pair in unshare:nsrun nsenter:nsjoin; do
	theirs=${pair%:*}
	ours=${pair#*:}
	"$NSKIT_BUILDDIR/src/$ours" --help >"$TMP_DIR/help" || fail "$ours --help"
	man=$NSKIT_SRCDIR/man/$ours.1.scd
	compat_section "$man" >"$TMP_DIR/compat"
	[ -s "$TMP_DIR/compat" ] || fail "$ours(1) has no COMPATIBILITY section"
	for opt in $(upstream_options "$NSKIT_SRCDIR/tests/compat/$theirs.options" "$theirs" | sort -u); do
		case $opt in
		--*) grep -Eq -- "(^|[ ,])$opt([= [,]|\$)" "$TMP_DIR/help" && continue ;;
		-?) grep -Eq -- "^ +$opt," "$TMP_DIR/help" && continue ;;
		*) fail "$theirs: '$opt' is not an option name" ;;
		esac
		sed 's/\\-/-/g' "$TMP_DIR/compat" | grep -q -- "\\*$opt\\*" ||
			fail "$ours lacks $theirs's $opt, and its COMPATIBILITY section does not say why"
		log "$ours lacks $opt (its man page says why)"
	done
	checked=$((checked + 1))
done
log "checked $checked tools against util-linux"
