/* test_intraday.c - lib/intraday.c: the day-level update against a
 * simulation of days drawn from its own model (it must beat both leaving
 * the forecast alone and taking the morning's raw ratio), limits in closed
 * form, and bounds left alone when nothing has been seen. */
#include "check.h"
#include "intraday.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>

#define NI 24
#define SEEN 8

/* Mean squared error of the log rest-of-day level over many simulated days:
 * log theta ~ (1 - q) N(0, sd_day^2) + q N(0, sd_shock^2), interval noise exp(N(0, sd_int^2)), Poisson
 * counts around a 2,000-contact day; [0] unchanged, [1] raw ratio, [2] update. */
static void simulate(double sd_day, double q, double sd_shock, double sd_int,
		     const struct wfm_intraday_params *p, double mse[3])
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double f[NI], a[NI];
	const int days = 4000;

	gsl_rng_set(r, 42);
	for (int i = 0; i < NI; i++)
		f[i] = 2000.0 / NI * (1 + 0.8 * sin(M_PI * i / NI));
	mse[0] = mse[1] = mse[2] = 0;
	for (int d = 0; d < days; d++) {
		double sd = gsl_rng_uniform(r) < q ? sd_shock : sd_day;
		double th = exp(gsl_ran_gaussian(r, sd)), rest_f = 0, rest_a = 0;
		struct wfm_intraday_level u;
		for (int i = 0; i < NI; i++)
			a[i] = (double)gsl_ran_poisson(r, f[i] * th * exp(gsl_ran_gaussian(r, sd_int)));
		for (int i = SEEN; i < NI; i++) {
			rest_f += f[i];
			rest_a += a[i];
		}
		wfm_intraday_level(p, f, NULL, NI, a, NULL, SEEN, &u);
		double truth = log(rest_a / rest_f);
		mse[0] += truth * truth / days;
		mse[1] += pow(truth - log(u.ratio), 2) / days;
		mse[2] += pow(truth - log(u.factor), 2) / days;
	}
	gsl_rng_free(r);
}

int main(void)
{
	struct wfm_intraday_params p;
	struct wfm_intraday_level u;
	double mse[3], f[NI], a[NI];

	wfm_intraday_params_default(&p);
	/* iid interval noise sd e over n intervals makes the seen part's log
	 * ratio stray from the day's by variance e^2 / n (1 - p) / p: the
	 * model's shape_sd is e / sqrt(n).  Days that vary a lot: the update
	 * must be near the raw ratio, and better. */
	p.day_sd = 0.15;
	p.shape_sd = 0.1 / sqrt(NI);
	p.shock_share = 1e-9;
	simulate(0.15, 0, 0, 0.1, &p, mse);
	CHECK(mse[2] < mse[0] && mse[2] < mse[1], "update %.5f beats unchanged %.5f and raw %.5f",
	      mse[2], mse[0], mse[1]);
	/* days that barely vary but noisy intervals: the update must stay near 1 */
	p.day_sd = 0.02;
	p.shape_sd = 0.3 / sqrt(NI);
	simulate(0.02, 0, 0, 0.3, &p, mse);
	CHECK(mse[2] < mse[0] && mse[2] < 0.5 * mse[1], "quiet days: update %.5f, unchanged %.5f, raw %.5f",
	      mse[2], mse[0], mse[1]);
	/* quiet days, one in ten a shock: the mixture prior beats both */
	p.shock_share = 0.1;
	p.shock_sd = 0.5;
	simulate(0.02, 0.1, 0.5, 0.3, &p, mse);
	CHECK(mse[2] < mse[0] && mse[2] < mse[1], "with shocks: update %.5f, unchanged %.5f, raw %.5f",
	      mse[2], mse[0], mse[1]);
	p.shock_share = 0;    /* closed forms below: one normal prior */

	/* closed forms: 100 contacts forecast in each of 24 intervals, 8 seen at 150 */
	for (int i = 0; i < NI; i++) {
		f[i] = 100;
		a[i] = 150;
	}
	p.day_sd = 100;       /* flat prior: the raw ratio */
	p.shape_sd = 0.2;
	wfm_intraday_level(&p, f, NULL, NI, a, NULL, SEEN, &u);
	CHECK_NEAR(u.share, 1.0 / 3, 1e-12, "share seen");
	CHECK_NEAR(u.factor, 1200.5 / 800.5, 1e-4, "flat prior gives the ratio");
	/* s_d = 0.3 > |log R| - v: w = 0.09 / (0.09 + 0.04 * 2 + 1/800) */
	p.day_sd = 0.3;
	wfm_intraday_level(&p, f, NULL, NI, a, NULL, SEEN, &u);
	double v = 0.04 * 2 + 1.0 / 800, w = 0.09 / (0.09 + v);
	CHECK_NEAR(u.weight, w, 1e-12, "posterior weight");
	CHECK_NEAR(u.factor, exp(w * log(1200.5 / 800.5)), 1e-12, "factor");
	CHECK_NEAR(u.post_sd, sqrt(w * v), 1e-12, "posterior sd");
	/* a surprising morning under the mixture: posterior odds of a shock
	 * (0.1 N(lr; 0, 0.25 + v)) against an ordinary day (0.9 N(lr; 0, 0.0001 + v)) */
	p.day_sd = 0.01;
	p.shock_share = 0.1;
	p.shock_sd = 0.5;
	for (int i = 0; i < SEEN; i++)
		a[i] = 300;
	wfm_intraday_level(&p, f, NULL, NI, a, NULL, SEEN, &u);
	double lr = log(2400.5 / 800.5), g0 = 0.9 * gsl_ran_gaussian_pdf(lr, sqrt(0.0001 + v));
	double g1 = 0.1 * gsl_ran_gaussian_pdf(lr, sqrt(0.25 + v));
	CHECK_NEAR(u.weight, (g0 * 0.0001 / (0.0001 + v) + g1 * 0.25 / (0.25 + v)) / (g0 + g1), 1e-9,
		   "mixture weight on a shock");
	CHECK(u.weight > 0.7, "a shock is believed: weight %.3f", u.weight);
	/* nothing seen: the forecast and its bounds stand */
	wfm_intraday_level(&p, f, NULL, NI, a, NULL, 0, &u);
	CHECK_NEAR(u.factor, 1, 0, "nothing seen");
	double lo, hi;
	p.day_sd = 0.1;
	u.post_sd = p.day_sd;
	wfm_intraday_bounds(&p, &u, 100, 80, 130, &lo, &hi);
	CHECK_NEAR(lo, 80, 1e-9, "lower bound kept");
	CHECK_NEAR(hi, 130, 1e-9, "upper bound kept");
	return check_done("test_intraday");
}
