/* profile.c - intraday profiles, daily totals and history summaries.
 * See profile.h. */
#include "profile.h"
#include "csv.h"
#include "mem.h"
#include "timeutil.h"

#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *wday_names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char *month_names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

const char *wfm_profile_group_name(const wfm_profile *p, int g)
{
	return p->by == WFM_BY_WEEKDAY ? wday_names[g] : month_names[g];
}

void wfm_profile_free(wfm_profile *p)
{
	if (!p)
		return;
	for (size_t c = 0; p->chan && c < p->nchan; c++)
		WFM_FREE(p->chan[c].mean, p->chan[c].share, p->chan[c].ratio, p->chan[c].ndays);
	wfm_free_strv(p->channel, p->nchan);
	WFM_FREE(p->chan, p->given, p);
}

/* A channel's cells, zero; -1 when out of memory. */
static int chan_alloc(struct wfm_profile_chan *pc, size_t cells)
{
	pc->mean = calloc(cells, sizeof(double));
	pc->share = calloc(cells, sizeof(double));
	pc->ratio = calloc(cells, sizeof(double));
	pc->ndays = calloc(cells, sizeof(long));
	return pc->mean && pc->share && pc->ratio && pc->ndays ? 0 : -1;
}

static void finish_chan(const wfm_profile *p, struct wfm_profile_chan *pc);
static void running_means(const wfm_series *s, const wfm_tz *tz, size_t c,
			  const wfm_profile *p, struct wfm_profile_chan *pc);

/* Sum each cell, then turn sums into means, shares and ratios. */
static void fill_chan(const wfm_series *s, const wfm_tz *tz, size_t c,
		      const wfm_profile *p, struct wfm_profile_chan *pc)
{
	const double *v = wfm_series_vol(s, c);
	int ng = p->ngroups, ns = p->nslots;

	for (size_t i = 0; i < s->n; i++) {
		struct wfm_tm tm;
		if (isnan(v[i]))
			continue;
		wfm_time_local(wfm_series_time(s, i), tz, &tm);
		int g = p->by == WFM_BY_WEEKDAY ? tm.wday : tm.mon - 1;
		int k = tm.minute_of_day * 60 / p->step;
		pc->mean[g * ns + k] += v[i];
		pc->ndays[g * ns + k]++;
	}
	for (int g = 0; g < ng; g++)
		for (int k = 0; k < ns; k++)
			pc->mean[g * ns + k] = pc->ndays[g * ns + k] ?
				pc->mean[g * ns + k] / (double)pc->ndays[g * ns + k] : NAN;
	running_means(s, tz, c, p, pc);
	finish_chan(p, pc);
}

/* Cells whose sum overflowed (volumes near 1e308): their means again as
 * running means, which stay finite.  Other cells keep the plain mean. */
static void running_means(const wfm_series *s, const wfm_tz *tz, size_t c,
			  const wfm_profile *p, struct wfm_profile_chan *pc)
{
	const double *v = wfm_series_vol(s, c);
	size_t cells = (size_t)p->ngroups * (size_t)p->nslots, *cnt;
	int any = 0;

	for (size_t j = 0; j < cells; j++)
		any |= isinf(pc->mean[j]);
	if (!any || !(cnt = calloc(cells, sizeof(size_t))))
		return;
	for (size_t j = 0; j < cells; j++)
		if (isinf(pc->mean[j]))
			pc->mean[j] = 0, cnt[j] = 1;   /* 1: recompute, counts from 1 */
	for (size_t i = 0; i < s->n; i++) {
		struct wfm_tm tm;
		if (isnan(v[i]))
			continue;
		wfm_time_local(wfm_series_time(s, i), tz, &tm);
		size_t j = (size_t)(p->by == WFM_BY_WEEKDAY ? tm.wday : tm.mon - 1) * (size_t)p->nslots +
			   (size_t)(tm.minute_of_day * 60 / p->step);
		if (cnt[j])
			pc->mean[j] += (v[i] - pc->mean[j]) / (double)cnt[j]++;
	}
	free(cnt);
}

