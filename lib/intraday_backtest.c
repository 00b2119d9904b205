/* intraday_backtest.c - replay days of a history to score and tune the
 * intraday update.  See intraday_backtest.h. */
#include "intraday_backtest.h"

#include "mem.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct wfm_intraday_bt {
	size_t nchan, ndays, cells;
	size_t *off, *len;       /* day d: cells off[d] .. off[d] + len[d] */
	int *minute;             /* [cells]: local minute of day of each interval */
	int64_t first_day;
	double *f, *fa, *a, *aa; /* [c * cells + j] forecast, AHT; actual, AHT */
};

void wfm_intraday_bt_free(wfm_intraday_bt *bt)
{
	if (bt)
		WFM_FREE(bt->off, bt->len, bt->minute, bt->f, bt->fa, bt->a, bt->aa, bt);
}

size_t wfm_intraday_bt_days(const wfm_intraday_bt *bt) { return bt->ndays; }
int64_t wfm_intraday_bt_first_day(const wfm_intraday_bt *bt) { return bt->first_day; }

/* Starts of the last `days` whole local days of the calendar: starts[0..]
 * and the index after the last day's end. */
static size_t find_days(const wfm_calendar *cal, size_t days, size_t *starts)
{
	size_t n = cal->n, end = n, k = 0;

	/* drop a last day that is not whole: it must end with the day's last slot */
	while (end > 0 && cal->day[end - 1] == cal->day[n - 1] &&
	       cal->slot[n - 1] != cal->per_day - 1)
		end--;
	for (size_t i = end; i > 0 && k < days; ) {
		size_t j = i - 1;
		while (j > 0 && cal->day[j - 1] == cal->day[i - 1])
			j--;
		if (cal->slot[j] != 0)
			break;
		starts[days - 1 - k++] = j;
		i = j;
	}
	memmove(starts, starts + (days - k), k * sizeof(size_t));
	starts[k] = end;
	return k;
}

static int alloc_bt(wfm_intraday_bt *bt, size_t nchan, size_t ndays, size_t cells)
{
	size_t m = nchan * cells + 1;

	bt->nchan = nchan;
	bt->ndays = ndays;
	bt->cells = cells;
	bt->off = malloc((ndays + 1) * sizeof(size_t));
	bt->len = malloc((ndays + 1) * sizeof(size_t));
	bt->minute = malloc((cells + 1) * sizeof(int));
	bt->f = malloc(m * sizeof(double));
	bt->fa = malloc(m * sizeof(double));
	bt->a = malloc(m * sizeof(double));
	bt->aa = malloc(m * sizeof(double));
	return bt->off && bt->len && bt->minute && bt->f && bt->fa && bt->a && bt->aa ? 0 : -1;
}

/* Forecast channel c's day d (history intervals i0 .. i0 + len). */
static int forecast_day(wfm_intraday_bt *bt, const wfm_series *h, const double *y,
			const wfm_calendar *cal, size_t c, size_t d, size_t i0, int model,
			const struct wfm_model_opts *mo, unsigned char *closed, wfm_error *err)
{
	size_t len = bt->len[d], q = c * bt->cells + bt->off[d];
	struct wfm_model_opts o = *mo;
	const double *vol = wfm_series_vol(h, c);

	wfm_model_closed(y, i0, cal, 8, closed);
	o.closed = closed;
	if (wfm_model_forecast(wfm_model_usable(model, i0, cal->per_day), y, i0, len, cal, &o,
			       bt->f + q, err))
		return -1;
	if (h->aht) {
		if (wfm_aht_forecast(h->aht + c * h->n, vol, i0, len, cal, closed, bt->fa + q, err))
			return -1;
	} else
		for (size_t j = 0; j < len; j++)
			bt->fa[q + j] = NAN;
	for (size_t j = 0; j < len; j++) {
		bt->a[q + j] = vol[i0 + j];
		bt->aa[q + j] = h->aht ? h->aht[c * h->n + i0 + j] : NAN;
	}
	return 0;
}

