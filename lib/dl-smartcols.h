/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dl-smartcols: libsmartcols (tables and JSON: lib/output, nsls, cgctl),
 * opened at run time (lib/dl). Include this header instead of
 * <libsmartcols.h>: every function below is then called through a pointer
 * that dl_smartcols_open fills. A function nskit starts to use goes in
 * both lists; the link fails until it does. */
#pragma once
#include <libsmartcols.h>

#include "dl.h"

#define DL_SMARTCOLS_SYMBOLS(X) \
	X(scols_new_table) \
	X(scols_unref_table) \
	X(scols_table_new_line) \
	X(scols_line_set_data) \
	X(scols_table_enable_json) \
	X(scols_table_set_stream) \
	X(scols_table_set_name) \
	X(scols_table_next_column) \
	X(scols_table_new_column) \
	X(scols_table_enable_raw) \
	X(scols_table_enable_noheadings) \
	X(scols_print_table) \
	X(scols_new_iter) \
	X(scols_free_iter) \
	X(scols_column_set_json_type) \
	X(scols_column_set_flags) \
	X(scols_column_get_flags) \
	X(scols_table_is_json) \
	X(scols_table_is_empty) \
	X(scols_table_is_noheadings) \
	X(scols_table_get_column) \
	X(scols_column_get_json_type) \
	X(scols_column_get_header) \
	X(scols_cell_get_data) \

/* libsmartcols.so.1 */
DL_DECLARE_LIBRARY(smartcols, DL_SMARTCOLS_SYMBOLS)

#ifndef DL_SMARTCOLS_DEFINE
#define scols_new_table dl_scols_new_table
#define scols_unref_table dl_scols_unref_table
#define scols_table_new_line dl_scols_table_new_line
#define scols_line_set_data dl_scols_line_set_data
#define scols_table_enable_json dl_scols_table_enable_json
#define scols_table_set_stream dl_scols_table_set_stream
#define scols_table_set_name dl_scols_table_set_name
#define scols_table_next_column dl_scols_table_next_column
#define scols_table_new_column dl_scols_table_new_column
#define scols_table_enable_raw dl_scols_table_enable_raw
#define scols_table_enable_noheadings dl_scols_table_enable_noheadings
#define scols_print_table dl_scols_print_table
#define scols_new_iter dl_scols_new_iter
#define scols_free_iter dl_scols_free_iter
#define scols_column_set_json_type dl_scols_column_set_json_type
#define scols_column_set_flags dl_scols_column_set_flags
#define scols_column_get_flags dl_scols_column_get_flags
#define scols_table_is_json dl_scols_table_is_json
#define scols_table_is_empty dl_scols_table_is_empty
#define scols_table_is_noheadings dl_scols_table_is_noheadings
#define scols_table_get_column dl_scols_table_get_column
#define scols_column_get_json_type dl_scols_column_get_json_type
#define scols_column_get_header dl_scols_column_get_header
#define scols_cell_get_data dl_scols_cell_get_data
#endif
