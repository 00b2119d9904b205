/* grid.h - placing timestamped per-channel rows on one regular grid.
 *
 * Shared by the loaders of regular series (series.c: history and
 * forecasts) and of requirements (requirements.c).  Rows are the loader's
 * own structs, sorted by channel then time; a wfm_grid_layout says where
 * each row keeps its instant, channel and source line.
 *
 * Entry points: wfm_grid_usual_gap(), wfm_grid_find(), wfm_grid_bounds(),
 * wfm_grid_room(), wfm_grid_sort().
 */
#ifndef WFM_GRID_H
#define WFM_GRID_H

#include <stddef.h>
#include <stdint.h>
#include "csv.h"
#include "error.h"
#include "strmap.h"
#include "tz.h"

struct wfm_grid_layout {
	size_t size;         /* sizeof the row struct */
	size_t t, chan, line;/* offsets of int64_t t, int chan, long line */
};
#define WFM_GRID_LAYOUT(type) \
	{ sizeof(type), offsetof(type, t), offsetof(type, chan), offsetof(type, line) }

/* At most this many channels in one file: more is a column mix-up (a
 * timestamp or a number in the channel column), refused with one line. */
#define WFM_GRID_MAX_CHANNELS 1000

/* Names in order of first appearance (the channels of a file), found
 * through a hash index (strmap.h) so that reading stays linear in the
 * rows.  Zero-initialise. */
struct wfm_grid_names {
	char **name;
	size_t n;
	wfm_strmap index;    /* name -> its position in name[] */
};
/* Index of name, added when new; -1 when out of memory. */
int wfm_grid_name(struct wfm_grid_names *nm, const char *name);
/* Index of the channel in field col of r's current row, added when new;
 * -1 with an error at file:line: column for an empty name, more than
 * WFM_GRID_MAX_CHANNELS names, or no memory. */
int wfm_grid_channel(struct wfm_grid_names *nm, const wfm_csv_reader *r, int col,
		     wfm_error *err);
void wfm_grid_names_free(struct wfm_grid_names *nm);

/* (instant, channel) pairs read from a wall time that occurs twice, so
 * that its second row can be placed on the later instant. */
struct wfm_grid_seen {
	struct { int64_t t; int chan; } *v;
	size_t n, cap;
};
/* 1 when (t, chan) was seen before, else records it and returns 0. */
int wfm_grid_seen_again(struct wfm_grid_seen *s, int64_t t, int chan);

/* Room for row n of an array of rows of `size` bytes with *cap slots:
 * rows, or a larger copy when n == *cap (*cap updated); NULL when out of
 * memory (rows kept). */
void *wfm_grid_room(void *rows, size_t n, size_t *cap, size_t size);
/* Sort rows by channel, instant, then source line.  0, or -1 when out of
 * memory (rows unchanged). */
int wfm_grid_sort(void *rows, size_t n, const struct wfm_grid_layout *lay);

/* The interval length: the most frequent gap of 15, 30 or 60 minutes
 * between a channel's consecutive rows (the shorter on a tie); dflt when
 * no channel has two rows that close.  The most frequent, not the
 * smallest, so that one stray row in 30-minute data is reported instead
 * of turning it into 15-minute data with half the intervals missing. */
int64_t wfm_grid_usual_gap(const void *rows, size_t n, const struct wfm_grid_layout *lay,
			   int64_t dflt);

/* The first row (an index > 0, rows sorted) that repeats the instant of
 * the row before it in its channel (gap 0: a duplicate), or that lies a
 * time that is not a multiple of gap after it (off the grid); 0 when none.
 * The caller words the message. */
size_t wfm_grid_find(const void *rows, size_t n, const struct wfm_grid_layout *lay, int64_t gap);

/* First and last instant of the rows (sorted).  Refuses a row whose
 * interval after the one before it in its channel is not a multiple of
 * gap (naming both lines), then (naming the row farthest from the mean
 * time: a year typo) a span over 100 years or more than 2^25 cells for
 * nchan channels, and rows off the grid of step gap from the first
 * instant.  what names the data in the message ("series"). */
int wfm_grid_bounds(const void *rows, size_t n, const struct wfm_grid_layout *lay,
		    size_t nchan, int64_t gap, const char *path, const wfm_tz *tz,
		    const char *what, int64_t *tmin, int64_t *tmax, wfm_error *err);

#endif
