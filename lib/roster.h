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
 * Repair (wfm_roster_repair): a published roster is the starting point.
 * Its rows before the window are fixed history; its rows in the window are
 * kept unless they have become impossible (agent left or not available,
 * no longer in the plan, a hard rule broken by the fixed rows), and the
 * open shifts are filled with as few changed rows as the same greedy +
 * augmenting paths allow (a free agent first, one changed row per filled
 * shift; a path moves at most max_moves kept rows, so one dropped row
 * costs at most max_moves + 2 changed rows), with no days-on pattern, no
 * cross-day repair and no contract swaps.  Only the instances the dropped
 * rows leave open are filled: what the published roster left unfilled
 * stays unfilled.  Days of the window without any published row (of a
 * known agent) are filled afresh, without the days-on pattern.
 *
 * Nothing fitting nobody stops a roster: such shifts go to the unfilled
 * list with the reason.
 *
 * Entry points: wfm_roster_solve(), wfm_roster_repair(),
 * wfm_roster_result_free(), wfm_roster_changes_write(),
 * and for rostermip.c too: wfm_roster_name_rows() (the roster rows' one
 * order), wfm_roster_fits() and wfm_roster_extra_skills() (the day-local
 * rules).
 */
#ifndef WFM_ROSTER_H
#define WFM_ROSTER_H

#include <stdint.h>
#include <stdio.h>
#include "agents.h"
#include "error.h"
#include "groups.h"
#include "plan.h"

struct wfm_roster_opts {
	double min_rest_h;     /* minimum rest between two shifts (11) */
	int max_consecutive;   /* max working days in a row (6) */
	int max_days_week;     /* max working days per ISO week (5) */
	double tol_week_h;     /* paid hours may exceed the contract by this (4) */
	int late_after;        /* a shift ending after this minute is late (1320) */
	int max_moves;         /* repair: kept rows one open shift may move (1) */
	double stable_w;       /* cost per hour a start lies over an hour from the
				* agent's other starts that week (1; 0: off) */
	double off_pair_w;     /* cost (hours) of taking the last two consecutive
				* days off of an agent's ISO week; with it on
				* the days-on pattern keeps two consecutive days
				* off (4; 0: off) */
	const wfm_groups *groups; /* names of the plan's group column (NULL: each
				   * group name is its skill list, "calls|chat") */
};

void wfm_roster_opts_default(struct wfm_roster_opts *o);

struct wfm_roster_day {
	long planned, filled, bound;  /* bound: most a day-local roster could fill */
	long planned_min, filled_min; /* paid minutes */
	long bound_min;               /* most paid minutes any roster could give the
				       * day under the day-local rules (a maximum
				       * weight matching of agents and the day's
				       * shift instances) */
	long target_min;              /* bound_min, lowered where the weekly limits
				       * cannot give every day of the ISO week its
				       * bound: min(bound_min, level x planned_min)
				       * with the week's level (max-min) */
};

/* Per ISO week of the window: the weekly limits on what the days can get.
 * Each agent can give at most min(contract + tolerance, its longest
 * fitting shifts on its max_days_week best available days) paid minutes
 * (less what it worked that week before the window); cap_min sums them.
 * When cap_min < the sum of the days' bound_min, no roster gives every
 * day min(bound_min, L x planned_min) for L > level. */
struct wfm_roster_week {
	int64_t monday;           /* first window day of the week */
	int ndays;                /* window days in the week */
	long cap_min, best_min;   /* agents' weekly capacity; sum of bound_min */
	long cap_days_min, cap_contract_min; /* cap_min of the agents bound by the
					      * days limit, by contract + tolerance */
	long n_days, n_contract;  /* how many agents each */
	double level;             /* max-min level (share), 1 when not binding:
				   * the smaller of the capacity's and the LP's */
	int lp;                   /* 1 when the class LP was solved (roster_bound.h) */
	int ncls;                 /* agent classes */
	long adays, adays_used;   /* agent-days the week allows (max days a week,
				   * availability), worked in the roster */
	double lp_level;          /* its level */
};

/* One row that differs from the published roster. */
struct wfm_roster_change {
	int64_t day;
	const char *agent, *name;          /* point into the agents or the published roster */
	const struct wfm_shift *old, *new; /* NULL: no shift that day */
	const char *why;                   /* static text */
};

/* Plan by skill groups: shifts and paid minutes planned and filled per
 * group and per channel (a channel counts the shifts of every group that
 * holds it). */
