/* test_pooled.c - lib/pooled.c's fluid model against an independent
 * brute force: every integer head-count vector within bounds is checked
 * with Hall's condition (integer N can give every channel c its r_c iff
 * for every set S of channels the groups serving some channel of S hold at
 * least sum_{c in S} r_c; Gale 1957), the cheapest feasible one kept.
 * Also lib/staffing.c's continuous requirement against a hand-worked
 * Erlang C interpolation, and the correction loop on a case where the
 * fluid plan is short. */
#include "check.h"
#include "erlang.h"
#include "pooled.h"
#include "staffing.h"
#include "gslpolicy.h"

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

#define NC 3

static int hall(const wfm_groups *gr, const long *N, const double *r)
{
	for (unsigned S = 1; S < (1u << gr->nchan); S++) {
		double need = 0, have = 0;
		for (size_t c = 0; c < gr->nchan; c++)
			if (S >> c & 1)
				need += r[c];
		for (size_t g = 0; g < gr->n; g++)
			for (size_t c = 0; c < gr->nchan; c++)
				if ((S >> c & 1) && wfm_groups_serves(gr, g, c)) {
					have += (double)N[g];
					break;
				}
		if (have < need - 1e-9)
			return 0;
	}
	return 1;
}

static double cost(const wfm_groups *gr, const long *N)
{
	double v = 0;

	for (size_t g = 0; g < gr->n; g++)
		v += (double)N[g] * (1 + 0.001 * ((double)gr->g[g].nskill - 1));
	return v;
}

static int shares_ok(const wfm_groups *gr, const long *N)
{
	long tot = 0;

	for (size_t g = 0; g < gr->n; g++)
		tot += N[g];
	for (size_t g = 0; g < gr->n; g++)
		if ((double)N[g] < gr->g[g].min_share * (double)tot - 1e-9 ||
		    (gr->g[g].max_agents >= 0 && N[g] > gr->g[g].max_agents))
			return 0;
	return 1;
}

/* Cheapest feasible vector with every N_g <= top. */
static double brute(const wfm_groups *gr, const double *r, long top)
{
	long N[8] = { 0 };
	double best = INFINITY;

	for (;;) {
		if (shares_ok(gr, N) && hall(gr, N, r) && cost(gr, N) < best)
			best = cost(gr, N);
		size_t g = 0;
		while (g < gr->n && ++N[g] > top)
			N[g++] = 0;
		if (g == gr->n)
			break;
	}
	return best;
}

static size_t s0[] = { 0 }, s1[] = { 1 }, s2[] = { 2 }, s01[] = { 0, 1 }, s12[] = { 1, 2 },
	s012[] = { 0, 1, 2 };

