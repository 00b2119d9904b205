/* sim.h - discrete-event simulation of one contact channel: Poisson
 * arrivals at piecewise-constant interval rates, FCFS queue, N agents per
 * interval (an agent leaving at an interval boundary finishes its contact
 * first), exponential or lognormal handle times, optional exponential
 * patience.  Used to check the Erlang formulas and show where they break.
 *
 * The caller drives it (GSL style): wfm_sim_init(), then wfm_sim_step()
 * once per replication, reading wfm_sim_counts() after each if wanted,
 * then wfm_sim_stat() for means and 95% confidence half-widths over the
 * replications, and wfm_sim_done().  Seeded (GSL mt19937): same seed, same
 * numbers.  Plans come from requirements.csv through wfm_sim_plan_load().
 *
 * Entry points: wfm_sim_init(), wfm_sim_step(), wfm_sim_stat(), wfm_sim_done(),
 * wfm_sim_volumes_draw() (forecast uncertainty), wfm_sim_met_add() (P(SL met)),
 * wfm_sim_draws_volumes() and wfm_sim_draws_met() (both, per channel).
 */
#ifndef WFM_SIM_H
#define WFM_SIM_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "tz.h"

struct wfm_sim_params {
	size_t n;              /* intervals */
	int step;              /* interval length, s */
	const double *volume;  /* arrivals expected per interval (read at each step) */
	const double *aht;     /* mean handle time per interval (of arrivals then), s */
	const long *agents;    /* servers per interval */
	double cv;             /* 0: exponential handle times; > 0 lognormal with this CV */
	double patience;       /* mean patience, s; 0 = infinite */
	double sl_seconds;
	unsigned long seed;
};

/* Per interval of arrival, one replication. */
struct wfm_sim_counts {
	double arrivals, answered, answered_in_t, abandoned, wait_sum;
};

/* Per interval over the replications: ratio estimates (answered within t
 * / arrivals, total wait / answered, abandoned / arrivals), 95% bounds. */
struct wfm_sim_stat {
	double sl, sl_hw, asa, asa_hw, abandon, abandon_hw;
	long reps;
};

typedef struct wfm_sim wfm_sim;

wfm_sim *wfm_sim_init(const struct wfm_sim_params *p, wfm_error *err);
/* Run one more replication; returns the number done so far. */
long wfm_sim_step(wfm_sim *s);
/* Counts of the last replication, n entries. */
const struct wfm_sim_counts *wfm_sim_counts(const wfm_sim *s);
void wfm_sim_stat(const wfm_sim *s, size_t i, struct wfm_sim_stat *out);
void wfm_sim_done(wfm_sim *s);

/* Forecast uncertainty (lib/staffing.h: a Poisson-gamma rate fitted to
 * the forecast's band).  Each draw gives every interval's expected
 * arrivals for one replication: the rate of interval i is its gamma
 * quantile (shape k_i, mean mean_i; k_i INFINITY: the mean) at
 * U_i = Phi(sqrt(r) Z_day + sqrt(1 - r) Z_i), with Z_day shared by the
 * intervals of a day (day[i], nondecreasing) and r = day_share: each
 * interval keeps its marginal distribution, and r of the spread is common
 * to the day (a busy day is busy all day).  Seeded; the caller copies the
 * draw into the volumes the simulation reads between replications. */
typedef struct wfm_sim_volumes wfm_sim_volumes;
wfm_sim_volumes *wfm_sim_volumes_alloc(size_t n, const double *mean, const double *shape,
				       const long *day, double day_share, unsigned long seed,
				       wfm_error *err);
const double *wfm_sim_volumes_draw(wfm_sim_volumes *v);
void wfm_sim_volumes_free(wfm_sim_volumes *v);

/* P(SL met) over replications: per interval, the share of replications in
 * which the interval's SL (answered within t / arrivals; met when nothing
 * arrived) reaches target; per day (day[i] as above), the same for the
 * day's SL over all its arrivals.  Half-widths: of the 95% Wilson score
 * interval, z / (1 + z^2/R) sqrt(p (1 - p) / R + z^2 / 4R^2), z = 1.96
 * (centred on (p + z^2/2R) / (1 + z^2/R), not on p). */
typedef struct wfm_sim_met wfm_sim_met;
wfm_sim_met *wfm_sim_met_alloc(size_t n, const long *day, double target, wfm_error *err);
void wfm_sim_met_add(wfm_sim_met *m, const struct wfm_sim_counts *c);
void wfm_sim_met_interval(const wfm_sim_met *m, size_t i, double *p, double *hw);
size_t wfm_sim_met_ndays(const wfm_sim_met *m);
/* Day k: its day value, P(met) and half-width, and its mean SL. */
void wfm_sim_met_day(const wfm_sim_met *m, size_t k, long *day, double *p, double *hw, double *sl);
void wfm_sim_met_free(wfm_sim_met *m);

/* The per-channel draws of a driver (lib/simrun.c: one channel,
 * lib/simgroups.c: up to 64), NULL where a channel has none.  Before each
 * replication wfm_sim_draws_volumes() copies channel c's drawn volumes to
 * vol + c * n; after it wfm_sim_draws_met() adds the counts (c * n + i)
 * to each channel's P(SL met).  wfm_sim_draws_free() frees the draws. */
struct wfm_sim_draws {
	wfm_sim_volumes *vd[64];
	wfm_sim_met *met[64];
};
void wfm_sim_draws_volumes(const struct wfm_sim_draws *d, size_t nc, size_t n, double *vol);
void wfm_sim_draws_met(const struct wfm_sim_draws *d, size_t nc, size_t n,
		       const struct wfm_sim_counts *c);
void wfm_sim_draws_free(struct wfm_sim_draws *d);

/* Ratio estimators over replications, shared with lib/mssim.c: acc[15]
 * holds, for SL (answered within t / arrivals), ASA (wait / answered)
 * and abandonment (abandoned / arrivals) in turn, the sums of x, y, x^2,
 * y^2 and xy over the replications.  wfm_sim_acc_add() adds one
 * replication's counts; wfm_sim_acc_stat() gives each sum x / sum y and
 * its 95% half-width (delta method), NAN when sum y is 0 (half-width NAN
 * also below 2 replications). */
void wfm_sim_acc_add(double *acc, const struct wfm_sim_counts *c);
void wfm_sim_acc_stat(const double *acc, long reps, struct wfm_sim_stat *o);

/* A channel's rows of requirements.csv (timestamp,channel,volume,aht_s,
 * agents): regular intervals, step inferred.  Arrays are malloc'ed. */
struct wfm_sim_plan {
	size_t n;
	int step;
	int64_t *t;
	double *volume, *aht;
	long *agents;
};
int wfm_sim_plan_load(const char *path, const wfm_tz *tz, const char *channel,
		      struct wfm_sim_plan *plan, wfm_error *err);
void wfm_sim_plan_free(struct wfm_sim_plan *plan);

#endif
