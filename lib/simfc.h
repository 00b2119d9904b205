/* simfc.h - a forecast's uncertainty as a simulation's input (wfm
 * simulate --forecast): the forecast (timestamp,channel,volume,...,
 * volume_lo,volume_hi) read once, then per channel the gamma shape of each
 * interval's rate (lib/staffing.h, wfm_staff_rate_shape(): the band read
 * as a Poisson-gamma count) and its local day, on the times a simulation
 * runs, for wfm_sim_volumes_alloc() (lib/sim.h).
 *
 * Entry points: wfm_simfc_load(), wfm_simfc_shapes(), wfm_simfc_free().
 */
#ifndef WFM_SIMFC_H
#define WFM_SIMFC_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "tz.h"

typedef struct wfm_simfc wfm_simfc;

/* level: the band's coverage (0.8 for wfm forecast's default). */
wfm_simfc *wfm_simfc_load(const char *path, const wfm_tz *tz, double level, wfm_error *err);
/* For times t[0..n): shape[i] (INFINITY, a certain rate, where the
 * forecast has no band or no row for the channel) and day[i], the local
 * calendar day of t[i]. */
void wfm_simfc_shapes(const wfm_simfc *f, const char *channel, const int64_t *t, size_t n,
		      const wfm_tz *tz, double *shape, long *day);
void wfm_simfc_free(wfm_simfc *f);

#endif