int main(void)
{
	char *names[NC] = { "calls", "chat", "mail" };
	struct wfm_group g[5] = {
		{ "calls", 1, s0, -1, 0, -1, 0 }, { "chat", 1, s1, 2, 0, -1, 0 },
		{ "mail", 1, s2, -1, 0, -1, 0 }, { "cc", 2, s01, -1, 0, -1, 0 },
		{ "cm", 2, s12, -1, 0.2, -1, 0 },
	};
	wfm_groups gr = { 5, g, NC, names, 0, "groups.csv" };
	static const double cases[6][NC] = { { 3.4, 2.3, 0.5 }, { 0.2, 0.2, 0.2 }, { 4.9, 0, 1.1 },
					     { 0, 6.6, 0 }, { 2.01, 3.99, 2.5 }, { 0, 0, 0 } };
	wfm_gsl_policy();
	for (int k = 0; k < 6; k++) {
		double req[NC], *split = calloc(5 * NC, sizeof(double));
		long N[5];
		wfm_error err;
		for (int c = 0; c < NC; c++)
			req[c] = cases[k][c];
		int rc = wfm_pooled_fluid(&gr, 1, req, N, split, &err);
		CHECK(rc == 0, "case %d solves", k);
		double want = brute(&gr, req, 8);
		CHECK(fabs(cost(&gr, N) - want) < 1e-6, "case %d: cost %.3f, brute force %.3f", k,
		      cost(&gr, N), want);
		CHECK(hall(&gr, N, req) && shares_ok(&gr, N), "case %d: feasible by Hall's condition", k);
		/* the split covers every channel within the head counts */
		for (int c = 0; c < NC; c++) {
			double got = 0;
			for (int j = 0; j < 5; j++)
				got += split[j * NC + c];
			CHECK(got >= req[c] - 1e-6, "case %d channel %d split %.3f >= %.3f", k, c, got, req[c]);
		}
		free(split);
	}
	/* infeasible: chat capped at 2 and the all-skilled group at 1, chat needs 9 */
	{
		struct wfm_group h[2] = { { "chat", 1, s1, 2, 0, -1, 0 }, { "all", 3, s012, 1, 0, -1, 0 } };
		wfm_groups g2 = { 2, h, NC, names, 0, "groups.csv" };
		double req[NC] = { 0, 9, 0 };
		long N[2];
		wfm_error err = { 0 };
		CHECK(wfm_pooled_fluid(&g2, 1, req, N, NULL, &err) == -1 && strstr(err.msg, "infeasible"),
		      "max_agents too low is infeasible: %s", err.msg);
	}
	/* continuous requirement: Erlang C a = 10, AHT 180, 80/20 needs 14;
	 * SL(13) and SL(14) from the closed form, linear in between */
	{
		struct wfm_channel ch = { "calls", WFM_ERLANG_C, 180, 0.8, 20, 0, 0.3, 1, 0, 0, 0, 2 };
		struct wfm_staff_opts so;
		struct wfm_req r = { .volume = 200, .aht = 180, .load = 10, .agents = 14, .gross = 20 };
		struct wfm_queue_perf p13, p14;
		wfm_staff_opts_default(&so);
		wfm_erlang_c(10, 180, 13, 20, &p13);
		wfm_erlang_c(10, 180, 14, 20, &p14);
		double want = 13 + (0.8 - p13.sl) / (p14.sl - p13.sl);
		CHECK_NEAR(wfm_staff_fractional(&ch, &so, &r, 3600), want, 1e-6, "fractional Erlang C");
		struct wfm_channel bl = { "mail", WFM_BACKLOG, 300, 0, 0, 0.5, 0.3, 1, 0, 24, 0, 3 };
		struct wfm_req rb = { .aht = 300, .load = 5400, .agents = 3, .gross = 5 };
		CHECK_NEAR(wfm_staff_fractional(&bl, &so, &rb, 3600), 3.0, 1e-12, "fractional backlog");
	}
	/* correction: one channel, one group, staffed at the bare load (8
	 * Erlangs on 8 agents: unstable); simulation adds agents until each
	 * interval meets 80/20: it ends near Erlang C's minimum, 12 */
	{
		struct wfm_group h[1] = { { "calls", 1, s0, -1, 0, -1, 0 } };
		wfm_groups g1 = { 1, h, 1, names, 0, "groups.csv" };
		enum { NI = 8 };
		double vol[NI], aht[NI], pat[1] = { 0 }, slt[1] = { 20 }, target[1] = { 0.8 };
		long ag[NI];
		struct wfm_pooled_report rep;
		wfm_mssim *last;
		wfm_error err;
		for (int i = 0; i < NI; i++) {
			vol[i] = 8.0 * 3600 / 180;
			aht[i] = 180;
			ag[i] = 8;
		}
		struct wfm_mssim_params p = { NI, 3600, &g1, vol, aht, ag, pat, slt, NULL, 0, 3 };
		long nc = wfm_erlang_c_agents(8, 180, 20, 0.8, 0, 1000);
		CHECK(wfm_pooled_correct(&p, ag, target, 40, 12, &rep, &last, &err) == 0, "correct runs");
		CHECK(rep.misses_first == NI && rep.misses_last == 0 && rep.added > 0,
		      "misses %ld -> %ld, added %ld", rep.misses_first, rep.misses_last, rep.added);
		for (int i = 1; i < NI; i++)
			CHECK(labs(ag[i] - nc) <= 1, "interval %d: %ld agents, Erlang C %ld", i, ag[i], nc);
		wfm_mssim_done(last);
	}
	return check_done("test_pooled");
}
