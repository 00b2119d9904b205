/* chart_profile.c - load profile heatmap (weekday or month x time of day),
 * one panel per channel, colour = mean volume on a viridis scale.
 * Input: profile.csv from wfm-profile: `channel,group,time,mean,share,ratio,days`
 * read by lib/profile.c; the groups and times it gives are drawn (an
 * empty mean is a cell with no data, drawn hatched grey). */
#include "chart_int.h"
#include "mem.h"
#include "profile.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXG 12
#define MAXS 96

struct prof {
	char **chan; int nchan;
	char group[MAXG][8]; int ngroups;
	int slot[MAXS]; int nslots;      /* minutes of day */
	double mean[CHART_MAXCH][MAXG][MAXS];
};

static void release(void *p)
{
	struct prof *f = p;

	wfm_free_strv(f->chan, (size_t)f->nchan);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);

/* The groups and times of p that the file gives (any channel), in order. */
static void pick_cells(struct prof *f, const wfm_profile *p, int *gi, int *ki)
{
	for (int g = 0; g < p->ngroups; g++)
		for (int k = 0; k < p->nslots; k++)
			if (p->given[g * p->nslots + k]) {
				if (!f->ngroups || gi[f->ngroups - 1] != g) {
					snprintf(f->group[f->ngroups], sizeof(f->group[0]), "%s",
						 wfm_profile_group_name(p, g));
					gi[f->ngroups++] = g;
				}
				ki[k] = 1;
			}
	for (int k = 0; k < p->nslots; k++)
		if (ki[k]) {
			f->slot[f->nslots] = k * p->step / 60;
			ki[f->nslots++] = k;
		}
}

/* profile.csv through its owner (lib/profile.c, wfm_profile_load: wfm
 * capacity's checks). */
static int load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	wfm_profile *p = wfm_profile_load(in, err);
	struct prof *f = c->data;
	int gi[MAXG], ki[MAXS] = { 0 };

	if (!p || !(f->chan = chart_channels(p->channel, p->nchan, in, err))) {
		wfm_profile_free(p);
		return -1;
	}
	f->nchan = (int)p->nchan;
	pick_cells(f, p, gi, ki);
	for (size_t a = 0; a < p->nchan; a++)
		for (int g = 0; g < f->ngroups; g++)
			for (int k = 0; k < f->nslots; k++)
				f->mean[a][g][k] = p->chan[a].mean[gi[g] * p->nslots + ki[k]];
	snprintf(c->title, sizeof(c->title), "Load profile: mean volume by %s and time of day",
		 p->by == WFM_BY_WEEKDAY ? "weekday" : "group");
	wfm_profile_free(p);
	c->draw = draw;
	return 0;
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	(void)pg;
	const struct prof *f = c->data;
	double top = chart_header(c, cr);
	int ncol = f->nchan > 2 ? 2 : 1;
	struct rect p[CHART_MAXCH];
	char buf[64];

	chart_panels(c->width, top, c->height - 20, f->nchan, ncol, 90, 40, p);
	for (int a = 0; a < f->nchan; a++) {
		struct rect r = p[a];
		double mx = 0, cw, ch;
		int peak_g = 0, peak_k = 0;
		r.h -= 6;
		for (int g = 0; g < f->ngroups; g++)
			for (int k = 0; k < f->nslots; k++) {
				double v = f->mean[a][g][k];
				if (!isnan(v)) {
					if (v > mx) {
						mx = v;
						peak_g = g;
						peak_k = k;
					}
				}
			}
		cw = r.w / f->nslots;
		ch = r.h / f->ngroups;
		for (int g = 0; g < f->ngroups; g++) {
			int old = chart_box_role(cr, CHART_BOX_VALUE);
			chart_rgb(cr, OI_BLACK, 1);
			chart_text(cr, r.x - 8, r.y + (g + 0.5) * ch, f->group[g], FONT_SMALL, 1, 1, 0.5);
			chart_box_role(cr, old);
			for (int k = 0; k < f->nslots; k++) {
				double v = f->mean[a][g][k], x = r.x + k * cw, y = r.y + g * ch;
				if (isnan(v)) {
					chart_rgb(cr, GREY_LIGHT, 1);
					cairo_rectangle(cr, x, y, cw, ch);
					cairo_fill(cr);
					chart_rgb(cr, 0xFFFFFF, 1);
					cairo_move_to(cr, x, y + ch);
					cairo_line_to(cr, x + cw, y);
					cairo_stroke(cr);
					continue;
				}
				chart_seq(cr, mx > 0 ? v / mx : 0);
				cairo_rectangle(cr, x, y, cw + 0.5, ch + 0.5);
				cairo_fill(cr);
				if (cw >= 26 && ch >= 14) {
					snprintf(buf, sizeof(buf), "%.0f", v);
					if (chart_text_width(cr, buf, fmin(11, ch * 0.6), 0) + 2 <= cw) {
						chart_rgb(cr, chart_seq_luma(mx > 0 ? v / mx : 0) < 0.5 ? 0xFFFFFF : OI_BLACK, 1);
						chart_text(cr, x + cw / 2, y + ch / 2, buf, fmin(11, ch * 0.6), 0, 0.5, 0.5);
					}
				}
			}
		}
		/* Hour labels under the cells. */
		for (int k = 0; k < f->nslots; k++) {
			int step = cw >= 28 ? 1 : cw >= 14 ? 2 : cw >= 9 ? 3 : 6;
			if (f->slot[k] % (60 * step) || (f->slot[k] / 60) % step)
				continue;
			int old = chart_box_role(cr, CHART_BOX_TIME);
			snprintf(buf, sizeof(buf), "%02d", f->slot[k] / 60);
			chart_rgb(cr, GREY_TEXT, 1);
			chart_text(cr, r.x + k * cw, r.y + r.h + 8, buf, FONT_SMALL, 0, 0.5, 0);
			chart_box_role(cr, old);
		}
		chart_rgb(cr, 0x333333, 1);
		cairo_set_line_width(cr, 1);
		cairo_rectangle(cr, r.x, r.y, r.w, r.h);
		cairo_stroke(cr);
		/* Colour bar at the right of the panel title. */
		{
			double bx = r.x + r.w - 220, by = r.y - 24;
			for (int i = 0; i < 100; i++) {
				chart_seq(cr, i / 99.0);
				cairo_rectangle(cr, bx + i * 1.6, by, 1.7, 12);
				cairo_fill(cr);
			}
			chart_rgb(cr, GREY_TEXT, 1);
			chart_text(cr, bx - 6, by + 6, "0", FONT_SMALL, 0, 1, 0.5);
			snprintf(buf, sizeof(buf), "%.0f", mx);
			chart_text(cr, bx + 166, by + 6, buf, FONT_SMALL, 0, 0, 0.5);
		}
		snprintf(buf, sizeof(buf), "peak %s %02d:%02d, %.0f per interval", f->group[peak_g],
			 f->slot[peak_k] / 60, f->slot[peak_k] % 60, mx);
		chart_panel_title(cr, &r, f->chan[a], buf);
	}
}

const struct chart_kind chart_profile = { sizeof(struct prof), load, release };
