/* test_forecast.c - forecast models, accuracy metrics and backtest on
 * synthetic series whose answers are known in closed form. */
#include "accuracy.h"
#include "backtest.h"
#include "events.h"
#include "model.h"
#include "timeutil.h"
#include "check.h"

#include <math.h>
#include <stdlib.h>

static void test_accuracy(void)
{
	/* y = 10 20 0 30, f = 12 15 0 30: errors -2 5 0 0.
	 * WAPE = 7/60; bias = (2 - 5)/60 = -0.05; sMAPE = (4/22 + 10/35 + 0 + 0)/4;
	 * RMSE = sqrt(29/4); MASE with training 1 3 6 2 at lag 1: scale =
	 * (2+3+4)/3 = 3, MASE = (7/4)/3. */
	double y[] = { 10, 20, 0, 30 }, f[] = { 12, 15, 0, 30 }, tr[] = { 1, 3, 6, 2 };
	struct wfm_accuracy a;
	double scale = wfm_accuracy_scale(tr, 4, 1);

	CHECK_NEAR(scale, 3, 1e-12, "MASE scale");
	wfm_accuracy_compute(y, f, 4, scale, &a);
	CHECK_NEAR(a.wape, 7.0 / 60, 1e-12, "WAPE");
	CHECK_NEAR(a.bias, -0.05, 1e-12, "bias");
	CHECK_NEAR(a.smape, (4.0 / 22 + 10.0 / 35) / 4, 1e-12, "sMAPE");
	CHECK_NEAR(a.rmse, sqrt(29.0 / 4), 1e-12, "RMSE");
	CHECK_NEAR(a.mase, 7.0 / 4 / 3, 1e-12, "MASE");
	CHECK(a.n == 4, "pairs %zu", a.n);
	/* a NAN actual is skipped */
	y[1] = NAN;
	wfm_accuracy_compute(y, f, 4, scale, &a);
	CHECK_NEAR(a.wape, 2.0 / 40, 1e-12, "WAPE without the NAN pair");
}

/* Hourly calendar from Monday 2025-01-06 00:00 UTC. */
static wfm_calendar *hourly(size_t n)
{
	wfm_error err;
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	int64_t start = wfm_time_days_from_civil(2025, 1, 6) * 86400;
	wfm_calendar *cal = wfm_calendar_alloc(start, 3600, n, tz, &err);
	wfm_tz_free(tz);
	return cal;
}

/* level 50 + daily shape + weekday offset: exactly double-seasonal */
static double seasonal(size_t t)
{
	size_t hh = t % 24, wd = t / 24 % 7;
	return 50 + 20 * sin(2 * M_PI * (double)hh / 24) + 5.0 * (double)wd + (hh == 3 ? -49 : 0);
}

static void test_seasonal_exact(void)
{
	size_t n = 24 * 7 * 6, h = 24 * 14;
	wfm_calendar *cal = hourly(n + h);
	double *y = malloc(n * sizeof(double)), *f = malloc(h * sizeof(double));
	struct wfm_model_opts o = { 0 };
	struct wfm_hw_params par;
	wfm_error err;
	double maxe = 0;

	for (size_t t = 0; t < n; t++)
		y[t] = seasonal(t);
	CHECK(!wfm_model_forecast(WFM_MODEL_SNAIVE, y, n, h, cal, &o, f, &err), "snaive");
	for (size_t k = 0; k < h; k++)
		maxe = fmax(maxe, fabs(f[k] - seasonal(n + k)));
	CHECK_NEAR(maxe, 0, 1e-12, "snaive forecasts a pure weekly series exactly");
	/* HW: the first week initialises level + daily + weekly exactly, so
	 * every one-step error is 0 whatever the parameters */
	maxe = 0;
	CHECK(!wfm_hw_forecast(y, n, h, 24, 168, 0, 1, 0, f, &par, &err), "hw additive");
	for (size_t k = 0; k < h; k++)
		maxe = fmax(maxe, fabs(f[k] - seasonal(n + k)));
	CHECK_NEAR(maxe, 0, 1e-9, "HW additive forecasts a pure double-seasonal series exactly");
	CHECK_NEAR(par.sse, 0, 1e-12, "HW one-step SSE");
	maxe = 0;
	CHECK(!wfm_hw_forecast(y, n, h, 24, 168, 1, 0, 0, f, &par, &err), "hw multiplicative");
	for (size_t k = 0; k < h; k++)
		maxe = fmax(maxe, fabs(f[k] - seasonal(n + k)) / seasonal(n + k));
	CHECK(maxe < 0.02, "HW multiplicative within 2%% on an additive series: %g", maxe);
	/* HW recovers a level shift: after 4 weeks the series jumps by +30;
	 * alpha should be large enough to track it to within 1 */
	for (size_t t = 4 * 168; t < n; t++)
		y[t] += 30;
	CHECK(!wfm_hw_forecast(y, n, h, 24, 168, 0, 0, 0, f, &par, &err), "hw shift");
	CHECK_NEAR(f[0], seasonal(n) + 30, 1, "HW tracks a level shift");
	free(y);
	free(f);
	wfm_calendar_free(cal);
}

