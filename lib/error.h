/* error.h - error reports that lib/ fills and only main() prints.
 *
 * lib/ never prints and never exits: a function that fails fills a
 * wfm_error and returns -1 (or NULL).  The message names the input's
 * file, line and column when there is one, in the form DESIGN.md fixes:
 *   history.csv:1234: volume: "abc" is not a number
 */
#ifndef WFM_ERROR_H
#define WFM_ERROR_H

#include <stddef.h>

enum wfm_status {
	WFM_OK = 0,
	WFM_EINPUT = 1,      /* bad input or infeasible problem: exit 1 */
	WFM_EUSAGE = 2,      /* bad command line: exit 2 */
};

typedef struct wfm_error {
	int code;            /* enum wfm_status */
	char file[256];      /* input file, "" when none */
	long line;           /* 1-based line in file, 0 when none */
	char column[64];     /* column name, "" when none */
	char msg[768];
} wfm_error;

/* Clear an error report. */
void wfm_error_clear(wfm_error *err);

/* Fill err with a plain message; returns -1 so callers can
 * `return wfm_error_set(err, ...)`.  err may be NULL. */
int wfm_error_set(wfm_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Fill err with a message about file:line, column (line 0 and column NULL
 * or "" leave those parts out).  Returns -1. */
int wfm_error_at(wfm_error *err, const char *file, long line,
		 const char *column, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Write "file:line: column: msg" (the parts present) into buf. */
void wfm_error_format(const wfm_error *err, char *buf, size_t size);

#endif
