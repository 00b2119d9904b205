/* simout.h - wfm simulate's output CSV, the one writer.
 *
 * Channel by channel (lib/sim.h, lib/simrun.h):
 *   timestamp,channel,volume,agents,sl_formula,sl_sim,sl_hw,asa_formula,
 *   asa_sim,asa_hw,abandon_formula,abandon_sim,abandon_hw[,p_met,p_met_hw]
 * By skill group (lib/mssim.h, lib/simgroups.h):
 *   timestamp,channel,volume,sl_target,sl_sim,sl_hw,asa_sim,asa_hw,
 *   abandon_sim,abandon_hw[,p_met,p_met_hw]
 * p_met,p_met_hw with forecast uncertainty (wfm simulate --forecast).
 * volume 2 decimals, agents as given (%.10g) or 2 decimals when
 * fractional (a coverage's people), SL and abandonment 4, ASA 1, P(met) 3;
 * a value that is not finite is written empty.
 *
 * Entry points: wfm_simout_header(), wfm_simout_row().
 */
#ifndef WFM_SIMOUT_H
#define WFM_SIMOUT_H

#include <stdint.h>
#include <stdio.h>
#include "erlang.h"
#include "sim.h"
#include "tz.h"

struct wfm_simout {
	int groups;              /* the multi-skill columns */
	int p_met;               /* the p_met,p_met_hw columns */
	int frac_agents;         /* agents with 2 decimals */
};

struct wfm_simout_row {
	int64_t t;               /* UTC */
	const char *channel;
	double volume, agents;   /* agents: channel by channel only */
	double sl_target;        /* groups only; NAN: none (backlog) */
	struct wfm_queue_perf formula;   /* channel by channel only */
	struct wfm_sim_stat sim;
	double p_met, p_met_hw;  /* NAN: none */
};

void wfm_simout_header(FILE *fp, const struct wfm_simout *f);
void wfm_simout_row(FILE *fp, const struct wfm_simout *f, const wfm_tz *tz,
		    const struct wfm_simout_row *r);

#endif
