/* test_grid.c - lib/grid.c, the loader of per-channel rows on a grid, in
 * a made-up format of four columns, one of each kind: rows sorted by
 * channel, instant and line and placed on the grid (worked by hand
 * below), the format's words in its messages, the columns `need` makes
 * required, the default step, and what a format without one refuses. */
#include "check.h"
#include "grid.h"

#include <math.h>

static const struct wfm_grid_col cols[] = {
	{ "q", WFM_GRID_QUANTITY, 10 },
	{ "?o", WFM_GRID_QUANTITY_OPT, 10 },
	{ "?f", WFM_GRID_FRACTION, 1 },
	{ "?x", WFM_GRID_REAL, 0 },
};
static const struct wfm_grid_format fmt = { "test data", "nothing here", "dup of %ld in %s at %s", 0, cols, NULL };
static const struct wfm_grid_format hourly = { "test data", "nothing here", "dup of %ld in %s", 3600, cols, NULL };

/* wfm_grid_load() of text in f (ncol columns, need), the grid kept in g */
static int load(struct wfm_grid *g, const char *text, const struct wfm_grid_format *f, int ncol,
		unsigned need, wfm_error *err)
{
	const char *path = check_tmp(text);
	wfm_tz *tz = wfm_tz_open("UTC", err);
	int rc = path && tz ? wfm_grid_load(g, path, tz, f, ncol, need, err) : -1;

	wfm_tz_free(tz);
	if (path)
		unlink(path);
	return rc;
}

#define SAME(a, b) (isnan(a) ? isnan(b) : (a) == (b))

/* Channels b (0) and a (1).  Gaps: b 60 min, a 30 min: a tie, the shorter
 * wins, step 30 min; 00:00 .. 01:00 is 3 intervals, 6 cells:
 *        b: 00:00 00:30 01:00   a: 00:00 00:30 01:00
 *   line     3     -     2          4     5     -          */
static void test_place(void)
{
	static const double q[6] = { 2, NAN, 1, 3, 4, NAN }, o[6] = { 4, NAN, NAN, 5, NAN, NAN },
		f[6] = { NAN, NAN, 0.5, 1, 0, NAN }, x[6] = { NAN, NAN, -3, 2.5, NAN, NAN };
	static const long line[6] = { 3, 0, 2, 4, 5, 0 }, order[4] = { 3, 2, 4, 5 };
	struct wfm_grid g = { 0 };
	wfm_error err = { 0 };
	double vq[6], vo[6], vf[6], vx[6];
	long vl[6] = { 0 };

	CHECK(load(&g, "timestamp,channel,q,o,f,x\n"
		   "2026-01-05T01:00,b,1,,0.5,-3\n2026-01-05T00:00,b,2,4,,\n"
		   "2026-01-05T00:00,a,3,5,1,2.5\n2026-01-05T00:30,a,4,,0,\n", &fmt, 4, 0, &err) == 0,
	      "load: %s", err.msg);
	CHECK(g.nchan == 2 && !strcmp(g.name[0], "b") && !strcmp(g.name[1], "a"), "channels in order");
	CHECK(g.step == 1800 && g.len == 3 && g.start == 1767571200, "grid %lld %zu", (long long)g.step, g.len);
	for (size_t i = 0; i < g.n && i < 4; i++)
		CHECK(((struct wfm_grid_row *)(g.rows + i * g.stride))->line == order[i], "row %zu", i);
	for (int i = 0; i < 6; i++)
		vq[i] = vo[i] = vf[i] = vx[i] = NAN;
	wfm_grid_place(&g, (double *const[]){ vq, vo, vf, vx }, vl);
	for (int i = 0; i < 6; i++)
		CHECK(SAME(q[i], vq[i]) && SAME(o[i], vo[i]) && SAME(f[i], vf[i]) && SAME(x[i], vx[i]) &&
		      vl[i] == line[i], "cell %d: %g %g %g %g line %ld", i, vq[i], vo[i], vf[i], vx[i], vl[i]);
	wfm_grid_free(&g);
}

/* Each message in full but the year typo's (its prefix) */
static void test_errors(void)
{
	static const struct { const char *text; const struct wfm_grid_format *f; int ncol; unsigned need;
		long line; const char *column, *msg; } cases[] = {
		{ "timestamp,channel,q\n", &fmt, 1, 0, 1, "", "nothing here" },
		{ "timestamp,channel,q\n2026-01-05T00:00,a,1\n2026-01-05T00:00,a,1\n", &fmt, 1, 0, 3,
		  "timestamp", "dup of 2 in a at 2026-01-05T00:00" },
		{ "timestamp,channel,q\n2026-01-05T00:00,a,1\n2026-01-05T00:00,a,1\n", &hourly, 1, 0, 3,
		  "timestamp", "dup of 2 in a" },
		{ "timestamp,channel,q\n2026-01-05T00:00,a,\n", &fmt, 1, 0, 2, "q", "empty, a number is required" },
		{ "timestamp,channel,q\n2026-01-05T00:00,a,11\n", &fmt, 1, 0, 2, "q", "11 is over the maximum of 10 (a unit mix-up?)" },
		{ "timestamp,channel,q,f\n2026-01-05T00:00,a,1,1.5\n", &fmt, 3, 0, 2, "f",
		  "1.5 is not a fraction between 0 and 1" },
		{ "timestamp,channel,q\n2026-01-05T00:00,a,1\n", &fmt, 2, 2, 1, "o", "missing column in the header" },
		{ "timestamp,channel,q\n2026-01-05T00:00,a,1\n", &fmt, 1, 0, 2, "timestamp",
		  "at least two intervals per channel are needed to infer the interval length" },
		{ "timestamp,channel,q\n2026-01-05T00:00,a,1\n2026-01-05T00:45,a,1\n", &fmt, 1, 0, 3, "timestamp",
		  "interval of 45 min after line 2; intervals must be 15, 30 or 60 min" },
		{ "timestamp,channel,q\n2026-01-05T00:00,a,1\n8481-01-05T00:00,a,1\n2026-01-05T01:00,a,1\n",
		  &fmt, 1, 0, 3, "timestamp", "8481-01-05T00:00 makes the test data span " },
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		struct wfm_grid g = { 0 };
		wfm_error err = { 0 };
		CHECK(load(&g, cases[k].text, cases[k].f, cases[k].ncol, cases[k].need, &err) == -1 &&
		      err.line == cases[k].line && !strcmp(err.column, cases[k].column) &&
		      !strncmp(err.msg, cases[k].msg, strlen(cases[k].msg)), "case %zu: %ld %s: %s", k, err.line, err.column, err.msg);
		wfm_grid_free(&g);
	}
}

/* A column past ncol is not read; one row gets the default step. */
static void test_default_step(void)
{
	struct wfm_grid g = { 0 };
	wfm_error err = { 0 };

	CHECK(load(&g, "timestamp,channel,q,f\n2026-01-05T00:00,a,1,bad\n", &hourly, 1, 0, &err) == 0 &&
	      g.step == 3600 && g.len == 1 && g.col[0] >= 0 && g.col[2] == -1, "one row: %s", err.msg);
	wfm_grid_free(&g);
}

int main(void)
{
	test_place();
	test_errors();
	test_default_step();
	return check_done("test_grid");
}
