/* holtwinters.c - double-seasonal Holt-Winters (Taylor 2003, J. Oper.
 * Res. Soc. 54:799-805) with a daily (s1) and a weekly (s2) cycle, no
 * trend term (hourly series over a few weeks), optional AR(1) error term.
 *
 * Additive:        f(t) = l(t-1) + d(t-s1) + w(t-s2) [+ phi e(t-1)]
 *   e = y - f;  l += alpha e;  d(t) = d(t-s1) + delta e;  w(t) = w(t-s2) + omega e
 * Multiplicative:  f(t) = l d w [+ phi e(t-1)],  l += alpha e/(d w),
 *   d += delta e/(l w),  w += omega e/(l d)  (updates skipped where the
 *   divisor is ~0: closed hours; level kept >= 1e-3 of its start, factors
 *   in [0, 50], so small counts cannot blow the state up)
 * The parameters minimise the one-step squared error (from the second
 * week on; the first week initialises the state) by Nelder-Mead on
 * logit/tanh-transformed values (gsl_multimin_fminimizer_nmsimplex2),
 * restarted from its best point while that still gains.
 * Entry points: wfm_hw_forecast(), wfm_hw_filter(), wfm_hw_init_state(). */
#include "model.h"

#include <gsl/gsl_multimin.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct hwfit {
	const double *y;
	size_t n, s1, s2;
	int mult, ar1;
	double *d, *w;       /* workspaces s1 and s2 */
	double l0, *d0, *w0; /* the state from the first week (wfm_hw_init_state) */
};

/* The state from the first week: level = its mean; daily = mean over the
 * week's days of each slot's deviation; weekly = the remainder.  It does
 * not depend on the parameters, so a fit computes it once. */
double wfm_hw_init_state(const double *y, size_t s1, size_t s2, int mult, double *d, double *w)
{
	double l = 0;

	for (size_t j = 0; j < s2; j++)
		l += y[j];
	l /= (double)s2;
	if (mult && l <= 0)
		l = 1e-6;
	for (size_t k = 0; k < s1; k++) {
		double s = 0;
		size_t cnt = 0;
		for (size_t j = k; j < s2; j += s1, cnt++)
			s += mult ? y[j] / l : y[j] - l;
		d[k] = s / (double)cnt;
	}
	for (size_t j = 0; j < s2; j++) {
		if (mult)
			w[j] = d[j % s1] > 1e-9 ? y[j] / (l * d[j % s1]) : 1;
		else
			w[j] = y[j] - l - d[j % s1];
	}
	return l;
}

/* fmin(fmax(x, 0), 50) without the library calls, to the bit: NaN and
 * -0 give +0 as glibc's fmax does */
static inline double clamp50(double x)
{
	x = x > 0 ? x : 0;
	return x < 50 ? x : 50;
}

/* One-step errors over y[0..n) from the state (l, d, w), which is
 * updated; returns the SSE from t = s2 on and leaves the last error in *e.
 * Wrap-around slot counters instead of t % s1 and t % s2. */
static double run_add(const double *y, size_t n, size_t s1, size_t s2,
		      const struct wfm_hw_params *p, double *lp, double *d, double *w, double *ep)
{
	double l = *lp, e = *ep, sse = 0;
	const double alpha = p->alpha, delta = p->delta, omega = p->omega, phi = p->phi;
	size_t i1 = 0, i2 = 0;

	for (size_t t = 0; t < n; t++) {
		double f = l + d[i1] + w[i2];
		f += phi * e;
		e = y[t] - f;
		if (t >= s2)
			sse += e * e;
		l += alpha * e;
		d[i1] += delta * e;
		w[i2] += omega * e;
		if (++i1 == s1)
			i1 = 0;
		if (++i2 == s2)
			i2 = 0;
	}
	*lp = l;
	*ep = e;
	return sse;
}

static double run_mult(const double *y, size_t n, size_t s1, size_t s2,
		       const struct wfm_hw_params *p, double lmin, double *lp, double *d,
		       double *w, double *ep)
{
	double l = *lp, e = *ep, sse = 0;
	const double alpha = p->alpha, delta = p->delta, omega = p->omega, phi = p->phi;
	size_t i1 = 0, i2 = 0;

	for (size_t t = 0; t < n; t++) {
		double dt = d[i1], wt = w[i2];
		double f = l * dt * wt;
		f += phi * e;
		e = y[t] - f;
		if (t >= s2)
			sse += e * e;
		double dw = dt * wt, lw = l * wt, ld = l * dt;
		/* guards: with small counts a large alpha can drive the
		 * level to ~0 and the seasonal factors to infinity */
		if (dw > 1e-9)
			l += alpha * e / dw;
		if (l < lmin)
			l = lmin;
		if (lw > 1e-9)
			d[i1] = clamp50(dt + delta * e / lw);
		if (ld > 1e-9)
			w[i2] = clamp50(wt + omega * e / ld);
		if (++i1 == s1)
			i1 = 0;
		if (++i2 == s2)
			i2 = 0;
	}
	*lp = l;
	*ep = e;
	return sse;
}

/* The filter from the first-week state (l0, d0, w0) into the workspaces
 * d and w, then h forecasts into out. */
