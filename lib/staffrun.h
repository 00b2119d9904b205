/* staffrun.h - the writers and run steps of wfm-staff beside lib/staffing.c:
 * the requirements and evaluation.csv writers, the --report daily table,
 * the --quantile sizing, the --backlog-hours and --priority parsers and the report lines of
 * --groups and --carry-over (written to the FILE the caller gives).
 * Entry points: wfm_staff_write_requirements(), wfm_staff_write_evaluation(),
 * wfm_staff_write_days(), wfm_staff_quantile_requirements(),
 * wfm_staff_parse_hours(), wfm_staff_req_alloc(), wfm_staff_priority_ranks(),
 * wfm_staff_write_pooled_report(), wfm_staff_write_carry_report(). */
#ifndef WFM_STAFFRUN_H
#define WFM_STAFFRUN_H

#include <stdio.h>
#include "pooled.h"
#include "staffing.h"

/* requirements.csv rows of req; point: with --quantile, the point
 * forecast's requirements (req is then sized for the quantile; volume
 * stays the point forecast's).  load adds the load column.  -1 on a write
 * error. */
int wfm_staff_write_requirements(FILE *fp, const wfm_series *s, const wfm_tz *tz,
				 const struct wfm_req *req, const struct wfm_req *point,
				 const wfm_channels *cfg, const int *map, int load);
/* evaluation.csv: timestamp,channel,volume,agents,service_level,sl_target,
 * asa_s,occupancy,abandon; -1 on a write error. */
int wfm_staff_write_evaluation(FILE *fp, const wfm_series *s, const wfm_tz *tz,
			       const struct wfm_req *req, const struct wfm_eval *ev);
/* The daily table of --evaluate (from wfm_staff_days): date,channel,volume,
 * service_level,sl_target,abandon,met,intervals_below. */
void wfm_staff_write_days(FILE *fp, const wfm_series *s, const struct wfm_staff_day *d, long nd);
/* --quantile: requirements (calloc'ed, s->nchan * s->n + 1 cells) sized for
 * the q-quantile of each interval's rate, from the forecast's band lo, hi
 * (wfm_series_load_band_required, same layout as s->volume) at coverage
 * level (0-1). */
struct wfm_req *wfm_staff_quantile_requirements(const double *lo, const double *hi, const wfm_series *s,
						const wfm_channels *cfg, const int *map,
						const wfm_tz *tz, const struct wfm_staff_opts *so,
						double level, double q, wfm_error *err);
/* --backlog-hours HH:MM-HH:MM into so->open_min, close_min (start and end
 * apart; end before start crosses midnight); -1 with the message in err. */
int wfm_staff_parse_hours(const char *s, struct wfm_staff_opts *so, wfm_error *err);
/* The requirements array, zeroed, on transparent huge pages when large;
 * NULL when out of memory.  free() releases it. */
struct wfm_req *wfm_staff_req_alloc(size_t cells);
/* --priority LIST: *rank (malloc'ed, [channel of s]) = place in the list,
 * channels not listed after.  -1 out of memory, -2 a name that is not a
 * channel of s (err says which). */
int wfm_staff_priority_ranks(const char *list, const wfm_series *s, int **rank, wfm_error *err);
/* The report lines of --groups (groups: the file named in them; reps the
 * replications per simulation) and of --carry-over (rep[c] per channel),
 * each line starting with "prog: ". */
void wfm_staff_write_pooled_report(FILE *fp, const char *prog, const char *groups, long reps,
				   const wfm_series *s, const wfm_channels *cfg, const int *map,
				   const struct wfm_req *req, const wfm_groups *gr,
				   const struct wfm_pooled *pl);
void wfm_staff_write_carry_report(FILE *fp, const char *prog, long reps, const wfm_series *s,
				  const wfm_channels *cfg, const int *map,
				  const struct wfm_pooled_report *rep);

#endif
