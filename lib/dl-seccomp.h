/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dl-seccomp: libseccomp (compiling seccomp profiles: lib/seccomp-filter),
 * opened at run time (lib/dl). Include this header instead of <seccomp.h>:
 * every function below is then called through a pointer that
 * dl_seccomp_open fills. A function nskit starts to use goes in both
 * lists; the link fails until it does. */
#pragma once
#include <seccomp.h>

#include "dl.h"

#define DL_SECCOMP_SYMBOLS(X) \
	X(seccomp_init) \
	X(seccomp_release) \
	X(seccomp_attr_set) \
	X(seccomp_rule_add_array) \
	X(seccomp_syscall_resolve_name) \
	X(seccomp_load) \
	X(seccomp_arch_native) \
	X(seccomp_arch_resolve_name) \
	X(seccomp_arch_add) \
	X(seccomp_export_bpf) \

/* libseccomp.so.2 */
DL_DECLARE_LIBRARY(seccomp, DL_SECCOMP_SYMBOLS)

#ifndef DL_SECCOMP_DEFINE
#define seccomp_init dl_seccomp_init
#define seccomp_release dl_seccomp_release
#define seccomp_attr_set dl_seccomp_attr_set
#define seccomp_rule_add_array dl_seccomp_rule_add_array
#define seccomp_syscall_resolve_name dl_seccomp_syscall_resolve_name
#define seccomp_load dl_seccomp_load
#define seccomp_arch_native dl_seccomp_arch_native
#define seccomp_arch_resolve_name dl_seccomp_arch_resolve_name
#define seccomp_arch_add dl_seccomp_arch_add
#define seccomp_export_bpf dl_seccomp_export_bpf
#endif
