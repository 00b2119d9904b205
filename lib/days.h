/* days.h - the days a program works on, the same options in every program
 * (issue 19.17):
 *   --date D            that day
 *   --week D            the 7 days from D
 *   --from D --to E     D through E (at most max days)
 * One WFM_ARG_DAYS entry of the option table (lib/cli.h) fills struct
 * wfm_days; these turn it into a first and a last day (days since
 * 1970-01-01).  Usage errors come back in a wfm_error with code WFM_EUSAGE,
 * so tests reach them; main prints them (wfm_days_range() in lib/cli.h).
 *
 * Entry points: wfm_days_resolve(), wfm_days_plan_window().
 */
#ifndef WFM_DAYS_H
#define WFM_DAYS_H

#include <stdint.h>
#include "error.h"
#include "plan.h"

struct wfm_days {
	const char *date, *week, *from, *to;   /* the options as given; NULL: not given */
	long max;                              /* most days one run covers (the entry's .max) */
};

/* 1 with the days the options name, 0 when none was given (first and last
 * untouched), -1 when more than one way is given, --from without --to (or
 * the reverse), a date does not parse, or the range is reversed or longer
 * than d->max days. */
int wfm_days_resolve(const struct wfm_days *d, int64_t *first, int64_t *last, wfm_error *err);

/* The days a roster covers (wfm roster): the options' days, where --from
 * without --to (allowed with a published roster) runs through the later of
 * --from and the published roster's last day; without options every date
 * of the plan.  At most d->max days, else -1.  published may be NULL. */
int wfm_days_plan_window(const struct wfm_days *d, const wfm_plan *plan, const wfm_plan *published,
			 int64_t *first, int64_t *last, wfm_error *err);

#endif
