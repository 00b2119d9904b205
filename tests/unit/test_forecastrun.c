/* test_forecastrun.c - wfm-forecast's per-channel policy (lib/forecastrun.c):
 * the backtest window, auto's fallback to regression and then snaive on a
 * short history, the Poisson bands without a backtest, and the weekly
 * totals of the writer; expected values worked by hand below. */
#include "forecastrun.h"
#include "timeutil.h"
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void test_backtest_weeks(void)
{
	/* daily intervals: week = 7, folds H = 7.  room = (n - H - 14) / 7 + 1 */
	struct wfm_fcrun_opts o = { .model = WFM_MODEL_AUTO };

	CHECK(wfm_fcrun_backtest_weeks(&o, 140, 7, 7) == 8, "auto: 8 weeks when 18 fit");
	o.model = WFM_MODEL_SNAIVE;
	CHECK(wfm_fcrun_backtest_weeks(&o, 140, 7, 7) == 4, "a named model: 4 weeks");
	CHECK(wfm_fcrun_backtest_weeks(&o, 35, 7, 7) == 3, "5 weeks of history: (35-21)/7+1 = 3");
	CHECK(wfm_fcrun_backtest_weeks(&o, 20, 7, 7) == 0, "20 days: no fold fits");
	o.backtest = 2 * 7 * 86400;
	CHECK(wfm_fcrun_backtest_weeks(&o, 20, 7, 7) == 2, "asked for: 2 weeks, as asked");
}

/* A daily series (one interval a day, UTC) from Monday 2025-01-06. */
static wfm_series *daily_series(size_t n, const double *v, wfm_calendar **cal, size_t h)
{
	wfm_error err;
	const char *names[] = { "calls" };
	int64_t start = wfm_time_days_from_civil(2025, 1, 6) * 86400;
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	wfm_series *s = wfm_series_alloc(1, names, start, 86400, n, 0, &err);

	memcpy(s->volume, v, n * sizeof(double));
	*cal = wfm_calendar_alloc(start, 86400, n + h, tz, &err);
	wfm_tz_free(tz);
	return s;
}

static void test_short_history(void)
{
	/* 20 days (under H + 2 weeks = 21): no backtest; auto -> regression,
	 * which needs 4 weeks -> snaive: the last week again, 100 + weekday.
	 * Bands: Poisson, v -+ z sqrt(v), z = 1.2815515655 (the 90 % normal
	 * quantile of a published table, level 80). */
	double v[20];
	wfm_calendar *cal;
	wfm_series *s;
	struct wfm_fcrun_opts o = { .input = "h.csv", .model = WFM_MODEL_AUTO, .level = 80 };
	struct wfm_fcrun_chan *ch = wfm_fcrun_alloc(1, 7);
	wfm_error err;

	for (int t = 0; t < 20; t++)
		v[t] = 100 + (t + 0) % 7;
	s = daily_series(20, v, &cal, 7);
	o.mo.hw_mult = 1;
	CHECK(!wfm_fcrun_channel(&o, s, 0, cal, 7, ch, &err), "forecast: %s", err.msg);
	CHECK(!ch->have_bt, "no backtest on 20 days");
	CHECK(ch->model == WFM_MODEL_SNAIVE && ch->fallback, "auto -> regression -> snaive (model %d)", ch->model);
	for (int k = 0; k < 7; k++) {
		double f = 100 + (20 + k) % 7, z = 1.2815515655;
		CHECK_NEAR(ch->vol[k], f, 1e-9, "snaive day");
		CHECK_NEAR(ch->lo[k], f - z * sqrt(f), 1e-6, "Poisson lower band");
		CHECK_NEAR(ch->hi[k], f + z * sqrt(f), 1e-6, "Poisson upper band");
		CHECK(isnan(ch->aht[k]), "no aht column: NAN");
	}
	/* a named model that needs more weeks falls back too; one that fits does not */
	o.model = WFM_MODEL_REGRESSION;
	CHECK(!wfm_fcrun_channel(&o, s, 0, cal, 7, ch, &err) && ch->fallback, "regression on 20 days");
	o.model = WFM_MODEL_SNAIVE;
	CHECK(!wfm_fcrun_channel(&o, s, 0, cal, 7, ch, &err) && !ch->fallback &&
	      ch->model == WFM_MODEL_SNAIVE, "snaive on 20 days: no fallback");
	/* under one week: refused with the file's name */
	CHECK(wfm_fcrun_channel(&o, &(wfm_series){ .nchan = 1, .channel = s->channel, .start = s->start,
			.step = 86400, .n = 6, .volume = s->volume }, 0, cal, 7, ch, &err) == -1 &&
	      strstr(err.msg, "under one week"), "6 days refused: %s", err.msg);
	wfm_fcrun_scale(ch, 1, 7, 2);
	CHECK_NEAR(ch->vol[0], 2 * (100 + 20 % 7), 1e-9, "--scale 2 doubles the volume");
	wfm_fcrun_free(ch, 1);
	wfm_calendar_free(cal);
	wfm_series_free(s);
}

static void test_weekly_totals(void)
{
	/* 7 days of history from Monday 2025-01-06, forecast 14 days of 1..14:
	 * weeks from Mon 01-13 and Mon 01-20, totals 28 and 77. */
	double v[7] = { 1, 1, 1, 1, 1, 1, 1 };
	wfm_calendar *cal;
	wfm_series *s = daily_series(7, v, &cal, 14);
	struct wfm_fcrun_chan *ch = wfm_fcrun_alloc(1, 14);
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	wfm_error err;
	wfm_tz *tz = wfm_tz_open("UTC", &err);

	for (int k = 0; k < 14; k++) {
		ch->vol[k] = k + 1;
		ch->lo[k] = k;
		ch->hi[k] = k + 2;
		ch->aht[k] = NAN;
	}
	wfm_fcrun_write(fp, 0, WFM_AGG_WEEK, s, tz, cal, 14, ch);
	fclose(fp);
	CHECK_STR(buf, "date,channel,volume,aht_s,volume_lo,volume_hi\n"
		  "2025-01-13,calls,28.00,,21.00,35.00\n"
		  "2025-01-20,calls,77.00,,70.00,84.00\n", "weekly totals");
	free(buf);
	wfm_tz_free(tz);
	wfm_fcrun_free(ch, 1);
	wfm_calendar_free(cal);
	wfm_series_free(s);
}

int main(void)
{
	test_backtest_weeks();
	test_short_history();
	test_weekly_totals();
	return check_done("test_forecastrun");
}
