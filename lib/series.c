/* series.c - load and hold regular multi-channel series.  See series.h. */
#include "series.h"
#include "strlist.h"
#include "grid.h"
#include "csv.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>


/* Room for bytes (freed with free()), on transparent huge pages where the
 * system gives them on request when it is 1 MB or more: a year of
 * 15-minute rows takes a few page faults instead of thousands, which cost
 * more than the parsing on a virtual machine. */
static void *big_alloc(size_t bytes)
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

struct rec {
	int64_t t;
	int chan;
	double vol, aht;
	double lo, hi;              /* the band, when asked for */
	long line;
};

static const struct wfm_grid_layout layout = WFM_GRID_LAYOUT(struct rec);

struct loader {
	struct rec *recs;
	size_t n, cap;
	struct wfm_grid_names nm;
	int has_aht;
	int band;                   /* read volume_lo, volume_hi: 1 if there, 2 required */
	struct wfm_grid_seen amb;   /* wall times that occur twice */
	struct {                    /* timestamp texts lately read as one */
		char ts[40];        /* unambiguous instant t, by a hash of */
		int64_t t;          /* their last bytes */
	} seen[64];
};

/* The slot of timestamp text s (len bytes) in ld->seen: rows of one
 * interval (one per channel) share the text, in whatever order the file
 * lists channels, and the minutes and hours vary in the last bytes. */
static unsigned ts_slot(const char *s, size_t len)
{
	uint64_t w = 0;

	memcpy(&w, s + (len > 8 ? len - 8 : 0), len < 8 ? len : 8);
	return (unsigned)((w * 0x9e3779b97f4a7c15ULL) >> 58);
}

static int read_rec(wfm_csv_reader *r, const int col[6], const wfm_tz *tz,
		    struct loader *ld, struct rec *rec, wfm_error *err)
{
	int amb;

	if ((rec->chan = wfm_grid_channel(&ld->nm, r, col[1], err)) < 0)
		return -1;
	/* each interval's timestamp text is parsed once, not once per channel */
	const char *ts = wfm_csv_get(r, col[0]);
	size_t len = strlen(ts);
	unsigned k = ts_slot(ts, len);
	if (ld->seen[k].ts[0] && !strcmp(ts, ld->seen[k].ts)) {
		rec->t = ld->seen[k].t;
	} else {
		if ((amb = wfm_csv_time(r, col[0], tz, 0, &rec->t, err)) < 0)
			return -1;
		if (amb == WFM_TZ_AMBIGUOUS) {
			if (wfm_grid_seen_again(&ld->amb, rec->t, rec->chan))
				wfm_csv_time(r, col[0], tz, 1, &rec->t, err);
		} else if (len < sizeof(ld->seen[k].ts)) {
			memcpy(ld->seen[k].ts, ts, len + 1);
			ld->seen[k].t = rec->t;
		}
	}
	/* no upper cap here: the forecaster screens outliers (1e308 among
	 * normal volumes), the profile keeps its means finite */
	if (wfm_csv_quantity(r, col[2], INFINITY, 0, &rec->vol, err))
		return -1;
	rec->aht = NAN;
	if (col[3] >= 0 && wfm_csv_quantity(r, col[3], INFINITY, 1, &rec->aht, err))
		return -1;
	rec->lo = rec->hi = NAN;
	if ((col[4] >= 0 && wfm_csv_double_opt(r, col[4], NAN, &rec->lo, err)) ||
	    (col[5] >= 0 && wfm_csv_double_opt(r, col[5], NAN, &rec->hi, err)))
		return -1;
	if (rec->lo > rec->hi)
		return wfm_csv_error(r, col[4], err, "volume_lo %g is above volume_hi %g", rec->lo, rec->hi);
	rec->line = wfm_csv_line(r);
	return 0;
}

