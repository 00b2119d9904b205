/* events.h - holiday and sales events from `date,name[,effect_days_before,effect_days_after]`.
 *
 * An event acts on its date ("on") and on the given number of days before
 * and after it; the same name in different years is the same event, so a
 * model can learn Black Friday from past years and apply it to the next.
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

#endif
