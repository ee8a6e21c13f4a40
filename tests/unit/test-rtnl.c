/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib/rtnl: the packing of requests byte by byte, and the reading of
 * replies that lie (truncated headers, lengths past the end, numbers of
 * another request, errors out of range, dumps that never end). */
#include "unit.h"
#include "rtnl.h"
#include "rtnl-reply.h"

#include <linux/if_link.h>
#include <linux/rtnetlink.h>

static void test_pack(void **state)
{
	char buf[256] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct ifinfomsg ifi = { .ifi_index = 7 };
	struct rtnl_msg m;
	size_t nest;

	memset(buf, 0xee, sizeof(buf));
	rtnl_msg_start(&m, buf, sizeof(buf), RTM_NEWLINK, NLM_F_CREATE, &ifi, sizeof(ifi));
	assert_int_equal(m.h->nlmsg_len, NLMSG_LENGTH(sizeof(ifi)));
	/* every request asks for an acknowledgement */
	assert_int_equal(m.h->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE);
	rtnl_put_str(&m, IFLA_IFNAME, "ab");		/* 4 + 3, padded to 8 */
	nest = rtnl_nest_start(&m, IFLA_LINKINFO);
	rtnl_put_u32(&m, IFLA_INFO_KIND, 0x01020304);
	rtnl_nest_end(&m, nest);
	rtnl_put_raw(&m, "x", 1);
	assert_int_equal(rtnl_msg_end(&m), 16 + 16 + 8 + 4 + 8 + 4);
	const struct rtattr *a = (const struct rtattr *)(buf + 32);
	assert_int_equal(a->rta_type, IFLA_IFNAME);
	assert_int_equal(a->rta_len, 7);
	assert_memory_equal(RTA_DATA(a), "ab\0\0", 4);	/* the padding is zero */
	a = (const struct rtattr *)(buf + 40);
	assert_int_equal(a->rta_type, IFLA_LINKINFO);
	assert_int_equal(a->rta_len, 12);		/* the nest covers its child */
	assert_memory_equal(buf + 52, "x\0\0\0", 4);

	const struct rtattr *tb[IFLA_MAX + 1], *info[IFLA_INFO_MAX + 1];
	uint32_t v;
	m.h->nlmsg_len -= 4;	/* the raw bytes are no attribute */
	assert_int_equal(rtnl_attrs(m.h, sizeof(ifi), tb, IFLA_MAX), 0);
	char name[16];
	rtnl_get_str(tb[IFLA_IFNAME], name, sizeof(name));
	assert_string_equal(name, "ab");
	assert_int_equal(rtnl_nested(tb[IFLA_LINKINFO], 0, info, IFLA_INFO_MAX), 0);
	assert_int_equal(rtnl_get_u32(info[IFLA_INFO_KIND], &v), 0);
	assert_int_equal(v, 0x01020304);
}

static void test_pack_overflow(void **state)
{
	char buf[40] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct ifinfomsg ifi = { 0 };
	struct rtnl_msg m;

	rtnl_msg_start(&m, buf, sizeof(buf), RTM_NEWLINK, 0, &ifi, sizeof(ifi));
	rtnl_put_u32(&m, IFLA_MTU, 1500);			/* 40 bytes: fits */
	assert_int_equal(rtnl_msg_end(&m), 40);
	rtnl_put_str(&m, IFLA_IFNAME, "x");			/* does not */
	size_t nest = rtnl_nest_start(&m, IFLA_LINKINFO);	/* nor anything after */
	rtnl_nest_end(&m, nest);
	assert_int_equal(rtnl_msg_end(&m), -EMSGSIZE);
	assert_int_equal(m.h->nlmsg_len, 40);			/* left as it was */
	/* a buffer smaller than the header itself */
	rtnl_msg_start(&m, buf, 20, RTM_NEWLINK, 0, &ifi, sizeof(ifi));
	rtnl_put_u32(&m, IFLA_MTU, 1500);
	assert_int_equal(rtnl_msg_end(&m), -EMSGSIZE);
}

