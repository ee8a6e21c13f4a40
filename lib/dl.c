/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <dlfcn.h>
#include <string.h>

#include "dl.h"
#include "err.h"

static void unresolve(struct dl_library *lib)
{
	for (size_t i = 0; i < lib->nsymbols; i++)
		*lib->symbols[i].address = NULL;
}

/* dlerror's words without the file name it starts with, which the failure
 * record names already. */
static const char *loader_words(const char *why, const char *soname)
{
	const char *at;

	if (!why)
		return "cannot be loaded";
	at = strstr(why, soname);
	if (at && !strncmp(at + strlen(soname), ": ", 2))
		return at + strlen(soname) + 2;
	return why;
}

int dl_library_open(struct dl_library *lib, struct nsk_failure *f)
{
	const char *why;

	if (lib->handle)
		return 0;
	/* RTLD_NOW: a library too old for one of our functions fails here,
	 * at the start, and not in the middle of a run. */
	lib->handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	if (!lib->handle) {
		why = loader_words(dlerror(), lib->soname);
		nsk_fail(f, -DL_ELOAD, NULL, "%s", lib->soname);
		return nsk_fail_detail(f, -DL_ELOAD, "%s", why);
	}
	for (size_t i = 0; i < lib->nsymbols; i++) {
		dlerror();
		*lib->symbols[i].address = dlsym(lib->handle, lib->symbols[i].name);
		if (!*lib->symbols[i].address) {
			nsk_fail(f, -DL_ESYMBOL, NULL, "%s", lib->soname);
			nsk_fail_detail(f, -DL_ESYMBOL, "no function %s: too old a version",
					lib->symbols[i].name);
			unresolve(lib);
			dlclose(lib->handle);
			lib->handle = NULL;
			return -DL_ESYMBOL;
		}
	}
	return 0;
}

int dl_library_require(const struct dl_library *lib, struct nsk_failure *f)
{
	return lib->handle ? 0 : nsk_fail(f, -DL_ENOTLOADED, NULL, "%s", lib->soname);
}
