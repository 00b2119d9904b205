/* capacity.h - the long-range staffing and hiring plan (weeks to 18
 * months): required FTE per week from interval-level sizing, headcount
 * week by week with attrition, training and ramp-up, and training classes
 * chosen by a small integer program.  Formulas in docs/capacity.md.
 *
 * Required FTE of week w: each channel's weekly volume is spread over the
 * week's intervals with the profile (weekday x time of day, or month x
 * time of day), every interval is sized with lib/staffing (the targets of
 * channels.csv, as wfm staff; backlog deadlines wrap around the week as if
 * it repeated), the net agent-hours are turned into paid hours with the
 * shift efficiency e (agent-hours per paid hour: the shift model's LP
 * bound measured on sample weeks, see wfm_cap_efficiency()), and
 *   FTE = paid hours / contract_h_week / (1 - shrinkage).
 * The "average load" figure sizes the week's average load instead (flat
 * profile, e = 1): what a spreadsheet with Erlang on weekly averages gives.
 *
 * Headcount: attrition q(t) per week from the monthly rate m of the tenure
 * band, q = 1 - (1 - m)^(12/52); a class of y hires starting training in
 * week s has y S(t) people at tenure t = w - s (S(0) = 1, S(t+1) = S(t)
 * (1 - q(t))), produces nothing for training_weeks, then ramp_up[k]
 * in its k-th week after training, 1 afterwards.  Effective FTE = sum of
 * people x productivity x contract hours / contract_h_week, at the start
 * of the week.
 *
 * Classes: integer sizes y_s (0, or class_min..class_max) at the starts
 * s = recruiting_weeks + k cadence; minimise the hires' paid hours to the
 * horizon subject to (1 + overtime) effective(w) >= required(w) for every
 * week w >= lead = recruiting + training (a shortfall variable with a
 * large price keeps it feasible when class_max binds; such weeks are
 * reported as not met).
 *
 * Entry points: wfm_cap_simulate(), wfm_cap_prepare(),
 * wfm_cap_efficiency(), wfm_cap_run(), wfm_cap_report(), wfm_cap_free().
 */
#ifndef WFM_CAPACITY_H
#define WFM_CAPACITY_H

#include "capacity_io.h"
#include "channels.h"
#include "mip.h"
#include "profile.h"
#include "shiftrules.h"
#include "staffing.h"
#include "tz.h"

/* Attrition per week at tenure t weeks. */
double wfm_cap_weekly_attrition(const struct wfm_cap_params *p, double t_weeks);

/* The week-by-week arithmetic for given class sizes hires[w] (a class
 * starting training in week w; 0 = none; hires NULL: no classes): fills
 * day (first_day + 7 w), headcount, leavers, hires, training, ramping and
 * effective of out[nweeks]; the other fields are zeroed.  0, or -1 when
 * out of memory. */
int wfm_cap_simulate(const struct wfm_cap_params *p, const wfm_cap_headcount *hc,
		     int64_t first_day, size_t nweeks, const double *hires,
		     struct wfm_cap_week *out, wfm_error *err);

struct wfm_cap_input {
	const wfm_cap_volumes *vol;
	const char *vol_path;    /* for messages naming a missing channel */
	const struct wfm_cap_params *par;
	const wfm_cap_headcount *hc;
	const wfm_channels *cfg;
	const wfm_profile *prof;        /* NULL: volumes spread evenly, hourly */
	const char *const *prof_names;  /* the profile's channel names */
	const char *prof_file;
	const wfm_tz *tz;
	struct wfm_staff_opts so;
	const wfm_shiftrules *rules;    /* NULL: efficiency from params, else 1 */
	double time_limit;       /* seconds per MIP (and per efficiency LP) */
};

typedef struct wfm_cap wfm_cap;

/* Check the inputs against each other (profile and channels.csv hold every
 * channel, lead time shorter than the horizon) and set up the work. */
wfm_cap *wfm_cap_prepare(const struct wfm_cap_input *in, wfm_error *err);
void wfm_cap_free(wfm_cap *m);

/* Shift efficiency: from params when given; else, with rules, the LP
 * bound of the shift model (lib/shiftplan, cyclic week) on three weeks of
 * the volumes x factor (least, median and most agent-hours), interpolated
 * linearly in the week's agent-hours; else 1.  n samples into hours[] and
 * eff[] (at most 3) for the report. */
int wfm_cap_efficiency(wfm_cap *m, double factor, double *hours, double *eff, size_t *n,
		       wfm_error *err);

struct wfm_cap_result {
	struct wfm_cap_series plan;   /* name set by the caller */
	double factor;
	struct wfm_mip_result mip;
	size_t lead;             /* first week a class can be ready */
	double hires, hire_paid_hours;
	size_t classes, short_weeks;  /* weeks >= lead not met */
	double required_sum, average_sum;
};

/* One scenario: volumes x factor.  res->plan.week is allocated (free it). */
int wfm_cap_run(wfm_cap *m, double factor, struct wfm_cap_result *res, wfm_error *err);

/* The summary of n scenarios side by side, to fp ("prog: N weeks from
 * ..., then a row per figure); rules: efficiency measured with --rules. */
void wfm_cap_report(FILE *fp, const char *prog, const wfm_cap_volumes *v,
		    const struct wfm_cap_params *p, int rules, const struct wfm_cap_result *res,
		    size_t n, const double *eh, const double *ef, size_t ne);

#endif
