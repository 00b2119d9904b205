/* simgroups.h - wfm simulate --groups: the whole center simulated by
 * lib/mssim.h, agents in skill groups (lib/groups.h, from groups.csv or
 * staff.csv), from group-req.csv (wfm staff --group-output) or from the
 * people of a plan or roster by skill groups (lib/simcover.h, on the days
 * of the plan), each replication's volumes drawn per queue channel from
 * the forecast's uncertainty (lib/simfc.h, channels independent) when
 * one is given; rows for lib/simout.h and per channel the summary over
 * the horizon.  Channels as lib/mssim.h's wfm_mssim_channel() simulates
 * them; --patience overrides every queue channel's.
 *
 * Entry points: wfm_simgroups_run(), wfm_simgroups_row(),
 * wfm_simgroups_summary(), wfm_simgroups_free().
 */
#ifndef WFM_SIMGROUPS_H
#define WFM_SIMGROUPS_H

#include <stddef.h>
#include "channels.h"
#include "error.h"
#include "sim.h"
#include "simfc.h"
#include "simout.h"
#include "tz.h"

struct wfm_simgroups_opts {
	const char *requirements;
	const char *groups;         /* groups.csv or staff.csv */
	const char *group_staffing; /* group-req.csv, or NULL */
	const char *group_plan;     /* plan.csv or roster.csv by skill groups, or NULL */
	const char *priority;       /* "calls,chat": served first by free agents; NULL: none
				     * (an unknown channel: error with code WFM_EUSAGE) */
	const wfm_channels *cfg;
	const wfm_simfc *fc;        /* NULL: volumes as forecast */
	double day_share, cv, patience, chat_overhead;  /* patience < 0: the channels' */
	long reps;
	unsigned long seed;
};

typedef struct wfm_simgroups {
	size_t n;                   /* intervals simulated */
	size_t nchan;
	char **channel;             /* the requirements' channels */
	struct ms *ms;              /* the rest (simgroups.c) */
} wfm_simgroups;

wfm_simgroups *wfm_simgroups_run(const struct wfm_simgroups_opts *o, const wfm_tz *tz,
				 wfm_error *err);
/* Interval i's row of channel c; 0 when the requirements have no row there. */
int wfm_simgroups_row(const wfm_simgroups *g, size_t i, size_t c, struct wfm_simout_row *row);

struct wfm_simgroups_sum {
	double target;              /* sl_target; 0: backlog (share answered within deadline_h) */
	struct wfm_sim_stat total;  /* over the horizon */
	long loaded, below;         /* intervals with volume, those simulated under target */
	const wfm_sim_met *met;     /* P(SL met) with a forecast, else NULL */
};
void wfm_simgroups_summary(const wfm_simgroups *g, size_t c, struct wfm_simgroups_sum *s);
void wfm_simgroups_free(wfm_simgroups *g);

#endif
