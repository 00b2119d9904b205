/* chart_staff.c - service level and occupancy per interval, a panel per
 * channel, with the SL target line and intervals under target shaded.
 * Input: evaluation.csv from `wfm staff --evaluate`:
 * `timestamp,channel,volume,agents,service_level,sl_target,asa_s,occupancy,abandon`
 * (fractions 0..1; an empty service_level or occupancy is a gap).
 *
 * Closed intervals are gaps too, and do not count: a queue channel (one
 * whose rows give an asa_s somewhere) is open when volume > 0, whether or
 * not anyone is scheduled (nobody on an open queue is the worst case, SL
 * 0, drawn and counted as such; its asa_s is empty since nobody answers);
 * a backlog channel (asa_s empty throughout) when agents > 0, i.e. work is
 * scheduled then (wfm staff spreads backlog work over the open hours only,
 * and gives 0 agents outside them).
 *
 * SL, occupancy and the target are step lines, one level per interval
 * with verticals between neighbours, so 15-minute data read like hourly
 * data; shading is snapped to whole pixels so neighbours do not overlap. */
#include "chart_int.h"
#include "csv.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct row { int64_t t; int ch; double sl, target, occ, volume, agents; int open, asa; };
struct staff {
	struct row *row; size_t n;
	char *chan[16]; int nchan;
	int64_t t0, t1; int step;
};

static void staff_free(void *p)
{
	struct staff *s = p;
	if (!s)
		return;
	for (int i = 0; i < s->nchan; i++)
		free(s->chan[i]);
	free(s->row);
	free(s);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);

static int frac(const wfm_csv_reader *r, int col, double *v, wfm_error *err)
{
	if (wfm_csv_double_opt(r, col, NAN, v, err))
		return -1;
	if (*v < 0 || *v > 1)
		return wfm_csv_error(r, col, err, "%g is not a fraction between 0 and 1", *v);
	return 0;
}

