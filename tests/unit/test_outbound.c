/* test_outbound.c - the dial planner on hand-checkable campaigns.
 *
 * tests/fixtures/outbound/two-regions.csv: campaign nps, Moscow (UTC+3)
 * and Kamchatka (UTC+12), 9 hours apart, both calling 09:00-21:00 local.
 * In Moscow time the Kamchatka window is 00:00-12:00, Moscow's 09:00-21:00:
 * they overlap 09:00-12:00.  Both deadlines are 12:00 Moscow time (21:00
 * in Kamchatka).  With flat rates rpc = connect = 0.25, talk 100 + wrap 20
 * and ring 30 s, progressive, a dial costs 30 + 0.25 * 120 = 60 agent
 * seconds: one agent makes 15 dials per 15-minute interval.
 */
#include "check.h"
#include "outbound.h"
#include "timeutil.h"

#include <stdlib.h>

#define FIX "tests/fixtures/outbound/"

struct tally { double dials[2], first[2], last[2]; int rows[2], outside; double maxdial; };

static void run(const wfm_outbound *ob, const struct wfm_ob_params *p, const double *cap,
		struct tally *t, struct wfm_ob_jobsum *sum)
{
	wfm_error err;
	wfm_ob_run *r = wfm_outbound_run_alloc(ob, p, cap, &err);
	const struct wfm_ob_row *rows;
	size_t n;
	int64_t at;

	memset(t, 0, sizeof(*t));
	t->first[0] = t->first[1] = 1e18;
	while (wfm_outbound_run_step(r, &at, &rows, &n))
		for (size_t k = 0; k < n; k++) {
			size_t j = rows[k].job;
			t->dials[j] += rows[k].dials;
			t->rows[j]++;
			t->outside += !wfm_outbound_open(ob, j, at, p->step);
			if (at < t->first[j])
				t->first[j] = (double)at;
			t->last[j] = (double)at;
			if (rows[k].dials > t->maxdial)
				t->maxdial = rows[k].dials;
		}
	memcpy(sum, wfm_outbound_run_summary(r), ob->njobs * sizeof(*sum));
	wfm_outbound_run_free(r);
}

