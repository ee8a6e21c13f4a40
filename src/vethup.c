/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vethup: give a network namespace a veth link (cf. ip link add ... type
 * veth; ip netns), in one netlink conversation.
 *
 *   vethup [-t PID|PID:INODE|- | --netns NAME|PATH] [options]
 *   vethup --delete HOST|BRIDGE   (vethup-delete.c)
 *
 * Steps, each one batch of netlink requests (lib/netlink.c):
 *  1. (--bridge) create the bridge, up, unless it exists; look it up.
 *  2. Create the pair, the peer born inside the target namespace, both ends
 *     with their MTU and MAC, the host end up and enslaved to the bridge; and
 *     look the host end up, which also names the peer's ifindex; give a
 *     bridge made in step 1 its alias, VETHUP_BRIDGE_ALIAS.
 *  3. Outside: the host addresses (on the bridge when there is one).
 *  4. Inside, over a socket opened in the namespace: lo and the peer up,
 *     the addresses, the default routes.
 * Three round trips (four with --bridge; step 3 is skipped when there is
 * nothing to add outside). A failure after step 2 deletes the pair (and a
 * bridge made in step 1) before exiting 125. Nothing is ever dumped:
 * lookups are by name or index.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/nsfs.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "err.h"
#include "init.h"
#include "netaddr.h"
#include "netlink.h"
#include "output.h"
#include "target.h"
#include "vethup.h"

/* The target namespace: a file descriptor, and words for messages. */
struct place {
	struct target target;
	int netns_fd;
	unsigned long inode;
	char what[PATH_MAX + 16];	/* "process 4242", "netns /run/netns/box" */
	char default_name[IFNAME_MAX + 1];
};

/* What this run made, so that a failure can undo exactly that. */
struct made {
	bool bridge_created, lo_was_down, pair;
	const char *pair_name;			/* the host end, as requested */
	struct netlink_link bridge, host, peer, lo;
	bool host_addr_added[MAX_ADDRS];	/* on a bridge that existed before */
};

/* ---- the target namespace ---- */

/* Report errno for OBJECT and return it (before printing can change it). */
static int fail_errno(const char *object, const char *what)
{
	int e = errno;

	nsk_err("%s: %s%s", object, what, strerror(e));
	return -e;
}

static int open_netns_file(const struct vethup_opts *o, struct place *p)
{
	char path[PATH_MAX];

	/* A bare name is what ip-netns(8) keeps under /run/netns. */
	if (strchr(o->netns, '/'))
		snprintf(path, sizeof(path), "%s", o->netns);
	else if (snprintf(path, sizeof(path), "/run/netns/%s", o->netns) >= (int)sizeof(path))
		return nsk_usage_err("--netns %s: name too long", o->netns);
	snprintf(p->what, sizeof(p->what), "netns %s", path);
	p->netns_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (p->netns_fd < 0) {
		return fail_errno(path, "");
	}
	/* NS_GET_NSTYPE (Linux 4.11) fails with ENOTTY on anything but nsfs. */
	if (ioctl(p->netns_fd, NS_GET_NSTYPE) != CLONE_NEWNET) {
		nsk_err("%s: not a network namespace", path);
		return -EINVAL;
	}
	return 0;
}

static int open_target_process(const struct vethup_opts *o, struct place *p)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r = target_open(&p->target, o->target, &f);

	if (r < 0) {
		nsk_err_failure(&f, r);
		return r;
	}
	snprintf(p->what, sizeof(p->what), "process %d", (int)p->target.pid);
	/* procfd was checked against the pidfd: this is the target's own. */
	p->netns_fd = openat(p->target.procfd, "ns/net", O_RDONLY | O_CLOEXEC);
	if (p->netns_fd < 0) {
		return fail_errno(p->what, "network namespace: ");
	}
	return 0;
}

