/* erlang.c - Erlang B/C/A service levels and agents for a target.
 * Entry points: wfm_erlang_b(), wfm_erlang_c(), wfm_erlang_c_agents(),
 * wfm_erlang_a(), wfm_erlang_a_agents().  Formulas in docs/staff.md. */
#include "erlang.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>
#include <math.h>

static double erlang_b_rec(double a, long from, double b, long n)
{
	/* B(n) = a B(n-1) / (n + a B(n-1)): every step is in (0, 1], so no
	 * overflow at any n; tiny values underflow harmlessly towards 0. */
	for (long k = from + 1; k <= n; k++)
		b = a * b / ((double)k + a * b);
	return b;
}

/* B(n, a) = Poisson pmf(n; a) / Poisson cdf(n; a), the cdf being the
 * regularised Q(n + 1, a): O(1) for large n instead of O(n). */
static double erlang_b_gamma(double a, long n)
{
	gsl_sf_result q;
	double lp = (double)n * log(a) - a - lgamma((double)n + 1);

	if (gsl_sf_gamma_inc_Q_e((double)n + 1, a, &q) || !(q.val > 0))
		return erlang_b_rec(a, 0, 1.0, n);
	return fmin(1.0, exp(lp - log(q.val)));
}

double wfm_erlang_b(double a, long n)
{
	if (n <= 64 || a <= 0)
		return erlang_b_rec(a, 0, 1.0, n);
	return erlang_b_gamma(a, n);
}

static void erlang_c_from_b(double a, double aht, long n, double b, double t,
			    struct wfm_queue_perf *p)
{
	double nn = (double)n, c;

	if (a <= 0) {
		*p = (struct wfm_queue_perf){ 1, 0, 0, 0, 0 };
		return;
	}
	if (nn <= a) {
		*p = (struct wfm_queue_perf){ 0, INFINITY, 1, 0, 1 };
		return;
	}
	/* C = n B / (n - a (1 - B)), the probability of waiting. */
	c = nn * b / (nn - a * (1 - b));
	if (c > 1)
		c = 1;
	p->pwait = c;
	p->sl = 1 - c * exp(-(nn - a) * t / aht);
	p->asa = c * aht / (nn - a);
	p->occupancy = a / nn;
	p->abandon = 0;
}

void wfm_erlang_c(double a, double aht, long n, double t, struct wfm_queue_perf *p)
{
	erlang_c_from_b(a, aht, n, a > 0 && (double)n > a ? wfm_erlang_b(a, n) : 1, t, p);
}

long wfm_erlang_c_agents(double a, double aht, double t, double target,
			 double max_occ, long max_n)
{
	struct wfm_queue_perf p;

	return wfm_erlang_c_agents_perf(a, aht, t, target, max_occ, max_n, &p);
}

long wfm_erlang_c_agents_perf(double a, double aht, double t, double target,
			      double max_occ, long max_n, struct wfm_queue_perf *at)
{
	struct wfm_queue_perf p;
	double nmin = max_occ > 0 ? a / max_occ - 1e-9 : 0, b;
	long n, n0;

	at->sl = NAN;
	if (a <= 0)
		return 0;
	/* the first n worth testing: above a and the occupancy floor; from
	 * there the recurrence runs forward (stable), O(sqrt(a)) steps */
	n = n0 = (long)floor(fmax(a, nmin)) + 1;
	if (n > max_n)
		return -1;
	b = wfm_erlang_b(a, n);
	for (;;) {
		if ((double)n > a && (double)n >= nmin) {
			erlang_c_from_b(a, aht, n, b, t, &p);
			if (p.sl >= target) {
				/* b is wfm_erlang_b(a, n) to the bit when the
				 * recurrence ran from 0 (n <= 64) or nowhere */
				if (n <= 64 || n == n0)
					*at = p;
				return n;
			}
		}
		if (++n > max_n)
			return -1;
		b = a * b / ((double)n + a * b);
	}
}

static double logaddexp(double u, double v)
{
	double m = u > v ? u : v;

	if (m == -INFINITY)
		return m;
	return m + log(exp(u - m) + exp(v - m));
}

/* Sums over the queue length k met by a waiting arrival, with weights
 * w_k = prod_{i=1..k} y/(x+i) (the M/M/n+M birth-death chain above n):
 * lsum = log sum w_k (= log A(x,y) of Mandelbaum & Zeltyn),
 * ab   = sum w_k (k+1)/(x+k+1) / sum w_k   P(abandon | wait),
 * wt   = sum w_k x/(x+k+1) H_k / sum w_k   theta E[W; served | wait],
 * H_k = psi(x+k+2) - psi(x+1): the mean of -ln U, U ~ Beta(x+1, k+1).
 * Summed outward from the largest term, so nothing overflows. */
