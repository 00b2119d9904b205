/* chart_roster.c - Gantt of agents' shifts for a day or a week, as on a
 * wall schedule: a row per agent sorted by start, bars coloured by start
 * time, breaks hollow, hours labelled, shift length written in the bar.
 * Input: roster.csv `date,agent_id,name,start,end,break_start,break_end[,shift]`
 * (HH:MM; an end at or before the start is on the next day) and --plan's
 * plan.csv, both read by their owner lib/plan.c.  Entry point:
 * chart_roster_load() (chart_int.h), which sets the draw function. */
#include "chart_int.h"
#include "mem.h"
#include "plan.h"
#include "strmap.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Row height in px below which the chart grows taller: 16 px (13 px
 * names) up to 250 agents, then 12 px, which keeps a 1,000-agent week
 * PNG near 13,000 px tall (PNG encoding dominates: ~50 ns a pixel). */
#define ROW_MIN(n) ((n) <= 250 ? 16 : 12)
#define HEIGHT_MAX 32000
/* PNG and SVG of thousands of agents (a wall chart): the canvas keeps
 * under this many pixels (64 MB of RGB24 at 4 bytes each; the 5,000-agent
 * roster took 223 MB at 1684 x 32,000).  Past it, agents whose shifts in
 * the view are all the same share one row ("42 x"), and if the rows still
 * do not fit they thin below ROW_MIN.  A PDF is paged and keeps every
 * agent's row. */
#define PIXELS_MAX 16000000L

/* start..bend: wall clock, for drawing; span, paid: elapsed minutes (lib/plan.h) */
struct shift { int64_t day; size_t agent; int start, end, bstart, bend, sname, span, paid; };
/* An unfilled group of the plan: (date, start, end, shift) planned count
 * minus rostered count, drawn hatched in lane rows under the agents. */
struct ghost { int64_t day; int start, end, sname, planned, rostered, lane; long paid_plan, paid_rost; };
/* id and name point into ro; same: agents in the row (merged rows) */
struct agent { const char *id, *name; int key; size_t same; };
struct roster {
	wfm_plan *ro;           /* roster.csv as read by lib/plan.c */
	struct shift *s; size_t n, cap;
	struct agent *a; size_t na, acap;
	wfm_strmap ids;         /* agent id -> index in a */
	size_t *order;          /* rows: agent indexes sorted by first start */
	int64_t day0; int ndays;
	int lo, hi;             /* day view: minutes shown */
	int spill;              /* week view: minutes shown after the last day */
	char *sname[32]; int nsname;  /* shift names ("day", "night", ...) */
	struct ghost *g; size_t ng, gcap;
	size_t nlanes;          /* rows of unfilled bars under the agents */
	long unfilled; double unfilled_h;
	size_t nagents, nshifts;  /* before rows were merged */
	double label_w, label_fs;  /* label_width() of the last font size, cached: a PDF asks per page */
};

static void release(void *p)
{
	struct roster *r = p;

	wfm_plan_free(r->ro);
	wfm_strmap_free(&r->ids);
	for (int k = 0; k < r->nsname; k++)
		free(r->sname[k]);
	WFM_FREE(r->a, r->s, r->g, r->order);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);

/* Index of a shift name; -1 for none (no shift column), -2 out of memory
 * or too many names. */
static int shift_name(struct roster *r, const char *name, int have)
{
	if (!have)
		return -1;
	for (int k = 0; k < r->nsname; k++)
		if (!strcmp(r->sname[k], name))
			return k;
	if (r->nsname == 32 || !(r->sname[r->nsname] = strdup(name)))
		return -2;
	return r->nsname++;
}

/* Row order: agents by key, then id. */
static int before(const void *ctx, size_t x, size_t y)
{
	const struct roster *r = ctx;
	const struct agent *a = &r->a[x], *b = &r->a[y];
	int c;

	return ((c = WFM_CMP(a->key, b->key)) ? c : strcmp(a->id, b->id)) < 0;
}

/* Week view: sort agents by their usual start, the most frequent start
 * time of day over the week (ties: the earliest), so a row reads as one
 * kind of shift. */
