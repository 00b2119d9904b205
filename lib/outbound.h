/* outbound.h - outbound campaigns: loader, contact-rate curves, dial planner.
 *
 * A campaign file has one row per campaign and region ("job"): records to
 * work, the region's IANA zone, a deadline and the local calling window.
 * The planner works the records in fluid form, interval by interval in
 * UTC: a job may dial only in intervals that lie wholly inside its local
 * window (looked up per zone, so DST is handled) and end by its deadline.
 * Each dial reaches the right party with probability rpc(campaign, local
 * hour); a record not reached is retried after the retry gap until it has
 * had `attempts` dials.  A record is worked when it is reached or has had
 * all its attempts; what is still unworked when its deadline passes is the
 * job's shortfall.  Capacity (agents per interval) is shared earliest
 * deadline first (ties: lower priority number, then file order), and each
 * job dials as soon as it can.  Agent seconds per dial:
 *   preview     preview_s + ring_s + c (talk_s + wrap_s)
 *   progressive ring_s + c (talk_s + wrap_s)
 *   predictive  ring_s / L + c (1 - a) (talk_s + wrap_s)
 * with c the live-answer (connect) probability, L the lines per free agent
 * from pacing.h and a its abandon rate; abandoned calls count as failed
 * attempts.
 *
 * Entry points: wfm_outbound_load(), wfm_outbound_rates(),
 * wfm_outbound_capacity(), wfm_outbound_run_alloc(), wfm_outbound_run_step(),
 * wfm_outbound_min_agents().
 */
#ifndef WFM_OUTBOUND_H
#define WFM_OUTBOUND_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "error.h"
#include "tz.h"

enum wfm_ob_mode { WFM_OB_PREVIEW, WFM_OB_PROGRESSIVE, WFM_OB_PREDICTIVE };

struct wfm_ob_job {
	char *campaign, *region;
	size_t camp;            /* index into campaign[] */
	size_t zone;            /* index into zone[] */
	double records;
	int64_t deadline;       /* UTC seconds */
	int win_start, win_end; /* local minutes after midnight, start < end */
	long priority;          /* 1 = most urgent among equal deadlines */
	long line;              /* line in the campaign file */
};

typedef struct wfm_outbound {
	size_t njobs;
	struct wfm_ob_job *job;
	size_t ncamp;
	char **campaign;
	double (*rpc)[24];      /* right-party contact probability per dial, */
	double (*connect)[24];  /* and live-answer probability, by local hour */
	size_t nzone;
	wfm_tz **zone;
} wfm_outbound;

/* The default curves (local hour 0..23): right-party contact rises from
 * morning to an evening peak; live answers are rpc / 0.8. */
void wfm_outbound_default_curve(double rpc[24], double connect[24]);

/* Load campaign,region,tz,records,deadline,window_start,window_end[,priority].
 * Naive deadlines are in the region's zone.  A deadline not after `now` is
 * an error (tz formats now in the message). */
wfm_outbound *wfm_outbound_load(const char *path, int64_t now, const wfm_tz *tz,
				wfm_error *err);
void wfm_outbound_free(wfm_outbound *ob);

/* Override curves from campaign,hour,rpc[,connect] ("*" = every campaign;
 * a named campaign wins over "*"; connect defaults to min(1, rpc / 0.8)). */
int wfm_outbound_rates(wfm_outbound *ob, const char *path, wfm_error *err);

/* Agents per interval from timestamp,<column> (times in tz); rows with the
 * same timestamp add up; a row holds until the next timestamp (so hourly
 * rows fill four 15-minute intervals); intervals before the first row or
 * after the last row's span get 0.  With pool >= 0 the result is
 * max(0, pool - sum).  Returns a malloc'd array of nint values or NULL. */
double *wfm_outbound_capacity(const char *path, const char *column, const wfm_tz *tz,
			      int64_t start, int step, size_t nint, double pool,
			      wfm_error *err);

struct wfm_ob_params {
	int64_t start;          /* first interval, UTC */
	int step;               /* seconds: 900, 1800 or 3600 */
	size_t nint;
	int attempts;           /* dials per record at most, >= 1 */
	int64_t retry_gap;      /* seconds between attempts of a record */
	double talk, wrap, ring, preview;   /* seconds */
	enum wfm_ob_mode mode;
	double abandon;         /* predictive target, e.g. 0.03 */
};

struct wfm_ob_row {
	size_t job;
	double dials, connects, agents;   /* connects reach an agent */
	double reached;                   /* right-party contacts */
};

struct wfm_ob_jobsum {
	double dialed, reached, exhausted;
	double left;            /* records unworked when the deadline passed */
	double open;            /* records unworked at the horizon's end, deadline later */
	double agent_s;
	int closed;             /* 1: the deadline passed inside the horizon,
	                         * 2: every record worked before it */
};

typedef struct wfm_ob_run wfm_ob_run;

/* A plan run.  cap[i] is the agents available in interval i (NULL: no
 * limit).  The run borrows ob, p and cap. */
wfm_ob_run *wfm_outbound_run_alloc(const wfm_outbound *ob, const struct wfm_ob_params *p,
				   const double *cap, wfm_error *err);
/* Plan the next interval: 1 with its start and its rows (jobs that dial),
 * 0 after the last interval. */
int wfm_outbound_run_step(wfm_ob_run *r, int64_t *t, const struct wfm_ob_row **rows,
			  size_t *nrows);
/* Per job, after the last step. */
const struct wfm_ob_jobsum *wfm_outbound_run_summary(const wfm_ob_run *r);
void wfm_outbound_run_free(wfm_ob_run *r);

/* The smallest uniform number of agents (to 0.5%) with which every job is
 * worked by its deadline as fully as with no limit; the unlimited plan's
 * per-job summary is copied to unlimited (njobs entries) when not NULL. */
int wfm_outbound_min_agents(const wfm_outbound *ob, const struct wfm_ob_params *p,
			    double *agents, struct wfm_ob_jobsum *unlimited,
			    wfm_error *err);

/* Whether job j may dial in the interval [t, t + step): wholly inside its
 * local window on one local day (tests use it to check plans). */
int wfm_outbound_open(const wfm_outbound *ob, size_t j, int64_t t, int step);

/* The writers (outbound_io.c).  Each steps run to its end.  The dial
 * plan lists whole dials: the planner's dials are fluid, and a job dials
 * in an interval as soon as its running total reaches the next whole dial;
 * returns the dials written (-1: out of memory).  peak: the most agents
 * of an interval.  Requirements: channel outbound:<campaign>, agents_gross
 * = agents / (1 - shrinkage).  Work: per job its open intervals from now
 * to the deadline with the agent-hours u spends on it. */
double wfm_outbound_write_dialplan(FILE *fp, const wfm_outbound *ob, wfm_ob_run *run,
				   const wfm_tz *tz, double *peak);
int wfm_outbound_write_requirements(FILE *fp, const wfm_outbound *ob, wfm_ob_run *run,
				    const struct wfm_ob_params *p, const wfm_tz *tz,
				    double shrinkage, double *peak, wfm_error *err);
void wfm_outbound_write_work(FILE *fp, const wfm_outbound *ob, const struct wfm_ob_params *p,
			     const struct wfm_ob_jobsum *u, const wfm_tz *tz, int64_t now,
			     double shrinkage);
/* Days of a plan from day `from` through the local day of the last
 * deadline (1 to 366). */
long wfm_outbound_days(const wfm_outbound *ob, int64_t from, const wfm_tz *tz);
/* Step run to its end; the most agents of an interval. */
double wfm_outbound_run_peak(wfm_ob_run *run);

#endif