static void test_next(void **state)
{
	struct reply r = { .len = 0 };
	const struct nlmsghdr *h;
	size_t off = 0;

	reply_ack(&r, 1, 0, NULL);
	reply_done(&r, 2);
	assert_int_equal(rtnl_next(r.buf, r.len, &off, &h), 1);
	assert_int_equal(h->nlmsg_type, NLMSG_ERROR);
	assert_int_equal(rtnl_next(r.buf, r.len, &off, &h), 1);
	assert_int_equal(h->nlmsg_type, NLMSG_DONE);
	assert_int_equal(rtnl_next(r.buf, r.len, &off, &h), 0);

	/* a header cut short */
	off = 0;
	assert_int_equal(rtnl_next(r.buf, 10, &off, &h), -EBADMSG);
	assert_null(h);
	/* a length past the end of the datagram */
	off = 0;
	((struct nlmsghdr *)r.buf)->nlmsg_len = (uint32_t)r.len + 4;
	assert_int_equal(rtnl_next(r.buf, r.len, &off, &h), -EBADMSG);
	/* a length shorter than a header (which would loop forever) */
	off = 0;
	((struct nlmsghdr *)r.buf)->nlmsg_len = 3;
	assert_int_equal(rtnl_next(r.buf, r.len, &off, &h), -EBADMSG);
	off = 0;
	((struct nlmsghdr *)r.buf)->nlmsg_len = 0xffffffff;
	assert_int_equal(rtnl_next(r.buf, r.len, &off, &h), -EBADMSG);
}

static void test_attrs_hostile(void **state)
{
	struct reply r = { .len = 0 };
	const struct rtattr *tb[IFLA_MAX + 1];
	struct ifinfomsg ifi = { 0 };
	struct rtattr *a;

	reply_add(&r, RTM_NEWLINK, 0, 1, &ifi, sizeof(ifi));
	rtnl_put_str(&r.m, IFLA_IFNAME, "one");
	rtnl_put_str(&r.m, IFLA_IFNAME, "two");		/* the later wins */
	rtnl_put_u32(&r.m, IFLA_MAX + 5, 1);		/* unknown: skipped */
	reply_end(&r);
	struct nlmsghdr *h = (struct nlmsghdr *)r.buf;
	assert_int_equal(rtnl_attrs(h, sizeof(ifi), tb, IFLA_MAX), 0);
	assert_string_equal(rtnl_data(tb[IFLA_IFNAME]), "two");

	/* trailing bytes fewer than a header: padding */
	h->nlmsg_len += 3;
	assert_int_equal(rtnl_attrs(h, sizeof(ifi), tb, IFLA_MAX), 0);
	h->nlmsg_len -= 3;
	/* an attribute longer than what is left of the message */
	a = (struct rtattr *)((char *)h + NLMSG_LENGTH(sizeof(ifi)));
	a->rta_len = 200;
	assert_int_equal(rtnl_attrs(h, sizeof(ifi), tb, IFLA_MAX), -EBADMSG);
	/* an attribute shorter than its own header */
	a->rta_len = 2;
	assert_int_equal(rtnl_attrs(h, sizeof(ifi), tb, IFLA_MAX), -EBADMSG);
	a->rta_len = 8;
	/* a message shorter than its fixed header */
	h->nlmsg_len = NLMSG_LENGTH(4);
	assert_int_equal(rtnl_attrs(h, sizeof(ifi), tb, IFLA_MAX), -EBADMSG);
	assert_null(tb[IFLA_IFNAME]);
	/* a fixed header and nothing else */
	h->nlmsg_len = NLMSG_LENGTH(sizeof(ifi));
	assert_int_equal(rtnl_attrs(h, sizeof(ifi), tb, IFLA_MAX), 0);
	assert_null(tb[IFLA_IFNAME]);
}

static void test_nested_hostile(void **state)
{
	char buf[64] __attribute__((aligned(NLMSG_ALIGNTO)));
	const struct rtattr *tb[IFLA_INFO_MAX + 1];
	struct rtnl_msg m;

	rtnl_msg_start(&m, buf, sizeof(buf), RTM_NEWLINK, 0, NULL, 0);
	size_t nest = rtnl_nest_start(&m, IFLA_LINKINFO);
	rtnl_put_str(&m, IFLA_INFO_KIND, "veth");
	rtnl_nest_end(&m, nest);
	struct rtattr *outer = (struct rtattr *)(buf + nest);
	struct rtattr *inner = (struct rtattr *)(buf + nest + 4);
	assert_int_equal(rtnl_nested(outer, 0, tb, IFLA_INFO_MAX), 0);
	/* the inner attribute claims more than the outer holds */
	inner->rta_len = 40;
	assert_int_equal(rtnl_nested(outer, 0, tb, IFLA_INFO_MAX), -EBADMSG);
	/* a skip larger than the payload */
	assert_int_equal(rtnl_nested(outer, 64, tb, IFLA_INFO_MAX), -EBADMSG);
}

