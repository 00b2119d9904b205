/* overrides.h - planners' overrides of a forecast, from
 * `date|timestamp,channel,factor|volume`.
 *
 * A row names one local day (`date`, YYYY-MM-DD) or one interval
 * (`timestamp`) of one channel and either multiplies its forecast by
 * `factor` or sets its total to `volume` (a day's intervals are scaled
 * together, keeping the shape; a day forecast at 0 gets the volume spread
 * evenly).  Bounds move with the point.  Applied last, after --scale.
 * Exactly one of date/timestamp and one of factor/volume per file.
 *
 * Entry points: wfm_overrides_load(), wfm_overrides_apply(),
 * wfm_overrides_free().
 */
#ifndef WFM_OVERRIDES_H
#define WFM_OVERRIDES_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "tz.h"

struct wfm_override {
	long line;           /* input line, for reports */
	char *channel;
	int by_day;          /* 1: day is set; 0: utc is set */
	int64_t day, utc;
	int set_volume;      /* 1: value is a volume; 0: a factor */
	double value;
	/* filled by wfm_overrides_apply() */
	size_t hits;         /* intervals changed */
	double before, after; /* totals over them */
};

typedef struct wfm_overrides {
	char *path;
	size_t n;
	struct wfm_override *o;
} wfm_overrides;

wfm_overrides *wfm_overrides_load(const char *path, const wfm_tz *tz, wfm_error *err);
void wfm_overrides_free(wfm_overrides *ov);

/* Apply to channel `channel` of a forecast of h intervals: the k-th
 * starts at instant start + k * step on local day day[k]; vol, lo, hi
 * [0..h) are changed in place.  Rows of other channels are left alone. */
void wfm_overrides_apply(wfm_overrides *ov, const char *channel, int64_t start, int step,
			 const int64_t *day, size_t h, double *vol, double *lo, double *hi);

#endif
