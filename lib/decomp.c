/* decomp.c - seasonal decomposition forecast in the spirit of STL + ETS:
 * daily total = level x weekday factor, interval = daily total x share.
 *   weekday factor w(j): median of the totals of weekday j over the last
 *     8 weeks, divided by the mean of the 7 medians (0 for a closed day);
 *   level: simple exponential smoothing of the deseasonalised totals
 *     D(d) / w(j) over the last 26 weeks, alpha in 0.05..0.6 chosen by the
 *     one-step squared relative error;
 *   share(j, slot): sum of y over sum of the day totals of weekday j in
 *     the last 8 weeks.
 * Days the screen left out (skip) are passed over everywhere, so a level
 * shift is followed within days and a holiday does not drag it down.
 * Entry point: wfm_decomp_forecast(). */
#include "model.h"
#include "mem.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SHAPE_WEEKS 8
#define LEVEL_WEEKS 26

struct day { size_t first; double tot; int wday; };

/* Whole, unskipped days of y[0..n); returns the count. */
static size_t days(const double *y, size_t n, const wfm_calendar *cal,
		   const unsigned char *skip, struct day *d)
{
	size_t nd = 0, t = 0;

	while (t < n) {
		size_t a = t;
		double s = wfm_calendar_day_sum(cal, y, n, &t);
		if (cal->slot[a] == 0 && (t < n || cal->slot[t - 1] == cal->per_day - 1) &&
		    !(skip && skip[a]))
			d[nd++] = (struct day){ a, s, cal->wday[a] };
	}
	return nd;
}

static void weekday_factors(const struct day *d, size_t nd, double *w)
{
	double v[SHAPE_WEEKS + 2], mean = 0;
	size_t from = nd > 7 * SHAPE_WEEKS ? nd - 7 * SHAPE_WEEKS : 0;

	for (int j = 0; j < 7; j++) {
		size_t k = 0;
		for (size_t i = nd; i-- > from && k < SHAPE_WEEKS + 2;)
			if (d[i].wday == j)
				v[k++] = d[i].tot;
		if (k) {
			gsl_sort(v, 1, k);
			w[j] = gsl_stats_median_from_sorted_data(v, 1, k);
		} else {
			w[j] = 0;
		}
		mean += w[j] / 7;
	}
	for (int j = 0; j < 7; j++)
		w[j] = mean > 0 ? w[j] / mean : 0;
}

/* Smoothed level of the deseasonalised totals, alpha by one-step error. */
static double level(const struct day *d, size_t nd, const double *w)
{
	static const double alphas[] = { 0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.6 };
	size_t from = nd > 7 * LEVEL_WEEKS ? nd - 7 * LEVEL_WEEKS : 0;
	double best = INFINITY, out = 0, init = 0;
	size_t k = 0;

	for (size_t i = from; i < nd && k < 7; i++)
		if (w[d[i].wday] > 0) {
			init += d[i].tot / w[d[i].wday];
			k++;
		}
	if (!k)
		return 0;
	init /= (double)k;
	for (size_t a = 0; a < sizeof(alphas) / sizeof(alphas[0]); a++) {
		double l = init, sse = 0;
		size_t seen = 0;
		for (size_t i = from; i < nd; i++) {
			double x;
			if (!(w[d[i].wday] > 0))
				continue;
			x = d[i].tot / w[d[i].wday];
			if (seen++ >= 7 && l > 0)
				sse += (x - l) * (x - l) / (l * l);
			l += alphas[a] * (x - l);
		}
		if (sse < best) {
			best = sse;
			out = l;
		}
	}
	return out;
}

/* Level times weekday factor times the slot's share of its weekday over
 * the last SHAPE_WEEKS weeks; num: cells of scratch, zero. */
static void project(const double *y, size_t n, size_t h, const wfm_calendar *cal,
		    const struct day *d, size_t nd, double *num, double *out)
{
	size_t from = nd > 7 * SHAPE_WEEKS ? nd - 7 * SHAPE_WEEKS : 0;
	double den[7] = { 0 }, w[7], lv;

	weekday_factors(d, nd, w);
	lv = level(d, nd, w);
	for (size_t i = from; i < nd; i++) {
		den[d[i].wday] += d[i].tot;
		for (size_t t = d[i].first; t < n && cal->day[t] == cal->day[d[i].first]; t++)
			num[d[i].wday * (size_t)cal->per_day + (size_t)cal->slot[t]] += y[t];
	}
	for (size_t k = 0; k < h; k++) {
		size_t i = n + k;
		int j = cal->wday[i];
		double share = den[j] > 0 ? num[j * (size_t)cal->per_day + (size_t)cal->slot[i]] / den[j] : 0;
		out[k] = lv * w[j] * share;
	}
}

int wfm_decomp_forecast(const double *y, size_t n, size_t h, const wfm_calendar *cal,
			const unsigned char *skip, double *out, wfm_error *err)
{
	size_t cells = 7 * (size_t)cal->per_day, nd;
	struct day *d = malloc((n / (size_t)cal->per_day + 2) * sizeof(*d));
	double *num = calloc(cells, sizeof(double));
	int rc = 0;

	if (!d || !num)
		rc = wfm_error_set(err, "out of memory");
	else if ((nd = days(y, n, cal, skip, d)) < 14)
		rc = wfm_error_set(err, "decomp needs 14 whole days of history, have %zu", nd);
	else
		project(y, n, h, cal, d, nd, num, out);
	WFM_FREE(d, num);
	return rc;
}
