/* shiftrules.h - shift rules: which shifts may be worked, and their breaks.
 *
 * Read from `name,lengths_h,earliest_start,latest_start,step_min,
 * break_after_h,break_min,days[,min_count,max_count,paid_break,
 * break_gap_h]`: a shift type may start every step_min minutes from
 * earliest_start to latest_start (local wall clock) on the listed days and
 * last any of lengths_h hours (start to end, the break included).  A shift
 * of at least break_after_h hours has one break of break_min minutes
 * (unpaid unless paid_break is 1) placed so that at least break_gap_h
 * hours (default 2) of work come before and after it.  min_count and
 * max_count bound the people starting a shift of that type per day.
 *
 * Entry points: wfm_shiftrules_load(), wfm_shiftrules_free(),
 * wfm_shiftrules_grid(), wfm_shiftrules_breaks().
 */
#ifndef WFM_SHIFTRULES_H
#define WFM_SHIFTRULES_H

#include <stddef.h>
#include "error.h"

#define WFM_SHIFT_MAX_LENGTHS 16

struct wfm_shiftrule {
	char name[64];
	int nlen;
	int len[WFM_SHIFT_MAX_LENGTHS];   /* minutes, start to end */
	int earliest, latest;             /* minutes after local midnight */
	int step;                         /* seconds between starts (step_min x 60) */
	int break_after;                  /* minutes: shifts this long get a break */
	int break_len;                    /* minutes; 0 = no breaks */
	int break_gap;                    /* minutes of work before and after */
	int paid_break;                   /* 1: the break is paid */
	unsigned days;                    /* bit w = weekday w (0 = Monday) */
	long min_count, max_count;        /* per day; -1 = no bound */
	long line;                        /* line in the rules file */
};

typedef struct wfm_shiftrules {
	size_t n;
	struct wfm_shiftrule *rule;
	char file[256];
} wfm_shiftrules;

wfm_shiftrules *wfm_shiftrules_load(const char *path, wfm_error *err);
void wfm_shiftrules_free(wfm_shiftrules *r);

/* Whether a shift of len minutes of this rule has a break. */
int wfm_shiftrules_has_break(const struct wfm_shiftrule *r, int len);

/* The coarsest grid (seconds, whole minutes) on which every start,
 * length and break of the rules falls, combined with the requirement
 * interval req_s (seconds). */
int wfm_shiftrules_grid(const wfm_shiftrules *r, int req_s);

/* Break offsets (minutes after the shift start) of a shift of len
 * minutes, on a grid of bstep seconds: writes up to max into off[] and
 * returns how many there are (0 when the shift has no break: then one
 * placement with no break is meant). */
int wfm_shiftrules_breaks(const struct wfm_shiftrule *r, int len, int bstep,
			  int *off, int max);

#endif
