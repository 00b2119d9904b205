/* forecastrun.c - one run of wfm-forecast: per channel the model policy,
 * the forecast and its bands, and the forecast and backtest writers.
 * Entry points in forecastrun.h. */
#include "forecastrun.h"
#include "cli.h"
#include "forecastcsv.h"
#include "json.h"
#include "mem.h"
#include "timeutil.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t wfm_fcrun_backtest_weeks(const struct wfm_fcrun_opts *o, size_t n, size_t week, size_t H)
{
	size_t weeks = (size_t)(o->backtest / (7 * 86400)), room;

	if (weeks)
		return weeks;
	weeks = o->model == WFM_MODEL_AUTO ? 8 : 4;
	room = n >= H + 2 * week ? (n - H - 2 * week) / week + 1 : 0;
	return weeks < room ? weeks : room;
}

static int run_backtest(const struct wfm_fcrun_opts *o, const wfm_series *s, size_t c,
			const double *y, const double *obs, const wfm_calendar *cal, size_t h,
			const struct wfm_model_opts *mo, struct wfm_fcrun_chan *ch, wfm_error *err)
{
	size_t n = s->n, week = 7 * (size_t)cal->per_day, H, weeks;
	int want = o->model;
	unsigned mask;

	/* folds as long as the forecast asked for (whole days, at most 8 weeks) */
	H = h ? h : week;
	H = (H + (size_t)cal->per_day - 1) / (size_t)cal->per_day * (size_t)cal->per_day;
	if (H > 8 * week)
		H = 8 * week;
	if (!(weeks = wfm_fcrun_backtest_weeks(o, n, week, H)))
		return 0;
	mask = want == WFM_MODEL_AUTO ? (1u << WFM_MODEL_COUNT) - 1
		: (1u << want) | (1u << WFM_MODEL_SNAIVE);
	if (wfm_backtest_run(y, obs, n, cal, weeks, H, mask, want == WFM_MODEL_AUTO, mo,
			     o->metric, o->level / 100, &ch->bt, err)) {
		char msg[sizeof(err->msg)];
		memcpy(msg, err->msg, sizeof(msg));
		msg[200] = 0;
		return wfm_error_at(err, o->input, 0, NULL, "%.60s: %s", s->channel[c], msg);
	}
	ch->have_bt = 1;
	return 0;
}

/* Bands from the backtest's residual quantiles of the model used, else
 * Poisson variance with normal quantiles. */
static void bounds(const struct wfm_fcrun_opts *o, const struct wfm_fcrun_chan *ch, int slot,
		   size_t k, double *lo, double *hi)
{
	double zl, zh;

	if (ch->have_bt && slot >= 0 && ch->bt.ran[slot]) {
		zl = ch->bt.zlo[slot];
		zh = ch->bt.zhi[slot];
	} else {
		zh = gsl_cdf_ugaussian_Pinv((1 + o->level / 100) / 2);
		zl = -zh;
	}
	wfm_backtest_interval(ch->vol[k], zl, zh, lo, hi);
}

/* auto takes the backtest's choice; without a backtest (or for a named
 * model) the model itself, regression for auto, snaive when the history
 * is too short for it.  Returns the backtest slot of the bands. */
static int choose(const struct wfm_fcrun_opts *o, size_t n, int per_day, struct wfm_fcrun_chan *ch)
{
	int want = o->model, slot;

	if (want == WFM_MODEL_AUTO && ch->have_bt) {
		slot = ch->bt.chosen;
		ch->mask = ch->bt.mask[slot];
		ch->model = slot < WFM_MODEL_COUNT ? slot : WFM_MODEL_AUTO;
		return slot;
	}
	if (want == WFM_MODEL_AUTO)
		want = WFM_MODEL_REGRESSION;
	ch->model = wfm_model_usable(want, n, per_day);
	ch->fallback = ch->model != want;
	ch->mask = 1u << ch->model;
	return ch->model;
}

/* y: the history for fitting (screened days and gaps imputed); obs: for
 * scoring (zero days NAN). */
