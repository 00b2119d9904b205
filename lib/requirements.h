/* requirements.h - requirements.csv (wfm staff's output) on a regular
 * per-channel grid, the one loader for every program that reads it.
 *
 * Columns: timestamp, channel (required), volume, aht_s, agents,
 * agents_gross, load (each optional: an absent column leaves its array
 * NULL; load, written by wfm staff --load, is the real-valued gross agents
 * that agents_gross rounds up), asa_s.
 * Channels are kept in order of first appearance.  The interval length
 * (15, 30 or 60 min) is the most frequent gap between a channel's rows;
 * a row off that grid is an error naming its line, a duplicate names both
 * lines, a span over 100 years or too many cells (a year typo) names the
 * farthest row.  A wall time that occurs twice (clocks go back) is read as
 * the first occurrence, then the second.  Cells with no row are NAN and
 * counted; an empty aht_s or asa_s is NAN (asa_s is empty on backlog
 * channels, which have no queue); negative numbers are rejected.
 *
 * Writer: wfm_requirements_write_header() and _write_row() write
 *   timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,
 *   occupancy[,abandon][,load][,volume_q,agents_point,agents_gross_point]
 * with the decimals of a struct wfm_requirements_format (wfm staff: whole
 * agents; wfm outbound: fractional agents); a service level, ASA,
 * occupancy, abandon or load that is not finite is written empty.
 *
 * Entry points: wfm_requirements_load(), wfm_requirements_load_evaluation(),
 * wfm_requirements_need(),
 * wfm_requirements_write_header(), wfm_requirements_write_row(),
 * wfm_requirements_write_row_at() (timestamp given, formatted once per interval),
 * wfm_requirements_write_evaluation_header(), wfm_requirements_write_evaluation_row_at(),
 * wfm_requirements_free().
 */
#ifndef WFM_REQUIREMENTS_H
#define WFM_REQUIREMENTS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "error.h"
#include "tz.h"

typedef struct wfm_requirements {
	size_t nchan;
	char **channel;           /* in order of first appearance */
	int64_t start;            /* UTC of the first interval */
	int step;                 /* seconds */
	size_t n;                 /* intervals per channel */
	/* [c * n + i]; NAN = no row (aht_s: also empty); NULL = no column */
	double *volume, *aht, *agents, *agents_gross, *load, *asa;
	/* wfm_requirements_load_evaluation() only (else NULL): fractions 0..1,
	 * NAN where empty */
	double *service_level, *sl_target, *occupancy;
	long *line;               /* [c * n + i]: source line, 0 = no row */
	size_t missing;           /* cells with no row */
	char file[256];           /* for messages ("<stdin>" for -) */
} wfm_requirements;

wfm_requirements *wfm_requirements_load(const char *path, const wfm_tz *tz, wfm_error *err);
/* evaluation.csv (wfm staff --evaluate: timestamp,channel,volume,agents,
 * service_level,sl_target,asa_s,occupancy,abandon) on the same grid with
 * the same checks, plus service_level, sl_target and occupancy (each
 * optional, a fraction from 0 to 1, empty = NAN). */
wfm_requirements *wfm_requirements_load_evaluation(const char *path, const wfm_tz *tz, wfm_error *err);
/* The array of a column ("volume", "aht_s", "agents", "agents_gross", "load",
 * "asa_s", and with the evaluation "service_level", "sl_target", "occupancy"), or
 * NULL with the message wfm_csv_require() gives for an absent column. */
double *wfm_requirements_need(const wfm_requirements *r, const char *column, wfm_error *err);
void wfm_requirements_free(wfm_requirements *r);

/* How a writer formats its rows: decimals of aht_s, agents and
 * agents_gross, asa_s; which optional columns it writes. */
struct wfm_requirements_format {
	int aht_dec, agents_dec, asa_dec;
	int abandon;             /* write the abandon column */
	int load;                /* write the load column */
	int quantile;            /* write volume_q,agents_point,agents_gross_point (wfm staff --quantile) */
};
/* wfm staff's and wfm outbound's formats. */
extern const struct wfm_requirements_format wfm_requirements_staff_format;
extern const struct wfm_requirements_format wfm_requirements_outbound_format;

struct wfm_requirements_row {
	int64_t t;               /* UTC start of the interval */
	const char *channel;
	double volume, aht, agents, agents_gross;
	double service_level, asa, occupancy, abandon, load;
};
int wfm_requirements_write_header(FILE *fp, const struct wfm_requirements_format *f);
/* One row, its timestamp in tz; -1 on a write error. */
int wfm_requirements_write_row(FILE *fp, const struct wfm_requirements_format *f,
			       const wfm_tz *tz, const struct wfm_requirements_row *r);
/* The same with the quantile columns (format's quantile set): q[0]
 * volume_q, q[1] agents_point, q[2] agents_gross_point. */
int wfm_requirements_write_row_q(FILE *fp, const struct wfm_requirements_format *f,
				 const wfm_tz *tz, const struct wfm_requirements_row *r,
				 const double *q);

/* The same with the timestamp already formatted (a writer of many
 * channels formats each interval's once). */
int wfm_requirements_write_row_at(FILE *fp, const struct wfm_requirements_format *f,
				  const char *when, const struct wfm_requirements_row *r,
				  const double *q);

/* evaluation.csv's writer (wfm staff --evaluate): timestamp,channel,volume,
 * agents,service_level,sl_target,asa_s,occupancy,abandon; volume and agents
 * to 0.01, fractions to 0.0001 (sl_target 0.01), asa_s to 0.1; a service
 * level, target, ASA, occupancy or abandon that is not finite is empty. */
struct wfm_evaluation_row {
	const char *channel;
	double volume, agents;
	double service_level, sl_target, asa, occupancy, abandon;
};
int wfm_requirements_write_evaluation_header(FILE *fp);
/* One row, the timestamp already formatted; -1 on a write error. */
int wfm_requirements_write_evaluation_row_at(FILE *fp, const char *when,
					     const struct wfm_evaluation_row *r);

static inline int64_t wfm_requirements_time(const wfm_requirements *r, size_t i)
{
	return r->start + (int64_t)i * r->step;
}

#endif
