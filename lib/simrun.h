/* simrun.h - wfm simulate channel by channel: one queue channel of a
 * requirements file (its volume, aht_s and agents per interval, or the
 * people of a coverage.csv, lib/simcover.h) simulated over R replications
 * by lib/sim.h, each replication's volumes drawn from the forecast's
 * uncertainty (lib/simfc.h) when one is given, and its rows for
 * lib/simout.h beside the formula (Erlang C, or Erlang A with patience;
 * fractional agents interpolated linearly as wfm staff --evaluate does).
 * Chat: each agent is `concurrency` servers whose handle time grows to
 * aht (1 + overhead (concurrency - 1)), as wfm staff sizes them.
 *
 * Entry points: wfm_simrun_channel(), wfm_simrun_row(), wfm_simrun_sl(),
 * wfm_simrun_free().
 */
#ifndef WFM_SIMRUN_H
#define WFM_SIMRUN_H

#include <stddef.h>
#include "channels.h"
#include "error.h"
#include "sim.h"
#include "simfc.h"
#include "simout.h"
#include "tz.h"

struct wfm_simrun_opts {
	const char *requirements;
	const char *coverage;    /* NULL: the requirements' agents */
	const wfm_simfc *fc;     /* NULL: the forecast's volumes as they are */
	double day_share;        /* see wfm_sim_volumes_alloc() */
	long reps;
	double cv;               /* 0: exponential handle times, else lognormal */
	double patience;         /* < 0: patience_s for erlang_a, none otherwise; 0: none */
	double chat_overhead;
	unsigned long seed;
};

typedef struct wfm_simrun {
	size_t n;                /* intervals simulated */
	double patience;         /* the one used */
	const wfm_sim_met *met;  /* P(SL met), with a forecast; else NULL */
	struct run *run;         /* the rest (simrun.c) */
} wfm_simrun;

/* Run every replication; NULL with an error (the channel has no rows in
 * the requirements: "no rows for channel ..."). */
wfm_simrun *wfm_simrun_channel(const struct wfm_simrun_opts *o, const struct wfm_channel *ch,
			       const wfm_tz *tz, wfm_error *err);
/* Interval i's output row. */
void wfm_simrun_row(const wfm_simrun *r, size_t i, struct wfm_simout_row *row);
/* Volume-weighted SL of the formula and of the simulation over the
 * intervals with arrivals; returns the weight (0: no volume). */
double wfm_simrun_sl(const wfm_simrun *r, double *formula, double *sim);
void wfm_simrun_free(wfm_simrun *r);

#endif