static int open_place(const struct vethup_opts *o, struct place *p)
{
	struct stat ours, theirs;
	int r = o->netns ? open_netns_file(o, p) : open_target_process(o, p);

	if (r < 0)
		return r;
	if (fstat(p->netns_fd, &theirs) < 0 || stat("/proc/self/ns/net", &ours) < 0) {
		return fail_errno(p->what, "network namespace: ");
	}
	/* Routes and addresses meant for a container must never land on
	 * the host: the target must be another namespace. */
	if (theirs.st_ino == ours.st_ino && theirs.st_dev == ours.st_dev) {
		nsk_err("%s: is in vethup's own network namespace", p->what);
		return -EINVAL;
	}
	p->inode = (unsigned long)theirs.st_ino;
	/* "veth" + at most 7 digits of a PID, or 10 of a 32-bit inode:
	 * within the 15 bytes of an interface name. */
	if (o->netns)
		snprintf(p->default_name, sizeof(p->default_name), "veth%lu", p->inode);
	else
		snprintf(p->default_name, sizeof(p->default_name), "veth%d", (int)p->target.pid);
	return 0;
}

/* ---- the steps ---- */

void report(const char *object, const char *what, int err, const char *ext)
{
	nsk_err("%s: %s%s%s%s%s%s", object, what, *what ? ": " : "", strerror(-err),
		*ext ? " (" : "", ext, *ext ? ")" : "");
}

void report_item(const char *object, const char *what, const struct netlink_batch *b, int err)
{
	report(object, what, err, b->ext_msg);
}

/* The bridge, created up if it is missing, and its ifindex: one round
 * trip either way (creating exclusively fails with EEXIST when it is
 * there, and the lookup that follows answers in both cases). */
static int prepare_bridge(struct rtnl *host, const struct vethup_opts *o, struct made *m)
{
	struct netlink_batch b;
	int r;

	netlink_batch_init(&b);
	netlink_batch_bridge_add(&b, o->bridge);
	netlink_batch_link_get(&b, o->bridge, 0, &m->bridge);
	r = netlink_batch_commit(host, &b);
	/* one whose answer was lost may have been made: undo tries */
	m->bridge_created = b.err[0] == 0 || b.unanswered[0];
	if (b.err[0] && b.err[0] != -EEXIST) {
		report_item(o->bridge, "creating the bridge", &b, b.err[0]);
		return b.err[0];
	}
	if (b.err[1]) {
		report_item(o->bridge, "looking it up", &b, b.err[1]);
		return b.err[1];
	}
	if (strcmp(m->bridge.kind, "bridge") != 0) {
		nsk_err("%s: not a bridge (%s)", o->bridge, *m->bridge.kind ? m->bridge.kind : "no kind");
		return -EINVAL;
	}
	return r == -EEXIST || r == 0 ? 0 : r;
}

/* After EEXIST, say which end's name is taken (one more lookup, on the
 * error path only). */
static void report_name_in_use(struct rtnl *host, const char *name, const char *peer,
			       const struct place *p)
{
	struct netlink_link l;
	struct netlink_batch b;

	netlink_batch_init(&b);
	netlink_batch_link_get(&b, name, 0, &l);
	if (netlink_batch_commit(host, &b) == 0)
		nsk_err("%s: name in use", name);
	else
		nsk_err("%s: name in use in the network namespace of %s", peer, p->what);
}

static int create_pair(struct rtnl *host, const struct vethup_opts *o, const struct place *p,
		       struct made *m)
{
	const char *name = o->name ? o->name : p->default_name;
	struct netlink_veth v = {
		.name = name, .peer = o->peer, .peer_netns_fd = p->netns_fd, .mtu = o->mtu,
		.mac = o->mac_text ? &o->mac : NULL, .peer_mac = o->peer_mac_text ? &o->peer_mac : NULL,
		.master = o->bridge ? m->bridge.ifindex : 0,
	};
	struct netlink_batch b;
	int r;