static void screen(const struct wfm_fcrun_opts *o, const wfm_series *s, size_t c,
		   const wfm_calendar *cal, double *y, double *obs, unsigned char *closed,
		   unsigned char *skip, struct wfm_fcrun_chan *ch)
{
	size_t n = s->n;

	memcpy(y, wfm_series_vol(s, c), n * sizeof(double));
	wfm_model_closed(y, n, cal, 8, closed);
	/* zero days (holidays) and outlier days: out of the fits; zero days
	 * also out of the backtest's scores */
	wfm_model_screen(y, n, cal, o->mo.events, skip, &ch->zero_days, &ch->outlier_days);
	memcpy(obs, y, n * sizeof(double));
	for (size_t t = 0; t < n; t++) {
		if (skip[t] == WFM_SKIP_ZERO)
			obs[t] = NAN;
		if (skip[t])
			y[t] = NAN;
	}
	wfm_model_impute(y, n, 7 * (size_t)cal->per_day);
}

static int forecast(const wfm_series *s, size_t c, const double *y, const wfm_calendar *cal,
		    size_t h, const struct wfm_model_opts *mo, struct wfm_fcrun_chan *ch, wfm_error *err)
{
	size_t n = s->n;

	if (wfm_model_forecast_mix(ch->mask, y, n, h, cal, mo, ch->vol, err))
		return -1;
	if (s->aht && wfm_aht_forecast(wfm_series_vol(s, c) - s->volume + s->aht,
				       wfm_series_vol(s, c), n, h, cal, mo->closed, ch->aht, err))
		return -1;
	if (!s->aht)
		for (size_t k = 0; k < h; k++)
			ch->aht[k] = NAN;
	return 0;
}

int wfm_fcrun_channel(const struct wfm_fcrun_opts *o, const wfm_series *s, size_t c,
		      const wfm_calendar *cal, size_t h, struct wfm_fcrun_chan *ch, wfm_error *err)
{
	size_t n = s->n, week = 7 * (size_t)cal->per_day;
	double *y = malloc(n * sizeof(double)), *obs = malloc(n * sizeof(double));
	unsigned char *closed = malloc(week), *skip = malloc(n);
	struct wfm_model_opts mo = o->mo;
	int rc = -1, slot;

	if (!y || !obs || !closed || !skip) {
		wfm_error_set(err, "out of memory");
		goto done;
	}
	screen(o, s, c, cal, y, obs, closed, skip, ch);
	mo.closed = closed;
	mo.skip = skip;
	if (wfm_model_usable(WFM_MODEL_SNAIVE, n, cal->per_day) < 0) {
		wfm_error_at(err, o->input, 0, NULL, "%s: %.1f days of history is under one week: "
			     "no model can be fitted", s->channel[c], (double)n / cal->per_day);
		goto done;
	}
	if (run_backtest(o, s, c, y, obs, cal, h, &mo, ch, err))
		goto done;
	slot = choose(o, n, cal->per_day, ch);
	if (h && forecast(s, c, y, cal, h, &mo, ch, err))
		goto done;
	for (size_t k = 0; k < h; k++)
		bounds(o, ch, slot, k, &ch->lo[k], &ch->hi[k]);
	rc = 0;
done:
	WFM_FREE(y, obs, closed, skip);
	return rc;
}

struct wfm_fcrun_chan *wfm_fcrun_alloc(size_t nchan, size_t h)
{
	struct wfm_fcrun_chan *ch = calloc(nchan ? nchan : 1, sizeof(*ch));

	for (size_t c = 0; ch && h && c < nchan; c++)
		if (!(ch[c].vol = malloc(h * sizeof(double))) || !(ch[c].aht = malloc(h * sizeof(double))) ||
		    !(ch[c].lo = malloc(h * sizeof(double))) || !(ch[c].hi = malloc(h * sizeof(double)))) {
			wfm_fcrun_free(ch, nchan);
			return NULL;
		}
	return ch;
}

