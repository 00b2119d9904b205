/* chart_forecast.c - forecast vs history per channel: the last weeks of
 * actuals, the forecast with its prediction interval band, actuals inside
 * the forecast range (forecast vs actual), event days shaded and named,
 * day and week gridlines.
 * Inputs: forecast.csv `timestamp,channel,volume,aht_s,volume_lo,volume_hi`;
 * optional history `timestamp,channel,volume[,aht_s]` and events
 * `date,name,effect_days_before,effect_days_after`. */
#include "chart_int.h"
#include "events.h"
#include "forecastcsv.h"
#include "mem.h"
#include "series.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXEV 64

struct row { int64_t t; int ch; double v, lo, hi; };
struct event { int64_t day; int before, after; char name[48]; };
struct fc {
	struct row *row; size_t n;
	char **chan; int nchan;
	int64_t t0, t1, from;      /* forecast range [t0, t1); chart from `from` */
	int step;
	wfm_series *hist;
	struct event ev[MAXEV]; int nev;
};

static void release(void *p)
{
	struct fc *f = p;

	wfm_free_strv(f->chan, (size_t)f->nchan);
	free(f->row);
	wfm_series_free(f->hist);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);

/* events.csv through its owner lib/events.c (the checks of wfm forecast);
 * kept: the events whose effect days meet [d0, d1], at most MAXEV. */
static int load_events(struct fc *f, const char *path, int64_t d0, int64_t d1, wfm_error *err)
{
	wfm_events *ev = wfm_events_load(path, err);

	if (!ev)
		return -1;
	for (size_t i = 0; i < ev->n && f->nev < MAXEV; i++) {
		const struct wfm_event *s = &ev->ev[i];
		struct event e = { s->day, s->before, s->after, "" };
		if (e.day + e.after < d0 || e.day - e.before > d1)
			continue;
		snprintf(e.name, sizeof(e.name), "%s", ev->names[s->name]);
		f->ev[f->nev++] = e;
	}
	wfm_events_free(ev);
	return 0;
}

/* forecast.csv through its owner lib/forecastcsv.c (wfm staff's and wfm
 * intraday's checks): a row per channel and interval that has a volume,
 * and their span [t0, t1). */
static int load_rows(struct fc *f, const char *in, const wfm_tz *tz, wfm_error *err)
{
	wfm_forecastcsv *fc = wfm_forecastcsv_load(in, tz, err);
	const wfm_series *s = fc ? fc->s : NULL;
	int rc = fc && (f->chan = chart_channels(s->channel, s->nchan, in, err)) ? 0 : -1;

	f->nchan = f->chan ? (int)s->nchan : 0;
	if (rc == 0 && !(f->row = malloc(s->nchan * s->n * sizeof(*f->row))))
		rc = wfm_error_set(err, "out of memory");
	for (size_t c = 0; rc == 0 && c < s->nchan; c++)
		for (size_t i = 0, q = c * s->n; i < s->n; i++, q++)
			if (!isnan(s->volume[q])) {
				chart_widen(&f->t0, &f->t1, wfm_series_time(s, i), f->n);
				f->row[f->n++] = (struct row){ wfm_series_time(s, i), (int)c, s->volume[q],
							       fc->lo[q], fc->hi[q] };
			}
	if (rc == 0)
		f->step = s->step;
	f->t1 += f->step;
	wfm_forecastcsv_free(fc);
	return rc;
}

static int load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	struct fc *f = c->data;

	if (load_rows(f, in, c->opts.tz, err))
		return -1;
	f->from = f->t0;
	if (c->opts.history) {
		if (!(f->hist = wfm_series_load(c->opts.history, c->opts.tz, err)))
			return -1;
		if (f->hist->start < f->t0) {
			int64_t want = f->t0 - (int64_t)c->opts.history_weeks * 7 * 86400;
			f->from = want > f->hist->start ? want : f->hist->start;
		}
	}
	if (c->opts.events) {
		int64_t d0 = (chart_local(c->opts.tz, f->from)) / 86400, d1 = chart_local(c->opts.tz, f->t1) / 86400;
		if (load_events(f, c->opts.events, d0, d1, err))
			return -1;
	}
	snprintf(c->title, sizeof(c->title), "Forecast%s per channel", f->hist ? " vs history" : "");
	{
		char a[32], b[32];
		wfm_time_format(f->t0, c->opts.tz, a, sizeof(a));
		wfm_time_format(f->t1 - f->step, c->opts.tz, b, sizeof(b));
		snprintf(c->subtitle + strlen(c->subtitle), sizeof(c->subtitle) - strlen(c->subtitle),
			 "  -  forecast %s to %s, %d-min intervals%s%s", a, b, f->step / 60,
			 f->hist ? ", actuals from " : "", f->hist ? c->opts.history : "");
	}
	c->draw = draw;
	return 0;
}

#define LY ((int64_t)364 * 86400)

/* History volume of channel hv at t, or NAN outside it. */
static double hist_at(const wfm_series *h, const double *hv, int64_t t)
{
	int64_t d = t - h->start;
	if (!hv || d < 0 || d % h->step || d / h->step >= (int64_t)h->n)
		return NAN;
	return hv[d / h->step];
}

