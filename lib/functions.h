/* functions.h - what each agent on shift does each interval of a day
 * (wfm functions): one of the requirement channels (any names, upper-cased)
 * or BREAK, or IDLE when every channel it has a skill for is closed.
 *
 * Requirements (timestamp,channel,...,agents,...) give per channel the
 * net agents needed (people on shift are present, so shrinkage is not
 * added again).  Channel c is function upper(c).  A channel is closed in
 * an interval when its requirement is 0 and (backlog) no work is waiting;
 * nobody works a closed channel.  Per interval, in time order: real-time
 * channels are covered first, by agents new to the interval, then agents
 * taken from backlog work, then from a real-time channel with a surplus;
 * a channel still short then gets agents through augmenting paths (an
 * agent moves to it from a channel that in turn takes a spare agent, as
 * in bipartite matching), so every real-time requirement the present
 * agents' skills can meet is met (within --max-blocks); the rest of the
 * capacity goes to backlog channels: first in, first out per channel, to
 * the channel whose oldest outstanding work is nearest its deadline, then
 * the one with the most outstanding work (agent-hours).  An agent only
 * ever gets a skill it has, keeps its function while it can (primary
 * skill preferred when choosing), and works at most max_blocks blocks of
 * one function per day (a break or idle time does not end a block).
 *
 * Real-time channels: o->realtime, or without it those whose requirement
 * rows give an asa_s (all of them when the column is absent).  The default
 * step is the finest of 60, 30, 15 min that the day's shifts and breaks
 * lie on (at most the requirements' step).
 *
 * Requirements come from wfm_requirements_load() (requirements.h).
 *
 * Entry points: wfm_functions_plan(), wfm_functions_free(),
 * wfm_functions_channels_load(); in functions_io.c the writers
 * wfm_functions_write(), wfm_functions_write_shortfall(),
 * wfm_functions_write_view(), wfm_functions_report() and the reader
 * wfm_functions_open(), wfm_functions_next(), wfm_functions_close().
 */
#ifndef WFM_FUNCTIONS_H
#define WFM_FUNCTIONS_H

#include <stddef.h>
#include <stdint.h>
#include "agents.h"
#include "error.h"
#include "plan.h"
#include "requirements.h"
#include "strlist.h"
#include "tz.h"

#include <stdio.h>

struct wfm_functions_opts {
	int step;                 /* output interval, seconds; 0 = the roster's finest */
	int max_blocks;           /* per agent per day (4) */
	const char *const *realtime;  /* real-time channel names; NULL: from asa_s */
	size_t nrealtime;
	const char *const *deadline_name;  /* backlog deadlines in hours; 24 when absent */
	const double *deadline_h;
	size_t ndeadline;
};

#define WFM_FUNCTIONS_IDLE (-3)

typedef struct wfm_functions {
	size_t nfunc;             /* functions 0..nfunc-2 are channels, nfunc-1 is BREAK */
	char **func;              /* upper-case names */
	int *realtime;            /* per channel: 1 real-time, 0 backlog */
	int64_t start;            /* UTC start of the day */
	int step;                 /* seconds */
	size_t nint;              /* intervals in the day */
	size_t nag;               /* agents on shift that day */
	size_t *agent;            /* their indices in the wfm_agents, sorted */
	short *f;                 /* f[i * nag + j]: function, -1 = not on shift,
				   * WFM_FUNCTIONS_IDLE = on shift, nothing open */
	double *req, *cov;        /* per channel c: [c * nint + i], agents */
	double *outstanding;      /* backlog: agent-hours of work not yet done after interval i */
	int *blocks;              /* per agent: blocks used */
	double *deadline_h;       /* per channel (backlog) */
	double *oldest_h;         /* backlog: age of the oldest outstanding work after interval i */
	double *overdue;          /* backlog: agent-hours older than the deadline after interval i */
	int net_zero;             /* 1: the agents column is 0 on the whole day while
				   * agents_gross is not (every channel closed) */
	double *offhours_h;       /* backlog: hours of work (volume x aht_s) arriving in the
				   * day's requirement rows whose agents is 0 (outside the
				   * hours wfm staff spreads backlog over); 0 without the columns */
} wfm_functions;


/* Schedule local calendar day `day` of zone tz; the roster's rows are
 * placed in the same zone (wfm_roster_load(path, tz, ...)): who works when
 * is read from their instants. */
wfm_functions *wfm_functions_plan(const wfm_plan *roster, const wfm_requirements *req,
				  const wfm_agents *ag, int64_t day, const wfm_tz *tz,
				  const struct wfm_functions_opts *o, wfm_error *err);
void wfm_functions_free(wfm_functions *f);

/* channels.csv (read by lib/channels.c, with wfm staff's checks) as wfm
 * functions uses it: per channel the backlog deadline (deadline_h; 24 h
 * when 0 or not a backlog channel) and rt, the real-time list (every kind
 * but backlog, comma separated).  Zero-initialise; free with
 * wfm_functions_channels_free().  0, or -1 and an error. */
struct wfm_functions_channels { wfm_strlist names; double *deadline; size_t n; char rt[1024]; };
int wfm_functions_channels_load(const char *path, struct wfm_functions_channels *ch, wfm_error *err);
void wfm_functions_channels_free(struct wfm_functions_channels *ch);

/* functions.csv: timestamp,agent_id,name,function, a row per agent on
 * shift and interval (the header when header is 1).  0, or -1 on a
 * stream error. */
int wfm_functions_write(FILE *fp, const wfm_functions *f, const wfm_agents *ag, const wfm_tz *tz,
			int header);
/* functions.csv read back a row at a time (wfm chart functions):
 * wfm_functions_next() gives 1 and the next row (its strings valid until
 * the next call), 0 at the end, or -1 and an error at file:line: column
 * (a bad timestamp in tz, an empty function). */
typedef struct wfm_functions_reader wfm_functions_reader;
struct wfm_functions_row {
	int64_t t;                /* UTC */
	const char *agent_id, *name, *function;
	long line;
};
wfm_functions_reader *wfm_functions_open(const char *path, wfm_error *err);
int wfm_functions_next(wfm_functions_reader *r, const wfm_tz *tz, struct wfm_functions_row *row,
		       wfm_error *err);
/* The file's name in messages ("<stdin>" for -). */
const char *wfm_functions_file(const wfm_functions_reader *r);
void wfm_functions_close(wfm_functions_reader *r);
/* --shortfall: timestamp,function,required,assigned,shortfall for the nd
 * days fs (real-time: agents required less assigned; backlog: agent-hours
 * outstanding after the interval). */
int wfm_functions_write_shortfall(FILE *fp, wfm_functions *const *fs, size_t nd, const wfm_tz *tz);
/* --view: the wall schedule, a row per agent, a letter per function and
 * interval, and a shortfall row per function. */
void wfm_functions_write_view(FILE *fp, const wfm_functions *f, const wfm_agents *ag, const char *date);
/* The day's report: agents, blocks, and per function the required and
 * assigned agent-hours (real-time) or arrived, done and outstanding work
 * (backlog). */
void wfm_functions_report(FILE *fp, const wfm_functions *f, const wfm_tz *tz, const char *date);

#endif
