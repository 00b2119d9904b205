/* test_capacity.c - the week-by-week arithmetic of lib/capacity.c against
 * a case worked out by hand (attrition, training, ramp-up). */
#include "capacity.h"
#include "check.h"

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

int main(void)
{
	hand_case();
	band_crossing();
	return check_done("test_capacity");
}