static void test_closed_and_impute(void)
{
	size_t n = 24 * 7 * 6, h = 48;
	wfm_calendar *cal = hourly(n + h);
	double *y = malloc(n * sizeof(double)), f[48];
	unsigned char closed[168];
	struct wfm_model_opts o = { 0 };
	wfm_error err;
	int zero = 1;

	/* hours 01-06 closed; noise elsewhere */
	for (size_t t = 0; t < n; t++) {
		size_t hh = t % 24;
		y[t] = hh >= 1 && hh <= 6 ? 0 : 30 + (double)((t * 7919) % 13);
	}
	y[100] = NAN;
	y[100 + 168] = NAN;
	CHECK(wfm_model_impute(y, n, 168) == 2, "two imputed");
	CHECK_NEAR(y[100], y[100 + 2 * 168], 1e-12, "imputed from two weeks later");
	CHECK_NEAR(y[100 + 168], y[100], 1e-12, "imputed from the week before");
	wfm_model_closed(y, n, cal, 8, closed);
	CHECK(closed[2] && closed[6 * 24 + 6] && !closed[0] && !closed[7], "closed hours found");
	o.closed = closed;
	for (int k = WFM_MODEL_SNAIVE; k < WFM_MODEL_COUNT; k++) {
		CHECK(!wfm_model_forecast(k, y, n, h, cal, &o, f, &err), "%s: %s", wfm_model_name(k), err.msg);
		for (size_t j = 0; j < h; j++)
			if (((n + j) % 24 >= 1 && (n + j) % 24 <= 6) && f[j] != 0)
				zero = 0;
	}
	CHECK(zero, "closed hours forecast exactly 0 by every model");
	CHECK(wfm_model_usable(WFM_MODEL_HW, 24 * 10, 24) == WFM_MODEL_SNAIVE, "hw falls back under 2 weeks");
	CHECK(wfm_model_usable(WFM_MODEL_REGRESSION, 24 * 20, 24) == WFM_MODEL_SNAIVE, "regression falls back under 4 weeks");
	CHECK(wfm_model_usable(WFM_MODEL_SNAIVE, 24 * 6, 24) == -1, "nothing under 1 week");
	free(y);
	wfm_calendar_free(cal);
}

