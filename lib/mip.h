/* mip.h - a small integer-programming interface over GLPK.
 *
 * The model is built once (rows with bounds, columns with a cost, integer
 * flag, bounds and sparse coefficients), then solved with a time limit and
 * a relative gap: first the LP relaxation (its optimum is the reported
 * lower bound), then branch and bound seeded with a caller-supplied
 * incumbent.  Models with many more columns than rows are solved by
 * column generation (price and branch).  Only this file knows the solver, so CBC could replace GLPK.
 *
 * Entry points: wfm_mip_alloc(), wfm_mip_add_row(), wfm_mip_add_col(),
 * wfm_mip_chain(), wfm_mip_solve(), wfm_mip_free().
 */
#ifndef WFM_MIP_H
#define WFM_MIP_H

#include <stddef.h>
#include "error.h"

typedef struct wfm_mip wfm_mip;

enum wfm_mip_status {
	WFM_MIP_OPTIMAL = 0,     /* proven within the gap */
	WFM_MIP_TIME_LIMIT,      /* stopped by a limit (work, or the time
				  * limit when time_hit): incumbent kept */
	WFM_MIP_INFEASIBLE,      /* the LP relaxation has no feasible point */
};

/* Heuristic: given the LP relaxation solution x_lp[ncols], write an
 * integer-feasible x[ncols]; return 0, or -1 when it finds none. */
typedef int (*wfm_mip_heur)(const double *x_lp, double *x, void *arg);

struct wfm_mip_params {
	double time_limit_s;     /* wall-clock safety stop for the whole solve */
	double gap;              /* relative MIP gap to stop at (0.01 = 1%) */
	wfm_mip_heur heur;       /* may be NULL */
	void *heur_arg;
};

/* Monotonic wall-clock seconds, for wfm_mip_started(). */
double wfm_mip_clock(void);
/* The time limit counts from t (a wfm_mip_clock() reading: building the
 * model counts) instead of from the call of wfm_mip_solve(). */
void wfm_mip_started(wfm_mip *m, double t);

/* The default work limit.  Work, not seconds, decides where a solve stops,
 * so the same model gives the same answer on a busy machine; the time
 * limit only stops a solve that would run far too long (time_hit). */
#define WFM_MIP_WORK 2000000L

struct wfm_mip_result {
	int status;              /* enum wfm_mip_status */
	double lp_bound;         /* LP relaxation optimum */
	double objective;        /* incumbent objective (HUGE_VAL when none) */
	double gap;              /* (objective - lp_bound) / objective */
	double seconds;          /* solve time */
	int lp_seconds_ms;       /* time in the LP relaxation, ms */
	int lp_rounds;           /* LP solves (column generation rounds) */
	size_t lp_cols;          /* columns GLPK was given */
	size_t lp_nnz;           /* nonzeros of the whole model as GLPK gets it
				  * (differenced cover rows; 0: as given) */
	int lp_solved;           /* 1 when the LP relaxation was solved */
	int lp_restricted;       /* 1 when a limit stopped column generation after
				  * a restricted LP was solved: the heuristic
				  * rounded that point */
	int heuristic_used;       /* 1 when the incumbent is the heuristic's */
	int dived;               /* 1 when the incumbent came from a dive */
	int time_hit;            /* 1 when the time limit, not work, stopped a step */
	long iterations;         /* simplex iterations used */
	int nodes;               /* branch and bound nodes */
};

wfm_mip *wfm_mip_alloc(wfm_error *err);
void wfm_mip_free(wfm_mip *m);
/* Row lo <= a x (hi < 0: no upper bound).  Returns the row index (0-based). */
int wfm_mip_add_row(wfm_mip *m, double lo, double hi);
/* Column with cost, bounds [lo, hi] (hi < 0: none), integer, and n
 * coefficients in rows idx[] (0-based).  Returns its index or -1. */
int wfm_mip_add_col(wfm_mip *m, double cost, double lo, double hi,
		    size_t n, const int *idx, const double *val, wfm_error *err);
/* Columns j and after are continuous (default: every column integer). */
void wfm_mip_continuous_from(wfm_mip *m, size_t j);
/* Columns j and after are in the LP from the start, the others are let
 * in by column generation whatever the model's shape (e.g. flow variables
 * that no other column can stand in for; default: none). */
void wfm_mip_keep_from(wfm_mip *m, size_t j);
/* Simplex iterations the solve may use in all (LP, dive, branch and
 * bound; default WFM_MIP_WORK, its <= 0 sets the default back). */
void wfm_mip_work_limit(wfm_mip *m, long its);
/* Rows r0 .. r1 - 1 are covering rows (lo <= a x, no upper bound) in an
 * order where most columns cover runs of consecutive rows (cells of a
 * time grid).  GLPK then gets them differenced: row i minus row i - 1,
 * an explicit surplus per row, a column's entries only where its runs
 * start and end.  Same LP, far fewer nonzeros.  Default: none.  Used
 * only from WFM_MIP_CHAIN_NNZ model nonzeros on: below that the dense
 * rows solve as fast, and the plans of small models stay what they were
 * (another LP vertex rounds to another plan). */
void wfm_mip_chain(wfm_mip *m, size_t r0, size_t r1);
#define WFM_MIP_CHAIN_NNZ 1000000
/* Difference the chain from nnz model nonzeros on (default above). */
void wfm_mip_chain_from(wfm_mip *m, size_t nnz);
/* A lower bound on the LP relaxation of the whole model by GLPK's interior
 * point method (no column generation, no simplex: for models too large for
 * the simplex, e.g. lib/shiftplan_blocks.c), from its duals (a Lagrangian
 * bound); -1 with err when it fails.  Valid for covering models (costs
 * > 0, coefficients 0/1, rows lo <= a x); the chain is differenced at any
 * size. */
int wfm_mip_lp_bound(wfm_mip *m, double *bound, wfm_error *err);
/* The same by parts consecutive runs of rows (mip.c says why it is valid;
 * a little weaker, much cheaper on long chains); the whole model when the
 * model is not one chain of covering rows. */
int wfm_mip_lp_bound_parts(wfm_mip *m, size_t parts, double *bound, wfm_error *err);
size_t wfm_mip_nrows(const wfm_mip *m);
size_t wfm_mip_ncols(const wfm_mip *m);
size_t wfm_mip_nnz(const wfm_mip *m);
/* Solve; x[ncols] receives the incumbent.  -1 only on solver failure. */
int wfm_mip_solve(wfm_mip *m, const struct wfm_mip_params *p, double *x,
		  struct wfm_mip_result *res, wfm_error *err);

#endif