struct wfm_roster_share {
	const char *name;        /* group name, or channel name */
	const char *skills;      /* group: its skills "a|b"; channel: NULL */
	long planned, filled, planned_min, filled_min;
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
	const char **unfilled_need;   /* per unfilled entry: skills of its group, or NULL */
	const char **unfilled_why;    /* per unfilled entry: reason, "" when the
				       * staff is short under the hard rules */
	struct wfm_roster_day *day;   /* ndays */
	size_t nweeks;
	struct wfm_roster_week *week; /* ISO weeks of the window, in order */
	/* Per agent over the window: paid minutes, days, weekend days, late
	 * shifts; full_weeks = ISO weeks wholly inside the window. */
	long *paid_min, *days, *weekends, *lates;
	long *weekends_prev;  /* weekend days in --previous / published rows before the window */
	int full_weeks;
	/* Soft objectives over the agent-weeks (ISO weeks wholly in the window
	 * of agents available at least one day of it): weeks with at least two
	 * days off, of them with two consecutive days off (Mon..Sun); weeks
	 * with two or more shifts, of them with every start within an hour;
	 * sum of the start spreads (max - min start, minutes) of those weeks;
	 * weeks with a whole weekend (Sat + Sun) off. */
	long soft_weeks, soft_off2, soft_off2_consec, soft_multi, soft_stable, soft_weekend_off;
	/* agent-weeks whose availability and worked days allow two consecutive
	 * days off (some pair of days outside which the agent is available and
	 * fits a planned shift on at least as many days as it works) */
	long soft_off2_could;
	double soft_spread_min;
	/* preferences.csv, per day a preference concerns: wanted (and met),
	 * avoided (and kept free of it). */
	long pref_want, pref_want_ok, pref_avoid, pref_avoid_ok;
	/* Plan by skill groups only (else 0): per group, per channel. */
	size_t ngroup, nchan;
	struct wfm_roster_share *group, *chan;
	char **need;                  /* owned strings the above point into */
	size_t nneed;
	/* Rows of --previous / the published roster for agents not in staff
	 * (skipped): how many, the first one's file, line and id. */
	size_t nprev_unknown;
	const char *prev_unknown_file, *prev_unknown_id;
	long prev_unknown_line;
	/* Repair only: the published rows in the window (M), the changes (N),
	 * and the whole new roster (published rows outside the window as they
	 * were, then rows), sorted like rows. */
	size_t npublished, nchanges, nall;
	struct wfm_roster_change *changes;
	struct wfm_shift *all;
} wfm_roster_result;

/* Roster days first_day .. first_day + ndays - 1 of plan.  prev (may be
 * NULL) is an earlier roster whose shifts count for rest, consecutive
 * days and weekly limits.  NULL and an error on bad input. */
wfm_roster_result *wfm_roster_solve(const wfm_plan *plan, const wfm_agents *ag,
				    const wfm_plan *prev, int64_t first_day, int ndays,
				    const struct wfm_roster_opts *o, wfm_error *err);
/* The same starting from published (a roster.csv loaded with
 * wfm_roster_load): see the top of this file.  published rows before
 * first_day count like prev. */
wfm_roster_result *wfm_roster_repair(const wfm_plan *plan, const wfm_agents *ag,
				     const wfm_plan *prev, const wfm_plan *published,
				     int64_t first_day, int ndays,
				     const struct wfm_roster_opts *o, wfm_error *err);
void wfm_roster_result_free(wfm_roster_result *r);

/* Skills of a's that a shift needing `need` (a |-separated skill list,
 * e.g. "calls|chat") does not use, or -1 when a lacks one of them; 0 when
 * need is NULL or "" (a plan without groups). */
int wfm_roster_extra_skills(const struct wfm_agent *a, const char *need);
/* The day-local rules of agent a for plan row s (availability aside): its
 * skills cover need (as above), the shift's elapsed length is within
 * minspan .. maxspan minutes, and it lies in a's working window.  1 or 0. */
int wfm_roster_fits(const struct wfm_agent *a, int minspan, int maxspan, const struct wfm_shift *s,
		    const char *need);

/* A roster row before it is named: agent a (index into the agents) works
 * plan row s, on day from start to end (s's, copied for the sort); t is
 * the caller's (e.g. s's shift type). */
struct wfm_roster_pick {
	int64_t day;
	int start, end;
	size_t a;
	int t;
	const struct wfm_shift *s;
};
/* Sort the n picks by day, start, end and staff order (the order of every
 * roster) and write them to rows[0..n-1]: each a copy of its plan row with
 * agent and agent_name of ag's agent and count 1. */
void wfm_roster_name_rows(struct wfm_roster_pick *p, size_t n, const wfm_agents *ag,
			  struct wfm_shift *rows);
/* changes.csv: date,agent_id,name,old,new,why with old/new "HH:MM-HH:MM"
 * plus " break HH:MM-HH:MM" when there is one, empty for no shift.
 * 0, or -1 on a write error. */
int wfm_roster_changes_write(FILE *fp, const wfm_roster_result *r);


/* People on shift per interval of step seconds (whole minutes dividing a
 * day) from 00:00 of first_day for ndays days, breaks excluded, wall-clock
 * time; a shift only partly in an interval counts for the part (people x
 * minutes / the step's minutes).  req (may be NULL) from the plan rows (count each), sch from the
 * roster rows (one each); shifts starting outside the window are left out,
 * shifts running past its end are cut.  0, or -1 on a bad step. */
int wfm_roster_coverage(const wfm_plan *plan, const struct wfm_shift *rows, size_t nrows,
			int64_t first_day, int ndays, int step, double *req, double *sch);
#endif
