/* chart_roster.c - Gantt of agents' shifts for a day or a week, as on a
 * wall schedule: a row per agent sorted by start, bars coloured by start
 * time, breaks hollow, hours labelled, shift length written in the bar.
 * Input: roster.csv `date,agent_id,name,start,end,break_start,break_end[,shift]`
 * (HH:MM; an end at or before the start is on the next day). */
#include "chart_int.h"
#include "csv.h"
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

struct shift { int64_t day; size_t agent; int start, end, bstart, bend, sname; };
/* An unfilled group of the plan: (date, start, end, shift) planned count
 * minus rostered count, drawn hatched in lane rows under the agents. */
struct ghost { int64_t day; int start, end, sname, planned, rostered, lane; long paid_plan, paid_rost; };
struct agent { char *id, *name; int key; };
struct roster {
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
	double label_w;
};

static void roster_free(void *p)
{
	struct roster *r = p;
	if (!r)
		return;
	for (size_t i = 0; i < r->na; i++) {
		free(r->a[i].id);
		free(r->a[i].name);
	}
	free(r->a);
	wfm_strmap_free(&r->ids);
	free(r->s);
	free(r->g);
	for (int k = 0; k < r->nsname; k++)
		free(r->sname[k]);
	free(r->order);
	free(r);
}

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);

static const struct roster *sort_ctx_unused;

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

static long paid_min(int start, int end, int bstart, int bend)
{
	return (long)(end - start) - (bstart >= 0 ? (long)(bend - bstart) : 0);
}

/* Shift times of the current record: start, end (after start), break
 * (-1 when none). */
static int shift_times(const wfm_csv_reader *rd, const int *col, int *start, int *end,
		       int *bstart, int *bend, wfm_error *err);

static int cmp_agent(const void *x, const void *y, void *ctx)
{
	const struct roster *r = ctx;
	const struct agent *a = &r->a[*(const size_t *)x], *b = &r->a[*(const size_t *)y];
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* qsort_r is not C11; a small insertion-merge sort keeps this portable. */
static void sort_rows(struct roster *r)
{
	size_t n = r->na, *tmp = malloc(n * sizeof(*tmp));
	(void)sort_ctx_unused;
	if (!tmp)
		return;
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = cmp_agent(&r->order[j], &r->order[i], r) < 0 ? r->order[j++] : r->order[i++];
			while (i < mid)
				tmp[k++] = r->order[i++];
			while (j < hi)
				tmp[k++] = r->order[j++];
		}
		memcpy(r->order, tmp, n * sizeof(*tmp));
	}
	free(tmp);
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

static int cmp_ghost(const void *x, const void *y)
{
	const struct ghost *a = x, *b = y;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return (a->sname > b->sname) - (a->sname < b->sname);
}

/* --plan: group the plan's shifts by (date, start, end, shift) for the
 * days [d0, d1], subtract the rostered shifts of each group, keep the
 * groups with some left (unfilled) and pack them into lanes. */
