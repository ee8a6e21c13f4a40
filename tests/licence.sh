#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every source, header, script, build file, man page, completion, test,
# example and benchmark carries the licence line (scripts/spdx --check; run
# scripts/spdx to add it). No root needed.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"

out=$(sh "$NSKIT_SRCDIR/scripts/spdx" --check) ||
	fail "$(printf '%s\n' "$out" | tail -n 1): $(printf '%s\n' "$out" | head -n 5 | sed 's/^spdx: //; s/: no SPDX.*//' | tr '\n' ' ')"
log "$out"