static void test_regression(void)
{
	/* 560 days hourly from 2025-01-06: daily total 20000 * 1.25^years *
	 * weekday factor, x1.8 on each "Sale" date and x1.2 the day before
	 * (events fixture), split over the day by a fixed shape; no noise.
	 * The log model must recover log 1.25 per year and log 1.8, log 1.2
	 * (up to the +1 in log(Y + 1): under 1e-4 here). */
	size_t days = 560, n = days * 24, h = 24 * 7;
	wfm_calendar *cal = hourly(n + h);
	double *y = malloc(n * sizeof(double)), *f = malloc(h * sizeof(double));
	double wk[7] = { 1.1, 1.0, 1.0, 0.95, 0.9, 0.6, 0.5 }, shape[24], ssum = 0;
	wfm_error err;
	wfm_events *ev = wfm_events_load("tests/fixtures/forecast/events.csv", &err);
	wfm_regression *m;
	int64_t d0;

	CHECK(ev != NULL, "events load: %s", ev ? "" : err.msg);
	if (!ev)
		return;
	CHECK(ev->n == 4 && ev->nnames == 1, "4 events of one name");
	d0 = cal->day[0];
	for (int k = 0; k < 24; k++)
		ssum += shape[k] = 1 + (k >= 8 && k < 20 ? 3 + sin(k) : 0);
	for (size_t t = 0; t < n + h; t++) {
		int64_t day = cal->day[t];
		unsigned char fl[3];
		double tot = 20000 * pow(1.25, (double)(day - d0) / 365.25) * wk[cal->wday[t]];
		wfm_events_roles(ev, day, fl);
		tot *= (fl[WFM_EV_ON] ? 1.8 : 1) * (fl[WFM_EV_BEFORE] ? 1.2 : 1);
		if (t < n)
			y[t] = tot * shape[t % 24] / ssum;
	}
	m = wfm_regression_fit(y, n, cal, ev, 0, NULL, &err);
	CHECK(m != NULL, "regression fit: %s", m ? "" : err.msg);
	if (m) {
		CHECK_NEAR(wfm_regression_trend(m), log(1.25), 1e-3, "trend: log growth per year");
		CHECK_NEAR(wfm_regression_event_coef(m, 0, WFM_EV_ON), log(1.8), 1e-3, "event effect on the day");
		CHECK_NEAR(wfm_regression_event_coef(m, 0, WFM_EV_BEFORE), log(1.2), 1e-3, "event effect the day before");
		/* the forecast of the next week: pure shape x trend x weekday */
		wfm_regression_predict(m, cal, n, h, f);
		{
			double maxr = 0;
			for (size_t k = 0; k < h; k++) {
				int64_t day = cal->day[n + k];
				double tru = 20000 * pow(1.25, (double)(day - d0) / 365.25) *
					wk[cal->wday[n + k]] * shape[(n + k) % 24] / ssum;
				maxr = fmax(maxr, fabs(f[k] / tru - 1));
			}
			CHECK(maxr < 2e-3, "regression forecast within 0.2%%: %g", maxr);
		}
		wfm_regression_free(m);
	}
	/* an outlier day (x5) does not move the robust fit */
	for (size_t t = 300 * 24; t < 301 * 24; t++)
		y[t] *= 5;
	m = wfm_regression_fit(y, n, cal, ev, 0, NULL, &err);
	CHECK(m && fabs(wfm_regression_trend(m) - log(1.25)) < 1e-3, "robust to an outlier day");
	wfm_regression_free(m);
	wfm_events_free(ev);
	free(y);
	free(f);
	wfm_calendar_free(cal);
}

static void test_backtest(void)
{
	/* daily series (one interval a day), 4 weeks:
	 * week1 10..16, week2 10..16, week3 12..18, week4 13..19.
	 * 1-week backtest: snaive forecasts week4 = week3, every error -1:
	 * WAPE = 7/112, bias = -7/112; MASE scale over weeks 1-3 at lag 7 =
	 * (7 x 0 + 7 x 2)/14 = 1, so MASE = 1. */
	wfm_error err;
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	wfm_calendar *cal = wfm_calendar_alloc(wfm_time_days_from_civil(2025, 1, 6) * 86400,
					       86400, 28, tz, &err);
	double y[28];
	struct wfm_model_opts o = { 0 };
	struct wfm_backtest bt;
	int base[4] = { 10, 10, 12, 13 };

	for (int t = 0; t < 28; t++)
		y[t] = base[t / 7] + t % 7;
	CHECK(!wfm_backtest_run(y, NULL, 28, cal, 1, 0, 1u << WFM_MODEL_SNAIVE, 0, &o,
				WFM_METRIC_WAPE, 0.8, &bt, &err), "backtest: %s", err.msg);
	CHECK(bt.ran[WFM_MODEL_SNAIVE] && bt.chosen == WFM_MODEL_SNAIVE, "snaive ran and chosen");
	CHECK_NEAR(bt.acc[0].wape, 7.0 / 112, 1e-12, "backtest WAPE");
	CHECK_NEAR(bt.acc[0].bias, -7.0 / 112, 1e-12, "backtest bias");
	CHECK_NEAR(bt.acc[0].mase, 1, 1e-12, "backtest MASE");
	CHECK_NEAR(bt.acc[0].rmse, 1, 1e-12, "backtest RMSE");
	CHECK(wfm_backtest_run(y, NULL, 28, cal, 3, 0, 1, 0, &o, WFM_METRIC_WAPE, 0.8, &bt, &err) == -1,
	      "3-week backtest on 4 weeks refused");
	wfm_calendar_free(cal);
	wfm_tz_free(tz);
}

