/* grid.h - the one loader of timestamped per-channel rows on a regular
 * grid, for every format that has them: history and forecasts (series.c)
 * and requirements and evaluations (requirements.c).
 *
 * A format is a table: the numeric columns after `timestamp,channel`, each
 * with its header name and how a field is read (struct wfm_grid_col), and
 * the few words and rules that differ (struct wfm_grid_format).
 * wfm_grid_load() reads a file into rows, sorts them by channel, instant
 * and line, and checks the grid: the interval length (15, 30 or 60 min) is
 * the most frequent gap between a channel's rows, a duplicate names both
 * lines, a row off the grid names its line, and a span over 100 years or
 * 2^25 cells (a year typo) names the farthest row.  A wall time that
 * occurs twice (clocks go back) is read as the first occurrence, then the
 * second.  wfm_grid_place() then writes each column onto the caller's
 * arrays [c * len + i].
 *
 * Entry points: wfm_grid_load(), wfm_grid_place(), wfm_grid_free(),
 * wfm_grid_nans(), wfm_grid_alloc().
 */
#ifndef WFM_GRID_H
#define WFM_GRID_H

#include <stddef.h>
#include <stdint.h>
#include "csv.h"
#include "error.h"
#include "strmap.h"
#include "tz.h"

/* At most this many channels in one file: more is a column mix-up (a
 * timestamp or a number in the channel column), refused with one line. */
#define WFM_GRID_MAX_CHANNELS 1000
/* At most this many numeric columns in a format. */
#define WFM_GRID_MAX_COLS 9

/* How a numeric field is read; every kind refuses a field that is not a
 * number, with the message of lib/csv.h. */
enum wfm_grid_kind {
	WFM_GRID_QUANTITY,      /* 0 to max (wfm_csv_quantity()); empty: an error */
	WFM_GRID_QUANTITY_OPT,  /* 0 to max; empty: NAN */
	WFM_GRID_REAL,          /* any finite number; empty: NAN */
	WFM_GRID_FRACTION,      /* 0 to 1; empty: NAN */
};

struct wfm_grid_col {
	const char *name;       /* header name; "?name": the column may be absent */
	enum wfm_grid_kind kind;
	double max;             /* the quantities' maximum */
};

struct wfm_grid_format {
	const char *what;       /* the data in the span message: "series" */
	const char *empty;      /* the message for a header with no rows */
	/* the message for a duplicate row, given the earlier row's line
	 * (long), the channel and the instant as text (both char *) */
	const char *duplicate;
	int64_t step;           /* the interval length when no channel has two
				 * rows 15, 30 or 60 min apart; 0: an error */
	const struct wfm_grid_col *col;   /* the numeric columns */
	/* a check of a read row's numbers v (or NULL): 0, or -1 with the
	 * error at r's line; col holds the file's column of each, -1 absent */
	int (*check)(const wfm_csv_reader *r, const int *col, const double *v, wfm_error *err);
};

/* One row as read: its instant, source line and channel, then the
 * format's numbers (NAN for an absent column). */
struct wfm_grid_row {
	int64_t t;
	long line;
	int chan;
	double v[];
};

/* (instant, channel) pairs read from a wall time that occurs twice, so
 * that its second row can be placed on the later instant. */
struct wfm_grid_seen {
	struct { int64_t t; int chan; } *v;
	size_t n, cap;
};

/* The rows of one file and, after wfm_grid_load(), their grid.
 * Zero-initialise; wfm_grid_free() frees. */
struct wfm_grid {
	char *rows;             /* n rows of stride bytes (struct wfm_grid_row) */
	size_t n, cap, stride;
	int ncol;               /* numbers per row */
	int col[WFM_GRID_MAX_COLS];   /* the file's column of each, -1 absent */
	char **name;            /* channels in order of first appearance */
	size_t nchan;
	wfm_strmap index;       /* name -> its position in name[] */
	struct wfm_grid_seen amb;     /* wall times that occur twice */
	struct {                /* timestamp texts lately read as one */
		char ts[40];    /* unambiguous instant t, by a hash of */
		int64_t t;      /* their last bytes */
	} seen[64];
	int64_t start, step;    /* the grid: start + i * step, i < len */
	size_t len;
};

/* Read path ("-": standard input) in format f: timestamp, channel and
 * the first ncol columns of f->col (bit k of `need` makes column k
 * required even where its name is "?name"); sort the rows by channel,
 * instant and line; find the grid.  0, or -1 with err at file:line:
 * column. */
int wfm_grid_load(struct wfm_grid *g, const char *path, const wfm_tz *tz,
		  const struct wfm_grid_format *f, int ncol, unsigned need, wfm_error *err);
/* Write number k of every row onto dst[k][chan * g->len + i] (dst[k]
 * NULL: not written), and its source line onto line[] when not NULL. */
void wfm_grid_place(const struct wfm_grid *g, double *const *dst, long *line);
void wfm_grid_free(struct wfm_grid *g);

/* n doubles, all NAN, from wfm_grid_alloc(); NULL when out of memory. */
double *wfm_grid_nans(size_t n);
/* Room for bytes (freed with free(); at least one byte), on transparent
 * huge pages where the system gives them on request when it is 1 MB or
 * more: a year of 15-minute rows takes a few page faults instead of
 * thousands, which cost more than the parsing on a virtual machine. */
void *wfm_grid_alloc(size_t bytes);

#endif