void wfm_fcrun_free(struct wfm_fcrun_chan *ch, size_t nchan)
{
	for (size_t c = 0; ch && c < nchan; c++)
		WFM_FREE(ch[c].vol, ch[c].aht, ch[c].lo, ch[c].hi);
	free(ch);
}

void wfm_fcrun_scale(struct wfm_fcrun_chan *ch, size_t nchan, size_t h, double f)
{
	for (size_t c = 0; c < nchan && f != 1; c++)
		for (size_t k = 0; k < h; k++) {
			ch[c].vol[k] *= f;
			ch[c].lo[k] *= f;
			ch[c].hi[k] *= f;
		}
}

/* The day that dates interval i's aggregate: itself, its Monday or the
 * first of its month. */
static int64_t agg_key(enum wfm_fcrun_agg agg, const wfm_calendar *cal, size_t i)
{
	int y, m, d;

	if (agg == WFM_AGG_WEEK)
		return cal->day[i] - cal->wday[i];
	if (agg == WFM_AGG_MONTH) {
		wfm_time_civil_from_days(cal->day[i], &y, &m, &d);
		return wfm_time_days_from_civil(y, m, 1);
	}
	return cal->day[i];
}

/* One total row per channel over the forecast's intervals [a, b). */
static void write_total(struct wfm_forecastcsv_out *w, const wfm_series *s, const char *date,
			size_t a, size_t b, const struct wfm_fcrun_chan *ch)
{
	for (size_t c = 0; c < s->nchan; c++) {
		double v = 0, va = 0, lo = 0, hi = 0, aw = 0;
		for (size_t k = a; k < b; k++) {
			v += ch[c].vol[k];
			lo += ch[c].lo[k];
			hi += ch[c].hi[k];
			if (!isnan(ch[c].aht[k])) {
				va += ch[c].vol[k] * ch[c].aht[k];
				aw += ch[c].vol[k];
			}
		}
		wfm_forecastcsv_row(w, date, s->channel[c], v, aw > 0 ? va / aw : NAN, lo, hi);
	}
}

void wfm_fcrun_write(FILE *fp, int json, enum wfm_fcrun_agg agg, const wfm_series *s,
		     const wfm_tz *tz, const wfm_calendar *cal, size_t h,
		     const struct wfm_fcrun_chan *ch)
{
	struct wfm_forecastcsv_out w;
	char buf[48];

	wfm_forecastcsv_begin(&w, fp, json, agg != WFM_AGG_INTERVAL);
	for (size_t a = 0, b; a < h; a = b) {
		int64_t key = agg_key(agg, cal, s->n + a);
		if (agg == WFM_AGG_INTERVAL) {
			wfm_time_format(wfm_series_time(s, s->n + a), tz, buf, sizeof(buf));
			for (size_t c = 0; c < s->nchan; c++)
				wfm_forecastcsv_row(&w, buf, s->channel[c], ch[c].vol[a],
						    ch[c].aht[a], ch[c].lo[a], ch[c].hi[a]);
			b = a + 1;
			continue;
		}
		for (b = a; b < h && agg_key(agg, cal, s->n + b) == key; b++)
			;
		wfm_time_format_date(key, buf, sizeof(buf));
		write_total(&w, s, buf, a, b, ch);
	}
	wfm_forecastcsv_end(&w);
}

