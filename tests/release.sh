#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The release is named everywhere a user reads it: each tool's --version
# prints PACKAGE VERSION, and each man page's .TH line carries
# "nskit VERSION" as its footer (man/man.am). No root needed.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"

[ -n "${NSKIT_TOOLS:-}" ] || hard_error "NSKIT_TOOLS is not set (run through make check)"
version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$NSKIT_BUILDDIR/config.h")
[ -n "$version" ] || hard_error "no PACKAGE_VERSION in $NSKIT_BUILDDIR/config.h"

for bin in $NSKIT_TOOLS; do
	name=$(basename "$bin")
	line=$("$NSKIT_BUILDDIR/$bin" --version) || fail "$name --version: exit status $?"
	assert_eq "$name (nskit) $version" "$line" "$name --version"
done

# A page is built in the build tree, or shipped prebuilt in the source tree
# of a release tarball built without scdoc.
pages=0
for scd in "$NSKIT_SRCDIR"/man/*.scd; do
	page=$(basename "$scd" .scd)
	roff="$NSKIT_BUILDDIR/man/$page"
	[ -f "$roff" ] || roff="$NSKIT_SRCDIR/man/$page"
	[ -f "$roff" ] || fail "$page: not built"
	th=$(grep '^\.TH ' "$roff") || fail "$page: no .TH line"
	assert_match "\"nskit $version\"" "$th" "$page's .TH line"
	pages=$((pages + 1))
done
[ "$pages" -gt 0 ] || fail "no man page checked"
log "version $version in $pages man pages and every --version"
