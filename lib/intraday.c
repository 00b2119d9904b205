/* intraday.c - the day-level update of a forecast from today's actuals.
 * See intraday.h for the model. */
#include "intraday.h"
#include "model.h"
#include "timeutil.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void wfm_intraday_params_default(struct wfm_intraday_params *p)
{
	/* chosen by `wfm intraday --backtest data/history.csv` (docs/intraday.md) */
	p->day_sd = 0.05;
	p->shape_sd = 0.05;
	p->aht_day_sd = 0.02;
	p->aht_shape_sd = 1;
	p->level = 0.8;
	p->shock_sd = 0.5;      /* a day 1.4 or 0.7 times the forecast is within 1 sd */
	p->shock_share = 0.1;
}

/* Posterior of x = log theta from lr ~ N(x, v) under the prior
 * x ~ (1 - q) N(0, sd^2) + q N(0, sb^2): an ordinary day or a shock.
 * Returns the posterior mean over lr (the weight), *post_var its variance. */
static double weight(double lr, double sd, double sb, double q, double v, double *post_var)
{
	double s[2] = { sd * sd, sb * sb }, lp[2], m = 0, m2 = 0, wsum = 0;

	if (!(v < INFINITY)) {
		*post_var = (1 - q) * s[0] + q * s[1];
		return 0;
	}
	for (int k = 0; k < 2; k++)
		lp[k] = log(k ? q : 1 - q) - 0.5 * log(s[k] + v) - 0.5 * lr * lr / (s[k] + v);
	double top = fmax(lp[0], lp[1]), z = exp(lp[0] - top) + exp(lp[1] - top);
	for (int k = 0; k < 2; k++) {
		double pk = exp(lp[k] - top) / z, wk = s[k] / (s[k] + v);
		m += pk * wk * lr;
		m2 += pk * (wk * v + wk * wk * lr * lr);
		wsum += pk * wk;
	}
	*post_var = fmax(m2 - m * m, 0);
	return lr != 0 ? m / lr : wsum;
}

void wfm_intraday_level(const struct wfm_intraday_params *p, const double *f,
			const double *fa, size_t nday, const double *a, const double *aa,
			size_t k, struct wfm_intraday_level *u)
{
	double day = 0, sf = 0, sa = 0, wa = 0, wf = 0, calls = 0, pv;

	memset(u, 0, sizeof(*u));
	u->ratio = u->factor = u->aht_ratio = u->aht_factor = 1;
	for (size_t i = 0; i < nday; i++)
		if (!isnan(f[i]))
			day += f[i];
	for (size_t i = 0; i < k && i < nday; i++) {
		if (isnan(a[i]) || isnan(f[i]))
			continue;
		sf += f[i];
		sa += a[i];
		if (fa && aa && !isnan(fa[i]) && !isnan(aa[i]) && a[i] > 0) {
			wa += a[i] * aa[i];
			wf += a[i] * fa[i];
			calls += a[i];
		}
	}
	u->seen_fc = sf;
	u->seen_act = sa;
	u->share = day > 0 ? fmin(sf / day, 1) : 0;
	u->post_sd = p->day_sd;
	if (u->share <= 0)
		return;
	double q = u->share, shape = (1 - q) / q;
	/* half a contact on both sides keeps log R finite on an empty morning */
	double lr = log((sa + 0.5) / (sf + 0.5));
	double v = p->shape_sd * p->shape_sd * shape + 1 / fmax(sf, 1);
	u->ratio = (sa + 0.5) / (sf + 0.5);
	u->weight = weight(lr, p->day_sd, p->shock_sd, p->shock_share, v, &pv);
	u->factor = exp(u->weight * lr);
	u->post_sd = sqrt(pv);
	if (calls > 0 && wf > 0) {
		double la = log(wa / wf);
		double va = p->aht_shape_sd * p->aht_shape_sd * shape + 1 / calls;
		u->aht_ratio = wa / wf;
		u->aht_weight = weight(la, p->aht_day_sd, p->shock_sd, p->shock_share, va, &pv);
		u->aht_factor = exp(u->aht_weight * la);
	}
}

