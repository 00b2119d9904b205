/* forecastrun.h - one run of wfm-forecast over a history: per channel the
 * policy that picks the model (backtest window, auto's choice, the
 * fallback to regression and to snaive on short histories), the forecast
 * and its interval bands; then what-if scaling, the forecast written per
 * interval or aggregated, and the backtest report.
 *
 * Entry points: wfm_fcrun_backtest_weeks(), wfm_fcrun_channel(),
 * wfm_fcrun_alloc(), wfm_fcrun_free(), wfm_fcrun_scale(),
 * wfm_fcrun_write(), wfm_fcrun_report().
 */
#ifndef WFM_FORECASTRUN_H
#define WFM_FORECASTRUN_H

#include <stdint.h>
#include <stdio.h>
#include "backtest.h"
#include "model.h"
#include "series.h"

enum wfm_fcrun_agg { WFM_AGG_INTERVAL, WFM_AGG_DAY, WFM_AGG_WEEK, WFM_AGG_MONTH };

/* What the run was asked for (wfm-forecast's options). */
struct wfm_fcrun_opts {
	const char *input;          /* history's name, for messages */
	int model;                  /* WFM_MODEL_*, or WFM_MODEL_AUTO */
	int metric;                 /* enum wfm_metric: auto's choice */
	double level;               /* interval level, percent */
	int64_t backtest;           /* seconds of backtest origins asked for (0: policy) */
	struct wfm_model_opts mo;
};

/* One channel's outcome. */
struct wfm_fcrun_chan {
	int model;                  /* model used, or WFM_MODEL_AUTO for a mix */
	int fallback;               /* the asked model needs more history: snaive */
	unsigned mask;              /* models averaged (one bit: a single model) */
	int have_bt;                /* bt holds a backtest */
	size_t zero_days, outlier_days;
	struct wfm_backtest bt;
	double *vol, *aht, *lo, *hi;   /* [h]; aht NAN without an aht column */
};

/* Backtest weeks: as asked, else 8 (auto) or 4 (for the intervals), as
 * far as a history of n intervals allows with folds of H intervals
 * (week: intervals a week).  0: no backtest fits. */
size_t wfm_fcrun_backtest_weeks(const struct wfm_fcrun_opts *o, size_t n, size_t week, size_t H);

/* Forecast channel c of s for h intervals (h 0: backtest only).  cal
 * covers s->n + h intervals.  Returns 0, or -1 with err set. */
int wfm_fcrun_channel(const struct wfm_fcrun_opts *o, const wfm_series *s, size_t c,
		      const wfm_calendar *cal, size_t h, struct wfm_fcrun_chan *ch, wfm_error *err);

/* nchan channels with forecasts of h intervals (NULL when out of memory). */
struct wfm_fcrun_chan *wfm_fcrun_alloc(size_t nchan, size_t h);
void wfm_fcrun_free(struct wfm_fcrun_chan *ch, size_t nchan);

/* Volumes and bounds times f (--scale). */
void wfm_fcrun_scale(struct wfm_fcrun_chan *ch, size_t nchan, size_t h, double f);

/* The forecast of the h intervals after s as forecast.csv (or JSON), per
 * interval or totals per day, ISO week (dated its Monday) or month (its
 * first); the bounds of a total are the sums of the intervals' bounds
 * and its AHT the volume-weighted mean. */
void wfm_fcrun_write(FILE *fp, int json, enum wfm_fcrun_agg agg, const wfm_series *s,
		     const wfm_tz *tz, const wfm_calendar *cal, size_t h,
		     const struct wfm_fcrun_chan *ch);

/* The backtest report: per channel x model WAPE, MASE, sMAPE, bias, RMSE
 * and the choice, as a table or JSON. */
void wfm_fcrun_report(FILE *fp, int json, int metric, const wfm_series *s, const wfm_tz *tz,
		      const struct wfm_fcrun_chan *ch);

#endif
