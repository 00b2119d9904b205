/* intraday.h - re-forecast the rest of today from today's actuals so far.
 *
 * Per channel, the day's level is a multiplicative factor theta on the
 * forecast (Taylor 2008; Ibrahim & L'Ecuyer 2013 show the early part of a
 * day predicts the rest through such a factor).  Prior: log theta ~
 * (1 - q) N(0, s_d^2) + q N(0, s_b^2): an ordinary day of the usual
 * variability s_d, or with probability q (shock_share) a shock nobody
 * forecast (s_b = shock_sd).  Observation: R, the actual volume of the
 * intervals seen over their forecast, log R ~ N(log theta, v), v = s_o^2
 * (1 - p) / p + 1 / F: s_o the within-day shape noise, p the share of the
 * day's forecast volume seen, F the forecast volume seen (Poisson
 * counting noise).  The posterior mean of log theta is w log R, w the
 * components' weights s^2 / (s^2 + v) averaged by their posterior
 * probabilities (so a morning far off the forecast is read as a shock and
 * believed sooner, and an ordinary noisy one is shrunk hard); its
 * variance the mixture's.  AHT the same way with its own s_d, s_o, and
 * 1 / (calls seen) for the noise of a mean of handle times (CV about 1).
 * The remaining intervals become f exp(w log R); their bounds keep the
 * forecast's interval-level spread (its width less the prior day-level
 * part) and add the posterior day-level variance.
 *
 * Entry points: wfm_intraday_params_default(), wfm_intraday_level(),
 * wfm_intraday_bounds(), wfm_intraday_reforecast(), wfm_intraday_report().
 */
#ifndef WFM_INTRADAY_H
#define WFM_INTRADAY_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "error.h"
#include "forecastcsv.h"
#include "series.h"
#include "tz.h"

struct wfm_intraday_params {
	double day_sd, shape_sd;          /* volume: s_d, s_o (log scale) */
	double aht_day_sd, aht_shape_sd;  /* AHT */
	double level;                     /* the forecast bounds' level, (0, 1) */
	double shock_sd, shock_share;     /* the shock component of the prior */
};
void wfm_intraday_params_default(struct wfm_intraday_params *p);

struct wfm_intraday_level {
	double share;          /* p: forecast volume seen / the day's */
	double seen_fc, seen_act;  /* forecast and actual volume of the seen intervals */
	double ratio, weight, factor, post_sd;        /* volume */
	double aht_ratio, aht_weight, aht_factor;     /* AHT (1, 0, 1 when unknown) */
};

/* The update from a day's forecast f[0..nday) (fa: its AHT, NULL or NAN =
 * unknown) and the actuals a[0..k), aa[0..k) of its first k intervals (NAN
 * = missing: the interval is left out of both sides). */
void wfm_intraday_level(const struct wfm_intraday_params *p, const double *f,
			const double *fa, size_t nday, const double *a, const double *aa,
			size_t k, struct wfm_intraday_level *u);

/* Re-widened bounds of an updated interval: f, lo, hi the forecast (lo, hi
 * NAN: Poisson plus the prior day-level part), u the channel's update. */
void wfm_intraday_bounds(const struct wfm_intraday_params *p, const struct wfm_intraday_level *u,
			 double f, double lo, double hi, double *nlo, double *nhi);

/* The re-forecast from now (UTC instant, on the forecast's grid) to the
 * end of now's local day, or to until (exclusive) when later; intervals
 * after now's day are the forecast unchanged.  actuals: today's history
 * (path for the messages), every row on now's day, before now, on the
 * forecast's interval length, of a channel of the forecast.  lv[nchan]
 * gets each channel's update.  NULL and an error naming file:line. */
wfm_forecastcsv *wfm_intraday_reforecast(const wfm_forecastcsv *fc, const char *fc_path,
					 const wfm_series *act, const char *act_path,
					 int64_t now, int64_t until, const wfm_tz *tz,
					 const struct wfm_intraday_params *p,
					 struct wfm_intraday_level *lv, wfm_error *err);

/* "PROG: CHANNEL: ..." a line per channel when some level moved by 1% or
 * more; nothing otherwise (quiet cron runs). */
void wfm_intraday_report(FILE *fp, const char *prog, const wfm_series *s,
			 const struct wfm_intraday_level *lv);

#endif