static int prepare_channels(wfm_intraday_bt *bt, const wfm_series *h, const wfm_calendar *cal,
			    const size_t *starts, int model, const struct wfm_model_opts *mo,
			    wfm_error *err)
{
	size_t week = 7 * (size_t)cal->per_day;
	double *y = malloc(h->n * sizeof(double));
	unsigned char *closed = malloc(week);
	int rc = 0;

	if (!y || !closed)
		rc = wfm_error_set(err, "out of memory");
	for (size_t c = 0; !rc && c < h->nchan; c++) {
		memcpy(y, wfm_series_vol(h, c), h->n * sizeof(double));
		wfm_model_impute(y, h->n, week);
		for (size_t d = 0; !rc && d < bt->ndays; d++)
			rc = forecast_day(bt, h, y, cal, c, d, starts[d], model, mo, closed, err);
	}
	WFM_FREE(y, closed);
	return rc;
}

/* The days to replay (after two weeks of history), their cells and the
 * forecasts made the day before. */
static int fill_bt(wfm_intraday_bt *bt, const wfm_series *h, const char *path, const wfm_calendar *cal,
		   size_t *starts, int model, const struct wfm_model_opts *mo, size_t days, wfm_error *err)
{
	size_t nd = find_days(cal, days, starts), cells;

	if (nd == 0 || starts[0] < 14 * (size_t)cal->per_day)
		return wfm_error_at(err, path, 0, NULL, "%zu whole days after the first two weeks are needed; "
				    "the history has %.1f days", days, (double)h->n / cal->per_day);
	cells = starts[nd] - starts[0];
	if (alloc_bt(bt, h->nchan, nd, cells))
		return wfm_error_set(err, "out of memory");
	bt->first_day = cal->day[starts[0]];
	for (size_t d = 0; d < nd; d++) {
		bt->off[d] = starts[d] - starts[0];
		bt->len[d] = starts[d + 1] - starts[d];
	}
	for (size_t j = 0; j < cells; j++)
		bt->minute[j] = cal->slot[starts[0] + j] * (h->step / 60);
	return prepare_channels(bt, h, cal, starts, model, mo, err);
}

wfm_intraday_bt *wfm_intraday_bt_prepare(const wfm_series *h, const char *path, const wfm_tz *tz,
					 int model, const struct wfm_model_opts *mo, size_t days,
					 wfm_error *err)
{
	wfm_intraday_bt *bt = calloc(1, sizeof(*bt));
	wfm_calendar *cal = wfm_calendar_alloc(h->start, h->step, h->n, tz, err);
	size_t *starts = malloc((days + 1) * sizeof(size_t));
	int rc = -1;

	if (bt && cal && starts)
		rc = fill_bt(bt, h, path, cal, starts, model, mo, days, err);
	else if (cal)
		wfm_error_set(err, "out of memory");
	wfm_calendar_free(cal);
	free(starts);
	if (rc) {
		wfm_intraday_bt_free(bt);
		return NULL;
	}
	return bt;
}

/* One day, one channel, one now: add the scores of the rest of the day. */
static void score_one(const wfm_intraday_bt *bt, const struct wfm_intraday_params *p,
		      double shock, size_t c, size_t d, int now_min, double *a,
		      struct wfm_intraday_bt_cell *cell)
{
	size_t q = c * bt->cells + bt->off[d], len = bt->len[d], k = 0;
	const double *f = bt->f + q, *fa = bt->fa + q, *aa = bt->aa + q;
	struct wfm_intraday_level u;
	double rest_f = 0, rest_u = 0, rest_a = 0;