	netlink_batch_init(&b);
	netlink_batch_veth_add(&b, &v);
	/* The host end's IFLA_LINK is the peer's ifindex: no lookup inside. */
	netlink_batch_link_get(&b, name, 0, &m->host);
	/* A bridge made here is marked so, for --delete to know it is ours
	 * (the kernel takes no alias at creation: here it costs nothing). */
	if (m->bridge_created)
		netlink_batch_link_set_alias(&b, m->bridge.ifindex, VETHUP_BRIDGE_ALIAS);
	r = netlink_batch_commit(host, &b);
	m->pair = b.err[0] == 0 || b.unanswered[0];
	m->pair_name = name;
	if (r == -EEXIST && b.failed == 0) {
		report_name_in_use(host, name, o->peer, p);
	} else if (r < 0 && b.failed == 2) {
		report_item(o->bridge, "setting its alias", &b, r);
	} else if (r < 0) {
		char what[64];
		snprintf(what, sizeof(what), "creating the veth pair with %s", o->peer);
		report_item(name, b.failed == 1 ? "looking it up" : what, &b, r);
	}
	return r;
}

/* Outside: the host addresses, on the bridge when there is one. A bridge
 * that existed may hold them already (a second container on it). For
 * the output options the bridge is looked up again: it took a MAC from its
 * new port. */
static int configure_host(struct rtnl *host, const struct vethup_opts *o, struct made *m)
{
	const struct netlink_link *on = o->bridge ? &m->bridge : &m->host;
	bool shared = o->bridge && !m->bridge_created;
	char text[IPADDR_STRLEN], what[IPADDR_STRLEN + 16];
	unsigned n = o->nhost_addrs;
	struct netlink_batch b;
	int r;

	bool relook = o->bridge && o->out.first;

	if (!n && !relook)
		return 0;
	netlink_batch_init(&b);
	for (unsigned i = 0; i < n; i++)
		netlink_batch_addr_add(&b, on->ifindex, &o->host_addrs[i]);
	if (relook)
		netlink_batch_link_get(&b, NULL, m->bridge.ifindex, &m->bridge);
	r = netlink_batch_commit(host, &b);
	if (r < 0 && b.failed < 0) {
		report(on->name, "adding addresses", r, "");
		return r;
	}
	for (unsigned i = 0; i < n; i++)
		m->host_addr_added[i] = b.err[i] == 0 || b.unanswered[i];
	for (unsigned i = 0; i < n; i++) {
		if (b.err[i] == 0 || (shared && b.err[i] == -EEXIST))
			continue;
		snprintf(what, sizeof(what), "address %s",
			 ipaddr_format(&o->host_addrs[i], true, text, sizeof(text)));
		report_item(on->name, what, &b, b.err[i]);
		return b.err[i];
	}
	if (relook && b.err[n]) {
		report_item(o->bridge, "looking it up", &b, b.err[n]);
		return b.err[n];
	}
	return 0;
}

/* The gateway of a family: --gateway, else the first host address of
 * that family, provided the inside has an address of it. */
static const struct ipaddr *gateway_for(const struct vethup_opts *o, int family)
{
	bool inside = false;

	if (o->no_gateway)
		return NULL;
	if (o->has_gateway[family_slot(family)])
		return &o->gateway[family_slot(family)];
	for (unsigned i = 0; i < o->naddrs; i++)
		inside = inside || o->addrs[i].family == family;
	for (unsigned i = 0; inside && i < o->nhost_addrs; i++)
		if (o->host_addrs[i].family == family)
			return &o->host_addrs[i];
	return NULL;
}

/* Inside: lo up, the addresses and the default routes, in one batch;
 * item descriptions for messages go in what[]. */
