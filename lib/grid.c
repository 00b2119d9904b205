/* grid.c - regular-grid checks shared by the series and requirements
 * loaders.  See grid.h. */
#include "grid.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SPAN_S (100 * 366 * 86400LL)
#define MAX_CELLS (1 << 25)

static int64_t row_t(const void *rows, size_t i, const struct wfm_grid_layout *lay)
{
	int64_t t;

	memcpy(&t, (const char *)rows + i * lay->size + lay->t, sizeof(t));
	return t;
}

static int row_chan(const void *rows, size_t i, const struct wfm_grid_layout *lay)
{
	int c;

	memcpy(&c, (const char *)rows + i * lay->size + lay->chan, sizeof(c));
	return c;
}

static long row_line(const void *rows, size_t i, const struct wfm_grid_layout *lay)
{
	long l;

	memcpy(&l, (const char *)rows + i * lay->size + lay->line, sizeof(l));
	return l;
}

int wfm_grid_name(struct wfm_grid_names *nm, const char *name)
{
	long k = wfm_strmap_get(&nm->index, name);
	char **nn;

	if (k >= 0)
		return (int)k;
	if (!(nn = realloc(nm->name, (nm->n + 1) * sizeof(char *))))
		return -1;
	nm->name = nn;
	if (!(nn[nm->n] = strdup(name)))
		return -1;
	if (wfm_strmap_add(&nm->index, nn[nm->n], nm->n) < 0) {
		free(nn[nm->n]);
		return -1;
	}
	return (int)nm->n++;
}

int wfm_grid_channel(struct wfm_grid_names *nm, const wfm_csv_reader *r, int col,
		     wfm_error *err)
{
	const char *ch = wfm_csv_get(r, col);
	int k;

	if (!*ch)
		return wfm_csv_error(r, col, err, "empty channel name");
	if (nm->n >= WFM_GRID_MAX_CHANNELS && wfm_strmap_get(&nm->index, ch) < 0)
		return wfm_csv_error(r, col, err, "\"%.40s\" would be channel %d: at most %d "
				     "channels in a file (a column mix-up?)", ch,
				     WFM_GRID_MAX_CHANNELS + 1, WFM_GRID_MAX_CHANNELS);
	if ((k = wfm_grid_name(nm, ch)) < 0)
		return wfm_error_set(err, "out of memory");
	return k;
}

void wfm_grid_names_free(struct wfm_grid_names *nm)
{
	for (size_t i = 0; i < nm->n; i++)
		free(nm->name[i]);
	free(nm->name);
	wfm_strmap_free(&nm->index);
	nm->name = NULL;
	nm->n = 0;
}

int wfm_grid_seen_again(struct wfm_grid_seen *s, int64_t t, int chan)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].t == t && s->v[i].chan == chan)
			return 1;
	if (s->n == s->cap) {
		size_t c = s->cap ? s->cap * 2 : 8;
		void *p = realloc(s->v, c * sizeof(*s->v));
		if (!p)
			return 0;
		s->v = p;
		s->cap = c;
	}
	s->v[s->n].t = t;
	s->v[s->n++].chan = chan;
	return 0;
}

int64_t wfm_grid_usual_gap(const void *rows, size_t n, const struct wfm_grid_layout *lay,
			   int64_t dflt)
{
	static const int64_t len[3] = { 900, 1800, 3600 };
	size_t cnt[3] = { 0, 0, 0 }, best = 0;

	for (size_t i = 1; i < n; i++) {
		int same = row_chan(rows, i - 1, lay) == row_chan(rows, i, lay);
		int64_t d = row_t(rows, i, lay) - row_t(rows, i - 1, lay);
		for (int k = 0; k < 3; k++)
			cnt[k] += same && d == len[k];
	}
	for (int k = 1; k < 3; k++)
		if (cnt[k] > cnt[best])
			best = (size_t)k;
	return cnt[best] ? len[best] : dflt;
}

size_t wfm_grid_find(const void *rows, size_t n, const struct wfm_grid_layout *lay, int64_t gap)
{
	for (size_t i = 1; i < n; i++) {
		int64_t d = row_t(rows, i, lay) - row_t(rows, i - 1, lay);
		if (row_chan(rows, i, lay) == row_chan(rows, i - 1, lay) && (gap ? d % gap != 0 : d == 0))
			return i;
	}
	return 0;
}

