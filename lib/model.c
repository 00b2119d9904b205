/* model.c - the common forecasting interface: calendar of intervals,
 * the model table and dispatch, combinations, day screening (zero and
 * outlier days), event factors and uplifts, imputation, closed hours, AHT
 * forecast.  Entry points: wfm_calendar_alloc(), wfm_model_forecast(),
 * wfm_model_forecast_mix(), wfm_model_screen(), wfm_aht_forecast(). */
#include "model.h"
#include "mem.h"
#include "timeutil.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

wfm_calendar *wfm_calendar_alloc(int64_t start, int step, size_t n,
				 const wfm_tz *tz, wfm_error *err)
{
	wfm_calendar *c = calloc(1, sizeof(*c));

	if (!c || !(c->day = malloc(n * sizeof(*c->day))) ||
	    !(c->wday = malloc(n)) || !(c->slot = malloc(n * sizeof(*c->slot)))) {
		wfm_calendar_free(c);
		return wfm_oom(err);
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
		if (tm.year > 9999) {   /* refused before any model runs (issue 22.15) */
			wfm_calendar_free(c);
			wfm_error_set(err, "the forecast would run past 9999-12-31, the last date a "
				      "timestamp can have: shorten the horizon");
			return NULL;
		}
	}
	return c;
}

double wfm_calendar_day_sum(const wfm_calendar *cal, const double *y, size_t n, size_t *t)
{
	size_t a = *t;
	double s = 0;

	while (*t < n && cal->day[*t] == cal->day[a])
		s += y[(*t)++];
	return s;
}

void wfm_calendar_free(wfm_calendar *c)
{
	if (c)
		WFM_FREE(c->day, c->wday, c->slot, c);
}

/* The models: one row each (to add a model: its module, an enum value in
 * model.h, a row here). */
typedef int model_fn(const double *y, size_t n, size_t h, const wfm_calendar *cal,
		     const struct wfm_model_opts *o, double *out, wfm_error *err);
static model_fn snaive, hw, regression, slotavg, decomp;

static const struct {
	const char *name;
	int min_weeks;        /* history needed, else snaive */
	int events;           /* fitted on the event-adjusted series */
	model_fn *fn;         /* fit on y[0..n), forecast out[0..h) */
} models[WFM_MODEL_COUNT + 1] = {
	[WFM_MODEL_SNAIVE] = { "snaive", 1, 0, snaive },
	[WFM_MODEL_HW] = { "hw", 2, 1, hw },
	[WFM_MODEL_REGRESSION] = { "regression", 4, 0, regression },
	[WFM_MODEL_SLOTAVG] = { "slotavg", 2, 1, slotavg },
	[WFM_MODEL_DECOMP] = { "decomp", 3, 1, decomp },
	[WFM_MODEL_AUTO] = { "auto", 1, 0, NULL },
};

const char *wfm_model_name(int kind)
{
	return kind >= 0 && kind <= WFM_MODEL_AUTO ? models[kind].name : "?";
}

int wfm_model_parse(const char *s)
{
	for (int i = 0; i <= WFM_MODEL_AUTO; i++)
		if (!strcmp(s, models[i].name))
			return i;
	return -1;
}

int wfm_model_min_weeks(int kind)
{
	return kind >= 0 && kind <= WFM_MODEL_AUTO ? models[kind].min_weeks : 1;
}

int wfm_model_usable(int kind, size_t n, int per_day)
{
	size_t week = 7 * (size_t)per_day;

	if (n < week)
		return -1;
	if (kind >= 0 && kind < WFM_MODEL_COUNT && n < (size_t)models[kind].min_weeks * week)
		return WFM_MODEL_SNAIVE;
	return kind;
}

const char *wfm_model_mix_name(unsigned mask, char *buf, size_t size)
{
	size_t len = 0;
	int k1 = 0;

	if (!(mask & (mask - 1))) {
		for (int k = 0; k < WFM_MODEL_COUNT; k++)
			if (mask == 1u << k)
				snprintf(buf, size, "%s", models[k].name);
		return buf;
	}
	len = (size_t)snprintf(buf, size, "mean(");
	for (int k = 0; k < WFM_MODEL_COUNT && len < size; k++)
		if (mask & (1u << k))
			len += (size_t)snprintf(buf + len, size - len, "%s%s", k1++ ? "," : "", models[k].name);
	if (len < size)
		snprintf(buf + len, size - len, ")");
	return buf;
}

