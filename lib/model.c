/* model.c - the common forecasting interface: calendar of intervals,
 * model dispatch, imputation, closed hours, AHT forecast.  Entry points:
 * wfm_calendar_alloc(), wfm_model_forecast(), wfm_aht_forecast(). */
#include "model.h"
#include "timeutil.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

wfm_calendar *wfm_calendar_alloc(int64_t start, int step, size_t n,
				 const wfm_tz *tz, wfm_error *err)
{
	wfm_calendar *c = calloc(1, sizeof(*c));

	if (!c || !(c->day = malloc(n * sizeof(*c->day))) ||
	    !(c->wday = malloc(n)) || !(c->slot = malloc(n * sizeof(*c->slot)))) {
		wfm_calendar_free(c);
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	c->n = n;
	c->step = step;
	c->per_day = 86400 / step;
	for (size_t i = 0; i < n; i++) {
		struct wfm_tm tm;
		wfm_time_local(start + (int64_t)i * step, tz, &tm);
		c->day[i] = tm.days;
		c->wday[i] = (unsigned char)tm.wday;
		c->slot[i] = tm.minute_of_day * 60 / step;
		if (c->slot[i] >= c->per_day)
			c->slot[i] = c->per_day - 1;
	}
	return c;
}

void wfm_calendar_free(wfm_calendar *c)
{
	if (!c)
		return;
	free(c->day);
	free(c->wday);
	free(c->slot);
	free(c);
}

static const char *names[] = { "snaive", "hw", "regression", "auto" };

const char *wfm_model_name(int kind)
{
	return kind >= 0 && kind <= WFM_MODEL_AUTO ? names[kind] : "?";
}

int wfm_model_parse(const char *s)
{
	for (int i = 0; i <= WFM_MODEL_AUTO; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

int wfm_model_usable(int kind, size_t n, int per_day)
{
	size_t week = 7 * (size_t)per_day;

	if (n < week)
		return -1;
	if (kind == WFM_MODEL_HW && n < 2 * week)
		return WFM_MODEL_SNAIVE;
	if (kind == WFM_MODEL_REGRESSION && n < 4 * week)
		return WFM_MODEL_SNAIVE;
	return kind;
}

/* HW on the event-adjusted series: y / factor, forecast * factor. */
static int hw_events(const double *y, size_t n, size_t h, const wfm_calendar *cal,
		     const struct wfm_model_opts *o, double *out, wfm_error *err)
{
	size_t week = 7 * (size_t)cal->per_day, win = (o->hw_weeks ? o->hw_weeks : 12) * week;
	wfm_regression *reg = NULL;
	double *adj = NULL;
	int rc;

	if (win > n)
		win = n;
	if (o->events && o->events->n && n >= 4 * week) {
		if (!(reg = wfm_regression_fit(y, n, cal, o->events, 0, err)))
			return -1;
		if (!(adj = malloc(win * sizeof(*adj)))) {
			wfm_regression_free(reg);
			return wfm_error_set(err, "out of memory");
		}
		for (size_t i = 0; i < win; i++)
			adj[i] = y[n - win + i] / wfm_regression_event_factor(reg, cal, n - win + i);
	}
	rc = wfm_hw_forecast(adj ? adj : y + n - win, win, h, (size_t)cal->per_day, week,
			     o->hw_mult, o->hw_ar1, win, out, NULL, err);
	if (!rc && reg)
		for (size_t k = 0; k < h; k++)
			out[k] *= wfm_regression_event_factor(reg, cal, n + k);
	free(adj);
	wfm_regression_free(reg);
	return rc;
}

int wfm_model_forecast(int kind, const double *y, size_t n, size_t h,
		       const wfm_calendar *cal, const struct wfm_model_opts *o,
		       double *out, wfm_error *err)
{
	size_t week = 7 * (size_t)cal->per_day;
	int rc;

	if (cal->n < n + h)
		return wfm_error_set(err, "calendar shorter than history and horizon");
	if (n < week)
		return wfm_error_set(err, "%zu intervals of history is under one week (%zu): "
				     "no model can be fitted", n, week);
	switch (kind) {
	case WFM_MODEL_SNAIVE:
		rc = wfm_snaive_forecast(y, n, h, week, out, err);
		break;
	case WFM_MODEL_HW:
		rc = hw_events(y, n, h, cal, o, out, err);
		break;
	case WFM_MODEL_REGRESSION: {
		wfm_regression *m = wfm_regression_fit(y, n, cal, o->events, o->reg_linear, err);
		if (!m)
			return -1;
		wfm_regression_predict(m, cal, n, h, out);
		wfm_regression_free(m);
		rc = 0;
		break;
	}
	default:
		return wfm_error_set(err, "model %d cannot forecast directly", kind);
	}
	if (rc)
		return rc;
	for (size_t k = 0; k < h; k++) {
		size_t i = n + k;
		if (!(out[k] > 0))     /* negative or NAN */
			out[k] = 0;
		if (o->closed && o->closed[cal->wday[i] * cal->per_day + cal->slot[i]])
			out[k] = 0;
	}
	return 0;
}

size_t wfm_model_impute(double *y, size_t n, size_t week)
{
	size_t cnt = 0;

	for (size_t t = 0; t < n; t++) {
		double v = NAN;
		if (!isnan(y[t]))
			continue;
		for (size_t k = week; k <= t && isnan(v); k += week)
			v = y[t - k];          /* already imputed when missing */
		for (size_t k = week; t + k < n && isnan(v); k += week)
			v = y[t + k];
		y[t] = isnan(v) ? 0 : v;
		cnt++;
	}
	return cnt;
}

void wfm_model_closed(const double *y, size_t n, const wfm_calendar *cal,
		      size_t weeks, unsigned char *closed)
{
	size_t cells = 7 * (size_t)cal->per_day, from = 0;
	unsigned char *seen = calloc(cells, 1);

	memset(closed, 1, cells);
	if (!seen) {   /* no memory: claim nothing is closed */
		memset(closed, 0, cells);
		return;
	}
	if (n > weeks * cells)
		from = n - weeks * cells;
	for (size_t t = from; t < n; t++) {
		size_t c = cal->wday[t] * (size_t)cal->per_day + (size_t)cal->slot[t];
		if (isnan(y[t]))
			continue;
		seen[c] = 1;
		if (y[t] != 0)
			closed[c] = 0;
	}
	for (size_t c = 0; c < cells; c++)
		if (!seen[c])
			closed[c] = 0;
	free(seen);
}

int wfm_aht_forecast(const double *aht, const double *vol, size_t n, size_t h,
		     const wfm_calendar *cal, const unsigned char *closed,
		     double *out, wfm_error *err)
{
	size_t cells = 7 * (size_t)cal->per_day, week = cells, from8, from26, nd = 0;
	double *sw = calloc(cells, sizeof(double)), *swa = calloc(cells, sizeof(double));
	double *dx = NULL, *dy = NULL, *dw = NULL, tw = 0, twa = 0, c0 = 0, c1 = 0, xmid = 0;
	int rc = 0;

	if (!sw || !swa)
		goto oom;
	from8 = n > 8 * week ? n - 8 * week : 0;
	from26 = n > 26 * week ? n - 26 * week : 0;
	for (size_t t = from8; t < n; t++) {
		size_t c = cal->wday[t] * (size_t)cal->per_day + (size_t)cal->slot[t];
		if (isnan(aht[t]) || isnan(vol[t]) || vol[t] <= 0)
			continue;
		sw[c] += vol[t];
		swa[c] += vol[t] * aht[t];
		tw += vol[t];
		twa += vol[t] * aht[t];
		xmid += vol[t] * (double)cal->day[t];
	}
	if (tw <= 0) {   /* no AHT known: NAN everywhere */
		for (size_t k = 0; k < h; k++)
			out[k] = NAN;
		goto done;
	}
	xmid /= tw;
	/* daily volume-weighted mean AHT over the last 26 weeks */
	{
		size_t maxd = (n - from26) / (size_t)cal->per_day + 2;
		if (!(dx = calloc(maxd, sizeof(double))) || !(dy = calloc(maxd, sizeof(double))) ||
		    !(dw = calloc(maxd, sizeof(double))))
			goto oom;
		for (size_t t = from26; t < n; t++) {
			if (t > from26 && cal->day[t] != cal->day[t - 1] && dw[nd] > 0)
				nd++;
			if (nd >= maxd)
				break;
			if (isnan(aht[t]) || isnan(vol[t]) || vol[t] <= 0)
				continue;
			dx[nd] = (double)cal->day[t];
			dy[nd] += vol[t] * aht[t];
			dw[nd] += vol[t];
		}
		if (nd < maxd && dw[nd] > 0)
			nd++;
		for (size_t d = 0; d < nd; d++)
			dy[d] /= dw[d];
		if (nd >= 14) {
			double cov00, cov01, cov11, sumsq;
			if (gsl_fit_wlinear(dx, 1, dw, 1, dy, 1, nd, &c0, &c1, &cov00, &cov01, &cov11, &sumsq))
				c1 = 0;
		}
	}
	for (size_t k = 0; k < h; k++) {
		size_t i = n + k, c = cal->wday[i] * (size_t)cal->per_day + (size_t)cal->slot[i];
		double base = sw[c] > 0 ? swa[c] / sw[c] : twa / tw;
		double level = c0 + c1 * xmid, fac = 1;
		if (c1 != 0 && level > 0)
			fac = (c0 + c1 * (double)cal->day[i]) / level;
		out[k] = closed && closed[c] ? 0 : base * fac;
	}
	goto done;
oom:
	rc = wfm_error_set(err, "out of memory");
done:
	free(sw);
	free(swa);
	free(dx);
	free(dy);
	free(dw);
	return rc;
}
