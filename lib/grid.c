/* grid.c - the one loader of per-channel rows on a regular grid, for the
 * series and requirements formats.  See grid.h. */
#include "grid.h"
#include "mem.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#define MAX_SPAN_S (100 * 366 * 86400LL)
#define MAX_CELLS (1 << 25)

void *wfm_grid_alloc(size_t bytes)
{
	size_t huge = (size_t)2 << 20;
	void *p = NULL;

	if (bytes < huge / 2)
		return malloc(bytes ? bytes : 1);
	bytes = (bytes + huge - 1) / huge * huge;
	if (posix_memalign(&p, huge, bytes))
		return malloc(bytes);
#ifdef MADV_HUGEPAGE
	madvise(p, bytes, MADV_HUGEPAGE);
#endif
	return p;
}

double *wfm_grid_nans(size_t n)
{
	double *v = wfm_grid_alloc(n * sizeof(double));

	for (size_t i = 0; v && i < n; i++)
		v[i] = NAN;
	return v;
}

static struct wfm_grid_row *row(const struct wfm_grid *g, size_t i)
{
	return (struct wfm_grid_row *)(g->rows + i * g->stride);
}

/* ---- reading ---- */

/* Index of the channel in field col of r's current row, added when new;
 * -1 with an error at file:line: column for an empty name, more than
 * WFM_GRID_MAX_CHANNELS names, or no memory. */
static int channel(struct wfm_grid *g, const wfm_csv_reader *r, int col, wfm_error *err)
{
	const char *ch = wfm_csv_get(r, col);
	long k;

	if (!*ch)
		return wfm_csv_error(r, col, err, "empty channel name");
	if ((k = wfm_strmap_get(&g->index, ch)) >= 0)
		return (int)k;
	if (g->nchan >= WFM_GRID_MAX_CHANNELS)
		return wfm_csv_error(r, col, err, "\"%.40s\" would be channel %d: at most %d "
				     "channels in a file (a column mix-up?)", ch,
				     WFM_GRID_MAX_CHANNELS + 1, WFM_GRID_MAX_CHANNELS);
	/* the map holds the list's own copies: intern first, then index */
	if ((k = wfm_strv_intern(&g->name, &g->nchan, ch)) < 0 ||
	    wfm_strmap_add(&g->index, g->name[k], (size_t)k) < 0)
		return wfm_error_set(err, "out of memory");
	return (int)k;
}

/* 1 when (t, chan) was seen before, else records it and returns 0. */
static int seen_again(struct wfm_grid_seen *s, int64_t t, int chan)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].t == t && s->v[i].chan == chan)
			return 1;
	if (WFM_GROW(s->v, s->cap, s->n + 1))
		return 0;
	s->v[s->n].t = t;
	s->v[s->n++].chan = chan;
	return 0;
}

/* The slot of timestamp text s (len bytes) in g->seen: rows of one
 * interval (one per channel) share the text, in whatever order the file
 * lists channels, and the minutes and hours vary in the last bytes. */
static unsigned ts_slot(const char *s, size_t len)
{
	uint64_t w = 0;

	memcpy(&w, s + (len > 8 ? len - 8 : 0), len < 8 ? len : 8);
	return (unsigned)((w * 0x9e3779b97f4a7c15ULL) >> 58);
}

/* The instant of field col (wfm_csv_time(): WFM_TZ_UNIQUE, _AMBIGUOUS or
 * -1); each interval's text is parsed once, not once per channel. */
static int read_time(struct wfm_grid *g, const wfm_csv_reader *r, int col, const wfm_tz *tz,
		     int64_t *t, wfm_error *err)
{
	const char *ts = wfm_csv_get(r, col);
	size_t len = strlen(ts);
	unsigned k = ts_slot(ts, len);
	int amb;

	if (g->seen[k].ts[0] && !strcmp(ts, g->seen[k].ts)) {
		*t = g->seen[k].t;
		return WFM_TZ_UNIQUE;
	}
	if ((amb = wfm_csv_time(r, col, tz, 0, t, err)) == WFM_TZ_UNIQUE && len < sizeof(g->seen[k].ts)) {
		memcpy(g->seen[k].ts, ts, len + 1);
		g->seen[k].t = *t;
	}
	return amb;
}

