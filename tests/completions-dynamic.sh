#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The completions that read the machine offer what is there, in bash, zsh
# and fish alike:
#   cgctl delete --parent self <TAB>   the groups beneath our own cgroup
#   vethup --delete <TAB>              host ends of veth pairs and the bridges
#                                      vethup made; not other bridges, not
#                                      stacked links (a macvlan), not lo
#   vethup --netns <TAB>               the names in /run/netns, not the files
#                                      of the current directory
# The links live in a network namespace of the test's own, seen through a
# sysfs mounted in its own mount namespace, and /run is a tmpfs there.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
require_cmd bash zsh fish ip
bash_completion=/usr/share/bash-completion/bash_completion
[ -f "$bash_completion" ] || skip "needs bash-completion ($bash_completion)"
require_tool cgctl
require_tool vethup
require_tool nsrun
comp=$NSKIT_SRCDIR/completions

# bash_complete TOOL WORD...: what bash's completion of TOOL offers for the
# last WORD, one per line, sorted.
bash_complete() {
	bash -c '. "$1"; . "$2"; f=_$3; shift 3
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		"$f" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' sh "$bash_completion" "$comp/$1" "$@" | sed '/^$/d' | sort
}

# zsh_complete TOOL FUNCTION WORD...: what FUNCTION of zsh's completion of
# TOOL offers for the last WORD, with compadd and the other completion
# builtins stubbed to print what they are given.
zsh_complete() {
	zsh -f -c '
		compadd() {
			while (( $# )); do
				case $1 in
				-a) shift; print -l -- ${(P@)1} ;;
				-S | -J | -X) shift ;;
				-|--) shift; print -l -- "$@"; return ;;
				-*) ;;
				*) print -- $1 ;;
				esac
				shift
			done
		}
		_wanted() { shift 3; "$@"; }
		_files() { print -- "<files>"; }
		_arguments() { return 1; }
		_describe() { return 1; }
		file=$1 fn=$2; shift 2
		source $file
		words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}
		$fn' zsh "$comp/zsh/_$1" "$2" "$@" | sed '/^$/d' | sort
}

# fish_complete TOOL LINE: what fish's completion of TOOL offers at the end
# of LINE.
fish_complete() {
	fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$comp/fish/$1.fish" "$2" |
		cut -f1 | sort
}

# offers_all WHAT LIST WORD...: each WORD is in LIST (lines).
offers_all() {
	_what=$1 _list=$2
	shift 2
	for _w; do
		printf '%s\n' "$_list" | grep -qx -- "$_w" || fail "$_what: '$_w' not offered (got: $(echo $_list))"
	done
}

# --- cgctl: groups beneath --parent self ---------------------------------------
group=nskit-comp-$$
"$CGCTL" create --parent self "$group" >/dev/null || fail "cgctl create --parent self $group"
on_exit "'$CGCTL' delete --parent self '$group'"
"$CGCTL" create --parent self "$group/inner" >/dev/null || fail "cgctl create --parent self $group/inner"
on_exit "'$CGCTL' delete --parent self '$group/inner'"

got=$(bash_complete cgctl cgctl delete --parent self '')
offers_all "bash: cgctl delete --parent self" "$got" "$group" "$group/inner"
got=$(zsh_complete cgctl _cgctl_groups delete --parent self '')
offers_all "zsh: cgctl delete --parent self" "$got" "$group" "$group/inner"
got=$(fish_complete cgctl "cgctl delete --parent self ")
offers_all "fish: cgctl delete --parent self" "$got" "$group" "$group/inner"
got=$(fish_complete cgctl "cgctl delete --parent self $group/")
offers_all "fish: cgctl delete --parent self $group/" "$got" "$group/inner"
# now: the sysfs mounted below hides the cgroup hierarchies from cgctl
"$CGCTL" delete --parent self "$group/inner" && "$CGCTL" delete --parent self "$group" ||
	fail "cgctl delete --parent self $group"

# --- vethup --delete: what vethup made -----------------------------------------
mount -t sysfs sysfs /sys || hard_error "mounting a sysfs of this network namespace"
held=$("$NSRUN" -n --detach --hold -- sleep 600) || fail "nsrun -n --detach --hold"
kill_later "${held%%:*}"
"$VETHUP" -t "$held" --name nskh0 --bridge nskbr0 >/dev/null || fail "vethup --bridge nskbr0"
ip link add nskother type bridge || hard_error "ip link add nskother type bridge"
"$VETHUP" -t "$held" --name nskh1 --peer eth1 >/dev/null || fail "vethup --name nskh1"
ip link add link nskh1 name nskmv0 type macvlan || hard_error "a macvlan on nskh1"
want="nskbr0
nskh0
nskh1"
assert_eq "$want" "$(bash_complete vethup vethup --delete '')" "bash: vethup --delete"
assert_eq "$want" "$(zsh_complete vethup _vethup_made vethup --delete '')" "zsh: vethup --delete"
assert_eq "$want" "$(fish_complete vethup 'vethup --delete ')" "fish: vethup --delete"

# --- vethup --netns: /run/netns names, not the current directory ---------------
mount -t tmpfs tmpfs /run || hard_error "mounting a tmpfs on /run"
mkdir /run/netns && touch /run/netns/nsA /run/netns/nsB || hard_error "making /run/netns"
mkdir "$TMP_DIR/cwd" && touch "$TMP_DIR/cwd/afile" && cd "$TMP_DIR/cwd" || hard_error "a directory with a file"
want="nsA
nsB"
assert_eq "$want" "$(bash_complete vethup vethup --netns '')" "bash: vethup --netns"
assert_eq "$want" "$(zsh_complete vethup _vethup_netns vethup --netns '')" "zsh: vethup --netns"
assert_eq "$want" "$(fish_complete vethup 'vethup --netns ')" "fish: vethup --netns"
log "cgctl's groups and vethup's links and netns names offered in bash, zsh and fish"
