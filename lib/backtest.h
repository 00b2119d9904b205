/* backtest.h - rolling-origin backtest, model choice and prediction
 * intervals.
 *
 * Origins at the start of each of the last `weeks` weeks of the history;
 * from each, every model is refitted on the data before it and forecasts
 * the following week (so the folds tile the last `weeks` weeks without
 * overlap).  Accuracy is pooled over all folds (imputed intervals are
 * not scored).  Standardised residuals z = (y - f) / sqrt(max(f, 1)) give
 * the interval bounds f + q * sqrt(max(f, 1)) at their empirical
 * (1 -/+ level) / 2 quantiles; closed intervals are left out.
 *
 * Entry point: wfm_backtest_run().
 */
#ifndef WFM_BACKTEST_H
#define WFM_BACKTEST_H

#include "accuracy.h"
#include "model.h"

struct wfm_backtest {
	size_t weeks;                          /* folds run */
	int ran[WFM_MODEL_COUNT];              /* model was backtested */
	struct wfm_accuracy acc[WFM_MODEL_COUNT];
	double zlo[WFM_MODEL_COUNT], zhi[WFM_MODEL_COUNT];
	int chosen;                            /* best ran model by the metric */
};

/* y: history with NAN imputed (fitting); obs: the same with NAN kept
 * (scoring; NULL = y).  models: bit mask of (1 << kind).  Needs
 * n >= (weeks + 2) weeks.  Returns 0, or -1 with err set. */
int wfm_backtest_run(const double *y, const double *obs, size_t n,
		     const wfm_calendar *cal, size_t weeks, unsigned models,
		     const struct wfm_model_opts *o, enum wfm_metric metric,
		     double level, struct wfm_backtest *bt, wfm_error *err);

/* Interval bounds for forecast f: f + z * sqrt(max(f, 1)), at least 0. */
void wfm_backtest_interval(double f, double zlo, double zhi, double *lo, double *hi);

#endif