static size_t farthest_from_mean(const void *rows, size_t n, const struct wfm_grid_layout *lay)
{
	double mean = 0;
	size_t far = 0;

	for (size_t i = 0; i < n; i++)
		mean += ((double)row_t(rows, i, lay) - mean) / (double)(i + 1);
	for (size_t i = 1; i < n; i++)
		if (fabs((double)row_t(rows, i, lay) - mean) > fabs((double)row_t(rows, far, lay) - mean))
			far = i;
	return far;
}

int wfm_grid_bounds(const void *rows, size_t n, const struct wfm_grid_layout *lay,
		    size_t nchan, int64_t gap, const char *path, const wfm_tz *tz,
		    const char *what, int64_t *tmin, int64_t *tmax, wfm_error *err)
{
	char buf[40];
	size_t k = wfm_grid_find(rows, n, lay, gap);

	if (k)
		return wfm_error_at(err, path, row_line(rows, k, lay), "timestamp",
				    "interval of %lld min after line %ld; the data are in %lld-minute intervals "
				    "(mixed interval lengths)", (long long)(row_t(rows, k, lay) - row_t(rows, k - 1, lay)) / 60,
				    row_line(rows, k - 1, lay), (long long)gap / 60);
	*tmin = *tmax = row_t(rows, 0, lay);
	for (size_t i = 0; i < n; i++) {
		int64_t t = row_t(rows, i, lay);
		if (t < *tmin)
			*tmin = t;
		if (t > *tmax)
			*tmax = t;
	}
	if (*tmax - *tmin > MAX_SPAN_S ||
	    (double)nchan * (double)((*tmax - *tmin) / gap + 1) > MAX_CELLS) {
		size_t far = farthest_from_mean(rows, n, lay);
		wfm_time_format(row_t(rows, far, lay), tz, buf, sizeof(buf));
		return wfm_error_at(err, path, row_line(rows, far, lay), "timestamp",
				    "%s makes the %s span %.0f days of %lld-minute intervals "
				    "for %zu channels (at most 100 years and %d cells): a typo?",
				    buf, what, (double)(*tmax - *tmin) / 86400, (long long)gap / 60,
				    nchan, MAX_CELLS);
	}
	for (size_t i = 0; i < n; i++)
		if ((row_t(rows, i, lay) - *tmin) % gap) {
			wfm_time_format(row_t(rows, i, lay), tz, buf, sizeof(buf));
			return wfm_error_at(err, path, row_line(rows, i, lay), "timestamp",
					    "%s is off the %lld-minute grid (mixed interval lengths?)",
					    buf, (long long)gap / 60);
		}
	return 0;
}

void *wfm_grid_room(void *rows, size_t n, size_t *cap, size_t size)
{
	size_t c = *cap ? *cap * 2 : 1024;
	void *p;

	if (n < *cap)
		return rows;
	if (!(p = realloc(rows, c * size)))
		return NULL;
	*cap = c;
	return p;
}

struct sortkey { int64_t t; long line; int chan; size_t at; };

static int cmp_key(const void *a, const void *b)
{
	const struct sortkey *x = a, *y = b;

	if (x->chan != y->chan)
		return x->chan < y->chan ? -1 : 1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

int wfm_grid_sort(void *rows, size_t n, const struct wfm_grid_layout *lay)
{
	struct sortkey *k = malloc((n ? n : 1) * sizeof(*k));
	char *tmp = malloc((n ? n : 1) * lay->size), *r = rows;

	if (!k || !tmp) {
		free(k);
		free(tmp);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		memcpy(&k[i].t, r + i * lay->size + lay->t, sizeof(k[i].t));
		memcpy(&k[i].chan, r + i * lay->size + lay->chan, sizeof(k[i].chan));
		memcpy(&k[i].line, r + i * lay->size + lay->line, sizeof(k[i].line));
		k[i].at = i;
	}
	qsort(k, n, sizeof(*k), cmp_key);
	for (size_t i = 0; i < n; i++)
		memcpy(tmp + i * lay->size, r + k[i].at * lay->size, lay->size);
	memcpy(rows, tmp, n * lay->size);
	free(k);
	free(tmp);
	return 0;
}
