/* test_holtwinters.c - wfm_hw_filter (wrap-around slot counters, inline
 * clamp, first-week state computed once) against the recursions written
 * plainly as in Taylor (2003) with t % s1, t % s2 and fmin/fmax: the SSE
 * and every forecast must be the same to the bit, on random series with
 * closed hours, tiny counts (clamps and the level floor hit) and spikes,
 * additive and multiplicative, with and without AR(1).  Both start from
 * wfm_hw_init_state(), checked first on a week worked by hand. */
#include "check.h"
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double ref_filter(const double *y, size_t n, size_t s1, size_t s2, int mult,
			 const struct wfm_hw_params *p, size_t h, double *out)
{
	double *d = malloc(s1 * sizeof(*d)), *w = malloc(s2 * sizeof(*w));
	double l = wfm_hw_init_state(y, s1, s2, mult, d, w), sse = 0, e = 0, lmin = 1e-3 * l;

	for (size_t t = 0; t < n + h; t++) {
		double *dt = &d[t % s1], *wt = &w[t % s2];
		double f = mult ? l * *dt * *wt : l + *dt + *wt;
		if (t >= n) {
			out[t - n] = f + (p->phi == 0 ? 0 : e * pow(p->phi, (double)(t - n + 1)));
			continue;
		}
		f += p->phi * e;
		e = y[t] - f;
		if (t >= s2)
			sse += e * e;
		if (!mult) {
			l += p->alpha * e;
			*dt += p->delta * e;
			*wt += p->omega * e;
			continue;
		}
		double dw = *dt * *wt, lw = l * *wt, ld = l * *dt;
		if (dw > 1e-9)
			l += p->alpha * e / dw;
		if (l < lmin)
			l = lmin;
		if (lw > 1e-9)
			*dt = fmin(fmax(*dt + p->delta * e / lw, 0), 50);
		if (ld > 1e-9)
			*wt = fmin(fmax(*wt + p->omega * e / ld, 0), 50);
	}
	free(d);
	free(w);
	return sse;
}

static double urand(unsigned long *s)
{
	*s = *s * 6364136223846793005UL + 1442695040888963407UL;
	return (double)(*s >> 11) / 9007199254740992.0;
}

/* s1 = 2, s2 = 4, y = 1 3 2 6: level 3.  Additive: d = ((1-3)+(2-3))/2,
 * ((3-3)+(6-3))/2 = -1.5, 1.5; w = y - 3 - d = -0.5 -1.5 0.5 1.5.
 * Multiplicative: d = (1/3+2/3)/2, (3/3+6/3)/2 = 0.5, 1.5; w = y / (3 d) =
 * 2/3 2/3 4/3 4/3.  A week of zeros: level 1e-6 (multiplicative). */
static void test_init_state(void)
{
	const double y[] = { 1, 3, 2, 6 }, z[] = { 0, 0, 0, 0 };
	const double da[] = { -1.5, 1.5 }, wa[] = { -0.5, -1.5, 0.5, 1.5 };
	const double dm[] = { 0.5, 1.5 }, wm[] = { 2.0 / 3, 2.0 / 3, 4.0 / 3, 4.0 / 3 };
	double d[2], w[4];

	CHECK_NEAR(wfm_hw_init_state(y, 2, 4, 0, d, w), 3, 1e-12, "additive level");
	for (int k = 0; k < 4; k++) {
		CHECK_NEAR(w[k], wa[k], 1e-12, "additive weekly");
		if (k < 2)
			CHECK_NEAR(d[k], da[k], 1e-12, "additive daily");
	}
	CHECK_NEAR(wfm_hw_init_state(y, 2, 4, 1, d, w), 3, 1e-12, "multiplicative level");
	for (int k = 0; k < 4; k++) {
		CHECK_NEAR(w[k], wm[k], 1e-12, "multiplicative weekly");
		if (k < 2)
			CHECK_NEAR(d[k], dm[k], 1e-12, "multiplicative daily");
	}
	CHECK_NEAR(wfm_hw_init_state(z, 2, 4, 1, d, w), 1e-6, 0, "zero week: level floor");
}

int main(void)
{
	test_init_state();
	const size_t s1 = 24, s2 = 168, n = 6 * 168, h = 2 * 168;
	double *y = malloc(n * sizeof(*y)), *o1 = malloc(h * sizeof(*o1)), *o2 = malloc(h * sizeof(*o2));
	unsigned long seed = 42;
	int same = 0, runs = 0;

	for (int trial = 0; trial < 120; trial++) {
		int shape = trial % 4;
		double scale = shape == 0 ? 0.3 : shape == 1 ? 3 : shape == 2 ? 40 : 1000;
		for (size_t t = 0; t < n; t++) {
			size_t hr = t % s1;
			double v = scale * (1 + sin((double)hr / 3.8)) * (0.5 + urand(&seed));
			if (hr < 7 && shape != 3)
				v = 0;                       /* closed hours */
			if (urand(&seed) < 0.01)
				v *= 20;                     /* spikes */
			y[t] = shape == 0 ? floor(v) : v;   /* small counts: many zeros */
		}
		for (int mult = 0; mult < 2; mult++) {
			struct wfm_hw_params p = {
				urand(&seed), urand(&seed), urand(&seed),
				trial % 3 == 0 ? 0 : 1.8 * urand(&seed) - 0.9, 0, 0 };
			double a = wfm_hw_filter(y, n, s1, s2, mult, &p, h, o1);
			double b = ref_filter(y, n, s1, s2, mult, &p, h, o2);
			int eq = !memcmp(&a, &b, sizeof(a)) && !memcmp(o1, o2, h * sizeof(*o1));
			runs++;
			same += eq;
			CHECK(eq, "trial %d mult %d: sse %.17g vs reference %.17g", trial, mult, a, b);
		}
	}
	printf("%d of %d filters bit-identical to the plain recursions\n", same, runs);
	/* the SSE is a real one-step error: zero for a series the model fits exactly */
	for (size_t t = 0; t < n; t++)
		y[t] = 10 + (double)(t % s1) + 3 * (double)((t / s1) % 7);
	struct wfm_hw_params q = { 0.2, 0.1, 0.1, 0, 0, 0 };
	CHECK_NEAR(wfm_hw_filter(y, n, s1, s2, 0, &q, h, o1), 0, 1e-18, "additive SSE of a pure season");
	CHECK_NEAR(o1[5], y[5], 1e-12, "additive forecast of a pure season");
	free(y);
	free(o1);
	free(o2);
	return check_done("test_holtwinters");
}
