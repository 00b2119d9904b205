/* fuzz_numeric.c - the programs' numeric paths on extreme finite numbers
 * (issue 22): not the CSV syntax (fuzz_csv and the loader harnesses do
 * that) but what the solvers, the forecaster and the outbound planner do
 * with values at the edges of what the loaders accept.
 *
 * The first input byte picks a pipeline, every following byte picks the
 * value of the next numeric field of a fixed, valid template from
 * extreme[] (0, subnormals, 1e-300, the loaders' maxima and just past
 * them, 1e308, DBL_MAX, 2^53, ...):
 *   0  requirements (agents_gross, 24 hourly cells) into wfm_shiftplan_solve
 *      with a 0.3 s time limit, as wfm shifts;
 *   1  history (3 weeks of hourly volume and AHT) into every model's
 *      wfm_model_forecast and wfm_aht_forecast over 2 days, as wfm forecast;
 *   2  campaigns (records of 3 regions) into wfm_outbound_min_agents and a
 *      whole plan run, as wfm outbound.
 * WFM_FUZZ_PIPELINE=0|1|2 in the environment pins the pipeline (the first
 * byte is then still consumed), so that each gets its own timed run.
 * Properties: a loader refuses with one line naming the file, or the run
 * ends within twice its time limit (plus 2 s for model building under
 * ASan) of CPU time with only finite, non-negative counts, forecasts,
 * AHTs, dials and agents.  No crash, no sanitizer report (address, undefined,
 * float-cast-overflow), no leak.
 */
#include "loader.h"
#include "model.h"
#include "outbound.h"
#include "shiftplan.h"
#include "shiftrules.h"
#include "series.h"
#include "timeutil.h"
#include "tz.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

static const double extreme[] = {
	0, -0.0, 1, 0.5, 5e-324, 2.2250738585072014e-308, 1e-300, 1e-9, 0.004999,
	3, 17.25, 250, 999999, 1e6, 1e6 + 1, 1000001, 86399.99, 86400, 86401,
	999999999, 1e9, 1e9 + 1, 9007199254740992.0, 1e12, 1e15, 1e20, 1e300,
	1e308, DBL_MAX, 123456.789, 42, 7,
};
#define NX (sizeof(extreme) / sizeof(extreme[0]))

struct src { const uint8_t *p; size_t n, i; };

static double next(struct src *s)
{
	return extreme[s->i < s->n ? s->p[s->i++] % NX : 9];
}

static const char *write_tmp(const char *name, const char *text)
{
	return fuzz_file(name, (const uint8_t *)text, strlen(text));
}

/* CPU seconds since *t0 (CLOCK_PROCESS_CPUTIME_ID): a hang is work, and
 * on a loaded machine wall time says little about it (two cores shared by
 * ten processes stretched a 0.7 s run to 4.5 s); libFuzzer's -timeout
 * bounds wall time. */
static void start(struct timespec *t0)
{
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, t0);
}

static double since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static int ok_num(double v)
{
	return isfinite(v) && v >= 0;
}

static void shifts(struct src *s, const wfm_tz *tz, const wfm_shiftrules *rules)
{
	char *buf = malloc(8192);
	size_t len = 0;
	wfm_error err = { 0 };
	const char *path;
	wfm_shiftreq *req;
	wfm_shiftplan *plan;
	struct wfm_shiftplan_opts o = { 0 };
	struct timespec t0;

	if (!buf)
		abort();
	len += (size_t)snprintf(buf + len, 8192 - len,
				"timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy\n");
	for (int h = 0; h < 24; h++)
		len += (size_t)snprintf(buf + len, 8192 - len, "2026-11-23T%02d:00,calls,0,0,0,%.17g,1,0,0\n",
					h, next(s));
	path = write_tmp("numeric", buf);
	free(buf);
	if (!(req = wfm_shiftreq_load(path, tz, &err))) {
		FUZZ_ASSERT_FAILED(&err, path);
		return;
	}
	o.time_limit = 0.3;
	o.gap = 0.01;
	start(&t0);
	plan = wfm_shiftplan_solve(req, rules, tz, &o, &err);
	FUZZ_ASSERT(since(&t0) < 2 * o.time_limit + 2);
	if (plan) {
		for (size_t k = 0; k < plan->nrows; k++)
			FUZZ_ASSERT(plan->row[k].count >= 0);
		for (size_t i = 0; i < plan->ncells; i++)
			FUZZ_ASSERT(plan->scheduled[i] >= 0 && ok_num(plan->required[i]));
		FUZZ_ASSERT(ok_num(plan->paid_hours));
		wfm_shiftplan_free(plan);
	} else
		FUZZ_ASSERT_ONE_LINE(&err);
	wfm_shiftreq_free(req);
}