/* Shares and ratios from the means. */
static void finish_chan(const wfm_profile *p, struct wfm_profile_chan *pc)
{
	int ng = p->ngroups, ns = p->nslots;

	for (int g = 0; g < ng; g++) {
		double sum = 0;
		int cells = 0;
		for (int k = 0; k < ns; k++) {
			double m = pc->mean[g * ns + k];
			if (!isnan(m)) {
				sum += m;
				cells++;
			}
		}
		double scale = 1;
		if (isinf(sum)) {     /* means near 1e308: shares of means / the largest */
			for (int k = 0; k < ns; k++)
				if (!isnan(pc->mean[g * ns + k]) && pc->mean[g * ns + k] > scale)
					scale = pc->mean[g * ns + k];
			sum = 0;
			for (int k = 0; k < ns; k++)
				if (!isnan(pc->mean[g * ns + k]))
					sum += pc->mean[g * ns + k] / scale;
		}
		for (int k = 0; k < ns; k++) {
			double m = pc->mean[g * ns + k] / scale;
			pc->share[g * ns + k] = sum > 0 ? m / sum : NAN;
			pc->ratio[g * ns + k] = sum > 0 ? m / (sum / cells) : NAN;
		}
	}
}

wfm_profile *wfm_profile_compute(const wfm_series *s, const wfm_tz *tz,
				 enum wfm_profile_by by, wfm_error *err)
{
	wfm_profile *p = calloc(1, sizeof(*p));

	if (!p)
		return wfm_oom(err);
	p->by = by;
	p->ngroups = by == WFM_BY_WEEKDAY ? 7 : 12;
	p->step = s->step;
	p->nslots = 86400 / s->step;
	p->nchan = s->nchan;
	if (!(p->chan = calloc(s->nchan, sizeof(*p->chan))))
		goto oom;
	size_t cells = (size_t)p->ngroups * (size_t)p->nslots;
	for (size_t c = 0; c < s->nchan; c++) {
		if (chan_alloc(&p->chan[c], cells))
			goto oom;
		fill_chan(s, tz, c, p, &p->chan[c]);
	}
	return p;
oom:
	wfm_profile_free(p);
	return wfm_oom(err);
}

void wfm_daily_free(wfm_daily *d)
{
	if (d)
		WFM_FREE(d->total, d->incomplete, d);
}

wfm_daily *wfm_profile_daily(const wfm_series *s, const wfm_tz *tz, wfm_error *err)
{
	struct wfm_tm a, b;
	wfm_daily *d = calloc(1, sizeof(*d));

	if (!d)
		return wfm_oom(err);
	wfm_time_local(s->start, tz, &a);
	wfm_time_local(wfm_series_time(s, s->n - 1), tz, &b);
	d->first_day = a.days;
	d->ndays = (size_t)(b.days - a.days + 1);
	d->nchan = s->nchan;
	d->total = calloc(d->ndays * d->nchan, sizeof(double));
	d->incomplete = calloc(d->ndays * d->nchan, sizeof(int));
	if (!d->total || !d->incomplete)
		goto oom;
	/* A day is incomplete when it lacks any of its intervals: the first
	 * and last days may be cut, and any day may have gaps. */
	for (size_t dd = 0; dd < d->ndays; dd++) {
		int64_t t0 = wfm_time_day_start(d->first_day + (int64_t)dd, tz);
		int64_t t1 = wfm_time_day_start(d->first_day + (int64_t)dd + 1, tz);
		for (int64_t t = t0; t < t1; t += s->step)
			if (t < s->start || t > wfm_series_time(s, s->n - 1))
				for (size_t c = 0; c < d->nchan; c++)
					d->incomplete[c * d->ndays + dd]++;
	}
	for (size_t c = 0; c < s->nchan; c++) {
		const double *v = wfm_series_vol(s, c);
		for (size_t i = 0; i < s->n; i++) {
			struct wfm_tm tm;
			wfm_time_local(wfm_series_time(s, i), tz, &tm);
			size_t k = c * d->ndays + (size_t)(tm.days - d->first_day);
			if (isnan(v[i]))
				d->incomplete[k]++;
			else
				d->total[k] += v[i];
		}
	}
	return d;
oom:
	wfm_daily_free(d);
	return wfm_oom(err);
}

/* Growth per week: slope of log weekly totals over complete Mon-Sun weeks. */
static void fit_growth(const wfm_daily *d, size_t c, struct wfm_channel_summary *o)
{
	size_t cap = d->ndays / 7 + 1, nw = 0;
	double *x = malloc(cap * sizeof(double)), *y = malloc(cap * sizeof(double));
	double c0, c1, cov00, cov01, cov11, sumsq;

	o->growth_week = o->growth_year = NAN;
	o->weeks = 0;
	if (!x || !y)
		goto out;
	for (size_t dd = 0; dd + 7 <= d->ndays; dd++) {
		if (wfm_time_weekday(d->first_day + (int64_t)dd) != 0)
			continue;
		double tot = 0;
		int ok = 1;
		for (size_t k = dd; k < dd + 7; k++) {
			ok &= !d->incomplete[c * d->ndays + k];
			tot += d->total[c * d->ndays + k];
		}
		if (ok && tot > 0) {
			x[nw] = (double)(dd / 7);
			y[nw++] = log(tot);
		}
	}
	o->weeks = nw;
	if (nw >= 3 && gsl_fit_linear(x, 1, y, 1, nw, &c0, &c1, &cov00, &cov01, &cov11, &sumsq) == 0) {
		o->growth_week = expm1(c1);
		o->growth_year = expm1(52 * c1);
	}
out:
	free(x);
	free(y);
}