static int week_keys(struct roster *r)
{
	size_t *first = malloc((r->na + 1) * sizeof(*first)), *by = malloc(r->n * sizeof(*by));
	if (!first || !by) {
		free(first);
		free(by);
		return -1;
	}
	memset(first, 0, (r->na + 1) * sizeof(*first));
	for (size_t i = 0; i < r->n; i++)
		first[r->s[i].agent + 1]++;
	for (size_t a = 0; a < r->na; a++)
		first[a + 1] += first[a];
	for (size_t i = 0; i < r->n; i++)
		by[first[r->s[i].agent]++] = i;
	/* first[a] is now the end of agent a's run; its start is first[a-1]. */
	for (size_t a = 0, lo = 0; a < r->na; lo = first[a], a++) {
		int best = -1, bestn = 0;
		for (size_t i = lo; i < first[a]; i++) {
			int st = r->s[by[i]].start % 1440, n = 0;
			for (size_t j = lo; j < first[a]; j++)
				n += r->s[by[j]].start % 1440 == st;
			if (n > bestn || (n == bestn && st < best)) {
				best = st;
				bestn = n;
			}
		}
		r->a[a].key = best;
	}
	free(first);
	free(by);
	return 0;
}

/* -1, 0 or 1 as the keys a[] and b[] compare in order (the first that
 * differs decides): the sort orders of shifts and unfilled groups. */
static int cmp_keys(const int64_t *a, const int64_t *b, int n)
{
	for (int k = 0; k < n; k++)
		if (a[k] != b[k])
			return a[k] < b[k] ? -1 : 1;
	return 0;
}

/* by day, start, end, shift name */
static int cmp_ghost(const void *x, const void *y)
{
	const struct ghost *a = x, *b = y;
	const int64_t ka[] = { a->day, a->start, a->end, a->sname }, kb[] = { b->day, b->start, b->end, b->sname };

	return cmp_keys(ka, kb, 4);
}

/* Add one plan row to the group of its (date, start, end, shift). */
static int add_ghost(struct roster *r, const struct wfm_shift *p, int sname)
{
	struct ghost g = { 0 };
	size_t i;
	g.day = p->day;
	g.start = p->start;
	g.end = p->end;
	g.sname = sname;
	for (i = 0; i < r->ng && cmp_ghost(&r->g[i], &g); i++)
		;
	if (i == r->ng) {
		if (r->ng == r->gcap) {
			struct ghost *ng = realloc(r->g, (r->gcap = r->gcap ? 2 * r->gcap : 64) * sizeof(*ng));
			if (!ng)
				return -1;
			r->g = ng;
		}
		r->g[r->ng++] = g;
	}
	r->g[i].planned += (int)p->count;
	r->g[i].paid_plan += p->count * wfm_shift_paid(p);
	return 0;
}

/* Subtract the rostered shifts from their groups, keep the groups with
 * some left (unfilled) and pack them into lanes, first fit in time order:
 * bars that do not overlap share a row. */
static int unfilled_lanes(struct roster *r, int64_t d0)
{
	size_t keep = 0;
	int *lane_end;
	for (size_t k = 0; k < r->n; k++) {
		const struct shift *s = &r->s[k];
		for (size_t i = 0; i < r->ng; i++) {
			struct ghost *g = &r->g[i];
			if (g->day == s->day && g->start == s->start && g->end == s->end &&
			    (g->sname == -1 || g->sname == s->sname) && g->rostered < g->planned) {
				g->rostered++;
				g->paid_rost += s->paid;
				break;
			}
		}
	}
	for (size_t i = 0; i < r->ng; i++)
		if (r->g[i].planned > r->g[i].rostered) {
			struct ghost *g = &r->g[i];
			r->unfilled += g->planned - g->rostered;
			r->unfilled_h += (double)(g->paid_plan > g->paid_rost ? g->paid_plan - g->paid_rost : 0) / 60;
			r->g[keep++] = *g;
		}
	r->ng = keep;
	qsort(r->g, r->ng, sizeof(*r->g), cmp_ghost);
	if (r->ng && !(lane_end = malloc(r->ng * sizeof(*lane_end))))
		return -1;
	for (size_t i = 0; i < r->ng; i++) {
		struct ghost *g = &r->g[i];
		int a = (int)(g->day - d0) * 1440 + g->start;
		size_t l = 0;
		while (l < r->nlanes && lane_end[l] > a)
			l++;
		if (l == r->nlanes)
			r->nlanes++;
		lane_end[l] = (int)(g->day - d0) * 1440 + g->end;
		g->lane = (int)l;
	}
	if (r->ng)
		free(lane_end);
	return 0;
}

