/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper: acting on a process from outside its new namespaces (see
 * helper.h). */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "exec.h"
#include "helper.h"
#include "msg.h"
#include "ns.h"
#include "persist.h"
#include "target.h"

static int write_maps(const struct helper_work *w, pid_t pid, struct nsk_failure *f)
{
	struct target t = TARGET_INIT;
	struct mapwrite_plan plan;
	int r = target_open_pid(&t, pid);

	if (r < 0) {
		nsk_fail(f, r, NULL, "process %d", (int)pid);
		nsk_fail_detail(f, r, "%s", target_strerror(r));
	} else if ((r = mapwrite_check(&t, w->maps, w->caller, &plan, f)) == 0) {
		r = mapwrite_apply(&t, w->maps, &plan, w->caller, f);
	}
	target_close(&t);
	return r;
}

/* One request: its result, with f saying why it failed. */
static int act(const struct helper_work *w, const struct msg *m, struct persisted *done,
	       struct nsk_failure *f)
{
	switch (m->kind) {
	case MSG_WRITE_MAPS:
		if (w->maps)
			return write_maps(w, m->value, f);
		break;
	case MSG_PERSIST:
		if (w->persist && done->count == 0)
			return persist_all(w->persist, m->value, done, f);
		break;
	}
	nsk_fail(f, -EPROTO, NULL, NULL);
	return nsk_fail_detail(f, -EPROTO, "the helper was not asked for that (message %d)",
			       m->kind);
}

/* MSG_UNDO: remove what was made, and answer for each file that stays. */
static _Noreturn void undo_and_answer(int fd, struct persisted *done)
{
	unsigned left = unpersist_all(done);

	for (unsigned i = 0; i < left; i++)
		if (msg_send(fd, MSG_RESULT, done->err[i], ns_types[done->type[i]].proc_name) < 0)
			break;
	_exit(left > 0);
}

static _Noreturn void helper_main(const struct helper_work *w, int fd)
{
	struct persisted done = PERSISTED_INIT;
	bool files = w->persist && persist_any(w->persist);
	struct nsk_failure f;
	struct msg m;

	/* Ctrl-C goes to the whole process group: outlive it to undo. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	/* Hold nothing of the caller's but the channel (a pipe of its
	 * caller must see its end when the caller's ends). */
	(void)confine_close_fds_but(NULL, fd);
	while (msg_recv(fd, &m) == 0) {
		char text[MSG_TEXT_MAX] = "";
		int r;

		if (m.kind == MSG_KEEP)
			_exit(0);
		if (m.kind == MSG_UNDO)
			undo_and_answer(fd, &done);
		nsk_fail_clear(&f);
		if ((r = act(w, &m, &done, &f)) < 0)
			nsk_failure_line(&f, r, text, sizeof(text));
		if (msg_send(fd, MSG_RESULT, r, text) < 0)
			break;
		/* With no files to make, the maps were all there was to do. */
		if (!files && m.kind == MSG_WRITE_MAPS)
			_exit(r < 0);
	}
	/* The channel ended without a word: the caller died, and there is
	 * no one left to tell what stays. */
	unpersist_all(&done);
	_exit(1);
}

int helper_start(struct helper *h, const struct helper_work *w, struct nsk_failure *f)
{
	bool persists = w->persist && persist_any(w->persist);
	int fds[2], r;

	if (!w->maps && !persists)
		return 0;
	if ((r = msg_channel(fds)) < 0)
		return nsk_fail(f, r, "socketpair", NULL);
	h->pid = fork();
	if (h->pid < 0) {
		r = -errno;
		close(fds[0]);
		close(fds[1]);
		return nsk_fail(f, r, "fork", NULL);
	}
	if (h->pid == 0) {
		close(fds[0]);
		helper_main(w, fds[1]);
	}
	close(fds[1]);
	h->fd = fds[0];
	h->maps = w->maps != NULL;
	h->persists = persists;
	h->persist = w->persist;
	return 0;
}

static int request(struct helper *h, int kind, pid_t pid, struct nsk_failure *f)
{
	struct msg m;
	int r = msg_send(h->fd, kind, pid, NULL);

	if (r == 0)
		r = msg_expect(h->fd, MSG_RESULT, &m);
	if (r < 0) {
		nsk_fail(f, r, NULL, NULL);
		return nsk_fail_detail(f, r, "the %s helper ended without an answer",
				       kind == MSG_WRITE_MAPS ? "id map" : "namespace file");
	}
	if (m.value >= 0)
		return 0;
	/* the helper's own line, as it would have printed it */
	nsk_fail(f, m.value, NULL, NULL);
	return *m.text ? nsk_fail_detail(f, m.value, "%s", m.text) : m.value;
}

int helper_write_maps(struct helper *h, pid_t pid, struct nsk_failure *f)
{
	return h->pid > 0 && h->maps ? request(h, MSG_WRITE_MAPS, pid, f) : 0;
}

int helper_persist(struct helper *h, pid_t pid, struct nsk_failure *f)
{
	return h->pid > 0 && h->persists ? request(h, MSG_PERSIST, pid, f) : 0;
}

/* The answers to MSG_UNDO, up to the end of the channel: the files that
 * stayed, into left. */
static void collect_left(struct helper *h, struct persisted *left)
{
	const struct ns_type *t;
	struct msg m;

	while (msg_recv(h->fd, &m) == 0 && m.kind == MSG_RESULT && m.value < 0) {
		if (!(t = ns_by_proc_name(m.text)) || !h->persist[t - ns_types] ||
		    left->count == NS_TYPE_MAX)
			continue;
		left->type[left->count] = (unsigned)(t - ns_types);
		left->path[left->count] = h->persist[t - ns_types];
		left->made[left->count] = 0;
		left->err[left->count++] = m.value;
	}
}

int helper_finish(struct helper *h, bool keep, struct persisted *ret_left)
{
	struct persisted left = PERSISTED_INIT;
	int status = 0, r = 0;

	if (ret_left)
		*ret_left = left;
	if (h->pid < 0)
		return 0;
	/* One with only maps to write has ended after writing them. */
	if (keep && h->persists)
		r = msg_send(h->fd, MSG_KEEP, 0, NULL);
	else if (!keep && h->persists && msg_send(h->fd, MSG_UNDO, 0, NULL) == 0)
		collect_left(h, ret_left ? ret_left : &left);
	close(TAKE_FD(h->fd));
	exec_wait(h->pid, &status, 0);
	*h = (struct helper)HELPER_INIT;
	if (keep && r == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		r = -EPIPE;
	return keep ? r : 0;
}
void helper_forget(struct helper *h)
{
	closep(&h->fd);
	*h = (struct helper)HELPER_INIT;
}
