/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vethup --delete NAME [--grace MS]: delete a veth pair by its host end,
 * and the bridge it was a port of when vethup made that bridge (its alias
 * says so) and no port is left; or delete a bridge without ports by name.
 * Lookups are by name or index; the one listing is of the bridge's ports,
 * which the kernel filters (netlink_link_ports). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>

#include "cleanup.h"
#include "err.h"
#include "init.h"
#include "linkgone.h"
#include "netlink.h"
#include "vethup.h"

/* Look a link up by name (ifindex 0) or index: 0, -ENODEV (not reported
 * when missing_ok), or -errno after one line. */
static int look_up(struct rtnl *host, const char *name, int ifindex, bool missing_ok,
		   struct netlink_link *l)
{
	struct netlink_batch b;
	int r;

	netlink_batch_init(&b);
	netlink_batch_link_get(&b, name, ifindex, l);
	r = netlink_batch_commit(host, &b);
	if (r == -ENODEV && !missing_ok)
		nsk_err("%s: no such interface", name);
	else if (r < 0 && r != -ENODEV)
		report_item(name, "", &b, r);
	return r;
}

static bool is_kind(const struct netlink_link *l, const char *kind)
{
	return strcmp(l->kind, kind) == 0;
}

/* Delete the bridge br unless it has ports. Asked for by name, a bridge
 * with ports is refused (named); after its last port (after_port), one
 * that has others stays, and one already gone is no error. */
static int delete_bridge(struct rtnl *host, const struct netlink_link *br, bool after_port)
{
	struct netlink_link ports[4];
	struct netlink_batch b;
	char names[ELEMENTSOF(ports) * (IFNAME_MAX + 2) + 8] = "";
	/* after its port: the line says what was done and what stays */
	const char *stays = after_port ? "the pair is deleted, the bridge stays" : "";
	int n = netlink_link_ports(host, br->ifindex, ports, ELEMENTSOF(ports)), r;

	if (n < 0) {
		report(br->name, "listing its ports", n, stays);
		return n;
	}
	if (n > 0 && after_port)
		return 0;
	if (n > 0) {
		for (int i = 0; i < n && i < (int)ELEMENTSOF(ports); i++)
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
				 i ? ", " : "", ports[i].name);
		nsk_err("%s: the bridge still has ports (%s%s)", br->name, names,
			n > (int)ELEMENTSOF(ports) ? ", ..." : "");
		return -ENOTEMPTY;
	}
	netlink_batch_init(&b);
	netlink_batch_link_del(&b, br->name, br->ifindex);
	r = netlink_batch_commit(host, &b);
	if (r == -ENODEV && after_port)
		r = 0;		/* deleted by someone else meanwhile */
	else if (r < 0)
		report(br->name, "deleting the bridge", r, after_port ? stays : b.ext_msg);
	return r;
}

/* --grace: wait for the kernel to delete the pair (it does when the
 * namespace of the peer ends), or for a signal that ends vethup (stop_fd,
 * a signalfd), which cuts the grace short; 0 when the kernel did. */
static int await_kernel(int events, const struct netlink_link *l, long grace_ms, int stop_fd)
{
	int r = linkgone_wait(events, l->ifindex, grace_ms, stop_fd);

	if (r < 0 && r != -ETIME && r != -EINTR)
		nsk_warn("%s: waiting for its deletion: %s", l->name, strerror(-r));
	return r;
}

/* The pair whose host end is l, then its bridge if vethup made it and no
 * port is left: the bridge is looked up first, while l is its port. */
static int delete_veth(struct rtnl *host, int events, const struct netlink_link *l,
		       long grace_ms, int stop_fd)
{
	bool grace = grace_ms >= 0, ours = false;
	char what[IFNAME_MAX + 16];
	struct netlink_link br;
	struct netlink_batch b;
	int r;

	snprintf(what, sizeof(what), "%s: its bridge", l->name);
	r = l->master ? look_up(host, what, l->master, true, &br) : -ENODEV;

	if (r == 0)
		ours = is_kind(&br, "bridge") && strcmp(br.alias, VETHUP_BRIDGE_ALIAS) == 0;
	else if (r != -ENODEV)
		return r;
	if (!grace || await_kernel(events, l, grace_ms, stop_fd) != 0) {
		netlink_batch_init(&b);
		netlink_batch_link_del(&b, l->name, l->ifindex);
		r = netlink_batch_commit(host, &b);
		if (r == -ENODEV && grace)
			r = 0;	/* the kernel was just in time */
		else if (r < 0 && b.unanswered[0]) {
			/* the kernel may have deleted it: say so, and what stays */
			report(l->name, "deleting", r, ours ? "no answer: it may be deleted; its bridge stays"
							    : "no answer: it may be deleted");
			return r;
		} else if (r < 0) {
			report_item(l->name, "deleting", &b, r);
			return r;
		}
	}
	return ours ? delete_bridge(host, &br, true) : 0;
}

/* Delete NAME (see vethup_run_delete): 0, or -errno after one line. */
static int run_delete(const char *name, long grace_ms, struct rtnl *host, int *events,
		      int stop_fd, struct netlink_link *l)
{
	bool grace = grace_ms >= 0;
	int r = netlink_open(host);

	if (r < 0) {
		report("netlink", "", r, "");
		return r;
	}
	/* Subscribed before the lookup: a deletion in between is not missed. */
	if (grace && (*events = linkgone_open()) < 0) {
		report("netlink", "link notifications", *events, "");
		return *events;
	}
	r = look_up(host, name, 0, grace, l);
	if (r == -ENODEV && grace) {
		r = 0;		/* gone already: what was asked for */
	} else if (r == 0 && is_kind(l, "veth")) {
		r = delete_veth(host, *events, l, grace_ms, stop_fd);
	} else if (r == 0 && is_kind(l, "bridge")) {
		r = delete_bridge(host, l, false);	/* never deleted by the kernel */
	} else if (r == 0) {
		nsk_err("%s: not a veth or a bridge (%s)", name, *l->kind ? l->kind : "no kind");
		r = -EINVAL;
	}
	return r;
}

/* With --grace, the signals that would end vethup (INT, TERM, USR1 ...:
 * init_block_ending) are held back until the end, and
 * one that comes while vethup waits for the kernel ends the wait: the
 * pair is deleted at once, and then the signal ends vethup (128+N), with
 * nothing left of what it was asked to delete. */
int vethup_run_delete(const char *name, long grace_ms)
{
	bool grace = grace_ms >= 0;
	_cleanup_close_ int events = -1, stop_fd = -1;
	struct rtnl host = RTNL_CLOSED;
	struct netlink_link l;
	sigset_t ending, mask;
	int r;

	if (grace) {
		init_block_ending(&ending, &mask);
		stop_fd = signalfd(-1, &ending, SFD_CLOEXEC);	/* -1: the grace runs out */
	}
	r = run_delete(name, grace_ms, &host, &events, stop_fd, &l);
	netlink_close(&host);
	if (grace)
		sigprocmask(SIG_SETMASK, &mask, NULL);	/* a held signal ends us here */
	return r < 0 ? EXIT_TOOL_FAILED : 0;
}