/* --plan: group the plan's shifts by (date, start, end, shift) for the
 * days [d0, d1] (the shift only when the roster names shifts), then
 * unfilled_lanes().  plan.csv is read by lib/plan.c. */
static int load_plan(struct roster *r, const char *path, const wfm_tz *c_tz, int64_t d0, int64_t d1, int roster_has_shift,
		     wfm_error *err)
{
	wfm_plan *p = wfm_plan_load(path, c_tz, err);
	int rc = 0;
	if (!p)
		return -1;
	for (size_t k = 0; k < p->n && !rc; k++) {
		const struct wfm_shift *s = &p->s[k];
		int sname;
		if (s->day < d0 || s->day > d1 || s->count == 0)
			continue;
		if ((sname = shift_name(r, s->name, roster_has_shift)) < -1)
			rc = wfm_error_at(err, p->file, s->line, "shift", "more than 32 shift names");
		else if (add_ghost(r, s, sname))
			rc = wfm_error_set(err, "out of memory");
	}
	wfm_plan_free(p);
	if (!rc && unfilled_lanes(r, d0))
		rc = wfm_error_set(err, "out of memory");
	return rc;
}

/* Tallest PNG or SVG canvas: PIXELS_MAX at the chart's width, at most
 * HEIGHT_MAX, and never below the requested height. */
static int height_max(const struct wfm_chart *c)
{
	long h = PIXELS_MAX / (c->width > 0 ? c->width : 1);
	if (h > HEIGHT_MAX)
		h = HEIGHT_MAX;
	return h < c->height ? c->height : (int)h;
}

/* by agent, day, start, end, break start */
static int cmp_shift(const void *x, const void *y)
{
	const struct shift *a = x, *b = y;
	const int64_t ka[] = { (int64_t)a->agent, a->day, a->start, a->end, a->bstart },
		      kb[] = { (int64_t)b->agent, b->day, b->start, b->end, b->bstart };

	return cmp_keys(ka, kb, 5);
}

/* Each agent's shifts as a string "day,start,end,bstart,bend;..." (s
 * sorted by agent, day and times), the key of the merge's hash. */
static char **signatures(const struct roster *r)
{
	char **sig = calloc(r->na + 1, sizeof(*sig));
	size_t i = 0;
	if (!sig)
		return NULL;
	for (size_t a = 0; a < r->na; a++) {
		size_t k = i, len = 1, at = 0;
		for (; k < r->n && r->s[k].agent == a; k++)
			len += 64;
		if (!(sig[a] = malloc(len)))
			return sig;   /* the caller sees the NULL */
		sig[a][0] = 0;
		for (; i < k; i++) {
			const struct shift *x = &r->s[i];
			at += (size_t)snprintf(sig[a] + at, len - at, "%lld,%d,%d,%d,%d;", (long long)x->day,
					       x->start, x->end, x->bstart, x->bend);
		}
	}
	return sig;
}

/* Agents with the same shifts in the view become one row: the first of
 * them (in file order) keeps its shifts and counts the others in `same`;
 * the others' shifts go.  Only when the rows would not fit the canvas. */
static int merge_rows(struct roster *r)
{
	wfm_strmap by = { 0 };
	size_t *to = malloc((r->na + 1) * sizeof(*to)), keep = 0, ns = 0;
	char **sig;
	int rc = 0;
	if (!to)
		return -1;
	qsort(r->s, r->n, sizeof(*r->s), cmp_shift);
	if (!(sig = signatures(r))) {
		free(to);
		return -1;
	}
	for (size_t a = 0; a < r->na && !rc; a++) {   /* to[a]: the row's first agent */
		long g = sig[a] ? wfm_strmap_add(&by, sig[a], a) : -1;
		if (g < 0)
			rc = -1;
		else
			to[a] = (size_t)g;
	}
	for (size_t a = 0; a < r->na && !rc; a++) {   /* then: its new index, or -1 */
		size_t g = to[a];
		if (g == a) {
			to[a] = keep;
			r->a[keep] = r->a[a];
			r->a[keep++].same = 1;
		} else {
			to[a] = (size_t)-1;
			r->a[to[g]].same++;
		}
	}
	for (size_t a = 0; a < r->na; a++)
		free(sig[a]);
	free(sig);
	wfm_strmap_free(&by);
	if (!rc)
		wfm_strmap_free(&r->ids);   /* its indexes are stale now */
	if (rc) {
		free(to);
		return -1;
	}
	for (size_t i = 0; i < r->n; i++)
		if (to[r->s[i].agent] != (size_t)-1) {
			r->s[ns] = r->s[i];
			r->s[ns++].agent = to[r->s[i].agent];
		}
	r->n = ns;
	r->na = keep;
	free(to);
	return 0;
}

