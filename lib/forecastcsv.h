/* forecastcsv.h - forecast.csv: the file wfm forecast writes and wfm
 * staff, chart and intraday read.
 *
 * Columns timestamp,channel,volume,aht_s,volume_lo,volume_hi (or date,...
 * for totals per day or week), numbers as %.2f (volume, bounds) and %.1f
 * (aht_s), an empty field for an unknown value; or a JSON array of the
 * same objects.  Reading goes through wfm_series_load_band() (volume,
 * aht_s and the two bounds, in one pass: standard input too).
 *
 * Entry points: wfm_forecastcsv_begin(), wfm_forecastcsv_row(),
 * wfm_forecastcsv_end(), wfm_forecastcsv_write(), wfm_forecastcsv_load(),
 * wfm_forecastcsv_free().
 */
#ifndef WFM_FORECASTCSV_H
#define WFM_FORECASTCSV_H

#include <stdio.h>
#include "error.h"
#include "series.h"
#include "tz.h"

/* A writer: json or CSV, by_date for the date column of totals. */
struct wfm_forecastcsv_out {
	FILE *fp;
	int json, by_date, first;
};

void wfm_forecastcsv_begin(struct wfm_forecastcsv_out *w, FILE *fp, int json, int by_date);
void wfm_forecastcsv_row(struct wfm_forecastcsv_out *w, const char *when, const char *chan,
			 double vol, double aht, double lo, double hi);
void wfm_forecastcsv_end(struct wfm_forecastcsv_out *w);

/* A whole wfm_forecastcsv as CSV, timestamps in tz.  0, or -1 on a write error. */
struct wfm_forecastcsv;
int wfm_forecastcsv_write(FILE *fp, const struct wfm_forecastcsv *f, const wfm_tz *tz);

/* A forecast read back: the series (volume, aht) and its bounds on the
 * same grid, lo[c * s->n + i], NAN where absent (no row, no column or an
 * empty field); volume_lo above volume_hi is an error. */
typedef struct wfm_forecastcsv {
	wfm_series *s;
	double *lo, *hi;
} wfm_forecastcsv;

wfm_forecastcsv *wfm_forecastcsv_load(const char *path, const wfm_tz *tz, wfm_error *err);
void wfm_forecastcsv_free(wfm_forecastcsv *f);

#endif