static void report_json(FILE *fp, int metric, const wfm_series *s, const struct wfm_fcrun_chan *ch,
			size_t weeks, const char *a, const char *b)
{
	char name[96];

	fprintf(fp, "{\"weeks\":%zu,\"from\":\"%s\",\"to\":\"%s\",\"metric\":\"%s\",\"channels\":[",
		weeks, a, b, wfm_metric_name(metric));
	for (size_t c = 0; c < s->nchan; c++) {
		int sep = 0;
		fputs(c ? ",{\"channel\":" : "{\"channel\":", fp);
		wfm_json_str(fp, s->channel[c]);
		fprintf(fp, ",\"chosen\":\"%s\",\"models\":[", wfm_model_mix_name(ch[c].mask, name, sizeof(name)));
		for (int k = 0; k < WFM_BT_SLOTS; k++) {
			const struct wfm_accuracy *m = &ch[c].bt.acc[k];
			if (!ch[c].bt.ran[k])
				continue;
			fprintf(fp, "%s{\"model\":\"%s\",", sep++ ? "," : "",
				wfm_model_mix_name(ch[c].bt.mask[k], name, sizeof(name)));
			wfm_json_num(fp, "wape", m->wape, 6, ",");
			wfm_json_num(fp, "mase", m->mase, 6, ",");
			wfm_json_num(fp, "smape", m->smape, 6, ",");
			wfm_json_num(fp, "bias", m->bias, 6, ",");
			wfm_json_num(fp, "rmse", m->rmse, 6, "}");
		}
		fputs("]}", fp);
	}
	fputs("]}\n", fp);
}

/* The table's rows; returns how many had no MASE. */
static size_t report_rows(FILE *fp, const wfm_series *s, const struct wfm_fcrun_chan *ch)
{
	char name[96], mase[16];
	size_t nomase = 0;

	for (size_t c = 0; c < s->nchan; c++)
		for (int k = 0; k < WFM_BT_SLOTS; k++) {
			const struct wfm_accuracy *m = &ch[c].bt.acc[k];
			if (!ch[c].bt.ran[k])
				continue;
			if (isnan(m->mase)) {
				snprintf(mase, sizeof(mase), "-");
				nomase++;
			} else {
				snprintf(mase, sizeof(mase), "%.3f", m->mase);
			}
			fprintf(fp, "%-*s %-33s %7.2f %6s %7.2f %+7.2f %8.2f%s\n",
				wfm_pad_width(s->channel[c], 14), s->channel[c],
				wfm_model_mix_name(ch[c].bt.mask[k], name, sizeof(name)), 100 * m->wape, mase,
				100 * m->smape, 100 * m->bias, m->rmse,
				ch[c].mask == ch[c].bt.mask[k] ? "  <- chosen" : "");
		}
	return nomase;
}

void wfm_fcrun_report(FILE *fp, int json, int metric, const wfm_series *s, const wfm_tz *tz,
		      const struct wfm_fcrun_chan *ch)
{
	const struct wfm_backtest *bt0 = NULL;
	size_t weeks = 0, H = 0, first = 0;
	char a[48], b[48];

	for (size_t c = 0; c < s->nchan && !bt0; c++)
		if (ch[c].have_bt)
			bt0 = &ch[c].bt;
	if (bt0) {
		weeks = bt0->weeks;
		H = bt0->horizon;
		first = bt0->first;
	}
	wfm_time_format(wfm_series_time(s, first), tz, a, sizeof(a));
	wfm_time_format(wfm_series_time(s, s->n - 1), tz, b, sizeof(b));
	if (json) {
		report_json(fp, metric, s, ch, weeks, a, b);
		return;
	}
	fprintf(fp, "backtest: %zu origins a week apart, %g-day horizon each, %s .. %s; choice by %s\n",
		weeks, (double)H * s->step / 86400, a, b, wfm_metric_name(metric));
	fprintf(fp, "%-14s %-33s %7s %6s %7s %7s %8s\n",
		"channel", "model", "WAPE%", "MASE", "sMAPE%", "bias%", "RMSE");
	if (report_rows(fp, s, ch))
		fputs("MASE -: the history before the first origin has no seasonal-naive error to scale by\n"
		      "(under two full weeks, or the same every week), so MASE is undefined there\n", fp);
	for (size_t c = 0; c < s->nchan; c++)
		if (ch[c].zero_days || ch[c].outlier_days)
			fprintf(fp, "%s: %zu zero days (closed or holiday) not fitted or scored, "
				"%zu outlier days not fitted\n", s->channel[c], ch[c].zero_days, ch[c].outlier_days);
}
