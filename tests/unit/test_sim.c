/* test_sim.c - lib/sim.c against the Erlang C and Erlang A formulas at
 * three traffic levels: the formula must lie within the simulation's
 * confidence bounds.  Stationary load over 6 h of 15-min intervals, the
 * first hour discarded as warm-up; one pooled SL/ASA/abandonment value per
 * replication; bounds are mean +- 3 standard errors (99.7%). */
#include "check.h"
#include "erlang.h"
#include "evheap.h"
#include "sim.h"
#include "gslpolicy.h"

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

#define NI 24
#define WARM 4

struct pooled { double m[3], se[3]; };

static void run(double a, double aht, long n, double patience, double cv, int reps,
		unsigned long seed, struct pooled *out)
{
	double vol[NI], ah[NI], sum[3] = { 0 }, sq[3] = { 0 };
	long ag[NI];
	wfm_error err;

	for (int i = 0; i < NI; i++) {
		vol[i] = a / aht * 900;
		ah[i] = aht;
		ag[i] = n;
	}
	struct wfm_sim_params p = { NI, 900, vol, ah, ag, cv, patience, 20, seed };
	wfm_sim *s = wfm_sim_init(&p, &err);
	for (int r = 0; r < reps; r++) {
		double arr = 0, in_t = 0, ans = 0, ab = 0, w = 0, v[3];
		wfm_sim_step(s);
		const struct wfm_sim_counts *c = wfm_sim_counts(s);
		for (int i = WARM; i < NI; i++) {
			arr += c[i].arrivals;
			in_t += c[i].answered_in_t;
			ans += c[i].answered;
			ab += c[i].abandoned;
			w += c[i].wait_sum;
		}
		v[0] = in_t / arr;
		v[1] = w / ans;
		v[2] = ab / arr;
		for (int j = 0; j < 3; j++) {
			sum[j] += v[j];
			sq[j] += v[j] * v[j];
		}
	}
	for (int j = 0; j < 3; j++) {
		out->m[j] = sum[j] / reps;
		out->se[j] = sqrt((sq[j] - sum[j] * sum[j] / reps) / (reps - 1) / reps);
	}
	/* per-interval statistics exist for every interval */
	struct wfm_sim_stat st;
	wfm_sim_stat(s, NI - 1, &st);
	CHECK(st.reps == reps && st.sl_hw > 0 && fabs(st.sl - out->m[0]) < 0.1,
	      "per-interval stats (reps %ld)", st.reps);
	wfm_sim_done(s);
}

/* P(SL met)'s 95% Wilson half-widths against hand-computed values (z =
 * 1.96): 40 of 40 and 0 of 40 met give 1.96 (1.96 / 80) / (1 + 1.96^2 / 40)
 * = 0.0438123, 9 of 10 gives 1.96 sqrt(0.009 + 1.96^2 / 400) / 1.38416 =
 * 0.1931403 (the normal interval would give 0, 0 and 0.186). */
static void test_wilson(void)
{
	static const long day[1] = { 0 };
	static const struct { int met, reps; double p, hw; } c[] = {
		{ 40, 40, 1, 0.0438122696 }, { 0, 40, 0, 0.0438122696 }, { 9, 10, 0.9, 0.1931403178 } };

	for (size_t k = 0; k < sizeof(c) / sizeof(c[0]); k++) {
		wfm_error err = { 0 };
		wfm_sim_met *m = wfm_sim_met_alloc(1, day, 0.8, &err);
		double p, hw, sl;
		long d;
		for (int r = 0; m && r < c[k].reps; r++) {
			struct wfm_sim_counts ct = { 10, 10, r < c[k].met ? 9 : 7, 0, 0 };
			wfm_sim_met_add(m, &ct);
		}
		CHECK(m != NULL, "wfm_sim_met_alloc");
		if (!m)
			continue;
		wfm_sim_met_interval(m, 0, &p, &hw);
		CHECK(fabs(p - c[k].p) < 1e-12 && fabs(hw - c[k].hw) < 1e-9,
		      "Wilson %d of %d: p %.4f +- %.10f, expected %.4f +- %.10f", c[k].met, c[k].reps, p, hw,
		      c[k].p, c[k].hw);
		wfm_sim_met_day(m, 0, &d, &p, &hw, &sl);
		CHECK(fabs(hw - c[k].hw) < 1e-9, "Wilson per day %d of %d", c[k].met, c[k].reps);
		wfm_sim_met_free(m);
	}
}

