/* days.c - the --date / --week / --from --to days of a run (see days.h).
 * Entry points: wfm_days_resolve(), wfm_days_plan_window(). */
#include "days.h"
#include "timeutil.h"

#include <stdarg.h>
#include <stdio.h>

/* A command-line mistake (main exits 2).  Returns -1. */
__attribute__((format(printf, 2, 3)))
static int usage(wfm_error *err, const char *fmt, ...)
{
	char msg[sizeof(err->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	wfm_error_set(err, "%s", msg);
	if (err)
		err->code = WFM_EUSAGE;
	return -1;
}

static int date_of(const char *opt, const char *s, int64_t *day, wfm_error *err)
{
	wfm_error e = { 0 };

	if (!wfm_time_parse_date(s, day, &e))
		return 0;
	return usage(err, "%s: \"%s\" is not a date YYYY-MM-DD", opt, s);
}

int wfm_days_resolve(const struct wfm_days *d, int64_t *first, int64_t *last, wfm_error *err)
{
	if (!!d->date + !!d->week + !!(d->from || d->to) > 1)
		return usage(err, "give one of --date, --week, --from/--to");
	if (!d->from != !d->to)
		return usage(err, "--from and --to go together");
	if (d->date) {
		if (date_of("--date", d->date, first, err))
			return -1;
		*last = *first;
	} else if (d->week) {
		if (date_of("--week", d->week, first, err))
			return -1;
		*last = *first + 6;
	} else if (d->from) {
		int64_t a, b;
		if (date_of("--from", d->from, &a, err) || date_of("--to", d->to, &b, err))
			return -1;
		if (b < a || b - a >= d->max)
			return usage(err, "--to must be 0..%ld days after --from", d->max - 1);
		*first = a;
		*last = b;
	} else {
		return 0;
	}
	return 1;
}

int wfm_days_plan_window(const struct wfm_days *d, const wfm_plan *plan, const wfm_plan *published,
			 int64_t *first, int64_t *last, wfm_error *err)
{
	struct wfm_days o = *d;
	int rc;

	if (o.from && !o.to)          /* through the published roster's last day */
		o.to = o.from;
	if ((rc = wfm_days_resolve(&o, first, last, err)) < 0)
		return -1;
	if (rc) {
		for (size_t i = 0; !d->to && d->from && published && i < published->n; i++)
			if (published->s[i].day > *last)
				*last = published->s[i].day;
		if (*last - *first >= d->max)
			return usage(err, "--to must be 0..%ld days after --from", d->max - 1);
		return 0;
	}
	*first = *last = plan->n ? plan->s[0].day : 0;
	for (size_t i = 0; i < plan->n; i++) {
		if (plan->s[i].day < *first)
			*first = plan->s[i].day;
		if (plan->s[i].day > *last)
			*last = plan->s[i].day;
	}
	if (*last - *first >= d->max)
		return usage(err, "plan spans over a year: give --from/--to");
	return 0;
}
