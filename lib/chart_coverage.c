/* chart_coverage.c - required vs scheduled agents per interval, one panel
 * per day: step lines, under-cover shaded vermillion, over-cover sky blue.
 * With a channel column (planned by skill groups): one panel per channel
 * over the whole span, in the file's channel order, then the pooled total.
 * Input: coverage.csv `timestamp,[channel,]required,scheduled[,over,under]`
 * through lib/coverage. */
#include "chart_int.h"
#include "coverage.h"
#include "mem.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct row { int64_t t; double req, sch; };
struct cov {
	struct row *row; size_t n; int step;     /* pooled */
	size_t nchan; char **chan;               /* per channel (0: none) */
	struct row **crow; size_t *cn;
};

static void release(void *p)
{
	struct cov *v = p;

	for (size_t k = 0; v->crow && k < v->nchan; k++)
		free(v->crow[k]);
	wfm_free_strv(v->chan, v->nchan);
	WFM_FREE(v->crow, v->cn, v->row);
}

static int cmp_row(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	return WFM_CMP(x->t, y->t);
}

/* The lines and gaps of both layouts; the strip under each day (the last
 * item) of the day panels only, and only when too short to label. */
static const struct legend_item legend[] = {
	{ "required", OI_BLACK, 1, LEG_LINE }, { "scheduled", OI_BLUE, 1, LEG_LINE },
	{ "under-covered (scheduled < required)", OI_VERMILLION, 0.85, LEG_BOX },
	{ "over-covered", OI_SKY, 0.8, LEG_BOX },
	{ "strip under each day: scheduled - required", GREY_TEXT, 1, LEG_HOLLOW },
};

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);
static void draw_channels(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);
static const char *ah(char *buf, size_t n, double h);
static int cmp_row(const void *a, const void *b);

/* The per-channel rows of cv, sorted by time. */
static int split_channels(struct cov *v, const wfm_coverage *cv)
{
	v->nchan = cv->nchan;
	if (!(v->chan = calloc(v->nchan, sizeof(*v->chan))) || !(v->crow = calloc(v->nchan, sizeof(*v->crow))) ||
	    !(v->cn = calloc(v->nchan, sizeof(*v->cn))))
		return -1;
	for (size_t k = 0; k < v->nchan; k++)
		if (!(v->chan[k] = strdup(cv->channel[k])) || !(v->crow[k] = malloc((cv->n + 1) * sizeof(struct row))))
			return -1;
	for (size_t i = 0; i < cv->n; i++) {
		long k = cv->row[i].chan;
		if (k >= 0)
			v->crow[k][v->cn[k]++] = (struct row){ cv->row[i].t, cv->row[i].required, cv->row[i].scheduled };
	}
	for (size_t k = 0; k < v->nchan; k++)
		qsort(v->crow[k], v->cn[k], sizeof(struct row), cmp_row);
	return 0;
}

static int load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	wfm_coverage *cv = wfm_coverage_load(in, c->opts.tz, err);
	struct cov *v = c->data;

	if (!cv)
		return -1;
	if (!(v->row = malloc(cv->n * sizeof(*v->row)))) {
		wfm_coverage_free(cv);
		return wfm_error_set(err, "out of memory");
	}
	/* The pooled rows (every row when there is no channel column). */
	for (size_t k = 0; k < cv->n; k++)
		if (cv->row[k].chan < 0)
			v->row[v->n++] = (struct row){ cv->row[k].t, cv->row[k].required,
						       cv->row[k].scheduled };
	if (v->n == 0) {
		wfm_error_at(err, cv->file, 1, "channel", "no pooled rows (channel \"%s\")",
			     WFM_COVERAGE_TOTAL);
		wfm_coverage_free(cv);
		return -1;
	}
	if (cv->nchan > 16) {
		wfm_error_at(err, cv->file, 1, "channel", "%zu channels: chart at most 16", cv->nchan);
		wfm_coverage_free(cv);
		return -1;
	}
	if (cv->nchan && split_channels(v, cv)) {
		wfm_coverage_free(cv);
		return wfm_error_set(err, "out of memory");
	}
	wfm_coverage_free(cv);
	qsort(v->row, v->n, sizeof(*v->row), cmp_row);
	v->step = 3600;
	for (size_t i = 1; i < v->n; i++) {
		int64_t d = v->row[i].t - v->row[i - 1].t;
		if (d > 0 && d < v->step)
			v->step = (int)d;
	}
	{
		double under = 0, over = 0;
		char b1[32], b2[32];
		for (size_t i = 0; i < v->n; i++) {
			under += fmax(0, v->row[i].req - v->row[i].sch) * v->step / 3600.0;
			over += fmax(0, v->row[i].sch - v->row[i].req) * v->step / 3600.0;
		}
		snprintf(c->subtitle + strlen(c->subtitle), sizeof(c->subtitle) - strlen(c->subtitle),
			 "  -  %d-min intervals, under-cover %s agent-hours, over-cover %s agent-hours",
			 v->step / 60, ah(b1, sizeof(b1), under), ah(b2, sizeof(b2), over));
	}
	snprintf(c->title, sizeof(c->title), v->nchan ? "Coverage per channel: required vs scheduled agents"
							: "Coverage: required vs scheduled agents");
	c->draw = v->nchan ? draw_channels : draw;
	return 0;
}