void wfm_intraday_bounds(const struct wfm_intraday_params *p, const struct wfm_intraday_level *u,
			 double f, double lo, double hi, double *nlo, double *nhi)
{
	double z = gsl_cdf_ugaussian_Pinv((1 + p->level) / 2), y = f * u->factor;
	double prior = z * z * p->day_sd * p->day_sd * f * f, floor = z * z * fmax(f, 1);
	double post = z * z * u->post_sd * u->post_sd * y * y;
	double dh = isnan(hi) ? sqrt(floor + prior) : fmax(hi - f, 0);
	double dl = isnan(lo) ? sqrt(floor + prior) : fmax(f - lo, 0);

	if (f <= 0) {     /* closed: no contacts expected */
		*nlo = *nhi = 0;
		return;
	}
	/* the interval-level part scales like a Poisson spread: with sqrt(level) */
	dh = sqrt(fmax(dh * dh - prior, floor) * u->factor + post);
	dl = sqrt(fmax(dl * dl - prior, floor) * u->factor + post);
	*nlo = fmax(0, y - dl);
	*nhi = y + dh;
}

static int64_t local_day(int64_t t, const wfm_tz *tz)
{
	struct wfm_tm tm;

	wfm_time_local(t, tz, &tm);
	return tm.days;
}

/* The instant of channel c's first row in series x (the grid's start when
 * the channel has only empty volumes). */
static int64_t first_row(const wfm_series *x, size_t c)
{
	size_t i = 0;

	while (i < x->n && isnan(wfm_series_vol(x, c)[i]))
		i++;
	return wfm_series_time(x, i < x->n ? i : 0);
}

/* Every actual on now's day, before now, of a forecast channel. */
static int check_actuals(const wfm_series *s, const char *fc_path, const wfm_series *act,
			 const char *act_path, int64_t now, const wfm_tz *tz, wfm_error *err)
{
	char a[48], b[48];
	int64_t day = local_day(now, tz);

	wfm_time_format(now, tz, b, sizeof(b));
	if (act->n > 1 && act->step != s->step)
		return wfm_error_at(err, act_path, 0, "timestamp", "%d-minute intervals; %s has %d-minute ones",
				    act->step / 60, fc_path, s->step / 60);
	for (size_t c = 0; c < act->nchan; c++) {
		const char *name = act->channel[c];
		if (wfm_series_channel(s, name) < 0)
			return wfm_error_at(err, act_path, wfm_series_line(act_path, tz, name, first_row(act, c)),
					    "channel", "\"%s\" is not in %s", name, fc_path);
		for (size_t i = 0; i < act->n; i++) {
			int64_t t = wfm_series_time(act, i);
			if (isnan(act->volume[c * act->n + i]))
				continue;
			wfm_time_format(t, tz, a, sizeof(a));
			if (local_day(t, tz) != day)
				return wfm_error_at(err, act_path, wfm_series_line(act_path, tz, name, t), "timestamp",
						    "%s is not on the day of --now %.10s", a, b);
			if (t >= now)
				return wfm_error_at(err, act_path, wfm_series_line(act_path, tz, name, t), "timestamp",
						    "%s is not before --now %s", a, b);
		}
	}
	return 0;
}

/* The update of forecast channel c from the actuals; the day is
 * intervals [d0, d1) of the forecast, now is interval k. */
static void channel_level(const wfm_forecastcsv *fc, size_t c, size_t d0, size_t d1, size_t k,
			  const wfm_series *act, const struct wfm_intraday_params *p,
			  struct wfm_intraday_level *u)
{
	const wfm_series *s = fc->s;
	size_t nd = d1 - d0, seen = k - d0;
	double *buf = malloc(2 * (nd ? nd : 1) * sizeof(double));
	int ac = wfm_series_channel(act, s->channel[c]);

	if (!buf || ac < 0) {     /* no actuals: the forecast stands */
		wfm_intraday_level(p, wfm_series_vol(s, c) + d0, NULL, nd, NULL, NULL, 0, u);
		free(buf);
		return;
	}
	for (size_t j = 0; j < seen; j++) {
		int64_t t = wfm_series_time(s, d0 + j), x = (t - act->start) / act->step;
		int in = t >= act->start && x < (int64_t)act->n;
		buf[j] = in ? act->volume[(size_t)ac * act->n + (size_t)x] : NAN;
		buf[nd + j] = in && act->aht ? act->aht[(size_t)ac * act->n + (size_t)x] : NAN;
	}
	wfm_intraday_level(p, wfm_series_vol(s, c) + d0, s->aht ? s->aht + c * s->n + d0 : NULL,
			   nd, buf, buf + nd, seen, u);
	free(buf);
}