int main(void)
{
	wfm_error err;
	wfm_tz *msk = wfm_tz_open("Europe/Moscow", &err);
	int64_t start, t0900, t0315;
	struct wfm_ob_params p = { 0 };
	struct wfm_ob_jobsum s[2], u[2];
	struct tally t;
	double cap[96], need;

	wfm_time_parse("2026-11-23T00:00", msk, 0, &start, &err);
	wfm_time_parse("2026-11-23T09:00", msk, 0, &t0900, &err);
	wfm_time_parse("2026-11-23T03:15", msk, 0, &t0315, &err);
	wfm_outbound *ob = wfm_outbound_load(FIX "two-regions.csv", start, msk, &err);
	CHECK(ob && ob->njobs == 2 && ob->nzone == 2 && ob->ncamp == 1, "load two regions");
	if (!ob)
		return check_done("test_outbound");
	CHECK(wfm_outbound_rates(ob, FIX "flat-rates.csv", &err) == 0, "rates");
	CHECK_NEAR(ob->rpc[0][19], 0.25, 0, "flat rate overrides the curve");
	p = (struct wfm_ob_params){ .start = start, .step = 900, .nint = 96, .attempts = 1, .retry_gap = 3600,
				    .talk = 100, .wrap = 20, .ring = 30, .mode = WFM_OB_PROGRESSIVE };

	/* One agent: Kamchatka (job 1, priority 1, alone 00:00-09:00) needs
	 * 200 / 15 = 13.3 intervals: 00:00 to 03:15.  Moscow (job 0) has the
	 * 12 intervals 09:00-11:45: 180 dials, 20 records short. */
	for (int i = 0; i < 96; i++)
		cap[i] = 1;
	run(ob, &p, cap, &t, s);
	CHECK(t.outside == 0, "no dial outside a window (%d)", t.outside);
	CHECK_NEAR(t.maxdial, 15, 1e-9, "15 dials per agent-interval");
	CHECK_NEAR(s[1].left, 0, 1e-9, "Kamchatka done");
	CHECK_NEAR(t.dials[1], 200, 1e-9, "Kamchatka dials");
	CHECK_NEAR(t.first[1], (double)start, 0, "Kamchatka starts at 00:00 Moscow (09:00 local)");
	CHECK_NEAR(t.last[1], (double)t0315, 0, "Kamchatka ends in 03:15");
	CHECK(t.rows[0] == 12, "Moscow dials in 12 intervals: %d", t.rows[0]);
	CHECK_NEAR(t.first[0], (double)t0900, 0, "Moscow from 09:00");
	CHECK_NEAR(s[0].left, 20, 1e-9, "Moscow shortfall 200 - 12 * 15 = 20");
	CHECK_NEAR(s[0].reached, 180 * 0.25, 1e-9, "Moscow reached 45");

	/* No limit: the fewest agents are Moscow's 200 dials in 12 intervals,
	 * 200 / 12 * 60 / 900 = 1.1111 (Kamchatka fits before 09:00). */
	CHECK(wfm_outbound_min_agents(ob, &p, &need, u, &err) == 0, "min agents");
	CHECK(need >= 10.0 / 9 - 1e-9 && need <= 10.0 / 9 * 1.006, "need %.5f = 1.1111", need);
	CHECK_NEAR(u[0].left + u[1].left, 0, 1e-9, "unlimited: nothing left");
	CHECK_NEAR(u[0].agent_s - s[0].agent_s, 20 * 60, 1e-6, "20 dials = 1200 agent seconds more");

	/* Two attempts, 1 h apart: 200 first dials reach 50, 150 retried
	 * reach 37.5, 112.5 given up; 350 dials. */
	p.attempts = 2;
	run(ob, &p, cap, &t, s);
	CHECK(t.outside == 0, "attempts: no dial outside a window");
	CHECK_NEAR(s[1].dialed, 350, 1e-6, "Kamchatka 350 dials");
	CHECK_NEAR(s[1].reached, 87.5, 1e-6, "Kamchatka reached 87.5");
	CHECK_NEAR(s[1].exhausted, 112.5, 1e-6, "Kamchatka given up 112.5");
	p.attempts = 1;
	wfm_outbound_free(ob);

	/* Kamchatka 700 records: 540 dials before 09:00, then with priority
	 * 1 it takes the first 160 of the shared 180; Moscow gets 20. */
	ob = wfm_outbound_load(FIX "two-regions-700.csv", start, msk, &err);
	CHECK(ob && !wfm_outbound_rates(ob, FIX "flat-rates.csv", &err), "load 700");
	run(ob, &p, cap, &t, s);
	CHECK_NEAR(s[1].left, 0, 1e-9, "priority 1 done");
	CHECK_NEAR(s[0].left, 180, 1e-9, "Moscow shortfall 180");
	CHECK_NEAR(t.dials[0] + t.dials[1], 720, 1e-9, "every agent-interval used: 48 * 15");

	/* Preview costs 20 s more per dial: 80 s, 11.25 dials per interval. */
	p.mode = WFM_OB_PREVIEW;
	p.preview = 20;
	run(ob, &p, cap, &t, s);
	CHECK_NEAR(t.maxdial, 11.25, 1e-9, "preview: 900 / 80 dials");
	wfm_outbound_free(ob);

	/* A deadline before now is refused with file:line. */
	CHECK(!wfm_outbound_load(FIX "two-regions.csv", start + 86400, msk, &err) &&
	      err.line == 2 && !strcmp(err.column, "deadline"), "past deadline: line %ld %s", err.line, err.column);
	wfm_tz_free(msk);
	return check_done("test_outbound");
}