/* Index of the agent of roster row x, added when new; -1 out of memory. */
static long agent_of(struct roster *r, const struct wfm_shift *x)
{
	long a = wfm_strmap_get(&r->ids, x->agent);
	if (a >= 0)
		return a;
	if (r->na == r->acap) {
		struct agent *na = realloc(r->a, (r->acap = r->acap ? 2 * r->acap : 128) * sizeof(*na));
		if (!na)
			return -1;
		r->a = na;
	}
	r->a[r->na] = (struct agent){ x->agent, x->agent_name, -1, 1 };
	if (wfm_strmap_add(&r->ids, x->agent, r->na) < 0)
		return -1;
	return (long)r->na++;
}

/* The roster's shifts on the days asked for (all without day options);
 * roster.csv is read and checked by lib/plan.c, as for wfm roster
 * --previous.  *has_shift: some row names its shift. */
static int load_shifts(struct wfm_chart *c, struct roster *r, const char *in, int64_t *dmax,
		       int *has_shift, wfm_error *err)
{
	char days[40];
	if (!(r->ro = wfm_roster_load(in, c->opts.tz, err)))
		return -1;
	*has_shift = 0;
	for (size_t i = 0; i < r->ro->n; i++)
		*has_shift |= *r->ro->s[i].name != 0;
	if (!(r->s = malloc((r->ro->n + 1) * sizeof(*r->s))))
		return wfm_error_set(err, "out of memory");
	for (size_t i = 0; i < r->ro->n; i++) {
		const struct wfm_shift *x = &r->ro->s[i];
		struct shift s = { x->day, 0, x->start, x->end, x->bstart, x->bend, -1, wfm_shift_span(x), wfm_shift_paid(x) };
		long a;
		if (!chart_day_wanted(c, x->day))
			continue;
		if (c->opts.plan && (s.sname = shift_name(r, x->name, *has_shift)) < -1)
			return wfm_error_at(err, r->ro->file, x->line, "shift", "more than 32 shift names");
		if ((a = agent_of(r, x)) < 0)
			return wfm_error_set(err, "out of memory");
		s.agent = (size_t)a;
		if (r->n == 0 || s.day < r->day0)
			r->day0 = s.day;
		if (r->n == 0 || s.day > *dmax)
			*dmax = s.day;
		r->s[r->n++] = s;
	}
	chart_days_text(c, days, sizeof(days));
	if (r->n == 0)
		return wfm_error_at(err, r->ro->file, 0, NULL, "no shifts on %s", days);
	r->ndays = (int)(*dmax - r->day0 + 1);
	if (r->ndays > 31)
		return wfm_error_at(err, in, 0, "date", "%d days from first to last shift: chart at most 31 "
				    "(pick a day with --date)", r->ndays);
	return 0;
}

/* Sort key: each agent's first start (minutes from the first day), or in
 * a week its usual start; the day view's hours lo..hi. */
static int set_keys(struct roster *r)
{
	r->lo = 24 * 60;
	r->hi = 0;
	for (size_t i = 0; i < r->n; i++) {
		struct shift *s = &r->s[i];
		struct agent *a = &r->a[s->agent];
		int key = (int)(s->day - r->day0) * 1440 + s->start;
		if (a->key < 0 || key < a->key)
			a->key = key;
		if (s->start < r->lo)
			r->lo = s->start;
		if (s->end > r->hi)
			r->hi = s->end;
	}
	return r->ndays > 1 ? week_keys(r) : 0;
}

