/* backtest.c - rolling-origin backtest of the forecast models, choice
 * of the best model by a metric, residual quantiles for intervals.
 * Entry point: wfm_backtest_run(). */
#include "backtest.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void wfm_backtest_interval(double f, double zlo, double zhi, double *lo, double *hi)
{
	double s = sqrt(fmax(f, 1));

	*lo = fmax(0, f + zlo * s);
	*hi = fmax(0, f + zhi * s);
	if (f <= 0)     /* closed: no contacts expected */
		*lo = *hi = 0;
}

int wfm_backtest_run(const double *y, const double *obs, size_t n,
		     const wfm_calendar *cal, size_t weeks, unsigned models,
		     const struct wfm_model_opts *o, enum wfm_metric metric,
		     double level, struct wfm_backtest *bt, wfm_error *err)
{
	size_t week = 7 * (size_t)cal->per_day, len = weeks * week, start, nz;
	double *f = NULL, *z = NULL, scale, best = INFINITY;
	int rc = 0;

	memset(bt, 0, sizeof(*bt));
	bt->chosen = -1;
	if (!obs)
		obs = y;
	if (weeks == 0)
		return wfm_error_set(err, "backtest of 0 weeks");
	if (n < (weeks + 2) * week)
		return wfm_error_set(err, "a backtest of %zu weeks needs %zu weeks of history, have %.1f",
				     weeks, weeks + 2, (double)n / (double)week);
	start = n - len;
	scale = wfm_accuracy_scale(obs, start, week);
	if (!(f = malloc(len * sizeof(*f))) || !(z = malloc(len * sizeof(*z))))
		goto oom;
	bt->weeks = weeks;
	for (int k = 0; k < WFM_MODEL_COUNT; k++) {
		if (!(models & (1u << k)))
			continue;
		if (wfm_model_usable(k, start, cal->per_day) != k)
			continue;     /* too little history before the first origin */
		for (size_t w = 0; w < weeks; w++) {
			size_t origin = start + w * week;
			if (wfm_model_forecast(k, y, origin, week, cal, o, f + w * week, err)) {
				rc = -1;
				goto done;
			}
		}
		wfm_accuracy_compute(obs + start, f, len, scale, &bt->acc[k]);
		bt->ran[k] = 1;
		nz = 0;
		for (size_t t = 0; t < len; t++) {
			size_t i = start + t;
			if (isnan(obs[i]))
				continue;
			if (o->closed && o->closed[cal->wday[i] * cal->per_day + cal->slot[i]])
				continue;
			z[nz++] = (obs[i] - f[t]) / sqrt(fmax(f[t], 1));
		}
		if (nz) {
			gsl_sort(z, 1, nz);
			bt->zlo[k] = gsl_stats_quantile_from_sorted_data(z, 1, nz, (1 - level) / 2);
			bt->zhi[k] = gsl_stats_quantile_from_sorted_data(z, 1, nz, (1 + level) / 2);
		}
		{
			double v = wfm_accuracy_get(&bt->acc[k], metric);
			if (!isnan(v) && v < best) {
				best = v;
				bt->chosen = k;
			}
		}
	}
	if (bt->chosen < 0)
		rc = wfm_error_set(err, "no model could be backtested");
	goto done;
oom:
	rc = wfm_error_set(err, "out of memory");
done:
	free(f);
	free(z);
	return rc;
}
