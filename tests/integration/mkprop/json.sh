#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --show --json prints the same facts as JSON, numbers as numbers and
# absent fields as null.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
require_cmd jq
mount_tree
mount --make-private "$A/sub" || hard_error "make-private"
group=$(optional_fields "$A")
id=$(awk -v p="$A" '$5 == p { print $1 }' /proc/self/mountinfo)

assert_status 0 "mkprop --show --json" -- "$MKPROP" --show "$A" "$A/sub" --json
json=$TMP_DIR/stdout
assert_eq 2 "$(jq '.mounts | length' "$json")" "number of mounts"
assert_eq "$id" "$(jq '.mounts[0].id' "$json")" "id"
assert_eq "\"shared\" ${group#shared:} null \"$group\" \"$A\"" \
	"$(jq -r '.mounts[0] | "\(.propagation | tojson) \(.peer) \(.master) \(."opt-fields" | tojson) \(.target | tojson)"' "$json")" "$A"
assert_eq "\"private\" null null null \"$A/sub\" $id" \
	"$(jq -r '.mounts[1] | "\(.propagation | tojson) \(.peer) \(.master) \(."opt-fields") \(.target | tojson) \(.parent)"' "$json")" "$A/sub"
assert_eq number "$(jq -r '.mounts[0].peer | type' "$json")" "type of peer"
