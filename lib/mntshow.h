/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Mounts as `mkprop --show` prints them, one row each: id, parent,
 * propagation, peer group, master, optional fields, mount point. mkprop
 * --show and nsls -t print the same table. */
#pragma once
#include "mountinfo.h"
#include "output.h"

enum {
	MNTSHOW_ID, MNTSHOW_PARENT, MNTSHOW_PROPAGATION, MNTSHOW_PEER, MNTSHOW_MASTER,
	MNTSHOW_OPTIONAL, MNTSHOW_TARGET, MNTSHOW_NCOLS
};
extern const struct out_column mntshow_columns[MNTSHOW_NCOLS];

/* Add the row of mount e to a table of mntshow_columns, or of the columns
 * sel selects of them (NULL: all): 0 or -ENOMEM. */
int mntshow_add_row(struct libscols_table *tb, const struct mnt_entry *e,
		    const struct out_selection *sel);
