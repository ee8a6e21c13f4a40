/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Checked parsers for command-line values: pure functions from text to
 * numbers. Each returns 0, or -EINVAL for malformed text and -ERANGE for a
 * value out of range; none accepts leading space, a sign where none makes
 * sense, or trailing garbage (unlike atoi/strtoul alone). */
#pragma once
#include <stdbool.h>
#include <signal.h>
#include <stdint.h>
#include <sys/types.h>

/* A decimal unsigned integer no greater than max. */
int parse_uint(const char *s, uint64_t max, uint64_t *ret);
int parse_u32(const char *s, uint32_t *ret);
/* A process id: 1 .. 2^22 (PID_MAX_LIMIT). */
int parse_pid(const char *s, pid_t *ret);
/* A user or group id: 0 .. 2^32-2 ((uid_t)-1 is never a valid id). */
int parse_id(const char *s, uint32_t *ret);
/* A size with an optional K, M, G or T suffix (powers of 1024, case
 * insensitive, an optional trailing "B" or "iB"). */
int parse_size(const char *s, uint64_t *ret);
/* A signal by number (1..64), name with or without "SIG" (TERM, SIGTERM,
 * case insensitive) or RTMIN+N / RTMAX-N. */
int parse_signal(const char *s, int *ret);
/* A comma-separated list of signals as parse_signal reads them, added to
 * *ret (NULL or "": every signal whose action can change, KILL and STOP
 * left out); -EINVAL for a bad name, an empty item, KILL or STOP. */
int parse_signal_list(const char *s, sigset_t *ret);
/* The name of a signal, "SIGTERM"; NULL for an unknown number. */
const char *signal_name(int sig);
/* A signed number of seconds with up to nine decimals: "-3600", "1.5". */
int parse_seconds(const char *s, int64_t *ret_sec, long *ret_nsec);
/* A choice out of a NULL-terminated list: the index, or -EINVAL. */
int parse_choice(const char *s, const char *const choices[]);
