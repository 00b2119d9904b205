/* capacity_io.h - the files of the long-range capacity plan (wfm capacity):
 * its three inputs and its output.
 *
 *   volumes    date,channel,volume[,aht_s,...]: one row per period and
 *              channel, weekly (dates 7 days apart, e.g. `wfm forecast
 *              --aggregate week`) or monthly (YYYY-MM or YYYY-MM-01, one
 *              calendar month apart).  Months are spread over the weeks by
 *              days (a week gets month volume x its days in the month /
 *              days of the month); the plan's weeks are the whole weeks
 *              from the first Monday on or after the first month's start.
 *              A missing period or channel row is an error (no gaps).
 *              --from/--to: a partial first or last month (see below).
 *   headcount  group,agents,contract_h_week[,tenure_months]: today's
 *              agents (a group may repeat with other contracts); tenure
 *              picks the attrition band (default: the longest).
 *   params     parameter,key,value (capacity-params.csv):
 *                contract_h_week,,40        FTE basis and new hires' contract
 *                attrition_monthly,,0.03    or by tenure band in months:
 *                attrition_monthly,0-3,0.08 / 3-12 / 12+  (bands must tile 0..)
 *                recruiting_weeks,,4        decision to first training day
 *                training_weeks,,6          unproductive, paid
 *                ramp_up,1,0.5              productivity in week 1, 2, ...
 *                                           after training; the last is 1
 *                class_min,,8  class_max,,30  class_cadence_weeks,,2
 *                shrinkage,,0.3 or shrinkage,Jul,0.38 (default channels.csv's)
 *                overtime,,0.05             share of hours coverable by overtime
 *                shift_efficiency,,0.9      agent-hours per paid hour (default:
 *                                           measured from --rules, else 1)
 *   plan       week,scenario,headcount,leavers,hires,in_training,ramping,
 *              effective_fte,required_fte,average_load_fte,overtime_fte,
 *              gap_fte,met,service_level,occupancy
 *
 * Entry points: wfm_cap_params_load(), wfm_cap_headcount_load(),
 * wfm_cap_volumes_load(), wfm_cap_plan_write(), wfm_cap_plan_load().
 */
#ifndef WFM_CAPACITY_IO_H
#define WFM_CAPACITY_IO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "error.h"

#define WFM_CAP_MAX_RAMP 104
#define WFM_CAP_MAX_BANDS 16

struct wfm_cap_band {
	double from_m, to_m;     /* tenure months [from, to); to INFINITY */
	double monthly;          /* attrition per month, [0, 1) */
	long line;
};

struct wfm_cap_params {
	double contract_h;       /* FTE basis, hours a week */
	int recruit_weeks, train_weeks;
	long lead_line;          /* line of the later of the two (for messages) */
	long class_min, class_max;
	int cadence;             /* weeks between possible class starts */
	size_t nramp;
	double ramp[WFM_CAP_MAX_RAMP];  /* productivity in week k+1 after training */
	size_t nband;
	struct wfm_cap_band band[WFM_CAP_MAX_BANDS];  /* sorted, tiling [0, inf) */
	double shrink[12];       /* by month; NAN = channels.csv's */
	double overtime;
	double efficiency;       /* 0 = not given */
	char file[256];
};

int wfm_cap_params_load(const char *path, struct wfm_cap_params *p, wfm_error *err);

struct wfm_cap_group {
	char name[64];
	double agents, contract_h, tenure_m;
	long line;
};

typedef struct wfm_cap_headcount {
	size_t n;
	struct wfm_cap_group *g;
} wfm_cap_headcount;

wfm_cap_headcount *wfm_cap_headcount_load(const char *path, wfm_error *err);
void wfm_cap_headcount_free(wfm_cap_headcount *h);

typedef struct wfm_cap_volumes {
	size_t nchan;
	char **channel;
	size_t nweeks;
	int64_t first_day;       /* local day number of week 0's first day */
	double *volume, *aht;    /* [c * nweeks + w]; aht NAN = channels.csv's */
	int monthly;
	size_t nperiods;         /* rows per channel in the file */
	/* monthly: volume a day of the first (last) month over that of the
	 * second (second last), all channels, days outside --from/--to left
	 * out; well below 1 hints at a partial month (1 when weekly; wfm
	 * capacity warns below 0.8) */
	double first_ratio, last_ratio;
	char file[256];
} wfm_cap_volumes;

/* from, to (WFM_CAP_NODAY: none): the first and last day monthly volumes
 * cover, when their first or last month holds only some of its days (as
 * `wfm forecast --aggregate month` writes the ends of its horizon): those
 * months' volumes are spread over those days only.  Outside the first or
 * last month: a usage error (WFM_EUSAGE). */
#define WFM_CAP_NODAY INT64_MIN
wfm_cap_volumes *wfm_cap_volumes_load(const char *path, int64_t from, int64_t to, wfm_error *err);
void wfm_cap_volumes_free(wfm_cap_volumes *v);

/* One week of one scenario's plan. */
struct wfm_cap_week {
	int64_t day;             /* first local day of the week */
	double headcount;        /* agents employed at the start (trainees too) */
	double leavers;          /* attrition during the week */
	double hires;            /* class starting training this week */
	double training, ramping;/* in training; trained but below 100% */
	double effective;        /* productive FTE */
	double required;         /* FTE the interval-level sizing asks */
	double average_load;     /* FTE Erlang on the week's average load asks */
	double overtime;         /* FTE covered by overtime (within the allowance) */
	double gap;              /* effective + overtime - required */
	int met;                 /* gap >= 0 */
	double sl, occupancy;    /* projected with the effective staff; NAN none */
};

struct wfm_cap_series {
	char name[64];
	size_t nweeks;
	struct wfm_cap_week *week;
};

/* Plans side by side: week-major, one row per (week, scenario). */
int wfm_cap_plan_write(FILE *fp, const struct wfm_cap_series *s, size_t n);
/* Read a plan file back (for charts): *out gets n scenarios in order of
 * first appearance, each with its weeks in order.  Free with
 * wfm_cap_series_free(). */
long wfm_cap_plan_load(const char *path, struct wfm_cap_series **out, wfm_error *err);
void wfm_cap_series_free(struct wfm_cap_series *s, size_t n);

#endif