static void test_get(void **state)
{
	char buf[64] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct rtattr *a = (struct rtattr *)buf;
	char s[4];
	uint32_t v = 7;

	/* a u32 of the wrong size */
	a->rta_len = RTA_LENGTH(2);
	assert_int_equal(rtnl_get_u32(a, &v), -EBADMSG);
	a->rta_len = RTA_LENGTH(8);
	assert_int_equal(rtnl_get_u32(a, &v), -EBADMSG);
	assert_int_equal(v, 7);
	/* a string without its NUL ends with the attribute */
	a->rta_len = RTA_LENGTH(2);
	memcpy(RTA_DATA(a), "abXYZ", 5);
	rtnl_get_str(a, s, sizeof(s));
	assert_string_equal(s, "ab");
	/* one longer than the buffer is cut */
	a->rta_len = RTA_LENGTH(5);
	rtnl_get_str(a, s, sizeof(s));
	assert_string_equal(s, "abX");
	rtnl_get_str(NULL, s, sizeof(s));
	assert_string_equal(s, "");
}

static void test_ack(void **state)
{
	struct reply r = { .len = 0 };
	struct rtnl_ack ack;
	struct nlmsghdr *h = (struct nlmsghdr *)r.buf;

	/* an acknowledgement */
	reply_ack(&r, 5, 0, NULL);
	assert_int_equal(rtnl_parse_ack(h, &ack), 0);
	assert_int_equal(ack.error, 0);
	assert_null(ack.ext_msg);
	/* an error with the kernel's explanation */
	r.len = 0;
	reply_ack(&r, 5, -EEXIST, "File exists here");
	assert_int_equal(rtnl_parse_ack(h, &ack), 0);
	assert_int_equal(ack.error, -EEXIST);
	assert_non_null(ack.ext_msg);
	assert_int_equal(ack.ext_len, strlen("File exists here"));
	assert_memory_equal(ack.ext_msg, "File exists here", ack.ext_len);
	/* not capped: the request follows, and its length must fit */
	h->nlmsg_flags &= (uint16_t)~NLM_F_CAPPED;
	((struct nlmsgerr *)NLMSG_DATA(h))->msg.nlmsg_len = 4000;
	assert_int_equal(rtnl_parse_ack(h, &ack), 0);
	assert_int_equal(ack.error, -EEXIST);	/* still said */
	assert_null(ack.ext_msg);		/* the hint left out */
	((struct nlmsgerr *)NLMSG_DATA(h))->msg.nlmsg_len = 2;
	assert_int_equal(rtnl_parse_ack(h, &ack), 0);
	assert_null(ack.ext_msg);
	/* an error that is no errno */
	((struct nlmsgerr *)NLMSG_DATA(h))->error = 5;
	assert_int_equal(rtnl_parse_ack(h, &ack), -EBADMSG);
	((struct nlmsgerr *)NLMSG_DATA(h))->error = -100000;
	assert_int_equal(rtnl_parse_ack(h, &ack), -EBADMSG);
	/* too short to hold a struct nlmsgerr */
	h->nlmsg_len = NLMSG_LENGTH(4);
	assert_int_equal(rtnl_parse_ack(h, &ack), -EBADMSG);
}

static int count_links(const struct nlmsghdr *h, void *arg)
{
	if (h->nlmsg_type != RTM_NEWLINK)
		return -EINVAL;
	(*(int *)arg)++;
	return 0;
}

static void add_link(struct reply *r, uint32_t seq, int ifindex)
{
	struct ifinfomsg ifi = { .ifi_index = ifindex };

	reply_add(r, RTM_NEWLINK, NLM_F_MULTI, seq, &ifi, sizeof(ifi));
	rtnl_put_str(&r->m, IFLA_IFNAME, "x");
	reply_end(r);
}

static void test_dump_take(void **state)
{
	struct reply r = { .len = 0 };
	int n = 0;

	/* a part of a multipart answer: more is to come */
	add_link(&r, 9, 1);
	add_link(&r, 8, 2);		/* another request's: skipped */
	add_link(&r, 9, 3);
	assert_int_equal(rtnl_dump_take(r.buf, r.len, 9, count_links, &n), 0);
	assert_int_equal(n, 2);
	/* its end */
	reply_done(&r, 9);
	n = 0;
	assert_int_equal(rtnl_dump_take(r.buf, r.len, 9, count_links, &n), 1);
	assert_int_equal(n, 2);
	/* an NLMSG_DONE of another request does not end ours */
	r.len = 0;
	reply_done(&r, 8);
	assert_int_equal(rtnl_dump_take(r.buf, r.len, 9, count_links, &n), 0);
	/* an NLMSG_DONE that carries the dump's error */
	r.len = 0;
	reply_done(&r, 9);
	*(int *)NLMSG_DATA((struct nlmsghdr *)r.buf) = -ENOBUFS;
	assert_int_equal(rtnl_dump_take(r.buf, r.len, 9, count_links, &n), -ENOBUFS);
	/* an error instead of the dump, and an ack */
	r.len = 0;
	reply_ack(&r, 9, -EPERM, NULL);
	assert_int_equal(rtnl_dump_take(r.buf, r.len, 9, count_links, &n), -EPERM);
	r.len = 0;
	reply_ack(&r, 9, 0, NULL);
	assert_int_equal(rtnl_dump_take(r.buf, r.len, 9, count_links, &n), 1);
	/* the callback stops it */
	r.len = 0;
	reply_add(&r, RTM_NEWADDR, NLM_F_MULTI, 9, NULL, 0);
	reply_end(&r);
	assert_int_equal(rtnl_dump_take(r.buf, r.len, 9, count_links, &n), -EINVAL);
	/* a truncated datagram */
	r.len = 0;
	add_link(&r, 9, 1);
	assert_int_equal(rtnl_dump_take(r.buf, r.len - 1, 9, count_links, &n), -EBADMSG);
}

