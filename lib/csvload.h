/* csvload.h - a format reader that fills one new object, written once:
 * the format's columns and callback in one table, wfm_csv_each() over the
 * file, the object freed again when the file is bad.  The readers of
 * events.csv, staff.csv, plan.csv, roster.csv, channels.csv, rules.csv and
 * coverage.csv are each a table and a row callback over it.
 * Entry points: wfm_csvload(), WFM_CSVLOAD_ROOM(). */
#ifndef WFM_CSVLOAD_H
#define WFM_CSVLOAD_H

#include "csv.h"
#include "error.h"

#define WFM_CSVLOAD_MAX_COLS 32

/* How one format is read: its n columns (as wfm_csv_open_cols(): "?name"
 * is optional), the callback per record, the message for a file without
 * records (NULL: an empty file is fine) and the object's free function. */
struct wfm_csvload {
	const char *const *names;
	int n;                        /* at most WFM_CSVLOAD_MAX_COLS */
	wfm_csv_row_fn *row;
	const char *empty;
	void (*drop)(void *obj);
};

/* Read path into obj, which the caller allocated (NULL: "out of memory",
 * nothing read): fmt->row(r, col, ctx, err) for every record, ctx holding
 * obj and whatever else the callback needs.  Returns obj, or NULL with err
 * filled after fmt->drop(obj). */
void *wfm_csvload(const struct wfm_csvload *fmt, const char *path, void *obj, void *ctx,
		  wfm_error *err);

/* Room for element n of the array p, which holds n elements and has only
 * grown through here: its capacity is then the smallest 16 * 2^k >= n (as
 * wfm_grow() doubles it), so the object need not store it.  0, or -1 when
 * out of memory (p as it was). */
int wfm_csvload_room(void *pp, size_t n, size_t elem);
#define WFM_CSVLOAD_ROOM(p, n) wfm_csvload_room(&(p), (n), sizeof(*(p)))

#endif
