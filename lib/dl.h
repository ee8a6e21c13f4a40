/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dl: optional shared libraries opened when a run first needs them, as
 * systemd opens its optional dependencies, so that a run that prints no
 * table and compiles no seccomp profile loads nothing but libc.
 *
 * Each library has a module of its own (dl-smartcols, dl-seccomp,
 * dl-jsonc) that lists the functions nskit calls. Its header includes the
 * library's own header, for the types, and redirects every listed name to
 * a pointer filled here: code calls scols_new_table() as usual, and since
 * the tools are not linked with the library, a function left out of the
 * list fails the link instead of loading it behind our back.
 *
 * Rule: a tool opens what it will need before it enters a namespace or
 * changes its root, so that the library is the host's and not one a
 * container placed in its own /usr/lib. lib functions that use a library
 * never open it: they check that it is open (dl_*_require) and fail
 * otherwise. */
#pragma once
#include <stddef.h>

struct nsk_failure;

/* One function to resolve: its name and where its address goes. */
struct dl_symbol {
	const char *name;
	void **address;
};

/* A library and what nskit takes from it. */
struct dl_library {
	const char *soname;		/* "libsmartcols.so.1" */
	const struct dl_symbol *symbols;
	size_t nsymbols;
	void *handle;			/* NULL until opened */
};

/* Open lib once (later calls return at once) and resolve every symbol.
 * 0; or -DL_ELOAD / -DL_ESYMBOL with f naming the library and
 * the loader's own words (dlerror) as the detail. On failure nothing stays
 * open and every address is left NULL. */
int dl_library_open(struct dl_library *lib, struct nsk_failure *f);
/* 0 if dl_library_open succeeded for lib; else -DL_ENOTLOADED with f
 * naming the library. */
int dl_library_require(const struct dl_library *lib, struct nsk_failure *f);

/* ---- what each lib/dl-LIBRARY module is made of ---- */

/* In dl-MOD.h, after the library's header and the list
 * DL_MOD_SYMBOLS(X): a pointer per function, and the module's two calls
 *   int dl_MOD_open(struct nsk_failure *f);     open it (once)
 *   int dl_MOD_require(struct nsk_failure *f);  0 if open, else
 *       -DL_ENOTLOADED with f naming it (lib functions check, the tool
 *       opens) */
#define DL_POINTER_DECLARATION(name) extern __typeof__(name) *dl_##name;
#define DL_DECLARE_LIBRARY(mod, SYMBOLS)                                  \
	SYMBOLS(DL_POINTER_DECLARATION)                                   \
	int dl_##mod##_open(struct nsk_failure *f);                       \
	int dl_##mod##_require(struct nsk_failure *f);

/* In dl-MOD.c: the pointers, the table dl_library_open fills, the calls. */
#define DL_POINTER_DEFINITION(name) __typeof__(name) *dl_##name;
#define DL_SYMBOL_ENTRY(name) { #name, (void **)&dl_##name },
#define DL_DEFINE_LIBRARY(mod, soname_, SYMBOLS)                                      \
	SYMBOLS(DL_POINTER_DEFINITION)                                                \
	static const struct dl_symbol mod##_symbols[] = { SYMBOLS(DL_SYMBOL_ENTRY) }; \
	static struct dl_library mod##_library = {                                    \
		.soname = (soname_),                                                  \
		.symbols = mod##_symbols,                                             \
		.nsymbols = sizeof(mod##_symbols) / sizeof(mod##_symbols[0]),         \
	};                                                                            \
	int dl_##mod##_open(struct nsk_failure *f)                                    \
	{                                                                             \
		return dl_library_open(&mod##_library, f);                            \
	}                                                                             \
	int dl_##mod##_require(struct nsk_failure *f)                                 \
	{                                                                             \
		return dl_library_require(&mod##_library, f);                         \
	}
