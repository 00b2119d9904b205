/* csv.h - streaming CSV reader and writer on libcsv.
 *
 * The reader pulls one record at a time, maps header names to columns and
 * gives typed access to fields.  Every error names file, line and column:
 *   staff.csv:17: contract_h_week: "forty" is not a number
 * Tolerated: quoted fields (with embedded commas, quotes, newlines), CRLF
 * line ends, a UTF-8 byte order mark, blank lines.  Rejected: rows with a
 * field count other than the header's, bytes that are not UTF-8, NUL bytes,
 * fields over WFM_CSV_MAX_FIELD bytes, malformed quoting.
 *
 * A text field that a spreadsheet would run as a formula (first character
 * = + - @, tab or CR) is written with a leading ' ('=SUM(A1)), which the
 * reader removes again, so outputs still chain.
 *
 * Entry points: wfm_csv_open(), wfm_csv_next(), wfm_csv_get(),
 * wfm_csv_double(), wfm_csv_close(); wfm_csv_write_field(),
 * wfm_csv_format_fixed() and wfm_csv_append_fixed() for output.
 */
#ifndef WFM_CSV_H
#define WFM_CSV_H

#include <stdio.h>
#include <stdint.h>
#include "error.h"
#include "tz.h"

#define WFM_CSV_MAX_FIELD 65536

typedef struct wfm_csv_reader wfm_csv_reader;

/* Open path ("-" is standard input) and read its header row. */
wfm_csv_reader *wfm_csv_open(const char *path, wfm_error *err);
/* Read from an open stream; name is used in messages. fp is not closed. */
wfm_csv_reader *wfm_csv_open_stream(FILE *fp, const char *name, wfm_error *err);
void wfm_csv_close(wfm_csv_reader *r);

/* Next record: 1 when there is one, 0 at end of input, -1 on error. */
int wfm_csv_next(wfm_csv_reader *r, wfm_error *err);

const char *wfm_csv_name(const wfm_csv_reader *r);
long wfm_csv_line(const wfm_csv_reader *r);      /* line of current record */
int wfm_csv_ncols(const wfm_csv_reader *r);
const char *wfm_csv_header(const wfm_csv_reader *r, int col);

/* Column index of a header name, or -1 when absent. */
int wfm_csv_col(const wfm_csv_reader *r, const char *name);
/* Column index of a header name; -1 and an error naming the file and the
 * missing column when absent. */
int wfm_csv_require(const wfm_csv_reader *r, const char *name, wfm_error *err);

/* Field of the current record; "" when col < 0.  Valid until the next
 * wfm_csv_next(). */
const char *wfm_csv_get(const wfm_csv_reader *r, int col);

/* Typed fields.  Each returns 0, or -1 with an error at file:line: column.
 * _double accepts only finite numbers; an empty field is an error unless
 * the _opt form is used, which stores dflt instead. */
int wfm_csv_double(const wfm_csv_reader *r, int col, double *out, wfm_error *err);
int wfm_csv_double_opt(const wfm_csv_reader *r, int col, double dflt,
		       double *out, wfm_error *err);
int wfm_csv_long(const wfm_csv_reader *r, int col, long *out, wfm_error *err);

/* The largest values the loaders accept for one channel in one interval:
 * more is a unit mix-up (or an attack on the solvers' per-person loops),
 * refused with one line ("1e+12 is over the maximum of 1e+06").  A count
 * of shifts (min_count, max_count) has the agents' maximum. */
#define WFM_MAX_VOLUME 1e9      /* contacts */
#define WFM_MAX_AHT    86400.0  /* seconds: a day */
#define WFM_MAX_AGENTS 1e6      /* agents, people on shift, shifts */
/* A quantity: a finite number from 0 to max.  An empty field is an error,
 * or NaN when optional. */
int wfm_csv_quantity(const wfm_csv_reader *r, int col, double max, int optional,
		     double *out, wfm_error *err);
/* ISO 8601 time in tz (see wfm_time_parse()); returns WFM_TZ_UNIQUE,
 * WFM_TZ_AMBIGUOUS, or -1 with an error at file:line: column. */
