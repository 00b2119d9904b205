/* test_simcover.c - lib/simcover.c: a plan's people as a simulation's
 * staffing, checked against hand counts.
 *  - rounding: x = 2.3 gives 2 or 3 agents, 3 in a share 0.3 of 20,000
 *    draws (binomial: within 4 standard errors); a whole x never varies;
 *  - a plan by groups: 2 people 09:00-17:00 with a break 12:00-12:30 on an
 *    hourly grid work 2, 2, 2, 1 (half of 12:00), 2, ...; 25% shrinkage
 *    makes that 1.5 and 0.75; a 15-minute grid gives 0 in 12:00 and 12:15;
 *  - a week's plan wraps: a Sunday 22:00-06:00 shift covers Monday 00:00;
 *  - a pooled coverage split over two channels by agents_gross (3 : 1),
 *    net of 20% shrinkage: 8 people give 4.8 and 1.6 agents; half-hour rows
 *    (8 and 12 people) averaged into an hour give 10 x 3/4 x 0.8 = 6. */
#include "check.h"
#include "simcover.h"

#include <stdio.h>
#include <stdlib.h>

static char dir[] = "/tmp/wfm-test-simcover.XXXXXX";

static const char *put(const char *name, const char *text)
{
	static char path[4][256];
	static int k;
	char *p = path[k++ % 4];
	FILE *fp;

	snprintf(p, 256, "%s/%s", dir, name);
	fp = fopen(p, "w");
	fputs(text, fp);
	fclose(fp);
	return p;
}

static void rounding(void)
{
	double x[2] = { 2.3, 5.0 };
	long out[2];
	wfm_error err;
	wfm_sim_round *r = wfm_sim_round_alloc(2, x, out, 7, &err);
	long three = 0, odd = 0;
	int n = 20000;

	CHECK(r && out[0] == 3 && out[1] == 5, "alloc sets the ceiling");
	for (int k = 0; k < n; k++) {
		wfm_sim_round_draw(r);
		three += out[0] == 3;
		odd += (out[0] != 2 && out[0] != 3) || out[1] != 5;
	}
	CHECK(odd == 0, "only the whole numbers around x");
	CHECK_NEAR((double)three / n, 0.3, 4 * sqrt(0.3 * 0.7 / n), "share of ceil(2.3)");
	wfm_sim_round_free(r);
}

static void groups(const wfm_tz *tz)
{
	const char *ch[] = { "calls", "chat" };
	wfm_error err;
	wfm_groups *gr = wfm_groups_single(ch, 2, NULL, &err);
	double shrink[2] = { 0.25, 0 }, x[2 * 24 * 4];
	size_t first, last;
	const char *plan = put("plan.csv", "date,shift,start,end,break_start,break_end,count,group\n"
			       "2026-11-23,day,09:00,17:00,12:00,12:30,2,calls\n");
	int64_t mon = 1795392000;   /* 2026-11-23T00:00Z */

	CHECK(wfm_simcover_groups(plan, tz, mon, 3600, 24, gr, shrink, x, &first, &last, &err) == 0,
	      "hourly: %s", err.msg);
	CHECK(first == 0 && last == 23, "the plan's day: %zu..%zu", first, last);
	CHECK_NEAR(x[8], 0, 1e-12, "08:00");
	CHECK_NEAR(x[9], 1.5, 1e-12, "09:00: 2 x 0.75");
	CHECK_NEAR(x[12], 0.75, 1e-12, "12:00: half the hour on break");
	CHECK_NEAR(x[16], 1.5, 1e-12, "16:00");
	CHECK_NEAR(x[17], 0, 1e-12, "17:00");
	CHECK_NEAR(x[24 + 9], 0, 1e-12, "chat: nobody");
	CHECK(wfm_simcover_groups(plan, tz, mon, 900, 96, gr, shrink, x, &first, &last, &err) == 0,
	      "15 min: %s", err.msg);
	CHECK_NEAR(x[48] + x[49], 0, 1e-12, "12:00 and 12:15 on break");
	CHECK_NEAR(x[50], 1.5, 1e-12, "12:30");
	plan = put("week.csv", "date,shift,start,end,break_start,break_end,count,group\n"
		   "2026-11-23,day,09:00,10:00,,,1,chat\n"
		   "2026-11-29,night,22:00,06:00,,,3,chat\n");
	CHECK(wfm_simcover_groups(plan, tz, mon, 3600, 24, gr, shrink, x, &first, &last, &err) == 0,
	      "week: %s", err.msg);
	CHECK_NEAR(x[24 + 0], 3, 1e-12, "Sunday's night covers Monday 00:00");
	CHECK_NEAR(x[24 + 6], 0, 1e-12, "until 06:00");
	plan = put("bad.csv", "date,shift,start,end,break_start,break_end,count,group\n"
		   "2026-11-23,day,09:00,10:00,,,1,letters\n");
	CHECK(wfm_simcover_groups(plan, tz, mon, 3600, 24, gr, shrink, x, &first, &last, &err) == -1 &&
	      err.line == 2, "an unknown group names its line");
	wfm_groups_free(gr);
}

static void pooled(const wfm_tz *tz)
{
	struct wfm_channel ch = { 0 };
	struct wfm_sim_plan pl;
	double x[4];
	wfm_error err;
	const char *rq = put("rq.csv", "timestamp,channel,volume,aht_s,agents,agents_gross\n"
			     "2026-11-23T09:00,calls,100,300,6,9\n2026-11-23T09:00,chat,10,300,2,3\n"
			     "2026-11-23T10:00,calls,100,300,6,9\n2026-11-23T10:00,chat,10,300,2,3\n"
			     "2026-11-23T11:00,calls,100,300,6,9\n2026-11-23T11:00,chat,10,300,2,3\n");
	const char *cov = put("cov.csv", "timestamp,required,scheduled\n"
			      "2026-11-23T10:00,12,8\n2026-11-23T11:00,12,8\n2026-11-23T11:30,12,12\n");

	snprintf(ch.name, sizeof(ch.name), "calls");
	ch.shrinkage = 0.2;
	CHECK(wfm_sim_plan_load(rq, tz, "calls", &pl, &err) == 0, "plan: %s", err.msg);
	CHECK(wfm_simcover_channel(cov, rq, tz, &ch, &pl, x, &err) == 0, "coverage: %s", err.msg);
	CHECK(pl.n == 2, "cut to the covered hours: %zu", pl.n);
	CHECK_NEAR(x[0], 4.8, 1e-12, "10:00: 8 x 9/12 x 0.8");
	CHECK_NEAR(x[1], 6, 1e-12, "11:00: mean of 8 and 12, x 9/12 x 0.8");
	wfm_sim_plan_free(&pl);
}

int main(void)
{
	wfm_error err;
	wfm_tz *tz;

	if (!mkdtemp(dir) || !(tz = wfm_tz_open("UTC", &err)))
		return 2;
	rounding();
	groups(tz);
	pooled(tz);
	wfm_tz_free(tz);
	for (const char *f = "plan.csv\0week.csv\0bad.csv\0rq.csv\0cov.csv\0"; *f; f += strlen(f) + 1) {
		char p[300];
		snprintf(p, sizeof(p), "%s/%s", dir, f);
		remove(p);
	}
	remove(dir);
	return check_done("test_simcover");
}
