/* test_capacity.c - the week-by-week arithmetic of lib/capacity.c against
 * a case worked out by hand (attrition, training, ramp-up), and the
 * readers of lib/capacity_io.c on small files worked out by hand. */
#include "capacity.h"
#include "check.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>

/* Hires lose 10% a week in their first 12 months (monthly rate m with
 * (1 - m)^(12/52) = 0.9), staff of 12+ months none.  Training 2 weeks,
 * ramp-up 50% then 100%.  Existing: 10 full-timers (40 h) and 4
 * part-timers (20 h) = 12 FTE, never leaving.  A class of 10 starts
 * training in week 1.  By hand, week by week (start of week):
 *   w  class people          training ramping  effective           leavers
 *   0  -                     0        0        12                  0
 *   1  10                    10       0        12                  1
 *   2  9                     9        0        12                  0.9
 *   3  8.1   (ramp 50%)      0        8.1      12 + 4.05 = 16.05   0.81
 *   4  7.29  (100%)          0        0        19.29               0.729
 *   5  6.561                 0        0        18.561              0.6561
 * headcount = 14 + class people. */
static void hand_case(void)
{
	struct wfm_cap_params p = { 0 };
	struct wfm_cap_group g[2] = { { "calls", 10, 40, 24, 2 }, { "chat", 4, 20, 36, 3 } };
	wfm_cap_headcount hc = { 2, g };
	double hires[6] = { 0, 10, 0, 0, 0, 0 };
	double people[6] = { 0, 10, 9, 8.1, 7.29, 6.561 };
	double eff[6] = { 12, 12, 12, 16.05, 19.29, 18.561 };
	double train[6] = { 0, 10, 9, 0, 0, 0 }, ramp[6] = { 0, 0, 0, 8.1, 0, 0 };
	struct wfm_cap_week wk[6];

	p.contract_h = 40;
	p.train_weeks = 2;
	p.recruit_weeks = 1;
	p.nramp = 2;
	p.ramp[0] = 0.5;
	p.ramp[1] = 1;
	p.nband = 2;
	p.band[0] = (struct wfm_cap_band){ 0, 12, 1 - pow(0.9, 52.0 / 12.0), 2 };
	p.band[1] = (struct wfm_cap_band){ 12, INFINITY, 0, 3 };
	CHECK_NEAR(wfm_cap_weekly_attrition(&p, 0), 0.1, 1e-12, "weekly attrition in band 0-12");
	CHECK_NEAR(wfm_cap_weekly_attrition(&p, 52), 0, 1e-12, "weekly attrition at 12 months");
	CHECK(wfm_cap_simulate(&p, &hc, 20000, 6, hires, wk, NULL) == 0, "simulate");
	for (int w = 0; w < 6; w++) {
		CHECK(wk[w].day == 20000 + 7 * w, "week %d day", w);
		CHECK_NEAR(wk[w].headcount, 14 + people[w], 1e-9, "headcount");
		CHECK_NEAR(wk[w].leavers, 0.1 * people[w], 1e-9, "leavers");
		CHECK_NEAR(wk[w].training, train[w], 1e-9, "in training");
		CHECK_NEAR(wk[w].ramping, ramp[w], 1e-9, "ramping");
		CHECK_NEAR(wk[w].effective, eff[w], 1e-9, "effective FTE");
		CHECK_NEAR(wk[w].hires, hires[w], 0, "hires");
	}
	/* without hires: the existing staff only */
	CHECK(wfm_cap_simulate(&p, &hc, 20000, 6, NULL, wk, NULL) == 0, "simulate without hires");
	CHECK_NEAR(wk[5].effective, 12, 1e-12, "no hires: effective");
	CHECK_NEAR(wk[5].headcount, 14, 1e-12, "no hires: headcount");
}

/* Existing staff in the band of 3-12 months at 3% a month: weekly
 * 1 - 0.97^(12/52) = 0.0070045...; headcount after w weeks 100 (1-q)^w
 * until they cross 12 months (tenure 11 months = 47.67 weeks: crossing
 * at w = 4.33 -> week 5 has no attrition with 12+ at 0). */
