/* intraday_actions.h - today's staffing gap after a re-forecast, and the
 * actions that close it (wfm intraday --roster/--staff).
 *
 * The actions work on one pool: per interval from now to midnight, need = the sum over
 * channels of agents_gross; on = agents of today's roster working
 * (breaks excluded, partial intervals pro rata).  The projected shortfall
 * is sum(max(need - on, 0)) x interval hours.  The rest-of-day service
 * level is the volume-weighted SL of the channels when the agents on
 * shift are split over them in proportion to their agents_gross, less
 * shrinkage (as wfm staff --evaluate).
 *
 * Actions, greedy, each the one of most SL gain per paid hour among those
 * that reduce the shortfall, until none does:
 *   overtime   extend a shift today by whole intervals, before (from now
 *              on) or after, up to max_ot_h per shift
 *   call_in    a shift of the agent's min_shift_h for an agent with no
 *              shift today whose availability.csv status today is
 *              "available" (the agent said they are willing)
 * then break_move (a break not yet begun moved to where it costs less SL,
 * at least break_gap of work before and after it, no new shortfall), then
 * vto (voluntary time off: a shift's tail after its break cut where every
 * interval stays covered without that agent).  Every change keeps the
 * roster's hard rules (roster.h): working window, min and max shift
 * length, minimum rest, at most contract + tolerance paid hours in the ISO
 * week and max working days in it (from the roster rows given), and a
 * break for shifts of break_after or more.  Actions are proposed in
 * wall-clock minutes of today; the gap is counted on instants: its
 * intervals run from now to the next local midnight (one per real
 * interval on a 23 or 25 h day) and a shift covers them from its UTC
 * instants (wfm_shift_place()).
 *
 * Entry points: wfm_intraday_today_make() (files in), wfm_intraday_plan_make(),
 * wfm_intraday_actions_write(), wfm_intraday_gap_write().
 */
#ifndef WFM_INTRADAY_ACTIONS_H
#define WFM_INTRADAY_ACTIONS_H

#include <stdio.h>
#include "agents.h"
#include "channels.h"
#include "plan.h"
#include "roster.h"
#include "series.h"
#include "shiftrules.h"
#include "staffing.h"
#include "tz.h"

enum { WFM_IA_OVERTIME, WFM_IA_CALL_IN, WFM_IA_BREAK_MOVE, WFM_IA_VTO };

struct wfm_intraday_action {
	int kind;
	const char *agent, *name;
	int64_t day;
	int start, end;      /* minutes of day: added, removed or new-break span */
	double hours;        /* paid hours added (VTO: negative; break move: 0) */
	int channel;         /* series channel: the agent's first skill served */
	double sl_gain;      /* rest-of-day SL change, percentage points */
};

struct wfm_intraday_in {
	const wfm_series *rf;          /* the re-forecast, starting at now */
	const wfm_channels *cfg;
	const int *map;                /* wfm_staff_map of rf */
	const struct wfm_req *req;     /* wfm_staff_requirements of rf */
	const struct wfm_staff_opts *so;
	const wfm_plan *roster;        /* roster rows (today and others for the rules) */
	const wfm_agents *ag;          /* NULL: the gap only */
	const wfm_shiftrules *rules;   /* break rules (NULL: no break needed) */
	struct wfm_roster_opts ro;
	const wfm_tz *tz;
	double max_ot_h;               /* overtime per shift, hours */
};

typedef struct wfm_intraday_plan {
	size_t n;
	struct wfm_intraday_action *a;
	size_t nrows;
	struct wfm_shift *rows;        /* the roster with the actions applied */
	size_t ni;                     /* intervals from now to the next local midnight */
	double *need, *before, *after; /* [ni] agents */
	size_t nchan;                  /* with staff.csv: per channel of the re-forecast */
	double *need_c, *skilled;      /* [c * ni + i]: agents_gross, and agents on
					* shift (with the actions) holding the skill;
					* NULL without staff.csv */
	double sl_before, sl_after;    /* rest-of-day SL, fraction */
	double short_before, short_after;  /* agent-hours */
} wfm_intraday_plan;

wfm_intraday_plan *wfm_intraday_plan_make(const struct wfm_intraday_in *in, wfm_error *err);
void wfm_intraday_plan_free(wfm_intraday_plan *p);

/* actions.csv: kind,agent_id,name,start,end,hours,channel,sl_gain */
int wfm_intraday_actions_write(FILE *fp, const wfm_intraday_plan *p, const wfm_series *rf,
			       const wfm_tz *tz);
/* coverage.csv (lib/coverage) of the rest of today with the actions
 * applied; with staff.csv per channel (required: its agents_gross,
 * scheduled: agents at work holding its skill, each counted in every
 * channel of their skills) and the pooled `*` row of each interval. */
int wfm_intraday_gap_write(FILE *fp, const wfm_intraday_plan *p, const wfm_series *rf,
			   const wfm_tz *tz);


/* "PROG: rest of today: shortfall ..." when short-staffed or acting. */
void wfm_intraday_plan_report(FILE *fp, const char *prog, const wfm_intraday_plan *p);

/* Everything a run with --roster needs, loaded from files (NULL paths:
 * not given): the re-forecast's requirements, the gap and the actions. */
struct wfm_intraday_paths {
	const char *forecast, *channels, *roster, *staff, *availability, *rules;
};
typedef struct wfm_intraday_today {
	wfm_channels *cfg;
	wfm_plan *roster;
	wfm_agents *ag;
	wfm_shiftrules *rules;
	int *map;
	struct wfm_req *req;
	wfm_intraday_plan *plan;
} wfm_intraday_today;

wfm_intraday_today *wfm_intraday_today_make(const wfm_series *rf, const struct wfm_intraday_paths *f,
					    const wfm_tz *tz, double max_ot_h, wfm_error *err);
void wfm_intraday_today_free(wfm_intraday_today *t);

#endif
