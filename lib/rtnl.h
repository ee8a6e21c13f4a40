/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Routing netlink by hand (no libnl): a NETLINK_ROUTE socket, requests
 * packed into the caller's buffer (struct nlmsghdr, a fixed header such
 * as struct ifinfomsg, then attributes), and the checked reading of what
 * the kernel sends back. lib/netlink (vethup's steps) and lib/netshow
 * (nsls's dumps) speak rtnetlink through this module only.
 *
 * Every reply is read as untrusted bytes: a message whose header or
 * length runs past the datagram, or an attribute whose length runs past
 * its message, is -EBADMSG, never read beyond. */
#pragma once
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Room for one datagram of a dump: the kernel fills at most 32 KiB per
 * datagram (netlink_dump: max_recvmsg_len is capped there). */
#define RTNL_RECV_SIZE 32768

/* A NETLINK_ROUTE socket and the sequence number of its last request;
 * fd -1 when closed (RTNL_CLOSED initialises one). */
struct rtnl {
	int fd;
	uint32_t seq;
};
#define RTNL_CLOSED { .fd = -1, .seq = 0 }

/* Open a socket in the caller's network namespace, with short acks and
 * the kernel's extended acks where it has them: 0 or -errno (then fd is
 * -1). */
int rtnl_open(struct rtnl *ret);
/* Close it if it is open (again: nothing). */
void rtnl_close(struct rtnl *r);
/* The next sequence number for a request of r. */
uint32_t rtnl_next_seq(struct rtnl *r);
/* Send len bytes of requests (one or several messages) in one sendmsg(),
 * EINTR retried: 0 or -errno. */
int rtnl_send(struct rtnl *r, const void *buf, size_t len);
/* Receive one datagram into buf (RTNL_RECV_SIZE bytes, aligned), EINTR
 * retried: its length, -EMSGSIZE when it did not fit, -EPROTO when the
 * socket was closed by the other end (a test's stand-in kernel), -errno. */
ssize_t rtnl_recv(struct rtnl *r, void *buf, size_t size);

/* A request being packed into a caller's buffer. Once something does not
 * fit, err is -EMSGSIZE and the rest is ignored: check once, at the end. */
struct rtnl_msg {
	struct nlmsghdr *h;
	size_t cap;		/* bytes of the buffer from h on */
	int err;
};

/* Start a request of type with flags (NLM_F_REQUEST | NLM_F_ACK are
 * added) and the fixed header body of size bytes, at buf (4-byte aligned). */
void rtnl_msg_start(struct rtnl_msg *m, void *buf, size_t cap, uint16_t type, uint16_t flags,
		    const void *body, size_t size);
/* Append an attribute: its header, the data, padding to 4 bytes. */
void rtnl_put(struct rtnl_msg *m, uint16_t type, const void *data, size_t size);
void rtnl_put_u32(struct rtnl_msg *m, uint16_t type, uint32_t value);
/* Append bytes that are no attribute, padded to 4 bytes: the ifinfomsg
 * that VETH_INFO_PEER nests before the peer's attributes. */
void rtnl_put_raw(struct rtnl_msg *m, const void *data, size_t size);
/* A string with its NUL, as the kernel's NLA_STRING/NLA_NUL_STRING want. */
void rtnl_put_str(struct rtnl_msg *m, uint16_t type, const char *s);
/* A nested attribute: start returns where it begins, end sets its length
 * to cover everything appended since. */
size_t rtnl_nest_start(struct rtnl_msg *m, uint16_t type);
void rtnl_nest_end(struct rtnl_msg *m, size_t start);
/* The finished request's length (aligned: the next may follow at once),
 * or m->err. */
int rtnl_msg_end(struct rtnl_msg *m);

/* Step through the messages of a received datagram of len bytes:
 * 1 with *ret the message at *off (then *off moves past it), 0 at the
 * end, -EBADMSG when a header or a length does not fit. */
int rtnl_next(const void *buf, size_t len, size_t *off, const struct nlmsghdr **ret);
/* The attributes of h after its fixed header of fixed bytes, by type into
 * tb[0..max] (later duplicates win, types above max are skipped; NULL
 * where absent): 0, or -EBADMSG when the message is shorter than its fixed
 * header or an attribute's length runs past the message. */
int rtnl_attrs(const struct nlmsghdr *h, size_t fixed, const struct rtattr **tb, unsigned max);
/* The same for len bytes of attributes at start. */
int rtnl_parse(const void *start, size_t len, const struct rtattr **tb, unsigned max);
/* The same for the payload of a nested attribute, after skip bytes (the
 * peer of a veth nests a struct ifinfomsg first). */
int rtnl_nested(const struct rtattr *a, size_t skip, const struct rtattr **tb, unsigned max);
/* An attribute's payload and its length. */
const void *rtnl_data(const struct rtattr *a);
size_t rtnl_len(const struct rtattr *a);
/* A u32 attribute: 0, or -EBADMSG when it is not 4 bytes. */
int rtnl_get_u32(const struct rtattr *a, uint32_t *ret);
/* A string attribute into buf of size bytes (cut to fit, NUL-terminated,
 * stopping at a NUL inside): a missing attribute gives "". */
void rtnl_get_str(const struct rtattr *a, char *buf, size_t size);

/* What an NLMSG_ERROR message says. */
struct rtnl_ack {
	int error;		/* 0 (an acknowledgement) or -errno */
	const char *ext_msg;	/* the kernel's explanation (NLMSGERR_ATTR_MSG), or NULL */
	size_t ext_len;		/* its length (it need not be NUL-terminated here) */
};
/* Read an NLMSG_ERROR: 0 with *ret filled, -EBADMSG when it is too short
 * or its error is not 0 or an errno. */
int rtnl_parse_ack(const struct nlmsghdr *h, struct rtnl_ack *ret);

/* One datagram of the answer to the dump of sequence number seq: each
 * RTM_* message is handed to each(h, arg) (a negative return stops and is
 * returned), messages of other sequence numbers are skipped. 1 when the
 * dump ended (NLMSG_DONE, or an acknowledgement), 0 when more is to come,
 * -errno of an NLMSG_ERROR, -EBADMSG for a malformed datagram. */
int rtnl_dump_take(const void *buf, size_t len, uint32_t seq,
		   int (*each)(const struct nlmsghdr *h, void *arg), void *arg);
/* Send a dump request (NLM_F_DUMP is added; its sequence number set) and
 * hand every answer to each: 0 or -errno. */
int rtnl_dump(struct rtnl *r, struct rtnl_msg *req,
	      int (*each)(const struct nlmsghdr *h, void *arg), void *arg);
/* Send one request (its sequence number set) and read until its ack,
 * handing the answers before it to each (NULL: none expected): 0, the
 * kernel's -errno, or -errno of the conversation. */
int rtnl_call(struct rtnl *r, struct rtnl_msg *req,
	      int (*each)(const struct nlmsghdr *h, void *arg), void *arg);
