/* simcover.h - the people of a shift plan or roster as the staffing of a
 * simulation (wfm simulate --coverage, --group-plan): net agents per
 * interval, fractional, and their rounding replication by replication.
 *
 * Channel by channel (lib/sim.h) the staffing comes from coverage.csv
 * (lib/coverage.h: `wfm shifts --coverage`, `wfm roster --coverage`):
 * the channel's own rows when the file has per-channel rows (a plan by
 * skill groups: the agents the plan gives the channel), else the pooled
 * `scheduled` split over the requirements' channels in proportion to their
 * agents_gross, as `wfm staff --evaluate` splits it; then net of the
 * channel's shrinkage: x = scheduled x (1 - shrinkage).  Coverage rows
 * finer than the interval are averaged.
 *
 * By skill group (lib/mssim.h) the staffing comes from a plan.csv or
 * roster.csv with a group column (`wfm shifts --groups/--staff`, `wfm
 * roster` on such a plan): the group's people working in each interval
 * (breaks excluded, the time-weighted mean over the interval), net of the
 * largest shrinkage among the group's channels.
 *
 * Fractional agents are simulated as a mixture: in each replication
 * interval i has floor(x_i) + 1 agents with probability x_i - floor(x_i),
 * else floor(x_i) (seeded), so that the mean service is the linear
 * interpolation of `wfm staff --evaluate` between the whole numbers.
 *
 * Entry points: wfm_simcover_channel(), wfm_simcover_groups(),
 * wfm_sim_round_alloc(), wfm_sim_round_draw(), wfm_sim_round_free().
 */
#ifndef WFM_SIMCOVER_H
#define WFM_SIMCOVER_H

#include <stddef.h>
#include <stdint.h>
#include "channels.h"
#include "error.h"
#include "groups.h"
#include "sim.h"
#include "tz.h"

/* Net agents x[i] of channel ch on the intervals of pl (loaded from
 * requirements, whose agents_gross split a pooled coverage).  pl is cut
 * to the intervals from the first to the last the coverage covers (an
 * interval inside with no row has 0 agents); x has room for pl->n.  -1 and
 * an error when the coverage covers none of them. */
int wfm_simcover_channel(const char *coverage, const char *requirements, const wfm_tz *tz,
			 const struct wfm_channel *ch, struct wfm_sim_plan *pl, double *x,
			 wfm_error *err);

/* Net agents x[g * n + i] of each group of gr on the grid start + i *
 * step from plan.csv or roster.csv (recognised by its agent_id column);
 * shrink[g] the group's shrinkage.  Every row must name a group of gr.
 * *first and *last: the first and last interval of the days the plan's
 * shifts start on (local days of tz). */
int wfm_simcover_groups(const char *path, const wfm_tz *tz, int64_t start, int step, size_t n,
			const wfm_groups *gr, const double *shrink, double *x, size_t *first,
			size_t *last, wfm_error *err);

/* Replication by replication rounding of x[0..n) into out[0..n): out
 * holds ceil(x) after alloc (the most a simulation will see), a fresh
 * draw after each wfm_sim_round_draw(). */
typedef struct wfm_sim_round wfm_sim_round;
wfm_sim_round *wfm_sim_round_alloc(size_t n, const double *x, long *out, unsigned long seed,
				   wfm_error *err);
void wfm_sim_round_draw(wfm_sim_round *r);
void wfm_sim_round_free(wfm_sim_round *r);

#endif