static double filter(const double *y, size_t n, size_t s1, size_t s2, int mult,
		     const struct wfm_hw_params *p, size_t h, double *out,
		     double l0, const double *d0, const double *w0, double *d, double *w)
{
	double l = l0, e = 0, sse;

	memcpy(d, d0, s1 * sizeof(*d));
	memcpy(w, w0, s2 * sizeof(*w));
	sse = mult ? run_mult(y, n, s1, s2, p, 1e-3 * l0, &l, d, w, &e)
		   : run_add(y, n, s1, s2, p, &l, d, w, &e);
	for (size_t t = n; t < n + h; t++) {
		double dt = d[t % s1], wt = w[t % s2];
		double f = mult ? l * dt * wt : l + dt + wt;
		double ar = p->phi == 0 ? 0 : e * pow(p->phi, (double)(t - n + 1));
		out[t - n] = f + ar;
	}
	return sse;
}

double wfm_hw_filter(const double *y, size_t n, size_t s1, size_t s2, int mult,
		     const struct wfm_hw_params *par, size_t h, double *out)
{
	double *d = malloc(2 * (s1 + s2) * sizeof(*d)), sse = NAN;

	if (d) {
		double *w = d + s1, *d0 = w + s2, *w0 = d0 + s1;
		double l0 = wfm_hw_init_state(y, s1, s2, mult, d0, w0);
		sse = filter(y, n, s1, s2, mult, par, out ? h : 0, out, l0, d0, w0, d, w);
	}
	free(d);
	return sse;
}

static double logistic(double x) { return 1 / (1 + exp(-x)); }

static void unpack(const gsl_vector *x, int ar1, struct wfm_hw_params *p)
{
	p->alpha = logistic(gsl_vector_get(x, 0));
	p->delta = logistic(gsl_vector_get(x, 1));
	p->omega = logistic(gsl_vector_get(x, 2));
	p->phi = ar1 ? tanh(gsl_vector_get(x, 3)) : 0;
}

static double objective(const gsl_vector *x, void *arg)
{
	struct hwfit *f = arg;
	struct wfm_hw_params p;
	double sse;

	unpack(x, f->ar1, &p);
	sse = filter(f->y, f->n, f->s1, f->s2, f->mult, &p, 0, NULL, f->l0, f->d0, f->w0, f->d, f->w);
	return isfinite(sse) && sse < 1e100 ? sse : 1e100;   /* nmsimplex2 refuses inf */
}

int wfm_hw_forecast(const double *y, size_t n, size_t h, size_t s1, size_t s2,
		    int mult, int ar1, size_t window, double *out,
		    struct wfm_hw_params *par, wfm_error *err)
{
	struct hwfit f;
	struct wfm_hw_params p;
	gsl_multimin_function fn;
	gsl_multimin_fminimizer *mm = NULL;
	gsl_vector *x = NULL, *step = NULL;
	size_t np = ar1 ? 4 : 3;
	int rc = 0;

	if (window == 0 || window > n)
		window = n;
	if (s1 == 0 || s2 % s1 || window < 2 * s2)
		return wfm_error_set(err, "Holt-Winters needs two weeks of history (%zu intervals), have %zu",
				     2 * s2, window);
	memset(&f, 0, sizeof(f));
	f.y = y + n - window;
	f.n = window;
	f.s1 = s1;
	f.s2 = s2;
	f.mult = mult;
	f.ar1 = ar1;
	f.d = malloc(2 * (s1 + s2) * sizeof(double));
	mm = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, np);
	x = gsl_vector_alloc(np);
	step = gsl_vector_alloc(np);
	if (!f.d || !mm || !x || !step) {
		rc = wfm_error_set(err, "out of memory");
		goto done;
	}
	f.w = f.d + s1;
	f.d0 = f.w + s2;
	f.w0 = f.d0 + s1;
	f.l0 = wfm_hw_init_state(f.y, s1, s2, mult, f.d0, f.w0);
	/* start at alpha = delta = omega = 0.1, phi = 0; steps of 1 in the
	 * transformed space cover 0.04 .. 0.23 */
	gsl_vector_set_all(x, log(0.1 / 0.9));
	if (ar1)
		gsl_vector_set(x, 3, 0);
	gsl_vector_set_all(step, 1.0);
	fn.n = np;
	fn.f = objective;
	fn.params = &f;
	/* Nelder-Mead can collapse onto its start when every first vertex is
	 * worse (seen with AR(1) on small counts): restart from the best
	 * point with steps the other way until a restart gains under 0.01 % */
	for (int restart = 0; restart < 4; restart++) {
		double before;
		gsl_vector_set_all(step, restart % 2 ? -1.0 : 1.0);   /* alternate directions */
		gsl_multimin_fminimizer_set(mm, &fn, x, step);
		before = mm->fval;
		for (int it = 0; it < 400; it++) {
			if (gsl_multimin_fminimizer_iterate(mm))
				break;
			if (gsl_multimin_test_size(gsl_multimin_fminimizer_size(mm), 1e-3) == GSL_SUCCESS)
				break;
		}
		gsl_vector_memcpy(x, mm->x);
		if (restart > 0 && mm->fval >= before * (1 - 1e-4))
			break;
	}
	unpack(x, ar1, &p);
	p.window = window;
	p.sse = filter(f.y, f.n, s1, s2, mult, &p, h, out, f.l0, f.d0, f.w0, f.d, f.w);
	if (par)
		*par = p;
done:
	gsl_multimin_fminimizer_free(mm);
	gsl_vector_free(x);
	gsl_vector_free(step);
	free(f.d);
	return rc;
}