/* One channel's panel: where and at what scale it draws. */
struct panel {
	const struct fc *f;
	const wfm_tz *tz;
	const struct rect *r;
	int k;                   /* channel */
	int64_t l0;              /* local seconds at the left edge */
	double px, hi;           /* pixels per second; top of the value axis */
	const double *hv;        /* the channel's history, or NULL */
	size_t h0, h1;           /* history intervals shown */
	int ly;                  /* draw the weeks a year earlier */
};

static double xat(const struct panel *pn, int64_t t)
{
	return pn->r->x + (double)(chart_local(pn->tz, t) - pn->l0) * pn->px;
}

/* The value axis' top (and the year-earlier total) over what is drawn. */
static double panel_scale(struct panel *pn)
{
	const struct fc *f = pn->f;
	double hi = 0, lysum = 0;

	for (size_t i = 0; i < f->n; i++)
		if (f->row[i].ch == pn->k) {
			double v = pn->ly ? hist_at(f->hist, pn->hv, f->row[i].t - LY) : NAN;
			hi = fmax(hi, isnan(f->row[i].hi) ? f->row[i].v : fmax(f->row[i].hi, f->row[i].v));
			if (!isnan(v)) {
				hi = fmax(hi, v);
				lysum += v;
			}
		}
	if (pn->hv) {
		int64_t s0 = f->from - f->hist->start, s1 = f->t1 - f->hist->start;
		pn->h0 = s0 > 0 ? (size_t)(s0 / f->hist->step) : 0;
		pn->h1 = s1 > 0 ? (size_t)(s1 / f->hist->step) : 0;
		if (pn->h1 > f->hist->n)
			pn->h1 = f->hist->n;
		for (size_t i = pn->h0; i < pn->h1; i++)
			if (!isnan(pn->hv[i]))
				hi = fmax(hi, pn->hv[i]);
	}
	pn->hi = chart_nice_max(hi * 1.05);
	return lysum;
}

/* Events: shaded days (the name comes last, draw_event_names). */
static void draw_events(cairo_t *cr, const struct panel *pn)
{
	const struct rect *r = pn->r;

	for (int e = 0; e < pn->f->nev; e++) {
		const struct event *ev = &pn->f->ev[e];
		for (int64_t d = ev->day - ev->before; d <= ev->day + ev->after; d++) {
			double x0 = r->x + (double)(d * 86400 - pn->l0) * pn->px, x1 = x0 + 86400 * pn->px;
			x0 = fmax(x0, r->x);
			x1 = fmin(x1, r->x + r->w);
			if (x1 <= x0)
				continue;
			chart_rgb(cr, OI_YELLOW, d == ev->day ? 0.6 : 0.25);
			cairo_rectangle(cr, x0, r->y, x1 - x0, r->h);
			cairo_fill(cr);
		}
	}
}

/* The prediction interval band and the dashed forecast start. */
static void draw_band(cairo_t *cr, const struct panel *pn)
{
	const struct fc *f = pn->f;
	const struct rect *r = pn->r;
	double dash[] = { 4, 4 }, x = floor(xat(pn, f->t0)) + 0.5;

	chart_rgb(cr, OI_SKY, 0.4);
	for (size_t i = 0; i < f->n; i++) {
		const struct row *w = &f->row[i];
		if (w->ch != pn->k || isnan(w->lo) || isnan(w->hi))
			continue;
		cairo_rectangle(cr, xat(pn, w->t), r->y + r->h * (1 - w->hi / pn->hi), f->step * pn->px,
				r->h * (w->hi - w->lo) / pn->hi);
	}
	cairo_fill(cr);
	chart_rgb(cr, OI_BLUE, 1);
	cairo_set_line_width(cr, 1.5);
	cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, x, r->y);
	cairo_line_to(cr, x, r->y + r->h);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	if (f->from < f->t0)
		chart_text(cr, x + 5, r->y + 8, "forecast", FONT_SMALL, 1, 0, 0);
}

/* Actuals (history and any inside the forecast range); their total in the
 * forecast range. */
static double draw_actuals(cairo_t *cr, const struct panel *pn)
{
	const wfm_series *h = pn->f->hist;
	const struct rect *r = pn->r;
	double asum = 0;
	int on = 0;

	chart_rgb(cr, OI_BLACK, 1);
	cairo_set_line_width(cr, 1.5);
	for (size_t i = pn->h0; i < pn->h1; i++) {
		int64_t t = wfm_series_time(h, i);
		double x = xat(pn, t) + h->step * pn->px / 2, y = r->y + r->h * (1 - pn->hv[i] / pn->hi);
		if (isnan(pn->hv[i])) {
			on = 0;
			continue;
		}
		if (t >= pn->f->t0)
			asum += pn->hv[i];
		on = chart_path_to(cr, x, y, on);
	}
	cairo_stroke(cr);
	return asum;
}

/* A line through the forecast's intervals: the year-earlier actuals
 * (last_year) or the forecast; broken at gaps.  Returns the forecast's sum. */
