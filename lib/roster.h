/* roster.h - assign named agents to planned shifts (wfm roster).
 *
 * Method (documented in docs/roster.md): for each ISO week a days-on
 * pattern puts each agent's days where the covered share of the planned
 * paid hours is lowest; then day by day only pattern agents, the shift row
 * whose hours are least covered first, to the eligible agent of lowest
 * cost (fit of the shift length to the hours a day still needed, weekends
 * and late shifts already worked), with augmenting paths (move agent A
 * from shift x to the unfilled u if someone free can take x, to any depth)
 * when nobody is free; then any agent, one shift at a time on the least
 * filled day; then a bounded cross-day repair.  The same augmentation with
 * only the day-local rules (availability, working window, shift length)
 * gives an upper bound on the shifts any roster could fill that day.
 *
 * Hard rules: availability and fixed days off, working window, shift
 * length, minimum rest between shifts, max consecutive working days, at
 * most max_days_week working days and at most contract + tol paid hours
 * per ISO week (Mon..Sun), counting the previous roster.
 *
 * Entry points: wfm_roster_solve(), wfm_roster_result_free().
 */
#ifndef WFM_ROSTER_H
#define WFM_ROSTER_H

#include <stdint.h>
#include "agents.h"
#include "error.h"
#include "plan.h"

struct wfm_roster_opts {
	double min_rest_h;     /* minimum rest between two shifts (11) */
	int max_consecutive;   /* max working days in a row (6) */
	int max_days_week;     /* max working days per ISO week (5) */
	double tol_week_h;     /* paid hours may exceed the contract by this (4) */
	int late_after;        /* a shift ending after this minute is late (1320) */
};

void wfm_roster_opts_default(struct wfm_roster_opts *o);

struct wfm_roster_day {
	long planned, filled, bound;  /* bound: most a day-local roster could fill */
	long planned_min, filled_min; /* paid minutes */
	long bound_min;               /* most paid minutes the day could get: each
				       * agent available that day on its longest
				       * fitting shift, at most planned_min */
};

typedef struct wfm_roster_result {
	int64_t first_day;
	int ndays;
	/* Roster rows, sorted by day, start, end, agent; agent, agent_name and
	 * name point into the agents and plan given to the solver. */
	size_t n;
	struct wfm_shift *rows;
	/* Unfilled shifts: one entry per plan row with count = how many. */
	size_t nunfilled;
	struct wfm_shift *unfilled;
	struct wfm_roster_day *day;   /* ndays */
	/* Per agent over the window: paid minutes, days, weekend days, late
	 * shifts; full_weeks = ISO weeks wholly inside the window. */
	long *paid_min, *days, *weekends, *lates;
	int full_weeks;
} wfm_roster_result;

/* Roster days first_day .. first_day + ndays - 1 of plan.  prev (may be
 * NULL) is an earlier roster whose shifts count for rest, consecutive
 * days and weekly limits.  NULL and an error on bad input. */
wfm_roster_result *wfm_roster_solve(const wfm_plan *plan, const wfm_agents *ag,
				    const wfm_plan *prev, int64_t first_day, int ndays,
				    const struct wfm_roster_opts *o, wfm_error *err);
void wfm_roster_result_free(wfm_roster_result *r);


/* People on shift per interval of step minutes (a divisor of 1440) from
 * 00:00 of first_day for ndays days, breaks excluded, wall-clock time; a
 * shift only partly in an interval counts for the part (people x minutes /
 * step).  req (may be NULL) from the plan rows (count each), sch from the
 * roster rows (one each); shifts starting outside the window are left out,
 * shifts running past its end are cut.  0, or -1 on a bad step. */
int wfm_roster_coverage(const wfm_plan *plan, const struct wfm_shift *rows, size_t nrows,
			int64_t first_day, int ndays, int step, double *req, double *sch);
#endif
