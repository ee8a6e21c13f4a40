#include <cap-ng.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "caps.h"

int caps_last_cap(void)
{
	static int last = -1;
	FILE *f;

	if (last >= 0)
		return last;
	f = fopen("/proc/sys/kernel/cap_last_cap", "re");
	if (!f || fscanf(f, "%d", &last) != 1)
		last = CAP_LAST_CAP;
	if (f)
		fclose(f);
	if (last > 63)
		last = 63;
	return last;
}

const char *caps_name(int cap)
{
	return capng_capability_to_name(cap);
}

static int parse_one(const char *name, capmask_t *mask)
{
	char lower[64];
	size_t n = strlen(name);
	int cap;

	if (!strcasecmp(name, "ALL")) {
		*mask = CAPS_ALL;
		return 0;
	}
	if (!strncasecmp(name, "cap_", 4))
		name += 4, n -= 4;
	if (n == 0 || n >= sizeof(lower))
		return -EINVAL;
	for (size_t i = 0; i <= n; i++)
		lower[i] = (char)tolower((unsigned char)name[i]);
	cap = capng_name_to_capability(lower);
	if (cap < 0 || cap > 63)
		return -EINVAL;
	*mask |= (capmask_t)1 << cap;
	return 0;
}

int caps_parse(const char *s, capmask_t *mask, char *bad, size_t badlen)
{
	char buf[1024];
	char *save = NULL;

	if (!s || !*s || strlen(s) >= sizeof(buf)) {
		snprintf(bad, badlen, "%s", s ? s : "");
		return -EINVAL;
	}
	strcpy(buf, s);
	for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (parse_one(tok, mask) < 0) {
			snprintf(bad, badlen, "%s", tok);
			return -EINVAL;
		}
	if (s[strlen(s) - 1] == ',' || s[0] == ',' || strstr(s, ",,")) {
		snprintf(bad, badlen, "%s", s);
		return -EINVAL;
	}
	return 0;
}

int caps_apply(capmask_t drop, capmask_t add, enum caps_select which, int *ret_cap)
{
	const capng_type_t all_sets = CAPNG_EFFECTIVE | CAPNG_PERMITTED | CAPNG_INHERITABLE |
				      CAPNG_BOUNDING_SET | CAPNG_AMBIENT;
	int last = caps_last_cap();
	capmask_t keep = 0;

	capng_clear(CAPNG_SELECT_ALL);
	if (capng_get_caps_process() < 0)
		return -errno ? -errno : -EIO;
	/* What the process may pass on today: permitted and in the bounding
	 * set (a capability outside the bounding set is lost at exec). */
	for (int cap = 0; cap <= last; cap++) {
		bool held = capng_have_capability(CAPNG_PERMITTED, cap) &&
			    capng_have_capability(CAPNG_BOUNDING_SET, cap);
		capmask_t bit = (capmask_t)1 << cap;

		if ((add & bit) && !held) {
			*ret_cap = cap;
			return -EPERM;
		}
		if ((held && !(drop & bit)) || (add & bit))
			keep |= bit;
	}
	capng_clear(CAPNG_SELECT_ALL);
	for (int cap = 0; cap <= last; cap++)
		if (keep & ((capmask_t)1 << cap))
			capng_update(CAPNG_ADD, all_sets, cap);
	capng_select_t select = which == CAPS_BOUNDING ? CAPNG_SELECT_BOUNDS :
				which == CAPS_PROCESS ? (CAPNG_SELECT_CAPS | CAPNG_SELECT_AMBIENT) :
				CAPNG_SELECT_ALL;
	if (capng_apply(select) < 0) {
		*ret_cap = -1;
		return -EPERM;
	}
	return 0;
}
