/* backtest.h - rolling-origin backtest, model choice, combinations and
 * prediction intervals.
 *
 * `weeks` origins a week apart, the last one `horizon` intervals before
 * the end of the history; from each, every model is refitted on the data
 * before it and forecasts the next `horizon` intervals (one week when 0),
 * so the backtest asks the question the forecast will answer.  Accuracy
 * is pooled over all folds; imputed intervals and days the screen found
 * closed (NAN in obs) are not scored.  Besides the single models, the
 * mean of the best two and of the best three (by the metric) are scored
 * as combinations; the best single model is chosen unless a combination
 * beats it by 1 %.  Standardised residuals
 * z = (y - f) / sqrt(max(f, 1)) give the interval bounds
 * f + q * sqrt(max(f, 1)) at their empirical (1 -/+ level) / 2 quantiles;
 * closed intervals are left out.
 *
 * Entry point: wfm_backtest_run().
 */
#ifndef WFM_BACKTEST_H
#define WFM_BACKTEST_H

#include "accuracy.h"
#include "model.h"

/* Slots: the models, then the best-2 and best-3 combinations. */
#define WFM_BT_SLOTS (WFM_MODEL_COUNT + 2)

struct wfm_backtest {
	size_t weeks;                          /* folds run */
	size_t horizon;                        /* intervals per fold */
	size_t first;                          /* first origin (interval) */
	unsigned mask[WFM_BT_SLOTS];           /* models of each slot */
	int ran[WFM_BT_SLOTS];                 /* slot was backtested */
	struct wfm_accuracy acc[WFM_BT_SLOTS];
	double zlo[WFM_BT_SLOTS], zhi[WFM_BT_SLOTS];
	int chosen;                            /* best ran slot by the metric */
};

/* y: history with NAN imputed (fitting); obs: the same with NAN kept
 * (scoring; NULL = y).  models: bit mask of (1 << kind).  combine: also
 * score the best-2 and best-3 means.  Needs the first origin at least 2
 * weeks into the history.  Returns 0, or -1 with err set. */
int wfm_backtest_run(const double *y, const double *obs, size_t n,
		     const wfm_calendar *cal, size_t weeks, size_t horizon,
		     unsigned models, int combine,
		     const struct wfm_model_opts *o, enum wfm_metric metric,
		     double level, struct wfm_backtest *bt, wfm_error *err);

/* Interval bounds for forecast f: f + z * sqrt(max(f, 1)), at least 0. */
void wfm_backtest_interval(double f, double zlo, double zhi, double *lo, double *hi);

#endif
