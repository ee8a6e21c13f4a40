/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Waiting for a network interface to go away by itself, as a veth does
 * when the network namespace of its peer ends (the kernel deletes both
 * ends then, a few milliseconds later): the link notifications of routing
 * netlink (RTNLGRP_LINK), on a socket of their own that is subscribed
 * before the interface is looked up, so that no deletion is missed. */
#pragma once
#include <stddef.h>

/* A netlink socket of the caller's network namespace that receives link
 * notifications: its descriptor, or -errno. */
int linkgone_open(void);
/* Wait up to timeout_ms (-1: no limit) for RTM_DELLINK of ifindex on fd
 * (when notifications were lost, whether ifindex still exists is asked
 * instead), or until stop_fd (-1: none; e.g. a signalfd) is readable.
 * 0 when it went; -ETIME when it did not; -EINTR when stop_fd stopped the
 * wait (nothing is read from it); -errno. */
int linkgone_wait(int fd, int ifindex, long timeout_ms, int stop_fd);
/* Whether one netlink datagram holds RTM_DELLINK of ifindex (the
 * parser of linkgone_wait, separate for the unit test). */
int linkgone_has_dellink(const void *buf, size_t len, int ifindex);
