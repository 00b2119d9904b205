/* test_mssim.c - lib/mssim.c against closed forms (lib/erlang.c):
 * (i)  every agent single-skilled: each channel is its own M/M/n, so its
 *      SL and ASA match Erlang C per channel;
 * (ii) every agent holds every skill and the handle times are equal: the
 *      center is one M/M/n on the summed load, whatever the routing, so
 *      every channel's SL and ASA match Erlang C on the sum;
 * (iii) strict channel priority: the favoured channel waits less.
 * Stationary load over 6 h of 15-min intervals, first hour discarded; one
 * pooled value per replication; bounds mean +- 3 standard errors. */
#include "check.h"
#include "erlang.h"
#include "mssim.h"
#include "gslpolicy.h"

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

#define NI 24
#define WARM 4
#define NC 2

struct pooled { double m[NC][2], se[NC][2]; };

static size_t sk0[] = { 0 }, sk1[] = { 1 }, sk01[] = { 0, 1 };

static void run(const wfm_groups *gr, const double *a, const double *aht, const long *agents,
		const int *rank, int reps, unsigned long seed, struct pooled *out)
{
	double vol[NC * NI], ah[NC * NI], pat[NC] = { 0, 0 }, slt[NC] = { 20, 20 };
	double sum[NC][2] = { { 0 } }, sq[NC][2] = { { 0 } };
	long *ag = malloc(gr->n * NI * sizeof(long));
	wfm_error err;

	for (size_t c = 0; c < NC; c++)
		for (int i = 0; i < NI; i++) {
			vol[c * NI + i] = a[c] / aht[c] * 900;
			ah[c * NI + i] = aht[c];
		}
	for (size_t g = 0; g < gr->n; g++)
		for (int i = 0; i < NI; i++)
			ag[g * NI + i] = agents[g];
	struct wfm_mssim_params p = { NI, 900, gr, vol, ah, ag, pat, slt, rank, 0, seed };
	wfm_mssim *s = wfm_mssim_init(&p, &err);
	for (int r = 0; r < reps; r++) {
		wfm_mssim_step(s);
		const struct wfm_sim_counts *k = wfm_mssim_counts(s);
		for (size_t c = 0; c < NC; c++) {
			double arr = 0, in_t = 0, ans = 0, w = 0, v[2];
			for (int i = WARM; i < NI; i++) {
				arr += k[c * NI + i].arrivals;
				in_t += k[c * NI + i].answered_in_t;
				ans += k[c * NI + i].answered;
				w += k[c * NI + i].wait_sum;
			}
			v[0] = in_t / arr;
			v[1] = w / ans;
			for (int j = 0; j < 2; j++) {
				sum[c][j] += v[j];
				sq[c][j] += v[j] * v[j];
			}
		}
	}
	for (size_t c = 0; c < NC; c++)
		for (int j = 0; j < 2; j++) {
			out->m[c][j] = sum[c][j] / reps;
			out->se[c][j] = sqrt((sq[c][j] - sum[c][j] * sum[c][j] / reps) / (reps - 1) / reps);
		}
	struct wfm_sim_stat st;
	wfm_mssim_total(s, 0, &st);
	CHECK(st.reps == reps && st.sl_hw > 0 && st.sl_hw < 0.05 && st.abandon == 0,
	      "horizon totals (reps %ld, hw %g)", st.reps, st.sl_hw);
	wfm_mssim_done(s);
	free(ag);
}

static wfm_groups groups_of(struct wfm_group *g, size_t n, char **names)
{
	wfm_groups gr = { 0 };

	gr.n = n;
	gr.g = g;
	gr.nchan = NC;
	gr.channel = names;
	return gr;
}

int main(void)
{
	char *names[NC] = { "calls", "chat" };
	struct wfm_queue_perf f;
	struct pooled r;

	wfm_gsl_policy();
	/* (i) specialists only: 8 Erlangs / 10 agents (AHT 180) and 20 / 23 (AHT 300) */
	{
		struct wfm_group g[2] = { { "calls", 1, sk0, -1, 0, -1, 0 }, { "chat", 1, sk1, -1, 0, -1, 0 } };
		wfm_groups gr = groups_of(g, 2, names);
		double a[NC] = { 8, 20 }, aht[NC] = { 180, 300 };
		long n[2] = { 10, 23 };
		run(&gr, a, aht, n, NULL, 40, 5, &r);
		for (int c = 0; c < NC; c++) {
			wfm_erlang_c(a[c], aht[c], n[c], 20, &f);
			CHECK(fabs(r.m[c][0] - f.sl) <= 3 * r.se[c][0],
			      "single-skill channel %d SL: Erlang C %.4f, sim %.4f +- %.4f", c, f.sl, r.m[c][0], 3 * r.se[c][0]);
			CHECK(fabs(r.m[c][1] - f.asa) <= 3 * r.se[c][1],
			      "single-skill channel %d ASA: Erlang C %.2f, sim %.2f +- %.2f", c, f.asa, r.m[c][1], 3 * r.se[c][1]);
		}
	}
	/* (ii) one all-skilled group, equal AHT 240: 6 + 12 Erlangs on 21 agents */
	{
		struct wfm_group g[1] = { { "both", 2, sk01, -1, 0, -1, 0 } };
		wfm_groups gr = groups_of(g, 1, names);
		double a[NC] = { 6, 12 }, aht[NC] = { 240, 240 };
		long n[1] = { 21 };
		wfm_erlang_c(18, 240, 21, 20, &f);
		run(&gr, a, aht, n, NULL, 40, 9, &r);
		for (int c = 0; c < NC; c++) {
			CHECK(fabs(r.m[c][0] - f.sl) <= 3 * r.se[c][0],
			      "all-skilled channel %d SL: pooled Erlang C %.4f, sim %.4f +- %.4f", c, f.sl, r.m[c][0], 3 * r.se[c][0]);
			CHECK(fabs(r.m[c][1] - f.asa) <= 3 * r.se[c][1],
			      "all-skilled channel %d ASA: pooled Erlang C %.2f, sim %.2f +- %.2f", c, f.asa, r.m[c][1], 3 * r.se[c][1]);
		}
		/* (iii) chat (1) first for free agents: it waits less than calls */
		int rank[NC] = { 1, 0 };
		run(&gr, a, aht, n, rank, 20, 9, &r);
		CHECK(r.m[1][1] + 3 * r.se[1][1] < r.m[0][1] - 3 * r.se[0][1],
		      "priority: chat ASA %.1f below calls ASA %.1f", r.m[1][1], r.m[0][1]);
	}
	return check_done("test_mssim");
}
