/* accuracy.c - WAPE, MASE, sMAPE, RMSE and bias of a forecast.  Entry
 * points: wfm_accuracy_compute(), wfm_accuracy_scale(). */
#include "accuracy.h"

#include <math.h>
#include <string.h>

double wfm_accuracy_scale(const double *y, size_t n, size_t m)
{
	double s = 0;
	size_t k = 0;

	for (size_t t = m; t < n; t++)
		if (!isnan(y[t]) && !isnan(y[t - m])) {
			s += fabs(y[t] - y[t - m]);
			k++;
		}
	return k ? s / (double)k : NAN;
}

void wfm_accuracy_compute(const double *y, const double *f, size_t n,
			  double scale, struct wfm_accuracy *a)
{
	double sae = 0, sy = 0, sse = 0, sf = 0, sm = 0;
	size_t k = 0;

	for (size_t t = 0; t < n; t++) {
		double e;
		if (isnan(y[t]) || isnan(f[t]))
			continue;
		e = y[t] - f[t];
		sae += fabs(e);
		sse += e * e;
		sy += fabs(y[t]);
		sf += f[t] - y[t];
		if (fabs(y[t]) + fabs(f[t]) > 0)
			sm += 2 * fabs(e) / (fabs(y[t]) + fabs(f[t]));
		k++;
	}
	a->n = k;
	a->wape = sy > 0 ? sae / sy : NAN;
	a->bias = sy > 0 ? sf / sy : NAN;
	a->smape = k ? sm / (double)k : NAN;
	a->rmse = k ? sqrt(sse / (double)k) : NAN;
	a->mase = k && scale > 0 && isfinite(scale) ? sae / (double)k / scale : NAN;
}

double wfm_accuracy_get(const struct wfm_accuracy *a, enum wfm_metric m)
{
	switch (m) {
	case WFM_METRIC_MASE: return a->mase;
	case WFM_METRIC_SMAPE: return a->smape;
	case WFM_METRIC_RMSE: return a->rmse;
	default: return a->wape;
	}
}

static const char *names[] = { "wape", "mase", "smape", "rmse" };

const char *wfm_metric_name(enum wfm_metric m)
{
	return names[m];
}

int wfm_metric_parse(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}