static int read_all(const char *path, const wfm_tz *tz, struct loader *ld, wfm_error *err)
{
	static const char *const names[] = { "timestamp", "channel", "volume", "?aht_s", "?volume_lo",
					     "?volume_hi" }, *const band[] = { "timestamp", "channel", "volume",
					     "?aht_s", "volume_lo", "volume_hi" };
	int col[6], rc;
	wfm_csv_reader *r = wfm_csv_open_cols(path, ld->band == 2 ? band : names, ld->band ? 6 : 4,
					      col, err);

	if (!r)
		return -1;
	if (!ld->band)
		col[4] = col[5] = -1;
	ld->has_aht = col[3] >= 0;
	/* a row takes 15 bytes or more ("2026-01-05,a,1\n"): room for all at once */
	struct stat st;
	if (strcmp(path, "-") && !stat(path, &st) && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size / 15 < SIZE_MAX / sizeof(*ld->recs) &&
	    (ld->recs = big_alloc(((size_t)st.st_size / 15 + 1) * sizeof(*ld->recs))))
		ld->cap = (size_t)st.st_size / 15 + 1;
	while ((rc = wfm_csv_next(r, err)) > 0) {
		struct rec *p = wfm_grid_room(ld->recs, ld->n, &ld->cap, sizeof(*p));
		if (!p) {
			rc = wfm_error_set(err, "out of memory");
			break;
		}
		ld->recs = p;
		if ((rc = read_rec(r, col, tz, ld, &ld->recs[ld->n], err)) < 0)
			break;
		ld->n++;
	}
	if (rc == 0 && ld->n == 0)
		rc = wfm_error_at(err, wfm_csv_name(r), 1, NULL, "no data rows after the header");
	wfm_csv_close(r);
	return rc;
}

