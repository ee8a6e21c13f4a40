/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>

#include "dl-smartcols.h"
#include "mntshow.h"

const struct out_column mntshow_columns[MNTSHOW_NCOLS] = {
	/* findmnt's names where findmnt shows the same (ID, PARENT,
	 * PROPAGATION, OPT-FIELDS, TARGET) */
	[MNTSHOW_ID] = { "ID", 0, SCOLS_FL_RIGHT, true, "mount ID" },
	[MNTSHOW_PARENT] = { "PARENT", 0, SCOLS_FL_RIGHT, true, "mount parent ID" },
	[MNTSHOW_PROPAGATION] = { "PROPAGATION", 0, 0, false,
				  "shared, slave, private or unbindable (and shared,slave)" },
	[MNTSHOW_PEER] = { "PEER", 0, SCOLS_FL_RIGHT, true, "peer group ID (shared:N)" },
	[MNTSHOW_MASTER] = { "MASTER", 0, SCOLS_FL_RIGHT, true,
			     "peer group it receives from (master:N)" },
	[MNTSHOW_OPTIONAL] = { "OPT-FIELDS", 0, 0, false, "optional mount fields" },
	[MNTSHOW_TARGET] = { "TARGET", 0, 0, false, "mountpoint" },
};

int mntshow_add_row(struct libscols_table *tb, const struct mnt_entry *e,
		    const struct out_selection *sel)
{
	char id[16], parent[16], peer[16], master[16];
	const char *cells[MNTSHOW_NCOLS];

	snprintf(id, sizeof(id), "%d", e->id);
	snprintf(parent, sizeof(parent), "%d", e->parent_id);
	snprintf(peer, sizeof(peer), "%d", e->shared);
	snprintf(master, sizeof(master), "%d", e->master);
	cells[MNTSHOW_ID] = id;
	cells[MNTSHOW_PARENT] = parent;
	cells[MNTSHOW_PROPAGATION] = mnt_entry_propagation(e);
	cells[MNTSHOW_PEER] = e->shared ? peer : NULL;
	cells[MNTSHOW_MASTER] = e->master ? master : NULL;
	cells[MNTSHOW_OPTIONAL] = *e->optional ? e->optional : NULL;
	cells[MNTSHOW_TARGET] = e->target;
	return sel ? out_table_add_selected(tb, sel, cells) : out_table_add_row(tb, cells, MNTSHOW_NCOLS);
}
