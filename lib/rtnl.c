/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "rtnl.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

/* The largest errno the kernel returns (MAX_ERRNO, include/linux/err.h). */
#define RTNL_MAX_ERRNO 4095

int rtnl_open(struct rtnl *ret)
{
	struct sockaddr_nl self = { .nl_family = AF_NETLINK };
	int one = 1, fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	ret->fd = -1;
	if (fd < 0)
		return -errno;
	/* bound by the kernel to a port of its choice */
	if (bind(fd, (struct sockaddr *)&self, sizeof(self)) < 0) {
		int r = -errno;
		close(fd);
		return r;
	}
	/* Short acknowledgements (no copy of the request) and the kernel's
	 * own explanation of an error (extended ack); both are hints, so a
	 * kernel without them is not an error. */
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	ret->fd = fd;
	/* as libnl does: a run's numbers differ from the last run's, so that
	 * a stale answer is not taken for a new one */
	ret->seq = (uint32_t)time(NULL);
	return 0;
}

void rtnl_close(struct rtnl *r)
{
	if (r->fd >= 0)
		close(r->fd);
	r->fd = -1;
}

uint32_t rtnl_next_seq(struct rtnl *r)
{
	return ++r->seq;
}

int rtnl_send(struct rtnl *r, const void *buf, size_t len)
{
	/* No address: a netlink socket's default destination is the kernel. */
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;

	/* (MSG_NOSIGNAL: for the stand-in kernel of the unit tests) */
	while ((n = sendmsg(r->fd, &mh, MSG_NOSIGNAL)) < 0)
		if (errno != EINTR)
			return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

ssize_t rtnl_recv(struct rtnl *r, void *buf, size_t size)
{
	struct iovec iov = { .iov_base = buf, .iov_len = size };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;

	while ((n = recvmsg(r->fd, &mh, 0)) < 0)
		if (errno != EINTR)
			return -errno;
	if (mh.msg_flags & MSG_TRUNC)
		return -EMSGSIZE;
	return n == 0 ? -EPROTO : n;
}

void rtnl_msg_start(struct rtnl_msg *m, void *buf, size_t cap, uint16_t type, uint16_t flags,
		    const void *body, size_t size)
{
	m->h = buf;
	m->cap = cap;
	m->err = 0;
	if (cap < NLMSG_SPACE(size)) {
		m->err = -EMSGSIZE;
		return;
	}
	memset(buf, 0, NLMSG_SPACE(size));
	m->h->nlmsg_len = NLMSG_LENGTH(size);
	m->h->nlmsg_type = type;
	m->h->nlmsg_flags = (uint16_t)(NLM_F_REQUEST | NLM_F_ACK | flags);
	if (size)
		memcpy(NLMSG_DATA(m->h), body, size);
}

void rtnl_put(struct rtnl_msg *m, uint16_t type, const void *data, size_t size)
{
	struct rtattr *a;
	size_t at;

	if (m->err < 0)
		return;
	at = NLMSG_ALIGN(m->h->nlmsg_len);
	if (size > UINT16_MAX - RTA_LENGTH(0) || at + RTA_SPACE(size) > m->cap) {
		m->err = -EMSGSIZE;
		return;
	}
	a = (struct rtattr *)((char *)m->h + at);
	memset(a, 0, RTA_SPACE(size));
	a->rta_type = type;
	a->rta_len = (unsigned short)RTA_LENGTH(size);
	if (size)
		memcpy(RTA_DATA(a), data, size);
	m->h->nlmsg_len = (uint32_t)(at + RTA_SPACE(size));
}

void rtnl_put_raw(struct rtnl_msg *m, const void *data, size_t size)
{
	size_t at;

	if (m->err < 0)
		return;
	at = NLMSG_ALIGN(m->h->nlmsg_len);
	if (size > UINT16_MAX || at + RTA_ALIGN(size) > m->cap) {
		m->err = -EMSGSIZE;
		return;
	}
	memset((char *)m->h + at, 0, RTA_ALIGN(size));
	memcpy((char *)m->h + at, data, size);
	m->h->nlmsg_len = (uint32_t)(at + RTA_ALIGN(size));
}

void rtnl_put_u32(struct rtnl_msg *m, uint16_t type, uint32_t value)
{
	rtnl_put(m, type, &value, sizeof(value));
}

void rtnl_put_str(struct rtnl_msg *m, uint16_t type, const char *s)
{
	rtnl_put(m, type, s, strlen(s) + 1);
}

size_t rtnl_nest_start(struct rtnl_msg *m, uint16_t type)
{
	size_t at;

	if (m->err < 0)
		return 0;
	at = NLMSG_ALIGN(m->h->nlmsg_len);
	rtnl_put(m, type, NULL, 0);
	return at;
}

void rtnl_nest_end(struct rtnl_msg *m, size_t start)
{
	struct rtattr *a;
	size_t len;

	if (m->err < 0)
		return;
	a = (struct rtattr *)((char *)m->h + start);
	len = m->h->nlmsg_len - start;
	if (len > UINT16_MAX) {
		m->err = -EMSGSIZE;
		return;
	}
	a->rta_len = (unsigned short)len;
}

int rtnl_msg_end(struct rtnl_msg *m)
{
	return m->err < 0 ? m->err : (int)NLMSG_ALIGN(m->h->nlmsg_len);
}

int rtnl_next(const void *buf, size_t len, size_t *off, const struct nlmsghdr **ret)
{
	const struct nlmsghdr *h;
	size_t left;

	*ret = NULL;
	if (*off >= len)
		return 0;
	left = len - *off;
	h = (const struct nlmsghdr *)((const char *)buf + *off);
	if (left < sizeof(*h) || h->nlmsg_len < sizeof(*h) || h->nlmsg_len > left)
		return -EBADMSG;
	/* the last message's padding may be missing */
	*off += NLMSG_ALIGN(h->nlmsg_len) < left ? NLMSG_ALIGN(h->nlmsg_len) : left;
	*ret = h;
	return 1;
}

int rtnl_parse(const void *start, size_t len, const struct rtattr **tb, unsigned max)
{
	size_t off = 0;

	memset(tb, 0, (max + 1) * sizeof(*tb));
	/* fewer bytes than a header at the end: padding, as the kernel's
	 * nla_parse takes it */
	while (len - off >= sizeof(struct rtattr)) {
		const struct rtattr *a = (const struct rtattr *)((const char *)start + off);
		if (a->rta_len < sizeof(*a) || a->rta_len > len - off)
			return -EBADMSG;
		if (a->rta_type <= max)
			tb[a->rta_type] = a;
		off += RTA_ALIGN(a->rta_len) < len - off ? RTA_ALIGN(a->rta_len) : len - off;
	}
	return 0;
}

int rtnl_attrs(const struct nlmsghdr *h, size_t fixed, const struct rtattr **tb, unsigned max)
{
	size_t skip = NLMSG_HDRLEN + NLMSG_ALIGN(fixed);

	if (h->nlmsg_len < NLMSG_LENGTH(fixed)) {
		memset(tb, 0, (max + 1) * sizeof(*tb));
		return -EBADMSG;
	}
	if (h->nlmsg_len <= skip) {
		memset(tb, 0, (max + 1) * sizeof(*tb));
		return 0;
	}
	return rtnl_parse((const char *)h + skip, h->nlmsg_len - skip, tb, max);
}

int rtnl_nested(const struct rtattr *a, size_t skip, const struct rtattr **tb, unsigned max)
{
	size_t len = rtnl_len(a);

	skip = RTA_ALIGN(skip);
	if (len < skip) {
		memset(tb, 0, (max + 1) * sizeof(*tb));
		return -EBADMSG;
	}
	return rtnl_parse((const char *)rtnl_data(a) + skip, len - skip, tb, max);
}

const void *rtnl_data(const struct rtattr *a)
{
	return RTA_DATA(a);
}

size_t rtnl_len(const struct rtattr *a)
{
	return a->rta_len - RTA_LENGTH(0);
}

int rtnl_get_u32(const struct rtattr *a, uint32_t *ret)
{
	if (rtnl_len(a) != sizeof(*ret))
		return -EBADMSG;
	memcpy(ret, rtnl_data(a), sizeof(*ret));
	return 0;
}

void rtnl_get_str(const struct rtattr *a, char *buf, size_t size)
{
	size_t len = 0;

	if (!size)
		return;
	if (a) {
		const char *s = rtnl_data(a);
		size_t max = rtnl_len(a);
		while (len < max && len + 1 < size && s[len])
			len++;
		memcpy(buf, s, len);
	}
	buf[len] = '\0';
}

int rtnl_parse_ack(const struct nlmsghdr *h, struct rtnl_ack *ret)
{
	const struct nlmsgerr *e = NLMSG_DATA(h);
	const struct rtattr *tb[NLMSGERR_ATTR_MAX + 1];
	size_t payload, off = sizeof(*e);

	memset(ret, 0, sizeof(*ret));
	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*e)) || e->error > 0 ||
	    e->error < -RTNL_MAX_ERRNO)
		return -EBADMSG;
	ret->error = e->error;
	if (!(h->nlmsg_flags & NLM_F_ACK_TLVS))
		return 0;
	/* The TLVs follow the request (only its header when capped). A reply
	 * whose TLVs do not parse still says whether the request failed: the
	 * explanation is a hint, and is left out. */
	payload = h->nlmsg_len - NLMSG_HDRLEN;
	if (!(h->nlmsg_flags & NLM_F_CAPPED)) {
		if (e->msg.nlmsg_len < NLMSG_HDRLEN || e->msg.nlmsg_len - NLMSG_HDRLEN > payload)
			return 0;
		off += NLMSG_ALIGN(e->msg.nlmsg_len - NLMSG_HDRLEN);
	}
	if (off > payload ||
	    rtnl_parse((const char *)e + off, payload - off, tb, NLMSGERR_ATTR_MAX) < 0 ||
	    !tb[NLMSGERR_ATTR_MSG])
		return 0;
	ret->ext_msg = rtnl_data(tb[NLMSGERR_ATTR_MSG]);
	ret->ext_len = strnlen(ret->ext_msg, rtnl_len(tb[NLMSGERR_ATTR_MSG]));
	return 0;
}

