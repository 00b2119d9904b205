/* regression.c - daily-total regression x intraday shares.
 *
 * Daily totals Y(d) of complete days are regressed (log: log(Y + 1);
 * linear: Y) on
 *   1, weekday dummies (Tue..Sun), trend (years), yearly Fourier terms
 *   sin/cos(2 pi k doy / 365.25), k = 1, 2, and one dummy per event name
 *   and role (days before / on the date / days after)
 * by iteratively reweighted least squares with Tukey's bisquare weights
 * (c = 4.685, scale = 1.4826 MAD), so outlier days do not bend the fit.
 * Each step solves the weighted normal equations by Cholesky with a tiny
 * ridge (1e-9 of the mean diagonal, for dummies that always coincide);
 * gsl_multifit_wlinear (SVD) when that fails.  An interval's forecast is the day's
 * predicted total (log: smearing-corrected, Duan 1983) times the share of
 * that weekday x interval in the day: the trimmed mean (10 % each side)
 * of y / Y over the last 26 weeks, normalised to sum to 1.  In logs this
 * is the weekday x interval effects model log y = a(wday, slot) + x(d) b.
 * Terms need history: weekday >= 2 weeks, trend >= 4 weeks, Fourier >= 1
 * year; an event role needs one past occurrence.
 * Entry points: wfm_regression_fit(), wfm_regression_predict(). */
#include "model.h"
#include "mem.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NFOURIER 2
#define SHARE_WEEKS 26

struct wfm_regression {
	int linear;
	size_t p, nbase;
	double *beta;
	int64_t day0;
	int wdays, trend, fourier;
	const wfm_events *ev;
	size_t nroles;       /* nnames * 3 */
	int *col_ev;         /* column of each event role, -1 when none */
	unsigned char *flags;
	int per_day;
	double *share;       /* [wday * per_day + slot] */
	double smear;
};

void wfm_regression_free(wfm_regression *m)
{
	if (m)
		WFM_FREE(m->beta, m->col_ev, m->flags, m->share, m);
}

static void row(const wfm_regression *m, int64_t day, int wday, double *x)
{
	size_t j = 0;

	x[j++] = 1;
	if (m->wdays)
		for (int w = 1; w < 7; w++)
			x[j++] = wday == w;
	if (m->trend)
		x[j++] = (double)(day - m->day0) / 365.25;
	if (m->fourier)
		for (int k = 1; k <= NFOURIER; k++) {
			double a = 2 * M_PI * k * (double)day / 365.25;
			x[j++] = sin(a);
			x[j++] = cos(a);
		}
	for (size_t c = j; c < m->p; c++)
		x[c] = 0;
	if (m->ev && m->nroles) {
		wfm_events_roles(m->ev, day, m->flags);
		for (size_t r = 0; r < m->nroles; r++)
			if (m->col_ev[r] >= 0 && m->flags[r])
				x[m->col_ev[r]] = 1;
	}
}

static double day_total(const wfm_regression *m, int64_t day, int wday, double *x)
{
	double s = 0;

	row(m, day, wday, x);
	for (size_t j = 0; j < m->p; j++)
		s += x[j] * m->beta[j];
	return m->linear ? s : m->smear * exp(s) - 1;
}

/* Complete days of y[0..n): first index of each, its total and weekday.
 * Days flagged in skip and days of 0 (closed) are left out, so a weekly
 * closure or a holiday does not enter the log fit as log(1). */
