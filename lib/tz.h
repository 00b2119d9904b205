/* tz.h - time zones from the system tz database, as offset tables.
 *
 * A wfm_tz holds every UTC offset change of one zone between 1900 and
 * 2200, read once through the C library (localtime_r) when the zone is
 * opened, so later conversions are plain table look-ups with no process
 * state.  Times are int64 seconds: "utc" counts from 1970-01-01T00:00Z,
 * "local" counts the same way on the zone's wall clock.
 *
 * Entry points: wfm_tz_open(), wfm_tz_offset(), wfm_tz_to_utc().
 */
#ifndef WFM_TZ_H
#define WFM_TZ_H

#include <stdint.h>
#include "error.h"

typedef struct wfm_tz wfm_tz;

/* Open a zone by IANA name ("Europe/Moscow", "UTC").  NULL or "" means
 * $TZ, and UTC when that is unset too.  Unknown names are an error. */
wfm_tz *wfm_tz_open(const char *name, wfm_error *err);
void wfm_tz_free(wfm_tz *tz);
const char *wfm_tz_name(const wfm_tz *tz);

/* Seconds east of UTC in force at instant utc. */
int wfm_tz_offset(const wfm_tz *tz, int64_t utc);

enum { WFM_TZ_GAP = -1, WFM_TZ_UNIQUE = 0, WFM_TZ_AMBIGUOUS = 1 };

/* Map a wall-clock time to UTC.  Returns WFM_TZ_UNIQUE, WFM_TZ_AMBIGUOUS
 * (the wall time occurs twice when clocks go back: the earlier instant is
 * stored, or the later when later != 0) or WFM_TZ_GAP (the wall time does
 * not exist, clocks went forward; *utc is left alone). */
int wfm_tz_to_utc(const wfm_tz *tz, int64_t local, int later, int64_t *utc);

/* Whether the wall-clock time shown at instant utc occurs twice. */
int wfm_tz_is_ambiguous(const wfm_tz *tz, int64_t utc);

#endif
