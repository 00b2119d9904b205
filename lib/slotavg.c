/* slotavg.c - multi-week same-slot average: the forecast of an interval
 * is the mean, median or trimmed mean (min and max dropped) of the same
 * interval of the week over the last k weeks, passing over days the
 * screen left out (holidays, outages).  The variant and k in 2..8 are
 * chosen by the WAPE of one-week forecasts from the last 4 weekly origins
 * before the end of the history: one line of arithmetic that is hard to
 * beat on stable real histories (issue 17).
 * Entry point: wfm_slotavg_forecast(). */
#include "model.h"

#include <math.h>
#include <stdlib.h>

enum { MEAN, MEDIAN, TRIMMED, VARIANTS };
static const size_t KS[] = { 2, 3, 4, 5, 6, 8 };
#define NK (sizeof(KS) / sizeof(KS[0]))
#define KMAX 8
#define ORIGINS 4

static double combine(double *v, size_t k, int how)
{
	double s = 0;

	if (how != MEAN)     /* insertion sort: k <= KMAX */
		for (size_t i = 1; i < k; i++)
			for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
				double x = v[j];
				v[j] = v[j - 1];
				v[j - 1] = x;
			}
	if (how == MEDIAN)
		return k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
	if (how == TRIMMED && k >= 4) {
		for (size_t i = 1; i + 1 < k; i++)
			s += v[i];
		return s / (double)(k - 2);
	}
	for (size_t i = 0; i < k; i++)
		s += v[i];
	return s / (double)k;
}

/* Forecast out[0..h) from y[0..n) with k weeks of variant how. */
static void predict(const double *y, size_t n, size_t h, size_t week,
		    const unsigned char *skip, size_t k, int how, double *out)
{
	double v[KMAX];

	for (size_t j = 0; j < h; j++) {
		size_t i = n + j, w0 = j / week + 1, cnt = 0;
		for (size_t w = w0; cnt < k && w < w0 + 2 * k && w * week <= i; w++) {
			size_t t = i - w * week;
			if (!(skip && skip[t]))
				v[cnt++] = y[t];
		}
		out[j] = cnt ? combine(v, cnt, how) : y[i - w0 * week];
	}
}

int wfm_slotavg_forecast(const double *y, size_t n, size_t h, const wfm_calendar *cal,
			 const unsigned char *skip, double *out, wfm_error *err)
{
	size_t week = 7 * (size_t)cal->per_day, origins = 0, best_k = 4;
	double *f = malloc(week * sizeof(*f)), best = INFINITY;
	int best_how = MEAN;

	if (!f)
		return wfm_error_set(err, "out of memory");
	if (n < week) {
		free(f);
		return wfm_error_set(err, "slotavg needs one week of history");
	}
	while (origins < ORIGINS && n >= (origins + 3) * week)
		origins++;
	for (int how = 0; how < VARIANTS && origins; how++)
		for (size_t ki = 0; ki < NK; ki++) {
			double ae = 0, sy = 0;
			for (size_t o = 1; o <= origins; o++) {
				size_t org = n - o * week;
				predict(y, org, week, week, skip, KS[ki], how, f);
				for (size_t t = 0; t < week; t++)
					if (!(skip && skip[org + t])) {
						ae += fabs(y[org + t] - f[t]);
						sy += y[org + t];
					}
			}
			if (sy > 0 && ae / sy < best - 1e-12) {
				best = ae / sy;
				best_k = KS[ki];
				best_how = how;
			}
		}
	predict(y, n, h, week, skip, best_k, best_how, out);
	free(f);
	return 0;
}
