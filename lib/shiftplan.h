/* shiftplan.h - shift plan covering a requirement curve (set covering).
 *
 * The requirement of an interval is the sum of agents_gross over the
 * channels of requirements.csv (single pool; a load column is ignored
 * here: it is the per-channel requirement of the group model, chan_req).
 * Cells of the cover grid
 * (the gcd of the requirement interval and every start step, length and
 * break of the rules) take the requirement of the interval they lie in.
 * Columns are (day x shift type x start x length x break placement) with
 * an integer count; a row per cell with a requirement asks for at least
 * ceil(required) people working (on shift, not on break).  Hard mode
 * demands the cover; soft mode adds an under-cover variable per cell
 * priced at `penalty` per agent-hour.  The objective is paid hours.
 *
 * The planning window is whole local days.  By default it is cyclic: a
 * shift running past the end of the last day covers the first hours of
 * the first day, as if the plan repeated (the Sunday night shift covers
 * Monday early morning).  With no_wrap those hours fall outside the
 * window and count for nothing.
 *
 * Flexible (outbound) work: a job j has a total of W_j agent-hours that
 * may be worked in a set of allowed intervals (its calling windows before
 * its deadline).  With work given, an integer o[j,i] >= 0 (agents on job j
 * in cell i, at most max_agents; continuous: agent-time) is added for every allowed cell, the
 * cover row of cell i becomes  working_i - sum_j o[j,i] >= ceil(r_i)  and
 * a row per job asks  sum_i o[j,i] * g / 3600 >= W_j  (g the cell length
 * in seconds): outbound fills the troughs of the inbound requirement.
 *
 * Entry points: wfm_shiftreq_load(), wfm_shiftwork_load(),
 * wfm_shiftplan_solve(), wfm_shiftplan_plan(), wfm_shiftplan_coverage(),
 * wfm_shiftplan_free().
 */
#ifndef WFM_SHIFTPLAN_H
#define WFM_SHIFTPLAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "error.h"
#include "coverage.h"
#include "groups.h"
#include "mip.h"
#include "plan.h"
#include "shiftrules.h"
#include "tz.h"

typedef struct wfm_shiftreq {
	int64_t start;           /* UTC instant of the first interval */
	int step;                /* interval length, seconds */
	size_t n;                /* intervals */
	double *req;             /* sum of agents_gross over channels */
	size_t nchan;
	char **channel;          /* channel names, in order of first appearance */
	double *chan_req;        /* [c * n + k]: load (else agents_gross) of channel c */
	int fractional;          /* 1: chan_req from the load column (wfm staff --load) */
	char file[256];          /* where it was read from, for messages */
} wfm_shiftreq;

wfm_shiftreq *wfm_shiftreq_load(const char *path, const wfm_tz *tz, wfm_error *err);
void wfm_shiftreq_free(wfm_shiftreq *r);

/* Flexible work: job,timestamp,agent_hours[,max_agents].  Each row allows
 * the job in the interval [timestamp, timestamp + step), step the commonest
 * of 15, 30, 60 min between a job's rows (else the requirements'
 * interval); a cover cell is open to the job when contiguous rows span it
 * wholly; agent_hours is the job's total (repeated or left empty on its
 * other rows; given values must agree); max_agents (empty: no limit) caps
 * the job's agents in that interval. */
struct wfm_work_slot {
	size_t job;
	int64_t t;               /* UTC start */
	double max;              /* -1: no limit */
	long line;
};

typedef struct wfm_shiftwork {
	size_t njobs;
	char **job;              /* names */
	double *hours;           /* agent-hours per job */
	size_t nslot;
	struct wfm_work_slot *slot;  /* sorted by job, then time */
	int step;                /* seconds between a job's rows (0: unknown) */
	char file[256];
} wfm_shiftwork;

wfm_shiftwork *wfm_shiftwork_load(const char *path, const wfm_tz *tz, wfm_error *err);
void wfm_shiftwork_free(wfm_shiftwork *w);

struct wfm_shiftplan_opts {
	int64_t first_day;       /* local day number of the window's first day */
	int ndays;               /* 0: every day of the requirements */
	int soft;                /* 1: under-cover allowed at a penalty */
	double penalty;          /* soft mode: cost per agent-hour under */
	double time_limit;       /* seconds: a safety stop (the plan then depends on load) */
	long work_limit;         /* simplex iterations that decide the plan; 0: WFM_MIP_WORK */
	double gap;              /* relative MIP gap */
	int break_step;          /* minutes between break placements; 0 = grid */
	int no_wrap;             /* 1: the window is not cyclic */
	const wfm_shiftwork *work;  /* flexible outbound work, or NULL */
	const wfm_groups *groups;  /* plan per skill group (lib/shiftplan_groups.c), or NULL */
	int specialists;         /* plan per channel: one single-skill group per open channel */
	int block_days;          /* > 0: plan by blocks of this many days (lib/shiftplan_blocks.c);
				  * 0: blocks of 7 for large models */
};

