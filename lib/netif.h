/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small network-interface steps that need no netlink library. */
#pragma once

/* Bring the loopback interface of the caller's network namespace up
 * (SIOCSIFFLAGS: one ioctl, cheaper than a netlink conversation). */
int netif_loopback_up(void);
