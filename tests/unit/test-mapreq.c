/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "mapreq.h"

static struct mapreq m;

static void reset(void)
{
	mapwrite_request_release(&m.req);
	memset(&m, 0, sizeof(m));
	m.req.setgroups = -1;
	m.subid_path[0] = MAPWRITE_SUBUID;
	m.subid_path[1] = MAPWRITE_SUBGID;
}

static bool range_is(const struct idmap_range *r, uint32_t inner, uint32_t outer, uint32_t count)
{
	return r->inner == inner && r->outer == outer && r->count == count;
}

static void test_ranges(void **state)
{
	reset();
	assert_false(mapreq_wanted(&m));
	assert_int_equal(mapreq_add_range(&m, false, "0:100000:65536"), 0);
	assert_int_equal(mapreq_add_range(&m, true, "1:2:3"), 0);
	assert_true(mapreq_wanted(&m));
	assert_int_equal(m.req.uid.count, 1);
	assert_true(range_is(&m.req.gid.ranges[0], 1, 2, 3));
	/* unshare's older form names the outer id first */
	assert_int_equal(mapreq_add_range(&m, false, "100000,0,65536"), 0);
	assert_true(range_is(&m.req.uid.ranges[1], 0, 100000, 65536));
	const char *bad[] = { "", "1:2", "1:2:3:4", "x:1:1", "1:1:-1", "4294967296:0:1", "1,2",
			      "1,2,3,4", "1,2:3", "1:2,3", ",1,2", "1,,2", "a,1,1", "AUTO", "autox",
			      " auto", "all:1:1", NULL };
	for (int i = 0; bad[i]; i++)
		if (mapreq_add_range(&m, false, bad[i]) != -EINVAL)
			fail_msg("'%s' taken", bad[i]);
	assert_int_equal(m.req.uid_asked, 2);
	/* words */
	reset();
	assert_int_equal(mapreq_add_range(&m, false, "auto"), 0);
	assert_int_equal(mapreq_add_range(&m, true, "all"), 0);
	assert_int_equal(mapreq_add_range(&m, true, "subids"), 0);
	assert_int_equal(m.sources[0], MAPREQ_AUTO);
	assert_int_equal(m.sources[1], MAPREQ_ALL | MAPREQ_SUBIDS);
	assert_true(mapreq_wanted(&m));
	reset();
	mapreq_add_source(&m, MAPREQ_AUTO);
	assert_true(m.sources[0] == MAPREQ_AUTO && m.sources[1] == MAPREQ_AUTO);
}

static void test_add_own(void **state)
{
	reset();
	mapreq_add_own(&m, true, 0, false, 0, -1);
	assert_true(m.own[0] && !m.own[1]);
	assert_int_equal(m.req.setgroups, -1);
	assert_true(mapreq_wanted(&m));
	mapreq_add_own(&m, false, 0, true, 5, 0);
	assert_true(m.own[1] && m.own_inner[1] == 5);
	assert_int_equal(m.req.setgroups, 0);
}

static void carve(struct idmap_range r, uint32_t inner, uint32_t outer, unsigned want_n,
		  const struct idmap_range *want)
{
	struct idmap_range got[3];
	unsigned n;

	mapreq_carve(r, inner, outer, got, &n);
	assert_int_equal(n, want_n);
	for (unsigned i = 0; i < n; i++)
		if (!range_is(&got[i], want[i].inner, want[i].outer, want[i].count))
			fail_msg("piece %u: %u %u %u", i, got[i].inner, got[i].outer, got[i].count);
}