/* Shifts of the last day that end after midnight: the week view runs on
 * to their end rather than cutting them off.  Unfilled bars widen lo..hi. */
static void set_spill(struct roster *r, int64_t dmax)
{
	r->spill = 0;
	for (size_t i = 0; i < r->n; i++) {
		int past = (int)(r->s[i].day - dmax) * 1440 + r->s[i].end - 1440;
		if (past > r->spill)
			r->spill = past;
	}
	for (size_t i = 0; i < r->ng; i++) {
		int past = (int)(r->g[i].day - dmax) * 1440 + r->g[i].end - 1440;
		if (past > r->spill)
			r->spill = past;
		if (r->g[i].start < r->lo)
			r->lo = r->g[i].start;
		if (r->g[i].end > r->hi)
			r->hi = r->g[i].end;
	}
	r->spill = (r->spill + 59) / 60 * 60;
	r->lo = r->lo / 60 * 60;
	r->hi = (r->hi + 59) / 60 * 60;
}

static void set_titles(struct wfm_chart *c, const struct roster *r, int64_t dmax)
{
	char d0[16], d1[16], unf[96] = "";
	wfm_time_format_date(r->day0, d0, sizeof(d0));
	wfm_time_format_date(dmax, d1, sizeof(d1));
	if (r->ndays == 1)
		snprintf(c->title, sizeof(c->title), "Roster %s %s", chart_wday(wfm_time_weekday(r->day0)), d0);
	else
		snprintf(c->title, sizeof(c->title), "Roster %s to %s", d0, d1);
	if (c->opts.plan)
		snprintf(unf, sizeof(unf), ", %ld unfilled (%.1f h overtime)", r->unfilled, r->unfilled_h);
	snprintf(c->subtitle + strlen(c->subtitle), sizeof(c->subtitle) - strlen(c->subtitle),
		 "  -  %zu agents, %zu shifts%s; rows sorted by start, colour = start time, "
		 "hollow = break%s%s", r->nagents, r->nshifts, unf, r->ng ? ", hatched = unfilled" : "",
		 r->na < r->nagents ? "; N x = N agents with the same shifts" : "");
}

/* Grow the canvas so every row keeps ROW_MIN pixels (PNG and SVG up to
 * height_max()); a PDF is paged instead, 16-px rows to an A4 page. */
static void size_canvas(struct wfm_chart *c, const struct roster *r)
{
	size_t rows = r->na + r->nlanes;
	double need = 90 + 44 + 60 + (double)rows * ROW_MIN(rows);
	int hmax = c->opts.format == WFM_CHART_PDF ? HEIGHT_MAX : height_max(c);
	if (need > c->height)
		c->height = need > hmax ? hmax : (int)need;
	c->nrows = rows;
	c->page_rows = c->page_height > 90 + 44 + 60 + 16 ? (size_t)(c->page_height - 90 - 44 - 60) / 16 : 1;
}

static int load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	struct roster *r = c->data;
	int64_t dmax = 0;
	int has_shift;

	if (load_shifts(c, r, in, &dmax, &has_shift, err))
		return -1;
	if (set_keys(r))
		return wfm_error_set(err, "out of memory");
	if (c->opts.plan && load_plan(r, c->opts.plan, c->opts.tz, r->day0, dmax, has_shift, err))
		return -1;
	set_spill(r, dmax);
	r->nagents = r->na;
	r->nshifts = r->n;
	if (c->opts.format != WFM_CHART_PDF &&
	    194 + (double)(r->na + r->nlanes) * ROW_MIN(r->na + r->nlanes) > height_max(c) && merge_rows(r))
		return wfm_error_set(err, "out of memory");
	if (!(r->order = chart_order(r->na, before, r)))
		return wfm_error_set(err, "out of memory");
	set_titles(c, r, dmax);
	size_canvas(c, r);
	r->label_w = r->label_fs = -1;
	c->draw = draw;
	return 0;
}

static const struct { int from; uint32_t rgb; const char *label; } bands[] = {
	{ 0, OI_BLACK, "night" }, { 360, OI_SKY, "06-08" }, { 480, OI_GREEN, "08-10" },
	{ 600, OI_YELLOW, "10-12" }, { 720, OI_ORANGE, "12-14" }, { 840, OI_VERMILLION, "14-17" },
	{ 1020, OI_PURPLE, "17-22" }, { 1320, OI_BLACK, "night" },
};
#define NBANDS 8

