/* atomic_write.c - temp file + fsync + rename.  See atomic_write.h.
 *
 * The stream a program writes to is a glibc cookie stream that passes the
 * bytes on to the real file and through the CSV output guard (csv.h), so
 * that no output with a negative or non-finite quantity is committed. */
#define _GNU_SOURCE   /* fopencookie */
#include "atomic_write.h"
#include "csv.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct wfm_atomic {
	FILE *user;          /* what the program writes to: passes to fp */
	wfm_csv_guard *guard;
	FILE *fp;
	char *path;          /* destination, NULL for stdout */
	char *tmp;           /* temporary file beside it */
	int keep;            /* destination exists: keep its mode and owner */
	struct stat old;     /* its status when keep */
};

static int make_tmp(struct wfm_atomic *out, wfm_error *err)
{
	char *a = strdup(out->path), *b = strdup(out->path);
	size_t n = strlen(out->path) + 32;
	int fd = -1;
	mode_t mask;

	if (a && b && (out->tmp = malloc(n))) {
		/* ".NAME.XXXXXX" within NAME_MAX: a long name is cut */
		snprintf(out->tmp, n, "%s/.%.*s.XXXXXX", dirname(a), NAME_MAX - 8, basename(b));
		fd = mkstemp(out->tmp);
	}
	free(a);
	free(b);
	if (fd < 0) {
		int e = errno;
		free(out->tmp);
		out->tmp = NULL;
		return wfm_error_at(err, out->path, 0, NULL, "cannot write: %s", strerror(e));
	}
	if (out->keep) {
		/* replacing a file keeps its permissions, and its owner and
		 * group where this user may set them */
		if (fchown(fd, out->old.st_uid, out->old.st_gid))
			(void)!fchown(fd, (uid_t)-1, out->old.st_gid);
		fchmod(fd, out->old.st_mode & 07777);
	} else {
		mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (!(out->fp = fdopen(fd, "wb"))) {
		close(fd);
		unlink(out->tmp);
		return wfm_error_at(err, out->path, 0, NULL, "cannot write: %s", strerror(errno));
	}
	return 0;
}

/* A destination that exists and is not a regular file (/dev/null,
 * /dev/stdout, a FIFO) is written in place: renaming over it would
 * replace the device with a plain file.  tmp stays NULL. */
static int open_direct(struct wfm_atomic *out, wfm_error *err)
{
	if (!(out->fp = fopen(out->path, "wb")))
		return wfm_error_at(err, out->path, 0, NULL, "cannot write: %s", strerror(errno));
	return 0;
}

static ssize_t pass(void *cookie, const char *buf, size_t len)
{
	struct wfm_atomic *out = cookie;
	size_t n = fwrite(buf, 1, len, out->fp);

	wfm_csv_guard_feed(out->guard, buf, n);
	return (ssize_t)n;    /* short: an error (never negative, see fopencookie(3)) */
}

/* The stream the program writes to; out is freed on failure. */
static wfm_atomic *wrap(struct wfm_atomic *out, wfm_error *err)
{
	cookie_io_functions_t io = { .write = pass };

	if (!(out->guard = wfm_csv_guard_new()) || !(out->user = fopencookie(out, "w", io))) {
		wfm_error_set(err, "out of memory");
		wfm_atomic_abort(out);
		return NULL;
	}
	return out;
}

static wfm_atomic *open_raw(const char *path, wfm_error *err);

wfm_atomic *wfm_atomic_open(const char *path, wfm_error *err)
{
	struct wfm_atomic *out = open_raw(path, err);

	return out ? wrap(out, err) : NULL;
}

/* An open that failed: out of memory when out->path was not copied (the
 * other failures set err themselves); out freed, NULL. */
static wfm_atomic *open_failed(struct wfm_atomic *out, wfm_error *err)
{
	if (!out->path)
		wfm_error_set(err, "out of memory");
	free(out->path);
	free(out);
	return NULL;
}

static wfm_atomic *open_raw(const char *path, wfm_error *err)
{
	struct wfm_atomic *out = calloc(1, sizeof(*out));
	struct stat st;
	char *real;

	if (!out) {
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	if (!path || !strcmp(path, "-")) {
		out->fp = stdout;
		return out;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			wfm_error_at(err, path, 0, NULL, "cannot write: is a directory");
			free(out);
			return NULL;
		}
		if (!(out->path = strdup(path)) || open_direct(out, err))
			return open_failed(out, err);
		return out;
	}
	/* a symbolic link to a file: replace the file, keep the link */
	real = realpath(path, NULL);
	if (real && strcmp(real, path)) {
		struct stat lst;
		if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
			out->path = real;
			real = NULL;
		}
	}
	free(real);
	if (stat(path, &out->old) == 0)
		out->keep = 1;
	if ((!out->path && !(out->path = strdup(path))) || make_tmp(out, err))
		return open_failed(out, err);
	return out;
}