/* Daily calendar (one interval a day) from Monday 2025-01-06. */
static wfm_calendar *daily(size_t n)
{
	wfm_error err;
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	wfm_calendar *cal = wfm_calendar_alloc(wfm_time_days_from_civil(2025, 1, 6) * 86400,
					       86400, n, tz, &err);
	wfm_tz_free(tz);
	return cal;
}

static void test_slotavg(void)
{
	/* 6 identical weeks hourly: every variant and k forecasts the week
	 * exactly.  Then Tuesday of the last week x10: flagged in skip, it is
	 * passed over and next Tuesday is the clean value again. */
	size_t n = 24 * 7 * 6, h = 24 * 7;
	wfm_calendar *cal = hourly(n + h);
	double *y = malloc(n * sizeof(double)), *f = malloc(h * sizeof(double)), err_max = 0;
	unsigned char *skip = calloc(n, 1);
	wfm_error err;

	for (size_t t = 0; t < n; t++)
		y[t] = 20 + (double)(t % 168) / 4;
	CHECK(!wfm_slotavg_forecast(y, n, h, cal, NULL, f, &err), "slotavg: %s", err.msg);
	for (size_t k = 0; k < h; k++)
		err_max = fmax(err_max, fabs(f[k] - (20 + (double)k / 4)));
	CHECK_NEAR(err_max, 0, 1e-12, "identical weeks forecast exactly");
	for (size_t t = n - 6 * 24; t < n - 5 * 24; t++) {
		y[t] *= 10;
		skip[t] = WFM_SKIP_OUTLIER;
	}
	CHECK(!wfm_slotavg_forecast(y, n, h, cal, skip, f, &err), "slotavg: %s", err.msg);
	CHECK_NEAR(f[24 + 10], 20 + (24 + 10) / 4.0, 1e-12, "a skipped day is passed over");
	free(y);
	free(f);
	free(skip);
	wfm_calendar_free(cal);
}

static void test_decomp(void)
{
	/* y = 1000 x weekday factor x share(slot): constant level, so the
	 * smoothed level is 1000 whatever alpha and the forecast is exact. */
	static const double wf[7] = { 1.2, 1.1, 1.0, 1.0, 0.9, 0.5, 0 };
	size_t n = 24 * 7 * 10, h = 24 * 7;
	wfm_calendar *cal = hourly(n + h);
	double *y = malloc(n * sizeof(double)), *f = malloc(h * sizeof(double)), m = 0, err_max = 0;
	wfm_error err;

	for (int j = 0; j < 7; j++)
		m += wf[j] / 7;
	for (size_t t = 0; t < n + h; t++) {
		size_t hh = t % 24;
		double share = (double)(hh + 1) / 300.0, v = 1000 * wf[t / 24 % 7] / m * share;
		if (t < n)
			y[t] = v;
		else
			f[t - n] = -v;     /* expected, negated */
	}
	{
		double *g = malloc(h * sizeof(double));
		CHECK(!wfm_decomp_forecast(y, n, h, cal, NULL, g, &err), "decomp: %s", err.msg);
		for (size_t k = 0; k < h; k++)
			err_max = fmax(err_max, fabs(g[k] + f[k]));
		free(g);
	}
	CHECK_NEAR(err_max, 0, 1e-9, "decomp exact on a level x weekday x share series");
	free(y);
	free(f);
	wfm_calendar_free(cal);
}

