/* overrides.c - overrides.csv: planners' factors or volumes for a day or
 * an interval of a channel's forecast, applied last.  Entry points:
 * wfm_overrides_load(), wfm_overrides_apply(). */
#include "overrides.h"
#include "csv.h"
#include "csvload.h"
#include "mem.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void wfm_overrides_free(wfm_overrides *ov)
{
	if (!ov)
		return;
	for (size_t i = 0; i < ov->n; i++)
		free(ov->o[i].channel);
	WFM_FREE(ov->o, ov->path, ov);
}

/* Exactly one of columns a and b; its index in *col, 1 when it is b. */
static int one_of(wfm_csv_reader *r, const char *a, const char *b, int *col, wfm_error *err)
{
	int ca = wfm_csv_col(r, a), cb = wfm_csv_col(r, b);

	if ((ca < 0) == (cb < 0))
		return wfm_error_at(err, wfm_csv_name(r), 1, ca < 0 ? a : b,
				    ca < 0 ? "missing column (give %s or %s)" : "give %s or %s, not both", a, b);
	*col = ca >= 0 ? ca : cb;
	return cb >= 0;
}

static int read_row(wfm_csv_reader *r, int cwhen, int by_day, int cchan, int cval, int set_volume,
		    const wfm_tz *tz, struct wfm_override *o, wfm_error *err)
{
	wfm_error perr;

	memset(o, 0, sizeof(*o));
	o->line = wfm_csv_line(r);
	o->by_day = by_day;
	o->set_volume = set_volume;
	if (by_day ? wfm_time_parse_date(wfm_csv_get(r, cwhen), &o->day, &perr) :
	    wfm_csv_time(r, cwhen, tz, 0, &o->utc, &perr) < 0)
		return wfm_csv_error(r, cwhen, err, "%s", perr.msg);
	if (!*wfm_csv_get(r, cchan))
		return wfm_csv_error(r, cchan, err, "empty channel");
	if (wfm_csv_double(r, cval, &o->value, err))
		return -1;
	if (set_volume ? !(o->value >= 0 && o->value <= 1e9) : !(o->value >= 0 && o->value <= 100))
		return wfm_csv_error(r, cval, err, set_volume ? "%g is not a volume between 0 and 1e9"
				     : "%g is not a factor between 0 and 100", o->value);
	if (!(o->channel = strdup(wfm_csv_get(r, cchan))))
		return wfm_error_set(err, "out of memory");
	return 0;
}

wfm_overrides *wfm_overrides_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	wfm_csv_reader *r = wfm_csv_open(path, err);
	wfm_overrides *ov = NULL;
	int cwhen, cval, cchan, by_ts, set_volume, rc;

	if (!r)
		return NULL;
	if ((by_ts = one_of(r, "date", "timestamp", &cwhen, err)) < 0 ||
	    (cchan = wfm_csv_require(r, "channel", err)) < 0 ||
	    (set_volume = one_of(r, "factor", "volume", &cval, err)) < 0)
		goto fail;
	if (!(ov = calloc(1, sizeof(*ov))) || !(ov->path = strdup(path)))
		goto oom;
	while ((rc = wfm_csv_next(r, err)) == 1) {
		if (WFM_CSVLOAD_ROOM(ov->o, ov->n))
			goto oom;
		if (read_row(r, cwhen, !by_ts, cchan, cval, set_volume, tz, &ov->o[ov->n], err)) {
			free(ov->o[ov->n].channel);
			goto fail;
		}
		ov->n++;
	}
	if (rc < 0)
		goto fail;
	wfm_csv_close(r);
	return ov;
oom:
	wfm_error_set(err, "out of memory");
fail:
	wfm_csv_close(r);
	wfm_overrides_free(ov);
	return NULL;
}

/* Intervals [a, b) of the forecast the row names. */
static void span(const struct wfm_override *o, int64_t start, int step, const int64_t *day,
		 size_t h, size_t *a, size_t *b)
{
	*a = *b = 0;
	if (!o->by_day) {
		if (o->utc >= start && (o->utc - start) % step == 0 &&
		    (uint64_t)(o->utc - start) / (uint64_t)step < h) {
			*a = (size_t)((o->utc - start) / step);
			*b = *a + 1;
		}
		return;
	}
	while (*a < h && day[*a] != o->day)
		(*a)++;
	*b = *a;
	while (*b < h && day[*b] == o->day)
		(*b)++;
}

void wfm_overrides_apply(wfm_overrides *ov, const char *channel, int64_t start, int step,
			 const int64_t *day, size_t h, double *vol, double *lo, double *hi)
{
	for (size_t i = 0; ov && i < ov->n; i++) {
		struct wfm_override *o = &ov->o[i];
		size_t a, b;
		double f;

		if (strcmp(o->channel, channel))
			continue;
		span(o, start, step, day, h, &a, &b);
		o->hits = b - a;
		o->before = 0;
		for (size_t k = a; k < b; k++)
			o->before += vol[k];
		f = o->set_volume ? (o->before > 0 ? o->value / o->before : NAN) : o->value;
		for (size_t k = a; k < b; k++) {
			if (isnan(f)) {      /* forecast 0: spread the volume evenly */
				vol[k] = lo[k] = hi[k] = o->value / (double)(b - a);
				continue;
			}
			vol[k] *= f;
			lo[k] *= f;
			hi[k] *= f;
		}
		o->after = o->set_volume && b > a ? o->value : o->before * f;
	}
}
