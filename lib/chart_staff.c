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
#include "mem.h"
#include "requirements.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct row { int64_t t; int ch; double sl, target, occ, volume, agents; int open; };
struct staff {
	struct row *row; size_t n;
	char **chan; int nchan;
	int64_t t0, t1; int step;
};

static void release(void *p)
{
	struct staff *s = p;

	wfm_free_strv(s->chan, (size_t)s->nchan);
	free(s->row);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);

/* evaluation.csv through its owner (lib/requirements.c): a row per
 * channel and interval the file gives, and their span [t0, t1); volume,
 * service_level, sl_target and occupancy required, agents and asa_s
 * optional. */
static int load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	struct staff *s = c->data;
	wfm_requirements *q = wfm_requirements_load_evaluation(in, c->opts.tz, err);
	int rc = q && wfm_requirements_need(q, "volume", err) && wfm_requirements_need(q, "service_level", err) &&
		 wfm_requirements_need(q, "sl_target", err) && wfm_requirements_need(q, "occupancy", err) &&
		 (s->chan = chart_channels(q->channel, q->nchan, q->file, err)) ? 0 : -1;

	s->nchan = s->chan ? (int)q->nchan : 0;
	if (rc == 0 && !(s->row = malloc((q->nchan * q->n - q->missing + 1) * sizeof(*s->row))))
		rc = wfm_error_set(err, "out of memory");
	for (size_t c = 0; rc == 0 && c < q->nchan; c++) {
		int queue = !q->asa || !q->agents;
		for (size_t i = c * q->n; q->asa && i < (c + 1) * q->n; i++)
			queue |= q->line[i] && !isnan(q->asa[i]);
		for (size_t i = 0, k = c * q->n; i < q->n; i++, k++)
			if (q->line[k]) {
				double ag = q->agents ? q->agents[k] : 0;
				chart_widen(&s->t0, &s->t1, wfm_requirements_time(q, i), s->n);
				s->row[s->n++] = (struct row){ wfm_requirements_time(q, i), (int)c, q->service_level[k],
					q->sl_target[k], q->occupancy[k], q->volume[k], ag,
					queue ? q->volume[k] > 0 : ag > 0 };
			}
	}
	if (rc == 0)
		s->step = q->step;
	s->t1 += s->step;
	wfm_requirements_free(q);
	if (rc)
		return -1;
	snprintf(c->title, sizeof(c->title), "Service level and occupancy per interval");
	c->draw = draw;
	return 0;
}

/* the lines' and the shading's colours, in drawing order */
static const struct legend_item legend[] = {
	{ "service level", OI_BLUE, 1, LEG_LINE }, { "SL target", OI_BLACK, 1, LEG_DASH },
	{ "occupancy", OI_ORANGE, 1, LEG_LINE }, { "below target", OI_VERMILLION, 0.3, LEG_BOX },
};

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	(void)pg;
	const struct staff *s = c->data;
	double top = chart_header(c, cr);
	struct rect p[CHART_MAXCH];
	int64_t l0 = chart_local(c->opts.tz, s->t0), l1 = chart_local(c->opts.tz, s->t1);
	double px;
	char note[200];

	chart_legend(cr, c->width / 2.0, c->height - 22, legend, 4);
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

const struct chart_kind chart_staff = { sizeof(struct staff), load, release };
