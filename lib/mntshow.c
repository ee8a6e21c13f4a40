/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>

#include "dl-smartcols.h"
#include "mntshow.h"

const struct out_column mntshow_columns[MNTSHOW_NCOLS] = {
	[MNTSHOW_ID] = { "ID", 0, SCOLS_FL_RIGHT, true },
	[MNTSHOW_PARENT] = { "PARENT", 0, SCOLS_FL_RIGHT, true },
	[MNTSHOW_PROPAGATION] = { "PROPAGATION", 0, 0, false },
	[MNTSHOW_PEER] = { "PEER", 0, SCOLS_FL_RIGHT, true },
	[MNTSHOW_MASTER] = { "MASTER", 0, SCOLS_FL_RIGHT, true },
	[MNTSHOW_OPTIONAL] = { "OPTIONAL", 0, 0, false },
	[MNTSHOW_TARGET] = { "TARGET", 0, 0, false },
};

int mntshow_add_row(struct libscols_table *tb, const struct mnt_entry *e)
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
	return out_table_add_row(tb, cells, MNTSHOW_NCOLS);
}
