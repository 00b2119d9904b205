/* pooled.h - pooled staffing per interval for skill groups: the fewest
 * agents per group that meet every channel's requirement when
 * cross-skilled agents split their time (fluid model, one small MIP per
 * interval through lib/mip.c), then corrected by simulation where the
 * fluid model is optimistic (lib/mssim.c; Cezik & L'Ecuyer 2008 style).
 *
 * Fluid model of interval i, with r_c the channel's continuous requirement
 * in net agents (wfm_staff_fractional):
 *   min sum_g cost_g N_g   s.t.  sum_{g serves c} x_gc >= r_c     (each c)
 *                                sum_c x_gc <= N_g                (each g)
 *                                N_g >= min_share_g sum_h N_h     (groups.csv)
 *                                0 <= N_g <= max_agents_g, N_g integer, x >= 0
 * cost_g = 1 + 0.001 (skills_g - 1): at equal head count specialists are
 * preferred, which also leaves generalists free where they help most.
 *
 * Correction: simulate the whole horizon (common random numbers: the same
 * contacts every iteration); in every interval and channel whose simulated
 * SL is under its target add one agent to the group with the fewest
 * skills that serves the channel (below its max_agents); repeat until no
 * interval misses or the iteration bound.  Agents are only added.
 *
 * Entry points: wfm_pooled_fluid(), wfm_pooled_correct(), wfm_pooled_staff(),
 * wfm_pooled_free(), wfm_pooled_carry_over().
 */
#ifndef WFM_POOLED_H
#define WFM_POOLED_H

#include <stddef.h>
#include "error.h"
#include "groups.h"
#include "mssim.h"

/* req[c * n + i] continuous requirements; agents[g * n + i] out; split
 * [(g * nchan + c) * n + i] out (may be NULL): the agents of g on c.
 * -1 when an interval is infeasible (max_agents, min_share). */
int wfm_pooled_fluid(const wfm_groups *gr, size_t n, const double *req, long *agents,
		     double *split, wfm_error *err);

#define WFM_POOLED_MAXCHAN 64

struct wfm_pooled_report {
	int iterations;          /* simulations run */
	long added;              /* agent-intervals added */
	long misses_first, misses_last;  /* (interval, channel) cells under target */
	/* per channel over the horizon: simulated SL of the fluid staffing
	 * (first run) and of the final one, with 95% half-widths */
	double sl_first[WFM_POOLED_MAXCHAN], hw_first[WFM_POOLED_MAXCHAN];
	double sl_last[WFM_POOLED_MAXCHAN], hw_last[WFM_POOLED_MAXCHAN];
};

/* p->agents must point at agents (updated in place).  target[c] <= 0: not
 * checked (backlog).  reps replications per iteration, at most iters
 * iterations (0: none).  The last simulation's statistics stay in *last
 * when last is not NULL (caller frees with wfm_mssim_done). */
int wfm_pooled_correct(const struct wfm_mssim_params *p, long *agents, const double *target,
		       long reps, int iters, struct wfm_pooled_report *rep, wfm_mssim **last,
		       wfm_error *err);

/* The whole of `wfm staff --groups`: continuous requirements from req,
 * the fluid plan, and the correction.  Simulation inputs per channel:
 * volume and aht of req; chat is simulated one chat at a time per agent
 * at the agent's chat throughput (handle time AHT_c / concurrency);
 * erlang_a channels with their patience; backlog channels as contacts
 * answered within deadline_h, after the queue channels by default, and
 * not corrected (their requirement is work, met by the fluid split). */
#include "staffing.h"

struct wfm_pooled_opts {
	long reps;               /* replications per simulation (default 50) */
	int iters;               /* correction iterations (default 10, 0: none) */
	unsigned long seed;
	const int *rank;         /* [c of the series] or NULL: backlog after the others */
};

struct wfm_pooled {
	size_t n, ng, nc;
	long *fluid, *agents, *gross;   /* [g * n + i] */
	double *req;                    /* [c * n + i] continuous requirements */
	double *split;                  /* [(g * nc + c) * n + i] */
	struct wfm_pooled_report rep;
	wfm_mssim *sim;                 /* the last simulation (final staffing) */
	void *inputs;                   /* the simulation's inputs (it points into them) */
};

int wfm_pooled_staff(const wfm_series *s, const wfm_channels *cfg, const int *map,
		     const struct wfm_staff_opts *so, const struct wfm_req *req,
		     const wfm_groups *gr, const struct wfm_pooled_opts *po,
		     struct wfm_pooled *out, wfm_error *err);
void wfm_pooled_free(struct wfm_pooled *pl);

/* `wfm staff --carry-over`: each queue channel's requirements req (from
 * wfm_staff_requirements) corrected by simulating the whole horizon, so
 * that the queue one interval leaves is met by the next (the iterative
 * simulation-based staffing of Feldman et al. 2008, adding only): the same
 * rounds as wfm_pooled_correct() on the channel alone, in servers (chat
 * agents are `concurrency` servers with the longer handle time, as wfm
 * simulate runs them; a chat agent is added at a time).  agents, gross and
 * the formula's perf of the changed rows are updated.  rep[c] per channel
 * (sl_first/sl_last at index 0); backlog channels are left alone. */
int wfm_pooled_carry_over(const wfm_series *s, const wfm_channels *cfg, const int *map,
			  const struct wfm_staff_opts *so, struct wfm_req *req,
			  const struct wfm_pooled_opts *po, struct wfm_pooled_report *rep,
			  wfm_error *err);

#endif
