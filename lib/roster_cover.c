/* roster_cover.c - the people a roster puts on shift per interval against
 * the requirement: the plan's own shifts, or the agents_gross of a
 * requirements.csv (its step; mapped onto the local minutes of the days
 * through tz, both hours of a DST fall-back kept).  The --coverage table of
 * wfm-roster.  Entry point: wfm_roster_cover(). */
#include "roster_cover.h"
#include "timeutil.h"

#include <stdlib.h>

/* The coverage table of res's days: required vs rostered people on shift
 * per interval, breaks excluded.  NULL (err) on a bad requirements file. */
wfm_coverage *wfm_roster_cover(const wfm_plan *plan, const wfm_roster_result *res, const char *reqs,
			       const wfm_tz *tz, wfm_error *err)
{
	wfm_requirements *rq = NULL;
	wfm_coverage *cv = NULL;
	double *req = NULL, *sch = NULL;
	int step = 60, ok = 0;
	size_t nint;
	int64_t first = res->first_day;

	if (reqs) {
		if (!(rq = wfm_requirements_load(reqs, tz, err)) ||
		    !wfm_requirements_need(rq, "agents_gross", err))
			goto done;
		if (rq->step % 60 || 1440 % (rq->step / 60)) {
			wfm_error_at(err, rq->file, 0, "timestamp", "interval of %d s does not divide a day", rq->step);
			goto done;
		}
		step = rq->step / 60;
	} else
		for (size_t i = 0; i < plan->n; i++) {
			const struct wfm_shift *s = &plan->s[i];
			if (s->day < first || s->day >= first + res->ndays || !s->count)
				continue;
			step = wfm_time_gcd(wfm_time_gcd(step, s->start), s->end);
			if (s->bstart >= 0)
				step = wfm_time_gcd(wfm_time_gcd(step, s->bstart), s->bend);
		}
	nint = (size_t)res->ndays * (size_t)(1440 / step);
	req = malloc((nint + 1) * sizeof(double));
	sch = malloc((nint + 1) * sizeof(double));
	if (!req || !sch) {
		wfm_error_set(err, "out of memory");
		goto done;
	}
	wfm_roster_coverage(rq ? NULL : plan, res->rows, res->n, first, res->ndays, step * 60, req, sch);
	if (!(cv = wfm_coverage_new(0, 0))) {
		wfm_error_set(err, "out of memory");
		goto done;
	}
	cv->two_decimals = 1;
	/* one row per instant: both hours of a DST fall-back (issue 22.13) */
	if (wfm_coverage_add_days(cv, tz, first, res->ndays, step * 60, rq ? NULL : req, sch, rq, err))
		goto done;
	ok = 1;
done:
	if (!ok) {
		wfm_coverage_free(cv);
		cv = NULL;
	}
	free(req);
	free(sch);
	wfm_requirements_free(rq);
	return cv;
}