static int configure_inner(struct rtnl *inner, const struct vethup_opts *o, struct made *m)
{
	static const int families[] = { AF_INET, AF_INET6 };
	char what[NETLINK_BATCH_MAX][IPADDR_STRLEN + 32] = { "" }, text[IPADDR_STRLEN];
	bool route[NETLINK_BATCH_MAX] = { false };
	struct netlink_batch b;
	int peer = m->host.link, i, r;

	netlink_batch_init(&b);
	/* lo's state before, so that a failure can leave it as it was */
	netlink_batch_link_get(&b, NULL, NETLINK_LOOPBACK_IFINDEX, &m->lo);
	if ((i = netlink_batch_link_set_up(&b, NETLINK_LOOPBACK_IFINDEX, true)) >= 0)
		snprintf(what[i], sizeof(what[0]), "bringing lo up");
	if ((i = netlink_batch_link_set_up(&b, peer, true)) >= 0)
		snprintf(what[i], sizeof(what[0]), "bringing it up");
	for (unsigned k = 0; k < o->naddrs; k++)
		if ((i = netlink_batch_addr_add(&b, peer, &o->addrs[k])) >= 0)
			snprintf(what[i], sizeof(what[0]), "address %s",
				 ipaddr_format(&o->addrs[k], true, text, sizeof(text)));
	for (unsigned k = 0; k < ELEMENTSOF(families); k++) {
		const struct ipaddr *gw = gateway_for(o, families[k]);
		if (gw && (i = netlink_batch_default_route(&b, peer, gw)) >= 0) {
			snprintf(what[i], sizeof(what[0]), "default route via %s",
				 ipaddr_format(gw, false, text, sizeof(text)));
			route[i] = true;
		}
	}
	if (o->out.first)	/* its MAC and MTU, as the kernel has them */
		netlink_batch_link_get(&b, NULL, peer, &m->peer);
	r = netlink_batch_commit(inner, &b);
	m->lo_was_down = b.err[0] == 0 && !m->lo.up;
	/* Created exclusively (NLM_F_EXCL): EEXIST is a default route of
	 * that family already there, as after a first vethup. */
	if (r == -EEXIST && b.failed >= 0 && route[b.failed])
		nsk_err("%s: %s: the network namespace has a default route already (give "
			"--gateway none to skip it)", o->peer, what[b.failed]);
	else if (r < 0)
		report_item(o->peer, b.failed >= 0 ? what[b.failed] : "configuring", &b, r);
	return r;
}

/* Every deletion of the batch succeeded or found nothing to delete. */
static bool all_gone(const struct netlink_batch *b)
{
	for (unsigned i = 0; i < b->count; i++)
		if (b->err[i] && b->err[i] != -ENODEV && b->err[i] != -EADDRNOTAVAIL)
			return false;
	return true;
}

/* Undo in reverse order; a failure to undo warns and names what is left. */
static void undo(struct rtnl *host, struct rtnl *inner, const struct vethup_opts *o,
		 struct made *m)
{
	struct netlink_batch b;
	int r;

	netlink_batch_init(&b);
	if (inner->fd >= 0 && m->lo_was_down &&
	    netlink_batch_link_set_up(&b, NETLINK_LOOPBACK_IFINDEX, false) >= 0 &&
	    netlink_batch_commit(inner, &b) < 0)
		nsk_warn("lo: left up in the network namespace: %s", strerror(-b.err[0]));
	if (o->bridge && !m->bridge_created)
		for (unsigned i = 0; i < o->nhost_addrs; i++)
			if (m->host_addr_added[i])
				netlink_batch_addr_del(&b, m->bridge.ifindex, &o->host_addrs[i]);
	/* Deleting the host end deletes the peer with it. */
	if (m->pair)
		netlink_batch_link_del(&b, m->pair_name, m->host.ifindex);
	if (m->bridge_created)
		netlink_batch_link_del(&b, o->bridge, m->bridge.ifindex);
	/* what is not there (made only maybe: its answer was lost) is undone */
	if ((r = netlink_batch_commit(host, &b)) < 0 && !all_gone(&b))
		nsk_warn("undoing: %s: %s left behind", strerror(-r),
			 m->pair ? m->pair_name : o->bridge ? o->bridge : "an address");
}

/* ---- the output options: what was made ---- */

