/* shiftplan_int.h - what lib/shiftplan.c shares with lib/shiftplan_groups.c
 * (the window, the shift columns and the cells they work): not for
 * programs.  Entry points: wfm_shiftplan_window(), wfm_shiftplan_enumerate(),
 * wfm_shiftplan_col_cells(), wfm_shiftplan_rows_cols(),
 * wfm_shiftplan_list_cells(), wfm_shiftplan_solve_one(),
 * wfm_shiftplan_totals(), wfm_shiftplan_lp_bound(), wfm_shiftplan_blocks_fit(),
 * wfm_shiftplan_solve_blocks(), wfm_keyed_cmp(). */
#ifndef WFM_SHIFTPLAN_INT_H
#define WFM_SHIFTPLAN_INT_H

#include "shiftplan.h"

/* A shift column: day x rule x start x length x break placement. */
struct col {
	int64_t day, t;
	int rule, start, len, brk;
	int c0;                  /* first cell (may be past the window) */
	double cost;             /* paid hours */
};

int wfm_shiftplan_window(wfm_shiftplan *p, const wfm_shiftreq *req, const wfm_shiftrules *rs,
			 const wfm_tz *tz, const struct wfm_shiftplan_opts *o, wfm_error *err);
/* The columns of p's window with breaks every bstep minutes: count or -1. */
long wfm_shiftplan_enumerate(const wfm_shiftrules *rs, const wfm_tz *tz, const wfm_shiftplan *p,
			     int bstep, struct col **out, wfm_error *err);
/* Cells a column works in, in order (its break of blen minutes left out;
 * with wrap, cells past the window's end fold back to its start). */
int wfm_shiftplan_col_cells(const struct col *c, int gmin, int blen, size_t ncells,
			    int wrap, int *cell);
/* The other way round of a column -> rows map (rows of column j:
 * crow[cbeg[j] .. cbeg[j + 1] - 1], ncols columns, rows < nrows): the
 * columns of row i, in column order, are (*rcol)[(*rbeg)[i] ..
 * (*rbeg)[i + 1] - 1].  Allocates *rbeg and *rcol; -1 when out of memory. */
int wfm_shiftplan_rows_cols(const size_t *cbeg, const int *crow, size_t ncols, size_t nrows,
			    size_t **rbeg, int **rcol);
/* "T (required R), ..." of up to 4 cells and how many more. */
void wfm_shiftplan_list_cells(char *buf, size_t size, const wfm_shiftplan *p, const wfm_tz *tz,
			      const size_t *cells, size_t n);

/* A column or plan row and its sort key: wfm_keyed_cmp() orders them by
 * key, largest first, then by index (a stable order for qsort). */
struct wfm_keyed {
	double key;
	size_t i;
};
int wfm_keyed_cmp(const void *a, const void *b);

/* The single pool solved as one model (wfm_shiftplan_solve() without the
 * groups and blocks dispatch). */
wfm_shiftplan *wfm_shiftplan_solve_one(const wfm_shiftreq *req, const wfm_shiftrules *rs,
				       const wfm_tz *tz, const struct wfm_shiftplan_opts *o,
				       wfm_error *err);
/* Scheduled and short agent-hours, efficiency, from p's cells. */
void wfm_shiftplan_totals(wfm_shiftplan *p);
/* A lower bound on the LP of the whole window's model, by interior point
 * over parts runs of its cover rows (1: the whole model). */
int wfm_shiftplan_lp_bound(const wfm_shiftreq *req, const wfm_shiftrules *rs, const wfm_tz *tz,
			   const struct wfm_shiftplan_opts *o, int parts, double *bound, wfm_error *err);
/* lib/shiftplan_blocks.c: whether o's plan is large enough to go by blocks
 * of days, and that plan. */
int wfm_shiftplan_blocks_fit(const wfm_shiftreq *req, const wfm_shiftrules *rs, const wfm_tz *tz,
			     const struct wfm_shiftplan_opts *o);
wfm_shiftplan *wfm_shiftplan_solve_blocks(const wfm_shiftreq *req, const wfm_shiftrules *rs,
					  const wfm_tz *tz, const struct wfm_shiftplan_opts *o,
					  wfm_error *err);

#endif