	while (k < len && bt->minute[bt->off[d] + k] < now_min)
		k++;
	if (k == 0 || k == len)
		return;
	for (size_t j = 0; j < len; j++)
		a[j] = bt->a[q + j] * shock;
	wfm_intraday_level(p, f, fa, len, a, aa, k, &u);
	for (size_t j = k; j < len; j++) {
		double y = f[j] * u.factor;
		if (isnan(a[j]) || isnan(f[j]))
			continue;
		cell->act += a[j];
		cell->err_before += fabs(f[j] - a[j]);
		cell->err_after += fabs(y - a[j]);
		rest_f += f[j];
		rest_u += y;
		rest_a += a[j];
		if (!isnan(aa[j]) && !isnan(fa[j]) && a[j] > 0) {
			cell->aht_w += a[j] * aa[j];
			cell->aht_before += a[j] * fabs(fa[j] - aa[j]);
			cell->aht_after += a[j] * fabs(fa[j] * u.aht_factor - aa[j]);
		}
	}
	cell->gap_before += fabs(rest_f - rest_a);
	cell->gap_after += fabs(rest_u - rest_a);
	cell->days++;
}

void wfm_intraday_bt_score(const wfm_intraday_bt *bt, const struct wfm_intraday_params *p,
			   double shock, const int *now_min, int nnow,
			   struct wfm_intraday_bt_cell *cell)
{
	size_t maxlen = 0;

	for (size_t d = 0; d < bt->ndays; d++)
		if (bt->len[d] > maxlen)
			maxlen = bt->len[d];
	double *a = malloc((maxlen + 1) * sizeof(double));
	memset(cell, 0, bt->nchan * (size_t)nnow * sizeof(*cell));
	if (!a)
		return;
	for (size_t c = 0; c < bt->nchan; c++)
		for (int k = 0; k < nnow; k++)
			for (size_t d = 0; d < bt->ndays; d++)
				score_one(bt, p, shock, c, d, now_min[k], a, &cell[c * (size_t)nnow + (size_t)k]);
	free(a);
}

/* Error of a candidate on the replays with whole-day shocks x1.4 and x0.7
 * (aht: on the replay without shock); *worse when it is worse than the
 * unchanged forecast by more than 1% at some channel and now without shock. */
static void judge(const wfm_intraday_bt *bt, const struct wfm_intraday_params *t,
		  const int *now_min, int nnow, struct wfm_intraday_bt_cell *cell,
		  double err[2], int worse[2])
{
	static const double shock[] = { 1.4, 0.7 };
	size_t m = bt->nchan * (size_t)nnow;

	wfm_intraday_bt_score(bt, t, 1, now_min, nnow, cell);
	worse[0] = worse[1] = 0;
	err[0] = err[1] = 0;
	for (size_t i = 0; i < m; i++) {
		worse[0] |= cell[i].err_after > 1.01 * cell[i].err_before + 1e-9;
		worse[1] |= cell[i].aht_after > 1.01 * cell[i].aht_before + 1e-9;
		err[1] += cell[i].aht_after;
	}
	for (int k = 0; k < 2; k++) {
		wfm_intraday_bt_score(bt, t, shock[k], now_min, nnow, cell);
		for (size_t i = 0; i < m; i++)
			err[0] += cell[i].err_after / (cell[i].act > 0 ? cell[i].act : 1);
	}
}

void wfm_intraday_bt_tune(const wfm_intraday_bt *bt, struct wfm_intraday_params *p,
			  const int *now_min, int nnow)
{
	static const double day[] = { 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5 };
	static const double shape[] = { 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1 };
	struct wfm_intraday_bt_cell *cell = malloc((bt->nchan * (size_t)nnow + 1) * sizeof(*cell));
	double best[2] = { INFINITY, INFINITY };
	int best_ok[2] = { 0, 0 };
	struct wfm_intraday_params t = *p, out = *p;

	if (!cell)
		return;
	for (size_t i = 0; i < sizeof(day) / sizeof(day[0]); i++)
		for (size_t j = 0; j < sizeof(shape) / sizeof(shape[0]); j++) {
			double e[2];
			int worse[2];
			t.day_sd = t.aht_day_sd = day[i];
			t.shape_sd = t.aht_shape_sd = shape[j];
			judge(bt, &t, now_min, nnow, cell, e, worse);
			for (int k = 0; k < 2; k++) {
				if (worse[k] ? best_ok[k] || e[k] >= best[k] : best_ok[k] && e[k] >= best[k])
					continue;
				best[k] = e[k];
				best_ok[k] = !worse[k];
				*(k ? &out.aht_day_sd : &out.day_sd) = day[i];
				*(k ? &out.aht_shape_sd : &out.shape_sd) = shape[j];
			}
		}
	*p = out;
	free(cell);
}