/* Agent-hours as written: whole numbers plain, halves with one decimal
 * (printf's %.0f would round 592.5 to 592 but 1263.5 to 1264). */
static const char *ah(char *buf, size_t n, double h)
{
	if (fabs(h - round(h)) < 1e-6)
		snprintf(buf, n, "%.0f", h);
	else
		snprintf(buf, n, "%.1f", h);
	return buf;
}

/* The local days of the rows (at most 31), each day's peak and the
 * largest scheduled - required gap.  Returns the days. */
static int scan_days(const struct wfm_chart *c, const struct cov *v, int64_t *days, double *dayhi,
		     double *dmax)
{
	int nd = 0;

	for (size_t i = 0; i < v->n; i++) {
		int64_t d = chart_local(c->opts.tz, v->row[i].t);
		d = (d - ((d % 86400) + 86400) % 86400) / 86400;
		if (nd == 0 || days[nd - 1] != d) {
			if (nd == 31)
				break;
			days[nd] = d;
			dayhi[nd++] = 0;
		}
		dayhi[nd - 1] = fmax(dayhi[nd - 1], fmax(v->row[i].req, v->row[i].sch));
		*dmax = fmax(*dmax, fabs(v->row[i].sch - v->row[i].req));
	}
	return nd;
}

/* The difference strip's grid at 0 and the scale's ends, labelled +N, 0,
 * -N when the strip is tall enough, else one "+-N". */
static void strip_grid(cairo_t *cr, const struct rect *q, double dmax, int strip_tall)
{
	for (int e = -1; e <= 1; e++) {
		double yy = floor(q->y + q->h / 2 - e * q->h / 2) + 0.5;
		char lab[16];
		int old = chart_box_role(cr, WFM_CHART_BOX_VALUE);
		chart_rgb(cr, e ? GREY_GRID : 0x888888, 1);
		cairo_set_line_width(cr, 1);
		cairo_move_to(cr, q->x, yy);
		cairo_line_to(cr, q->x + q->w, yy);
		cairo_stroke(cr);
		snprintf(lab, sizeof(lab), e > 0 ? "+%g" : e < 0 ? "-%g" : "0", dmax);
		chart_rgb(cr, GREY_TEXT, 1);
		if (strip_tall)
			chart_text(cr, q->x - 8, yy + e * 4, lab, FONT_SMALL, 0, 1, 0.5);
		else if (e == 0) {
			snprintf(lab, sizeof(lab), "\u00b1%g", dmax);
			chart_text(cr, q->x - 8, yy, lab, FONT_SMALL, 0, 1, 0.5);
		}
		chart_box_role(cr, old);
	}
}

/* One day [t0, t0 + 1 day): agents in r on 0..hi, the gap strip in q. */
struct day {
	const struct wfm_chart *c;
	const struct cov *v;
	struct rect r, q;
	int64_t t0;
	double hi, dmax;
};

/* Shading (under-cover vermillion, over-cover sky) in the panel and the
 * strip; the day's agent-hours into sums[0..3] (required, scheduled,
 * under, over). */
static void day_shading(cairo_t *cr, const struct day *dy, double *sums)
{
	const struct cov *v = dy->v;
	const struct rect *r = &dy->r, *q = &dy->q;

	for (size_t i = 0; i < v->n; i++) {
		int64_t lt = chart_local(dy->c->opts.tz, v->row[i].t);
		double x0, x1, a = v->row[i].req, b = v->row[i].sch, dh;
		if (lt < dy->t0 || lt >= dy->t0 + 86400)
			continue;
		sums[0] += a * v->step / 3600.0;
		sums[1] += b * v->step / 3600.0;
		sums[2] += fmax(0, a - b) * v->step / 3600.0;
		sums[3] += fmax(0, b - a) * v->step / 3600.0;
		if (a == b)
			continue;
		x0 = r->x + (double)(lt - dy->t0) / 86400 * r->w;
		x1 = r->x + (double)(lt + v->step - dy->t0) / 86400 * r->w;
		chart_rgb(cr, a > b ? OI_VERMILLION : OI_SKY, a > b ? 0.85 : 0.8);
		cairo_rectangle(cr, x0, r->y + r->h * (1 - fmax(a, b) / dy->hi), x1 - x0,
				r->h * fabs(a - b) / dy->hi);
		cairo_fill(cr);
		dh = fmin(1, fabs(b - a) / dy->dmax) * q->h / 2;
		chart_rgb(cr, a > b ? OI_VERMILLION : OI_SKY, 1);
		cairo_rectangle(cr, x0 + 0.5, a > b ? q->y + q->h / 2 : q->y + q->h / 2 - dh, x1 - x0 - 1, dh);
		cairo_fill(cr);
	}
}

