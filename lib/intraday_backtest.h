/* intraday_backtest.h - replay a history's days to score the intraday
 * update (wfm intraday --backtest).
 *
 * For each of the last `days` whole days of the history: the forecast of
 * that day made the evening before (the model fitted on everything before
 * it, AHT by wfm_aht_forecast), the day's actuals (times `shock`, the
 * injected whole-day level change), and at each `now` time of day the
 * update of intraday.h from the actuals before now.  Scores of the rest of
 * the day (now to midnight), pooled over days: WAPE of the unchanged
 * forecast and of the update, the rest-of-day total's absolute error (the
 * level gap), and volume-weighted AHT WAPE.  The update's s_d and s_o are
 * chosen on the replay without shock from a grid: least pooled error among
 * the pairs no worse than the unchanged forecast by more than 1% at any
 * channel and now (else the least pooled error).
 *
 * Entry points: wfm_intraday_bt_prepare(), wfm_intraday_bt_score(),
 * wfm_intraday_bt_tune(), wfm_intraday_bt_table(), wfm_intraday_bt_free().
 */
#ifndef WFM_INTRADAY_BACKTEST_H
#define WFM_INTRADAY_BACKTEST_H

#include <stdio.h>
#include "intraday.h"
#include "model.h"

#define WFM_INTRADAY_MAX_NOW 48

typedef struct wfm_intraday_bt wfm_intraday_bt;

struct wfm_intraday_bt_cell {
	double act;                 /* actual volume of the rests of day */
	double err_before, err_after;  /* summed |forecast - actual| */
	double gap_before, gap_after;  /* summed |rest total - actual rest total| */
	double aht_w, aht_before, aht_after;  /* volume-weighted AHT errors, their weight */
	long days;
};

/* Forecasts of the last `days` whole days of h (at least 2 weeks of
 * history must come before the first). */
wfm_intraday_bt *wfm_intraday_bt_prepare(const wfm_series *h, const char *path, const wfm_tz *tz,
					 int model, const struct wfm_model_opts *mo, size_t days,
					 wfm_error *err);
void wfm_intraday_bt_free(wfm_intraday_bt *bt);
size_t wfm_intraday_bt_days(const wfm_intraday_bt *bt);
int64_t wfm_intraday_bt_first_day(const wfm_intraday_bt *bt);

/* Score at the nnow times of day now_min[] (minutes after midnight; the
 * update sees the intervals starting before it): cell[c * nnow + k]. */
void wfm_intraday_bt_score(const wfm_intraday_bt *bt, const struct wfm_intraday_params *p,
			   double shock, const int *now_min, int nnow,
			   struct wfm_intraday_bt_cell *cell);

/* Choose p's day_sd, shape_sd (and the AHT pair) on the replay without
 * shock, as described above. */
void wfm_intraday_bt_tune(const wfm_intraday_bt *bt, struct wfm_intraday_params *p,
			  const int *now_min, int nnow);

/* The whole report: what was replayed, the parameters (chosen: by
 * wfm_intraday_bt_tune, else given), then the table below. */
void wfm_intraday_bt_report(FILE *fp, const wfm_intraday_bt *bt, const struct wfm_intraday_params *p,
			    const char *model, double shock, int chosen, const char *const *chan,
			    size_t nchan, const int *now_min, int nnow, const struct wfm_intraday_bt_cell *cell);

/* The report's table: a row per channel and now, then per now over all
 * channels: days, WAPE before and after (%), change (% of before), share
 * of the rest-of-day level gap closed (%), AHT WAPE before and after. */
void wfm_intraday_bt_table(FILE *fp, const char *const *chan, size_t nchan, const int *now_min,
			   int nnow, const struct wfm_intraday_bt_cell *cell);

#endif
