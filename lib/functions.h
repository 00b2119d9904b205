/* functions.h - what each agent on shift does each interval of a day
 * (wfm functions): CALLS, CHAT, LETTERS, DECLARATIONS, ... or BREAK.
 *
 * Requirements (timestamp,channel,...,agents,...) give per channel the
 * net agents needed (people on shift are present, so shrinkage is not
 * added again).  Channel c is function upper(c).  Per interval, in time
 * order: real-time channels (default calls, chat) are covered first,
 * by agents new to the interval, then agents taken from backlog work,
 * then from a real-time channel with a surplus; the rest of the capacity
 * goes to backlog channels (letters, declarations): first in, first out
 * per channel, to the channel whose oldest outstanding work is nearest its
 * deadline, then the one with the most outstanding work (agent-hours).  An
 * agent only ever gets a skill it has, keeps its function while it can
 * (primary skill preferred when choosing), and works at most max_blocks
 * blocks of one function per day (a break does not end a block).
 *
 * Requirements come from wfm_requirements_load() (requirements.h).
 *
 * Entry points: wfm_functions_plan(),
 * wfm_functions_free().
 */
#ifndef WFM_FUNCTIONS_H
#define WFM_FUNCTIONS_H

#include <stddef.h>
#include <stdint.h>
#include "agents.h"
#include "error.h"
#include "plan.h"
#include "requirements.h"
#include "tz.h"

struct wfm_functions_opts {
	int step;                 /* output interval, seconds; 0 = the requirements' */
	int max_blocks;           /* per agent per day (4) */
	const char *const *realtime;  /* real-time channel names */
	size_t nrealtime;
	const char *const *deadline_name;  /* backlog deadlines in hours; 24 when absent */
	const double *deadline_h;
	size_t ndeadline;
};

typedef struct wfm_functions {
	size_t nfunc;             /* functions 0..nfunc-2 are channels, nfunc-1 is BREAK */
	char **func;              /* upper-case names */
	int *realtime;            /* per channel: 1 real-time, 0 backlog */
	int64_t start;            /* UTC start of the day */
	int step;                 /* seconds */
	size_t nint;              /* intervals in the day */
	size_t nag;               /* agents on shift that day */
	size_t *agent;            /* their indices in the wfm_agents, sorted */
	short *f;                 /* f[i * nag + j]: function, -1 = not on shift */
	double *req, *cov;        /* per channel c: [c * nint + i], agents */
	double *outstanding;      /* backlog: agent-hours of work not yet done after interval i */
	int *blocks;              /* per agent: blocks used */
	double *deadline_h;       /* per channel (backlog) */
	double *oldest_h;         /* backlog: age of the oldest outstanding work after interval i */
	double *overdue;          /* backlog: agent-hours older than the deadline after interval i */
} wfm_functions;


/* Schedule local calendar day `day`. */
wfm_functions *wfm_functions_plan(const wfm_plan *roster, const wfm_requirements *req,
				  const wfm_agents *ag, int64_t day, const wfm_tz *tz,
				  const struct wfm_functions_opts *o, wfm_error *err);
void wfm_functions_free(wfm_functions *f);

#endif