static void band_crossing(void)
{
	struct wfm_cap_params p = { 0 };
	struct wfm_cap_group g = { "all", 100, 40, 11, 2 };
	wfm_cap_headcount hc = { 1, &g };
	struct wfm_cap_week wk[8];
	double q = 1 - pow(0.97, 12.0 / 52.0);

	p.contract_h = 40;
	p.nband = 3;
	p.band[0] = (struct wfm_cap_band){ 0, 3, 0.08, 2 };
	p.band[1] = (struct wfm_cap_band){ 3, 12, 0.03, 3 };
	p.band[2] = (struct wfm_cap_band){ 12, INFINITY, 0, 4 };
	CHECK(wfm_cap_simulate(&p, &hc, 0, 8, NULL, wk, NULL) == 0, "simulate");
	CHECK_NEAR(q, 0.0070045, 1e-6, "q at 3%/month");
	for (int w = 0; w <= 4; w++)
		CHECK_NEAR(wk[w].leavers, 100 * pow(1 - q, w) * q, 1e-9, "leavers before 12 months");
	CHECK_NEAR(wk[5].leavers, 0, 1e-12, "no leavers after 12 months");
	CHECK_NEAR(wk[7].headcount, 100 * pow(1 - q, 5), 1e-9, "headcount after the crossing");
}

static void error_is(wfm_error *err, const char *path, long line, const char *msg)
{
	char want[1024], got[1024];

	snprintf(want, sizeof(want), "%s:%ld: %s", path, line, msg);
	wfm_error_format(err, got, sizeof(got));
	CHECK_STR(got, want, "message");
	memset(err, 0, sizeof(*err));
}

/* Two rows of one group (another contract) and one without tenure (the
 * default 1200 months: the longest band); then a file with no rows. */
static void headcount_file(void)
{
	char path[] = "/tmp/wfm-test-hc.XXXXXX";
	wfm_error err = { 0 };
	wfm_cap_headcount *h;

	CHECK(!check_write_tmp(path, "group,agents,contract_h_week,tenure_months\n"
			       "calls,10,40,24\ncalls,4,20,6\nchat,3,30,\n"), "write");
	h = wfm_cap_headcount_load(path, &err);
	CHECK(h && h->n == 3, "three groups: %s", err.msg);
	if (h && h->n == 3) {
		CHECK_STR(h->g[1].name, "calls", "repeated group");
		CHECK_NEAR(h->g[1].agents * h->g[1].contract_h, 80, 0, "its hours");
		CHECK_NEAR(h->g[2].tenure_m, 1200, 0, "no tenure: the longest band");
		CHECK(h->g[2].line == 4, "line of the third row");
	}
	wfm_cap_headcount_free(h);
	CHECK(!check_write_tmp(strcpy(path, "/tmp/wfm-test-hc.XXXXXX"), "group,agents,contract_h_week\n"), "write");
	CHECK(!wfm_cap_headcount_load(path, &err), "no rows");
	error_is(&err, path, 1, "no data rows");
	remove(path);
}

/* Monthly volumes Jan-Mar 2026: calls 3100, 5600, 3100 (100, 200 and 100
 * a day), chat 310 a month with no AHT.  The weeks start Monday 5 Jan
 * and end with the last whole week (Mon 23 - Sun 29 Mar): 12.  Week 3 is
 * 26 Jan - 1 Feb: 6 x 100 + 200 = 800 calls. */