static int band_of(int start)
{
	int b = 0;
	start %= 1440;
	for (int k = 0; k < NBANDS; k++)
		if (start >= bands[k].from)
			b = k;
	return b;
}

static int dark_band(int b)
{
	uint32_t c = bands[b].rgb;
	return c == OI_BLACK || c == OI_BLUE || c == OI_GREEN || c == OI_VERMILLION || c == OI_PURPLE;
}

/* Where the rows go: the plot rect, row height and font, the time span. */
struct geom {
	struct rect p;
	double rh, fs;
	int week;
	int64_t span, org;      /* minutes shown, and the first (day view) */
	size_t *row;            /* agent -> its row */
};

/* Zebra rows, ids and names (merged rows: "N x" and the first agent). */
static void draw_rows(const struct roster *r, cairo_t *cr, const struct chart_page *pg, const struct geom *q)
{
	char buf[64];
	for (size_t k = 0; k < pg->count; k++) {
		size_t idx = pg->first + k;
		const struct agent *a = idx < r->na ? &r->a[r->order[idx]] : NULL;
		double y = q->p.y + q->rh * (double)k;
		if (k % 2) {
			chart_rgb(cr, 0xF2F2F2, 1);
			cairo_rectangle(cr, 40, y, q->p.x + q->p.w - 40, q->rh);
			cairo_fill(cr);
		}
		if (!a) {          /* unfilled lanes: a rule above the first */
			if (idx == r->na) {
				chart_rgb(cr, OI_BLACK, 1);
				cairo_set_line_width(cr, 2);
				cairo_move_to(cr, 40, y);
				cairo_line_to(cr, q->p.x + q->p.w, y);
				cairo_stroke(cr);
				if (q->rh >= 7)
					chart_text(cr, 40, y + q->rh / 2, "unfilled", q->fs, 1, 0, 0.5);
			}
			continue;
		}
		if (q->rh >= 7) {
			double w;
			chart_rgb(cr, OI_BLACK, 1);
			char who[160];
			if (a->same > 1)
				snprintf(buf, sizeof(buf), "%zu x", a->same);
			snprintf(who, sizeof(who), a->same > 1 ? "%s %s ..." : "%.0s%s", a->id, a->name);
			w = chart_text(cr, 40, y + q->rh / 2, a->same > 1 ? buf : a->id, q->fs, 1, 0, 0.5);
			chart_rgb(cr, GREY_TEXT, 1);
			cairo_save(cr);
			cairo_rectangle(cr, 40, y, q->p.x - 48, q->rh);
			cairo_clip(cr);
			chart_text(cr, 40 + w + 6, y + q->rh / 2, who, q->fs, 0, 0, 0.5);
			cairo_restore(cr);
		}
	}
}

/* Hour grid with labels at top and bottom; day names in a week. */
static void draw_grid(const struct roster *r, cairo_t *cr, const struct geom *q)
{
	char buf[64];
	{
		double px = q->p.w / (double)q->span;
		int step = q->week ? 360 : 60;
		while (step * px < 34)
			step *= 2;
		for (int64_t m = 0; m <= q->span; m += step) {
			int64_t abs = q->org + m;
			double x = floor(q->p.x + (double)m * px) + 0.5;
			int midnight = abs % 1440 == 0;
			chart_rgb(cr, midnight ? 0x888888 : GREY_GRID, 1);
			cairo_set_line_width(cr, midnight && q->week ? 2 : 1);
			cairo_move_to(cr, x, q->p.y - 4);
			cairo_line_to(cr, x, q->p.y + q->p.h + 4);
			cairo_stroke(cr);
			snprintf(buf, sizeof(buf), "%02d", (int)(abs % 1440 / 60));
			if (!q->week || !midnight) {
				int old = chart_box_role(cr, CHART_BOX_TIME);
				chart_rgb(cr, GREY_TEXT, 1);
				chart_text(cr, x, q->p.y - 10, buf, FONT_SMALL, 0, 0.5, 1);
				chart_text(cr, x, q->p.y + q->p.h + 8, buf, FONT_SMALL, 0, 0.5, 0);
				chart_box_role(cr, old);
			}
		}
		if (q->week)
			for (int d = 0; d < r->ndays; d++) {
				int y, mo, dd;
				wfm_time_civil_from_days(r->day0 + d, &y, &mo, &dd);
				snprintf(buf, sizeof(buf), "%s %02d.%02d", chart_wday(wfm_time_weekday(r->day0 + d)), dd, mo);
				int old = chart_box_role(cr, CHART_BOX_TIME);
				chart_rgb(cr, OI_BLACK, 1);
				chart_text(cr, q->p.x + (d + 0.5) * 1440 * px, q->p.y - 30, buf, FONT_BODY, 1, 0.5, 1);
				chart_box_role(cr, old);
			}
	}
}