static void test_carve(void **state)
{
	/* -r --map-auto: root takes inner 0, the range starts at 1 */
	carve((struct idmap_range){ 0, 100000, 65536 }, 0, 1000, 1,
	      (struct idmap_range[]){ { 1, 100000, 65535 } });
	/* neither id in the range: unchanged */
	carve((struct idmap_range){ 1, 100000, 10 }, 0, 1000, 1,
	      (struct idmap_range[]){ { 1, 100000, 10 } });
	/* the end is exclusive: the id just past it is not in it */
	carve((struct idmap_range){ 0, 100000, 10 }, 10, 100010, 1,
	      (struct idmap_range[]){ { 0, 100000, 10 } });
	/* -c --map-users all: the own id in the middle of both sides */
	carve((struct idmap_range){ 0, 0, 10 }, 4, 4, 2,
	      (struct idmap_range[]){ { 0, 0, 4 }, { 5, 5, 5 } });
	/* inner and outer cut at different places: three pieces */
	carve((struct idmap_range){ 0, 100, 10 }, 2, 106, 3,
	      (struct idmap_range[]){ { 0, 100, 2 }, { 3, 102, 4 }, { 7, 107, 3 } });
	carve((struct idmap_range){ 0, 100, 10 }, 6, 102, 3,
	      (struct idmap_range[]){ { 0, 100, 2 }, { 2, 103, 4 }, { 7, 107, 3 } });
	/* only the outer id within: one id fewer, the outer side skips it */
	carve((struct idmap_range){ 1000, 0, 10 }, 0, 3, 2,
	      (struct idmap_range[]){ { 1000, 0, 3 }, { 1003, 4, 6 } });
	/* a range of one that is the own id: nothing left */
	carve((struct idmap_range){ 0, 1000, 1 }, 0, 1000, 0, NULL);
	/* at the top of the id space */
	carve((struct idmap_range){ 4294967285u, 4294967285u, 10 }, 4294967294u, 0, 1,
	      (struct idmap_range[]){ { 4294967285u, 4294967285u, 9 } });
	/* past the largest id, on either side: whole (carved, it would wrap
	 * around into ids never named), for the check to refuse */
	carve((struct idmap_range){ 3333333330u, 0, 4294929544u }, 7, 3333333333u, 1,
	      (struct idmap_range[]){ { 3333333330u, 0, 4294929544u } });
	carve((struct idmap_range){ 0, 4294967290u, 10 }, 5, 4294967292u, 1,
	      (struct idmap_range[]){ { 0, 4294967290u, 10 } });
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* mapreq_resolve of m into a request and caller used before: their arrays
 * freed first */
static int resolve(struct mapwrite_request *req, struct idpolicy_caller *c, struct nsk_failure *f)
{
	mapwrite_request_release(req);
	idpolicy_caller_release(c);
	return mapreq_resolve(&m, req, c, f);
}

/* Resolving for this caller, with subuid/subgid files of the test's. */
static void test_resolve(void **state)
{
	static struct mapwrite_request req;
	static struct idpolicy_caller caller;
	struct nsk_failure f = NSK_FAILURE_INIT;
	char su[64], sg[64], text[128];
	int fd;

	snprintf(su, sizeof(su), "/tmp/test-mapreq.XXXXXX");
	assert_true((fd = mkstemp(su)) >= 0);
	close(fd);
	snprintf(sg, sizeof(sg), "/tmp/test-mapreq.XXXXXX");
	assert_true((fd = mkstemp(sg)) >= 0);
	close(fd);
	snprintf(text, sizeof(text), "%u:100000:65536\n%u:300000:10\n", getuid(), getuid());
	put(su, text);
	snprintf(text, sizeof(text), "%u:200000:1000\n", getuid());
	put(sg, text);

	/* numeric ranges as given */
	reset();
	assert_int_equal(mapreq_add_range(&m, false, "0:100000:65536"), 0);
	assert_int_equal(resolve(&req, &caller, &f), 0);
	assert_true(req.uid.count == 1 && req.gid.count == 0);
	assert_true(range_is(&req.uid.ranges[0], 0, 100000, 65536));
	assert_true(caller.uid == getuid());

	/* --map-auto: the first grant at 0, nothing else */
	reset();
	m.subid_path[0] = su;
	m.subid_path[1] = sg;
	mapreq_add_source(&m, MAPREQ_AUTO);
	assert_int_equal(resolve(&req, &caller, &f), 0);
	assert_int_equal(req.uid.count, 1);
	assert_true(range_is(&req.uid.ranges[0], 0, 100000, 65536));
	assert_true(range_is(&req.gid.ranges[0], 0, 200000, 1000));

	/* --map-subids: the first grant at its own ids */
	reset();
	m.subid_path[0] = su;
	m.subid_path[1] = sg;
	mapreq_add_source(&m, MAPREQ_SUBIDS);
	assert_int_equal(resolve(&req, &caller, &f), 0);
	assert_true(range_is(&req.uid.ranges[0], 100000, 100000, 65536));

	/* -r --map-auto: the caller at 0 first, the grant after it */
	reset();
	m.subid_path[0] = su;
	m.subid_path[1] = sg;
	mapreq_add_source(&m, MAPREQ_AUTO);
	mapreq_add_own(&m, true, 0, true, 0, -1);
	assert_int_equal(resolve(&req, &caller, &f), 0);
	assert_int_equal(req.uid.count, 2);
	assert_true(range_is(&req.uid.ranges[0], 0, geteuid(), 1));
	assert_true(range_is(&req.uid.ranges[1], 1, 100000, 65535));
	assert_true(range_is(&req.gid.ranges[1], 1, 200000, 999));

	/* --map-users all: our own map, at its own ids */
	reset();
	assert_int_equal(mapreq_add_range(&m, false, "all"), 0);
	assert_int_equal(resolve(&req, &caller, &f), 0);
	assert_true(req.uid.count >= 1);
	assert_int_equal(req.uid.ranges[0].inner, req.uid.ranges[0].outer);
	assert_int_equal(req.gid.count, 0);

	/* no grant: refused, the option and the file named */
	put(su, "someoneelse:100000:65536\n");
	reset();
	m.subid_path[0] = su;
	m.subid_path[1] = sg;
	mapreq_add_source(&m, MAPREQ_AUTO);
	assert_int_equal(resolve(&req, &caller, &f), -ENOENT);
	assert_string_equal(f.object, "--map-users auto");
	assert_non_null(strstr(f.detail, su));
	unlink(su);
	unlink(sg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ranges), cmocka_unit_test(test_add_own),
		cmocka_unit_test(test_carve), cmocka_unit_test(test_resolve),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