static int cmp_peak(const void *a, const void *b)
{
	const struct wfm_peak_day *x = a, *y = b;

	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return x->day < y->day ? -1 : x->day > y->day;
}

static void daily_figures(const wfm_daily *d, size_t c, size_t ntop,
			  struct wfm_channel_summary *o)
{
	double sum = 0, wsum[7] = { 0 };
	size_t n = 0, wn[7] = { 0 };

	o->ntop = 0;
	for (size_t dd = 0; dd < d->ndays; dd++) {
		if (d->incomplete[c * d->ndays + dd])
			continue;
		double t = d->total[c * d->ndays + dd];
		int w = wfm_time_weekday(d->first_day + (int64_t)dd);
		sum += t;
		n++;
		wsum[w] += t;
		wn[w]++;
		struct wfm_peak_day pd = { d->first_day + (int64_t)dd, t };
		if (o->ntop < ntop) {
			o->top[o->ntop++] = pd;
			qsort(o->top, o->ntop, sizeof(pd), cmp_peak);
		} else if (ntop && cmp_peak(&pd, &o->top[ntop - 1]) < 0) {
			o->top[ntop - 1] = pd;
			qsort(o->top, o->ntop, sizeof(pd), cmp_peak);
		}
	}
	o->mean_daily = n ? sum / (double)n : NAN;
	for (int w = 0; w < 7; w++)
		o->weekday_mean[w] = wn[w] ? wsum[w] / (double)wn[w] : NAN;
}

/* A daily closed window: the longest run of slots (wrapping midnight)
 * whose volume is zero on every day observed. */
static void closed_window(const wfm_profile *p, size_t c, struct wfm_channel_summary *o)
{
	int ns = p->nslots, best = 0, best_start = -1;
	int closed[ns];

	/* groups with no data in a slot (a history shorter than a week) do
	 * not count; a slot with no data at all is not closed */
	for (int k = 0; k < ns; k++) {
		int seen = 0, zero = 1;
		for (int g = 0; g < p->ngroups; g++) {
			double m = p->chan[c].mean[g * ns + k];
			if (isnan(m))
				continue;
			seen = 1;
			zero &= m == 0;
		}
		closed[k] = seen && zero;
	}
	for (int k = 0; k < ns; k++) {
		if (!closed[k] || closed[(k + ns - 1) % ns])
			continue;
		int len = 0;
		while (len < ns && closed[(k + len) % ns])
			len++;
		if (len > best) {
			best = len;
			best_start = k;
		}
	}
	o->closed_from = o->closed_to = -1;
	if (best > 0 && best < ns) {
		o->closed_from = best_start * p->step / 60;
		o->closed_to = ((best_start + best) % ns) * p->step / 60;
	}
}

int wfm_profile_summary(const wfm_series *s, const wfm_tz *tz, size_t ntop,
			struct wfm_channel_summary *out, wfm_error *err)
{
	wfm_daily *d = wfm_profile_daily(s, tz, err);
	wfm_profile *p = d ? wfm_profile_compute(s, tz, WFM_BY_WEEKDAY, err) : NULL;

	if (!p) {
		wfm_daily_free(d);
		return -1;
	}
	if (ntop > 32)
		ntop = 32;
	for (size_t c = 0; c < s->nchan; c++) {
		struct wfm_channel_summary *o = &out[c];
		const double *v = wfm_series_vol(s, c);
		memset(o, 0, sizeof(*o));
		o->intervals = s->n;
		o->missing = s->missing[c];
		for (size_t i = 0; i < s->n; i++)
			o->zero += v[i] == 0;
		daily_figures(d, c, ntop, o);
		fit_growth(d, c, o);
		closed_window(p, c, o);
		o->peak_ratio = 0;
		for (int k = 0; k < 7 * p->nslots; k++)
			if (p->chan[c].ratio[k] > o->peak_ratio)
				o->peak_ratio = p->chan[c].ratio[k];
	}
	wfm_profile_free(p);
	wfm_daily_free(d);
	return 0;
}

/* ---- reading a profile back (wfm_profile_load) ---- */

struct prow { size_t chan; int group, minute; double mean; };