struct wfm_plan_row {
	int64_t day;             /* local day the shift starts */
	int rule;                /* index into the rules */
	int start;               /* minutes after local midnight */
	int len;                 /* minutes, start to end */
	int brk;                 /* break offset from start, minutes; -1 none */
	long count;
	int64_t t;               /* UTC start */
	int group;               /* skill group index; -1: single pool */
};

typedef struct wfm_shiftplan {
	size_t nrows;
	struct wfm_plan_row *row;
	int64_t t0;              /* first cell, UTC */
	int grid;                /* cell length, seconds */
	size_t ncells;
	double *required;        /* per cell */
	long *scheduled;         /* per cell: working, breaks excluded */
	int64_t first_day;
	int ndays;
	double *day_paid;        /* paid hours by start day */
	int break_step;          /* minutes */
	size_t model_rows, model_cols, model_nnz;
	struct wfm_mip_result mip;
	double paid_hours, required_hours, scheduled_hours;
	double efficiency;       /* (required - under + outbound) / scheduled agent-hours:
				  * the share of working time that meets the requirement */
	size_t under_cells, uncoverable;
	double under_hours;
	size_t nodata;           /* window cells the requirements do not reach */
	/* With flexible work: agents on it per cell (also counted in
	 * scheduled), and agent-hours planned per job. */
	double *outbound;
	double *job_hours;
	size_t njobs;
	double outbound_hours;   /* planned, all jobs */
	double work_hours;       /* asked, all jobs */
	size_t nov;              /* agents per (job, cell) with any */
	struct wfm_ov { size_t job, cell; double agents; } *ov;
	/* Planned by skill groups (else NULL / 0): group names, channel
	 * names, and per channel and cell [c * ncells + i] the requirement
	 * and the agents the plan's split puts on it. */
	size_t ngroups, nchan;
	char **group, **channel;
	double *chan_required, *chan_scheduled;
	double *group_paid;      /* paid hours per group */
	/* Planned by blocks of days (lib/shiftplan_blocks.c; else 0): how
	 * many, their length, and the seconds of the whole window's LP
	 * bound (interior point, beside the blocks in a second process). */
	int nblocks, block_days;
	double bound_s;
} wfm_shiftplan;

/* Solve.  NULL with an error when the input cannot be planned: in hard
 * mode the message lists the intervals no shift can cover or that the
 * count limits leave short (WFM_EINPUT). */
wfm_shiftplan *wfm_shiftplan_solve(const wfm_shiftreq *req, const wfm_shiftrules *rules,
				   const wfm_tz *tz, const struct wfm_shiftplan_opts *o,
				   wfm_error *err);
void wfm_shiftplan_free(wfm_shiftplan *p);
/* The plan by skill groups (o->groups; see lib/shiftplan_groups.c);
 * wfm_shiftplan_solve() calls it when o->groups is set. */
wfm_shiftplan *wfm_shiftplan_solve_groups(const wfm_shiftreq *req, const wfm_shiftrules *rules,
					  const wfm_tz *tz, const struct wfm_shiftplan_opts *o,
					  wfm_error *err);
/* The skill groups of groups.csv (when groups is given) or of the skill
 * sets of staff.csv, against req's channels; NULL with err on error. */
wfm_groups *wfm_shiftplan_load_groups(const char *groups, const char *staff, const wfm_shiftreq *req,
				      wfm_error *err);
/* The plan's rows as plan.csv shifts (local times in tz; group names when
 * planned by skill groups). */
wfm_plan *wfm_shiftplan_plan(const wfm_shiftplan *p, const wfm_shiftrules *rs,
			     const wfm_tz *tz, wfm_error *err);
/* coverage.csv rows: per cell the pooled total (scheduled: inbound
 * agents working), and with skill groups first one row per channel. */
wfm_coverage *wfm_shiftplan_coverage(const wfm_shiftplan *p, wfm_error *err);

/* lib/shiftplan_report.c: the stderr summary of a plan solved with o; the
 * blended plan against inbound-only and outbound-only plans, and pooled
 * groups against specialists only and the single pool (each re-solved in
 * time_limit / 4; a failed variant is a line "PROG: ...: message");
 * outbound-plan.csv (timestamp,job,agents; sorts p->ov); and the interval
 * totals of req from its per-channel loads (the group model's). */
void wfm_shiftplan_summary(FILE *fp, const wfm_shiftplan *p, const struct wfm_shiftplan_opts *o);
void wfm_shiftplan_blend_report(FILE *fp, const char *prog, const wfm_shiftplan *p,
				const wfm_shiftreq *req, const wfm_shiftrules *rules, const wfm_tz *tz,
				const struct wfm_shiftplan_opts *o, const wfm_shiftwork *work);
void wfm_shiftplan_groups_report(FILE *fp, const char *prog, const wfm_shiftplan *p,
				 const wfm_shiftreq *req, const wfm_shiftrules *rules, const wfm_tz *tz,
				 const struct wfm_shiftplan_opts *o);
void wfm_shiftplan_write_outbound(FILE *fp, wfm_shiftplan *p, const wfm_shiftwork *w,
				  const wfm_tz *tz);
void wfm_shiftreq_load_total(wfm_shiftreq *req);

#endif
