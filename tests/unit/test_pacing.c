/* test_pacing.c - predictive pacing: closed forms, brute force, simulation. */
#include "check.h"
#include "pacing.h"

#include <math.h>

#define INSIDE(v, s) (fabs((v) - (s).abandon) <= 3.5 / 2.093 * ((s).hi - (s).lo) / 2)

/* Abandon rate by enumerating Binomial(m, p) with exact products (no GSL):
 * sum_{x > n} (x - n) C(m, x) p^x (1 - p)^(m - x) / (m p). */
static double brute(int n, int m, double p)
{
	double e = 0;
	for (int x = n + 1; x <= m; x++) {
		double c = 1;
		for (int k = 1; k <= x; k++)
			c *= (double)(m - x + k) / k;
		e += (x - n) * c * pow(p, x) * pow(1 - p, m - x);
	}
	return e / (m * p);
}

int main(void)
{
	struct wfm_pacing_sim sim;
	wfm_error err;

	/* Hand computations.  n = 1, m = 2, p = 1/4: abandoned only when both
	 * answer, P = 1/16, one call lost; E[X] = 1/2: 0.0625 / 0.5 = 0.125. */
	CHECK_NEAR(wfm_pacing_abandon(1, 2, 0.25), 0.125, 1e-12, "n1 m2 p.25");
	/* n = 2, m = 3, p = 1/2: P(X = 3) = 1/8, E[X] = 3/2: (1/8)/(3/2) = 1/12. */
	CHECK_NEAR(wfm_pacing_abandon(2, 3, 0.5), 1.0 / 12, 1e-12, "n2 m3 p.5");
	CHECK_NEAR(wfm_pacing_abandon(5, 5, 0.3), 0, 0, "m = n never abandons");
	CHECK_NEAR(wfm_pacing_abandon(3, 6, 1.0), 0.5, 1e-12, "p = 1: (m - n) / m");
	/* Brute-force enumeration over a grid. */
	for (int n = 1; n <= 12; n += 3)
		for (int m = n; m <= 4 * n + 6; m += 2)
			for (double p = 0.1; p < 0.95; p += 0.2)
				CHECK_NEAR(wfm_pacing_abandon(n, m, p), brute(n, m, p), 1e-10, "brute force");
	/* Pacing: the largest m within target, m + 1 over it. */
	int m = wfm_pacing_lines(10, 0.3, 0.03, 200);
	CHECK(brute(10, m, 0.3) <= 0.03 && brute(10, m + 1, 0.3) > 0.03,
	      "lines(10, 0.3, 3%%) = %d is the largest within target", m);
	CHECK(m > 10 && m < 34, "lines(10, 0.3) = %d: more than 1, fewer than 1/p per agent", m);
	/* More free agents pool better: lines per agent grow with n. */
	int m50 = wfm_pacing_lines(50, 0.3, 0.03, 1000);
	CHECK((double)m50 / 50 > (double)m / 10, "pooling: %d/50 > %d/10", m50, m);
	CHECK(wfm_pacing_lines(1, 0.25, 0.03, 10) == 1, "one free agent at 25%%: no over-dial");
	/* Large pools: no underflow of (1 - p)^m. */
	double a = wfm_pacing_abandon(200, 2000, 0.2);
	CHECK(isfinite(a) && a > 0.4 && a < 0.6, "n200 m2000 p.2: %g near 1 - 200/400", a);

	/* Simulation: each line drawn separately (mt19937, seeded); the
	 * model's value must lie within 3.5 standard errors of the simulated
	 * rate (the 95% half-width is 2.09 s.e. with 19 degrees of freedom;
	 * 3.5 s.e. is a false alarm once in about 2000 seeds). */
	CHECK(wfm_pacing_simulate(10, m, 0.3, 40000, 42, &sim, &err) == 0, "simulate");
	double model = wfm_pacing_abandon(10, m, 0.3);
	CHECK(INSIDE(model, sim), "n10 m%d p.3: model %.5f in sim [%.5f, %.5f]",
	      m, model, sim.lo, sim.hi);
	CHECK(sim.hi - sim.lo < 0.01, "sim interval narrow: %g", sim.hi - sim.lo);
	CHECK(sim.abandon <= 0.03 + (sim.hi - sim.lo), "sim abandon %.4f near target", sim.abandon);
	CHECK(wfm_pacing_simulate(1, 2, 0.25, 40000, 7, &sim, &err) == 0, "simulate");
	CHECK(INSIDE(0.125, sim), "n1 m2: 0.125 in [%.4f, %.4f]", sim.lo, sim.hi);
	CHECK(wfm_pacing_simulate(50, m50, 0.3, 20000, 9, &sim, &err) == 0, "simulate");
	model = wfm_pacing_abandon(50, m50, 0.3);
	CHECK(INSIDE(model, sim), "n50 m%d: model %.5f in sim [%.5f, %.5f]",
	      m50, model, sim.lo, sim.hi);
	/* An over-dial far beyond the model is caught: m + 10 lies outside. */
	CHECK(wfm_pacing_simulate(10, m + 10, 0.3, 40000, 42, &sim, &err) == 0, "simulate");
	CHECK(!INSIDE(model, sim), "sim of m+10 rejects the m model");
	CHECK(wfm_pacing_simulate(0, 3, 0.3, 100, 1, &sim, &err) == -1, "n = 0 refused");
	return check_done("test_pacing");
}
