/* atomic_write.h - output that appears whole or not at all.
 *
 * wfm_atomic_open("plan.csv") writes to a hidden temporary file in the
 * same directory; wfm_atomic_commit() flushes, syncs and renames it over
 * plan.csv; wfm_atomic_abort() removes it.  A reader (or a cron job's
 * next step) never sees a half-written file.  NULL or "-" means standard
 * output, which is flushed on commit.  An existing destination that is not
 * a regular file (/dev/null, /dev/stdout, a FIFO) is written in place; a
 * symbolic link keeps pointing at the replaced file.  Replacing a file
 * keeps its permission bits (and owner and group where the user may set
 * them); a new file gets 0666 & ~umask.
 *
 * A run with several outputs (a plan and its coverage) commits them with
 * wfm_atomic_commit_all(): all or none are replaced when a write fails,
 * and a crash between the renames is detectable (see there).
 *
 * Entry points: wfm_atomic_open(), wfm_atomic_fp(), wfm_atomic_commit(),
 * wfm_atomic_commit_all(), wfm_atomic_abort().
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
/* Commit n outputs of one run together; NULL entries are skipped.  Every
 * output is flushed and synced first: when one fails, none is replaced, all
 * temporary files are removed, and err names that file and the reason.
 * Then the files are renamed in the order given: pass side outputs first
 * and the main (-o) output last.  Every file of one call gets the same
 * modification time, to the nanosecond, so a reader can tell a set written
 * together (equal times) from one a crash between renames left out of step
 * (the main output older than its side outputs).  Frees all; -1 on error. */
int wfm_atomic_commit_all(wfm_atomic **outs, size_t n, wfm_error *err);
/* Discard and free; accepts NULL. */
void wfm_atomic_abort(wfm_atomic *out);

#endif
