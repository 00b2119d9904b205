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
 *
 * Two clocks.  day/start/end/bstart/bend are the wall clock: what the file
 * says, what the working windows (earliest_start, latest_end), the local
 * coverage grid and every output use.  t0/t1/tb0/tb1 are the same times as
 * instants (UTC seconds), placed once by the loader in the zone the program
 * runs in (wfm_shift_place()).  Every rule on time worked or rested - paid
 * minutes, shift length, rest between shifts, overlap, weekly hours - is
 * elapsed time between instants (wfm_shift_paid(), wfm_shift_span(),
 * wfm_shift_at()), so a 22:00-06:00 shift is 9 h over the night clocks go
 * back and 7 h over the night they go forward, and a rest is what the agent
 * really gets.  In zones without DST both clocks agree to the minute.
 *
 * Entry points: wfm_plan_load(), wfm_plan_write(), wfm_plan_free(), wfm_plan_hhmm(),
 * wfm_roster_load(), wfm_roster_free(), wfm_roster_write(), wfm_roster_write_zones(),
 * wfm_shift_place(), wfm_shift_paid(), wfm_shift_span(), wfm_shift_at(), wfm_shift_abs().
 */
#ifndef WFM_PLAN_H
#define WFM_PLAN_H

#include <stdio.h>
#include <stdint.h>
#include "error.h"
#include "tz.h"

struct wfm_shift {
	int64_t day;            /* calendar day the shift starts */
	char *name;             /* plan: shift name; roster: shift column or "" */
	char *agent, *agent_name; /* roster only (NULL in a plan) */
	char *group;            /* plan: skill group; NULL or "" = single pool */
	int start, end;         /* minutes after midnight of day; end > start */
	int bstart, bend;       /* break, or both -1 */
	int64_t t0, t1;         /* start and end instants, UTC seconds (wfm_shift_place) */
	int64_t tb0, tb1;       /* the break's instants (both 0 without a break) */
	long count;             /* plan: how many; roster: 1 */
	long line;
};

typedef struct wfm_plan {
	size_t n;
	struct wfm_shift *s;
	char file[256];
} wfm_plan;

/* The instants of s's wall times in zone tz (NULL: UTC).  A wall time the
 * clocks skip (spring forward) counts on the clock before the change
 * (02:30 is 03:30 summer time); one that occurs twice (fall back) is its
 * first occurrence unless that is not after the time before it in the row
 * (start, break start, break end, end), then its second. */
void wfm_shift_place(struct wfm_shift *s, const wfm_tz *tz);
/* Paid minutes of a placed shift: elapsed time from start to end less the
 * break's. */
int wfm_shift_paid(const struct wfm_shift *s);
/* Elapsed minutes from start to end (break included). */
int wfm_shift_span(const struct wfm_shift *s);
/* Elapsed minutes from 00:00 UTC of the row's date to its start (end != 0:
 * its end): the start (end) less the zone's offset in minutes.  Rows k days
 * apart compare by adding k * 1440, so (k * 1440 + wfm_shift_at(b, 0)) -
 * wfm_shift_at(a, 1) is the real rest from a to b, k days later. */
int wfm_shift_at(const struct wfm_shift *s, int end);
/* (k + 2) * 1440 + wfm_shift_at(s, end): for a row on day k (>= 0) of a
 * range, its minute on one elapsed clock for the whole range, never
 * negative (so -1 can mean "no shift"). */
int wfm_shift_abs(const struct wfm_shift *s, int k, int end);

/* The loaders place every row in tz (NULL: UTC) with wfm_shift_place(). */
wfm_plan *wfm_plan_load(const char *path, const wfm_tz *tz, wfm_error *err);
void wfm_plan_free(wfm_plan *p);
/* Write plan rows in plan.csv format; the group column is written when
 * any row has a non-empty group. */
int wfm_plan_write(FILE *fp, const struct wfm_shift *s, size_t n);

/* roster.csv into the same structure (count = 1 per row). */
wfm_plan *wfm_roster_load(const char *path, const wfm_tz *tz, wfm_error *err);
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
