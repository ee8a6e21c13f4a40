/* The floor for bench/nsmap.sh: the least a program can do to map a user
 * namespace, writing setgroups, uid_map and gid_map of /proc/PID with no
 * checks at all.  nsmap-floor PID UID_MAP_TEXT GID_MAP_TEXT */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int put(int dir, const char *file, const char *text)
{
	int fd = openat(dir, file, O_WRONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : write(fd, text, strlen(text));

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

int main(int argc, char **argv)
{
	char path[64];
	int dir;

	if (argc != 4)
		return 2;
	snprintf(path, sizeof(path), "/proc/%s", argv[1]);
	dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0 || put(dir, "setgroups", "deny") < 0 || put(dir, "uid_map", argv[2]) < 0 ||
	    put(dir, "gid_map", argv[3]) < 0) {
		perror("nsmap-floor");
		return 1;
	}
	return 0;
}
