/* pacing.h - predictive dialer pacing: lines per free agent for a target
 * abandon rate, and a seeded simulation that checks the model.
 *
 * Model (one dial cycle): n agents are free, the dialer places m lines,
 * each line is answered live independently with probability p, so the
 * answered calls X ~ Binomial(m, p).  min(X, n) reach an agent; the rest
 * are abandoned (the dialer has no agent to give them).  The abandon rate
 * is the share of live answers that are abandoned:
 *   abandon(n, m, p) = E[max(0, X - n)] / E[X]
 *                    = (m p - n + sum_{x<n} (n - x) P(X = x)) / (m p)
 * It grows with m; the pacing is the largest m with abandon <= target,
 * i.e. m / n lines per free agent.
 *
 * Entry points: wfm_pacing_abandon(), wfm_pacing_lines(),
 * wfm_pacing_simulate().
 */
#ifndef WFM_PACING_H
#define WFM_PACING_H

#include "error.h"

/* Abandon rate of m lines for n free agents at live-answer probability p
 * (0 < p <= 1, n >= 1, m >= 0; 0 when m <= n). */
double wfm_pacing_abandon(int n, int m, double p);

/* Largest m in [n, mmax] with wfm_pacing_abandon(n, m, p) <= target
 * (n when even m = n + 1 overshoots). */
int wfm_pacing_lines(int n, double p, double target, int mmax);

struct wfm_pacing_sim {
	long cycles;
	long answered, abandoned;   /* live answers, and those with no agent */
	double abandon;             /* abandoned / answered */
	double lo, hi;              /* 95% confidence interval of abandon
	                             * (batch means over 20 batches) */
};

/* Simulate `cycles` dial cycles of m lines for n free agents, drawing each
 * line's answer separately with a GSL generator (mt19937) seeded by seed.
 * Returns 0, or -1 on bad arguments or no memory. */
int wfm_pacing_simulate(int n, int m, double p, long cycles, unsigned long seed,
			struct wfm_pacing_sim *out, wfm_error *err);

#endif
