/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The "default" seccomp profile: data/seccomp/default.json, compiled in
 * (as text, and as the BPF program it compiles to) so that `--seccomp
 * default` reads no file, compiles nothing and means the same wherever
 * the tools run (the installed $(pkgdatadir)/seccomp/default.json is the
 * same text, for reading and for deriving profiles of one's own). */
#pragma once
#include <linux/filter.h>
#include <stddef.h>

struct scprofile;
struct nsk_failure;

/* The profile's JSON text and its length. */
extern const char scdefault_json[];
extern const size_t scdefault_json_len;
/* The BPF program libseccomp compiles it to for this architecture, made
 * at build time (data/seccomp/bpfgen): what `--seccomp default` loads. */
extern const struct sock_fprog scdefault_bpf;
/* Parse it (source "default"). 0 or -errno, with f. */
int scdefault_load(struct scprofile **ret, struct nsk_failure *f);
