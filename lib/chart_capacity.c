/* chart_capacity.c - the capacity plan (wfm capacity): required vs
 * effective FTE per week and scenario, training classes as markers, the
 * weeks short of target shaded; the projected service level below.
 * Input: capacity.csv from `wfm capacity` (read by lib/capacity_io). */
#include "capacity_io.h"
#include "chart_int.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct cap {
	struct wfm_cap_series *s;
	size_t n, nw;
};

static const uint32_t scol[] = { OI_BLUE, OI_ORANGE, OI_GREEN, OI_PURPLE, OI_SKY, OI_VERMILLION,
				 OI_BLACK, OI_YELLOW };
#define NCOL (sizeof(scol) / sizeof(scol[0]))

static void release(void *p)
{
	struct cap *c = p;

	wfm_cap_series_free(c->s, c->n);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);

static int load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	struct cap *p = c->data;
	long n;

	if ((n = wfm_cap_plan_load(in, &p->s, err)) < 0)
		return -1;
	p->n = (size_t)n;
	p->nw = p->s[0].nweeks;
	for (size_t k = 1; k < p->n; k++)
		if (p->s[k].nweeks != p->nw || p->s[k].week[0].day != p->s[0].week[0].day)
			return wfm_error_at(err, in, 0, "scenario", "scenario %s covers other weeks than %s",
					    p->s[k].name, p->s[0].name);
	snprintf(c->title, sizeof(c->title), "Capacity plan: required vs effective FTE per week");
	c->draw = draw;
	return 0;
}

/* Month gridlines and labels under r (weeks as columns of width cw). */
static void month_axis(cairo_t *cr, const struct rect *r, const struct cap *p, double cw)
{
	static const char *mn[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
				    "Oct", "Nov", "Dec" };
	double last = -1e9;
	int pm = 0;
	char buf[32];

	for (size_t i = 0; i < p->nw; i++) {
		int y, m, d;
		wfm_time_civil_from_days(p->s[0].week[i].day + 3, &y, &m, &d);   /* the week's Thursday */
		if (m == pm)
			continue;
		double x = floor(r->x + (double)i * cw) + 0.5;
		chart_rgb(cr, m == 1 ? 0x888888 : GREY_GRID, 1);
		cairo_set_line_width(cr, m == 1 ? 2 : 1);
		cairo_move_to(cr, x, r->y);
		cairo_line_to(cr, x, r->y + r->h + 5);
		cairo_stroke(cr);
		snprintf(buf, sizeof(buf), m == 1 || pm == 0 ? "%s %d" : "%s", mn[m - 1], y);
		if (x > last + 8 && x + chart_text_width(cr, buf, FONT_SMALL, 0) < r->x + r->w + 2) {
			chart_rgb(cr, GREY_TEXT, 1);
			last = x + 3 + chart_text(cr, x + 3, r->y + r->h + 9, buf, FONT_SMALL, 0, 0, 0);
		}
		pm = m;
	}
	chart_rgb(cr, 0x333333, 1);
	cairo_set_line_width(cr, 1);
	cairo_rectangle(cr, r->x + 0.5, r->y + 0.5, r->w, r->h);
	cairo_stroke(cr);
}

static void line(cairo_t *cr, const struct rect *r, const struct cap *p, size_t k, int what,
		 double top, double cw)
{
	int on = 0;

	for (size_t i = 0; i < p->nw; i++) {
		const struct wfm_cap_week *w = &p->s[k].week[i];
		double v = what == 0 ? w->required : what == 1 ? w->effective + w->overtime : w->sl;
		double x = r->x + ((double)i + 0.5) * cw, y = r->y + r->h * (1 - v / top);
		if (isnan(v)) {
			on = 0;
			continue;
		}
		on = chart_path_to(cr, x, y, on);
	}
	cairo_stroke(cr);
}

/* Panel 1: shaded short weeks, required (dashed) and effective lines,
 * class markers along the bottom. */
