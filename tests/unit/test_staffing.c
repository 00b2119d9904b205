/* test_staffing.c - lib/staffing.c: per-kind requirements, backlog
 * spreading worked by hand, gross-up, the evaluation's pool split. */
#include "check.h"
#include "staffing.h"
#include "gslpolicy.h"

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	const char *names[] = { "calls", "chat", "letters" };
	struct wfm_channel ch[3] = {
		{ .name = "calls", .kind = WFM_ERLANG_C, .aht = 180, .sl_target = 0.8, .sl_seconds = 20,
		  .shrinkage = 0.3, .concurrency = 1 },
		{ .name = "chat", .kind = WFM_CHAT, .aht = 600, .sl_target = 0.8, .sl_seconds = 30,
		  .shrinkage = 0.25, .concurrency = 2 },
		{ .name = "letters", .kind = WFM_BACKLOG, .aht = 300, .shrinkage = 0.3,
		  .concurrency = 1, .deadline_h = 24 },
	};
	wfm_channels cfg = { 3, ch, "channels.csv" };
	int map[3] = { 0, 1, 2 };
	struct wfm_staff_opts o;
	wfm_error err;
	wfm_tz *tz;
	wfm_series *s;
	struct wfm_req *req;
	struct wfm_eval *ev;
	double sched[48];
	size_t n = 48;

	wfm_gsl_policy();
	wfm_staff_opts_default(&o);
	tz = wfm_tz_open("UTC", &err);
	/* two UTC days of hourly intervals from 2026-01-05T00:00 */
	s = wfm_series_alloc(3, names, 1767571200, 3600, n, 1, &err);
	CHECK(tz && s, "setup");
	for (size_t i = 0; i < 3 * n; i++) {
		s->volume[i] = 0;
		s->aht[i] = NAN;
	}
	s->volume[0 * n + 10] = 200;       /* calls: a = 200 x 180 / 3600 = 10 */
	s->volume[1 * n + 10] = 60;        /* chat */
	/* letters: 12 at 00:00 with aht 300 -> 3600 s of work over the 12 open
	 * hours 08..19 of day 1 = 300 s each; 36 at 19:00 with aht 1200 ->
	 * 43200 s over 19:00 day 1 and 08..18 day 2 (12 open hours) = 3600 s
	 * each.  So hour 19 of day 1 holds 3900 s -> 2 agents; 08..18 of day 1
	 * 300 s -> 1; 08..18 of day 2 3600 s -> exactly 1. */
	s->volume[2 * n + 0] = 12;
	s->volume[2 * n + 19] = 36;
	s->aht[2 * n + 19] = 1200;
	req = calloc(3 * n, sizeof(*req));
	CHECK(!wfm_staff_requirements(s, &cfg, map, tz, &o, req, &err), "requirements: %s", err.msg);

	/* Erlang C: a = 10, 80/20 -> 14 agents (test_erlang), gross ceil(14/0.7) = 20 */
	CHECK(req[10].agents == 14 && req[10].gross == 20, "calls 14/20, got %ld/%ld",
	      req[10].agents, req[10].gross);
	CHECK(req[11].agents == 0 && req[11].gross == 0, "no volume, no agents");
	/* chat: 60/h, handle time 600 x (1 + 0.5) = 900 s per chat at 2 chats:
	 * 15 Erlangs on servers; Erlang C on servers, then 2 servers per agent */
	long slots = wfm_erlang_c_agents(15, 900, 30, 0.8, 0, 1000);
	CHECK(req[n + 10].agents == (slots + 1) / 2, "chat agents %ld from %ld servers",
	      req[n + 10].agents, slots);
	CHECK_NEAR(req[n + 10].load, 15, 1e-12, "chat server load");
	CHECK(req[n + 10].gross == (long)ceil(req[n + 10].agents / 0.75 - 1e-9), "chat gross");

	struct wfm_req *L = req + 2 * n;
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += L[i].load;
	CHECK_NEAR(total, 3600 + 43200, 1e-6, "backlog work conserved");
	CHECK_NEAR(L[8].load, 300, 1e-9, "day 1 08:00 share");
	CHECK_NEAR(L[19].load, 3900, 1e-9, "day 1 19:00 shares");
	CHECK_NEAR(L[24 + 8].load, 3600, 1e-9, "day 2 08:00 share");
	CHECK(L[7].load == 0 && L[20].load == 0 && L[24 + 19].load == 0, "closed hours carry nothing");
	CHECK(L[8].agents == 1 && L[19].agents == 2 && L[24 + 8].agents == 1 && L[24 + 18].agents == 1,
	      "backlog agents %ld %ld %ld", L[8].agents, L[19].agents, L[24 + 8].agents);
	CHECK(L[19].gross == 3 && L[8].gross == 2, "backlog gross ceil(2/0.7)=3, ceil(1/0.7)=2");
	CHECK_NEAR(L[19].perf.occupancy, 3900.0 / 7200, 1e-12, "backlog occupancy");

	/* a 2-hour deadline at 21:00 has no open hour: infeasible, says so */
	ch[2].deadline_h = 2;
	s->volume[2 * n + 21] = 1;
	CHECK(wfm_staff_requirements(s, &cfg, map, tz, &o, req, &err) == -1 &&
	      strstr(err.msg, "no open interval"), "deadline without open hours: %s", err.msg);
	ch[2].deadline_h = 24;
	s->volume[2 * n + 21] = 0;
	CHECK(!wfm_staff_requirements(s, &cfg, map, tz, &o, req, &err), "again");

	/* evaluation: 30 people at 10:00 split by gross (calls 20, chat g,
	 * letters 2 at 10:00), net of shrinkage */
	for (size_t i = 0; i < n; i++)
		sched[i] = NAN;
	sched[10] = 30;
	ev = calloc(3 * n, sizeof(*ev));
	wfm_staff_evaluate(s, &cfg, map, &o, req, sched, ev);
	double g = (double)(req[10].gross + req[n + 10].gross + L[10].gross);
	CHECK_NEAR(ev[10].agents, 30 * 20 / g * 0.7, 1e-12, "calls share of the pool");
	CHECK_NEAR(ev[n + 10].agents, 30 * req[n + 10].gross / g * 0.75, 1e-12, "chat share");
	CHECK(ev[9].skip && !ev[10].skip, "only covered intervals evaluated");
	/* fractional agents: SL between the integer neighbours */
	struct wfm_queue_perf lo, hi;
	double na = ev[10].agents;
	wfm_erlang_c(10, 180, (long)floor(na), 20, &lo);
	wfm_erlang_c(10, 180, (long)floor(na) + 1, 20, &hi);
	CHECK(ev[10].perf.sl >= lo.sl && ev[10].perf.sl <= hi.sl, "interpolated SL %g in [%g, %g]",
	      ev[10].perf.sl, lo.sl, hi.sl);
	/* backlog: service_level = share of the interval's work the agents can do */
	CHECK_NEAR(ev[2 * n + 10].perf.sl, fmin(1, ev[2 * n + 10].agents * 3600 / L[10].load), 1e-12,
		   "backlog worked share");
	CHECK_NEAR(ev[2 * n + 10].sl_target, 1, 0, "backlog target 1");

	struct wfm_staff_day *d;
	long nd = wfm_staff_days(s, &cfg, map, tz, req, ev, &d, &err);
	CHECK(nd == 3 && d[0].chan == 0 && fabs(d[0].sl - ev[10].perf.sl) < 1e-12,
	      "day summary: %ld entries", nd);
	free(d);
	free(ev);
	free(req);
	wfm_series_free(s);
	wfm_tz_free(tz);
	/* quantile staffing: a band exactly Poisson's (mu -+ z sqrt(mu), z of
	 * the 80% band) leaves the rate certain: the quantile is mu itself;
	 * a band of a Poisson-exponential count (variance mu + mu^2, gamma
	 * shape 1) gives the closed form -mu ln(1 - q) */
	{
		double z = 1.2815515655446004, mu = 50;
		double lo = mu - z * sqrt(mu), hi = mu + z * sqrt(mu);
		CHECK(isinf(wfm_staff_rate_shape(mu, lo, hi, 0.8)), "Poisson band: certain rate");
		CHECK_NEAR(wfm_staff_rate_quantile(mu, lo, hi, 0.8, 0.9), mu, 1e-12, "Poisson band: quantile = mean");
		double sd = sqrt(mu + mu * mu);
		lo = mu - z * sd;
		hi = mu + z * sd;
		CHECK_NEAR(wfm_staff_rate_shape(mu, lo, hi, 0.8), 1, 1e-9, "exponential rate: shape 1");
		for (double q = 0.5; q < 0.96; q += 0.15)
			CHECK_NEAR(wfm_staff_rate_quantile(mu, lo, hi, 0.8, q), -mu * log(1 - q), 1e-6,
				   "exponential rate: -mu ln(1 - q)");
		CHECK_NEAR(wfm_staff_rate_quantile(mu, NAN, NAN, 0.8, 0.9), mu, 0, "no band: the point");
	}
	return check_done("test_staffing");
}
