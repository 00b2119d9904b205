/* accuracy.h - forecast accuracy metrics.
 *
 * Over pairs (y actual, f forecast), skipping NAN actuals:
 *   WAPE  = sum|y - f| / sum|y|
 *   MASE  = mean|y - f| / scale, scale = mean|y_t - y_{t-m}| in training
 *   sMAPE = mean 2|y - f| / (|y| + |f|), pairs with y = f = 0 count as 0
 *   RMSE  = sqrt(mean (y - f)^2)
 *   bias  = sum(f - y) / sum|y|   (positive: over-forecast)
 * Ratios are fractions (0.05 = 5 %).
 *
 * Entry points: wfm_accuracy_compute(), wfm_accuracy_scale().
 */
#ifndef WFM_ACCURACY_H
#define WFM_ACCURACY_H

#include <stddef.h>

struct wfm_accuracy {
	double wape, mase, smape, rmse, bias;
	size_t n;            /* pairs counted */
};

enum wfm_metric { WFM_METRIC_WAPE, WFM_METRIC_MASE, WFM_METRIC_SMAPE, WFM_METRIC_RMSE };

/* Mean absolute seasonal difference of y[0..n) at lag m (NAN skipped);
 * NAN when there is no pair. */
double wfm_accuracy_scale(const double *y, size_t n, size_t m);

void wfm_accuracy_compute(const double *y, const double *f, size_t n,
			  double scale, struct wfm_accuracy *a);

double wfm_accuracy_get(const struct wfm_accuracy *a, enum wfm_metric m);
const char *wfm_metric_name(enum wfm_metric m);
int wfm_metric_parse(const char *s);   /* -1 when unknown */

#endif