static void fte_panel(cairo_t *cr, const struct rect *r, const struct cap *p, double cw)
{
	double hi = 0, dash[] = { 8, 5 }, top;
	char note[512] = "", part[160];

	for (size_t k = 0; k < p->n; k++)
		for (size_t i = 0; i < p->nw; i++)
			hi = fmax(hi, fmax(p->s[k].week[i].required,
					   p->s[k].week[i].effective + p->s[k].week[i].overtime));
	top = chart_nice_max(hi > 0 ? hi * 1.05 : 1);
	chart_value_axis(cr, r, 0, top, 0);
	for (size_t k = 0; k < p->n; k++)
		for (size_t i = 0; i < p->nw; i++)
			if (!p->s[k].week[i].met) {
				chart_rgb(cr, scol[k % NCOL], 0.14);
				cairo_rectangle(cr, r->x + (double)i * cw, r->y, cw, r->h);
				cairo_fill(cr);
			}
	for (size_t k = 0; k < p->n; k++) {
		size_t ncls = 0, nshort = 0;
		double hires = 0;
		chart_rgb(cr, scol[k % NCOL], 1);
		cairo_set_line_width(cr, 2);
		cairo_set_dash(cr, dash, 2, 0);
		line(cr, r, p, k, 0, top, cw);
		cairo_set_dash(cr, NULL, 0, 0);
		cairo_set_line_width(cr, 2.5);
		line(cr, r, p, k, 1, top, cw);
		for (size_t i = 0; i < p->nw; i++) {
			const struct wfm_cap_week *w = &p->s[k].week[i];
			double x = r->x + ((double)i + 0.5) * cw, y = r->y + r->h - 6 - 14.0 * (double)k;
			nshort += !w->met;
			if (w->hires <= 0)
				continue;
			ncls++;
			hires += w->hires;
			chart_rgb(cr, scol[k % NCOL], 1);
			cairo_move_to(cr, x, y - 11);
			cairo_line_to(cr, x - 6, y);
			cairo_line_to(cr, x + 6, y);
			cairo_close_path(cr);
			cairo_fill(cr);
		}
		snprintf(part, sizeof(part), "%s%s: %.0f hires in %zu class%s, %zu week%s short",
			 k ? ";  " : "", p->s[k].name, hires, ncls, ncls == 1 ? "" : "es", nshort,
			 nshort == 1 ? "" : "s");
		if (strlen(note) + strlen(part) < sizeof(note))
			strcat(note, part);
	}
	month_axis(cr, r, p, cw);
	chart_panel_title(cr, r, "FTE per week (triangles: training classes start)", note);
}

static void sl_panel(cairo_t *cr, const struct rect *r, const struct cap *p, double cw)
{
	char note[512] = "", part[160];

	chart_value_axis(cr, r, 0, 1.05, 1);
	for (size_t k = 0; k < p->n; k++) {
		double mn = INFINITY;
		size_t at = 0;
		chart_rgb(cr, scol[k % NCOL], 1);
		cairo_set_line_width(cr, 2.5);
		line(cr, r, p, k, 2, 1.05, cw);
		for (size_t i = 0; i < p->nw; i++)
			if (p->s[k].week[i].sl < mn) {
				mn = p->s[k].week[i].sl;
				at = i;
			}
		if (isfinite(mn)) {
			char day[16];
			wfm_time_format_date(p->s[k].week[at].day, day, sizeof(day));
			snprintf(part, sizeof(part), "%s%s: lowest %.0f%% (week of %s)", k ? ";  " : "",
				 p->s[k].name, 100 * mn, day);
			if (strlen(note) + strlen(part) < sizeof(note))
				strcat(note, part);
		}
	}
	month_axis(cr, r, p, cw);
	chart_panel_title(cr, r, "Projected service level if the gap stays", note);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	const struct cap *p = c->data;
	double top = chart_header(c, cr), cw;
	struct rect r[2];
	struct legend_item it[NCOL + 3];
	int n = 0;

	(void)pg;
	for (size_t k = 0; k < p->n && k < NCOL; k++)
		it[n++] = (struct legend_item){ p->s[k].name, scol[k], 1, LEG_LINE };
	it[n++] = (struct legend_item){ "effective + overtime FTE (solid)", GREY_TEXT, 1, LEG_LINE };
	it[n++] = (struct legend_item){ "required FTE (dashed)", GREY_TEXT, 1, LEG_DASH };
	it[n++] = (struct legend_item){ "short week (tint)", GREY_TEXT, 0.25, LEG_BOX };
	chart_legend(cr, c->width / 2.0, c->height - 22, it, n);
	chart_panels(c->width, top, c->height - 44, 2, 1, 80, 40, r);
	/* the FTE panel gets two thirds of the height */
	double h = r[0].h + r[1].h, gap = r[1].y - (r[0].y + r[0].h);
	r[0].h = h * 0.64;
	r[1].y = r[0].y + r[0].h + gap;
	r[1].h = h - r[0].h;
	cw = r[0].w / (double)p->nw;
	fte_panel(cr, &r[0], p, cw);
	sl_panel(cr, &r[1], p, cw);
}

const struct chart_kind chart_capacity = { sizeof(struct cap), load, release };