/* Median of v[0..k) (sorted in place). */
static double median(double *v, size_t k)
{
	gsl_sort(v, 1, k);
	return gsl_stats_median_from_sorted_data(v, 1, k);
}

/* Whole local days of y[0..n): first interval and total (NAN when a value
 * is missing or the day is cut by the start or the end). */
static size_t day_totals(const double *y, size_t n, const wfm_calendar *cal,
			 size_t *first, double *tot)
{
	size_t nd = 0, t = 0;

	while (t < n) {
		size_t a = t;
		double s = wfm_calendar_day_sum(cal, y, n, &t);
		first[nd] = a;
		tot[nd++] = cal->slot[a] == 0 && (t < n || cal->slot[t - 1] == cal->per_day - 1) ? s : NAN;
	}
	return nd;
}

static int in_event(const wfm_events *ev, int64_t day)
{
	for (size_t i = 0; ev && i < ev->n; i++)
		if (day >= ev->ev[i].day - ev->ev[i].before && day <= ev->ev[i].day + ev->ev[i].after)
			return 1;
	return 0;
}

/* Reference total of day d: median of the same weekday 1..6 weeks either
 * side; NAN with fewer than 3. */
static double ref_total(const double *tot, size_t nd, size_t d, double *v)
{
	size_t k = 0;

	for (size_t j = 1; j <= 6; j++) {
		if (d >= 7 * j && !isnan(tot[d - 7 * j]))
			v[k++] = tot[d - 7 * j];
		if (d + 7 * j < nd && !isnan(tot[d + 7 * j]))
			v[k++] = tot[d + 7 * j];
	}
	return k >= 3 ? median(v, k) : NAN;
}

void wfm_model_screen(const double *y, size_t n, const wfm_calendar *cal,
		      const wfm_events *ev, unsigned char *skip,
		      size_t *zero, size_t *outlier)
{
	size_t maxd = n / (size_t)cal->per_day + 2, nd, nr = 0;
	size_t *first = malloc(maxd * sizeof(size_t));
	double *tot = malloc(maxd * sizeof(double)), *r = malloc(maxd * sizeof(double));
	unsigned char *flag = calloc(maxd, 1);
	double v[12], s = 0;

	*zero = *outlier = 0;
	memset(skip, 0, n);
	if (!first || !tot || !r || !flag)
		goto done;     /* no memory: nothing flagged */
	nd = day_totals(y, n, cal, first, tot);
	for (size_t d = 0; d < nd; d++) {
		double ref = isnan(tot[d]) ? NAN : ref_total(tot, nd, d, v);
		r[d] = NAN;
		if (wfm_events_closed(ev, cal->day[first[d]]) || (ref >= 10 && tot[d] < 0.05 * ref))
			flag[d] = WFM_SKIP_ZERO;
		else if (ref >= 10)
			r[d] = log((tot[d] + 1) / (ref + 1));
	}
	for (size_t d = 0; d < nd; d++)
		if (!isnan(r[d]))
			r[nr++] = fabs(r[d]);
	if (nr >= 14)
		s = 1.4826 * median(r, nr);
	nr = 0;
	for (size_t d = 0; d < nd; d++) {
		double ref = isnan(tot[d]) || flag[d] ? NAN : ref_total(tot, nd, d, v);
		if (s > 0 && ref >= 10 && !in_event(ev, cal->day[first[d]])) {
			double lr = fabs(log((tot[d] + 1) / (ref + 1)));
			if (lr > 5 * s && lr > 0.3)
				flag[d] = WFM_SKIP_OUTLIER;
		}
		*zero += flag[d] == WFM_SKIP_ZERO;
		*outlier += flag[d] == WFM_SKIP_OUTLIER;
		for (size_t t = first[d]; t < n && cal->day[t] == cal->day[first[d]]; t++)
			skip[t] = flag[d];
	}
done:
	WFM_FREE(first, tot, r, flag);
}

