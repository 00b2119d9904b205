/* rostermip.h - the roster assignment as an integer program, to measure
 * the heuristic (roster.c) on small instances (about 150 agents x 1 week).
 *
 * Binary x[agent, day, shift type] where the day-local rules (availability,
 * skills of the group, window, length) and the rest against the previous
 * roster allow; rows: at most count agents per type, one shift a day, rest
 * to the next day's shifts, days and paid minutes (contract + tolerance)
 * per ISO week and max_consecutive per run, the previous roster's week
 * counted.  Objective: most filled paid hours.  The heuristic's roster is
 * the incumbent GLPK starts from, so best_h >= heuristic_h; bound_h is the
 * LP relaxation's (no roster fills more).  Group names are read as skill
 * lists (not with groups.csv).
 *
 * Entry point: wfm_rostermip_solve().
 */
#ifndef WFM_ROSTERMIP_H
#define WFM_ROSTERMIP_H

#include "roster.h"

struct wfm_rostermip_result {
	int status;               /* enum wfm_mip_status */
	size_t cols, rows;
	double seconds;
	int lp_solved;            /* 0: bound_h is not a bound (time limit in the LP) */
	double bound_h;           /* LP bound on filled paid hours */
	double best_h;            /* best roster found (the heuristic's or better) */
	double heuristic_h;       /* the heuristic's filled paid hours */
	int heuristic_feasible;   /* 1 when the model accepted the heuristic's roster */
};

/* Build and solve for the window of heur (a wfm_roster_solve result on
 * plan, ag, prev).  0, or -1 and an error. */
int wfm_rostermip_solve(const wfm_plan *plan, const wfm_agents *ag, const wfm_plan *prev,
			const wfm_roster_result *heur, const struct wfm_roster_opts *o,
			double time_limit_s, struct wfm_rostermip_result *out, wfm_error *err);

#endif
