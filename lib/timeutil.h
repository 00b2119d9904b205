/* timeutil.h - ISO 8601 times, calendar days, durations.
 *
 * Instants are int64 UTC seconds; a "day" is a calendar date counted in
 * days from 1970-01-01.  Weekdays are ISO: 0 = Monday ... 6 = Sunday.
 * Naive times ("2026-12-01T09:00") are wall-clock times in a wfm_tz; a
 * time with "Z" or "+03:00" is absolute whatever the zone.
 *
 * Entry points: wfm_time_parse(), wfm_time_format(), wfm_time_local().
 */
#ifndef WFM_TIMEUTIL_H
#define WFM_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "tz.h"

struct wfm_tm {
	int year, mon, day;  /* mon 1..12, day 1..31 */
	int hour, min, sec;
	int wday;            /* 0 = Monday */
	int64_t days;        /* local calendar date, days from 1970-01-01 */
	int off;             /* UTC offset in seconds */
	int minute_of_day;   /* hour * 60 + min */
};

int64_t wfm_time_days_from_civil(int y, int m, int d);
void wfm_time_civil_from_days(int64_t days, int *y, int *m, int *d);
int wfm_time_weekday(int64_t days);            /* 0 = Monday */

/* Parse "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]" (a space may stand for T; a bare
 * date means 00:00).  Returns WFM_TZ_UNIQUE or WFM_TZ_AMBIGUOUS (see
 * wfm_tz_to_utc(); later picks the second occurrence), or -1 with err's
 * message set (no file or line: callers add them). */
int wfm_time_parse(const char *s, const wfm_tz *tz, int later, int64_t *utc,
		   wfm_error *err);
/* "YYYY-MM-DD" to a day number. */
int wfm_time_parse_date(const char *s, int64_t *days, wfm_error *err);
/* "HH:MM" (00:00 to 24:00) to minutes after midnight. */
int wfm_time_parse_hhmm(const char *s, int *minutes, wfm_error *err);
/* "90m", "36h", "14d", "8w" (a bare number is days) to seconds. */
int wfm_time_parse_duration(const char *s, int64_t *seconds, wfm_error *err);
/* "Mon".."Sun" (any case, 3 letters or full name) to 0..6, else -1. */
int wfm_time_parse_weekday(const char *s);

/* Local calendar fields of an instant. */
void wfm_time_local(int64_t utc, const wfm_tz *tz, struct wfm_tm *tm);
/* "YYYY-MM-DDTHH:MM" in tz; the offset is appended ("+01:00") only when
 * the wall time occurs twice that day.  Returns the length written. */
size_t wfm_time_format(int64_t utc, const wfm_tz *tz, char *buf, size_t size);
/* "YYYY-MM-DD" of a day number. */
size_t wfm_time_format_date(int64_t days, char *buf, size_t size);
/* First instant of local calendar day `days` (00:00, or the first minute
 * after a DST gap that swallows midnight). */
int64_t wfm_time_day_start(int64_t days, const wfm_tz *tz);

/* Greatest common divisor of two minute counts (the finest grid two time
 * steps share); gcd(a, 0) = a. */
int wfm_time_gcd(int a, int b);

#endif