int wfm_model_event_factors(const double *y, size_t n, size_t h, const wfm_calendar *cal,
			    const struct wfm_model_opts *o, double *evf, wfm_error *err)
{
	return wfm_model_event_fit(y, n, h, cal, o, evf, NULL, err);
}

int wfm_model_event_fit(const double *y, size_t n, size_t h, const wfm_calendar *cal,
			const struct wfm_model_opts *o, double *evf, wfm_regression **keep,
			wfm_error *err)
{
	wfm_regression *reg = NULL;
	int64_t last = INT64_MIN;
	double f = 1;

	if (keep)
		*keep = NULL;
	if (o->events && o->events->n && n >= 4 * 7 * (size_t)cal->per_day &&
	    !(reg = wfm_regression_fit(y, n, cal, o->events, 0, o->skip, err)))
		return -1;
	for (size_t i = 0; i < n + h; i++) {
		if (cal->day[i] != last || i == n) {
			int named = 0;
			double up = i >= n ? wfm_events_uplift(o->events, cal->day[i], &named) : 1;
			last = cal->day[i];
			/* in the horizon an uplift replaces what the history says */
			f = named ? up : reg ? wfm_regression_event_factor(reg, cal, i) : 1;
		}
		evf[i] = f;
	}
	if (keep)
		*keep = reg;
	else
		wfm_regression_free(reg);
	return 0;
}

static int hw(const double *y, size_t n, size_t h, const wfm_calendar *cal,
	      const struct wfm_model_opts *o, double *out, wfm_error *err)
{
	size_t week = 7 * (size_t)cal->per_day, win = (o->hw_weeks ? o->hw_weeks : 12) * week;

	if (win > n)
		win = n;
	return wfm_hw_forecast(y + n - win, win, h, (size_t)cal->per_day, week,
			       o->hw_mult, o->hw_ar1, win, out, NULL, err);
}

static int slotavg(const double *y, size_t n, size_t h, const wfm_calendar *cal,
		   const struct wfm_model_opts *o, double *out, wfm_error *err)
{
	return wfm_slotavg_forecast(y, n, h, cal, o->skip, out, err);
}

static int decomp(const double *y, size_t n, size_t h, const wfm_calendar *cal,
		  const struct wfm_model_opts *o, double *out, wfm_error *err)
{
	return wfm_decomp_forecast(y, n, h, cal, o->skip, out, err);
}

/* Model kind fitted on y / evf, forecast times evf (the event factors). */
static int adjusted(int kind, const double *y, size_t n, size_t h, const wfm_calendar *cal,
		    const struct wfm_model_opts *o, double *out, wfm_error *err)
{
	double *evf = NULL, *adj = NULL;
	const double *f = o->evf;
	int rc = -1;

	if (!o->events || !o->events->n)
		return models[kind].fn(y, n, h, cal, o, out, err);
	if (!(adj = malloc(n * sizeof(*adj))) || (!f && !(evf = malloc((n + h) * sizeof(*evf))))) {
		free(adj);
		return wfm_error_set(err, "out of memory");
	}
	if (evf && wfm_model_event_factors(y, n, h, cal, o, evf, err))
		goto done;
	if (!f)
		f = evf;
	for (size_t i = 0; i < n; i++)
		adj[i] = y[i] / f[i];
	if (!(rc = models[kind].fn(adj, n, h, cal, o, out, err)))
		for (size_t k = 0; k < h; k++)
			out[k] *= f[n + k];
done:
	WFM_FREE(adj, evf);
	return rc;
}

/* The regression, with uplifts in the horizon replacing what it learned. */
static int regression(const double *y, size_t n, size_t h, const wfm_calendar *cal,
		      const struct wfm_model_opts *o, double *out, wfm_error *err)
{
	/* the event factors' fit is this one when on the log scale */
	wfm_regression *own = o->reg && !o->reg_linear ? NULL :
		wfm_regression_fit(y, n, cal, o->events, o->reg_linear, o->skip, err);
	const wfm_regression *m = own ? own : o->reg && !o->reg_linear ? o->reg : NULL;
	int64_t last = INT64_MIN;
	double f = 1;

	if (!m)
		return -1;
	wfm_regression_predict(m, cal, n, h, out);
	for (size_t k = 0; k < h; k++) {
		if (cal->day[n + k] != last) {
			int named;
			double up = wfm_events_uplift(o->events, cal->day[n + k], &named);
			last = cal->day[n + k];
			f = named ? up / wfm_regression_event_factor(m, cal, n + k) : 1;
		}
		out[k] *= f;
	}
	wfm_regression_free(own);
	return 0;
}