FILE *wfm_atomic_fp(wfm_atomic *out)
{
	return out->user;
}

int wfm_atomic_is_stdout(const wfm_atomic *out)
{
	return out->path == NULL;
}

/* Flush what the program wrote into the real file; 0 or an errno. */
static int close_user(struct wfm_atomic *out)
{
	int e = 0;

	if (!out->user)
		return 0;
	errno = 0;
	if (fflush(out->user) || ferror(out->user) || ferror(out->fp))
		e = errno ? errno : EIO;
	fclose(out->user);
	out->user = NULL;
	return e;
}

static void release(struct wfm_atomic *out)
{
	wfm_csv_guard_free(out->guard);
	free(out->path);
	free(out->tmp);
	free(out);
}

/* Flush, stamp and close one output (no rename).  Returns 0, or -1 with
 * err naming the file and the reason. */
static int finish(struct wfm_atomic *out, const struct timespec *when, wfm_error *err)
{
	int e = close_user(out);
	const char *name = out->path ? out->path : "<stdout>";

	if (e && !out->path)
		return wfm_error_set(err, "cannot write to standard output: %s", strerror(e));
	if (!e && wfm_csv_guard_check(out->guard, name, err))
		return -1;
	errno = 0;
	if (!out->path) {
		if (fflush(stdout) || ferror(stdout))
			return wfm_error_set(err, "cannot write to standard output: %s",
					     strerror(errno ? errno : EIO));
		return 0;
	}
	if (e)
		;
	else if (fflush(out->fp) || ferror(out->fp))
		e = errno ? errno : EIO;
	else if (out->tmp && fsync(fileno(out->fp)))
		e = errno;
	if (!e && out->tmp && when) {
		struct timespec ts[2] = { *when, *when };
		futimens(fileno(out->fp), ts);
	}
	if (fclose(out->fp) && !e)
		e = errno ? errno : EIO;
	out->fp = NULL;
	if (e)
		return wfm_error_at(err, out->path, 0, NULL, "cannot write: %s", strerror(e));
	return 0;
}

int wfm_atomic_commit_all(wfm_atomic **outs, size_t n, wfm_error *err)
{
	struct timespec now;
	size_t i;
	int rc = 0;

	clock_gettime(CLOCK_REALTIME, &now);
	for (i = 0; i < n && !rc; i++)
		if (outs[i] && finish(outs[i], &now, err))
			rc = -1;
	for (i = 0; i < n; i++) {
		struct wfm_atomic *out = outs[i];
		if (!out)
			continue;
		if (!rc && out->tmp && rename(out->tmp, out->path)) {
			wfm_error_at(err, out->path, 0, NULL, "cannot write: %s", strerror(errno));
			rc = -1;
		}
		close_user(out);
		if (out->fp && out->fp != stdout)
			fclose(out->fp);
		if (rc && out->tmp)
			unlink(out->tmp);
		release(out);
		outs[i] = NULL;
	}
	return rc;
}

int wfm_atomic_commit(wfm_atomic *out, wfm_error *err)
{
	return wfm_atomic_commit_all(&out, 1, err);
}

void wfm_atomic_abort(wfm_atomic *out)
{
	if (!out)
		return;
	close_user(out);
	if (out->path) {
		fclose(out->fp);
		if (out->tmp)
			unlink(out->tmp);
	}
	release(out);
}