static int read_number(const wfm_csv_reader *r, int col, const struct wfm_grid_col *c, double *v,
		       wfm_error *err)
{
	switch (c->kind) {
	case WFM_GRID_QUANTITY:
	case WFM_GRID_QUANTITY_OPT:
		return wfm_csv_quantity(r, col, c->max, c->kind == WFM_GRID_QUANTITY_OPT, v, err);
	case WFM_GRID_FRACTION:
		if (wfm_csv_double_opt(r, col, NAN, v, err))
			return -1;
		if (*v < 0 || *v > 1)
			return wfm_csv_error(r, col, err, "%g is not a fraction between 0 and 1", *v);
		return 0;
	default:
		return wfm_csv_double_opt(r, col, NAN, v, err);
	}
}

struct reading {
	struct wfm_grid *g;
	const struct wfm_grid_format *f;
	const wfm_tz *tz;
};

/* wfm_csv_each()'s callback: one row onto the end of g->rows. */
static int read_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct reading *rd = ctx;
	struct wfm_grid *g = rd->g;
	struct wfm_grid_row *w;
	int amb;

	if (g->n == g->cap && wfm_grow(&g->rows, &g->cap, g->n + 1, g->stride))
		return wfm_error_set(err, "out of memory");
	w = row(g, g->n);
	if ((amb = read_time(g, r, col[0], rd->tz, &w->t, err)) < 0 ||
	    (w->chan = channel(g, r, col[1], err)) < 0)
		return -1;
	if (amb == WFM_TZ_AMBIGUOUS && seen_again(&g->amb, w->t, w->chan))
		wfm_csv_time(r, col[0], rd->tz, 1, &w->t, err);
	for (int k = 0; k < g->ncol; k++) {
		w->v[k] = NAN;
		if (col[2 + k] >= 0 && read_number(r, col[2 + k], &rd->f->col[k], &w->v[k], err))
			return -1;
	}
	if (rd->f->check && rd->f->check(r, col + 2, w->v, err))
		return -1;
	w->line = wfm_csv_line(r);
	g->n++;
	return 0;
}

/* ---- sorting ---- */

static int cmp_row(const void *a, const void *b)
{
	const struct wfm_grid_row *x = a, *y = b;

	return wfm_cmp_then(WFM_CMP(x->chan, y->chan), WFM_CMP(x->t, y->t),
			    WFM_CMP(x->line, y->line));
}

/* Rows by channel, time and line, as qsort with cmp_row orders them: a
 * file in time order (the usual) needs only a stable split by channel,
 * O(n): each row copied to its channel's next place in a second array,
 * which reads and writes memory in order (following the permutation in
 * place missed the cache on every row, a fifth of wfm-staff's time);
 * qsort when a channel's rows are out of time order (or memory is short). */
static void sort_rows(struct wfm_grid *g)
{
	size_t *at = calloc(g->nchan + 1, sizeof(*at));
	char *out = wfm_grid_alloc(g->n * g->stride);
	int sorted = at && out;

	if (sorted) {
		for (size_t k = 0; k < g->n; k++)
			at[row(g, k)->chan + 1]++;
		for (size_t c = 0; c < g->nchan; c++)
			at[c + 1] += at[c];
		for (size_t k = 0; k < g->n; k++)
			memcpy(out + at[row(g, k)->chan]++ * g->stride, row(g, k), g->stride);
		free(g->rows);
		g->rows = out;
		g->cap = g->n;
	} else {
		free(out);
	}
	for (size_t k = 1; sorted && k < g->n; k++)
		sorted = cmp_row(row(g, k - 1), row(g, k)) < 0;
	if (!sorted)
		qsort(g->rows, g->n, g->stride, cmp_row);
	free(at);
}

/* ---- the grid ---- */

/* The interval length: the most frequent gap of 15, 30 or 60 minutes
 * between a channel's consecutive rows (the shorter on a tie); dflt when
 * no channel has two rows that close.  The most frequent, not the
 * smallest, so that one stray row in 30-minute data is reported instead
 * of turning it into 15-minute data with half the intervals missing. */