static int cmp_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	if (x->chan != y->chan)
		return x->chan < y->chan ? -1 : 1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Records by channel, time and line, as qsort with cmp_rec orders them:
 * a file in time order (the usual) needs only a stable split by channel,
 * O(n): each record copied to its channel's next place in a second array,
 * which reads and writes memory in order (following the permutation in
 * place missed the cache on every record, a fifth of wfm-staff's time);
 * qsort when a channel's rows are out of time order (or memory is short). */
static void sort_recs(struct loader *ld)
{
	size_t nc = ld->nm.n, *at = calloc(nc + 1, sizeof(*at));
	struct rec *out = ld->n ? big_alloc(ld->n * sizeof(*out)) : NULL;
	int sorted = at && out;

	if (sorted) {
		for (size_t k = 0; k < ld->n; k++)
			at[ld->recs[k].chan + 1]++;
		for (size_t c = 0; c < nc; c++)
			at[c + 1] += at[c];
		for (size_t k = 0; k < ld->n; k++)
			out[at[ld->recs[k].chan]++] = ld->recs[k];
		free(ld->recs);
		ld->recs = out;
		ld->cap = ld->n;
	} else {
		free(out);
	}
	for (size_t k = 1; sorted && k < ld->n; k++)
		sorted = cmp_rec(&ld->recs[k - 1], &ld->recs[k]) < 0;
	if (!sorted)
		qsort(ld->recs, ld->n, sizeof(*ld->recs), cmp_rec);
	free(at);
}

/* Smallest gap between distinct instants of a channel, and the record
 * after it. */
static int64_t min_gap(const struct loader *ld, size_t *at)
{
	int64_t best = 0;

	for (size_t i = 1; i < ld->n; i++) {
		const struct rec *a = &ld->recs[i - 1], *b = &ld->recs[i];
		int64_t d = b->t - a->t;
		if (a->chan == b->chan && d > 0 && (!best || d < best)) {
			best = d;
			*at = i;
		}
	}
	return best;
}

static int check_grid(const char *path, const wfm_tz *tz, struct loader *ld,
		      int64_t *tmin, int64_t *tmax, int *step, wfm_error *err)
{
	size_t at = 0;
	char buf[40];

	size_t i = wfm_grid_find(ld->recs, ld->n, &layout, 0);

	if (i) {
		wfm_time_format(ld->recs[i].t, tz, buf, sizeof(buf));
		return wfm_error_at(err, path, ld->recs[i].line, "timestamp", "duplicate of line %ld (%s, %s)",
				    ld->recs[i - 1].line, ld->nm.name[ld->recs[i].chan], buf);
	}
	int64_t small = min_gap(ld, &at), gap = wfm_grid_usual_gap(ld->recs, ld->n, &layout, 0);
	if (small == 0)
		return wfm_error_at(err, path, ld->recs[0].line, "timestamp",
				    "at least two intervals per channel are needed to infer the interval length");
	if (gap == 0)
		return wfm_error_at(err, path, ld->recs[at].line, "timestamp",
				    "interval of %lld min after line %ld; intervals must be 15, 30 or 60 min",
				    (long long)small / 60, ld->recs[at - 1].line);
	if (wfm_grid_bounds(ld->recs, ld->n, &layout, ld->nm.n, gap, path, tz, "series",
			    tmin, tmax, err))
		return -1;
	*step = (int)gap;
	return 0;
}

/* The series, and with ld->band its bounds in lo and hi (same layout). */
static wfm_series *build(struct loader *ld, int64_t tmin, int64_t tmax, int step,
			 double **lo, double **hi, wfm_error *err)
{
	size_t n = (size_t)((tmax - tmin) / step) + 1, cells = ld->nm.n * n;
	wfm_series *s = wfm_series_alloc(ld->nm.n, (const char *const *)ld->nm.name,
					 tmin, step, n, ld->has_aht, err);

	if (!s)
		return NULL;
	if (ld->band && (!(*lo = malloc((cells + 1) * sizeof(double))) ||
			 !(*hi = malloc((cells + 1) * sizeof(double))))) {
		wfm_series_free(s);
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	for (size_t i = 0; ld->band && i < cells; i++)
		(*lo)[i] = (*hi)[i] = NAN;
	for (size_t k = 0; k < ld->n; k++) {
		const struct rec *rc = &ld->recs[k];
		size_t i = (size_t)((rc->t - tmin) / step) + (size_t)rc->chan * n;
		s->volume[i] = rc->vol;
		if (s->aht)
			s->aht[i] = rc->aht;
		if (ld->band) {
			(*lo)[i] = rc->lo;
			(*hi)[i] = rc->hi;
		}
	}
	for (size_t c = 0; c < s->nchan; c++)
		for (size_t i = 0; i < n; i++)
			if (isnan(s->volume[c * n + i]) && s->missing[c]++ == 0)
				s->first_missing[c] = wfm_series_time(s, i);
	return s;
}

static void loader_free(struct loader *ld)
{
	wfm_grid_names_free(&ld->nm);
	free(ld->recs);
	free(ld->amb.v);
}

static wfm_series *load(const char *path, const wfm_tz *tz, double **lo, double **hi,
			int required, wfm_error *err)
{
	struct loader ld = { .band = lo == NULL ? 0 : required ? 2 : 1 };
	wfm_series *s = NULL;
	int64_t tmin = 0, tmax = 0;
	int step = 0;

	if (read_all(path, tz, &ld, err) == 0) {
		sort_recs(&ld);
		if (check_grid(!strcmp(path, "-") ? "<stdin>" : path, tz, &ld,
			       &tmin, &tmax, &step, err) == 0)
			s = build(&ld, tmin, tmax, step, lo, hi, err);
	}
	loader_free(&ld);
	return s;
}

wfm_series *wfm_series_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	return load(path, tz, NULL, NULL, 0, err);
}

wfm_series *wfm_series_load_band(const char *path, const wfm_tz *tz, double **lo, double **hi,
				 wfm_error *err)
{
	*lo = *hi = NULL;
	return load(path, tz, lo, hi, 0, err);
}

wfm_series *wfm_series_load_band_required(const char *path, const wfm_tz *tz, double **lo,
					  double **hi, wfm_error *err)
{
	*lo = *hi = NULL;
	return load(path, tz, lo, hi, 1, err);
}

wfm_series *wfm_series_alloc(size_t nchan, const char *const *names, int64_t start,
			     int step, size_t n, int with_aht, wfm_error *err)
{
	wfm_series *s = calloc(1, sizeof(*s));

	if (!s)
		goto oom;
	s->nchan = nchan;
	s->start = start;
	s->step = step;
	s->n = n;
	s->channel = calloc(nchan ? nchan : 1, sizeof(char *));
	size_t cells = nchan * n > 0 ? nchan * n : 1;
	s->volume = big_alloc(cells * sizeof(double));
	s->aht = with_aht ? big_alloc(cells * sizeof(double)) : NULL;
	s->missing = calloc(nchan ? nchan : 1, sizeof(size_t));
	s->first_missing = calloc(nchan ? nchan : 1, sizeof(int64_t));
	if (!s->channel || !s->volume || (with_aht && !s->aht) || !s->missing ||
	    !s->first_missing)
		goto oom;
	for (size_t c = 0; c < nchan; c++)
		if (!(s->channel[c] = strdup(names[c])))
			goto oom;
	for (size_t i = 0; i < nchan * n; i++) {
		s->volume[i] = NAN;
		if (s->aht)
			s->aht[i] = NAN;
	}
	return s;
oom:
	wfm_series_free(s);
	wfm_error_set(err, "out of memory");
	return NULL;
}

void wfm_series_free(wfm_series *s)
{
	if (!s)
		return;
	wfm_strlist_free(&(wfm_strlist){ s->channel ? s->nchan : 0, s->channel });
	free(s->volume);
	free(s->aht);
	free(s->missing);
	free(s->first_missing);
	free(s);
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