int wfm_csv_time(const wfm_csv_reader *r, int col, const wfm_tz *tz, int later,
		 int64_t *utc, wfm_error *err);

/* The length of text *s without its surrounding blanks (spaces, tabs),
 * *s moved past the leading ones: a header name, a status word. */
size_t wfm_csv_trim(const char **s);

/* Fill err with a message about the current record's field col; -1. */
int wfm_csv_error(const wfm_csv_reader *r, int col, wfm_error *err,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* The output guard: the one check that no program writes a count,
 * volume, AHT or agent number that is negative or not finite.  It watches
 * the bytes of an output as they are written (lib/atomic_write.c feeds it
 * every output): when the first line is a CSV header of plain names
 * (a-z, 0-9, _) with a quantity column (WFM_CSV_QUANTITIES), every value in
 * those columns must be empty (unknown) or a finite number >= 0 ("-0.00"
 * is zero).  Anything else (JSON, text views, images) passes unexamined. */
#define WFM_CSV_QUANTITIES "volume aht_s volume_lo volume_hi mean agents agents_gross " \
	"count required scheduled over under assigned shortfall outbound dials connects " \
	"agent_hours max_agents"
typedef struct wfm_csv_guard wfm_csv_guard;
wfm_csv_guard *wfm_csv_guard_new(void);
void wfm_csv_guard_feed(wfm_csv_guard *g, const char *buf, size_t len);
/* 0, or -1 with an error at name:line: column for the first bad value. */
int wfm_csv_guard_check(wfm_csv_guard *g, const char *name, wfm_error *err);
void wfm_csv_guard_free(wfm_csv_guard *g);

/* Write one field, quoted only when it needs to be; a comma before it
 * unless first.  Returns 0 or -1 (stream error). */
int wfm_csv_write_field(FILE *fp, const char *s, int first);
/* s into buf when wfm_csv_write_field() would write it as it is (no
 * quotes, no formula guard) and it fits: its length; else -1 (then write
 * it with wfm_csv_write_field()). */
int wfm_csv_plain_field(char *buf, size_t size, const char *s);
/* Write n fields and a newline. */
int wfm_csv_write_row(FILE *fp, const char *const *fields, int n);

/* A number with dec decimals into buf: the same bytes as
 * snprintf(buf, size, "%.*f", dec, v) (round half to even on the exact
 * binary value, "-0.00" for a negative that rounds to zero), several times
 * faster: exact integer arithmetic on the double's mantissa for
 * 0 <= dec <= 9 and |v| < 1e18 / 10^dec, snprintf itself otherwise.
 * Returns the length, as snprintf. */
int wfm_csv_format_fixed(char *buf, size_t size, double v, int dec);
/* ",v" with dec decimals, or "," alone when v is not finite, appended at
 * p, which must have room for 400 bytes; returns the new end (a '\0'). */
char *wfm_csv_append_fixed(char *p, double v, int dec);

/* Open path and find n columns (the first lines of every format reader):
 * col[k] is the index of names[k], which must be in the header (else NULL
 * and wfm_csv_require()'s error), or, for a name written "?name", -1 when
 * absent. */
wfm_csv_reader *wfm_csv_open_cols(const char *path, const char *const *names, int n, int *col,
				  wfm_error *err);
/* The same and a zeroed object of size bytes for what the reader fills:
 * the object and *r; NULL (nothing left open or allocated) on error. */
void *wfm_csv_open_new(const char *path, const char *const *names, int n, int *col, size_t size,
		       wfm_csv_reader **r, wfm_error *err);

/* The loop of a format reader, written once: open path with the n named
 * columns (as wfm_csv_open_cols(); col keeps their indexes), call
 * row(r, col, ctx, err) for every record, close.  Returns the number of
 * records, or -1 with err filled: the header's error, a read error, the
 * callback's -1 (which stops the loop), or, when `empty` is not NULL and
 * the file has no records, "path:1: <empty>". */
typedef int wfm_csv_row_fn(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err);
long wfm_csv_each(const char *path, const char *const *names, int n, int *col,
		  wfm_csv_row_fn *row, void *ctx, const char *empty, wfm_error *err);

#endif
