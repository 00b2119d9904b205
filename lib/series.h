/* series.h - regular multi-channel time series (history, forecasts).
 *
 * Loaded from `timestamp,channel,volume[,aht_s]` CSV.  The interval length
 * (15, 30 or 60 min) is inferred and must be regular.  Missing intervals
 * are kept as NAN and counted, never silently zero; duplicates are
 * rejected naming both lines; negative or non-numeric volumes rejected.
 * Unsorted input is sorted.  A wall time that occurs twice (clocks go
 * back) is read as the first occurrence, then the second.
 *
 * Entry points: wfm_series_load(), wfm_series_load_band(),
 * wfm_series_load_band_required(), wfm_series_alloc(), wfm_series_free(),
 * wfm_series_line().
 */
#ifndef WFM_SERIES_H
#define WFM_SERIES_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "tz.h"

typedef struct wfm_series {
	size_t nchan;
	char **channel;      /* names, in order of first appearance */
	int64_t start;       /* UTC instant of the first interval */
	int step;            /* interval length in seconds */
	size_t n;            /* intervals per channel */
	double *volume;      /* volume[c * n + i]; NAN = missing */
	double *aht;         /* same layout, seconds; NAN = unknown; NULL = no column */
	size_t *missing;     /* per channel: intervals with no row */
	int64_t *first_missing; /* per channel: first missing instant, or 0 */
} wfm_series;

wfm_series *wfm_series_load(const char *path, const wfm_tz *tz, wfm_error *err);
/* The same with a forecast's band, the optional columns volume_lo and
 * volume_hi, on the series' grid: *lo and *hi get arrays [c * n + i]
 * (free() them; NULL when the load fails), NAN where there is no row, no
 * column or an empty field; volume_lo above volume_hi is an error. */
wfm_series *wfm_series_load_band(const char *path, const wfm_tz *tz, double **lo, double **hi,
				 wfm_error *err);
/* The same where the band is needed (wfm staff --quantile, shifts --risk,
 * simulate --forecast): a missing volume_lo or volume_hi column is an
 * error at line 1 ("volume_lo: missing column in the header"); empty
 * fields are still NAN. */
wfm_series *wfm_series_load_band_required(const char *path, const wfm_tz *tz, double **lo,
					  double **hi, wfm_error *err);
/* An empty series (volumes NAN; aht allocated when with_aht). */
wfm_series *wfm_series_alloc(size_t nchan, const char *const *names, int64_t start,
			     int step, size_t n, int with_aht, wfm_error *err);
void wfm_series_free(wfm_series *s);

/* Channel index by name, or -1. */
int wfm_series_channel(const wfm_series *s, const char *name);
static inline double *wfm_series_vol(const wfm_series *s, size_t c) { return s->volume + c * s->n; }
static inline int64_t wfm_series_time(const wfm_series *s, size_t i) { return s->start + (int64_t)i * s->step; }

/* The line of the row (chan, t) in the history file path, for messages
 * about a series already loaded from it; 0 when not found or path is "-"
 * (standard input cannot be read again). */
long wfm_series_line(const char *path, const wfm_tz *tz, const char *chan, int64_t t);

/* Keep only the named channels, in the order given; error names an
 * unknown channel. */
int wfm_series_select(wfm_series *s, const char *const *names, size_t n, wfm_error *err);
/* The same for a comma-separated list ("calls,chat": --channels). */
int wfm_series_select_list(wfm_series *s, const char *list, wfm_error *err);

#endif
