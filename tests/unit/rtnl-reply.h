/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the kernel would answer, packed by the tests of lib/rtnl and
 * lib/netlink: replies built message by message into one datagram, and a
 * stand-in kernel (a SOCK_SEQPACKET pair: one datagram per send, and the
 * end of the conversation when the test closes its end). */
#pragma once
#include <linux/netlink.h>
#include <sys/socket.h>

#include "rtnl.h"

struct reply {
	char buf[8192] __attribute__((aligned(NLMSG_ALIGNTO)));
	size_t len;
	struct rtnl_msg m;
};

/* Start a message of the reply; fill it with rtnl_put*, then reply_end. */
static inline struct rtnl_msg *reply_add(struct reply *r, uint16_t type, uint16_t flags,
					 uint32_t seq, const void *body, size_t size)
{
	rtnl_msg_start(&r->m, r->buf + r->len, sizeof(r->buf) - r->len, type, 0, body, size);
	r->m.h->nlmsg_flags = flags;
	r->m.h->nlmsg_seq = seq;
	return &r->m;
}

static inline void reply_end(struct reply *r)
{
	int n = rtnl_msg_end(&r->m);

	assert_true(n > 0);
	r->len += (size_t)n;
}

/* An NLMSG_ERROR for seq: error 0 is an ack; ext, when not NULL, the
 * kernel's explanation (the reply capped: the request's header only). */
static inline void reply_ack(struct reply *r, uint32_t seq, int error, const char *ext)
{
	struct nlmsgerr e = { .error = error, .msg = { .nlmsg_len = NLMSG_HDRLEN, .nlmsg_seq = seq } };

	reply_add(r, NLMSG_ERROR, (uint16_t)(NLM_F_CAPPED | (ext ? NLM_F_ACK_TLVS : 0)), seq, &e,
		  sizeof(e));
	if (ext)
		rtnl_put_str(&r->m, NLMSGERR_ATTR_MSG, ext);
	reply_end(r);
}

static inline void reply_done(struct reply *r, uint32_t seq)
{
	int zero = 0;

	reply_add(r, NLMSG_DONE, NLM_F_MULTI, seq, &zero, sizeof(zero));
	reply_end(r);
}

/* Send the reply so far as one datagram to the tool's end, and start anew. */
static inline void reply_send(struct reply *r, int fd)
{
	assert_int_equal(send(fd, r->buf, r->len, 0), (ssize_t)r->len);
	r->len = 0;
}

/* A stand-in kernel: sk talks to fds[1]. */
static inline void fake_kernel(struct rtnl *sk, int fds[2])
{
	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds), 0);
	sk->fd = fds[0];
	sk->seq = 1000;
}
