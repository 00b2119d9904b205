/* chart_profile.c - load profile heatmap (weekday or month x time of day),
 * one panel per channel, colour = mean volume on a viridis scale.
 * Input: profile.csv from wfm-profile: `channel,group,time,mean,share,ratio,days`
 * (an empty mean is a cell with no data, drawn hatched grey). */
#include "chart_int.h"
#include "csv.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXCH 16
#define MAXG 12
#define MAXS 96

struct prof {
	char *chan[MAXCH]; int nchan;
	char group[MAXG][8]; int ngroups;
	int slot[MAXS]; int nslots;      /* minutes of day */
	double mean[MAXCH][MAXG][MAXS];
};

static void prof_free(void *p)
{
	struct prof *f = p;
	if (!f)
		return;
	for (int i = 0; i < f->nchan; i++)
		free(f->chan[i]);
	free(f);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);

int chart_profile_load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	wfm_csv_reader *r = wfm_csv_open(in, err);
	struct prof *f;
	int cc, cg, ctm, cm, rc;
	size_t nrows = 0;

	if (!r)
		return -1;
	if ((cc = wfm_csv_require(r, "channel", err)) < 0 || (cg = wfm_csv_require(r, "group", err)) < 0 ||
	    (ctm = wfm_csv_require(r, "time", err)) < 0 || (cm = wfm_csv_require(r, "mean", err)) < 0) {
		wfm_csv_close(r);
		return -1;
	}
	if (!(f = calloc(1, sizeof(*f)))) {
		wfm_csv_close(r);
		return wfm_error_set(err, "out of memory");
	}
	c->data = f;
	c->free_data = prof_free;
	for (int a = 0; a < MAXCH; a++)
		for (int g = 0; g < MAXG; g++)
			for (int k = 0; k < MAXS; k++)
				f->mean[a][g][k] = NAN;
	while ((rc = wfm_csv_next(r, err)) == 1) {
		const char *ch = wfm_csv_get(r, cc), *gr = wfm_csv_get(r, cg);
		int a, g, k, min;
		double v;
		if (wfm_time_parse_hhmm(wfm_csv_get(r, ctm), &min, err) || min >= 1440) {
			rc = wfm_csv_error(r, ctm, err, "\"%s\" is not a time of day HH:MM", wfm_csv_get(r, ctm));
			break;
		}
		if (wfm_csv_double_opt(r, cm, NAN, &v, err)) {
			rc = -1;
			break;
		}
		if (v < 0) {
			rc = wfm_csv_error(r, cm, err, "%g is negative", v);
			break;
		}
		for (a = 0; a < f->nchan && strcmp(f->chan[a], ch); a++)
			;
		for (g = 0; g < f->ngroups && strcmp(f->group[g], gr); g++)
			;
		for (k = 0; k < f->nslots && f->slot[k] != min; k++)
			;
		if (a == MAXCH || g == MAXG || k == MAXS || strlen(gr) >= sizeof(f->group[0])) {
			rc = wfm_csv_error(r, a == MAXCH ? cc : g == MAXG || k < MAXS ? cg : ctm, err,
					   "too many %s (at most %d channels, %d groups, %d times)",
					   a == MAXCH ? "channels" : g == MAXG || k < MAXS ? "groups" : "times",
					   MAXCH, MAXG, MAXS);
			break;
		}
		if (a == f->nchan && !(f->chan[f->nchan++] = strdup(ch))) {
			rc = wfm_error_set(err, "out of memory");
			break;
		}
		if (g == f->ngroups)
			strcpy(f->group[f->ngroups++], gr);
		if (k == f->nslots)
			f->slot[f->nslots++] = min;
		f->mean[a][g][k] = v;
		nrows++;
	}
	if (rc == 0 && nrows == 0)
		rc = wfm_error_at(err, wfm_csv_name(r), 1, NULL, "no data rows");
	wfm_csv_close(r);
	if (rc < 0)
		return -1;
	/* Times in order of the day (all channels share the slot index). */
	for (int i = 1; i < f->nslots; i++)
		if (f->slot[i] < f->slot[i - 1])
			return wfm_error_at(err, in, 0, "time", "times are not in order within a group");
	snprintf(c->title, sizeof(c->title), "Load profile: mean volume by %s and time of day",
		 wfm_time_parse_weekday(f->group[0]) >= 0 ? "weekday" : "group");
	c->draw = draw;
	return 0;
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	(void)pg;
	const struct prof *f = c->data;
	double top = chart_header(c, cr);
	int ncol = f->nchan > 2 ? 2 : 1;
	struct rect p[MAXCH];
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
