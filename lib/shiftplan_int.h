/* shiftplan_int.h - what lib/shiftplan.c shares with lib/shiftplan_groups.c
 * (the window, the shift columns and the cells they work): not for
 * programs.  Entry points: wfm_shiftplan_window(), wfm_shiftplan_enumerate(),
 * wfm_shiftplan_col_cells(), wfm_shiftplan_list_cells(). */
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
/* "T (required R), ..." of up to 4 cells and how many more. */
void wfm_shiftplan_list_cells(char *buf, size_t size, const wfm_shiftplan *p, const wfm_tz *tz,
			      const size_t *cells, size_t n);

#endif