/* snaive knows no events; an uplift still applies on its date. */
static int snaive(const double *y, size_t n, size_t h, const wfm_calendar *cal,
		  const struct wfm_model_opts *o, double *out, wfm_error *err)
{
	if (wfm_snaive_forecast(y, n, h, 7 * (size_t)cal->per_day, out, err))
		return -1;
	for (size_t k = 0; k < h && o->events; k++) {
		int named;
		double up = wfm_events_uplift(o->events, cal->day[n + k], &named);
		out[k] *= up;
	}
	return 0;
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
	if (kind < 0 || kind >= WFM_MODEL_COUNT)
		return wfm_error_set(err, "model %d cannot forecast directly", kind);
	rc = models[kind].events ? adjusted(kind, y, n, h, cal, o, out, err)
		: models[kind].fn(y, n, h, cal, o, out, err);
	if (rc)
		return rc;
	for (size_t k = 0; k < h; k++) {
		size_t i = n + k;
		if (!(out[k] > 0) || !isfinite(out[k]))     /* negative, NAN or inf */
			out[k] = 0;
		if (o->closed && o->closed[cal->wday[i] * cal->per_day + cal->slot[i]])
			out[k] = 0;
		if (wfm_events_closed(o->events, cal->day[i]))
			out[k] = 0;
	}
	return 0;
}

