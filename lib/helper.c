/* helper: acting on a process from outside its new namespaces (see
 * helper.h). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "helper.h"
#include "msg.h"
#include "persist.h"
#include "target.h"

static int write_maps(const struct helper_work *w, pid_t pid, char *msg, size_t size)
{
	struct target t = TARGET_INIT;
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct mapwrite_plan plan;
	int r = target_open_pid(&t, pid);

	if (r < 0) {
		nsk_fail(&f, r, NULL, "process %d", (int)pid);
		nsk_fail_detail(&f, r, "%s", target_strerror(r));
	} else if ((r = mapwrite_check(&t, w->maps, w->caller, &plan, &f)) == 0) {
		r = mapwrite_apply(&t, w->maps, &plan, &f);
	}
	if (r < 0)
		nsk_failure_line(&f, r, msg, size);
	target_close(&t);
	return r;
}

/* One request: its result, with text set when it failed. */
static int act(const struct helper_work *w, const struct msg *m, struct persisted *done,
	       char *text, size_t size)
{
	switch (m->kind) {
	case MSG_WRITE_MAPS:
		if (w->maps)
			return write_maps(w, m->value, text, size);
		break;
	case MSG_PERSIST:
		if (w->persist && done->count == 0)
			return persist_all(w->persist, m->value, done, text, size);
		break;
	}
	snprintf(text, size, "the helper was not asked for that (message %d)", m->kind);
	return -EPROTO;
}

static _Noreturn void helper_main(const struct helper_work *w, int fd)
{
	struct persisted done = PERSISTED_INIT;
	bool files = w->persist && persist_any(w->persist);
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
		r = act(w, &m, &done, text, sizeof(text));
		if (msg_send(fd, MSG_RESULT, r, text) < 0)
			break;
		/* With no files to make, the maps were all there was to do. */
		if (!files && m.kind == MSG_WRITE_MAPS)
			_exit(r < 0);
	}
	/* The channel ended: the caller failed, or died. */
	unpersist_all(&done);
	_exit(1);
}

int helper_start(struct helper *h, const struct helper_work *w, char *msg, size_t size)
{
	bool persists = w->persist && persist_any(w->persist);
	int fds[2], r;

	if (!w->maps && !persists)
		return 0;
	if ((r = msg_channel(fds)) < 0) {
		snprintf(msg, size, "socketpair: %s", strerror(-r));
		return r;
	}
	h->pid = fork();
	if (h->pid < 0) {
		r = -errno;
		snprintf(msg, size, "fork: %s", strerror(-r));
		close(fds[0]);
		close(fds[1]);
		return r;
	}
	if (h->pid == 0) {
		close(fds[0]);
		helper_main(w, fds[1]);
	}
	close(fds[1]);
	h->fd = fds[0];
	h->maps = w->maps != NULL;
	h->persists = persists;
	return 0;
}

static int request(struct helper *h, int kind, pid_t pid, char *msg, size_t size)
{
	struct msg m;
	int r = msg_send(h->fd, kind, pid, NULL);

	if (r == 0)
		r = msg_expect(h->fd, MSG_RESULT, &m);
	if (r < 0) {
		snprintf(msg, size, "the %s helper ended without an answer",
			 kind == MSG_WRITE_MAPS ? "id map" : "namespace file");
		return r;
	}
	if (m.value >= 0)
		return 0;
	snprintf(msg, size, "%s", *m.text ? m.text : strerror(-m.value));
	return m.value;
}

int helper_write_maps(struct helper *h, pid_t pid, char *msg, size_t size)
{
	return h->pid > 0 && h->maps ? request(h, MSG_WRITE_MAPS, pid, msg, size) : 0;
}

int helper_persist(struct helper *h, pid_t pid, char *msg, size_t size)
{
	return h->pid > 0 && h->persists ? request(h, MSG_PERSIST, pid, msg, size) : 0;
}

int helper_finish(struct helper *h, bool keep)
{
	int status = 0, r = 0;

	if (h->pid < 0)
		return 0;
	/* One with only maps to write has ended after writing them. */
	if (keep && h->persists)
		r = msg_send(h->fd, MSG_KEEP, 0, NULL);
	close(TAKE_FD(h->fd));	/* without a keep: undo */
	while (waitpid(h->pid, &status, 0) < 0 && errno == EINTR)
		;
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