static void test_dump_conversation(void **state)
{
	char buf[64] __attribute__((aligned(NLMSG_ALIGNTO)));
	char got[256] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct ifinfomsg ifi = { 0 };
	struct reply r = { .len = 0 };
	struct rtnl_msg m;
	struct rtnl sk;
	int fds[2], n = 0;

	fake_kernel(&sk, fds);
	/* two datagrams: the links, then the end */
	add_link(&r, 1001, 1);
	add_link(&r, 1001, 2);
	reply_send(&r, fds[1]);
	reply_done(&r, 1001);
	reply_send(&r, fds[1]);
	rtnl_msg_start(&m, buf, sizeof(buf), RTM_GETLINK, 0, &ifi, sizeof(ifi));
	assert_int_equal(rtnl_dump(&sk, &m, count_links, &n), 0);
	assert_int_equal(n, 2);
	/* the request as the kernel got it */
	assert_int_equal(recv(fds[1], got, sizeof(got), 0), (ssize_t)NLMSG_LENGTH(sizeof(ifi)));
	const struct nlmsghdr *h = (const struct nlmsghdr *)got;
	assert_int_equal(h->nlmsg_seq, 1001);
	assert_int_equal(h->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK | NLM_F_DUMP);

	/* a multipart answer without NLMSG_DONE, then the end of the
	 * conversation: an error, not a wait for ever */
	add_link(&r, 1002, 1);
	reply_send(&r, fds[1]);
	shutdown(fds[1], SHUT_WR);
	n = 0;
	rtnl_msg_start(&m, buf, sizeof(buf), RTM_GETLINK, 0, &ifi, sizeof(ifi));
	assert_int_equal(rtnl_dump(&sk, &m, count_links, &n), -EPROTO);
	assert_int_equal(n, 1);
	close(fds[1]);
	rtnl_close(&sk);
	assert_int_equal(sk.fd, -1);
}

static void test_call_and_recv(void **state)
{
	char buf[64] __attribute__((aligned(NLMSG_ALIGNTO)));
	char small[16] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct ifinfomsg ifi = { 0 };
	struct reply r = { .len = 0 };
	struct rtnl_msg m;
	struct rtnl sk;
	int fds[2], n = 0;

	fake_kernel(&sk, fds);
	/* a stale answer, the answer, the ack */
	add_link(&r, 7, 1);
	add_link(&r, 1001, 2);
	reply_ack(&r, 1001, 0, NULL);
	reply_send(&r, fds[1]);
	rtnl_msg_start(&m, buf, sizeof(buf), RTM_GETLINK, 0, &ifi, sizeof(ifi));
	assert_int_equal(rtnl_call(&sk, &m, count_links, &n), 0);
	assert_int_equal(n, 1);
	/* the kernel's error */
	reply_ack(&r, 1002, -ENODEV, NULL);
	reply_send(&r, fds[1]);
	rtnl_msg_start(&m, buf, sizeof(buf), RTM_GETLINK, 0, &ifi, sizeof(ifi));
	assert_int_equal(rtnl_call(&sk, &m, NULL, NULL), -ENODEV);
	/* a request that could not be packed is not sent */
	rtnl_msg_start(&m, buf, 8, RTM_GETLINK, 0, &ifi, sizeof(ifi));
	assert_int_equal(rtnl_call(&sk, &m, NULL, NULL), -EMSGSIZE);
	assert_int_equal(sk.seq, 1002);
	/* a datagram larger than the buffer */
	reply_ack(&r, 1, 0, NULL);
	reply_send(&r, fds[1]);
	assert_int_equal(rtnl_recv(&sk, small, sizeof(small)), -EMSGSIZE);
	close(fds[1]);
	rtnl_close(&sk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pack),
		cmocka_unit_test(test_pack_overflow),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_attrs_hostile),
		cmocka_unit_test(test_nested_hostile),
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_ack),
		cmocka_unit_test(test_dump_take),
		cmocka_unit_test(test_dump_conversation),
		cmocka_unit_test(test_call_and_recv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