static void test_screen(void)
{
	/* 8 weeks hourly, Sundays closed (0), weekdays 100 an hour with a
	 * small weekly wobble: Wednesday of week 3 set to 0 is a zero day,
	 * Thursday of week 5 x3 an outlier, Friday of week 6 x3 inside an
	 * event's window is not; closed Sundays are not flagged. */
	size_t n = 24 * 7 * 8, zero, out;
	wfm_calendar *cal = hourly(n);
	double *y = malloc(n * sizeof(double));
	unsigned char *skip = malloc(n);
	wfm_events ev = { 0 };
	struct wfm_event e = { .day = wfm_time_days_from_civil(2025, 1, 6) + 7 * 6 + 4, .uplift = NAN };
	char *name = "Sale";

	ev.n = 1;
	ev.ev = &e;
	ev.nnames = 1;
	ev.names = &name;
	for (size_t t = 0; t < n; t++)
		y[t] = t / 24 % 7 == 6 ? 0 : 100 + (double)(t / 24 % 5) + (double)(t / 168 % 3);
	for (size_t t = 0; t < 24; t++) {
		y[(7 * 3 + 2) * 24 + t] = 0;
		y[(7 * 5 + 3) * 24 + t] *= 3;
		y[(7 * 6 + 4) * 24 + t] *= 3;
	}
	wfm_model_screen(y, n, cal, &ev, skip, &zero, &out);
	CHECK(zero == 1 && skip[(7 * 3 + 2) * 24 + 5] == WFM_SKIP_ZERO, "zero day found (%zu)", zero);
	CHECK(out == 1 && skip[(7 * 5 + 3) * 24] == WFM_SKIP_OUTLIER, "outlier day found (%zu)", out);
	CHECK(!skip[(7 * 6 + 4) * 24] && !skip[6 * 24], "event day and closed Sunday not flagged");
	free(y);
	free(skip);
	wfm_calendar_free(cal);
}

static void test_combination(void)
{
	/* daily series, week w = 10 + w every day, 6 weeks; 2 origins (weeks
	 * 4 and 5), 1-week folds.  snaive misses by 1 a day; slotavg's inner
	 * backtest picks the mean of 2 weeks (misses by 1.5); their mean
	 * misses by 1.25.  Sum of actuals 7 x 14 + 7 x 15 = 203. */
	wfm_calendar *cal = daily(42);
	double y[42];
	struct wfm_model_opts o = { 0 };
	struct wfm_backtest bt;
	wfm_error err;
	unsigned two = (1u << WFM_MODEL_SNAIVE) | (1u << WFM_MODEL_SLOTAVG);

	for (int t = 0; t < 42; t++)
		y[t] = 10 + t / 7;
	CHECK(!wfm_backtest_run(y, NULL, 42, cal, 2, 7, two, 1, &o, WFM_METRIC_WAPE, 0.8, &bt, &err),
	      "backtest: %s", err.msg);
	CHECK_NEAR(bt.acc[WFM_MODEL_SNAIVE].wape, 14 / 203.0, 1e-12, "snaive WAPE");
	CHECK_NEAR(bt.acc[WFM_MODEL_SLOTAVG].wape, 21 / 203.0, 1e-12, "slotavg WAPE");
	CHECK(bt.mask[WFM_MODEL_COUNT] == two, "best-2 combination of both");
	CHECK_NEAR(bt.acc[WFM_MODEL_COUNT].wape, 17.5 / 203.0, 1e-12, "combination WAPE");
	CHECK(!bt.ran[WFM_MODEL_COUNT + 1], "no best-3 of two models");
	CHECK(bt.chosen == WFM_MODEL_SNAIVE, "the better single model chosen");
	wfm_calendar_free(cal);
}

int main(void)
{
	test_accuracy();
	test_seasonal_exact();
	test_closed_and_impute();
	test_regression();
	test_backtest();
	test_slotavg();
	test_decomp();
	test_screen();
	test_combination();
	return check_done("test_forecast");
}
