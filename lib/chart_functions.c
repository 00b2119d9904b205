/* chart_functions.c - heatmap of agents x intervals coloured by function
 * (any names: up to 8 channels, plus BREAK and IDLE), a legend in the
 * input's order, and per interval a stacked bar of how many agents do each
 * function with the total.
 * Input: functions.csv `timestamp,agent_id,name,function` (lib/functions_io.c). */
#include "chart_int.h"
#include "functions.h"
#include "mem.h"
#include "strmap.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Channels in order of first appearance take the Okabe-Ito colours in this
 * order (the demo's CALLS, CHAT, LETTERS, DECLARATIONS the first four);
 * BREAK is light grey and IDLE (on shift, nothing open) hatched grey. */
#define NCHAN_MAX 8
#define NFN (NCHAN_MAX + 2)
static const uint32_t chan_rgb[NCHAN_MAX] = {
	OI_BLUE, OI_ORANGE, OI_GREEN, OI_PURPLE, OI_SKY, OI_VERMILLION, OI_YELLOW, OI_BLACK,
};

struct cell { int64_t t; size_t agent; int fn; };
struct agent { char *id, *name; int64_t first; };
struct funcs {
	struct cell *cell; size_t n, cap;
	struct agent *a; size_t na, acap;
	wfm_strmap ids;                 /* agent id -> index in a */
	size_t *order;
	int64_t t0, t1; int step; size_t nslots;
	char *fname[NFN]; uint32_t frgb[NFN]; int nfn;  /* functions in legend order */
	int kind[NFN];                  /* 0 channel, 1 BREAK, 2 IDLE */
	unsigned char *grid;            /* [row * nslots + slot]: 0 none, fn + 1 */
};

static void release(void *p)
{
	struct funcs *f = p;

	for (size_t i = 0; i < f->na; i++)
		WFM_FREE(f->a[i].id, f->a[i].name);
	for (int k = 0; k < f->nfn; k++)
		free(f->fname[k]);
	wfm_strmap_free(&f->ids);
	WFM_FREE(f->a, f->cell, f->order, f->grid);
}

/* Index of function name s (as read), adding it when new; -1 out of
 * memory, -2 more than NCHAN_MAX channels. */
static int function_of(struct funcs *f, const char *s)
{
	int k, nch = 0;
	for (k = 0; k < f->nfn; k++)
		if (!strcmp(f->fname[k], s))
			return k;
	for (k = 0; k < f->nfn; k++)
		nch += f->kind[k] == 0;
	k = !strcasecmp(s, "BREAK") ? 1 : !strcasecmp(s, "IDLE") ? 2 : 0;
	if (k == 0 && nch == NCHAN_MAX)
		return -2;
	if (!(f->fname[f->nfn] = strdup(s)))
		return -1;
	f->kind[f->nfn] = k;
	f->frgb[f->nfn] = k == 1 ? GREY_LIGHT : k == 2 ? GREY_TEXT : chan_rgb[nch];
	return f->nfn++;
}

/* Legend and stacking order: channels as they first appear, then BREAK,
 * IDLE; grid values are renumbered to match. */
static void order_functions(struct funcs *f)
{
	int map[NFN], n = 0;
	char *name[NFN];
	uint32_t rgb[NFN];
	int kind[NFN];
	for (int pass = 0; pass < 3; pass++)
		for (int k = 0; k < f->nfn; k++)
			if (f->kind[k] == pass) {
				map[k] = n;
				name[n] = f->fname[k];
				rgb[n] = f->frgb[k];
				kind[n++] = pass;
			}
	for (int k = 0; k < n; k++) {
		f->fname[k] = name[k];
		f->frgb[k] = rgb[k];
		f->kind[k] = kind[k];
	}
	for (size_t i = 0; i < f->n; i++)
		f->cell[i].fn = map[f->cell[i].fn];
}

/* Index of agent id, adding it when new; -1 when out of memory. */
static long agent_of(struct funcs *f, const char *id, const char *name)
{
	long a = wfm_strmap_get(&f->ids, id);
	struct agent *g;

	if (a >= 0)
		return a;
	if (WFM_GROW(f->a, f->acap, f->na + 1))
		return -1;
	g = &f->a[f->na];
	*g = (struct agent){ strdup(id), strdup(name), INT64_MAX };
	if (!g->id || !g->name || wfm_strmap_add(&f->ids, g->id, f->na) < 0) {
		WFM_FREE(g->id, g->name);
		return -1;
	}
	return (long)f->na++;
}

/* Row order: agents by their first interval, then id. */
static int before(const void *ctx, size_t x, size_t y)
{
	const struct funcs *f = ctx;
	const struct agent *a = &f->a[x], *b = &f->a[y];
	int c;

	return ((c = WFM_CMP(a->first, b->first)) ? c : strcmp(a->id, b->id)) < 0;
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);

/* One row of functions.csv into f (rows on days not wanted skipped):
 * 0, or -1 with err set. */
static int add_row(struct wfm_chart *c, struct funcs *f, const wfm_functions_reader *r,
		   const struct wfm_functions_row *row, wfm_error *err)
{
	struct cell w = { row->t, 0, 0 };
	long a;

	if (!chart_day_wanted(c, chart_local(c->opts.tz, w.t) / 86400))
		return 0;
	if ((w.fn = function_of(f, row->function)) < 0)
		return w.fn == -1 ? wfm_error_set(err, "out of memory")
			: wfm_error_at(err, wfm_functions_file(r), row->line, "function",
				       "\"%s\": more than %d functions (besides BREAK and IDLE) "
				       "cannot be told apart by colour", row->function, NCHAN_MAX);
	if ((a = agent_of(f, row->agent_id, row->name)) < 0)
		return wfm_error_set(err, "out of memory");
	w.agent = (size_t)a;
	if (w.t < f->a[a].first)
		f->a[a].first = w.t;
	if (WFM_GROW(f->cell, f->cap, f->n + 1))
		return wfm_error_set(err, "out of memory");
	f->cell[f->n++] = w;
	return 0;
}

/* Every row of functions.csv (through its owner, lib/functions_io.c) on
 * the days wanted into f. */
static int read_cells(struct wfm_chart *c, struct funcs *f, const char *in, wfm_error *err)
{
	wfm_functions_reader *r = wfm_functions_open(in, err);
	struct wfm_functions_row row;
	int rc = 0;
	char days[40];

	if (!r)
		return -1;
	while ((rc = wfm_functions_next(r, c->opts.tz, &row, err)) == 1)
		if ((rc = add_row(c, f, r, &row, err)) < 0)
			break;
	chart_days_text(c, days, sizeof(days));
	if (rc == 0 && f->n == 0)
		rc = c->opts.has_days ? wfm_error_at(err, wfm_functions_file(r), 0, NULL, "no rows on %s", days)
				  : wfm_error_at(err, wfm_functions_file(r), 1, NULL, "no data rows");
	wfm_functions_close(r);
	return rc < 0 ? -1 : 0;
}

/* The span and the interval (the smallest gap between distinct
 * timestamps); at most 31 days of 15-min intervals. */
static int find_step(struct funcs *f, const char *in, wfm_error *err)
{
	f->step = 3600;
	for (size_t i = 0; i < f->n; i++) {
		int64_t t = f->cell[i].t;
		chart_widen(&f->t0, &f->t1, t, i);
		if (i && t != f->cell[i - 1].t) {
			int64_t d = t > f->cell[i - 1].t ? t - f->cell[i - 1].t : f->cell[i - 1].t - t;
			if (d < f->step)
				f->step = (int)d;
		}
	}
	if (f->step < 300 || (f->t1 - f->t0) / f->step > 31 * 96)
		return wfm_error_at(err, in, 0, "timestamp", "%zu intervals of %d min: too many to chart "
				    "(pick a day with --date)", (size_t)((f->t1 - f->t0) / f->step + 1), f->step / 60);
	f->t1 += f->step;
	f->nslots = (size_t)((f->t1 - f->t0) / f->step);
	return 0;
}

/* Agents in row order, and the grid of functions by row and interval. */
static int build_grid(struct funcs *f, wfm_error *err)
{
	size_t *row;

	if (!(f->order = chart_order(f->na, before, f)) || !(f->grid = calloc(f->na * f->nslots, 1)) ||
	    !(row = malloc(f->na * sizeof(*row))))
		return wfm_error_set(err, "out of memory");
	for (size_t i = 0; i < f->na; i++)
		row[f->order[i]] = i;
	for (size_t i = 0; i < f->n; i++) {
		size_t s = (size_t)((f->cell[i].t - f->t0) / f->step);
		f->grid[row[f->cell[i].agent] * f->nslots + s] = (unsigned char)(f->cell[i].fn + 1);
	}
	free(row);
	return 0;
}

static int load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	struct funcs *f = c->data;
	char a[32], b[32];
	double need;

	if (read_cells(c, f, in, err))
		return -1;
	order_functions(f);
	if (find_step(f, in, err) || build_grid(f, err))
		return -1;
	snprintf(c->title, sizeof(c->title), "Functions per agent and interval");
	wfm_time_format(f->t0, c->opts.tz, a, sizeof(a));
	wfm_time_format(f->t1 - f->step, c->opts.tz, b, sizeof(b));
	snprintf(c->subtitle + strlen(c->subtitle), sizeof(c->subtitle) - strlen(c->subtitle),
		 "  -  %zu agents, %s to %s, %d-min intervals", f->na, a, b, f->step / 60);
	/* Rows of at least 16 px (12 past 250 agents): the canvas grows, a
	 * PDF is paged instead (16-px rows to an A4 page). */
	need = 44 + 90 + 30 + 230 + (double)f->na * (f->na <= 250 ? 16 : 12);
	if (need > c->height)
		c->height = need > 32000 ? 32000 : (int)need;
	c->nrows = f->na;
	c->page_rows = c->page_height > 44 + 90 + 30 + 230 + 16 ?
		       (size_t)(c->page_height - 44 - 90 - 30 - 230) / 16 : 1;
	c->draw = draw;
	return 0;
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	const struct funcs *f = c->data;
	double top = chart_header(c, cr), maxw = 0, rh, fs, cw;
	struct rect p, q;
	int64_t l0 = chart_local(c->opts.tz, f->t0), l1 = chart_local(c->opts.tz, f->t1);
	struct legend_item it[NFN];
	size_t (*count)[NFN] = calloc(f->nslots, sizeof(*count));
	size_t peak = 1;
	char buf[32];

	if (!count)
		return;
	for (int k = 0; k < f->nfn; k++)
		it[k] = (struct legend_item){ f->fname[k], f->frgb[k], 1, f->kind[k] == 2 ? LEG_HATCH : LEG_BOX };
	chart_legend(cr, c->width / 2.0, pg->height - 22, it, f->nfn);
	rh = (pg->height - 44 - top - 30 - 230) / (double)pg->slots;
	fs = fmin(FONT_SMALL, rh * 0.72);
	for (size_t i = 0; i < f->na; i++) {
		double w = chart_text_width(cr, f->a[i].name, fs, 0) + chart_text_width(cr, f->a[i].id, fs, 1);
		maxw = fmax(maxw, w);
	}
	p.x = 40 + fmin(maxw + 16, 340);
	p.y = top + 10;
	p.w = c->width - p.x - 40;
	p.h = rh * (double)pg->count;
	cw = p.w / (double)f->nslots;
	/* Totals count every agent, whatever page this is. */
	for (size_t k = 0; k < f->na; k++)
		for (size_t s = 0; s < f->nslots; s++)
			if (f->grid[k * f->nslots + s])
				count[s][f->grid[k * f->nslots + s] - 1]++;
	for (size_t k = pg->first; k < pg->first + pg->count; k++) {
		const struct agent *a = &f->a[f->order[k]];
		double y = p.y + rh * (double)(k - pg->first), w;
		if (k % 2) {
			chart_rgb(cr, 0xF2F2F2, 1);
			cairo_rectangle(cr, 40, y, p.x - 40, rh);
			cairo_fill(cr);
		}
		for (size_t s = 0; s < f->nslots; s++) {
			int v = f->grid[k * f->nslots + s];
			if (!v)
				continue;
			if (f->kind[v - 1] == 2) {
				chart_hatch(cr, p.x + (double)s * cw, y + 0.5, cw, rh - 1, GREY_LIGHT);
				continue;
			}
			chart_rgb(cr, f->frgb[v - 1], 1);
			cairo_rectangle(cr, p.x + (double)s * cw, y + 0.5, cw, rh - 1);
			cairo_fill(cr);
		}
		if (rh >= 7) {
			chart_rgb(cr, OI_BLACK, 1);
			w = chart_text(cr, 40, y + rh / 2, a->id, fs, 1, 0, 0.5);
			chart_rgb(cr, GREY_TEXT, 1);
			cairo_save(cr);
			cairo_rectangle(cr, 40, y, p.x - 48, rh);
			cairo_clip(cr);
			chart_text(cr, 40 + w + 6, y + rh / 2, a->name, fs, 0, 0, 0.5);
			cairo_restore(cr);
		}
	}
	chart_time_axis(cr, &p, l0, l1, 1);
	/* Totals: stacked bars per interval under the heatmap. */
	q.x = p.x;
	q.w = p.w;
	q.y = p.y + p.h + 70;
	q.h = 130;
	for (size_t s = 0; s < f->nslots; s++) {
		size_t t = 0;
		for (int k = 0; k < f->nfn; k++)     /* breaks and idle are not drawn */
			t += f->kind[k] ? 0 : count[s][k];
		if (t > peak)
			peak = t;
	}
	{
		double hi = chart_nice_max((double)peak * 1.15);
		chart_value_axis(cr, &q, 0, hi, 0);
		for (size_t s = 0; s < f->nslots; s++) {
			double y = q.y + q.h, x = q.x + (double)s * cw;
			size_t work = 0;
			for (int k = 0; k < f->nfn && !f->kind[k]; k++) {
				double h = q.h * (double)count[s][k] / hi;
				chart_rgb(cr, f->frgb[k], 1);
				cairo_rectangle(cr, x + 1, y - h, cw - 2, h);
				cairo_fill(cr);
				y -= h;
				work += count[s][k];
			}
			snprintf(buf, sizeof(buf), "%zu", work);
			if (work && chart_text_width(cr, buf, 11, 0) + 2 <= cw) {
				chart_rgb(cr, OI_BLACK, 1);
				chart_text(cr, x + cw / 2, y - 4, buf, 11, 0, 0.5, 1);
			}
		}
		chart_time_axis(cr, &q, l0, l1, 1);
		chart_panel_title(cr, &q, "agents working per function",
				  "bar height and number: agents working (on break or idle: not counted)");
	}
	free(count);
}

const struct chart_kind chart_functions = { sizeof(struct funcs), load, release };
