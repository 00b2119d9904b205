/* profile.h - load profiles and summaries of a history series.
 *
 * The intraday profile averages each interval of the day over the days
 * of a group (a weekday, or a month), so a planner sees the shape the
 * schedule must follow: mean volume, share of the group's day, and the
 * ratio to the group's mean interval (peak-hour ratio at the peak).
 * The summary adds daily totals, the weekly growth trend (least squares
 * on log weekly totals), missing and zero intervals, and peak days.
 *
 * Entry points: wfm_profile_compute(), wfm_profile_load(), wfm_profile_daily(),
 * wfm_profile_summary(), wfm_profile_free(); the writers (profile_io.c):
 * wfm_profile_write(), wfm_daily_write(), wfm_profile_summary_write().
 */
#ifndef WFM_PROFILE_H
#define WFM_PROFILE_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "error.h"
#include "series.h"
#include "tz.h"

enum wfm_profile_by { WFM_BY_WEEKDAY, WFM_BY_MONTH };

/* One channel's profile: ngroups x nslots cells. */
struct wfm_profile_chan {
	double *mean;        /* [g * nslots + k]; NAN where no data */
	double *share;       /* mean / sum of the group's means */
	double *ratio;       /* mean / mean of the group's means */
	long *ndays;         /* days averaged in each cell */
};

typedef struct wfm_profile {
	enum wfm_profile_by by;
	int ngroups;         /* 7 or 12 */
	int nslots;          /* intervals per day */
	int step;            /* seconds */
	size_t nchan;
	struct wfm_profile_chan *chan;
	char **channel;      /* names when read by wfm_profile_load(), else NULL */
	unsigned char *given;/* wfm_profile_load(): [g * nslots + k] 1 where the file has a
			      * row (any channel), so a chart draws only those; else NULL */
} wfm_profile;

wfm_profile *wfm_profile_compute(const wfm_series *s, const wfm_tz *tz,
				 enum wfm_profile_by by, wfm_error *err);
void wfm_profile_free(wfm_profile *p);
/* Read a profile written by wfm-profile (channel,group,time,mean,...):
 * groups all weekdays or all months, times on a 15, 30 or 60 min grid;
 * share and ratio are recomputed from mean (empty mean = no data). */
wfm_profile *wfm_profile_load(const char *path, wfm_error *err);
/* "Mon".."Sun" or "Jan".."Dec". */
const char *wfm_profile_group_name(const wfm_profile *p, int g);

/* Daily totals per channel over local calendar days. */
typedef struct wfm_daily {
	int64_t first_day;   /* day number of day 0 */
	size_t ndays, nchan;
	double *total;       /* [c * ndays + d] */
	int *incomplete;     /* [c * ndays + d]: intervals missing that day */
} wfm_daily;

wfm_daily *wfm_profile_daily(const wfm_series *s, const wfm_tz *tz, wfm_error *err);
void wfm_daily_free(wfm_daily *d);

struct wfm_peak_day {
	int64_t day;
	double total;
};

/* Per-channel summary figures. */
struct wfm_channel_summary {
	size_t intervals, missing, zero;
	int closed_from, closed_to;   /* minute of day of a daily closed window, -1 if none */
	double mean_daily;            /* over complete days */
	double weekday_mean[7];       /* mean daily total by weekday */
	double growth_week;           /* fitted growth per week, fraction (0.004 = +0.4%) */
	double growth_year;           /* the same, compounded over 52 weeks */
	size_t weeks;                 /* complete weeks in the fit */
	double peak_ratio;            /* max over cells of the weekday profile ratio */
	size_t ntop;
	struct wfm_peak_day top[32];  /* busiest days, descending */
};

int wfm_profile_summary(const wfm_series *s, const wfm_tz *tz, size_t ntop,
			struct wfm_channel_summary *out, wfm_error *err);

/* profile.csv: channel,group,time,mean,share,ratio,days. */
void wfm_profile_write(FILE *fp, const wfm_series *s, const wfm_profile *p);
/* Daily totals: date,weekday,channel,volume,complete (no volume on a day
 * with no data; complete 0 when intervals are missing). */
void wfm_daily_write(FILE *fp, const wfm_series *s, const wfm_tz *tz, const wfm_daily *d);
/* The summary of every channel, as text or JSON. */
void wfm_profile_summary_write(FILE *fp, int json, const wfm_series *s, const wfm_tz *tz,
			       const struct wfm_channel_summary *sum);

#endif
