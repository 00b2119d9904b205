/* atomic_write.h - output that appears whole or not at all.
 *
 * wfm_atomic_open("plan.csv") writes to a hidden temporary file in the
 * same directory; wfm_atomic_commit() flushes, syncs and renames it over
 * plan.csv; wfm_atomic_abort() removes it.  A reader (or a cron job's
 * next step) never sees a half-written file.  NULL or "-" means standard
 * output, which is flushed on commit.  An existing destination that is not
 * a regular file (/dev/null, /dev/stdout, a FIFO) is written in place; a
 * symbolic link keeps pointing at the replaced file.
 *
 * Entry points: wfm_atomic_open(), wfm_atomic_fp(), wfm_atomic_commit(),
 * wfm_atomic_abort().
 */
#ifndef WFM_ATOMIC_WRITE_H
#define WFM_ATOMIC_WRITE_H

#include <stdio.h>
#include "error.h"

typedef struct wfm_atomic wfm_atomic;

wfm_atomic *wfm_atomic_open(const char *path, wfm_error *err);
FILE *wfm_atomic_fp(wfm_atomic *out);
/* 1 when the output is standard output. */
int wfm_atomic_is_stdout(const wfm_atomic *out);
/* Finish and free.  Returns 0, or -1 (and removes the temporary file). */
int wfm_atomic_commit(wfm_atomic *out, wfm_error *err);
/* Discard and free; accepts NULL. */
void wfm_atomic_abort(wfm_atomic *out);

#endif
