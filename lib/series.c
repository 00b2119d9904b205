/* series.c - load and hold regular multi-channel series.  See series.h. */
#include "series.h"
#include "strlist.h"
#include "grid.h"
#include "mem.h"
#include "csv.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The numeric columns: volume and aht_s, and the band of a forecast. */
static const struct wfm_grid_col cols[] = {
	/* no upper cap on volume: the forecaster screens outliers (1e308 among
	 * normal volumes), the profile keeps its means finite */
	{ "volume", WFM_GRID_QUANTITY, INFINITY },
	{ "?aht_s", WFM_GRID_QUANTITY_OPT, INFINITY },
	{ "?volume_lo", WFM_GRID_REAL, 0 },
	{ "?volume_hi", WFM_GRID_REAL, 0 },
};
enum { PLAIN = 2, BAND = 4 };       /* columns read without and with the band */

static int band_check(const wfm_csv_reader *r, const int *col, const double *v, wfm_error *err)
{
	if (col[2] >= 0 && v[2] > v[3])
		return wfm_csv_error(r, col[2], err, "volume_lo %g is above volume_hi %g", v[2], v[3]);
	return 0;
}

static const struct wfm_grid_format format = {
	"series", "no data rows after the header", "duplicate of line %ld (%s, %s)",
	0, cols, band_check,
};

/* The series, and with lo its band in *lo and *hi (same layout). */
static wfm_series *build(const struct wfm_grid *g, double **lo, double **hi, wfm_error *err)
{
	size_t n = g->len, cells = g->nchan * n;
	wfm_series *s = wfm_series_alloc(g->nchan, (const char *const *)g->name, g->start,
					 (int)g->step, n, g->col[1] >= 0, err);

	if (!s)
		return NULL;
	if (lo && (!(*lo = wfm_grid_nans(cells)) || !(*hi = wfm_grid_nans(cells)))) {
		free(*lo);
		*lo = NULL;
		wfm_series_free(s);
		return wfm_oom(err);
	}
	wfm_grid_place(g, (double *const[]){ s->volume, s->aht, lo ? *lo : NULL, lo ? *hi : NULL }, NULL);
	for (size_t c = 0; c < s->nchan; c++)
		for (size_t i = 0; i < n; i++)
			if (isnan(s->volume[c * n + i]) && s->missing[c]++ == 0)
				s->first_missing[c] = wfm_series_time(s, i);
	return s;
}

/* ncol: PLAIN or BAND; need: the band's columns are required */
static wfm_series *load(const char *path, const wfm_tz *tz, double **lo, double **hi,
			int ncol, unsigned need, wfm_error *err)
{
	struct wfm_grid g = { 0 };
	wfm_series *s = NULL;

	if (lo)
		*lo = *hi = NULL;
	if (wfm_grid_load(&g, path, tz, &format, ncol, need, err) == 0)
		s = build(&g, lo, hi, err);
	wfm_grid_free(&g);
	return s;
}

wfm_series *wfm_series_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	return load(path, tz, NULL, NULL, PLAIN, 0, err);
}

wfm_series *wfm_series_load_band(const char *path, const wfm_tz *tz, double **lo, double **hi,
				 wfm_error *err)
{
	return load(path, tz, lo, hi, BAND, 0, err);
}

wfm_series *wfm_series_load_band_required(const char *path, const wfm_tz *tz, double **lo,
					  double **hi, wfm_error *err)
{
	return load(path, tz, lo, hi, BAND, 1 << 2 | 1 << 3, err);
}

wfm_series *wfm_series_alloc(size_t nchan, const char *const *names, int64_t start,
			     int step, size_t n, int with_aht, wfm_error *err)
{
	wfm_series *s = calloc(1, sizeof(*s));
	size_t cells = nchan * n > 0 ? nchan * n : 1, nc = nchan ? nchan : 1;

	if (!s)
		return wfm_oom(err);
	*s = (wfm_series){ .nchan = nchan, .start = start, .step = step, .n = n,
			   .channel = calloc(nc, sizeof(char *)), .volume = wfm_grid_nans(cells),
			   .aht = with_aht ? wfm_grid_nans(cells) : NULL,
			   .missing = calloc(nc, sizeof(size_t)), .first_missing = calloc(nc, sizeof(int64_t)) };
	if (!s->channel || !s->volume || (with_aht && !s->aht) || !s->missing || !s->first_missing)
		goto oom;
	for (size_t c = 0; c < nchan; c++)
		if (!(s->channel[c] = strdup(names[c])))
			goto oom;
	return s;
oom:
	wfm_series_free(s);
	return wfm_oom(err);
}

void wfm_series_free(wfm_series *s)
{
	if (s) {
		wfm_free_strv(s->channel, s->nchan);
		WFM_FREE(s->volume, s->aht, s->missing, s->first_missing, s);
	}
}

int wfm_series_channel(const wfm_series *s, const char *name)
{
	for (size_t c = 0; c < s->nchan; c++)
		if (!strcmp(s->channel[c], name))
			return (int)c;
	return -1;
}

static void move_channel(wfm_series *s, size_t to, size_t from)
{
	char *name = s->channel[to];

	s->channel[to] = s->channel[from];
	s->channel[from] = name;
	for (size_t i = 0; i < s->n; i++) {
		double v = s->volume[to * s->n + i];
		s->volume[to * s->n + i] = s->volume[from * s->n + i];
		s->volume[from * s->n + i] = v;
		if (s->aht) {
			v = s->aht[to * s->n + i];
			s->aht[to * s->n + i] = s->aht[from * s->n + i];
			s->aht[from * s->n + i] = v;
		}
	}
	size_t m = s->missing[to];
	s->missing[to] = s->missing[from];
	s->missing[from] = m;
	int64_t f = s->first_missing[to];
	s->first_missing[to] = s->first_missing[from];
	s->first_missing[from] = f;
}

int wfm_series_select(wfm_series *s, const char *const *names, size_t n, wfm_error *err)
{
	for (size_t k = 0; k < n; k++) {
		int c = wfm_series_channel(s, names[k]);
		if (c < 0 || (size_t)c < k)
			return wfm_error_set(err, "channel \"%s\" is not in the input%s", names[k],
					     c >= 0 ? " more than once" : "");
		move_channel(s, k, (size_t)c);
	}
	for (size_t c = n; c < s->nchan; c++)
		free(s->channel[c]);
	s->nchan = n;
	return 0;
}

int wfm_series_select_list(wfm_series *s, const char *list, wfm_error *err)
{
	wfm_strlist l;
	int rc;

	if (wfm_strlist_split(list, ',', &l))
		return wfm_error_set(err, "out of memory");
	rc = wfm_series_select(s, (const char *const *)l.item, l.n, err);
	wfm_strlist_free(&l);
	return rc;
}

long wfm_series_line(const char *path, const wfm_tz *tz, const char *chan, int64_t t)
{
	wfm_error e = { 0 };
	wfm_csv_reader *r;
	long line = 0;
	int ct, cc;

	if (!strcmp(path, "-") || !(r = wfm_csv_open(path, &e)))
		return 0;
	ct = wfm_csv_col(r, "timestamp");
	cc = wfm_csv_col(r, "channel");
	while (ct >= 0 && cc >= 0 && !line && wfm_csv_next(r, &e) > 0) {
		int64_t u;
		if (!strcmp(wfm_csv_get(r, cc), chan) &&
		    wfm_time_parse(wfm_csv_get(r, ct), tz, 0, &u, &e) >= 0 && u == t)
			line = wfm_csv_line(r);
	}
	wfm_csv_close(r);
	return line;
}
