/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dl-jsonc: json-c (reading seccomp profiles: lib/seccomp-profile), opened
 * at run time (lib/dl). Include this header instead of <json-c/json.h>:
 * every function below is then called through a pointer that dl_jsonc_open
 * fills. A function nskit starts to use goes in both lists; the link fails
 * until it does. */
#pragma once
#include <json-c/json.h>

#include "dl.h"

#define DL_JSONC_SYMBOLS(X) \
	X(json_object_object_get_ex) \
	X(json_object_get_string) \
	X(json_object_get_type) \
	X(json_object_array_get_idx) \
	X(json_object_array_length) \
	X(json_object_put) \
	X(json_object_get_object) \
	X(json_object_new_array) \
	X(json_object_get_uint64) \
	X(json_object_get_string_len) \
	X(json_object_get_int64) \
	X(json_object_get) \
	X(json_object_array_add) \
	X(json_tokener_parse_ex) \
	X(json_tokener_get_error) \
	X(json_tokener_set_flags) \
	X(json_tokener_new) \
	X(json_tokener_get_parse_end) \
	X(json_tokener_free) \
	X(json_tokener_error_desc) \
	X(json_type_to_name) \

/* libjson-c.so.5 */
DL_DECLARE_LIBRARY(jsonc, DL_JSONC_SYMBOLS)

#ifndef DL_JSONC_DEFINE
#define json_object_object_get_ex dl_json_object_object_get_ex
#define json_object_get_string dl_json_object_get_string
#define json_object_get_type dl_json_object_get_type
#define json_object_array_get_idx dl_json_object_array_get_idx
#define json_object_array_length dl_json_object_array_length
#define json_object_put dl_json_object_put
#define json_object_get_object dl_json_object_get_object
#define json_object_new_array dl_json_object_new_array
#define json_object_get_uint64 dl_json_object_get_uint64
#define json_object_get_string_len dl_json_object_get_string_len
#define json_object_get_int64 dl_json_object_get_int64
#define json_object_get dl_json_object_get
#define json_object_array_add dl_json_object_array_add
#define json_tokener_parse_ex dl_json_tokener_parse_ex
#define json_tokener_get_error dl_json_tokener_get_error
#define json_tokener_set_flags dl_json_tokener_set_flags
#define json_tokener_new dl_json_tokener_new
#define json_tokener_get_parse_end dl_json_tokener_get_parse_end
#define json_tokener_free dl_json_tokener_free
#define json_tokener_error_desc dl_json_tokener_error_desc
#define json_type_to_name dl_json_type_to_name
#endif