wfm_forecastcsv *wfm_intraday_reforecast(const wfm_forecastcsv *fc, const char *fc_path,
					 const wfm_series *act, const char *act_path,
					 int64_t now, int64_t until, const wfm_tz *tz,
					 const struct wfm_intraday_params *p,
					 struct wfm_intraday_level *lv, wfm_error *err)
{
	const wfm_series *s = fc->s;
	int64_t end = wfm_series_time(s, s->n), day;
	size_t k, d0, d1, h;
	char buf[48];

	wfm_time_format(now, tz, buf, sizeof(buf));
	if (now < s->start || now >= end)
		return wfm_error_at(err, fc_path, 0, NULL, "--now %s is outside the forecast", buf), NULL;
	if ((now - s->start) % s->step)
		return wfm_error_at(err, fc_path, 0, NULL, "--now %s is not on the forecast's %d-minute grid",
				    buf, s->step / 60), NULL;
	if (check_actuals(s, fc_path, act, act_path, now, tz, err))
		return NULL;
	k = (size_t)((now - s->start) / s->step);
	day = local_day(now, tz);
	for (d0 = k; d0 > 0 && local_day(wfm_series_time(s, d0 - 1), tz) == day; d0--)
		;
	for (d1 = k; d1 < s->n && local_day(wfm_series_time(s, d1), tz) == day; d1++)
		;
	h = d1 - k;
	if (until > wfm_series_time(s, d1))
		h = (size_t)((fmin((double)until, (double)end) - (double)now + s->step - 1) / s->step);
	wfm_forecastcsv *o = calloc(1, sizeof(*o));
	if (!o || !(o->s = wfm_series_alloc(s->nchan, (const char *const *)s->channel, now, s->step,
					    h, 1, err)) ||
	    !(o->lo = malloc((s->nchan * h + 1) * sizeof(double))) ||
	    !(o->hi = malloc((s->nchan * h + 1) * sizeof(double)))) {
		wfm_forecastcsv_free(o);
		return wfm_error_set(err, "out of memory"), NULL;
	}
	for (size_t c = 0; c < s->nchan; c++) {
		struct wfm_intraday_level one = { 0 };
		channel_level(fc, c, d0, d1, k, act, p, &lv[c]);
		one.factor = one.aht_factor = 1;
		one.post_sd = p->day_sd;
		for (size_t j = 0; j < h; j++) {
			size_t i = c * s->n + k + j, q = c * h + j;
			const struct wfm_intraday_level *u = k + j < d1 ? &lv[c] : &one;
			double f = s->volume[i];
			o->s->volume[q] = f * u->factor;
			o->s->aht[q] = s->aht ? s->aht[i] * u->aht_factor : NAN;
			if (k + j < d1)
				wfm_intraday_bounds(p, u, f, fc->lo[i], fc->hi[i], &o->lo[q], &o->hi[q]);
			else {
				o->lo[q] = fc->lo[i];
				o->hi[q] = fc->hi[i];
			}
		}
	}
	return o;
}

void wfm_intraday_report(FILE *fp, const char *prog, const wfm_series *s,
			 const struct wfm_intraday_level *lv)
{
	int moved = 0;

	for (size_t c = 0; c < s->nchan; c++)
		moved |= fabs(lv[c].factor - 1) >= 0.01 || fabs(lv[c].aht_factor - 1) >= 0.01;
	for (size_t c = 0; moved && c < s->nchan; c++)
		fprintf(fp, "%s: %s: %.0f%% of the day seen, actual/forecast %.3f, weight %.2f: "
			"rest of day x%.3f, AHT x%.3f\n", prog, s->channel[c], 100 * lv[c].share,
			lv[c].ratio, lv[c].weight, lv[c].factor, lv[c].aht_factor);
}