/* Shift bars coloured by start, breaks hollow, the length written in. */
static void draw_bars(const struct roster *r, cairo_t *cr, const struct chart_page *pg, const struct geom *q)
{
	char buf[64];
	{
		double px = q->p.w / (double)q->span, bh = fmax(1, q->rh * 0.74), lfs = fmin(FONT_SMALL, bh * 0.8);
		for (size_t i = 0; i < r->n; i++) {
			const struct shift *s = &r->s[i];
			int b = band_of(s->start);
			int64_t base = q->week ? (s->day - r->day0) * 1440 : 0;
			double y = q->p.y + q->rh * ((double)q->row[s->agent] - (double)pg->first) + (q->rh - bh) / 2;
			double x0 = q->p.x + (double)(base + s->start - q->org) * px;
			double x1 = q->p.x + (double)(base + s->end - q->org) * px;
			int len = s->span;
			if (q->row[s->agent] < pg->first || q->row[s->agent] >= pg->first + pg->count)
				continue;
			if (x1 > q->p.x + q->p.w)
				x1 = q->p.x + q->p.w;
			chart_rgb(cr, bands[b].rgb, 1);
			cairo_rectangle(cr, x0, y, x1 - x0, bh);
			cairo_fill(cr);
			if (s->bstart >= 0) {
				double b0 = q->p.x + (double)(base + s->bstart - q->org) * px;
				double b1 = q->p.x + (double)(base + s->bend - q->org) * px;
				chart_rgb(cr, 0xFFFFFF, 1);
				cairo_rectangle(cr, b0, y + 2, fmax(1, b1 - b0), bh - 4);
				cairo_fill(cr);
			}
			if (bh < 8)
				continue;
			if (len % 60)
				snprintf(buf, sizeof(buf), "%dh%02d", len / 60, len % 60);
			else
				snprintf(buf, sizeof(buf), "%dh", len / 60);
			const char *lab = buf;
			char full[96];
			if (!q->week) {
				snprintf(full, sizeof(full), "%02d:%02d-%02d:%02d  %s", s->start / 60 % 24,
					 s->start % 60, s->end / 60 % 24, s->end % 60, buf);
				double room = s->bstart >= 0 ? q->p.x + (double)(s->bstart - q->org) * px - x0 : x1 - x0;
				if (chart_text_width(cr, full, lfs, 0) + 8 <= room)
					lab = full;
			}
			if (chart_text_width(cr, lab, lfs, 0) + 4 > x1 - x0)
				continue;
			chart_rgb(cr, dark_band(b) ? 0xFFFFFF : OI_BLACK, 1);
			chart_text(cr, x0 + 4, y + bh / 2, lab, lfs, 0, 0, 0.5);
		}
	}
}

/* Unfilled shifts of the plan: hatched bars in the lanes under the
	 * agents, "unfilled xN" (or "xN") written on a white patch. */
