# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=sh
# Helpers of the mkprop tests (sourced after lib.sh and isolate).

# optional_fields PATH: the optional fields (shared:N master:N ...) of the
# topmost mount at PATH in our mountinfo, space separated.
optional_fields() {
	awk -v p="$1" '$5 == p { o = ""; for (i = 7; $i != "-"; i++) o = o (o == "" ? "" : " ") $i; r = o }
		END { print r }' /proc/self/mountinfo
}

# mount_tree: tmpfs mounts $A and $A/sub to play with, made shared by
# mount(8) so that each test starts from a known propagation.
mount_tree() {
	A=$TMP_DIR/a
	mkdir "$A" || hard_error "mkdir $A"
	mount -t tmpfs mkprop-a "$A" || hard_error "mount tmpfs on $A"
	on_exit "umount -R '$A'"
	mkdir "$A/sub" && mount -t tmpfs mkprop-sub "$A/sub" || hard_error "mount tmpfs on $A/sub"
	mount --make-rshared "$A" || hard_error "mount --make-rshared $A"
}