static int group_of(const char *s, enum wfm_profile_by *by)
{
	int g = wfm_time_parse_weekday(s);

	if (g >= 0 && strlen(s) == 3) {
		*by = WFM_BY_WEEKDAY;
		return g;
	}
	for (g = 0; g < 12; g++)
		if (!strcmp(s, month_names[g])) {
			*by = WFM_BY_MONTH;
			return g;
		}
	return -1;
}

/* What the rows read so far gave: the profile (its channel names), the
 * rows, the grid and the kind of groups. */
struct load {
	wfm_profile *p;
	struct prow *rw;
	size_t n, cap;
	int step;
	enum wfm_profile_by by0;
};

/* One row into ld->rw; col: channel, group, time, mean. */
static int read_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct load *ld = ctx;
	int cc = col[0], cg = col[1], ct = col[2], cm = col[3];
	struct prow x;
	enum wfm_profile_by by;
	long c;

	if ((x.group = group_of(wfm_csv_get(r, cg), &by)) < 0)
		return wfm_csv_error(r, cg, err, "\"%s\" is not a weekday (Mon..Sun) or month (Jan..Dec)",
				     wfm_csv_get(r, cg));
	if (ld->n && by != ld->by0)
		return wfm_csv_error(r, cg, err, "\"%s\": weekday and month groups are mixed",
				     wfm_csv_get(r, cg));
	ld->by0 = by;
	if (wfm_time_parse_hhmm(wfm_csv_get(r, ct), &x.minute, err) || x.minute >= 1440)
		return wfm_csv_error(r, ct, err, "\"%s\" is not a time of day HH:MM", wfm_csv_get(r, ct));
	if (wfm_csv_double_opt(r, cm, NAN, &x.mean, err))
		return -1;
	if (x.mean < 0)
		return wfm_csv_error(r, cm, err, "%g is negative", x.mean);
	if ((c = wfm_strv_intern(&ld->p->channel, &ld->p->nchan, wfm_csv_get(r, cc))) < 0 ||
	    WFM_GROW(ld->rw, ld->cap, ld->n + 1))
		return wfm_error_set(err, "out of memory");
	x.chan = (size_t)c;
	ld->rw[ld->n++] = x;
	/* the grid: the largest of 60, 30, 15 min dividing every time */
	while (ld->step == 0 || x.minute % ld->step) {
		ld->step = ld->step == 0 ? 60 : ld->step / 2;
		if (ld->step < 15)
			return wfm_csv_error(r, ct, err, "%s is not on a 15, 30 or 60 min grid",
					     wfm_csv_get(r, ct));
	}
	return 0;
}

/* The profile's cells from the rows read: NAN where no row gives one. */
static int place_rows(wfm_profile *p, const struct prow *rw, size_t n)
{
	size_t cells;

	p->ngroups = p->by == WFM_BY_WEEKDAY ? 7 : 12;
	p->nslots = 86400 / p->step;
	cells = (size_t)p->ngroups * (size_t)p->nslots;
	if (!(p->chan = calloc(p->nchan, sizeof(*p->chan))) || !(p->given = calloc(cells, 1)))
		return -1;
	for (size_t c = 0; c < p->nchan; c++) {
		if (chan_alloc(&p->chan[c], cells))
			return -1;
		for (size_t k = 0; k < cells; k++)
			p->chan[c].mean[k] = NAN;
	}
	for (size_t i = 0; i < n; i++) {
		int at = rw[i].group * p->nslots + rw[i].minute * 60 / p->step;
		p->chan[rw[i].chan].mean[at] = rw[i].mean;
		p->given[at] = 1;
	}
	for (size_t c = 0; c < p->nchan; c++)
		finish_chan(p, &p->chan[c]);
	return 0;
}

wfm_profile *wfm_profile_load(const char *path, wfm_error *err)
{
	static const char *const names[] = { "channel", "group", "time", "mean" };
	int col[4];
	struct load ld = { calloc(1, sizeof(wfm_profile)), NULL, 0, 0, 0, WFM_BY_WEEKDAY };
	long n;

	if (!ld.p)
		return wfm_oom(err);
	n = wfm_csv_each(path, names, 4, col, read_row, &ld, "no data rows", err);
	if (n >= 0) {
		ld.p->by = ld.by0;
		ld.p->step = ld.step * 60;
		if (place_rows(ld.p, ld.rw, ld.n))
			n = wfm_error_set(err, "out of memory");
	}
	free(ld.rw);
	if (n < 0) {
		wfm_profile_free(ld.p);
		return NULL;
	}
	return ld.p;
}