/* Required (black) and scheduled (blue) step lines. */
static void day_lines(cairo_t *cr, const struct day *dy)
{
	const struct cov *v = dy->v;
	const struct rect *r = &dy->r;

	for (int line = 0; line < 2; line++) {
		int started = 0;
		int64_t prev = 0;
		chart_rgb(cr, line ? OI_BLUE : OI_BLACK, 1);
		cairo_set_line_width(cr, 2);
		for (size_t i = 0; i < v->n; i++) {
			int64_t lt = chart_local(dy->c->opts.tz, v->row[i].t);
			double val = line ? v->row[i].sch : v->row[i].req, yy;
			if (lt < dy->t0 || lt >= dy->t0 + 86400)
				continue;
			yy = r->y + r->h * (1 - val / dy->hi);
			double x0 = r->x + (double)(lt - dy->t0) / 86400 * r->w;
			double x1 = r->x + (double)(lt + v->step - dy->t0) / 86400 * r->w;
			if (!started || lt != prev + v->step)
				cairo_move_to(cr, x0, yy);
			else
				cairo_line_to(cr, x0, yy);
			cairo_line_to(cr, x1, yy);
			started = 1;
			prev = lt;
		}
		cairo_stroke(cr);
	}
}

/* The day's name and agent-hours, short when the panel is narrow. */
static void day_title(cairo_t *cr, const struct rect *r, int64_t day, const double *sums)
{
	char note[200], name[64], b1[32], b2[32], b3[32], b4[32];
	double req = sums[0], under = sums[2];
	int y, m, d;

	wfm_time_civil_from_days(day, &y, &m, &d);
	snprintf(name, sizeof(name), "%s %04d-%02d-%02d", chart_wday(wfm_time_weekday(day)), y, m, d);
	snprintf(note, sizeof(note), "required %s agent-h, scheduled %s, under %s (%.1f%%), over %s",
		 ah(b1, sizeof(b1), req), ah(b2, sizeof(b2), sums[1]), ah(b3, sizeof(b3), under),
		 req > 0 ? 100 * under / req : 0, ah(b4, sizeof(b4), sums[3]));
	/* a narrow panel: the short form, so the note ends inside it */
	if (chart_text_width(cr, name, FONT_PANEL, 1) + 16 + chart_text_width(cr, note, FONT_SMALL, 0) > r->w)
		snprintf(note, sizeof(note), "req %s h, under %s (%.1f%%), over %s",
			 ah(b1, sizeof(b1), req), ah(b3, sizeof(b3), under),
			 req > 0 ? 100 * under / req : 0, ah(b4, sizeof(b4), sums[3]));
	chart_panel_title(cr, r, name, note);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	(void)pg;
	const struct cov *v = c->data;
	int64_t days[31];
	double dayhi[31], top, dmax = 0;
	int nd = scan_days(c, v, days, dayhi, &dmax), strip_tall;
	struct rect p[31];

	top = chart_header(c, cr);
	/* Each day: agents on its own 0..peak scale (so a small day is not
	 * flattened by a peak day), and under it a strip of scheduled minus
	 * required on one scale for all days, where a gap of one agent shows.
	 * 1 column up to 3 days, 2 up to 8 (a week is 4 rows), else 3. */
	dmax = fmax(1, chart_nice_max(dmax));
	chart_panels(c->width, top, c->height - 44, nd, nd <= 3 ? 1 : nd <= 8 ? 2 : 3, 80, 40, p);
	strip_tall = floor(p[0].h - floor(p[0].h * 0.68)) - 14 >= 40;
	chart_legend(cr, c->width / 2.0, c->height - 22, legend, strip_tall ? 4 : 5);
	for (int k = 0; k < nd; k++) {
		struct day dy = { c, v, p[k], p[k], days[k] * 86400, chart_nice_max(dayhi[k] * 1.05), dmax };
		double sums[4] = { 0 };

		dy.r.h = floor(p[k].h * 0.68);
		dy.q.y = dy.r.y + dy.r.h + 14;
		dy.q.h = p[k].h - dy.r.h - 14;
		chart_value_axis(cr, &dy.r, 0, dy.hi, 0);
		strip_grid(cr, &dy.q, dmax, strip_tall);
		day_shading(cr, &dy, sums);     /* shading first, then the lines on top */
		day_lines(cr, &dy);
		chart_time_axis(cr, &dy.r, dy.t0, dy.t0 + 86400, 0);
		chart_time_axis(cr, &dy.q, dy.t0, dy.t0 + 86400, 1);
		chart_rgb(cr, GREY_TEXT, 1);
		if (strip_tall)
			chart_text(cr, dy.q.x + 6, dy.q.y + 4, "scheduled - required", 11, 0, 0, 0);
		day_title(cr, &dy.r, days[k], sums);
	}
}