int chart_staff_load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	wfm_csv_reader *r = wfm_csv_open(in, err);
	struct staff *s;
	size_t cap = 0;
	int ct, cc, csl, ctg, coc, cv, rc, cag, casa;

	if (!r)
		return -1;
	if ((ct = wfm_csv_require(r, "timestamp", err)) < 0 || (cc = wfm_csv_require(r, "channel", err)) < 0 ||
	    (cv = wfm_csv_require(r, "volume", err)) < 0 ||
	    (csl = wfm_csv_require(r, "service_level", err)) < 0 ||
	    (ctg = wfm_csv_require(r, "sl_target", err)) < 0 || (coc = wfm_csv_require(r, "occupancy", err)) < 0) {
		wfm_csv_close(r);
		return -1;
	}
	if (!(s = calloc(1, sizeof(*s)))) {
		wfm_csv_close(r);
		return wfm_error_set(err, "out of memory");
	}
	c->data = s;
	c->free_data = staff_free;
	casa = wfm_csv_col(r, "asa_s");
	cag = wfm_csv_col(r, "agents");
	while ((rc = wfm_csv_next(r, err)) == 1) {
		struct row w;
		double agents = 0;
		const char *ch = wfm_csv_get(r, cc);
		if (wfm_csv_time(r, ct, c->opts.tz, 0, &w.t, err) < 0 || frac(r, csl, &w.sl, err) ||
		    frac(r, ctg, &w.target, err) || frac(r, coc, &w.occ, err) ||
		    wfm_csv_double_opt(r, cv, 0, &w.volume, err) || (cag >= 0 && wfm_csv_double_opt(r, cag, 0, &agents, err))) {
			rc = -1;
			break;
		}
		w.agents = agents;
		w.asa = casa < 0 || *wfm_csv_get(r, casa);
		for (w.ch = 0; w.ch < s->nchan && strcmp(s->chan[w.ch], ch); w.ch++)
			;
		if (w.ch == s->nchan) {
			if (s->nchan == 16) {
				rc = wfm_csv_error(r, cc, err, "more than 16 channels");
				break;
			}
			if (!(s->chan[s->nchan++] = strdup(ch))) {
				rc = wfm_error_set(err, "out of memory");
				break;
			}
		}
		if (s->n == cap) {
			struct row *nr = realloc(s->row, (cap = cap ? 2 * cap : 256) * sizeof(*nr));
			if (!nr) {
				rc = wfm_error_set(err, "out of memory");
				break;
			}
			s->row = nr;
		}
		s->row[s->n++] = w;
	}
	if (rc == 0 && s->n == 0)
		rc = wfm_error_at(err, wfm_csv_name(r), 1, NULL, "no data rows");
	wfm_csv_close(r);
	if (rc < 0)
		return -1;
	{
		int queue[16] = { 0 };
		for (size_t i = 0; i < s->n; i++)
			queue[s->row[i].ch] |= s->row[i].asa || cag < 0;
		for (size_t i = 0; i < s->n; i++)
			s->row[i].open = queue[s->row[i].ch] ? s->row[i].volume > 0 : s->row[i].agents > 0;
	}
	s->step = 3600;
	s->t0 = s->t1 = s->row[0].t;
	for (size_t i = 0; i < s->n; i++) {
		if (s->row[i].t < s->t0)
			s->t0 = s->row[i].t;
		if (s->row[i].t > s->t1)
			s->t1 = s->row[i].t;
		if (i && s->row[i].ch == s->row[i - 1].ch) {
			int64_t d = s->row[i].t - s->row[i - 1].t;
			if (d > 0 && d < s->step)
				s->step = (int)d;
		}
	}
	s->t1 += s->step;
	snprintf(c->title, sizeof(c->title), "Service level and occupancy per interval");
	c->draw = draw;
	return 0;
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	(void)pg;
	const struct staff *s = c->data;
	double top = chart_header(c, cr);
	struct rect p[16];
	int64_t l0 = chart_local(c->opts.tz, s->t0), l1 = chart_local(c->opts.tz, s->t1);
	double px;
	char note[200];
	struct legend_item it[] = {
		{ "service level", OI_BLUE, 1, LEG_LINE },
		{ "SL target", OI_BLACK, 1, LEG_DASH },
		{ "occupancy", OI_ORANGE, 1, LEG_LINE },
		{ "below target", OI_VERMILLION, 0.3, LEG_BOX },
	};

	chart_legend(cr, c->width / 2.0, c->height - 22, it, 4);
	chart_panels(c->width, top, c->height - 44, s->nchan, 1, 80, 40, p);
	px = p[0].w / (double)(l1 - l0);
	for (int k = 0; k < s->nchan; k++) {
		const struct rect *r = &p[k];
		size_t nin = 0, nbelow = 0, nall = 0;
		double slw = 0, vol = 0;

		/* Up to 105 % so a line at 100 % is not hidden in the frame. */
		chart_value_axis(cr, r, 0, 1.05, 1);
		/* Shade intervals under target (full height, light), snapped to
		 * pixels so neighbours neither overlap nor leave seams. */
		for (size_t i = 0; i < s->n; i++) {
			const struct row *w = &s->row[i];
			double x0, x1;
			nall += w->ch == k;
			if (w->ch != k || isnan(w->sl) || !w->open)
				continue;
			nin++;
			slw += w->sl * w->volume;
			vol += w->volume;
			if (isnan(w->target) || w->sl >= w->target)
				continue;
			nbelow++;
			x0 = round(r->x + (double)(chart_local(c->opts.tz, w->t) - l0) * px);
			x1 = round(r->x + (double)(chart_local(c->opts.tz, w->t) + s->step - l0) * px);
			chart_rgb(cr, OI_VERMILLION, 0.3);
			cairo_rectangle(cr, x0, r->y, fmax(x1 - x0, 1), r->h);
			cairo_fill(cr);
		}
		/* occupancy, SL, then the target on top (dashed, so it shows
		 * through the lines crossing it) */
		for (int line = 1; line <= 3; line++) {
			int64_t prev = 0;
			int on = 0;
			double dash[] = { 10, 6 };
			chart_rgb(cr, line == 3 ? OI_BLACK : line == 1 ? OI_ORANGE : OI_BLUE, 1);
			cairo_set_line_width(cr, line == 3 ? 2 : 2.5);
			if (line == 3)
				cairo_set_dash(cr, dash, 2, 0);
			for (size_t i = 0; i < s->n; i++) {
				const struct row *w = &s->row[i];
				double v = line == 3 ? w->target : line == 1 ? w->occ : w->sl;
				int64_t lt = chart_local(c->opts.tz, w->t);
				double x = r->x + (double)(lt - l0) * px, y = r->y + r->h * (1 - v / 1.05);
				if (w->ch != k)
					continue;
				if (isnan(v) || !w->open) {
					on = 0;
					continue;
				}
				if (!on || lt != prev + s->step)
					cairo_move_to(cr, x, y);
				else
					cairo_line_to(cr, x, y);
				cairo_line_to(cr, x + s->step * px, y);
				on = 1;
				prev = lt;
			}
			cairo_stroke(cr);
			cairo_set_dash(cr, NULL, 0, 0);
		}
		chart_time_axis(cr, r, l0, l1, 1);
		snprintf(note, sizeof(note), "volume-weighted SL %.1f%%, %zu of %zu open intervals below target"
			 "%s", vol > 0 ? 100 * slw / vol : 0, nbelow, nin, nin < nall ? " (closed hours left blank)" : "");
		chart_panel_title(cr, r, s->chan[k], note);
	}
}
