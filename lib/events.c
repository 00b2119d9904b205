/* events.c - events CSV loader for the forecast models.  Entry points:
 * wfm_events_load(), wfm_events_roles(), wfm_events_closed(),
 * wfm_events_uplift(). */
#include "events.h"
#include "csv.h"
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

static int name_index(wfm_events *e, const char *name)
{
	char **nn;

	for (size_t i = 0; i < e->nnames; i++)
		if (!strcmp(e->names[i], name))
			return (int)i;
	if (!(nn = realloc(e->names, (e->nnames + 1) * sizeof(*nn))))
		return -1;
	e->names = nn;
	if (!(e->names[e->nnames] = strdup(name)))
		return -1;
	return (int)e->nnames++;
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

wfm_events *wfm_events_load(const char *path, wfm_error *err)
{
	static const char *const names[] = { "date", "name", "?effect_days_before", "?effect_days_after",
					     "?closed", "?uplift" };
	int col[6], rc;
	wfm_csv_reader *r;
	wfm_events *e = wfm_csv_open_new(path, names, 6, col, sizeof(*e), &r, err);
	size_t cap = 0;

	if (!e)
		return NULL;
	const int cdate = col[0], cname = col[1], cbef = col[2], caft = col[3], cclosed = col[4],
		  cupl = col[5];
	while ((rc = wfm_csv_next(r, err)) == 1) {
		struct wfm_event ev;
		wfm_error perr;
		long b = 0, a = 0;
		const char *name = wfm_csv_get(r, cname);

		if (wfm_time_parse_date(wfm_csv_get(r, cdate), &ev.day, &perr)) {
			wfm_csv_error(r, cdate, err, "%s", perr.msg);
			goto fail;
		}
		if (!*name) {
			wfm_csv_error(r, cname, err, "empty event name");
			goto fail;
		}
		if ((cbef >= 0 && *wfm_csv_get(r, cbef) && wfm_csv_long(r, cbef, &b, err)) ||
		    (caft >= 0 && *wfm_csv_get(r, caft) && wfm_csv_long(r, caft, &a, err)))
			goto fail;
		if (b < 0 || b > 31) {
			wfm_csv_error(r, cbef, err, "%ld is not between 0 and 31", b);
			goto fail;
		}
		if (a < 0 || a > 31) {
			wfm_csv_error(r, caft, err, "%ld is not between 0 and 31", a);
			goto fail;
		}
		ev.before = (int)b;
		ev.after = (int)a;
		if (read_flags(r, cclosed, cupl, &ev, err))
			goto fail;
		if ((ev.name = name_index(e, name)) < 0)
			goto oom;
		if (WFM_GROW(e->ev, cap, e->n + 1))
			goto oom;
		e->ev[e->n++] = ev;
	}
	if (rc < 0)
		goto fail;
	wfm_csv_close(r);
	return e;
oom:
	wfm_error_set(err, "out of memory");
fail:
	wfm_csv_close(r);
	wfm_events_free(e);
	return NULL;
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