static size_t complete_days(const double *y, size_t n, const wfm_calendar *cal,
			    const unsigned char *skip, size_t *first, double *total)
{
	size_t nd = 0, t = 0;

	while (t < n) {
		size_t a = t;
		double s = wfm_calendar_day_sum(cal, y, n, &t);
		/* complete: starts at slot 0 and the next interval is another day */
		if (s > 0 && !(skip && skip[a]) &&
		    cal->slot[a] == 0 && (t < cal->n ? cal->day[t] != cal->day[a]
					  : cal->slot[t - 1] == cal->per_day - 1)) {
			first[nd] = a;
			total[nd++] = s;
		}
	}
	return nd;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static int shares(wfm_regression *m, const double *y, const wfm_calendar *cal,
		  const size_t *first, const double *total, size_t nd)
{
	size_t cells = 7 * (size_t)m->per_day, from = nd > 7 * SHARE_WEEKS ? nd - 7 * SHARE_WEEKS : 0;
	size_t maxv = SHARE_WEEKS + 1;
	double *v = malloc(cells * maxv * sizeof(double));
	size_t *cnt = calloc(cells, sizeof(size_t));

	if (!v || !cnt) {
		WFM_FREE(v, cnt);
		return -1;
	}
	for (size_t d = from; d < nd; d++) {
		if (total[d] <= 0)
			continue;
		for (size_t t = first[d]; t < cal->n && cal->day[t] == cal->day[first[d]]; t++) {
			size_t c = cal->wday[t] * (size_t)m->per_day + (size_t)cal->slot[t];
			if (cnt[c] < maxv)
				v[c * maxv + cnt[c]++] = y[t] / total[d];
		}
	}
	for (size_t c = 0; c < cells; c++) {
		size_t k = cnt[c], cut = k / 10, used;
		double s = 0;
		if (k >= 5 && cut == 0)
			cut = 1;
		qsort(v + c * maxv, k, sizeof(double), cmp_double);
		used = k - 2 * cut;
		for (size_t j = cut; j < k - cut; j++)
			s += v[c * maxv + j];
		m->share[c] = used ? s / (double)used : 0;
	}
	for (int w = 0; w < 7; w++) {
		double s = 0;
		for (int k = 0; k < m->per_day; k++)
			s += m->share[w * m->per_day + k];
		if (s > 0)
			for (int k = 0; k < m->per_day; k++)
				m->share[w * m->per_day + k] /= s;
	}
	WFM_FREE(v, cnt);
	return 0;
}

/* b = (X'WX + ridge)^-1 X'Wy by Cholesky; A is p x p scratch. */
static int wsolve(const gsl_matrix *X, const gsl_vector *w, const gsl_vector *yv,
		  gsl_vector *b, gsl_matrix *A)
{
	size_t nd = X->size1, p = X->size2;
	double tr = 0;

	gsl_matrix_set_zero(A);
	gsl_vector_set_zero(b);
	for (size_t i = 0; i < nd; i++) {
		const double *x = gsl_matrix_const_ptr(X, i, 0);
		double wi = gsl_vector_get(w, i), wy = wi * gsl_vector_get(yv, i);
		if (wi == 0)
			continue;
		for (size_t j = 0; j < p; j++) {
			double wx;
			if (x[j] == 0)
				continue;
			wx = wi * x[j];
			for (size_t k = 0; k <= j; k++)
				*gsl_matrix_ptr(A, j, k) += wx * x[k];
			*gsl_vector_ptr(b, j) += x[j] * wy;
		}
	}
	for (size_t j = 0; j < p; j++)
		tr += gsl_matrix_get(A, j, j);
	for (size_t j = 0; j < p; j++) {
		*gsl_matrix_ptr(A, j, j) += 1e-9 * tr / (double)p;
		for (size_t k = 0; k < j; k++)
			gsl_matrix_set(A, k, j, gsl_matrix_get(A, j, k));
	}
	if (gsl_linalg_cholesky_decomp1(A))
		return -1;
	return gsl_linalg_cholesky_svx(A, b) ? -1 : 0;
}

static int irls(wfm_regression *m, const gsl_matrix *X, const gsl_vector *yv, wfm_error *err)
{
	size_t nd = X->size1, p = X->size2;
	gsl_multifit_linear_workspace *ws = gsl_multifit_linear_alloc(nd, p);
	gsl_vector *w = gsl_vector_alloc(nd), *b = gsl_vector_alloc(p), *r = gsl_vector_alloc(nd);
	gsl_matrix *cov = gsl_matrix_alloc(p, p);
	double *ar = malloc(nd * sizeof(double)), chisq, sw = 0, se = 0;
	int rc = 0;

	if (!ws || !w || !b || !r || !cov || !ar) {
		rc = wfm_error_set(err, "out of memory");
		goto done;
	}
	gsl_vector_set_all(w, 1);
	for (int it = 0; it < 30; it++) {
		double scale, change = 0;
		if (wsolve(X, w, yv, b, cov) &&
		    gsl_multifit_wlinear(X, w, yv, b, cov, &chisq, ws)) {
			rc = wfm_error_set(err, "regression: least-squares fit failed");
			goto done;
		}
		for (size_t j = 0; j < p; j++) {
			change = fmax(change, fabs(gsl_vector_get(b, j) - m->beta[j]));
			m->beta[j] = gsl_vector_get(b, j);
		}
		gsl_multifit_linear_residuals(X, yv, b, r);
		for (size_t i = 0; i < nd; i++)
			ar[i] = fabs(gsl_vector_get(r, i));
		gsl_sort(ar, 1, nd);
		scale = 1.4826 * gsl_stats_median_from_sorted_data(ar, 1, nd);
		if (!(scale > 0))
			break;
		for (size_t i = 0; i < nd; i++) {
			double u = gsl_vector_get(r, i) / (4.685 * scale);
			gsl_vector_set(w, i, fabs(u) < 1 ? (1 - u * u) * (1 - u * u) : 0);
		}
		if (it > 0 && change < 1e-6)
			break;
	}
	/* Duan's smearing factor over the days the fit kept */
	for (size_t i = 0; i < nd; i++) {
		double wi = gsl_vector_get(w, i);
		sw += wi;
		se += wi * exp(gsl_vector_get(r, i));
	}
	m->smear = sw > 0 ? se / sw : 1;
done:
	gsl_multifit_linear_free(ws);
	gsl_vector_free(w);
	gsl_vector_free(b);
	gsl_vector_free(r);
	gsl_matrix_free(cov);
	free(ar);
	return rc;
}

wfm_regression *wfm_regression_fit(const double *y, size_t n, const wfm_calendar *cal,
				   const wfm_events *ev, int linear,
				   const unsigned char *skip, wfm_error *err)
{
	wfm_regression *m = calloc(1, sizeof(*m));
	size_t maxd = n / (size_t)cal->per_day + 2, nd, *first = NULL, p;
	double *total = NULL;
	gsl_matrix *X = NULL;
	gsl_vector *yv = NULL;
	size_t *evcount = NULL;
	int ok = 0;

	if (!m || !(first = malloc(maxd * sizeof(*first))) || !(total = malloc(maxd * sizeof(*total))))
		goto oom;
	m->linear = linear;
	m->per_day = cal->per_day;
	m->ev = ev;
	m->smear = 1;
	if (!(m->share = calloc(7 * (size_t)cal->per_day, sizeof(double))))
		goto oom;
	nd = complete_days(y, n, cal, skip, first, total);
	if (nd < 14) {
		wfm_error_set(err, "regression needs 14 complete days of history, have %zu", nd);
		goto done;
	}
	m->day0 = cal->day[first[0]];
	m->wdays = 1;
	m->trend = nd >= 28;
	m->fourier = cal->day[first[nd - 1]] - m->day0 >= 365;
	p = 1 + 6 + (size_t)m->trend + (m->fourier ? 2 * NFOURIER : 0);
	m->nbase = p;
	if (ev && ev->nnames) {
		m->nroles = ev->nnames * WFM_EV_ROLES;
		if (!(m->col_ev = malloc(m->nroles * sizeof(int))) ||
		    !(m->flags = malloc(m->nroles)) || !(evcount = calloc(m->nroles, sizeof(size_t))))
			goto oom;
		for (size_t d = 0; d < nd; d++) {
			wfm_events_roles(ev, cal->day[first[d]], m->flags);
			for (size_t r = 0; r < m->nroles; r++)
				evcount[r] += m->flags[r];
		}
		for (size_t r = 0; r < m->nroles; r++)
			m->col_ev[r] = evcount[r] ? (int)p++ : -1;
	}
	m->p = p;
	if (nd < p + 7) {
		wfm_error_set(err, "regression: %zu complete days is too few for %zu terms", nd, p);
		goto done;
	}
	if (!(m->beta = calloc(p, sizeof(double))) || !(X = gsl_matrix_alloc(nd, p)) ||
	    !(yv = gsl_vector_alloc(nd)))
		goto oom;
	for (size_t d = 0; d < nd; d++) {
		row(m, cal->day[first[d]], cal->wday[first[d]], gsl_matrix_ptr(X, d, 0));
		gsl_vector_set(yv, d, linear ? total[d] : log(total[d] + 1));
	}
	if (irls(m, X, yv, err))
		goto done;
	if (linear)
		m->smear = 1;
	if (shares(m, y, cal, first, total, nd))
		goto oom;
	ok = 1;
	goto done;
oom:
	wfm_error_set(err, "out of memory");
done:
	gsl_matrix_free(X);
	gsl_vector_free(yv);
	WFM_FREE(first, total, evcount);
	if (ok)
		return m;
	wfm_regression_free(m);
	return NULL;
}

void wfm_regression_predict(const wfm_regression *m, const wfm_calendar *cal,
			    size_t from, size_t h, double *out)
{
	double *x = malloc(m->p * sizeof(double)), tot = 0;
	int64_t last = INT64_MIN;

	for (size_t k = 0; k < h; k++) {
		size_t i = from + k;
		if (cal->day[i] != last) {
			last = cal->day[i];
			tot = x ? day_total(m, last, cal->wday[i], x) : 0;
			if (tot < 0)
				tot = 0;
		}
		out[k] = tot * m->share[cal->wday[i] * m->per_day + cal->slot[i]];
	}
	free(x);
}

double wfm_regression_event_factor(const wfm_regression *m, const wfm_calendar *cal, size_t i)
{
	double s = 0;

	if (m->linear || !m->ev || !m->nroles)
		return 1;
	wfm_events_roles(m->ev, cal->day[i], m->flags);
	for (size_t r = 0; r < m->nroles; r++)
		if (m->col_ev[r] >= 0 && m->flags[r])
			s += m->beta[m->col_ev[r]];
	return exp(s);
}

double wfm_regression_event_coef(const wfm_regression *m, int name, int role)
{
	size_t r = (size_t)name * WFM_EV_ROLES + (size_t)role;

	if (!m->ev || r >= m->nroles || m->col_ev[r] < 0)
		return 0;
	return m->beta[m->col_ev[r]];
}

double wfm_regression_trend(const wfm_regression *m)
{
	return m->trend ? m->beta[7] : 0;
}
