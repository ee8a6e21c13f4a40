#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --show takes util-linux's output options: -o selects and orders columns
# (+COL adds to the default), --output-all shows every column --help lists,
# -n drops the header, --raw (long only: -r is --recursive) one space, -J
# JSON under "mounts" with findmnt's keys and numbers as numbers, -u; the
# values are mountinfo's. Bad columns and options without --show: one line,
# 125, nothing printed.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
require_cmd jq
mount_tree
id=$(awk -v p="$A" '$5 == p { print $1 }' /proc/self/mountinfo)
parent=$(awk -v p="$A" '$5 == p { print $2 }' /proc/self/mountinfo)
group=$(optional_fields "$A")

# -o: these columns, in this order, any case
assert_status 0 "-o target,propagation" -- "$MKPROP" --show -o target,Propagation "$A"
assert_eq "TARGET PROPAGATION" "$(words "$(cat "$TMP_DIR/stdout")")" "header of -o"
assert_eq "$A shared" "$(words "$(sed -n 2p "$TMP_DIR/stdout")")" "row of -o"
assert_eq 2 "$(wc -l <"$TMP_DIR/stdout")" "lines of -o"
# +COL: the default, then ID again
assert_status 0 "-o +id" -- "$MKPROP" --show -o +id "$A"
assert_eq "ID PARENT PROPAGATION PEER MASTER OPT-FIELDS TARGET ID" \
	"$(words "$(cat "$TMP_DIR/stdout")")" "header of -o +COL"
# --output-all: every column --help lists, in its order
assert_status 0 "--output-all" -- "$MKPROP" --show --output-all "$A"
assert_eq "$(help_columns "$MKPROP" | tr '\n' ' ' | sed 's/ $//')" \
	"$(words "$(cat "$TMP_DIR/stdout")")" "--output-all and --help"
# -n: no header; --raw: one space between cells, the values of mountinfo
assert_status 0 "-n --raw" -- "$MKPROP" --show -n --raw -o id,parent,opt-fields,target "$A"
assert_eq "$id $parent $group $A" "$(cat "$TMP_DIR/stdout")" "-n --raw"
assert_status 0 "-u" -- "$MKPROP" --show -u -n -o target "$A"
assert_eq "$A" "$(words "$(cat "$TMP_DIR/stdout")")" "-u"

# -J: one key, mounts; findmnt's names; numbers as numbers, absent as null
assert_status 0 "-J" -- "$MKPROP" --show -J "$A"
json=$TMP_DIR/stdout
assert_eq '["mounts"]' "$(jq -c keys "$json")" "the top-level key"
assert_eq '["id","master","opt-fields","parent","peer","propagation","target"]' \
	"$(jq -c '.mounts[0] | keys' "$json")" "the keys"
assert_eq "number number number null" \
	"$(jq -r '.mounts[0] | [.id, .parent, .peer, .master] | map(type) | join(" ")' "$json")" "types"
assert_eq "$id $parent ${group#shared:} $group shared $A" \
	"$(jq -r '.mounts[0] | "\(.id) \(.parent) \(.peer) \(."opt-fields") \(.propagation) \(.target)"' "$json")" \
	"values"
assert_status 0 "-J -o" -- "$MKPROP" --show -J -o target "$A"
assert_eq '["target"]' "$(jq -c '.mounts[0] | keys' "$json")" "-J -o: only the column asked for"

# refusals: one line, 125, nothing on stdout
assert_status 125 "-o nope" -- "$MKPROP" --show -o target,nope
assert_one_line_error mkprop "--output target,nope: unknown column nope"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "nothing printed for a bad column"
assert_status 125 "-o ''" -- "$MKPROP" --show -o ""
assert_one_line_error mkprop "--output : empty column name"
assert_status 125 "-o +" -- "$MKPROP" --show -o +
assert_one_line_error mkprop "--output \+: empty column name"
assert_status 125 "-o and --output-all" -- "$MKPROP" --show -o id --output-all
assert_one_line_error mkprop "--output and --output-all: choose one"
assert_status 125 "-o without --show" -- "$MKPROP" --private -o id "$A"
assert_one_line_error mkprop "--output goes with --show"
assert_status 125 "--raw without --show" -- "$MKPROP" --private --raw "$A"
assert_one_line_error mkprop "--raw goes with --show"
# -r stays --recursive
assert_status 125 "--show -r" -- "$MKPROP" --show -r "$A"
assert_one_line_error mkprop "--show does not go with --recursive"
assert_eq shared "$(awk -v p="$A" '$5 == p { print ($7 ~ /^shared:/ ? "shared" : $7) }' /proc/self/mountinfo)" \
	"nothing changed by the refusals"