static int add_link_row(struct libscols_table *tb, const struct vethup_opts *o, const char *end,
			const struct netlink_link *l, unsigned long netns,
			const struct ipaddr *addrs, unsigned naddrs)
{
	char ifindex[16], ns[24], mac[MAC_STRLEN], mtu[16], text[IPADDR_STRLEN];
	char list[MAX_ADDRS * (IPADDR_STRLEN + 1)] = "";
	const char *cells[VCOL_COUNT] = {
		[VCOL_END] = end, [VCOL_IFNAME] = l->name, [VCOL_IFINDEX] = ifindex,
		[VCOL_NETNS] = ns, [VCOL_ADDRESS] = mac_format(l->mac, mac, sizeof(mac)),
		[VCOL_MTU] = mtu, [VCOL_ADDR] = naddrs ? list : NULL,
	};

	snprintf(ifindex, sizeof(ifindex), "%d", l->ifindex);
	snprintf(ns, sizeof(ns), "%lu", netns);
	snprintf(mtu, sizeof(mtu), "%u", l->mtu);
	for (unsigned i = 0; i < naddrs; i++)
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? "," : "",
			 ipaddr_format(&addrs[i], true, text, sizeof(text)));
	return out_table_add_selected(tb, &o->columns, cells);
}

/* What was made, one row per link: host, peer, bridge (-J: {"vethup": [..]}). */
static int print_made(const struct vethup_opts *o, const struct place *p, const struct made *m)
{
	struct libscols_table *tb = out_table_new_selected(&o->out, vethup_columns, &o->columns,
							   false, "vethup");
	struct stat ours;
	int r;

	if (!tb)
		return -ENOMEM;
	if (stat("/proc/self/ns/net", &ours) < 0) {
		r = -errno;
		out_table_free(tb);
		return r;
	}
	if (add_link_row(tb, o, "host", &m->host, (unsigned long)ours.st_ino, o->host_addrs,
			 o->bridge ? 0 : o->nhost_addrs) < 0 ||
	    add_link_row(tb, o, "peer", &m->peer, p->inode, o->addrs, o->naddrs) < 0 ||
	    (o->bridge && add_link_row(tb, o, "bridge", &m->bridge, (unsigned long)ours.st_ino,
				       o->host_addrs, o->nhost_addrs) < 0)) {
		out_table_free(tb);
		return -ENOMEM;
	}
	r = out_table_print(tb, NULL);
	return r < 0 ? r : fflush(stdout) == 0 ? 0 : -errno;
}

/* ---- main paths ---- */

/* From the handle read to the handle written, the signals that end vethup
 * are held back: one that came meanwhile has vethup undo what it made,
 * then ends it (128+N), nothing left. */
static int run_create(const struct vethup_opts *o)
{
	struct place p = { .target = TARGET_INIT, .netns_fd = -1 };
	struct rtnl host = RTNL_CLOSED, inner = RTNL_CLOSED;
	struct made m = { .bridge_created = false };
	sigset_t ending, mask;
	int r = open_place(o, &p);

	init_block_ending(&ending, &mask);
	if (r < 0)
		goto out;
	if ((r = netlink_open(&host)) < 0 || (r = netlink_open_in(p.netns_fd, &inner)) < 0) {
		report(host.fd >= 0 ? p.what : "netlink", host.fd >= 0 ? "netlink socket" : "", r, "");
		goto out;
	}
	if ((o->bridge && (r = prepare_bridge(&host, o, &m)) < 0) ||
	    (r = create_pair(&host, o, &p, &m)) < 0 || (r = configure_host(&host, o, &m)) < 0 ||
	    (r = configure_inner(&inner, o, &m)) < 0)
		goto undo;
	if (init_ending_pending(&ending)) {
		r = -EINTR;	/* said by the signal, when it ends us */
		goto undo;
	}
	if ((r = target_echo(&p.target)) < 0 || (o->out.first && (r = print_made(o, &p, &m)) < 0)) {
		report("stdout", "", r, "");
		goto undo;
	}
	goto out;
undo:
	undo(&host, &inner, o, &m);
out:
	netlink_close(&inner);
	netlink_close(&host);
	closep(&p.netns_fd);
	target_close(&p.target);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	return r < 0 ? EXIT_TOOL_FAILED : 0;
}

int main(int argc, char **argv)
{
	struct vethup_opts o = { .grace_ms = -1 };
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r = vethup_parse_args(argc, argv, &o);

	if (r <= 0)
		return r < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	/* the table's library, only when asked to print one (lib/dl) */
	if (o.out.first && (r = out_load(&f)) < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	return o.delete ? vethup_run_delete(o.delete, o.grace_ms) : run_create(&o);
}
