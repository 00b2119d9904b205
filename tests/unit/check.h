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

/* Define `static TYPE *NAME(const char *text, const char *zone,
 * wfm_error *err)`: LOAD(path, tz, err) on text in a temporary file
 * (removed again; err.file names it) read in the time zone named zone;
 * NULL when LOAD fails or the zone is unknown.  For the loaders of
 * timestamped formats: CHECK_TZ_LOADER(load, wfm_series, wfm_series_load). */
#define CHECK_TZ_LOADER(name, type, load) \
static type *name(const char *text, const char *zone, wfm_error *err) \
{ \
	const char *path = check_tmp(text); \
	wfm_tz *tz = path ? wfm_tz_open(zone, err) : NULL; \
	type *x = tz ? load(path, tz, err) : NULL; \
	wfm_tz_free(tz); \
	if (path) \
		unlink(path); \
	return x; \
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