int wfm_model_forecast_mix(unsigned mask, const double *y, size_t n, size_t h,
			   const wfm_calendar *cal, const struct wfm_model_opts *o,
			   double *out, wfm_error *err)
{
	struct wfm_model_opts oo = *o;
	wfm_regression *reg = NULL;
	double *f = NULL, *evf = NULL;
	int m = 0, rc = -1;

	if (!(mask & (mask - 1))) {
		for (int k = 0; k < WFM_MODEL_COUNT; k++)
			if (mask == 1u << k)
				return wfm_model_forecast(k, y, n, h, cal, o, out, err);
		return wfm_error_set(err, "no model to forecast with");
	}
	if (!(f = malloc(h * sizeof(*f))) ||
	    (!o->evf && o->events && o->events->n && !(evf = malloc((n + h) * sizeof(*evf))))) {
		free(f);
		return wfm_error_set(err, "out of memory");
	}
	/* the event factors (and their regression) once for every model */
	if (evf) {
		if (wfm_model_event_fit(y, n, h, cal, o, evf, &reg, err))
			goto done;
		oo.evf = evf;
		oo.reg = reg;
	}
	for (size_t k = 0; k < h; k++)
		out[k] = 0;
	for (int k = 0; k < WFM_MODEL_COUNT; k++) {
		if (!(mask & (1u << k)))
			continue;
		if (wfm_model_forecast(k, y, n, h, cal, &oo, f, err))
			goto done;
		for (size_t j = 0; j < h; j++)
			out[j] += f[j];
		m++;
	}
	for (size_t k = 0; k < h; k++)
		out[k] /= m;
	rc = 0;
done:
	wfm_regression_free(reg);
	WFM_FREE(evf, f);
	return rc;
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

/* Typical AHT of the window: median of the known values with volume, and
 * the largest volume (weights are volume / vmax, so sums stay finite). */
static double aht_median(const double *aht, const double *vol, size_t from, size_t n,
			 double *vmax)
{
	double *v = malloc((n - from) * sizeof(double)), med = NAN;
	size_t k = 0;

	*vmax = 0;
	for (size_t t = from; t < n; t++)
		if (!isnan(aht[t]) && !isnan(vol[t]) && vol[t] > 0 && isfinite(vol[t]) && isfinite(aht[t])) {
			if (v)
				v[k++] = aht[t];
			*vmax = fmax(*vmax, vol[t]);
		}
	if (v && k)
		med = median(v, k);
	free(v);
	return med;
}

/* Daily volume-weighted AHT over [from, n) and its weighted linear trend;
 * *c1 = 0 when under 14 days. */
static int aht_trend(const double *aht, const double *vol, size_t from, size_t n,
		     const wfm_calendar *cal, double lo, double hi, double vmax,
		     double *c0, double *c1)
{
	size_t maxd = (n - from) / (size_t)cal->per_day + 2, nd = 0;
	double *dx = calloc(maxd, sizeof(double)), *dy = calloc(maxd, sizeof(double));
	double *dw = calloc(maxd, sizeof(double));

	*c0 = *c1 = 0;
	if (!dx || !dy || !dw) {
		WFM_FREE(dx, dy, dw);
		return -1;
	}
	for (size_t t = from; t < n; t++) {
		if (t > from && cal->day[t] != cal->day[t - 1] && dw[nd] > 0)
			nd++;
		if (nd >= maxd)
			break;
		if (isnan(aht[t]) || isnan(vol[t]) || !(vol[t] > 0) || !(aht[t] >= lo && aht[t] <= hi))
			continue;
		dx[nd] = (double)cal->day[t];
		dy[nd] += vol[t] / vmax * aht[t];
		dw[nd] += vol[t] / vmax;
	}
	if (nd < maxd && dw[nd] > 0)
		nd++;
	for (size_t d = 0; d < nd; d++)
		dy[d] /= dw[d];
	if (nd >= 14) {
		double cov00, cov01, cov11, sumsq;
		if (gsl_fit_wlinear(dx, 1, dw, 1, dy, 1, nd, c0, c1, &cov00, &cov01, &cov11, &sumsq))
			*c1 = 0;
	}
	WFM_FREE(dx, dy, dw);
	return 0;
}

int wfm_aht_forecast(const double *aht, const double *vol, size_t n, size_t h,
		     const wfm_calendar *cal, const unsigned char *closed,
		     double *out, wfm_error *err)
{
	size_t cells = 7 * (size_t)cal->per_day, week = cells, from8, from26;
	double *sw = calloc(cells, sizeof(double)), *swa = calloc(cells, sizeof(double));
	double tw = 0, twa = 0, c0 = 0, c1 = 0, xmid = 0, med, vmax, lo, hi;
	int rc = 0;

	if (!sw || !swa)
		goto oom;
	from8 = n > 8 * week ? n - 8 * week : 0;
	from26 = n > 26 * week ? n - 26 * week : 0;
	/* values beyond 20x the median either way are errors, not AHT */
	med = aht_median(aht, vol, from26, n, &vmax);
	lo = med / 20;
	hi = med * 20;
	for (size_t t = from8; t < n && !isnan(med); t++) {
		size_t c = cal->wday[t] * (size_t)cal->per_day + (size_t)cal->slot[t];
		double w;
		if (isnan(aht[t]) || isnan(vol[t]) || !(vol[t] > 0) || !(aht[t] >= lo && aht[t] <= hi))
			continue;
		w = vol[t] / vmax;
		sw[c] += w;
		swa[c] += w * aht[t];
		tw += w;
		twa += w * aht[t];
		xmid += w * (double)cal->day[t];
	}
	if (tw <= 0) {   /* no AHT known: NAN everywhere */
		for (size_t k = 0; k < h; k++)
			out[k] = NAN;
		goto done;
	}
	xmid /= tw;
	if (aht_trend(aht, vol, from26, n, cal, lo, hi, vmax, &c0, &c1))
		goto oom;
	for (size_t k = 0; k < h; k++) {
		size_t i = n + k, c = cal->wday[i] * (size_t)cal->per_day + (size_t)cal->slot[i];
		double base = sw[c] > 0 ? swa[c] / sw[c] : twa / tw;
		double level = c0 + c1 * xmid, fac = 1;
		if (c1 != 0 && level > 0)
			fac = (c0 + c1 * (double)cal->day[i]) / level;
		/* a trend is not extrapolated past halving or doubling */
		fac = isfinite(fac) ? fmin(2, fmax(0.5, fac)) : 1;
		out[k] = closed && closed[c] ? 0 : base * fac;
	}
	goto done;
oom:
	rc = wfm_error_set(err, "out of memory");
done:
	WFM_FREE(sw, swa);
	return rc;
}
