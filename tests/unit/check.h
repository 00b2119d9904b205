/* check.h - the tiny unit-test harness of tests/unit/test_*.c.
 * Each test binary counts its checks and ends with the line
 * "NAME: N passed, M failed"; it exits 1 when any check failed. */
#ifndef WFM_CHECK_H
#define WFM_CHECK_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"

static int check_pass, check_fail;

#define CHECK(cond, ...) do { \
	if (cond) { check_pass++; } else { \
		check_fail++; \
		fprintf(stderr, "%s:%d: FAIL: ", __FILE__, __LINE__); \
		fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); \
	} } while (0)

/* |a - b| <= tol */
#define CHECK_NEAR(a, b, tol, desc) do { \
	double a_ = (a), b_ = (b); \
	CHECK(fabs(a_ - b_) <= (tol), "%s: got %.10g, want %.10g (tol %g)", desc, a_, b_, (double)(tol)); \
	} while (0)

#define CHECK_STR(a, b, desc) do { \
	const char *a_ = (a), *b_ = (b); \
	CHECK(a_ && b_ && !strcmp(a_, b_), "%s: got \"%s\", want \"%s\"", desc, a_ ? a_ : "(null)", b_); \
	} while (0)

/* Write text to a new temporary file named from path's template
 * ("/tmp/wfm-test-x.XXXXXX", rewritten in place); 0 or -1. */
static inline int check_write_tmp(char *path, const char *text)
{
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (!fp)
		return -1;
	fputs(text, fp);
	return fclose(fp) ? -1 : 0;
}

/* The name of the last file check_tmp() made (the one buffer every call
 * reuses). */
static inline char *check_tmp_name(void)
{
	static char path[64];
	return path;
}

/* text in a new temporary file "/tmp/wfm-test.XXXXXX": its name
 * (check_tmp_name()), or NULL.  The caller unlink()s it. */
static inline const char *check_tmp(const char *text)
{
	strcpy(check_tmp_name(), "/tmp/wfm-test.XXXXXX");
	return check_write_tmp(check_tmp_name(), text) ? NULL : check_tmp_name();
}

/* The n names of v are list's comma-separated names, in this order. */
static inline int check_names(char *const *v, size_t n, const char *list)
{
	size_t k = 0;

	for (const char *p = list; *p; k++) {
		size_t len = strcspn(p, ",");
		if (k >= n || strlen(v[k]) != len || strncmp(v[k], p, len))
			return 0;
		p += len + (p[len] == ',');
	}
	return k == n;
}

/* x, a loaded grid (wfm_series, wfm_requirements, ...), has the channels
 * names (as check_names()) and the intervals start + i * step, i < n. */
#define CHECK_GRID(x, names, start_, step_, n_) \
	CHECK(check_names((x)->channel, (x)->nchan, names) && (x)->start == (start_) && \
	      (x)->step == (step_) && (x)->n == (size_t)(n_), "%s: %zu channels, grid %lld + i * %d, i < %zu", \
	      names, (x)->nchan, (long long)(x)->start, (x)->step, (x)->n)

/* A load that must fail: its input text and time zone, and the error's
 * line, column ("": none; NULL: any) and a part of its message. */
struct check_fail {
	const char *text, *zone;
	long line;
	const char *column, *msg;
};

/* Check that a load of c failed (loaded is 0) with c's error, in the file
 * check_tmp() made when the error names one. */
static inline void check_failed(const struct check_fail *c, int loaded, const wfm_error *err)
{
	CHECK(!loaded && err->line == c->line && (!c->column || !strcmp(err->column, c->column)) &&
	      strstr(err->msg, c->msg) && (!err->file[0] || !strcmp(err->file, check_tmp_name())),
	      "want %ld: %s: ...%s...; got %s:%ld: %s: %s", c->line, c->column ? c->column : "*", c->msg,
	      err->file, err->line, err->column, err->msg);
}

/* Define, for the loader of a timestamped format,
 *   static TYPE *NAME(const char *text, const char *zone, wfm_error *err):
 * LOAD(path, tz, err) on text in a temporary file (removed again; err.file
 * names it) read in the time zone named zone, NULL when LOAD fails or the
 * zone is unknown; NAME_ok(text, zone), the same where the load must
 * succeed (else a FAIL); and NAME_fails(cases, n), which checks each of n
 * struct check_fail and frees what loads with RELEASE.
 *   CHECK_TZ_LOADER(load, wfm_series, wfm_series_load, wfm_series_free) */
#define CHECK_TZ_LOADER(name, type, load, release) \
static inline type *name(const char *text, const char *zone, wfm_error *err) \
{ \
	const char *path = check_tmp(text); \
	wfm_tz *tz = path ? wfm_tz_open(zone, err) : NULL; \
	type *x = tz ? load(path, tz, err) : NULL; \
	wfm_tz_free(tz); \
	if (path) \
		unlink(path); \
	return x; \
} \
static inline type *name##_ok(const char *text, const char *zone) \
{ \
	wfm_error err = { 0 }; \
	type *x = name(text, zone, &err); \
	\
	CHECK(x != NULL, "load: %s", err.msg); \
	return x; \
} \
static inline void name##_fails(const struct check_fail *c, size_t n) \
{ \
	for (size_t k = 0; k < n; k++) { \
		wfm_error err = { 0 }; \
		type *x = name(c[k].text, c[k].zone, &err); \
		check_failed(&c[k], x != NULL, &err); \
		release(x); \
	} \
}

/* A writer's output as a string: write to check_mem_open()'s stream, then
 * check_mem_text() closes it and returns the text (at most 64 KB, in the
 * one buffer every call reuses: copy what must outlive the next). */
static inline char *check_mem_buf(void)
{
	static char buf[65536];
	return buf;
}

static inline FILE *check_mem_open(void)
{
	return fmemopen(check_mem_buf(), 65536, "w");
}

static inline char *check_mem_text(FILE *fp)
{
	if (fp)
		fclose(fp);
	return check_mem_buf();
}

static inline int check_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, check_pass, check_fail);
	return check_fail ? 1 : 0;
}

#endif