static void forecast(struct src *s, const wfm_tz *tz)
{
	enum { DAYS = 21, H = 48 };
	char *buf = malloc(DAYS * 24 * 64 + 64);
	size_t len = 0, n, per;
	wfm_error err = { 0 };
	const char *path;
	wfm_series *sr;
	wfm_calendar *cal;
	double *out;

	if (!buf)
		abort();
	len += (size_t)sprintf(buf, "timestamp,channel,volume,aht_s\n");
	for (int d = 0; d < DAYS; d++)
		for (int h = 0; h < 24; h++) {
			double v = next(s), a = next(s);
			len += (size_t)sprintf(buf + len, "2026-11-%02dT%02d:00,calls,%.17g,%.17g\n",
					       2 + d, h, v, a);
		}
	path = write_tmp("numeric", buf);
	free(buf);
	if (!(sr = wfm_series_load(path, tz, &err))) {
		FUZZ_ASSERT_FAILED(&err, path);
		return;
	}
	n = sr->n;
	per = (size_t)(86400 / sr->step);
	if (!(cal = wfm_calendar_alloc(sr->start, sr->step, n + H, tz, &err)) ||
	    !(out = malloc(H * sizeof(double))))
		abort();
	for (int kind = 0; kind < WFM_MODEL_COUNT; kind++) {
		struct wfm_model_opts mo = { 0 };
		int k = wfm_model_usable(kind, n, (int)per);
		if (k < 0)
			continue;
		if (wfm_model_forecast(k, sr->volume, n, H, cal, &mo, out, &err) == 0)
			for (int i = 0; i < H; i++)
				FUZZ_ASSERT(isfinite(out[i]));
		else
			FUZZ_ASSERT_ONE_LINE(&err);
	}
	if (wfm_aht_forecast(sr->aht, sr->volume, n, H, cal, NULL, out, &err) == 0)
		for (int i = 0; i < H; i++)
			FUZZ_ASSERT(ok_num(out[i]));
	free(out);
	wfm_calendar_free(cal);
	wfm_series_free(sr);
}

static void outbound(struct src *s, const wfm_tz *tz, int64_t now)
{
	static const char *const region[3][2] = {
		{ "Moscow", "Europe/Moscow" }, { "Vladivostok", "Asia/Vladivostok" },
		{ "NewYork", "America/New_York" } };
	char buf[1024];
	size_t len = 0;
	wfm_error err = { 0 };
	const char *path;
	wfm_outbound *ob;
	struct wfm_ob_params p = { 0 };
	struct wfm_ob_jobsum *u;
	double need = 0;
	struct timespec t0;

	len += (size_t)snprintf(buf, sizeof(buf),
				"campaign,region,tz,records,deadline,window_start,window_end,priority\n");
	for (int r = 0; r < 3; r++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
					"c,%s,%s,%.17g,2026-11-24T18:00,09:00,21:00,1\n",
					region[r][0], region[r][1], next(s));
	path = write_tmp("numeric", buf);
	if (!(ob = wfm_outbound_load(path, now, tz, &err))) {
		FUZZ_ASSERT_FAILED(&err, path);
		return;
	}
	p = (struct wfm_ob_params){ .start = now, .step = 900, .nint = 2 * 96, .attempts = 3, .retry_gap = 7200,
				    .talk = 120, .wrap = 30, .ring = 20, .preview = 20, .abandon = 0.03,
				    .mode = s->i < s->n ? (enum wfm_ob_mode)(s->p[s->i++] % 3) : WFM_OB_PROGRESSIVE };
	if (!(u = malloc(ob->njobs * sizeof(*u))))
		abort();
	start(&t0);
	if (wfm_outbound_min_agents(ob, &p, &need, u, &err) == 0) {
		wfm_ob_run *run;
		const struct wfm_ob_row *rows;
		size_t nr;
		int64_t t;
		FUZZ_ASSERT(ok_num(need));
		if (!(run = wfm_outbound_run_alloc(ob, &p, NULL, &err)))
			abort();
		while (wfm_outbound_run_step(run, &t, &rows, &nr))
			for (size_t k = 0; k < nr; k++)
				FUZZ_ASSERT(ok_num(rows[k].dials) && ok_num(rows[k].connects) &&
					    ok_num(rows[k].agents));
		wfm_outbound_run_free(run);
	} else
		FUZZ_ASSERT_ONE_LINE(&err);
	FUZZ_ASSERT(since(&t0) < 8);
	free(u);
	wfm_outbound_free(ob);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wfm_tz *tz;
	static wfm_shiftrules *rules;
	static int64_t now;
	static int pin = -1;
	wfm_error err = { 0 };
	struct src s = { data, size, 1 };

	if (!tz) {
		const char *rp = write_tmp("numeric-rules",
			"name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\n"
			"day,4|8,07:00,15:00,60,6,30,all\n");
		if (!(tz = wfm_tz_open("Europe/Moscow", &err)) || !(rules = wfm_shiftrules_load(rp, &err)) ||
		    wfm_time_parse("2026-11-23T00:00", tz, 0, &now, &err) < 0)
			abort();
		if (getenv("WFM_FUZZ_PIPELINE"))
			pin = atoi(getenv("WFM_FUZZ_PIPELINE")) % 3;
	}
	if (!size)
		return 0;
	switch (pin >= 0 ? pin : data[0] % 3) {
	case 0: shifts(&s, tz, rules); break;
	case 1: forecast(&s, tz); break;
	default: outbound(&s, tz, now); break;
	}
	return 0;
}
