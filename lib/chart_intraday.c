/* chart_intraday.c - the intraday picture of one day: per channel the
 * forecast, the re-forecast with its band, the actuals so far and the now
 * line; below, required vs on-shift agents with the proposed actions.
 * Input: reforecast.csv (forecast format, from --now) with the options
 * forecast (the day's forecast.csv), history (today's actuals) and
 * coverage (wfm intraday --gap). */
#include "chart_int.h"
#include "coverage.h"
#include "forecastcsv.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct intraday {
	wfm_forecastcsv *re, *fc;     /* fc may be NULL */
	wfm_series *act;              /* may be NULL */
	wfm_coverage *cov;            /* may be NULL */
	int64_t day0;                 /* local seconds of the day's midnight */
	int64_t now;                  /* local seconds of --now */
};

static void release(void *p)
{
	struct intraday *d = p;

	wfm_forecastcsv_free(d->re);
	wfm_forecastcsv_free(d->fc);
	wfm_series_free(d->act);
	wfm_coverage_free(d->cov);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);

static int load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	struct intraday *d = c->data;
	const wfm_tz *tz = c->opts.tz;
	char buf[48];

	if (!(d->re = wfm_forecastcsv_load(in, tz, err)) ||
	    (c->opts.forecast && !(d->fc = wfm_forecastcsv_load(c->opts.forecast, tz, err))) ||
	    (c->opts.history && !(d->act = wfm_series_load(c->opts.history, tz, err))) ||
	    (c->opts.coverage && !(d->cov = wfm_coverage_load(c->opts.coverage, tz, err))))
		return -1;
	d->now = chart_local(tz, d->re->s->start);
	d->day0 = d->now - ((d->now % 86400) + 86400) % 86400;
	wfm_time_format(d->re->s->start, tz, buf, sizeof(buf));
	snprintf(c->title, sizeof(c->title), "Intraday: the rest of %.10s re-forecast at %s", buf, buf + 11);
	c->draw = draw;
	return 0;
}

/* x of local seconds t in panel r (the day 00:00 to 24:00). */
static double xat(const struct rect *r, const struct intraday *d, int64_t t)
{
	return r->x + (double)(t - d->day0) / 86400 * r->w;
}

static double yat(const struct rect *r, double v, double hi)
{
	return r->y + r->h * (1 - v / hi);
}

/* A series' channel on the day as a line (step: hold each interval). */
static void line(cairo_t *cr, const struct rect *r, const struct intraday *d, const wfm_series *s,
		 int c, const double *v, double hi, const wfm_tz *tz)
{
	int started = 0;

	for (size_t i = 0; c >= 0 && i < s->n; i++) {
		int64_t t = chart_local(tz, wfm_series_time(s, i));
		double y = v[(size_t)c * s->n + i];
		if (t < d->day0 || t >= d->day0 + 86400 || isnan(y)) {
			started = 0;
			continue;
		}
		double x = xat(r, d, t + s->step / 2), yy = yat(r, y, hi);
		if (started)
			cairo_line_to(cr, x, yy);
		else
			cairo_move_to(cr, x, yy);
		started = 1;
	}
	cairo_stroke(cr);
}

static double day_max(const struct intraday *d, const wfm_series *s, int c, const double *v, const wfm_tz *tz)
{
	double m = 0;

	for (size_t i = 0; c >= 0 && i < s->n; i++) {
		int64_t t = chart_local(tz, wfm_series_time(s, i));
		if (t >= d->day0 && t < d->day0 + 86400 && !isnan(v[(size_t)c * s->n + i]))
			m = fmax(m, v[(size_t)c * s->n + i]);
	}
	return m;
}

static void now_line(cairo_t *cr, const struct rect *r, const struct intraday *d)
{
	double x = floor(xat(r, d, d->now)) + 0.5;

	chart_rgb(cr, OI_VERMILLION, 1);
	cairo_set_line_width(cr, 2);
	cairo_move_to(cr, x, r->y);
	cairo_line_to(cr, x, r->y + r->h);
	cairo_stroke(cr);
}

static void volume_panel(const struct wfm_chart *c, cairo_t *cr, const struct rect *r, size_t ch)
{
	const struct intraday *d = c->data;
	const wfm_series *s = d->re->s;
	const wfm_tz *tz = c->opts.tz;
	int fc = d->fc ? wfm_series_channel(d->fc->s, s->channel[ch]) : -1;
	int ac = d->act ? wfm_series_channel(d->act, s->channel[ch]) : -1;
	double hi = fmax(day_max(d, s, (int)ch, d->re->hi, tz), day_max(d, s, (int)ch, s->volume, tz));
	static const double dash[] = { 8, 6 };

	if (fc >= 0)
		hi = fmax(hi, fmax(day_max(d, d->fc->s, fc, d->fc->s->volume, tz), day_max(d, d->fc->s, fc, d->fc->hi, tz)));
	if (ac >= 0)
		hi = fmax(hi, day_max(d, d->act, ac, d->act->volume, tz));
	hi = chart_nice_max(fmax(hi * 1.05, 1));
	chart_value_axis(cr, r, 0, hi, 0);
	/* the re-forecast's band */
	chart_rgb(cr, OI_SKY, 0.35);
	for (size_t i = 0; i < s->n; i++) {
		int64_t t = chart_local(tz, wfm_series_time(s, i));
		double lo = d->re->lo[ch * s->n + i], up = d->re->hi[ch * s->n + i];
		if (t >= d->day0 + 86400 || isnan(lo) || isnan(up))
			continue;
		cairo_rectangle(cr, xat(r, d, t), yat(r, up, hi), xat(r, d, t + s->step) - xat(r, d, t),
				yat(r, lo, hi) - yat(r, up, hi));
	}
	cairo_fill(cr);
	cairo_set_line_width(cr, 2);
	if (fc >= 0) {
		chart_rgb(cr, GREY_TEXT, 1);
		cairo_set_dash(cr, dash, 2, 0);
		line(cr, r, d, d->fc->s, fc, d->fc->s->volume, hi, tz);
		cairo_set_dash(cr, NULL, 0, 0);
	}
	if (ac >= 0) {
		chart_rgb(cr, OI_BLACK, 1);
		line(cr, r, d, d->act, ac, d->act->volume, hi, tz);
	}
	chart_rgb(cr, OI_BLUE, 1);
	cairo_set_line_width(cr, 3);
	line(cr, r, d, s, (int)ch, s->volume, hi, tz);
	now_line(cr, r, d);
	chart_time_axis(cr, r, d->day0, d->day0 + 86400, 1);
	chart_panel_title(cr, r, s->channel[ch], "contacts per interval");
}

