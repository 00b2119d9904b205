/* roster_bound.h - the weekly max-min bound of wfm roster: how much of each
 * day's planned hours the weekly limits let any roster give every day of
 * an ISO week at once, as a linear program over agent classes (lib/mip.c).
 *
 * Agents with the same working window, shift lengths, contract and skills
 * form a class.  y[c, t] >= 0: agents of class c on shift type t (of one
 * day of the week).  Rows: per class and day at most its agents available
 * that day (one shift a day); per type at most its count; per class at
 * most its agent-days (max days a week, less days already worked, at most
 * the days available) and its paid minutes (contract + tolerance, less
 * minutes already worked).  Every roster is a point of it (rest and
 * consecutive days are left out), so it is a relaxation: the level it
 * gives is an upper bound.
 *
 * Entry point: wfm_roster_bound_level().
 */
#ifndef WFM_ROSTER_BOUND_H
#define WFM_ROSTER_BOUND_H

#include "error.h"

struct wfm_rbound {
	int ndays, ncls, nty;
	const int *ty_day;            /* per type: its day 0..ndays-1 */
	const long *ty_count;         /* per type: instances planned */
	const int *ty_paid;           /* per type: paid minutes */
	const unsigned char *fit;     /* nty x ncls: the class fits the type */
	const long *navail;           /* ncls x ndays: agents available that day */
	const long *days_cap;         /* per class: agent-days left in the week */
	const double *min_cap;        /* per class: paid minutes left in the week */
	const double *planned_min;    /* per day */
	const double *best_min;       /* per day: its day-local bound */
};

/* The largest level L in [0, 1] such that the relaxation gives every day
 * (at most 7) at least min(best_min, L x planned_min) paid minutes: one LP
 * maximizing L, again with the days whose best is below L held at their
 * best, until no more day is (at most 8 LPs).  0, or -1 with err on a
 * solver failure. */
int wfm_roster_bound_level(const struct wfm_rbound *b, double *level, wfm_error *err);

#endif
