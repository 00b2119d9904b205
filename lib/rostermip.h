/* rostermip.h - the roster assignment solved exactly (lib/mip.c), to
 * measure the heuristic (roster.c) on small instances (about 150 agents x
 * 1 week).
 *
 * Model (docs/roster.md, "Exact solver and the heuristic's gap"): agents
 * whose day-local rules (availability, skills of the group, window,
 * length, rest against the previous roster), contract cap and history
 * (days and paid minutes already in the first ISO week, trailing run of
 * working days) are the same form one class with a head count.  A column
 * is a week pattern of a class (one shift type or nothing per day) that
 * keeps every per-agent rule: rest to the next day, at most max_consecutive
 * days in a row, max_days_week days and contract + tolerance paid minutes
 * per ISO week.  Master: per shift type at most its count, per class
 * exactly its head count of patterns; objective: most filled paid hours
 * (unfilled hours weighted by their paid length, nothing else).
 * Patterns come from column generation: the LP dual of the restricted
 * master (solved by lib/mip.c) prices every class with an exact dynamic
 * program over (previous end, run, days, paid units); each round's
 * Lagrangian value is an upper bound on any roster.  The integer master
 * over the generated patterns (the heuristic's weeks among them, its
 * roster the incumbent) then gives the best roster, disaggregated to named
 * agents in staff order.  Group names are read as skill lists.
 *
 * Limits are counted, not timed: pricing rounds and lib/mip.c's simplex
 * iterations; the time limit is a safety stop reported in time_hit.
 *
 * Entry points: wfm_rostermip_solve(), wfm_rostermip_result_free().
 */
#ifndef WFM_ROSTERMIP_H
#define WFM_ROSTERMIP_H

#include "roster.h"

struct wfm_rostermip_result {
	int status;               /* enum wfm_mip_status: OPTIMAL = proven */
	size_t cols, rows;        /* integer master: pattern columns, rows */
	size_t classes;           /* agent classes */
	int rounds;               /* pricing rounds */
	int converged;            /* 1: no pattern priced out (bound_h = LP optimum) */
	double seconds;
	int lp_solved;            /* 1: bound_h is a bound (always, kept for callers) */
	double bound_h;           /* upper bound on filled paid hours (rounded down
				   * to the plan's paid unit) */
	double lp_h;              /* restricted master LP optimum, last round */
	double best_h;            /* best roster found (the heuristic's or better) */
	double heuristic_h;       /* the heuristic's filled paid hours */
	int heuristic_feasible;   /* 1 when the model accepted the heuristic's roster */
	int time_hit;             /* 1 when the safety time limit stopped a step */
	long iterations;          /* simplex iterations, all rounds and the master */
	/* The best roster (named agents), sorted by day, start, end, staff
	 * order; name, agent and agent_name point into the plan and agents. */
	size_t n;
	struct wfm_shift *roster;
};

/* Build and solve for the window of heur (a wfm_roster_solve result on
 * plan, ag, prev).  0, or -1 and an error (e.g. a rest longer than the
 * model's one-day look-back). */
int wfm_rostermip_solve(const wfm_plan *plan, const wfm_agents *ag, const wfm_plan *prev,
			const wfm_roster_result *heur, const struct wfm_roster_opts *o,
			double time_limit_s, struct wfm_rostermip_result *out, wfm_error *err);
void wfm_rostermip_result_free(struct wfm_rostermip_result *r);

#endif
