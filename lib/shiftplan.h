/* shiftplan.h - shift plan covering a requirement curve (set covering).
 *
 * The requirement of an interval is the sum of agents_gross over the
 * channels of requirements.csv (single pool).  Cells of the cover grid
 * (the gcd of the requirement interval and every start step, length and
 * break of the rules) take the requirement of the interval they lie in.
 * Columns are (day x shift type x start x length x break placement) with
 * an integer count; a row per cell with a requirement asks for at least
 * ceil(required) people working (on shift, not on break).  Hard mode
 * demands the cover; soft mode adds an under-cover variable per cell
 * priced at `penalty` per agent-hour.  The objective is paid hours.
 *
 * The planning window is whole local days.  By default it is cyclic: a
 * shift running past the end of the last day covers the first hours of
 * the first day, as if the plan repeated (the Sunday night shift covers
 * Monday early morning).  With no_wrap those hours fall outside the
 * window and count for nothing.
 *
 * Entry points: wfm_shiftreq_load(), wfm_shiftplan_solve(),
 * wfm_shiftplan_free().
 */
#ifndef WFM_SHIFTPLAN_H
#define WFM_SHIFTPLAN_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "mip.h"
#include "shiftrules.h"
#include "tz.h"

typedef struct wfm_shiftreq {
	int64_t start;           /* UTC instant of the first interval */
	int step;                /* interval length, seconds */
	size_t n;                /* intervals */
	double *req;             /* sum of agents_gross over channels */
	size_t nchan;
	char file[256];          /* where it was read from, for messages */
} wfm_shiftreq;

wfm_shiftreq *wfm_shiftreq_load(const char *path, const wfm_tz *tz, wfm_error *err);
void wfm_shiftreq_free(wfm_shiftreq *r);

struct wfm_shiftplan_opts {
	int64_t first_day;       /* local day number of the window's first day */
	int ndays;               /* 0: every day of the requirements */
	int soft;                /* 1: under-cover allowed at a penalty */
	double penalty;          /* soft mode: cost per agent-hour under */
	double time_limit;       /* seconds */
	double gap;              /* relative MIP gap */
	int break_step;          /* minutes between break placements; 0 = grid */
	int no_wrap;             /* 1: the window is not cyclic */
};

struct wfm_plan_row {
	int64_t day;             /* local day the shift starts */
	int rule;                /* index into the rules */
	int start;               /* minutes after local midnight */
	int len;                 /* minutes, start to end */
	int brk;                 /* break offset from start, minutes; -1 none */
	long count;
	int64_t t;               /* UTC start */
};

typedef struct wfm_shiftplan {
	size_t nrows;
	struct wfm_plan_row *row;
	int64_t t0;              /* first cell, UTC */
	int grid;                /* cell length, seconds */
	size_t ncells;
	double *required;        /* per cell */
	long *scheduled;         /* per cell: working, breaks excluded */
	int64_t first_day;
	int ndays;
	double *day_paid;        /* paid hours by start day */
	int break_step;          /* minutes */
	size_t model_rows, model_cols, model_nnz;
	struct wfm_mip_result mip;
	double paid_hours, required_hours, scheduled_hours, efficiency;
	size_t under_cells, uncoverable;
	double under_hours;
	size_t nodata;           /* window cells the requirements do not reach */
} wfm_shiftplan;

/* Solve.  NULL with an error when the input cannot be planned: in hard
 * mode the message lists the intervals no shift can cover or that the
 * count limits leave short (WFM_EINPUT). */
wfm_shiftplan *wfm_shiftplan_solve(const wfm_shiftreq *req, const wfm_shiftrules *rules,
				   const wfm_tz *tz, const struct wfm_shiftplan_opts *o,
				   wfm_error *err);
void wfm_shiftplan_free(wfm_shiftplan *p);

#endif