/* Pooled required vs on-shift (with the actions), under-cover shaded;
 * on shift before the actions dashed where the file has it. */
static void staff_panel(const struct wfm_chart *c, cairo_t *cr, const struct rect *r)
{
	const struct intraday *d = c->data;
	const wfm_coverage *cv = d->cov;
	int step = d->re->s->step;
	double hi = 1, under = 0;
	char note[96];

	for (size_t k = 0; k < cv->n; k++)
		if (cv->row[k].chan < 0)
			hi = fmax(hi, fmax(fmax(cv->row[k].required, cv->row[k].scheduled), cv->row[k].before));
	hi = chart_nice_max(hi * 1.05);
	chart_value_axis(cr, r, 0, hi, 0);
	for (int pass = 0; pass < 3 + cv->has_before; pass++) {
		static const double dash[] = { 6, 4 };
		if (pass)
			chart_rgb(cr, pass == 1 ? OI_BLACK : pass == 2 ? OI_GREEN : GREY_TEXT, 1);
		cairo_set_line_width(cr, pass == 3 ? 1.5 : 2.5);
		cairo_set_dash(cr, dash, pass == 3 ? 2 : 0, 0);
		for (size_t k = 0; k < cv->n; k++) {
			const struct wfm_cov_row *w = &cv->row[k];
			int64_t t = chart_local(c->opts.tz, w->t);
			double x0 = xat(r, d, t), x1 = xat(r, d, t + step);
			if (w->chan >= 0 || t < d->day0 || t >= d->day0 + 86400)
				continue;
			if (pass == 0 && w->required > w->scheduled) {
				under += (w->required - w->scheduled) * step / 3600.0;
				chart_rgb(cr, OI_VERMILLION, 0.6);
				cairo_rectangle(cr, x0, yat(r, w->required, hi), x1 - x0,
						yat(r, w->scheduled, hi) - yat(r, w->required, hi));
				cairo_fill(cr);
			} else if (pass == 3 && isnan(w->before)) {
				continue;
			} else if (pass) {
				double y = yat(r, pass == 1 ? w->required : pass == 2 ? w->scheduled : w->before, hi);
				cairo_move_to(cr, x0, y);
				cairo_line_to(cr, x1, y);
			}
		}
		if (pass)
			cairo_stroke(cr);
	}
	cairo_set_dash(cr, NULL, 0, 0);
	now_line(cr, r, d);
	chart_time_axis(cr, r, d->day0, d->day0 + 86400, 1);
	snprintf(note, sizeof(note), "still short %.1f agent-hours with the actions", under);
	chart_panel_title(cr, r, cv->has_before ? "agents: required vs on shift, before and with the actions" : "agents: required vs on shift with the actions", note);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	const struct intraday *d = c->data;
	size_t n = d->re->s->nchan, np = n + (d->cov != NULL);
	struct rect p[16];
	double top;
	struct legend_item it[] = {
		{ "re-forecast", OI_BLUE, 1, LEG_LINE }, { "its interval", OI_SKY, 0.35, LEG_BOX },
		{ "forecast", GREY_TEXT, 1, LEG_DASH }, { "actuals so far", OI_BLACK, 1, LEG_LINE },
		{ "now", OI_VERMILLION, 1, LEG_LINE }, { "required", OI_BLACK, 1, LEG_LINE },
		{ "on shift with actions", OI_GREEN, 1, LEG_LINE }, { "short", OI_VERMILLION, 0.6, LEG_BOX },
		{ "on shift before", GREY_TEXT, 1, LEG_DASH },
	};

	(void)pg;
	if (np > 16)
		np = 16;
	top = chart_header(c, cr);
	chart_legend(cr, c->width / 2.0, c->height - 22, it, !d->cov ? 5 : d->cov->has_before ? 9 : 8);
	chart_panels(c->width, top, c->height - 44, (int)np, np <= 3 ? 1 : 2, 80, 40, p);
	for (size_t k = 0; k < np; k++) {
		if (k < n && k < 16 - (d->cov != NULL))
			volume_panel(c, cr, &p[k], k);
		else if (d->cov)
			staff_panel(c, cr, &p[k]);
	}
}

const struct chart_kind chart_intraday = { sizeof(struct intraday), load, release };
