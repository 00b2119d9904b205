/* roster_cover.h - required vs rostered people per interval (lib/roster_cover.c). */
#ifndef WFM_ROSTER_COVER_H
#define WFM_ROSTER_COVER_H

#include "coverage.h"
#include "error.h"
#include "plan.h"
#include "requirements.h"
#include "roster.h"
#include "tz.h"

/* Days res->first_day .. + res->ndays - 1: required = plan's shifts, or
 * with reqs (path) its agents_gross, whose step must divide a day; rostered
 * = people of res on shift, breaks excluded.  NULL (err) on error. */
wfm_coverage *wfm_roster_cover(const wfm_plan *plan, const wfm_roster_result *res, const char *reqs,
			       const wfm_tz *tz, wfm_error *err);

#endif
