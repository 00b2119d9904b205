/* model.h - contact-volume forecasting models behind one interface.
 *
 * A channel's history is a vector y[0..n) of volumes per interval (no NAN:
 * wfm_model_impute() first); a wfm_calendar gives every interval of the
 * history and of the horizon its local day, weekday and slot of the day.
 * wfm_model_forecast() fits one model on y[0..n) and writes the forecast
 * of the next h intervals.  Models:
 *   snaive      y(t) = y(t - one week)
 *   hw          double-seasonal Holt-Winters (Taylor 2003), holidays
 *               adjusted out with the regression's event factors
 *   regression  daily totals (log or linear: weekday, trend, yearly
 *               Fourier, event dummies; robust IRLS) x intraday shares
 *   slotavg     mean / median / trimmed mean of the same interval over
 *               the last k weeks (variant and k by an inner backtest)
 *   decomp      smoothed daily level x weekday factor x intraday shape
 * Closed hours (zero in every week of the recent history) forecast 0, and
 * so do whole days that events.csv marks closed.  Days that wfm_model_screen()
 * flags (zero days where the weekday is open, outlier days) are left out of
 * the fits (o->skip).  To add a model: a module with its forecast function
 * (lib/NAME.c), one enum value here (before WFM_MODEL_COUNT) and one row in
 * model.c's models[] table (name, weeks of history it needs, whether it is
 * fitted on the event-adjusted series, and a wrapper of the uniform
 * model_fn type); --model, auto's backtest, the report and the
 * combinations pick it up from there.
 *
 * Entry points: wfm_calendar_alloc(), wfm_model_forecast(),
 * wfm_model_impute(), wfm_model_closed(), wfm_model_usable(),
 * wfm_aht_forecast(); models in snaive.c, holtwinters.c, regression.c.
 */
#ifndef WFM_MODEL_H
#define WFM_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "events.h"
#include "tz.h"

typedef struct wfm_calendar {
	size_t n;            /* intervals: history + horizon */
	int step;            /* interval length, seconds */
	int per_day;         /* intervals in a 24-hour day */
	int64_t *day;        /* local calendar day of each interval */
	unsigned char *wday; /* 0 = Monday */
	int *slot;           /* local minute of day / interval minutes */
} wfm_calendar;

wfm_calendar *wfm_calendar_alloc(int64_t start, int step, size_t n,
				 const wfm_tz *tz, wfm_error *err);
void wfm_calendar_free(wfm_calendar *cal);
/* Sum of y over the local day of interval *t, from *t up to n; *t moves
 * to the first interval of the next day (or n). */
double wfm_calendar_day_sum(const wfm_calendar *cal, const double *y, size_t n, size_t *t);

enum wfm_model_kind {
	WFM_MODEL_SNAIVE, WFM_MODEL_HW, WFM_MODEL_REGRESSION, WFM_MODEL_SLOTAVG,
	WFM_MODEL_DECOMP, WFM_MODEL_COUNT, WFM_MODEL_AUTO = WFM_MODEL_COUNT
};

const char *wfm_model_name(int kind);
int wfm_model_parse(const char *s);     /* -1 when unknown */

struct wfm_model_opts {
	int hw_mult;          /* multiplicative seasonality (else additive) */
	int hw_ar1;           /* AR(1) adjustment of the one-step error */
	size_t hw_weeks;      /* weeks of recent history HW is fitted on (0: 12) */
	int reg_linear;       /* linear regression on daily totals (else log) */
	const wfm_events *events;     /* NULL: none */
	const unsigned char *closed;  /* [wday * per_day + slot]: forecast 0; NULL: none */
	const unsigned char *skip;    /* [interval of the history]: day left out of
				       * fits (WFM_SKIP_*); NULL: none */
	const double *evf;            /* [interval of cal]: event factor of the log
				       * regression; NULL: fitted when needed */
	const struct wfm_regression *reg;  /* that log regression, fitted on the
				       * same y[0..n) (wfm_model_event_fit): the
				       * regression model (log) uses it instead
				       * of fitting it again; NULL: fitted */
};

enum { WFM_SKIP_NONE, WFM_SKIP_ZERO, WFM_SKIP_OUTLIER };

/* Flag in skip[0..n) the whole local days of y[0..n) (NAN = unknown) to
 * leave out of fitting: WFM_SKIP_ZERO for days whose total is under 5 %
 * of the median of the same weekday in the 6 weeks either side (when
 * that median is 10 or more) and for dates events.csv marks closed;
 * WFM_SKIP_OUTLIER for days whose log ratio to that median is more than
 * 5 robust standard deviations (1.4826 MAD) and 0.3 from 0, outside any
 * event's window.  Counts go to *zero and *outlier. */
void wfm_model_screen(const double *y, size_t n, const wfm_calendar *cal,
		      const wfm_events *ev, unsigned char *skip,
		      size_t *zero, size_t *outlier);

/* Event factors evf[0..n + h) of the log regression fitted on y[0..n)
 * (1 where there are no events or under 4 weeks of history). */
int wfm_model_event_factors(const double *y, size_t n, size_t h, const wfm_calendar *cal,
			    const struct wfm_model_opts *o, double *evf, wfm_error *err);
/* The same keeping the regression in *reg (NULL when none was fitted; the
 * caller frees it): with evf and reg in the opts, the models of one origin
 * share one fit (same bytes as fitting it in each). */
int wfm_model_event_fit(const double *y, size_t n, size_t h, const wfm_calendar *cal,
			const struct wfm_model_opts *o, double *evf,
			struct wfm_regression **reg, wfm_error *err);

