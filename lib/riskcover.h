/* riskcover.h - chance-constrained cover (wfm shifts --risk r): the
 * requirement of each interval sized for the (1 - r)-quantile of its
 * arrival rate, from the forecast's band read as wfm staff --quantile
 * reads it (lib/staffing.h: Poisson-gamma, sized for the rate's
 * quantile), so that a plan covering it meets each interval's target in
 * at least 1 - r of the futures the forecast allows (the interval's
 * expected service given its rate; wfm simulate --coverage --forecast
 * measures what the plan gives).
 *
 * The quantile requirement is laid on the grid of the point requirements
 * (wfm_shiftreq, read from requirements.csv), channel by channel by name:
 * req[i] = sum of the channels' agents_gross at the quantile and
 * chan_req the channels' agents_gross (the group model's per-channel
 * requirement; a --load column is not reproduced).  Sized with wfm staff's
 * defaults (chat overhead 0.5, backlog hours 08:00-20:00 in tz).
 *
 * Entry point: wfm_riskcover_req().
 */
#ifndef WFM_RISKCOVER_H
#define WFM_RISKCOVER_H

#include "error.h"
#include "shiftplan.h"
#include "tz.h"

/* A new requirement on point's grid; NULL and an error when the
 * forecast, its band or channels.csv is bad, a channel of point has no
 * forecast, or an interval of point is off the forecast's range.
 * *differ: the intervals where the forecast's point sizing differs from
 * point's agents_gross (requirements from another forecast or other
 * options), for a warning. */
wfm_shiftreq *wfm_riskcover_req(const wfm_shiftreq *point, const char *forecast,
				const char *channels, const wfm_tz *tz, double risk,
				double band_level, size_t *differ, wfm_error *err);

#endif