static double pct(double a, double b) { return b > 0 ? 100 * a / b : NAN; }

static void table_row(FILE *fp, const char *chan, int min, const struct wfm_intraday_bt_cell *x)
{
	double b = pct(x->err_before, x->act), a = pct(x->err_after, x->act);

	fprintf(fp, "%-14s %02d:%02d %5ld %7.2f %7.2f %+8.2f %7.1f %7.2f %7.2f\n", chan, min / 60,
		min % 60, x->days, b, a, b > 0 ? 100 * (a - b) / b : 0,
		x->gap_before > 0 ? 100 * (1 - x->gap_after / x->gap_before) : 0,
		pct(x->aht_before, x->aht_w), pct(x->aht_after, x->aht_w));
}

void wfm_intraday_bt_table(FILE *fp, const char *const *chan, size_t nchan, const int *now_min,
			   int nnow, const struct wfm_intraday_bt_cell *cell)
{
	fprintf(fp, "%-14s %5s %5s %7s %7s %8s %7s %7s %7s\n", "channel", "now", "days", "WAPE%",
		"after%", "change%", "gap%", "AHT%", "after%");
	for (size_t c = 0; c < nchan; c++)
		for (int k = 0; k < nnow; k++)
			table_row(fp, chan[c], now_min[k], &cell[c * (size_t)nnow + (size_t)k]);
	for (int k = 0; k < nnow; k++) {
		struct wfm_intraday_bt_cell t = { 0 };
		for (size_t c = 0; c < nchan; c++) {
			const struct wfm_intraday_bt_cell *x = &cell[c * (size_t)nnow + (size_t)k];
			t.act += x->act;
			t.err_before += x->err_before;
			t.err_after += x->err_after;
			t.gap_before += x->gap_before;
			t.gap_after += x->gap_after;
			t.aht_w += x->aht_w;
			t.aht_before += x->aht_before;
			t.aht_after += x->aht_after;
			t.days += x->days;
		}
		table_row(fp, "all", now_min[k], &t);
	}
}

void wfm_intraday_bt_report(FILE *fp, const wfm_intraday_bt *bt, const struct wfm_intraday_params *p,
			    const char *model, double shock, int chosen, const char *const *chan,
			    size_t nchan, const int *now_min, int nnow, const struct wfm_intraday_bt_cell *cell)
{
	char a[16], b[16];

	wfm_time_format_date(bt->first_day, a, sizeof(a));
	wfm_time_format_date(bt->first_day + (int64_t)bt->ndays - 1, b, sizeof(b));
	fprintf(fp, "intraday backtest: %zu days %s .. %s, %s forecast made the day before, "
		"actuals x%.2f\n", bt->ndays, a, b, model, shock);
	fprintf(fp, "update: --day-sd %g --shape-sd %g --aht-day-sd %g --aht-shape-sd %g (%s)\n",
		p->day_sd, p->shape_sd, p->aht_day_sd, p->aht_shape_sd,
		chosen ? "chosen by this backtest: least error with x1.4 and x0.7 shocks, "
		"nowhere over 1% worse without" : "as given");
	wfm_intraday_bt_table(fp, chan, nchan, now_min, nnow, cell);
}