static double draw_line(cairo_t *cr, const struct panel *pn, int last_year)
{
	const struct fc *f = pn->f;
	const struct rect *r = pn->r;
	double sum = 0;
	int64_t prev = 0;
	int on = 0;

	chart_rgb(cr, last_year ? OI_PURPLE : OI_BLUE, 1);
	cairo_set_line_width(cr, last_year ? 1.5 : 2.5);
	for (size_t i = 0; i < f->n; i++) {
		const struct row *w = &f->row[i];
		double v, x, y;
		if (w->ch != pn->k)
			continue;
		v = last_year ? hist_at(f->hist, pn->hv, w->t - LY) : w->v;
		if (isnan(v)) {
			on = 0;
			continue;
		}
		sum += v;
		x = xat(pn, w->t) + f->step * pn->px / 2;
		y = r->y + r->h * (1 - v / pn->hi);
		if (on && (last_year || w->t == prev + f->step))
			cairo_line_to(cr, x, y);
		else
			cairo_move_to(cr, x, y);
		on = 1;
		prev = w->t;
	}
	cairo_stroke(cr);
	return sum;
}

/* Event names, last so nothing covers them. */
static void draw_event_names(cairo_t *cr, const struct panel *pn)
{
	const struct rect *r = pn->r;

	for (int e = 0; e < pn->f->nev; e++) {
		const char *name = pn->f->ev[e].name;
		double x = r->x + (double)(pn->f->ev[e].day * 86400 - pn->l0) * pn->px;
		if (x < r->x || x >= r->x + r->w)
			continue;
		chart_rgb(cr, OI_BLACK, 1);
		if (x + 8 + chart_text_width(cr, name, FONT_SMALL, 1) > r->x + r->w)
			chart_text(cr, r->x + r->w - 4, r->y + 24, name, FONT_SMALL, 1, 1, 0);
		else
			chart_text(cr, x + 4, r->y + 24, name, FONT_SMALL, 1, 0, 0);
	}
}

static void draw_panel(cairo_t *cr, struct panel *pn)
{
	const struct fc *f = pn->f;
	int64_t l1 = chart_local(pn->tz, f->t1);
	double lysum = panel_scale(pn), asum = 0, fsum;
	char note[200];
	int n;

	draw_events(cr, pn);
	chart_value_axis(cr, pn->r, 0, pn->hi, 0);
	chart_time_axis(cr, pn->r, pn->l0, l1, 1);
	draw_band(cr, pn);
	if (pn->hv)
		asum = draw_actuals(cr, pn);
	if (pn->ly && pn->hv)     /* the same weeks a year earlier, under the forecast */
		draw_line(cr, pn, 1);
	fsum = draw_line(cr, pn, 0);
	draw_event_names(cr, pn);
	n = snprintf(note, sizeof(note), "forecast total %.0f", fsum);
	if (asum > 0)
		n += snprintf(note + n, sizeof(note) - (size_t)n, ", actual so far %.0f", asum);
	if (lysum > 0)
		snprintf(note + n, sizeof(note) - (size_t)n, ", same weeks a year earlier %.0f (%+.1f%%)",
			 lysum, 100 * (fsum / lysum - 1));
	chart_panel_title(cr, pn->r, f->chan[pn->k], note);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	(void)pg;
	const struct fc *f = c->data;
	const wfm_tz *tz = c->opts.tz;
	double top = chart_header(c, cr);
	struct rect p[CHART_MAXCH];
	int64_t l0 = chart_local(tz, f->from), l1 = chart_local(tz, f->t1);
	struct legend_item it[] = {
		{ "actual", OI_BLACK, 1, LEG_LINE },
		{ "forecast", OI_BLUE, 1, LEG_LINE },
		{ "prediction interval", OI_SKY, 0.4, LEG_BOX },
		{ "event day", OI_YELLOW, 0.6, LEG_BOX },
		{ "event effect", OI_YELLOW, 0.25, LEG_BOX },
		{ "52 weeks earlier", OI_PURPLE, 1, LEG_LINE },
	};
	/* Last year: the actuals 364 days (52 weeks, same weekday) before
	 * each forecast interval, when the history reaches back that far. */
	int ly = f->hist && f->t0 - LY >= f->hist->start;

	if (ly)
		it[f->nev ? 5 : 3] = it[5];
	chart_legend(cr, c->width / 2.0, c->height - 22, it, (f->nev ? 5 : 3) + ly);
	chart_panels(c->width, top, c->height - 44, f->nchan, 1, 80, 40, p);
	for (int k = 0; k < f->nchan; k++) {
		int hc = f->hist ? wfm_series_channel(f->hist, f->chan[k]) : -1;
		struct panel pn = { f, tz, &p[k], k, l0, p[0].w / (double)(l1 - l0), 0,
				    hc >= 0 ? wfm_series_vol(f->hist, (size_t)hc) : NULL, 0, 0, ly };
		draw_panel(cr, &pn);
	}
}

const struct chart_kind chart_forecast = { sizeof(struct fc), load, release };