/* The waiting contacts' ring against a plain counter: 5000 records come
 * out in the order they went in, though the ring grew (256 to 8192) while
 * wrapped around, its head in the middle. */
static void test_ring(void)
{
	struct wfm_ring q = { .size = sizeof(long) };
	long in = 0, out = 0, x, bad = 0;

	for (int k = 0; k < 200; k++, in++)
		bad += wfm_ring_push(&q, &in) != 0;
	for (int k = 0; k < 150; k++, out++) {
		wfm_ring_pop(&q, &x);
		bad += x != out;
	}
	/* 50 left from head 150: the next 206 fill the ring, then it grows */
	for (int k = 0; k < 4800; k++, in++)
		bad += wfm_ring_push(&q, &in) != 0;
	CHECK(q.len == 4850 && q.cap == 8192, "len %zu cap %zu after growing", q.len, q.cap);
	CHECK(*(long *)wfm_ring_front(&q) == 150, "front %ld", *(long *)wfm_ring_front(&q));
	while (q.len) {
		wfm_ring_pop(&q, &x);
		bad += x != out++;
	}
	CHECK(!bad && out == in && in == 5000, "FIFO order: %ld out of order, %ld of %ld", bad, out, in);
	free(q.v);
}

int main(void)
{
	struct wfm_queue_perf f;
	struct pooled r;
	static const double lv[3][3] = { { 2, 120, 4 }, { 20, 180, 23 }, { 100, 120, 106 } };

	wfm_gsl_policy();
	for (int k = 0; k < 3; k++) {
		double a = lv[k][0], aht = lv[k][1];
		long n = (long)lv[k][2];
		wfm_erlang_c(a, aht, n, 20, &f);
		run(a, aht, n, 0, 0, 40, 11 + k, &r);
		CHECK(fabs(r.m[0] - f.sl) <= 3 * r.se[0], "Erlang C SL a=%g n=%ld: formula %.4f, sim %.4f +- %.4f",
		      a, n, f.sl, r.m[0], 3 * r.se[0]);
		CHECK(fabs(r.m[1] - f.asa) <= 3 * r.se[1], "Erlang C ASA a=%g n=%ld: formula %.2f, sim %.2f +- %.2f",
		      a, n, f.asa, r.m[1], 3 * r.se[1]);
		CHECK(r.m[2] == 0, "no abandonment without patience");
	}
	/* Erlang A: abandonment from patience, near and below critical load */
	static const double la[3][4] = { { 5, 180, 60, 5 }, { 20, 300, 120, 20 }, { 60, 120, 90, 56 } };
	for (int k = 0; k < 3; k++) {
		double a = la[k][0], aht = la[k][1], pat = la[k][2];
		long n = (long)la[k][3];
		wfm_erlang_a(a, aht, pat, n, 20, &f);
		run(a, aht, n, pat, 0, 40, 101 + k, &r);
		CHECK(fabs(r.m[0] - f.sl) <= 3 * r.se[0], "Erlang A SL a=%g n=%ld: formula %.4f, sim %.4f +- %.4f",
		      a, n, f.sl, r.m[0], 3 * r.se[0]);
		CHECK(fabs(r.m[1] - f.asa) <= 3 * r.se[1], "Erlang A ASA a=%g n=%ld: formula %.2f, sim %.2f +- %.2f",
		      a, n, f.asa, r.m[1], 3 * r.se[1]);
		CHECK(fabs(r.m[2] - f.abandon) <= 3 * r.se[2],
		      "Erlang A abandon a=%g n=%ld: formula %.4f, sim %.4f +- %.4f",
		      a, n, f.abandon, r.m[2], 3 * r.se[2]);
	}
	/* where Erlang C breaks: with lognormal handle times of CV 2 at a = 20,
	 * n = 23 the simulated ASA is far from the exponential formula's
	 * (M/G/n waits scale roughly with (1 + cv^2)/2 = 2.5 in heavy traffic) */
	wfm_erlang_c(20, 180, 23, 20, &f);
	run(20, 180, 23, 0, 2.0, 160, 7, &r);
	CHECK(fabs(r.m[1] - f.asa) > 3 * r.se[1], "lognormal cv 2 departs from Erlang C: formula %.2f, sim %.2f +- %.2f",
	      f.asa, r.m[1], 3 * r.se[1]);
	/* same seed, same numbers */
	struct pooled r2;
	run(20, 180, 23, 0, 2.0, 160, 7, &r2);
	CHECK(r.m[0] == r2.m[0] && r.m[1] == r2.m[1], "seeded: identical replications");
	test_wilson();
	test_ring();
	return check_done("test_sim");
}
