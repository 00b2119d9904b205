/* plan.h - shift plans (plan.csv) and rosters (roster.csv).
 *
 * plan.csv:   date,shift,start,end,break_start,break_end,count[,group]
 *             (group: the skill group the shifts are planned for, when
 *             planned by skill groups; absent or empty: a single pool)
 * roster.csv: date,agent_id,name,start,end,break_start,break_end[,shift][,group]
 *             (group read and written back when any row has one)
 * date is the day the shift starts; times are local HH:MM; an end at or
 * before the start is on the next day (17:00-01:00 ends at 01:00 the next
 * day); empty break fields mean no break.  In memory every time is in
 * minutes after midnight of `day`, so an end past midnight is > 1440.
 * Rest and overlap arithmetic uses wall-clock minutes (day * 1440 + min):
 * exact in zones without DST, off by the DST shift on the two change days.
 *
 * Entry points: wfm_plan_load(), wfm_plan_write(), wfm_plan_free(), wfm_plan_hhmm(),
 * wfm_roster_load(), wfm_roster_free(), wfm_roster_write(), wfm_roster_write_zones().
 */
#ifndef WFM_PLAN_H
#define WFM_PLAN_H

#include <stdio.h>
#include <stdint.h>
#include "error.h"

struct wfm_shift {
	int64_t day;            /* calendar day the shift starts */
	char *name;             /* plan: shift name; roster: shift column or "" */
	char *agent, *agent_name; /* roster only (NULL in a plan) */
	char *group;            /* plan: skill group; NULL or "" = single pool */
	int start, end;         /* minutes after midnight of day; end > start */
	int bstart, bend;       /* break, or both -1 */
	long count;             /* plan: how many; roster: 1 */
	long line;
};

typedef struct wfm_plan {
	size_t n;
	struct wfm_shift *s;
	char file[256];
} wfm_plan;

/* Paid minutes of a shift: its span less the break. */
int wfm_shift_paid(const struct wfm_shift *s);

wfm_plan *wfm_plan_load(const char *path, wfm_error *err);
void wfm_plan_free(wfm_plan *p);
/* Write plan rows in plan.csv format; the group column is written when
 * any row has a non-empty group. */
int wfm_plan_write(FILE *fp, const struct wfm_shift *s, size_t n);

/* roster.csv into the same structure (count = 1 per row). */
wfm_plan *wfm_roster_load(const char *path, wfm_error *err);
#define wfm_roster_free wfm_plan_free
/* Write roster rows (agent fields set) in roster.csv format with the
 * trailing shift column. */
int wfm_roster_write(FILE *fp, const struct wfm_shift *s, size_t n);
/* The same with a last column tz, zone[i] for row i (wfm localize: rows in
 * each agent's zone). */
int wfm_roster_write_zones(FILE *fp, const struct wfm_shift *s, size_t n, const char *const *zone);

/* The one check of a shift row's times, for every reader of plan.csv and
 * roster.csv (wfm-chart too): col[] = the start, end, break_start and
 * break_end columns of the current row of r.  start, end (next day when not
 * after start) and an optional break strictly inside the shift into s
 * (bstart = bend = -1 without).  0, or -1 with the row's line and column. */
struct wfm_csv_reader;
int wfm_plan_times(const struct wfm_csv_reader *r, const int *col, struct wfm_shift *s,
		   wfm_error *err);

/* "HH:MM" of minutes, modulo 24 h. */
void wfm_plan_hhmm(int min, char buf[8]);

#endif