/* The error an NLMSG_DONE carries (the kernel puts the dump's status
 * there), or 0 when it carries none. */
static int done_error(const struct nlmsghdr *h)
{
	int e;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(e)))
		return 0;
	memcpy(&e, NLMSG_DATA(h), sizeof(e));
	return e < 0 && e >= -RTNL_MAX_ERRNO ? e : 0;
}

int rtnl_dump_take(const void *buf, size_t len, uint32_t seq,
		   int (*each)(const struct nlmsghdr *h, void *arg), void *arg)
{
	const struct nlmsghdr *h;
	struct rtnl_ack ack;
	size_t off = 0;
	int r;

	while ((r = rtnl_next(buf, len, &off, &h)) > 0) {
		if (h->nlmsg_seq != seq)
			continue;	/* not ours */
		if (h->nlmsg_type == NLMSG_DONE)
			return done_error(h) ?: 1;
		if (h->nlmsg_type == NLMSG_ERROR) {
			if ((r = rtnl_parse_ack(h, &ack)) < 0)
				return r;
			return ack.error ?: 1;
		}
		if (h->nlmsg_type < NLMSG_MIN_TYPE)
			continue;	/* NLMSG_NOOP, NLMSG_OVERRUN */
		if (each && (r = each(h, arg)) < 0)
			return r;
	}
	return r;
}