static void volumes_file(void)
{
	char path[] = "/tmp/wfm-test-vol.XXXXXX";
	wfm_error err = { 0 };
	wfm_cap_volumes *v;

	CHECK(!check_write_tmp(path, "date,channel,volume,aht_s\n2026-01,chat,310,\n2026-01,calls,3100,300\n"
			       "2026-02,calls,5600,300\n2026-02,chat,280,\n2026-03,chat,310,\n"
			       "2026-03,calls,3100,300\n"), "write");
	v = wfm_cap_volumes_load(path, WFM_CAP_NODAY, WFM_CAP_NODAY, &err);
	CHECK(v && v->nchan == 2 && v->nweeks == 12 && v->monthly, "12 weeks of 2 channels: %s", err.msg);
	if (v && v->nchan == 2 && v->nweeks == 12) {
		CHECK_STR(v->channel[0], "chat", "channels in order of first appearance");
		CHECK(v->first_day == wfm_time_days_from_civil(2026, 1, 5), "first Monday");
		CHECK_NEAR(v->volume[12 + 0], 700, 1e-9, "calls, a January week");
		CHECK_NEAR(v->volume[12 + 3], 800, 1e-9, "calls, the week into February");
		CHECK_NEAR(v->volume[12 + 4], 1400, 1e-9, "calls, a February week");
		CHECK_NEAR(v->volume[0 + 4], 70, 1e-9, "chat, a February week");
		CHECK_NEAR(v->aht[12 + 3], 300, 1e-9, "calls' AHT");
		CHECK(isnan(v->aht[0]), "chat: no AHT (channels.csv's)");
	}
	wfm_cap_volumes_free(v);
	CHECK(!check_write_tmp(strcpy(path, "/tmp/wfm-test-vol.XXXXXX"), "date,channel,volume\n"
			       "2026-01,calls,3100\n2026-02,calls,5600\n2026-01,calls,3000\n"), "write");
	CHECK(!wfm_cap_volumes_load(path, WFM_CAP_NODAY, WFM_CAP_NODAY, &err), "a month twice");
	error_is(&err, path, 4, "channel: calls duplicates line 2");
	remove(path);
}

/* A plan of two scenarios written and read back; then weeks out of order. */
static void plan_file(void)
{
	char path[] = "/tmp/wfm-test-plan.XXXXXX";
	struct wfm_cap_week a[2] = { { .day = 20454, .headcount = 100, .required = 90, .gap = 10, .met = 1,
				       .sl = 0.8125, .occupancy = NAN },
				     { .day = 20461, .headcount = 99.5, .hires = 12, .gap = -1.25 } };
	struct wfm_cap_week b[2] = { a[0], a[1] };
	struct wfm_cap_series in[2] = { { "base", 2, a }, { "high", 2, b } }, *s = NULL;
	wfm_error err = { 0 };
	FILE *fp;
	long n;

	b[1].gap = -20.5;
	CHECK(!check_write_tmp(path, ""), "tmp");
	CHECK((fp = fopen(path, "w")) && !wfm_cap_plan_write(fp, in, 2) && !fclose(fp), "write");
	n = wfm_cap_plan_load(path, &s, &err);
	CHECK(n == 2 && s[0].nweeks == 2 && s[1].nweeks == 2, "2 scenarios of 2 weeks: %s", err.msg);
	if (n == 2 && s[1].nweeks == 2) {
		CHECK_STR(s[1].name, "high", "second scenario");
		CHECK(s[1].week[1].day == 20461 && !s[1].week[1].met, "its second week");
		CHECK_NEAR(s[1].week[1].gap, -20.5, 0, "its gap");
		CHECK_NEAR(s[0].week[0].sl, 0.8125, 0, "service level");
		CHECK(isnan(s[0].week[0].occupancy), "no occupancy");
		CHECK_NEAR(s[0].week[1].hires, 12, 0, "hires");
	}
	wfm_cap_series_free(s, n > 0 ? (size_t)n : 0);
	a[1].day = a[0].day;
	CHECK((fp = fopen(path, "w")) && !wfm_cap_plan_write(fp, in, 1) && !fclose(fp), "write");
	CHECK(wfm_cap_plan_load(path, &s, &err) == -1, "weeks out of order");
	error_is(&err, path, 3, "week: weeks of scenario base are not in order");
	remove(path);
}

int main(void)
{
	hand_case();
	band_crossing();
	headcount_file();
	volumes_file();
	plan_file();
	return check_done("test_capacity");
}
