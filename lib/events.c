/* events.c - events CSV loader for the forecast models.  Entry points:
 * wfm_events_load(), wfm_events_roles(), wfm_events_closed(),
 * wfm_events_uplift(). */
#include "events.h"
#include "csv.h"
#include "csvload.h"
#include "mem.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void wfm_events_free(wfm_events *e)
{
	if (e) {
		wfm_free_strv(e->names, e->nnames);
		WFM_FREE(e->ev, e);
	}
}

/* The optional closed and uplift columns of the current row. */
static int read_flags(wfm_csv_reader *r, int cclosed, int cupl, struct wfm_event *ev,
		      wfm_error *err)
{
	const char *c = cclosed >= 0 ? wfm_csv_get(r, cclosed) : "";

	ev->closed = 0;
	ev->uplift = NAN;
	if (!strcmp(c, "1") || !strcmp(c, "yes") || !strcmp(c, "true"))
		ev->closed = 1;
	else if (*c && strcmp(c, "0") && strcmp(c, "no") && strcmp(c, "false"))
		return wfm_csv_error(r, cclosed, err, "\"%s\" is not 1, 0, yes or no", c);
	if (cupl >= 0 && *wfm_csv_get(r, cupl)) {
		if (wfm_csv_double(r, cupl, &ev->uplift, err))
			return -1;
		if (!(ev->uplift > 0 && ev->uplift <= 100))
			return wfm_csv_error(r, cupl, err, "%g is not a factor above 0 and at most 100",
					     ev->uplift);
	}
	return 0;
}

/* One record of events.csv appended to ctx, a wfm_events. */
static int load_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	wfm_events *e = ctx;
	struct wfm_event ev;
	wfm_error perr;
	long b = 0, a = 0, name;
	const char *s = wfm_csv_get(r, col[1]);

	if (wfm_time_parse_date(wfm_csv_get(r, col[0]), &ev.day, &perr))
		return wfm_csv_error(r, col[0], err, "%s", perr.msg);
	if (!*s)
		return wfm_csv_error(r, col[1], err, "empty event name");
	if ((col[2] >= 0 && *wfm_csv_get(r, col[2]) && wfm_csv_long(r, col[2], &b, err)) ||
	    (col[3] >= 0 && *wfm_csv_get(r, col[3]) && wfm_csv_long(r, col[3], &a, err)))
		return -1;
	if (b < 0 || b > 31)
		return wfm_csv_error(r, col[2], err, "%ld is not between 0 and 31", b);
	if (a < 0 || a > 31)
		return wfm_csv_error(r, col[3], err, "%ld is not between 0 and 31", a);
	ev.before = (int)b;
	ev.after = (int)a;
	if (read_flags(r, col[4], col[5], &ev, err))
		return -1;
	if ((name = wfm_strv_intern(&e->names, &e->nnames, s)) < 0 || WFM_CSVLOAD_ROOM(e->ev, e->n))
		return wfm_error_set(err, "out of memory");
	ev.name = (int)name;
	e->ev[e->n++] = ev;
	return 0;
}

static void drop(void *e) { wfm_events_free(e); }

static const char *const names[] = { "date", "name", "?effect_days_before", "?effect_days_after",
				     "?closed", "?uplift" };
static const struct wfm_csvload format = { names, 6, load_row, NULL, drop };

wfm_events *wfm_events_load(const char *path, wfm_error *err)
{
	wfm_events *e = calloc(1, sizeof(*e));

	return wfm_csvload(&format, path, e, e, err);
}

int wfm_events_roles(const wfm_events *e, int64_t day, unsigned char *flags)
{
	int set = 0;

	if (!e)
		return 0;
	memset(flags, 0, e->nnames * WFM_EV_ROLES);
	for (size_t i = 0; i < e->n; i++) {
		const struct wfm_event *v = &e->ev[i];
		int role = -1;

		if (day == v->day)
			role = WFM_EV_ON;
		else if (day < v->day && day >= v->day - v->before)
			role = WFM_EV_BEFORE;
		else if (day > v->day && day <= v->day + v->after)
			role = WFM_EV_AFTER;
		if (role >= 0) {
			flags[v->name * WFM_EV_ROLES + role] = 1;
			set++;
		}
	}
	return set;
}

int wfm_events_closed(const wfm_events *e, int64_t day)
{
	for (size_t i = 0; e && i < e->n; i++)
		if (e->ev[i].closed && e->ev[i].day == day)
			return 1;
	return 0;
}

double wfm_events_uplift(const wfm_events *e, int64_t day, int *named)
{
	double f = 1;

	*named = 0;
	for (size_t i = 0; e && i < e->n; i++)
		if (e->ev[i].day == day && !isnan(e->ev[i].uplift)) {
			f *= e->ev[i].uplift;
			*named = 1;
		}
	return f;
}

long wfm_events_unlearned(const wfm_events *e, size_t i, int64_t hist_from, int64_t hist_to,
			  int64_t from, int64_t to)
{
	for (; e && i < e->n; i++) {
		const struct wfm_event *v = &e->ev[i];
		int known = 0;
		if (v->day < from || v->day > to || v->closed || !isnan(v->uplift))
			continue;
		for (size_t j = 0; j < e->n && !known; j++)
			known = e->ev[j].name == v->name && e->ev[j].day >= hist_from &&
				e->ev[j].day <= hist_to;
		if (!known)
			return (long)i;
	}
	return -1;
}