static void queue_sums(double x, double y, double *lsum, double *ab, double *wt)
{
	long kp = y > x + 1 ? (long)floor(y - x - 1) : 0, k;
	double lwp = kp * log(y) + lgamma(x + 1) - lgamma(x + kp + 1);
	double s = 0, sab = 0, swt = 0, w, h0, h;
	gsl_sf_result r1, r2;

	if (gsl_sf_psi_e(x + kp + 2, &r1) || gsl_sf_psi_e(x + 1, &r2))
		h0 = log((x + kp + 2) / (x + 1));
	else
		h0 = r1.val - r2.val;
	for (k = kp, w = 1, h = h0; ; k++) {
		s += w;
		sab += w * (k + 1) / (x + k + 1);
		swt += w * x / (x + k + 1) * h;
		w *= y / (x + k + 1);
		h += 1 / (x + k + 2);
		if (w < 1e-17 * s)
			break;
	}
	for (k = kp, w = 1, h = h0; k > 0; ) {
		w *= (x + k) / y;
		h -= 1 / (x + k + 1);
		k--;
		s += w;
		sab += w * (k + 1) / (x + k + 1);
		swt += w * x / (x + k + 1) * h;
		if (w < 1e-17 * s)
			break;
	}
	*lsum = lwp + log(s);
	*ab = sab / s;
	*wt = swt / s;
}

/* P(a, x) - P(a, z) for z <= x, through Q when both are near 1. */
static double gamma_p_diff(double a, double x, double z)
{
	gsl_sf_result r1, r2;

	if (gsl_sf_gamma_inc_P_e(a, z, &r2))
		return 0;
	if (r2.val > 0.5) {
		if (gsl_sf_gamma_inc_Q_e(a, z, &r2) || gsl_sf_gamma_inc_Q_e(a, x, &r1))
			return 0;
		return r2.val - r1.val;
	}
	if (gsl_sf_gamma_inc_P_e(a, x, &r1))
		return 0;
	return r1.val - r2.val;
}

/* S(z) = sum_k z^k / ((x+1)(x+2)...(x+k+1)) = e^z z^-(x+1) gamma(x+1, z);
 * converges geometrically for z < x + 1. */
static double gamma_series(double x, double z)
{
	double term = 1 / (x + 1), s = 0;

	for (long k = 0; k < 10000000; k++) {
		s += term;
		term *= z / (x + k + 2);
		if (term < 1e-17 * s)
			break;
	}
	return s;
}

/* Patience so long that nobody abandons in practice: Erlang C itself when
 * stable and the relative difference, of order aht / (patience (n - a)),
 * is below 1e-6 (the printed digits do not change; larger patience gives
 * exactly Erlang C; abandonment is the first-order pwait asa / patience); the
 * fluid limit when overloaded and lambda / theta is past 1e9 (the exact
 * sums would need ~sqrt(lambda / theta) terms).  1 when it answered. */
static int patient_limit(double a, double aht, double patience, long n, double t,
			 struct wfm_queue_perf *p)
{
	double dn = (double)n - a;

	if (dn > 0 && aht / (patience * dn) < 1e-6) {
		wfm_erlang_c(a, aht, n, t, p);
		p->abandon = p->pwait * (aht / dn) / patience;
		return 1;
	}
	if (dn <= 0 && a * patience / aht > 1e9) {
		/* the queue settles where abandonment takes the excess: served
		 * contacts wait patience ln(a / n), a critically loaded queue
		 * about sqrt(pi patience aht / (2 n)) */
		double w = dn < 0 ? patience * log(a / (double)n) : sqrt(M_PI * patience * aht / (2.0 * (double)n));
		*p = (struct wfm_queue_perf){ w > 0 ? 1 - exp(-t / w) : 1, w, 1, dn < 0 ? 1 - (double)n / a : 0, 1 };
		if (dn < 0)
			p->sl = 0;
		return 1;
	}
	return 0;
}

void wfm_erlang_a(double a, double aht, double patience, long n, double t,
		  struct wfm_queue_perf *p)
{
	double x, y, b, lsum, sab, swt, lpin, d;