static int64_t usual_gap(const struct wfm_grid *g, int64_t dflt)
{
	static const int64_t len[3] = { 900, 1800, 3600 };
	size_t cnt[3] = { 0, 0, 0 }, best = 0;

	for (size_t i = 1; i < g->n; i++) {
		int same = row(g, i - 1)->chan == row(g, i)->chan;
		int64_t d = row(g, i)->t - row(g, i - 1)->t;
		for (int k = 0; k < 3; k++)
			cnt[k] += same && d == len[k];
	}
	for (int k = 1; k < 3; k++)
		if (cnt[k] > cnt[best])
			best = (size_t)k;
	return cnt[best] ? len[best] : dflt;
}

/* The first row (an index > 0) that repeats the instant of the row before
 * it in its channel (gap 0: a duplicate), or that lies a time that is not
 * a multiple of gap after it (off the grid); 0 when none. */
static size_t find(const struct wfm_grid *g, int64_t gap)
{
	for (size_t i = 1; i < g->n; i++) {
		int64_t d = row(g, i)->t - row(g, i - 1)->t;
		if (row(g, i)->chan == row(g, i - 1)->chan && (gap ? d % gap != 0 : d == 0))
			return i;
	}
	return 0;
}

/* Smallest gap between distinct instants of a channel (0: none), and the
 * row after it in *at. */
static int64_t min_gap(const struct wfm_grid *g, size_t *at)
{
	int64_t best = 0;

	for (size_t i = 1; i < g->n; i++) {
		int64_t d = row(g, i)->t - row(g, i - 1)->t;
		if (row(g, i)->chan == row(g, i - 1)->chan && d > 0 && (!best || d < best)) {
			best = d;
			*at = i;
		}
	}
	return best;
}

static size_t farthest_from_mean(const struct wfm_grid *g)
{
	double mean = 0;
	size_t far = 0;

	for (size_t i = 0; i < g->n; i++)
		mean += ((double)row(g, i)->t - mean) / (double)(i + 1);
	for (size_t i = 1; i < g->n; i++)
		if (fabs((double)row(g, i)->t - mean) > fabs((double)row(g, far)->t - mean))
			far = i;
	return far;
}

/* The interval length into g->step, or an error: no two intervals in any
 * channel, or no allowed length (a format without a default). */
static int find_step(struct wfm_grid *g, const char *path, const struct wfm_grid_format *f,
		     wfm_error *err)
{
	size_t at = 0;
	int64_t small;

	if ((g->step = usual_gap(g, f->step)))
		return 0;
	if ((small = min_gap(g, &at)) == 0)
		return wfm_error_at(err, path, row(g, 0)->line, "timestamp",
				    "at least two intervals per channel are needed to infer the interval length");
	return wfm_error_at(err, path, row(g, at)->line, "timestamp",
			    "interval of %lld min after line %ld; intervals must be 15, 30 or 60 min",
			    (long long)small / 60, row(g, at - 1)->line);
}

/* g->start and g->len, refusing a row whose interval after the one
 * before it in its channel is not a multiple of the step (naming both
 * lines), then (naming the row farthest from the mean time: a year typo)
 * a span over 100 years or more than 2^25 cells, and rows off the grid
 * of the first instant. */
