/* coverage.h - coverage.csv: required vs scheduled agents per interval,
 * the one reader and writer (wfm shifts --coverage, wfm roster --coverage,
 * wfm staff --evaluate, wfm chart coverage).
 *
 * Columns:  timestamp,required,scheduled,over,under[,outbound]
 * With skill groups also a `channel` column after timestamp:
 *           timestamp,channel,required,scheduled,over,under[,outbound]
 * one row per interval and channel, then the pooled total of the interval
 * in a row whose channel is `*` (WFM_COVERAGE_TOTAL).  Without a channel
 * column every row is a pooled total.  scheduled counts agents working
 * (breaks excluded); over and under are max(0, scheduled - required) and
 * max(0, required - scheduled), derived on reading.  With outbound,
 * required and scheduled are the inbound ones and `outbound` the agents
 * on outbound work.  wfm intraday --gap adds `scheduled_before` (after
 * outbound, if any): the agents working before its proposed actions, empty
 * where not known.  Numbers are written with at most 3 decimals,
 * trailing zeros dropped (wfm shifts), or whole numbers plain and others
 * with 2 decimals (wfm roster: `two_decimals`).
 *
 * In memory a row's time is a UTC instant; a writer that only knows local
 * wall-clock times (wfm roster) passes tz NULL and wall-clock seconds.
 *
 * Entry points: wfm_coverage_new(), wfm_coverage_channel(),
 * wfm_coverage_add(), wfm_coverage_add_days(), wfm_coverage_write(), wfm_coverage_load(),
 * wfm_coverage_free().
 */
#ifndef WFM_COVERAGE_H
#define WFM_COVERAGE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "error.h"
#include "requirements.h"
#include "tz.h"

#define WFM_COVERAGE_TOTAL "*"

struct wfm_cov_row {
	int64_t t;               /* UTC (or wall-clock seconds, see above) */
	long chan;               /* index into channel[]; -1: pooled total */
	double required, scheduled;
	double outbound;         /* NAN when the file has no outbound column */
	double before;           /* scheduled before intraday's actions; NAN: none */
	long line;               /* source line (0 when built in memory) */
};

typedef struct wfm_coverage {
	size_t n, cap;
	struct wfm_cov_row *row;
	size_t nchan;
	char **channel;          /* channel names, in order of first appearance */
	int has_channel;         /* write / read the channel column */
	int has_outbound;        /* write / read the outbound column */
	int has_before;          /* write / read the scheduled_before column */
	int two_decimals;        /* write fractions with 2 decimals (see above) */
	char file[256];
} wfm_coverage;

wfm_coverage *wfm_coverage_new(int has_channel, int has_outbound);
/* Index of the channel named name (added when new), -1 for "*" or when
 * out of memory (then -2). */
long wfm_coverage_channel(wfm_coverage *cv, const char *name);
int wfm_coverage_add(wfm_coverage *cv, int64_t t, long chan, double required,
		     double scheduled, double outbound, wfm_error *err);
/* Pooled rows for every instant of the local days first_day ..
 * first_day + ndays - 1 (days since 1970-01-01) in tz, step seconds (a
 * divisor of a day) apart from each local midnight: a 25-hour day gets 25
 * hourly rows, both 01:00 hours, a 23-hour day 23.  sch, and req unless NULL, are on those
 * days' wall-clock grid (ndays * 86400 / step cells, as wfm_roster_coverage
 * fills it): an instant takes the cell of its local time, so an agent on
 * shift at 01:00 wall-clock counts in both 01:00 hours.  With rq (req
 * NULL), required is the sum over channels of rq's agents_gross at that
 * instant (0 outside rq).  Write the result with tz. */
int wfm_coverage_add_days(wfm_coverage *cv, const wfm_tz *tz, int64_t first_day, int ndays, int step,
			  const double *req, const double *sch, const wfm_requirements *rq,
			  wfm_error *err);
/* Rows in the order added; tz NULL: times are wall-clock seconds. */
int wfm_coverage_write(FILE *fp, const wfm_coverage *cv, const wfm_tz *tz);
/* Reads timestamp, required, scheduled (required columns), channel and
 * outbound (optional); negative numbers are errors naming the line. */
wfm_coverage *wfm_coverage_load(const char *path, const wfm_tz *tz, wfm_error *err);
void wfm_coverage_free(wfm_coverage *cv);

#endif