/* Send req with seq and flags added, then read datagrams until the
 * answer ends. */
static int converse(struct rtnl *r, struct rtnl_msg *req, uint16_t flags,
		    int (*each)(const struct nlmsghdr *h, void *arg), void *arg)
{
	char buf[RTNL_RECV_SIZE] __attribute__((aligned(NLMSG_ALIGNTO)));
	int len = rtnl_msg_end(req), done = 0;
	uint32_t seq;

	if (len < 0)
		return len;
	req->h->nlmsg_flags |= flags;
	req->h->nlmsg_seq = seq = rtnl_next_seq(r);
	if ((done = rtnl_send(r, req->h, req->h->nlmsg_len)) < 0)
		return done;
	while (done == 0) {
		ssize_t n = rtnl_recv(r, buf, sizeof(buf));
		if (n < 0)
			return (int)n;
		done = rtnl_dump_take(buf, (size_t)n, seq, each, arg);
	}
	return done < 0 ? done : 0;
}

int rtnl_dump(struct rtnl *r, struct rtnl_msg *req,
	      int (*each)(const struct nlmsghdr *h, void *arg), void *arg)
{
	return converse(r, req, NLM_F_DUMP, each, arg);
}

int rtnl_call(struct rtnl *r, struct rtnl_msg *req,
	      int (*each)(const struct nlmsghdr *h, void *arg), void *arg)
{
	return converse(r, req, 0, each, arg);
}