	if (a <= 0) {
		*p = (struct wfm_queue_perf){ 1, 0, 0, 0, 0 };
		return;
	}
	if (n <= 0) {
		*p = (struct wfm_queue_perf){ 0, INFINITY, 0, 1, 1 };
		return;
	}
	if (patient_limit(a, aht, patience, n, t, p))
		return;
	x = (double)n * patience / aht;       /* n mu / theta */
	y = a * patience / aht;               /* lambda / theta */
	b = wfm_erlang_b(a, n);
	queue_sums(x, y, &lsum, &sab, &swt);
	/* pi_n = B / (1 - B + B A): the chance an arrival finds n busy, no queue */
	lpin = log(b) - logaddexp(log1p(-b), log(b) + lsum);
	p->pwait = exp(lpin + lsum);
	if (p->pwait > 1)
		p->pwait = 1;
	p->abandon = p->pwait * sab;
	/* Answered within t after waiting:
	 *   pi_n x e^y y^-(x+1) [gamma(x+1, y) - gamma(x+1, y e^(-theta t))] */
	p->sl = 1 - p->pwait;
	if (y <= x) {
		/* underloaded: x [S(y) - s^(x+1) e^(y(1-s)) S(ys)], s = e^(-theta t);
		 * the regularised gamma would underflow here */
		double ls = -t / patience, sv = exp(ls);
		d = x * (gamma_series(x, y) -
			 exp((x + 1) * ls + y * (1 - sv)) * gamma_series(x, y * sv));
		if (d > 0)
			p->sl += exp(lpin + log(d));
	} else {
		d = gamma_p_diff(x + 1, y, y * exp(-t / patience));
		if (d > 0)
			p->sl += exp(lpin + log(x) + y - (x + 1) * log(y) + lgamma(x + 1) + log(d));
	}
	if (p->sl > 1)
		p->sl = 1;
	if (p->sl < 0)
		p->sl = 0;
	p->asa = p->abandon < 1 ? p->pwait * swt * patience / (1 - p->abandon) : INFINITY;
	p->occupancy = a * (1 - p->abandon) / (double)n;
	if (p->occupancy > 1)
		p->occupancy = 1;
}

/* Whether n agents meet the targets; the service of the last n that did
 * goes to *met (the search's answer is always that n). */
static int a_ok(double a, double aht, double pat, double t, double target,
		double max_ab, double max_occ, long n, int *evals, struct wfm_queue_perf *met)
{
	struct wfm_queue_perf p;
	int ok;

	(*evals)++;
	wfm_erlang_a(a, aht, pat, n, t, &p);
	ok = p.sl >= target && (max_ab <= 0 || p.abandon <= max_ab) &&
	     (max_occ <= 0 || p.occupancy <= max_occ + 1e-12);
	if (ok)
		*met = p;
	return ok;
}

long wfm_erlang_a_agents(double a, double aht, double patience, double t,
			 double target, double max_ab, double max_occ, long max_n, long guess)
{
	int evals;

	return wfm_erlang_a_agents_evals(a, aht, patience, t, target, max_ab, max_occ, max_n,
					 guess, &evals);
}

long wfm_erlang_a_agents_evals(double a, double aht, double patience, double t,
			       double target, double max_ab, double max_occ, long max_n,
			       long guess, int *evals)
{
	struct wfm_queue_perf p;

	return wfm_erlang_a_agents_perf(a, aht, patience, t, target, max_ab, max_occ, max_n,
					guess, evals, &p);
}

long wfm_erlang_a_agents_perf(double a, double aht, double patience, double t,
			      double target, double max_ab, double max_occ, long max_n,
			      long guess, int *evals, struct wfm_queue_perf *at)
{
	long lo, hi, mid, step = 1;

	*evals = 0;
	at->sl = NAN;
	if (a <= 0)
		return 0;
	/* SL rises and abandonment and occupancy fall with n: gallop from the
	 * guess to a bracket (lo fails, hi meets), then bisect.  A guess from
	 * the previous interval makes this 2-4 evaluations. */
	if (guess < 1)
		guess = (long)ceil(a + sqrt(a));
	/* the occupancy cap is a floor close to the answer when it binds
	 * (nobody abandons at that staffing): start no lower */
	if (max_occ > 0 && guess < (long)ceil(a / max_occ - 1e-9))
		guess = (long)ceil(a / max_occ - 1e-9);
	if (guess > max_n)
		guess = max_n;
	if (a_ok(a, aht, patience, t, target, max_ab, max_occ, guess, evals, at)) {
		hi = guess;
		for (;;) {
			lo = hi - step;
			if (lo < 1) {
				lo = 0;
				break;
			}
			if (!a_ok(a, aht, patience, t, target, max_ab, max_occ, lo, evals, at))
				break;
			hi = lo;
			step *= 2;
		}
	} else {
		lo = guess;
		for (;;) {
			if (lo == max_n)
				return -1;
			hi = lo + step > max_n ? max_n : lo + step;
			if (a_ok(a, aht, patience, t, target, max_ab, max_occ, hi, evals, at))
				break;
			lo = hi;
			step *= 2;
		}
	}
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (a_ok(a, aht, patience, t, target, max_ab, max_occ, mid, evals, at))
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

long wfm_erlang_a_guess(double a, double a_prev, long n_prev)
{
	if (a <= 0)
		return 0;
	if (a_prev <= 0 || n_prev <= 0)
		return (long)ceil(a + sqrt(a));
	/* quality-driven: the square-root coefficient beta = (n - a) / sqrt(a)
	 * changes slowly; efficiency-driven (n < a, abandonment takes the
	 * excess, as with short patience at thousands of Erlangs): n / a does */
	if ((double)n_prev >= a_prev)
		return lround(a + ((double)n_prev - a_prev) / sqrt(a_prev) * sqrt(a));
	return lround(a * (double)n_prev / a_prev);
}
