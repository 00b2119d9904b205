/* events.h - holiday and sales events from
 * `date,name[,effect_days_before,effect_days_after][,closed][,uplift]`.
 *
 * An event acts on its date ("on") and on the given number of days before
 * and after it; the same name in different years is the same event, so a
 * model can learn Black Friday from past years and apply it to the next.
 * `closed` (1/0, yes/no, empty = 0) marks a date the center is closed: its
 * history is left out of fitting and its forecast is 0.  `uplift` (a
 * factor, e.g. 1.5) is the effect on the date, used instead of what the
 * history says (or for an event with no history).
 *
 * Entry points: wfm_events_load(), wfm_events_free(), wfm_events_role().
 */
#ifndef WFM_EVENTS_H
#define WFM_EVENTS_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"

struct wfm_event {
	int64_t day;         /* days from 1970-01-01 */
	int name;            /* index into wfm_events.names */
	int before, after;   /* effect days before / after the date */
	int closed;          /* closed all day: forecast 0 */
	double uplift;       /* factor on the date; NAN = learn from history */
};

typedef struct wfm_events {
	size_t n;
	struct wfm_event *ev;
	size_t nnames;
	char **names;
} wfm_events;

enum { WFM_EV_BEFORE = 0, WFM_EV_ON = 1, WFM_EV_AFTER = 2, WFM_EV_ROLES = 3 };

wfm_events *wfm_events_load(const char *path, wfm_error *err);
void wfm_events_free(wfm_events *e);

/* Mark in flags[name * WFM_EV_ROLES + role] (size nnames * 3) the roles
 * every event plays on day `day`; returns how many were set. */
int wfm_events_roles(const wfm_events *e, int64_t day, unsigned char *flags);

/* 1 when an event marks `day` closed. */
int wfm_events_closed(const wfm_events *e, int64_t day);
/* Product of the uplifts of the events on `day` (1 when none);
 * *named = 1 when any event there has an uplift. */
double wfm_events_uplift(const wfm_events *e, int64_t day, int *named);
/* The first row from `i` on dated in [from, to] that is neither closed
 * nor uplifted and whose name has no date in [hist_from, hist_to]: an
 * event the forecast cannot know.  -1 when none. */
long wfm_events_unlearned(const wfm_events *e, size_t i, int64_t hist_from, int64_t hist_to,
			  int64_t from, int64_t to);

#endif