static int load_plan(struct roster *r, const char *path, int64_t d0, int64_t d1, int roster_has_shift,
		     wfm_error *err)
{
	wfm_csv_reader *rd = wfm_csv_open(path, err);
	int col[7], rc, cshift, ccount;
	static const char *names[] = { "date", "", "", "start", "end", "break_start", "break_end" };
	size_t keep = 0;
	int *lane_end = NULL;

	if (!rd)
		return -1;
	for (int k = 0; k < 7; k++)
		if (*names[k] && (col[k] = wfm_csv_require(rd, names[k], err)) < 0) {
			wfm_csv_close(rd);
			return -1;
		}
	if ((ccount = wfm_csv_require(rd, "count", err)) < 0) {
		wfm_csv_close(rd);
		return -1;
	}
	cshift = wfm_csv_col(rd, "shift");
	while ((rc = wfm_csv_next(rd, err)) == 1) {
		struct ghost g = { 0 };
		int bs, be;
		long n;
		size_t i;
		if (wfm_time_parse_date(wfm_csv_get(rd, col[0]), &g.day, err)) {
			rc = wfm_csv_error(rd, col[0], err, "\"%s\" is not a date YYYY-MM-DD", wfm_csv_get(rd, col[0]));
			break;
		}
		if (shift_times(rd, col, &g.start, &g.end, &bs, &be, err) || wfm_csv_long(rd, ccount, &n, err)) {
			rc = -1;
			break;
		}
		if (n < 0) {
			rc = wfm_csv_error(rd, ccount, err, "%ld is negative", n);
			break;
		}
		if (g.day < d0 || g.day > d1 || n == 0)
			continue;
		if ((g.sname = shift_name(r, wfm_csv_get(rd, cshift), roster_has_shift && cshift >= 0)) < -1) {
			rc = wfm_error_set(err, "%s: more than 32 shift names", path);
			break;
		}
		for (i = 0; i < r->ng && cmp_ghost(&r->g[i], &g); i++)
			;
		if (i == r->ng) {
			if (r->ng == r->gcap) {
				struct ghost *ng = realloc(r->g, (r->gcap = r->gcap ? 2 * r->gcap : 64) * sizeof(*ng));
				if (!ng) {
					rc = wfm_error_set(err, "out of memory");
					break;
				}
				r->g = ng;
			}
			r->g[r->ng++] = g;
		}
		r->g[i].planned += (int)n;
		r->g[i].paid_plan += n * paid_min(g.start, g.end, bs, be);
	}
	wfm_csv_close(rd);
	if (rc < 0)
		return -1;
	for (size_t k = 0; k < r->n; k++) {
		const struct shift *s = &r->s[k];
		for (size_t i = 0; i < r->ng; i++) {
			struct ghost *g = &r->g[i];
			if (g->day == s->day && g->start == s->start && g->end == s->end &&
			    (g->sname == -1 || g->sname == s->sname) && g->rostered < g->planned) {
				g->rostered++;
				g->paid_rost += paid_min(s->start, s->end, s->bstart, s->bend);
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
	/* First-fit lanes in time order: bars that do not overlap share a row. */
	if (r->ng && !(lane_end = malloc(r->ng * sizeof(*lane_end))))
		return wfm_error_set(err, "out of memory");
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
	free(lane_end);
	return 0;
}

/* The times of a plan.csv / roster.csv row, checked by their owner lib/plan.c
 * (the same rules as wfm roster --previous and wfm functions). */
static int shift_times(const wfm_csv_reader *rd, const int *col, int *start, int *end,
		       int *bstart, int *bend, wfm_error *err)
{
	struct wfm_shift s;

	if (wfm_plan_times(rd, col + 3, &s, err))
		return -1;
	*start = s.start;
	*end = s.end;
	*bstart = s.bstart;
	*bend = s.bend;
	return 0;
}

int chart_roster_load(struct wfm_chart *c, const char *in, wfm_error *err)
{
	wfm_csv_reader *rd = wfm_csv_open(in, err);
	struct roster *r;
	int col[7], rc, cshift;
	static const char *names[] = { "date", "agent_id", "name", "start", "end", "break_start", "break_end" };
	int64_t dmax = 0;
	char days[40];

	if (!rd)
		return -1;
	for (int k = 0; k < 7; k++)
		if ((col[k] = wfm_csv_require(rd, names[k], err)) < 0) {
			wfm_csv_close(rd);
			return -1;
		}
	cshift = wfm_csv_col(rd, "shift");
	chart_days_text(c, days, sizeof(days));
	if (!(r = calloc(1, sizeof(*r)))) {
		wfm_csv_close(rd);
		return wfm_error_set(err, "out of memory");
	}
	c->data = r;
	c->free_data = roster_free;
	while ((rc = wfm_csv_next(rd, err)) == 1) {
		struct shift s;
		long a;
		if (wfm_time_parse_date(wfm_csv_get(rd, col[0]), &s.day, err)) {
			rc = wfm_csv_error(rd, col[0], err, "\"%s\" is not a date YYYY-MM-DD", wfm_csv_get(rd, col[0]));
			break;
		}
		if (!chart_day_wanted(c, s.day))
			continue;
		if (shift_times(rd, col, &s.start, &s.end, &s.bstart, &s.bend, err)) {
			rc = -1;
			break;
		}
		s.sname = -1;
		if (c->opts.plan && (s.sname = shift_name(r, wfm_csv_get(rd, cshift), cshift >= 0)) < -1) {
			rc = wfm_csv_error(rd, cshift, err, "more than 32 shift names");
			break;
		}
		if ((a = wfm_strmap_get(&r->ids, wfm_csv_get(rd, col[1]))) < 0) {
			if (r->na == r->acap) {
				struct agent *na = realloc(r->a, (r->acap = r->acap ? 2 * r->acap : 128) * sizeof(*na));
				if (!na) {
					rc = wfm_error_set(err, "out of memory");
					break;
				}
				r->a = na;
			}
			r->a[r->na].id = strdup(wfm_csv_get(rd, col[1]));
			r->a[r->na].name = strdup(wfm_csv_get(rd, col[2]));
			r->a[r->na].key = -1;
			a = (long)r->na++;
			if (!r->a[a].id || !r->a[a].name || wfm_strmap_add(&r->ids, r->a[a].id, (size_t)a) < 0) {
				rc = wfm_error_set(err, "out of memory");
				break;
			}
		}
		s.agent = (size_t)a;
		if (r->n == r->cap) {
			struct shift *ns = realloc(r->s, (r->cap = r->cap ? 2 * r->cap : 512) * sizeof(*ns));
			if (!ns) {
				rc = wfm_error_set(err, "out of memory");
				break;
			}
			r->s = ns;
		}
		if (r->n == 0 || s.day < r->day0)
			r->day0 = s.day;
		if (r->n == 0 || s.day > dmax)
			dmax = s.day;
		r->s[r->n++] = s;
	}
	if (rc == 0 && r->n == 0)
		rc = c->opts.has_days ? wfm_error_at(err, wfm_csv_name(rd), 0, NULL, "no shifts on %s", days)
				  : wfm_error_at(err, wfm_csv_name(rd), 1, NULL, "no data rows");
	wfm_csv_close(rd);
	if (rc < 0)
		return -1;
	r->ndays = (int)(dmax - r->day0 + 1);
	if (r->ndays > 31)
		return wfm_error_at(err, in, 0, "date", "%d days from first to last shift: chart at most 31 "
				    "(pick a day with --date)", r->ndays);
	/* Sort key: first day's start of each agent (minutes of that day). */
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
	if (r->ndays > 1 && week_keys(r))
		return wfm_error_set(err, "out of memory");
	if (c->opts.plan && load_plan(r, c->opts.plan, r->day0, dmax, cshift >= 0, err))
		return -1;
	/* Shifts of the last day that end after midnight: the week view runs
	 * on to their end rather than cutting them off. */
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
	if (!(r->order = malloc(r->na * sizeof(*r->order))))
		return wfm_error_set(err, "out of memory");
	for (size_t i = 0; i < r->na; i++)
		r->order[i] = i;
	sort_rows(r);
	{
		char d0[16], d1[16];
		wfm_time_format_date(r->day0, d0, sizeof(d0));
		wfm_time_format_date(dmax, d1, sizeof(d1));
		if (r->ndays == 1)
			snprintf(c->title, sizeof(c->title), "Roster %s %s", chart_wday(wfm_time_weekday(r->day0)), d0);
		else
			snprintf(c->title, sizeof(c->title), "Roster %s to %s", d0, d1);
		char unf[96] = "";
		if (c->opts.plan)
			snprintf(unf, sizeof(unf), ", %ld unfilled (%.1f h overtime)", r->unfilled, r->unfilled_h);
		snprintf(c->subtitle + strlen(c->subtitle), sizeof(c->subtitle) - strlen(c->subtitle),
			 "  -  %zu agents, %zu shifts%s; rows sorted by start, colour = start time, "
			 "hollow = break%s", r->na, r->n, unf, r->ng ? ", hatched = unfilled" : "");
	}
	/* Grow the canvas so every row keeps ROW_MIN pixels; a PDF is paged
	 * instead, 16-px rows to an A4 page. */
	{
		size_t rows = r->na + r->nlanes;
		double need = 90 + 44 + 60 + (double)rows * ROW_MIN(rows);
		if (need > c->height)
			c->height = need > HEIGHT_MAX ? HEIGHT_MAX : (int)need;
		c->nrows = rows;
		c->page_rows = c->page_height > 90 + 44 + 60 + 16 ? (size_t)(c->page_height - 90 - 44 - 60) / 16 : 1;
	}
	r->label_w = 0;
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

static void draw(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg)
{
	const struct roster *r = c->data;
	double top = chart_header(c, cr), bottom = pg->height - 44, maxw = 0;
	double fs, rh;
	struct rect p;
	int week = r->ndays > 1;
	int64_t span = week ? (int64_t)r->ndays * 1440 + r->spill : r->hi - r->lo, org = week ? 0 : r->lo;
	size_t *row = malloc(r->na * sizeof(*row));
	char buf[64];

	if (!row)
		return;
	for (size_t i = 0; i < r->na; i++)
		row[r->order[i]] = i;
	rh = (bottom - top - 60) / (double)pg->slots;
	fs = fmin(FONT_SMALL, rh * 0.72);
	for (size_t i = 0; i < r->na; i++) {
		double w = chart_text_width(cr, r->a[i].name, fs, 0) + chart_text_width(cr, r->a[i].id, fs, 1);
		if (w > maxw)
			maxw = w;
	}
	if (r->nlanes && chart_text_width(cr, "unfilled", fs, 1) > maxw)
		maxw = chart_text_width(cr, "unfilled", fs, 1);
	p.x = 40 + fmin(maxw + 16, 340);
	p.y = top + 30;
	p.w = c->width - p.x - 40;
	p.h = rh * (double)pg->count;
	{
		struct legend_item it[NBANDS + 1];
		for (int k = 0; k < NBANDS - 1; k++)
			it[k] = (struct legend_item){ bands[k].label, bands[k].rgb, 1, LEG_BOX };
		it[NBANDS - 1] = (struct legend_item){ "break", GREY_TEXT, 1, LEG_HOLLOW };
		it[NBANDS] = (struct legend_item){ "unfilled (plan)", GREY_TEXT, 1, LEG_HATCH };
		chart_rgb(cr, OI_BLACK, 1);
		chart_text(cr, 40, pg->height - 22, "shift start:", FONT_BODY, 1, 0, 0.5);
		chart_legend(cr, c->width / 2.0, pg->height - 22, it, r->nlanes ? NBANDS + 1 : NBANDS);
	}
	/* Zebra rows and names. */
	for (size_t k = 0; k < pg->count; k++) {
		size_t idx = pg->first + k;
		const struct agent *a = idx < r->na ? &r->a[r->order[idx]] : NULL;
		double y = p.y + rh * (double)k;
		if (k % 2) {
			chart_rgb(cr, 0xF2F2F2, 1);
			cairo_rectangle(cr, 40, y, p.x + p.w - 40, rh);
			cairo_fill(cr);
		}
		if (!a) {          /* unfilled lanes: a rule above the first */
			if (idx == r->na) {
				chart_rgb(cr, OI_BLACK, 1);
				cairo_set_line_width(cr, 2);
				cairo_move_to(cr, 40, y);
				cairo_line_to(cr, p.x + p.w, y);
				cairo_stroke(cr);
				if (rh >= 7)
					chart_text(cr, 40, y + rh / 2, "unfilled", fs, 1, 0, 0.5);
			}
			continue;
		}
		if (rh >= 7) {
			double w;
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
	/* Hour grid with labels at top and bottom. */
	{
		double px = p.w / (double)span;
		int step = week ? 360 : 60;
		while (step * px < 34)
			step *= 2;
		for (int64_t m = 0; m <= span; m += step) {
			int64_t abs = org + m;
			double x = floor(p.x + (double)m * px) + 0.5;
			int midnight = abs % 1440 == 0;
			chart_rgb(cr, midnight ? 0x888888 : GREY_GRID, 1);
			cairo_set_line_width(cr, midnight && week ? 2 : 1);
			cairo_move_to(cr, x, p.y - 4);
			cairo_line_to(cr, x, p.y + p.h + 4);
			cairo_stroke(cr);
			snprintf(buf, sizeof(buf), "%02d", (int)(abs % 1440 / 60));
			if (!week || !midnight) {
				int old = chart_box_role(cr, CHART_BOX_TIME);
				chart_rgb(cr, GREY_TEXT, 1);
				chart_text(cr, x, p.y - 10, buf, FONT_SMALL, 0, 0.5, 1);
				chart_text(cr, x, p.y + p.h + 8, buf, FONT_SMALL, 0, 0.5, 0);
				chart_box_role(cr, old);
			}
		}
		if (week)
			for (int d = 0; d < r->ndays; d++) {
				int y, mo, dd;
				wfm_time_civil_from_days(r->day0 + d, &y, &mo, &dd);
				snprintf(buf, sizeof(buf), "%s %02d.%02d", chart_wday(wfm_time_weekday(r->day0 + d)), dd, mo);
				int old = chart_box_role(cr, CHART_BOX_TIME);
				chart_rgb(cr, OI_BLACK, 1);
				chart_text(cr, p.x + (d + 0.5) * 1440 * px, p.y - 30, buf, FONT_BODY, 1, 0.5, 1);
				chart_box_role(cr, old);
			}
	}
	/* Bars. */
	{
		double px = p.w / (double)span, bh = fmax(1, rh * 0.74), lfs = fmin(FONT_SMALL, bh * 0.8);
		for (size_t i = 0; i < r->n; i++) {
			const struct shift *s = &r->s[i];
			int b = band_of(s->start);
			int64_t base = week ? (s->day - r->day0) * 1440 : 0;
			double y = p.y + rh * ((double)row[s->agent] - (double)pg->first) + (rh - bh) / 2;
			double x0 = p.x + (double)(base + s->start - org) * px;
			double x1 = p.x + (double)(base + s->end - org) * px;
			int len = s->end - s->start;
			if (row[s->agent] < pg->first || row[s->agent] >= pg->first + pg->count)
				continue;
			if (x1 > p.x + p.w)
				x1 = p.x + p.w;
			chart_rgb(cr, bands[b].rgb, 1);
			cairo_rectangle(cr, x0, y, x1 - x0, bh);
			cairo_fill(cr);
			if (s->bstart >= 0) {
				double b0 = p.x + (double)(base + s->bstart - org) * px;
				double b1 = p.x + (double)(base + s->bend - org) * px;
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
			if (!week) {
				snprintf(full, sizeof(full), "%02d:%02d-%02d:%02d  %s", s->start / 60 % 24,
					 s->start % 60, s->end / 60 % 24, s->end % 60, buf);
				double room = s->bstart >= 0 ? p.x + (double)(s->bstart - org) * px - x0 : x1 - x0;
				if (chart_text_width(cr, full, lfs, 0) + 8 <= room)
					lab = full;
			}
			if (chart_text_width(cr, lab, lfs, 0) + 4 > x1 - x0)
				continue;
			chart_rgb(cr, dark_band(b) ? 0xFFFFFF : OI_BLACK, 1);
			chart_text(cr, x0 + 4, y + bh / 2, lab, lfs, 0, 0, 0.5);
		}
	}
	/* Unfilled shifts of the plan: hatched bars in the lanes under the
	 * agents, "unfilled xN" (or "xN") written on a white patch. */
	{
		double px = p.w / (double)span, bh = fmax(1, rh * 0.74), lfs = fmin(FONT_SMALL, bh * 0.8);
		for (size_t i = 0; i < r->ng; i++) {
			const struct ghost *g = &r->g[i];
			size_t idx = r->na + (size_t)g->lane;
			int64_t base = week ? (g->day - r->day0) * 1440 : 0;
			double y = p.y + rh * ((double)idx - (double)pg->first) + (rh - bh) / 2;
			double x0 = p.x + (double)(base + g->start - org) * px;
			double x1 = fmin(p.x + p.w, p.x + (double)(base + g->end - org) * px);
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
	chart_rgb(cr, 0x333333, 1);
	cairo_set_line_width(cr, 1);
	cairo_rectangle(cr, floor(p.x) + 0.5, floor(p.y) + 0.5, floor(p.w), floor(p.h));
	cairo_stroke(cr);
	free(row);
}