/* One panel: required (black) and scheduled (blue) step lines over
 * [l0, l1), under-cover shaded vermillion, over-cover sky blue, on 0..hi;
 * adds the agent-hours to sums[0..3] (required, scheduled, under, over). */
static void span_panel(const struct wfm_chart *c, cairo_t *cr, const struct rect *r, const struct row *row,
		       size_t n, int step, int64_t l0, int64_t l1, double hi, double *sums)
{
	double px = r->w / (double)(l1 - l0);
	for (size_t i = 0; i < n; i++) {
		double a = row[i].req, b = row[i].sch, h = step / 3600.0;
		double x0 = r->x + (double)(chart_local(c->opts.tz, row[i].t) - l0) * px;
		sums[0] += a * h;
		sums[1] += b * h;
		sums[2] += fmax(0, a - b) * h;
		sums[3] += fmax(0, b - a) * h;
		if (a == b)
			continue;
		chart_rgb(cr, a > b ? OI_VERMILLION : OI_SKY, a > b ? 0.85 : 0.8);
		cairo_rectangle(cr, x0, r->y + r->h * (1 - fmax(a, b) / hi), step * px, r->h * fabs(a - b) / hi);
		cairo_fill(cr);
	}
	for (int line = 0; line < 2; line++) {
		int64_t prev = 0;
		chart_rgb(cr, line ? OI_BLUE : OI_BLACK, 1);
		cairo_set_line_width(cr, 1.5);
		for (size_t i = 0; i < n; i++) {
			int64_t lt = chart_local(c->opts.tz, row[i].t);
			double x0 = r->x + (double)(lt - l0) * px, yy = r->y + r->h * (1 - (line ? row[i].sch : row[i].req) / hi);
			if (!i || lt != prev + step)
				cairo_move_to(cr, x0, yy);
			else
				cairo_line_to(cr, x0, yy);
			cairo_line_to(cr, x0 + step * px, yy);
			prev = lt;
		}
		cairo_stroke(cr);
	}
}

static void draw_channels(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	(void)pg;
	const struct cov *v = c->data;
	struct rect p[17];
	int np = (int)v->nchan + 1;
	int64_t l0 = chart_local(c->opts.tz, v->row[0].t), l1 = chart_local(c->opts.tz, v->row[v->n - 1].t) + v->step;
	double top = chart_header(c, cr);
	char note[200], b1[32], b2[32], b3[32];

	chart_legend(cr, c->width / 2.0, c->height - 22, legend, 4);
	/* Stacked panels on one time axis: labels under the last one only. */
	for (int k = 0; k < np; k++) {
		double rh = (c->height - 44 - 46 - top) / np;
		p[k] = (struct rect){ 80, top + k * rh + 28, c->width - 120, rh - 28 - 10 };
	}
	for (int k = 0; k < np; k++) {
		const struct row *row = k < (int)v->nchan ? v->crow[k] : v->row;
		size_t n = k < (int)v->nchan ? v->cn[k] : v->n;
		double hi = 0, sums[4] = { 0 };
		for (size_t i = 0; i < n; i++)
			hi = fmax(hi, fmax(row[i].req, row[i].sch));
		hi = chart_nice_max(hi * 1.05);
		chart_value_axis(cr, &p[k], 0, hi, 0);
		span_panel(c, cr, &p[k], row, n, v->step, l0, l1, hi, sums);
		chart_time_axis(cr, &p[k], l0, l1, k == np - 1);
		snprintf(note, sizeof(note), "required %s agent-h, under %s (%.1f%%), over %s",
			 ah(b1, sizeof(b1), sums[0]), ah(b2, sizeof(b2), sums[2]),
			 sums[0] > 0 ? 100 * sums[2] / sums[0] : 0, ah(b3, sizeof(b3), sums[3]));
		chart_panel_title(cr, &p[k], k < (int)v->nchan ? v->chan[k] : "all channels (pooled)", note);
	}
}

const struct chart_kind chart_coverage = { sizeof(struct cov), load, release };
