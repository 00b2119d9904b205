/* mssim.h - discrete-event simulation of a multi-skill contact center:
 * several channels, agents in skill groups (lib/groups.h), Poisson
 * arrivals per channel at piecewise-constant interval rates.
 *
 * Routing (skills-based, no preemption):
 *  - an arriving contact goes to an idle agent holding its skill: the
 *    groups with the fewest skills first (specialists before generalists),
 *    among those the agent idle the longest; with none idle it waits in
 *    its channel's FIFO queue;
 *  - an agent who becomes free takes the head of one of its skills'
 *    queues: the lowest `rank` first (the channel priority), among equal
 *    ranks the one waiting the longest; with nothing waiting it goes idle.
 * Agents per group change at interval boundaries: idle agents leave
 * first, then a uniformly random choice of the busy ones (whose shift
 * ends is unrelated to when their contact does), who finish the contact
 * in hand; the others take new work as soon as they are free.  After the
 * horizon the last interval's agents work off the queues.  A contact's
 * handle time (exponential, or lognormal with a CV) and its exponential
 * patience are drawn on arrival from its channel's own generator, so the
 * same seed gives the same contacts whatever the staffing (common random
 * numbers, which the simulation-based staffing in lib/pooled.c relies on).
 *
 * Caller-driven like lib/sim.h: wfm_mssim_init(), wfm_mssim_step() per
 * replication, wfm_mssim_stat() (per channel and interval) and
 * wfm_mssim_total() (per channel over the horizon), wfm_mssim_done().
 *
 * Entry points: wfm_mssim_init(), wfm_mssim_step(), wfm_mssim_counts(),
 * wfm_mssim_stat(), wfm_mssim_total(), wfm_mssim_done(), wfm_mssim_channel().
 */
#ifndef WFM_MSSIM_H
#define WFM_MSSIM_H

#include <stddef.h>
#include "error.h"
#include "groups.h"
#include "sim.h"

struct wfm_mssim_params {
	size_t n;                  /* intervals */
	int step;                  /* interval length, s */
	const wfm_groups *gr;      /* gr->nchan channels, gr->n groups */
	const double *volume;      /* [c * n + i] arrivals expected */
	const double *aht;         /* [c * n + i] mean handle time, s (> 0 where volume > 0) */
	const long *agents;        /* [g * n + i] agents of group g on the phones */
	const double *patience;    /* [c] mean patience, s; 0 = infinite */
	const double *sl_seconds;  /* [c] answered within this counts for SL */
	const int *rank;           /* [c] priority for free agents, low first; NULL = all equal */
	double cv;                 /* 0: exponential handle times; > 0 lognormal */
	unsigned long seed;
};

typedef struct wfm_mssim wfm_mssim;

wfm_mssim *wfm_mssim_init(const struct wfm_mssim_params *p, wfm_error *err);
/* One more replication of the whole horizon; the number done, -1 when out of memory. */
long wfm_mssim_step(wfm_mssim *s);
/* Counts of the last replication, [c * n + i] by interval of arrival. */
const struct wfm_sim_counts *wfm_mssim_counts(const wfm_mssim *s);
/* Ratio estimates with 95% half-widths over the replications so far. */
void wfm_mssim_stat(const wfm_mssim *s, size_t c, size_t i, struct wfm_sim_stat *out);
void wfm_mssim_total(const wfm_mssim *s, size_t c, struct wfm_sim_stat *out);
void wfm_mssim_done(wfm_mssim *s);

/* How a channel of channels.csv is simulated here: its handle time is
 * aht x *aht_factor (chat: one chat at a time at the agent's chat
 * throughput, AHT (1 + overhead (c - 1)) / c), its patience (erlang_a,
 * else 0), the seconds within which an answer counts (backlog: deadline_h),
 * its SL target (backlog: 0, not a service-level target) and its default
 * priority rank (backlog channels after the others). */
#include "channels.h"
void wfm_mssim_channel(const struct wfm_channel *ch, double chat_overhead, double *aht_factor,
		       double *patience, double *sl_seconds, double *target, int *rank);

#endif
