/* backtest.c - rolling-origin backtest of the forecast models, choice
 * of the best model or combination by a metric, residual quantiles for
 * intervals.  Entry point: wfm_backtest_run(). */
#include "backtest.h"
#include "mem.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define COMBO_MARGIN 0.01

void wfm_backtest_interval(double f, double zlo, double zhi, double *lo, double *hi)
{
	double s = sqrt(fmax(f, 1));

	*lo = fmin(f, fmax(0, f + zlo * s));
	*hi = fmax(f, fmax(0, f + zhi * s));
	if (f <= 0)     /* closed: no contacts expected */
		*lo = *hi = 0;
}

/* Accuracy and residual quantiles of forecast f against act[0..len). */
static void score(struct wfm_backtest *bt, int slot, const double *act, const double *f,
		  const double *closedv, size_t len, double scale, double level, double *z)
{
	size_t nz = 0;

	wfm_accuracy_compute(act, f, len, scale, &bt->acc[slot]);
	bt->ran[slot] = 1;
	for (size_t t = 0; t < len; t++)
		if (!isnan(act[t]) && !closedv[t])
			z[nz++] = (act[t] - f[t]) / sqrt(fmax(f[t], 1));
	if (nz) {
		gsl_sort(z, 1, nz);
		bt->zlo[slot] = gsl_stats_quantile_from_sorted_data(z, 1, nz, (1 - level) / 2);
		bt->zhi[slot] = gsl_stats_quantile_from_sorted_data(z, 1, nz, (1 + level) / 2);
	}
}

/* Forecast every model from every origin into f[k][0..len). */
static int folds(const double *y, const wfm_calendar *cal, struct wfm_backtest *bt,
		 const struct wfm_model_opts *o, double **f, wfm_error *err)
{
	size_t week = 7 * (size_t)cal->per_day, H = bt->horizon;
	struct wfm_model_opts oo = *o;
	double *evf = NULL;
	wfm_regression *reg = NULL;
	int rc = 0;

	if (o->events && o->events->n && !(evf = malloc((bt->first + (bt->weeks - 1) * week + H) *
							 sizeof(*evf))))
		return wfm_error_set(err, "out of memory");
	for (size_t w = 0; w < bt->weeks && !rc; w++) {
		size_t origin = bt->first + w * week;
		if (evf) {     /* one event regression per origin for every model */
			wfm_regression_free(reg);
			if ((rc = wfm_model_event_fit(y, origin, H, cal, o, evf, &reg, err)))
				break;
			oo.evf = evf;
			oo.reg = reg;
		}
		for (int k = 0; k < WFM_MODEL_COUNT && !rc; k++)
			if (bt->mask[k])
				rc = wfm_model_forecast(k, y, origin, H, cal, &oo, f[k] + w * H, err);
	}
	wfm_regression_free(reg);
	free(evf);
	return rc;
}

/* Mean of the best m ran single models, scored into slot. */
static void combination(struct wfm_backtest *bt, int slot, size_t m, double **f, size_t len,
			enum wfm_metric metric)
{
	int order[WFM_MODEL_COUNT], nr = 0;

	for (int k = 0; k < WFM_MODEL_COUNT; k++)
		if (bt->ran[k] && !isnan(wfm_accuracy_get(&bt->acc[k], metric)))
			order[nr++] = k;
	if ((size_t)nr < m)
		return;
	for (int i = 1; i < nr; i++)     /* by the metric, stable */
		for (int j = i; j > 0 && wfm_accuracy_get(&bt->acc[order[j]], metric) <
					 wfm_accuracy_get(&bt->acc[order[j - 1]], metric); j--) {
			int x = order[j];
			order[j] = order[j - 1];
			order[j - 1] = x;
		}
	for (size_t i = 0; i < m; i++)
		bt->mask[slot] |= 1u << order[i];
	for (size_t t = 0; t < len; t++) {
		double s = 0;
		for (size_t i = 0; i < m; i++)
			s += f[order[i]][t];
		f[slot][t] = s / (double)m;
	}
}

int wfm_backtest_run(const double *y, const double *obs, size_t n,
		     const wfm_calendar *cal, size_t weeks, size_t horizon,
		     unsigned models, int combine,
		     const struct wfm_model_opts *o, enum wfm_metric metric,
		     double level, struct wfm_backtest *bt, wfm_error *err)
{
	size_t week = 7 * (size_t)cal->per_day, H = horizon ? horizon : week, len;
	double *f[WFM_BT_SLOTS] = { 0 }, *act = NULL, *z = NULL, *cl = NULL, scale, best = INFINITY;
	int rc = -1;

	memset(bt, 0, sizeof(*bt));
	bt->chosen = -1;
	if (!obs)
		obs = y;
	if (weeks == 0)
		return wfm_error_set(err, "backtest of 0 weeks");
	if (n < (weeks - 1) * week + H + 2 * week)
		return wfm_error_set(err, "a backtest of %zu weeks needs %.0f weeks of history, have %.1f",
				     weeks, ceil((double)((weeks + 1) * week + H) / (double)week),
				     (double)n / (double)week);
	bt->weeks = weeks;
	bt->horizon = H;
	bt->first = n - H - (weeks - 1) * week;
	len = weeks * H;
	scale = wfm_accuracy_scale(obs, bt->first, week);
	if (!(act = malloc(len * sizeof(*act))) || !(z = malloc(len * sizeof(*z))) ||
	    !(cl = malloc(len * sizeof(*cl))))
		goto oom;
	for (int k = 0; k < WFM_BT_SLOTS; k++)
		if (!(f[k] = malloc(len * sizeof(double))))
			goto oom;
	for (int k = 0; k < WFM_MODEL_COUNT; k++)
		if ((models & (1u << k)) && wfm_model_usable(k, bt->first, cal->per_day) == k)
			bt->mask[k] = 1u << k;
	if (folds(y, cal, bt, o, f, err))
		goto done;
	for (size_t w = 0; w < weeks; w++)
		for (size_t t = 0; t < H; t++) {
			size_t i = bt->first + w * week + t;
			act[w * H + t] = obs[i];
			cl[w * H + t] = o->closed && o->closed[cal->wday[i] * cal->per_day + cal->slot[i]];
		}
	for (int k = 0; k < WFM_MODEL_COUNT; k++)
		if (bt->mask[k])
			score(bt, k, act, f[k], cl, len, scale, level, z);
	if (combine) {
		combination(bt, WFM_MODEL_COUNT, 2, f, len, metric);
		combination(bt, WFM_MODEL_COUNT + 1, 3, f, len, metric);
		for (int k = WFM_MODEL_COUNT; k < WFM_BT_SLOTS; k++)
			if (bt->mask[k])
				score(bt, k, act, f[k], cl, len, scale, level, z);
	}
	/* a combination must beat the best single model by 1 %: a gain
	 * smaller than that is within the noise of 8 folds */
	for (int k = 0; k < WFM_BT_SLOTS; k++) {
		double v = bt->ran[k] ? wfm_accuracy_get(&bt->acc[k], metric) : NAN;
		if (!isnan(v) && v < (k < WFM_MODEL_COUNT ? best : best * (1 - COMBO_MARGIN))) {
			best = v;
			bt->chosen = k;
		}
	}
	rc = bt->chosen < 0 ? wfm_error_set(err, "no model could be backtested") : 0;
	goto done;
oom:
	wfm_error_set(err, "out of memory");
done:
	for (int k = 0; k < WFM_BT_SLOTS; k++)
		free(f[k]);
	WFM_FREE(act, z, cl);
	return rc;
}
