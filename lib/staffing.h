/* staffing.h - agents each interval needs, per channel kind, and the
 * reverse: service a given number of agents gives.
 *
 * Input is a forecast as a wfm_series (volume and aht_s per channel and
 * interval) and channels.csv.  Per kind (formulas in docs/staff.md):
 *   erlang_c  smallest N meeting the SL target (and occupancy cap)
 *   erlang_a  same with exponential patience; optional abandonment cap
 *   chat      each agent is `concurrency` servers whose handle time grows
 *             to aht (1 + overhead (concurrency - 1)); Erlang C on servers
 *   backlog   each interval's workload (volume x aht) is spread evenly over
 *             the open intervals of its deadline window; agents = ceil(work
 *             / (interval x max_occupancy))
 * agents_gross = ceil(agents / (1 - shrinkage)).
 *
 * Entry points: wfm_staff_map(), wfm_staff_requirements(),
 * wfm_staff_fractional(), wfm_staff_coverage_load(), wfm_staff_evaluate(),
 * wfm_staff_days(), wfm_staff_rate_quantile().
 */
#ifndef WFM_STAFFING_H
#define WFM_STAFFING_H

#include <stdint.h>
#include "channels.h"
#include "erlang.h"
#include "error.h"
#include "series.h"
#include "tz.h"

struct wfm_staff_opts {
	double chat_overhead;    /* handle-time growth per extra chat, default 0.5 */
	int open_min, close_min; /* backlog working hours, minutes of the day;
	                          * open > close crosses midnight (22:00-06:00) */
	const wfm_tz *hours_tz;  /* zone of those hours (the staff's); NULL: tz */
	long max_agents;         /* per channel and interval, default 100000 */
	int exact;               /* also compute struct wfm_req.exact (wfm staff --load) */
	long *erlang_a_count;    /* NULL, or [0] += Erlang A intervals sized and
	                          * [1] += the evaluations that took (wfm staff -v) */
};
void wfm_staff_opts_default(struct wfm_staff_opts *o);

struct wfm_req {
	int skip;            /* no forecast row for this interval */
	double volume, aht;  /* aht: the one used (forecast, else channels.csv) */
	double load;         /* Erlangs (queue kinds) or backlog work scheduled here, s */
	long agents, gross;
	/* With opts.exact: the real-valued net agents at which the target is
	 * exactly met (the service between integer agents interpolated
	 * linearly as in wfm_staff_perf(); backlog: work / capacity unrounded),
	 * else NAN.  agents = ceil(exact) up to rounding. */
	double exact;
	struct wfm_queue_perf perf;  /* backlog: sl 1, asa NAN, abandon 0 */
};

/* map[c] = channels.csv index of the series' channel c.  A channel missing
 * from channels.csv is an error naming the forecast's file and line (line
 * found by rescanning path, unless it is "-"). */
int *wfm_staff_map(const wfm_series *s, const char *path, const wfm_channels *cfg,
		   wfm_error *err);

/* Requirements for every channel and interval into req[c * s->n + i].
 * -1 when a target cannot be met within max_agents or a backlog item has
 * no open interval before its deadline (the message says which). */
int wfm_staff_requirements(const wfm_series *s, const wfm_channels *cfg, const int *map,
			   const wfm_tz *tz, const struct wfm_staff_opts *o,
			   struct wfm_req *req, wfm_error *err);

/* Service with a given (fractional) number of net agents: linear between
 * the integer neighbours.  load and aht as in struct wfm_req. */
void wfm_staff_perf(const struct wfm_channel *ch, const struct wfm_staff_opts *o,
		    double load, double aht, int step, double agents,
		    struct wfm_queue_perf *p);

/* The continuous requirement behind r->agents, in net agents (what
 * struct wfm_req.exact holds with opts.exact): the least fractional n at
 * which the interpolated service (wfm_staff_perf) meets sl_target,
 * max_abandon and max_occupancy, in [agents - 1, agents]; for backlog the
 * work over the interval's capacity, load / (step x occupancy cap). */
double wfm_staff_fractional(const struct wfm_channel *ch, const struct wfm_staff_opts *o,
			    const struct wfm_req *r, int step);

/* Forecast uncertainty.  The forecast's band [volume_lo, volume_hi] is
 * read as the central `level` interval (0.8 for wfm forecast's default)
 * of a Poisson-gamma (negative binomial) count: the arrival rate is
 * Gamma with mean `volume` and the arrivals Poisson given the rate (Taylor
 * 2012).  The band's width gives the count's standard deviation
 * sd = (hi - lo) / (2 z), z the normal quantile of (1 + level) / 2; the
 * rate's variance is what exceeds Poisson's, sd^2 - volume, so the gamma
 * shape is k = volume^2 / (sd^2 - volume).  A band no wider than Poisson's
 * leaves the rate certain (k infinite).
 *
 * The band itself is read with the series (wfm_series_load_band_required,
 * lib/series.c): lo[c * n + i], NAN where there is no row or no value.
 * wfm_staff_rate_shape(): k (INFINITY: certain rate).
 * wfm_staff_rate_quantile(): the q-quantile of the rate (in arrivals per
 * interval): Erlang's Poisson arrivals are then sized for it, so the
 * Poisson noise is not counted twice. */
double wfm_staff_rate_shape(double volume, double lo, double hi, double level);
double wfm_staff_rate_quantile(double volume, double lo, double hi, double level, double q);

/* coverage.csv (timestamp,required,scheduled,...) on the series' grid:
 * sched[i] is the mean `scheduled` of the coverage rows inside interval i,
 * NAN when none.  *outside counts rows off the forecast's range. */
double *wfm_staff_coverage_load(const char *path, const wfm_tz *tz, const wfm_series *s,
				size_t *outside, wfm_error *err);
/* Intervals between the first and the last one a coverage covers that it
 * does not (a missing hour, the repeated hour of a DST fall-back written
 * once): their number, the first in *first.  They are not evaluated. */
size_t wfm_staff_coverage_gaps(const double *sched, size_t n, size_t *first);

struct wfm_eval {
	int skip;
	double agents;       /* net agents given to the channel */
	double sl_target;
	struct wfm_queue_perf perf;
};

/* Split sched[i] over the channels in proportion to their agents_gross,
 * remove each channel's shrinkage, and evaluate: ev[c * s->n + i]. */
void wfm_staff_evaluate(const wfm_series *s, const wfm_channels *cfg, const int *map,
			const struct wfm_staff_opts *o, const struct wfm_req *req,
			const double *sched, struct wfm_eval *ev);

/* Per channel and local day: volume-weighted SL (work-weighted for
 * backlog), abandonment and volume; one entry per (day, channel) with
 * volume > 0, in day then channel order.  Returns the count or -1. */
struct wfm_staff_day {
	int64_t day;
	size_t chan;
	double volume, sl, abandon, sl_target;
	double weight;       /* volume, or work seconds for backlog */
	long intervals, below; /* intervals with load, and those under sl_target */
};
long wfm_staff_days(const wfm_series *s, const wfm_channels *cfg, const int *map,
		    const wfm_tz *tz, const struct wfm_req *req, const struct wfm_eval *ev,
		    struct wfm_staff_day **out, wfm_error *err);

#endif