static void draw_ghosts(const struct roster *r, cairo_t *cr, const struct chart_page *pg, const struct geom *q)
{
	{
		double px = q->p.w / (double)q->span, bh = fmax(1, q->rh * 0.74), lfs = fmin(FONT_SMALL, bh * 0.8);
		for (size_t i = 0; i < r->ng; i++) {
			const struct ghost *g = &r->g[i];
			size_t idx = r->na + (size_t)g->lane;
			int64_t base = q->week ? (g->day - r->day0) * 1440 : 0;
			double y = q->p.y + q->rh * ((double)idx - (double)pg->first) + (q->rh - bh) / 2;
			double x0 = q->p.x + (double)(base + g->start - q->org) * px;
			double x1 = fmin(q->p.x + q->p.w, q->p.x + (double)(base + g->end - q->org) * px);
			uint32_t rgb = bands[band_of(g->start)].rgb;
			char lab[48];
			if (idx < pg->first || idx >= pg->first + pg->count)
				continue;
			chart_hatch(cr, x0, y, x1 - x0, bh, rgb);
			if (bh < 8)
				continue;
			snprintf(lab, sizeof(lab), "unfilled x%d", g->planned - g->rostered);
			if (chart_text_width(cr, lab, lfs, 0) + 8 > x1 - x0)
				snprintf(lab, sizeof(lab), "x%d", g->planned - g->rostered);
			double tw = chart_text_width(cr, lab, lfs, 0);
			if (tw + 8 > x1 - x0)
				continue;
			chart_rgb(cr, 0xFFFFFF, 1);
			cairo_rectangle(cr, x0 + 2, y + 2, tw + 4, bh - 4);
			cairo_fill(cr);
			chart_rgb(cr, OI_BLACK, 1);
			chart_text(cr, x0 + 4, y + bh / 2, lab, lfs, 0, 0, 0.5);
		}
	}
}

/* The label column's width: the widest id and name (clipped at 340 px). */
static double label_width(struct roster *r, cairo_t *cr, double fs)
{
	double maxw = 0;
	if (r->label_fs == fs)
		return r->label_w;
	for (size_t i = 0; i < r->na; i++) {
		double w = chart_text_width(cr, r->a[i].name, fs, 0) + chart_text_width(cr, r->a[i].id, fs, 1);
		if (r->a[i].same > 1)
			w += chart_text_width(cr, "0000 x ...", fs, 1);
		if (w > maxw)
			maxw = w;
	}
	if (r->nlanes && chart_text_width(cr, "unfilled", fs, 1) > maxw)
		maxw = chart_text_width(cr, "unfilled", fs, 1);
	r->label_fs = fs;
	r->label_w = maxw;
	return maxw;
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	const struct roster *r = c->data;
	double top = chart_header(c, cr), bottom = pg->height - 44;
	struct geom g = { .week = r->ndays > 1 };
	struct geom *q = &g;
	struct legend_item it[NBANDS + 1];

	if (!(g.row = malloc((r->na + 1) * sizeof(*g.row))))
		return;
	g.span = g.week ? (int64_t)r->ndays * 1440 + r->spill : r->hi - r->lo;
	g.org = g.week ? 0 : r->lo;
	for (size_t i = 0; i < r->na; i++)
		g.row[r->order[i]] = i;
	g.rh = (bottom - top - 60) / (double)pg->slots;
	g.fs = fmin(FONT_SMALL, g.rh * 0.72);
	g.p.x = 40 + fmin(label_width(c->data, cr, g.fs) + 16, 340);
	g.p.y = top + 30;
	g.p.w = c->width - g.p.x - 40;
	g.p.h = g.rh * (double)pg->count;
	for (int k = 0; k < NBANDS - 1; k++)
		it[k] = (struct legend_item){ bands[k].label, bands[k].rgb, 1, LEG_BOX };
	it[NBANDS - 1] = (struct legend_item){ "break", GREY_TEXT, 1, LEG_HOLLOW };
	it[NBANDS] = (struct legend_item){ "unfilled (plan)", GREY_TEXT, 1, LEG_HATCH };
	chart_rgb(cr, OI_BLACK, 1);
	chart_text(cr, 40, pg->height - 22, "shift start:", FONT_BODY, 1, 0, 0.5);
	chart_legend(cr, c->width / 2.0, pg->height - 22, it, r->nlanes ? NBANDS + 1 : NBANDS);
	draw_rows(r, cr, pg, q);
	draw_grid(r, cr, q);
	draw_bars(r, cr, pg, q);
	draw_ghosts(r, cr, pg, q);
	chart_rgb(cr, 0x333333, 1);
	cairo_set_line_width(cr, 1);
	cairo_rectangle(cr, floor(q->p.x) + 0.5, floor(q->p.y) + 0.5, floor(q->p.w), floor(q->p.h));
	cairo_stroke(cr);
	free(g.row);
}

const struct chart_kind chart_roster = { sizeof(struct roster), load, release };
