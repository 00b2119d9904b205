/* pacing.c - predictive dialer pacing model and its simulation.  See pacing.h. */
#include "pacing.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

double wfm_pacing_abandon(int n, int m, double p)
{
	double mean = (double)m * p, low = 0;

	if (m <= n || p <= 0)
		return 0;
	if (p >= 1)
		return (double)(m - n) / m;
	/* E[max(0, X - n)] = E[X] - n + E[max(0, n - X)]: the second sum has
	 * only n terms.  P(X = n - 1) comes from gsl_ran_binomial_pdf (in
	 * logs, so large m does not underflow (1 - p)^m), the rest from the
	 * ratio P(x - 1) / P(x) = x (1 - p) / ((m - x + 1) p) going down. */
	double f = gsl_ran_binomial_pdf((unsigned)(n - 1), p, (unsigned)m), q = (1 - p) / p;
	for (int x = n - 1; x >= 0 && f > 0; x--) {
		low += (double)(n - x) * f;
		f *= x * q / (double)(m - x + 1);
	}
	double a = (mean - n + low) / mean;
	return a < 0 ? 0 : a;
}

int wfm_pacing_lines(int n, double p, double target, int mmax)
{
	int lo = n, hi = mmax;          /* abandon(lo) <= target */

	if (n < 1)
		return 0;
	if (hi <= lo || wfm_pacing_abandon(n, lo + 1, p) > target)
		return lo;
	if (wfm_pacing_abandon(n, hi, p) <= target)
		return hi;
	while (hi - lo > 1) {           /* abandon(hi) > target */
		int mid = lo + (hi - lo) / 2;
		if (wfm_pacing_abandon(n, mid, p) <= target)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int wfm_pacing_simulate(int n, int m, double p, long cycles, unsigned long seed,
			struct wfm_pacing_sim *out, wfm_error *err)
{
	enum { NB = 20 };
	double bans[NB] = { 0 }, bab[NB] = { 0 };
	gsl_rng *rng;

	if (n < 1 || m < 0 || !(p > 0 && p <= 1) || cycles < NB)
		return wfm_error_set(err, "pacing simulation: bad arguments");
	if (!(rng = gsl_rng_alloc(gsl_rng_mt19937)))
		return wfm_error_set(err, "out of memory");
	gsl_rng_set(rng, seed);
	memset(out, 0, sizeof(*out));
	out->cycles = cycles;
	for (long c = 0; c < cycles; c++) {
		int free_agents = n, ab = 0, ans = 0;
		for (int l = 0; l < m; l++) {
			if (gsl_rng_uniform(rng) >= p)
				continue;
			ans++;
			if (free_agents > 0)
				free_agents--;
			else
				ab++;
		}
		out->answered += ans;
		out->abandoned += ab;
		bans[c * NB / cycles] += ans;
		bab[c * NB / cycles] += ab;
	}
	gsl_rng_free(rng);
	out->abandon = out->answered ? (double)out->abandoned / out->answered : 0;
	/* Batch means: the batch ratios are nearly independent and normal. */
	double mean = 0, var = 0, r[NB];
	for (int b = 0; b < NB; b++)
		mean += (r[b] = bans[b] > 0 ? bab[b] / bans[b] : 0) / NB;
	for (int b = 0; b < NB; b++)
		var += (r[b] - mean) * (r[b] - mean) / (NB - 1);
	double half = gsl_cdf_tdist_Pinv(0.975, NB - 1) * sqrt(var / NB);
	out->lo = out->abandon - half;
	out->hi = out->abandon + half;
	return 0;
}