/* Mean of the forecasts of the models in mask (bits 1 << kind). */
int wfm_model_forecast_mix(unsigned mask, const double *y, size_t n, size_t h,
			   const wfm_calendar *cal, const struct wfm_model_opts *o,
			   double *out, wfm_error *err);
/* "hw" or "mean(hw,slotavg)" into buf. */
const char *wfm_model_mix_name(unsigned mask, char *buf, size_t size);
int wfm_model_min_weeks(int kind);

/* Fit kind on y[0..n) and forecast out[0..h); cal covers at least n + h
 * intervals.  Returns 0, or -1 with err set (e.g. too little history). */
int wfm_model_forecast(int kind, const double *y, size_t n, size_t h,
		       const wfm_calendar *cal, const struct wfm_model_opts *o,
		       double *out, wfm_error *err);

/* The model that can be fitted on n intervals: kind itself, or
 * WFM_MODEL_SNAIVE when there is under wfm_model_min_weeks(kind) of
 * history (hw 2, slotavg 2, decomp 3, regression 4); -1 under one week
 * (nothing can be fitted). */
int wfm_model_usable(int kind, size_t n, int per_day);

/* Replace NAN in y[0..n) by the same interval 1, 2, ... weeks before (or
 * after, or 0); returns the number replaced. */
size_t wfm_model_impute(double *y, size_t n, size_t week);

/* closed[wday * per_day + slot] = 1 when every observed value of that
 * interval of the week in the last `weeks` weeks of y[0..n) is 0. */
void wfm_model_closed(const double *y, size_t n, const wfm_calendar *cal,
		      size_t weeks, unsigned char *closed);

/* AHT forecast out[0..h) from aht and volume history (NAN skipped):
 * volume-weighted weekday x interval means of the last 8 weeks, times a
 * linear trend of the daily mean AHT over the last 26 weeks.  AHT values
 * outside [median / 20, median * 20] of the channel are left out; the
 * trend factor is kept within [0.5, 2] (a 3,650-day horizon cannot
 * extrapolate a trend below zero).  Closed intervals get 0. */
int wfm_aht_forecast(const double *aht, const double *vol, size_t n, size_t h,
		     const wfm_calendar *cal, const unsigned char *closed,
		     double *out, wfm_error *err);

/* ---- the models ---- */

/* Seasonal naive: out[k] = y[n - period + k % period]. */
int wfm_snaive_forecast(const double *y, size_t n, size_t h, size_t period,
			double *out, wfm_error *err);

struct wfm_hw_params {
	double alpha, delta, omega, phi;  /* level, daily, weekly, AR(1) */
	double sse;                       /* one-step squared error at the optimum */
	size_t window;                    /* intervals fitted */
};

/* Double-seasonal Holt-Winters with periods s1 (day) and s2 (week) fitted
 * on the last `window` intervals of y (at least 2 * s2). */
int wfm_hw_forecast(const double *y, size_t n, size_t h, size_t s1, size_t s2,
		    int mult, int ar1, size_t window, double *out,
		    struct wfm_hw_params *par, wfm_error *err);

/* Run the HW recursions with fixed parameters; returns the one-step SSE
 * (from the second week on) and, when out != NULL, the forecast. */
double wfm_hw_filter(const double *y, size_t n, size_t s1, size_t s2, int mult,
		     const struct wfm_hw_params *par, size_t h, double *out);
/* The state from the first week y[0..s2): returns the level (its mean,
 * 1e-6 when multiplicative and not positive); d[s1] the daily factors
 * (mean over the week's days of each slot's deviation or ratio), w[s2]
 * the weekly remainder. */
double wfm_hw_init_state(const double *y, size_t s1, size_t s2, int mult, double *d, double *w);

typedef struct wfm_regression wfm_regression;

/* Fit the daily regression and intraday shares on y[0..n). */
/* Days with skip[] set (NULL: none) or a total of 0 are left out. */
wfm_regression *wfm_regression_fit(const double *y, size_t n, const wfm_calendar *cal,
				   const wfm_events *ev, int linear,
				   const unsigned char *skip, wfm_error *err);
void wfm_regression_free(wfm_regression *m);
/* Forecast intervals [from, from + h) of cal (from >= n of the fit). */
void wfm_regression_predict(const wfm_regression *m, const wfm_calendar *cal,
			    size_t from, size_t h, double *out);
/* Multiplicative event factor (log model) of interval i of cal: the
 * product of exp(coefficient) of the events acting on its day. */
double wfm_regression_event_factor(const wfm_regression *m, const wfm_calendar *cal, size_t i);
/* Coefficient of an event role (log: log factor; linear: contacts per
 * day), 0 when not estimated; trend per year (log: log growth). */
double wfm_regression_event_coef(const wfm_regression *m, int name, int role);
double wfm_regression_trend(const wfm_regression *m);

/* Multi-week same-slot average; the variant (mean, median, trimmed) and
 * k (2..8 weeks) are chosen by the WAPE of one-week forecasts from the
 * last 4 weekly origins.  y: history (event-adjusted by the caller),
 * skip: days to pass over (NULL: none). */
int wfm_slotavg_forecast(const double *y, size_t n, size_t h, const wfm_calendar *cal,
			 const unsigned char *skip, double *out, wfm_error *err);

/* Seasonal decomposition: daily totals = level x weekday factor, level
 * by exponential smoothing (alpha by one-step error) of the
 * deseasonalised totals; intervals by the weekday x slot shares. */
int wfm_decomp_forecast(const double *y, size_t n, size_t h, const wfm_calendar *cal,
			const unsigned char *skip, double *out, wfm_error *err);

#endif