static int bounds(struct wfm_grid *g, const char *path, const wfm_tz *tz, const char *what,
		  wfm_error *err)
{
	int64_t gap = g->step, tmin = row(g, 0)->t, tmax = tmin;
	size_t k = find(g, gap);
	char buf[40];

	if (k)
		return wfm_error_at(err, path, row(g, k)->line, "timestamp",
				    "interval of %lld min after line %ld; the data are in %lld-minute intervals "
				    "(mixed interval lengths)", (long long)(row(g, k)->t - row(g, k - 1)->t) / 60,
				    row(g, k - 1)->line, (long long)gap / 60);
	for (size_t i = 0; i < g->n; i++) {
		tmin = row(g, i)->t < tmin ? row(g, i)->t : tmin;
		tmax = row(g, i)->t > tmax ? row(g, i)->t : tmax;
	}
	if (tmax - tmin > MAX_SPAN_S || (double)g->nchan * (double)((tmax - tmin) / gap + 1) > MAX_CELLS) {
		size_t far = farthest_from_mean(g);
		wfm_time_format(row(g, far)->t, tz, buf, sizeof(buf));
		return wfm_error_at(err, path, row(g, far)->line, "timestamp",
				    "%s makes the %s span %.0f days of %lld-minute intervals "
				    "for %zu channels (at most 100 years and %d cells): a typo?",
				    buf, what, (double)(tmax - tmin) / 86400, (long long)gap / 60,
				    g->nchan, MAX_CELLS);
	}
	for (size_t i = 0; i < g->n; i++)
		if ((row(g, i)->t - tmin) % gap) {
			wfm_time_format(row(g, i)->t, tz, buf, sizeof(buf));
			return wfm_error_at(err, path, row(g, i)->line, "timestamp",
					    "%s is off the %lld-minute grid (mixed interval lengths?)",
					    buf, (long long)gap / 60);
		}
	g->start = tmin;
	g->len = (size_t)((tmax - tmin) / gap) + 1;
	return 0;
}

static int check_grid(struct wfm_grid *g, const char *path, const wfm_tz *tz,
		      const struct wfm_grid_format *f, wfm_error *err)
{
	size_t i = find(g, 0);
	char buf[40];

	if (i) {
		wfm_time_format(row(g, i)->t, tz, buf, sizeof(buf));
		return wfm_error_at(err, path, row(g, i)->line, "timestamp", f->duplicate,
				    row(g, i - 1)->line, g->name[row(g, i)->chan], buf);
	}
	if (find_step(g, path, f, err))
		return -1;
	return bounds(g, path, tz, f->what, err);
}

int wfm_grid_load(struct wfm_grid *g, const char *path, const wfm_tz *tz,
		  const struct wfm_grid_format *f, int ncol, unsigned need, wfm_error *err)
{
	const char *names[2 + WFM_GRID_MAX_COLS] = { "timestamp", "channel" };
	int col[2 + WFM_GRID_MAX_COLS];
	struct reading rd = { g, f, tz };
	struct stat st;

	for (int k = 0; k < WFM_GRID_MAX_COLS; k++) {
		col[2 + k] = -1;
		if (k < ncol)
			names[2 + k] = f->col[k].name + ((need >> k & 1) && f->col[k].name[0] == '?');
	}
	g->ncol = ncol;
	g->stride = sizeof(struct wfm_grid_row) + (size_t)ncol * sizeof(double);
	/* a row takes 15 bytes or more ("2026-01-05,a,1\n"): room for all at once */
	if (strcmp(path, "-") && !stat(path, &st) && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size / 15 < SIZE_MAX / g->stride &&
	    (g->rows = wfm_grid_alloc(((size_t)st.st_size / 15 + 1) * g->stride)))
		g->cap = (size_t)st.st_size / 15 + 1;
	if (wfm_csv_each(path, names, 2 + ncol, col, read_row, &rd, f->empty, err) < 0)
		return -1;
	memcpy(g->col, col + 2, sizeof(g->col));
	sort_rows(g);
	return check_grid(g, !strcmp(path, "-") ? "<stdin>" : path, tz, f, err);
}

void wfm_grid_place(const struct wfm_grid *g, double *const *dst, long *line)
{
	for (size_t j = 0; j < g->n; j++) {
		const struct wfm_grid_row *x = row(g, j);
		size_t i = (size_t)x->chan * g->len + (size_t)((x->t - g->start) / g->step);
		if (line)
			line[i] = x->line;
		for (int k = 0; k < g->ncol; k++)
			if (dst[k])
				dst[k][i] = x->v[k];
	}
}

void wfm_grid_free(struct wfm_grid *g)
{
	wfm_free_strv(g->name, g->nchan);
	wfm_strmap_free(&g->index);
	WFM_FREE(g->rows, g->amb.v);
	g->name = NULL;
	g->nchan = 0;
}
