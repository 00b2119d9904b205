/* shiftplan.c - requirement loading, the covering model, plan extraction.
 * See shiftplan.h for the model. */
#include "shiftplan.h"
#include "shiftplan_int.h"
#include "csv.h"
#include "mem.h"
#include "requirements.h"
#include "timeutil.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CHAN 64
#define MAX_BREAKS 256
/* Share of the time limit the model may take before the MIP columns: past
 * it the plan is the greedy cover (model_build). */
#define BUILD_SHARE 0.3

/* ---- requirements ---- */

void wfm_shiftreq_free(wfm_shiftreq *r)
{
	if (r) {
		wfm_free_strv(r->channel, r->nchan);
		WFM_FREE(r->chan_req, r->req, r);
	}
}

/* The first line of channel c, for messages. */
static long first_line(const wfm_requirements *g, size_t c)
{
	long best = 0;

	for (size_t i = 0; i < g->n; i++) {
		long l = g->line[c * g->n + i];
		if (l && (!best || l < best))
			best = l;
	}
	return best;
}

/* The line of the first channel with a row at interval i, 0 if none. */
static long row_line(const wfm_requirements *g, size_t i)
{
	for (size_t c = 0; c < g->nchan; c++)
		if (g->line[c * g->n + i])
			return g->line[c * g->n + i];
	return 0;
}

/* The grid of lib/requirements.c (duplicates, step, off-grid rows, span
 * limits), then: at most MAX_CHAN channels, every interval present with a
 * row for every channel; req is the sum of agents_gross over channels. */
wfm_shiftreq *wfm_shiftreq_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	wfm_requirements *g = wfm_requirements_load(path, tz, err);
	wfm_shiftreq *out = NULL;
	const char *file = !strcmp(path, "-") ? "<stdin>" : path;
	char a[40];

	if (!g || !wfm_requirements_need(g, "agents_gross", err))
		goto done;
	if (g->nchan > MAX_CHAN) {
		wfm_error_at(err, file, first_line(g, MAX_CHAN), "channel", "more than %d channels",
			     MAX_CHAN);
		goto done;
	}
	for (size_t i = 0; i < g->n; i++) {
		long at = row_line(g, i);
		size_t j;
		if (!at)
			continue;
		for (size_t c = 0; c < g->nchan; c++)
			if (!g->line[c * g->n + i]) {
				wfm_time_format(wfm_requirements_time(g, i), tz, a, sizeof(a));
				wfm_error_at(err, file, at, "channel", "no row for channel \"%s\" at %s",
					     g->channel[c], a);
				goto done;
			}
		for (j = i + 1; j < g->n && !row_line(g, j); j++)
			;
		if (j < g->n && j > i + 1) {
			wfm_time_format(wfm_requirements_time(g, i + 1), tz, a, sizeof(a));
			wfm_error_at(err, file, row_line(g, j), "timestamp",
				     "gap: no requirements for %s (%zu intervals missing after line %ld)",
				     a, j - i - 1, at);
			goto done;
		}
	}
	if (!(out = calloc(1, sizeof(*out))) || !(out->req = calloc(g->n, sizeof(double)))) {
		free(out);
		out = NULL;
		wfm_error_set(err, "out of memory");
		goto done;
	}
	snprintf(out->file, sizeof(out->file), "%s", path);
	out->start = g->start;
	out->step = g->step;
	out->n = g->n;
	out->nchan = g->nchan;
	/* the single pool covers the sum of agents_gross; the per-channel
	 * requirement of the group model is the fractional load of wfm staff
	 * --load when present (an empty load falls back to agents_gross) */
	for (size_t c = 0; c < g->nchan; c++)
		for (size_t i = 0; i < g->n; i++)
			out->req[i] += g->agents_gross[c * g->n + i];
	for (size_t k = 0; g->load && k < g->nchan * g->n; k++)
		if (!isnan(g->load[k]))
			g->agents_gross[k] = g->load[k];
	out->fractional = g->load != NULL;
	/* the per-channel requirement and the names move over to out */
	out->chan_req = g->agents_gross;
	out->channel = g->channel;
	g->agents_gross = NULL;
	g->channel = NULL;
	g->nchan = 0;
done:
	wfm_requirements_free(g);
	return out;
}

/* ---- flexible work ---- */

void wfm_shiftwork_free(wfm_shiftwork *w)
{
	if (w) {
		wfm_free_strv(w->job, w->njobs);
		WFM_FREE(w->hours, w->slot, w);
	}
}

static int slot_cmp(const void *a, const void *b)
{
	const struct wfm_work_slot *x = a, *y = b;

	return wfm_cmp_then(WFM_CMP(x->job, y->job), WFM_CMP(x->t, y->t),
			    WFM_CMP(x->line, y->line));
}

/* The work file's reader state: the plan being read, the capacities of
 * its slots and per-job arrays, and per job the line its agent_hours
 * came from. */
struct work_read {
	wfm_shiftwork *w;
	const wfm_tz *tz;
	size_t scap, hcap, lcap;
	long *hline;
};

/* The index of job `name`, added (agent_hours unknown) when new; -1 when
 * out of memory. */
static long job_index(struct work_read *x, const char *name)
{
	wfm_shiftwork *w = x->w;
	size_t n = w->njobs;
	long k = wfm_strv_intern(&w->job, &w->njobs, name);

	if (k < 0 || w->njobs == n)
		return k;
	if (WFM_GROW(w->hours, x->hcap, w->njobs) || WFM_GROW(x->hline, x->lcap, w->njobs))
		return -1;
	w->hours[k] = -1;
	x->hline[k] = 0;
	return k;
}

/* One row of the work file into w->slot[w->nslot] (columns col[0..3]:
 * job, timestamp, agent_hours, max_agents). */
static int work_row(wfm_csv_reader *rd, const int *col, void *ctx, wfm_error *err)
{
	struct work_read *rx = ctx;
	wfm_shiftwork *w = rx->w;
	const char *name = wfm_csv_get(rd, col[0]);
	struct wfm_work_slot *x;
	double h;
	long k;

	if (WFM_GROW(w->slot, rx->scap, w->nslot + 1))
		return wfm_error_set(err, "out of memory");
	if (!*name)
		return wfm_csv_error(rd, col[0], err, "empty job name"), -1;
	if ((k = job_index(rx, name)) < 0)
		return wfm_error_set(err, "out of memory");
	x = &w->slot[w->nslot];
	x->job = (size_t)k;
	x->line = wfm_csv_line(rd);
	if (wfm_csv_time(rd, col[1], rx->tz, 0, &x->t, err) < 0 ||
	    wfm_csv_double_opt(rd, col[2], -1, &h, err) || wfm_csv_double_opt(rd, col[3], -1, &x->max, err))
		return -1;
	if (*wfm_csv_get(rd, col[2])) {
		if (h < 0)
			return wfm_csv_error(rd, col[2], err, "%g is negative", h), -1;
		if (w->hours[k] >= 0 && fabs(w->hours[k] - h) > 1e-9)
			return wfm_csv_error(rd, col[2], err, "job \"%s\" has %g agent-hours on line %ld",
					     name, w->hours[k], rx->hline[k]), -1;
		w->hours[k] = h;
		rx->hline[k] = x->line;
	}
	if (*wfm_csv_get(rd, col[3])) {
		if (x->max < 0)
			return wfm_csv_error(rd, col[3], err, "%g is negative", x->max), -1;
		x->max = floor(x->max + 1e-9);
	}
	w->nslot++;
	return 0;
}

/* After the rows: every job has its agent_hours, no duplicate (job, time);
 * the slots sorted and the job interval voted. */
static int work_check(wfm_shiftwork *w, const char *path, wfm_error *err)
{
	size_t votes[3] = { 0 };

	if (w->nslot == 0)
		return wfm_error_at(err, path, 1, NULL, "no data rows");
	for (size_t k = 0; k < w->njobs; k++)
		if (w->hours[k] < 0)
			return wfm_error_at(err, path, 0, "agent_hours", "job \"%s\" has no agent_hours on any row",
					    w->job[k]);
	qsort(w->slot, w->nslot, sizeof(*w->slot), slot_cmp);
	for (size_t i = 1; i < w->nslot; i++)
		if (w->slot[i].job == w->slot[i - 1].job) {
			int64_t d = w->slot[i].t - w->slot[i - 1].t;
			if (d == 0)
				return wfm_error_at(err, path, w->slot[i].line, "timestamp", "duplicate of line %ld",
						    w->slot[i - 1].line);
			votes[0] += d == 900;
			votes[1] += d == 1800;
			votes[2] += d == 3600;
		}
	/* The interval: the commonest step between a job's rows; 0 (the
	 * requirements' interval) when no job has two consecutive rows. */
	w->step = votes[0] >= votes[1] && votes[0] >= votes[2] && votes[0] ? 900 :
		  votes[1] >= votes[2] && votes[1] ? 1800 : votes[2] ? 3600 : 0;
	return 0;
}

wfm_shiftwork *wfm_shiftwork_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	static const char *const names[] = { "job", "timestamp", "agent_hours", "?max_agents" };
	struct work_read x = { calloc(1, sizeof(*x.w)), tz, 0, 0, 0, NULL };
	int col[4];

	if (!x.w)
		return wfm_oom(err);
	snprintf(x.w->file, sizeof(x.w->file), "%s", path);
	if (wfm_csv_each(path, names, 4, col, work_row, &x, NULL, err) < 0 || work_check(x.w, path, err)) {
		wfm_shiftwork_free(x.w);
		x.w = NULL;
	}
	free(x.hline);
	return x.w;
}

/* ---- the model ---- */

struct model {
	size_t ncols;            /* shift columns */
	struct col *col;
	size_t nrows;            /* cover rows */
	int *rowcell;            /* row -> cell */
	long *need;              /* per row */
	size_t *cbeg;            /* shift column -> rows covered */
	int *crow;
	int *grp;                /* shift column -> (rule, day) group */
	long *gmin, *gmax, *gcnt;/* per group: count limits (-1 none), count */
	size_t ngrp;
	size_t *rbeg;            /* row -> shift columns covering it */
	int *rcol;
	int soft;
	const struct wfm_shiftplan_opts *o;
	size_t o0, nov;          /* flexible-work columns o0 .. o0 + nov - 1 */
	int *ovrow;              /* their cover rows (cells until the rows exist) */
	int *ovjob;              /* their jobs */
	double *ovmax;           /* their caps (-1: none) */
	/* The solve's workspace: model_alloc, the model_* build phases,
	 * model_solve, model_extract, model_free. */
	wfm_shiftplan *p;
	const wfm_shiftreq *req;
	const wfm_shiftrules *rs;
	const wfm_tz *tz;
	const wfm_shiftwork *wk;
	int gridmin, wrap;       /* cell length, minutes; 1: cyclic window */
	wfm_mip *mip;
	int *cells;              /* scratch: the cells of one column */
	int *rowof;              /* cell -> cover row, -1 none */
	long *anycover;          /* cell -> columns working it */
	size_t *bad, nbad;       /* cells no shift reaches */
	size_t nbound;           /* count-limit rows */
	double *x;               /* the solution */
	double t_start;
	double deadline;         /* t_start + the time limit */
	int late;                /* 1: the fallback passed the deadline */
	int no_lp;               /* 1: building took the time, no LP */
};

int wfm_shiftplan_col_cells(const struct col *c, int gmin, int blen, size_t ncells,
			 int wrap, int *cell)
{
	int m = 0, k = c->len / gmin;

	for (int j = 0; j < k; j++) {
		long x = c->c0 + j;
		if (c->brk >= 0 && j * gmin >= c->brk && j * gmin < c->brk + blen)
			continue;
		if (x >= (long)ncells) {
			if (!wrap)
				continue;
			x -= (long)ncells;
			if (x >= (long)ncells)
				continue;
		}
		cell[m++] = (int)x;
	}
	return m;
}

int wfm_keyed_cmp(const void *a, const void *b)
{
	const struct wfm_keyed *x = a, *y = b;
	int c = WFM_CMP(y->key, x->key);

	return c ? c : WFM_CMP(x->i, y->i);
}

static int grp_full(const struct model *m, size_t j)
{
	int g = m->grp[j];
	return m->gmax[g] >= 0 && m->gcnt[g] >= m->gmax[g];
}

/* People column j's group may still take. */
static long grp_room(const struct model *m, size_t j)
{
	int g = m->grp[j];

	if (m->gmax[g] < 0)
		return LONG_MAX;
	return m->gmax[g] > m->gcnt[g] ? m->gmax[g] - m->gcnt[g] : 0;
}

/* Add d people (d < 0: remove) to column j.  The loops below add or drop
 * whole runs at once where one at a time would choose the same column
 * each time: a requirement of 10^6 agents must not take 10^6 passes
 * (issue 22.1).  A column's rows are distinct. */
static void put(struct model *m, double *x, long *cover, size_t j, long d)
{
	x[j] += (double)d;
	m->gcnt[m->grp[j]] += d;
	for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++)
		cover[m->crow[k]] += d;
}

/* The fewest people any still-short row of column j lacks (LONG_MAX when
 * none is short): adding up to that many changes no row from short to
 * covered, so no column's gain below. */
static long short_run(const struct model *m, const long *cover, const long *target, size_t j)
{
	long n = LONG_MAX;

	for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++) {
		long r = target[m->crow[k]] - cover[m->crow[k]];
		if (r > 0 && r < n)
			n = r;
	}
	return n;
}

/* Rounding heuristic (attempt() and its phases): floor the LP solution,
 * round up the fractional columns in order of their fraction while they
 * still cover a short row, repair the rows still short greedily, then
 * drop people no row needs, the dearest shifts first. */
struct rounding {
	long *cover, *target;    /* per row: people working, people asked */
	struct wfm_keyed *sf;     /* scratch, a column each */
	size_t nf;
};

/* Per row the people asked (soft mode: less the LP's under-cover; flexible
 * work keeps the LP's allocation, its rows asking that much more). */
static int round_targets(struct model *m, struct rounding *r, const double *xlp, double *x)
{
	double *osum = calloc(m->nrows + 1, sizeof(double));

	if (!osum)
		return -1;
	for (size_t g = 0; g < m->ngrp; g++)
		m->gcnt[g] = 0;
	for (size_t i = 0; i < m->nrows; i++) {
		r->target[i] = m->need[i];
		if (m->soft)
			r->target[i] -= (long)ceil(xlp[m->ncols + i] - 1e-6);
	}
	for (size_t k = 0; k < m->nov; k++) {
		x[m->o0 + k] = xlp[m->o0 + k] > 0 ? xlp[m->o0 + k] : 0;
		osum[m->ovrow[k]] += x[m->o0 + k];
	}
	for (size_t i = 0; i < m->nrows; i++)
		r->target[i] += (long)ceil(osum[i] - 1e-6);
	free(osum);
	return 0;
}

/* The LP's integer parts (unless tight), then its fractional columns by
 * fraction, each while it still covers a short row. */
static void round_lp(struct model *m, struct rounding *r, const double *xlp, double *x, int tight)
{
	for (size_t j = 0; j < m->ncols; j++) {
		double f = floor(xlp[j] + 1e-6);
		x[j] = 0;
		if (xlp[j] - f > 1e-6)
			r->sf[r->nf++] = (struct wfm_keyed){ xlp[j] - f, j };
		if (!tight && f > 0) {
			long n = f < (double)grp_room(m, j) ? (long)f : grp_room(m, j);
			if (n > 0)
				put(m, x, r->cover, j, n);
		}
	}
	qsort(r->sf, r->nf, sizeof(*r->sf), wfm_keyed_cmp);
	for (size_t q = 0; q < r->nf && !tight; q++) {
		size_t j = r->sf[q].i, k;
		for (k = m->cbeg[j]; k < m->cbeg[j + 1] && r->cover[m->crow[k]] >= r->target[m->crow[k]]; k++)
			;
		if (k < m->cbeg[j + 1] && !grp_full(m, j))
			put(m, x, r->cover, j, 1);
	}
}

/* The column to add for short row i (rows before it are covered): first
 * the shifts that start at row i (they reach furthest into the short rows
 * ahead, and are few), then any shift covering it; the most short rows
 * per paid hour (with count limits in the way, the longest reach).
 * m->ncols when none.  *from: 1 while the shifts starting at row i still
 * serve (once none does, any shift for the rest of the row). */
static size_t repair_pick(const struct model *m, const struct rounding *r, size_t i, int tight, int *from)
{
	for (; *from >= 0; --*from) {
		size_t best = m->ncols;
		double bv = 0;
		for (size_t q = m->rbeg[i]; q < m->rbeg[i + 1]; q++) {
			size_t j = (size_t)m->rcol[q];
			long gain = 0;
			if (grp_full(m, j) || (*from && (size_t)m->crow[m->cbeg[j]] != i))
				continue;
			for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++)
				gain += r->cover[m->crow[k]] < r->target[m->crow[k]];
			double v = tight && m->gmax[m->grp[j]] >= 0 ? gain : gain / m->col[j].cost;
			if (v > bv) {
				bv = v;
				best = j;
			}
		}
		if (best < m->ncols)
			return best;
		if (!*from)
			break;
	}
	return m->ncols;
}

/* Rows still short (the LP was stopped early, or rounding left them):
 * add the pick of repair_pick() until none is short.  From nothing (the
 * LP gave no point), or once the time limit has passed, a row's whole
 * shortfall at once: one pick per row, not per person. */
static void repair(struct model *m, struct rounding *r, const double *xlp, double *x, int tight)
{
	int empty = 1;

	for (size_t j = 0; j < m->ncols && empty; j++)
		empty = xlp[j] <= 1e-6;
	for (size_t i = 0; i < m->nrows; i++) {
		if ((i & 63) == 0 && !empty && m->deadline > 0 && wfm_mip_clock() > m->deadline) {
			empty = 1;
			m->late = 1;
		}
		for (int from = 1; r->cover[i] < r->target[i]; ) {
			size_t best = repair_pick(m, r, i, tight, &from);
			if (best == m->ncols)
				break;
			long n = empty ? r->target[i] - r->cover[i] : short_run(m, r->cover, r->target, best);
			if (n > grp_room(m, best))
				n = grp_room(m, best);
			put(m, x, r->cover, best, n > 0 ? n : 0);
		}
	}
}

/* Groups below their minimum: their cheapest column.  Then drop people no
 * row needs, dearest shifts first (only columns with people can lose
 * any: they alone are sorted). */
static void round_finish(struct model *m, struct rounding *r, double *x)
{
	size_t nu = 0;

	for (size_t j = 0; j < m->ncols; j++) {
		int g = m->grp[j];
		size_t best = j;
		if (m->gcnt[g] >= m->gmin[g])
			continue;
		for (size_t q = j; q < m->ncols; q++)
			if (m->grp[q] == g && m->col[q].cost < m->col[best].cost)
				best = q;
		put(m, x, r->cover, best, m->gmin[g] - m->gcnt[g]);
	}
	for (size_t j = 0; j < m->ncols; j++)
		if (x[j] > 0)
			r->sf[nu++] = (struct wfm_keyed){ m->col[j].cost, j };
	qsort(r->sf, nu, sizeof(*r->sf), wfm_keyed_cmp);
	for (size_t q = 0; q < nu; q++) {
		size_t j = r->sf[q].i;
		/* as many as every row of j has to spare, at once */
		long n = m->gcnt[m->grp[j]] - m->gmin[m->grp[j]];
		if ((double)n > x[j])
			n = (long)x[j];
		for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1] && n > 0; k++)
			if (r->cover[m->crow[k]] - r->target[m->crow[k]] < n)
				n = r->cover[m->crow[k]] - r->target[m->crow[k]];
		if (n > 0)
			put(m, x, r->cover, j, -n);
	}
}

/* One try of the rounding heuristic (tight: from nothing, widest shifts
 * first where count limits bind).  0, or -1 when rows stay short in hard
 * mode (or out of memory). */
static int attempt(struct model *m, const double *xlp, double *x, int tight)
{
	struct rounding r = { calloc(m->nrows + 1, sizeof(long)), malloc((m->nrows + 1) * sizeof(long)),
			      malloc((m->ncols + 1) * sizeof(struct wfm_keyed)), 0 };
	int rc = -1;

	if (r.cover && r.target && r.sf && !round_targets(m, &r, xlp, x)) {
		round_lp(m, &r, xlp, x, tight);
		repair(m, &r, xlp, x, tight);
		round_finish(m, &r, x);
		rc = 0;
		for (size_t i = 0; i < m->nrows; i++) {
			long u = r.target[i] - r.cover[i];
			if (m->soft)
				u += (long)ceil(xlp[m->ncols + i] - 1e-6);
			if (m->soft)
				x[m->ncols + i] = u > 0 ? (double)u : 0;
			else if (u > 0)
				rc = -1;
		}
	}
	WFM_FREE(r.cover, r.target, r.sf);
	return rc;
}

/* Two tries: rounding then greedy repair; when count limits leave rows
 * short, a greedy cover from nothing, widest shifts first where limits
 * bind. */
static int heuristic(const double *xlp, double *x, void *arg)
{
	struct model *m = arg;

	return attempt(m, xlp, x, 0) == 0 ? 0 : attempt(m, xlp, x, 1);
}

void wfm_shiftplan_free(wfm_shiftplan *p)
{
	if (p) {
		wfm_free_strv(p->group, p->ngroups);
		wfm_free_strv(p->channel, p->nchan);
		WFM_FREE(p->row, p->required, p->scheduled, p->day_paid, p->outbound, p->job_hours, p->ov,
			 p->chan_required, p->chan_scheduled, p->group_paid, p);
	}
}

long wfm_shiftplan_enumerate(const wfm_shiftrules *rs, const wfm_tz *tz, const wfm_shiftplan *p,
		      int bstep, struct col **out, wfm_error *err)
{
	size_t n = 0, cap = 0;
	struct col *c = NULL;
	int off[MAX_BREAKS];

	for (int d = 0; d < p->ndays; d++) {
		int64_t day = p->first_day + d;
		int w = wfm_time_weekday(day);
		for (size_t r = 0; r < rs->n; r++) {
			const struct wfm_shiftrule *ru = &rs->rule[r];
			if (!(ru->days & (1u << w)))
				continue;
			for (int s = ru->earliest; s <= ru->latest; s += ru->step / 60) {
				int64_t t;
				if (wfm_tz_to_utc(tz, day * 86400 + (int64_t)s * 60, 0, &t) == WFM_TZ_GAP)
					continue;
				if ((t - p->t0) % p->grid)
					continue;
				for (int k = 0; k < ru->nlen; k++) {
					int nb = wfm_shiftrules_breaks(ru, ru->len[k], bstep * 60, off, MAX_BREAKS);
					for (int b = 0; b < (nb ? nb : 1); b++) {
						if (n == cap) {
							void *q = realloc(c, (cap = cap ? 2 * cap : 4096) * sizeof(*c));
							if (!q) {
								free(c);
								return wfm_error_set(err, "out of memory");
							}
							c = q;
						}
						c[n] = (struct col){
							.day = day, .t = t, .rule = (int)r, .start = s,
							.len = ru->len[k], .brk = nb ? off[b] : -1,
							.c0 = (int)((t - p->t0) / p->grid),
							.cost = (ru->len[k] - (nb && !ru->paid_break ? ru->break_len : 0)) / 60.0,
						};
						n++;
					}
				}
			}
		}
	}
	*out = c;
	return (long)n;
}

void wfm_shiftplan_list_cells(char *buf, size_t size, const wfm_shiftplan *p, const wfm_tz *tz,
		       const size_t *cells, size_t n)
{
	size_t len = 0;
	char a[40];

	for (size_t k = 0; k < n && k < 4; k++) {
		wfm_time_format(p->t0 + (int64_t)cells[k] * p->grid, tz, a, sizeof(a));
		len += (size_t)snprintf(buf + len, size > len ? size - len : 0, "%s%s (required %g)",
					k ? ", " : "", a, p->required[cells[k]]);
		if (len >= size)
			return;
	}
	if (n > 4)
		snprintf(buf + len, size > len ? size - len : 0, " and %zu more", n - 4);
}

/* The window (whole local days), the cover grid and the requirement per
 * cell: fills p's grid, break_step, first_day, ndays, t0, ncells,
 * required, required_hours, nodata and allocates scheduled and day_paid.
 * Returns the grid in minutes, or -1. */
int wfm_shiftplan_window(wfm_shiftplan *p, const wfm_shiftreq *req, const wfm_shiftrules *rs,
			 const wfm_tz *tz, const struct wfm_shiftplan_opts *o, wfm_error *err)
{
	struct wfm_tm tm;
	int gmin = wfm_shiftrules_grid(rs, req->step) / 60;

	if (gmin < 5)
		return wfm_error_at(err, rs->file, 0, NULL,
				    "the rules need a %d-minute grid (starts, lengths and breaks must fall on 5-minute steps)", gmin);
	p->grid = gmin * 60;
	p->break_step = o->break_step > 0 ? (o->break_step + gmin - 1) / gmin * gmin : gmin;
	if (o->ndays > 0) {
		p->first_day = o->first_day;
		p->ndays = o->ndays;
	} else {
		wfm_time_local(req->start, tz, &tm);
		p->first_day = tm.days;
		wfm_time_local(req->start + (int64_t)(req->n - 1) * req->step, tz, &tm);
		p->ndays = (int)(tm.days - p->first_day + 1);
	}
	p->t0 = wfm_time_day_start(p->first_day, tz);
	{
		int64_t t1 = wfm_time_day_start(p->first_day + p->ndays, tz);
		p->ncells = (size_t)((t1 - p->t0 + p->grid - 1) / p->grid);
	}
	if (req->start >= p->t0 + (int64_t)p->ncells * p->grid ||
	    req->start + (int64_t)req->n * req->step <= p->t0) {
		char a[16];
		wfm_time_format_date(p->first_day, a, sizeof(a));
		return wfm_error_at(err, req->file, 0, NULL, "no requirements in the %d day%s from %s",
				    p->ndays, p->ndays == 1 ? "" : "s", a);
	}
	if (!(p->required = calloc(p->ncells, sizeof(double))) ||
	    !(p->scheduled = calloc(p->ncells, sizeof(long))) ||
	    !(p->day_paid = calloc((size_t)p->ndays, sizeof(double))))
		return wfm_error_set(err, "out of memory");
	for (size_t i = 0; i < p->ncells; i++) {
		int64_t t = p->t0 + (int64_t)i * p->grid, k;
		if (t < req->start || (k = (t - req->start) / req->step) >= (int64_t)req->n) {
			p->nodata++;
			continue;
		}
		p->required[i] = req->req[k];
		p->required_hours += req->req[k] * p->grid / 3600.0;
	}
	return gmin;
}

static void model_free(struct model *m)
{
	wfm_mip_free(m->mip);
	WFM_FREE(m->col, m->rowcell, m->need, m->cbeg, m->crow, m->rbeg, m->rcol, m->grp, m->gmin,
		 m->gmax, m->gcnt, m->cells, m->rowof, m->x, m->bad, m->anycover, m->ovjob, m->ovrow,
		 m->ovmax);
}

/* The window and the per-cell scratch arrays. */
static int model_alloc(struct model *m, wfm_shiftplan *p, const wfm_shiftreq *req,
		       const wfm_shiftrules *rs, const wfm_tz *tz,
		       const struct wfm_shiftplan_opts *o, wfm_error *err)
{
	m->t_start = wfm_mip_clock();
	m->deadline = m->t_start + o->time_limit;
	m->p = p;
	m->req = req;
	m->rs = rs;
	m->tz = tz;
	m->o = o;
	m->wk = o->work;
	m->soft = o->soft;
	m->wrap = !o->no_wrap;
	if ((m->gridmin = wfm_shiftplan_window(p, req, rs, tz, o, err)) < 0)
		return -1;
	if (!(m->rowof = malloc(p->ncells * sizeof(int))) ||
	    !(m->anycover = calloc(p->ncells, sizeof(long))) ||
	    !(m->bad = malloc(p->ncells * sizeof(size_t))) ||
	    !(m->cells = malloc((24 * 60 / m->gridmin + 1) * sizeof(int))))
		return wfm_error_set(err, "out of memory");
	return 0;
}

/* Flexible work: the cells open to each job.  Runs of contiguous slots
 * of a job; the cells wholly inside a run are open to it, capped by the
 * least max_agents of the slots they overlap. */
static int model_work_cells(struct model *m, wfm_error *err)
{
	const wfm_shiftwork *wk = m->wk;
	wfm_shiftplan *p = m->p;
	int64_t sstep = wk->step ? wk->step : m->req->step;
	size_t per = (size_t)(sstep / p->grid) + 2;

	p->njobs = wk->njobs;
	if (!(p->outbound = calloc(p->ncells, sizeof(double))) ||
	    !(p->job_hours = calloc(wk->njobs + 1, sizeof(double))) ||
	    !(m->ovjob = malloc(wk->nslot * per * sizeof(int))) ||
	    !(m->ovrow = malloc(wk->nslot * per * sizeof(int))) ||
	    !(m->ovmax = malloc(wk->nslot * per * sizeof(double))))
		return wfm_error_set(err, "out of memory");
	for (size_t k = 0; k < wk->njobs; k++)
		p->work_hours += wk->hours[k];
	for (size_t q = 0, e; q < wk->nslot; q = e) {
		int64_t a = wk->slot[q].t, b = a + sstep;
		for (e = q + 1; e < wk->nslot && wk->slot[e].job == wk->slot[q].job &&
		     wk->slot[e].t <= b; e++)
			b = wk->slot[e].t + sstep;
		int64_t d = a - p->t0;
		int64_t i = d >= 0 ? (d + p->grid - 1) / p->grid : 0;
		for (; i < (int64_t)p->ncells; i++) {
			int64_t t = p->t0 + i * p->grid;
			double mx = -1;
			if (t + p->grid > b)
				break;
			for (size_t k = q; k < e; k++)
				if (wk->slot[k].t < t + p->grid && wk->slot[k].t + sstep > t &&
				    wk->slot[k].max >= 0 && (mx < 0 || wk->slot[k].max < mx))
					mx = wk->slot[k].max;
			m->ovjob[m->nov] = (int)wk->slot[q].job;
			m->ovrow[m->nov] = (int)i;
			m->ovmax[m->nov++] = mx;
		}
	}
	return 0;
}

static int model_col_cells(struct model *m, wfm_error *err);

/* The shift columns, and the cover rows: cells that need people (or are
 * open to flexible work) and that some shift can reach.  In hard mode a
 * cell that needs people and that no shift reaches is an error. */
static int model_rows(struct model *m, wfm_error *err)
{
	wfm_shiftplan *p = m->p;
	char msg[600];
	long nc = wfm_shiftplan_enumerate(m->rs, m->tz, p, p->break_step, &m->col, err);

	if (nc < 0)
		return -1;
	m->ncols = (size_t)nc;
	if (model_col_cells(m, err))
		return -1;
	for (size_t k = 0; k < m->cbeg[m->ncols]; k++)
		m->anycover[m->crow[k]]++;
	if (!(m->rowcell = malloc(p->ncells * sizeof(int))) || !(m->need = malloc(p->ncells * sizeof(long))))
		return wfm_error_set(err, "out of memory");
	for (size_t i = 0; i < p->ncells; i++)
		m->rowof[i] = 0;
	for (size_t k = 0; k < m->nov; k++)
		m->rowof[m->ovrow[k]] = 1;     /* cells open to flexible work */
	for (size_t i = 0; i < p->ncells; i++) {
		long need = (long)ceil(p->required[i] - 1e-9);
		int open = m->rowof[i] && m->anycover[i];
		m->rowof[i] = -1;
		if (need <= 0 && !open)
			continue;
		if (need < 0)
			need = 0;
		if (!m->anycover[i]) {
			m->bad[m->nbad++] = i;
			continue;
		}
		m->rowof[i] = (int)m->nrows;
		m->rowcell[m->nrows] = (int)i;
		m->need[m->nrows++] = need;
	}
	p->uncoverable = m->nbad;
	if (m->nbad && !m->o->soft) {
		wfm_shiftplan_list_cells(msg, sizeof(msg), p, m->tz, m->bad, m->nbad);
		wfm_error_at(err, m->rs->file, 0, NULL,
			     "hard cover infeasible: %zu intervals outside every shift (no rule has a shift working then): %s",
			     m->nbad, msg);
		err->code = WFM_EINPUT;
		return -1;
	}
	return 0;
}

/* Flexible work: keep the cells some shift reaches (as cover rows from
 * here on); each job must fit in them. */
static int model_work_fit(struct model *m, wfm_error *err)
{
	const wfm_shiftwork *wk = m->wk;
	size_t q = 0;
	double *capj = calloc(wk->njobs + 1, sizeof(double));

	if (!capj)
		return wfm_error_set(err, "out of memory");
	for (size_t k = 0; k < m->nov; k++)
		if (m->rowof[m->ovrow[k]] >= 0) {
			m->ovjob[q] = m->ovjob[k];
			m->ovrow[q] = m->ovrow[k];
			m->ovmax[q++] = m->ovmax[k];
			capj[m->ovjob[k]] += m->ovmax[k] < 0 ? HUGE_VAL : m->ovmax[k] * m->p->grid / 3600.0;
		}
	m->nov = q;
	for (size_t j = 0; j < wk->njobs; j++)
		if (wk->hours[j] > 0 && capj[j] < wk->hours[j] - 1e-9) {
			wfm_error_at(err, wk->file, 0, NULL,
				     "job \"%s\": %g agent-hours do not fit in its allowed intervals "
				     "inside the shift window (%g agent-hours at most)",
				     wk->job[j], wk->hours[j], capj[j]);
			err->code = WFM_EINPUT;
			free(capj);
			return -1;
		}
	free(capj);
	for (size_t k = 0; k < m->nov; k++)
		m->ovrow[k] = m->rowof[m->ovrow[k]];
	return 0;
}

/* The MIP's cover rows, a row per (rule, day) with count limits (brow),
 * and the (rule, day) groups of the heuristic. */
static int model_count_rows(struct model *m, int *brow, wfm_error *err)
{
	const wfm_shiftrules *rs = m->rs;
	size_t nd = (size_t)m->p->ndays;

	if (!(m->mip = wfm_mip_alloc(err)))
		return -1;
	for (size_t i = 0; i < m->nrows; i++)
		wfm_mip_add_row(m->mip, (double)m->need[i], -1);
	m->ngrp = rs->n * nd;
	if (!(m->grp = malloc((m->ncols + 1) * sizeof(int))) ||
	    !(m->gmin = calloc(m->ngrp + 1, sizeof(long))) || !(m->gmax = calloc(m->ngrp + 1, sizeof(long))) ||
	    !(m->gcnt = calloc(m->ngrp + 1, sizeof(long))))
		return wfm_error_set(err, "out of memory");
	for (size_t r = 0; r < rs->n; r++)
		for (size_t d = 0; d < nd; d++) {
			const struct wfm_shiftrule *ru = &rs->rule[r];
			brow[r * nd + d] = -1;
			if ((ru->min_count > 0 || ru->max_count >= 0) &&
			    (ru->days & (1u << wfm_time_weekday(m->p->first_day + (int64_t)d)))) {
				brow[r * nd + d] = wfm_mip_add_row(m->mip, ru->min_count > 0 ? (double)ru->min_count : 0,
								   ru->max_count >= 0 ? (double)ru->max_count : -1);
				m->nbound++;
			}
			m->gmin[r * nd + d] = ru->min_count > 0 ? ru->min_count : 0;
			m->gmax[r * nd + d] = ru->max_count;
		}
	for (size_t j = 0; j < m->ncols; j++)
		m->grp[j] = m->col[j].rule * m->p->ndays + (int)(m->col[j].day - m->p->first_day);
	return 0;
}

/* The cells each shift column works (cbeg/crow, until model_shift_rows
 * makes them cover rows). */
static int model_col_cells(struct model *m, wfm_error *err)
{
	wfm_shiftplan *p = m->p;
	size_t nnz = 0, ccap = 0;

	if (!(m->cbeg = malloc((m->ncols + 1) * sizeof(size_t))))
		return wfm_error_set(err, "out of memory");
	m->cbeg[0] = 0;
	for (size_t j = 0; j < m->ncols; j++) {
		const struct col *c = &m->col[j];
		if (nnz + (size_t)(c->len / m->gridmin) > ccap) {
			void *t = realloc(m->crow, (ccap = 2 * (nnz + (size_t)(c->len / m->gridmin)) + 4096) * sizeof(int));
			if (!t)
				return wfm_error_set(err, "out of memory");
			m->crow = t;
		}
		nnz += (size_t)wfm_shiftplan_col_cells(c, m->gridmin, m->rs->rule[c->rule].break_len, p->ncells,
						       m->wrap, m->crow + nnz);
		m->cbeg[j + 1] = nnz;
	}
	return 0;
}

/* The shift columns' cover rows (cbeg/crow): their cells that are rows. */
static void model_shift_rows(struct model *m)
{
	size_t nnz = 0, k0 = 0;

	for (size_t j = 0; j < m->ncols; j++) {
		size_t k1 = m->cbeg[j + 1];
		for (size_t k = k0; k < k1; k++)
			if (m->rowof[m->crow[k]] >= 0)
				m->crow[nnz++] = m->rowof[m->crow[k]];
		k0 = k1;
		m->cbeg[j + 1] = nnz;
	}
}

/* The shift columns of the MIP: their cover rows and count-limit row. */
static int model_shift_cols(struct model *m, const int *brow, wfm_error *err)
{
	wfm_shiftplan *p = m->p;
	int *idx = malloc((24 * 60 / m->gridmin + 2) * sizeof(int)), rc = -1;
	double *val = malloc((24 * 60 / m->gridmin + 2) * sizeof(double));

	if (!idx || !val) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	for (size_t j = 0; j < m->ncols; j++) {
		const struct col *c = &m->col[j];
		int q = 0;
		for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++) {
			idx[q] = m->crow[k];
			val[q++] = 1;
		}
		int br = brow[(size_t)c->rule * (size_t)p->ndays + (size_t)(c->day - p->first_day)];
		if (br >= 0) {
			idx[q] = br;
			val[q++] = 1;
		}
		if (wfm_mip_add_col(m->mip, c->cost, 0, -1, (size_t)q, idx, val, err) < 0)
			goto out;
	}
	rc = 0;
out:
	WFM_FREE(idx, val);
	return rc;
}

int wfm_shiftplan_rows_cols(const size_t *cbeg, const int *crow, size_t ncols, size_t nrows,
			    size_t **rbeg, int **rcol)
{
	size_t nnz = cbeg[ncols], *rb;
	int *rc;

	if (!(*rbeg = rb = calloc(nrows + 2, sizeof(size_t))) || !(*rcol = rc = malloc((nnz + 1) * sizeof(int))))
		return -1;
	for (size_t k = 0; k < nnz; k++)
		rb[crow[k] + 2]++;
	for (size_t i = 0; i < nrows; i++)
		rb[i + 2] += rb[i + 1];
	for (size_t j = 0; j < ncols; j++)
		for (size_t k = cbeg[j]; k < cbeg[j + 1]; k++)
			rc[rb[crow[k] + 1]++] = (int)j;
	return 0;
}

/* Row -> covering columns (rbeg/rcol). */
static int model_row_cols(struct model *m, wfm_error *err)
{
	if (wfm_shiftplan_rows_cols(m->cbeg, m->crow, m->ncols, m->nrows, &m->rbeg, &m->rcol))
		return wfm_error_set(err, "out of memory");
	return 0;
}

/* The soft mode's under-cover columns and the flexible-work columns and
 * rows. */
static int model_side_cols(struct model *m, wfm_error *err)
{
	const wfm_shiftwork *wk = m->wk;

	for (size_t i = 0; m->o->soft && i < m->nrows; i++) {
		int r = (int)i;
		double one = 1;
		if (wfm_mip_add_col(m->mip, m->o->penalty * m->p->grid / 3600.0, 0, -1, 1, &r, &one, err) < 0)
			return -1;
	}
	if (!wk)
		return 0;
	int wrow0 = (int)wfm_mip_nrows(m->mip);
	for (size_t j = 0; j < wk->njobs; j++)
		wfm_mip_add_row(m->mip, wk->hours[j] * 3600.0 / m->p->grid, -1);
	m->o0 = wfm_mip_ncols(m->mip);
	wfm_mip_continuous_from(m->mip, m->o0);
	for (size_t k = 0; k < m->nov; k++) {
		int r[2] = { m->ovrow[k], wrow0 + m->ovjob[k] };
		double v[2] = { -1, 1 };
		/* A token cost, so the plan holds no more outbound agents
		 * than the work needs. */
		if (wfm_mip_add_col(m->mip, 1e-4, 0, m->ovmax[k], 2, r, v, err) < 0)
			return -1;
	}
	return 0;
}

/* The whole model: columns, rows, count limits, side columns. */
static int model_build(struct model *m, wfm_error *err)
{
	size_t nbr = m->rs->n * (size_t)m->p->ndays + 1;
	int *brow = calloc(nbr, sizeof(int)), rc;

	if (!brow)
		return wfm_error_set(err, "out of memory");
	rc = (m->wk && model_work_cells(m, err)) || model_rows(m, err) ||
	     (m->wk && model_work_fit(m, err)) || (model_shift_rows(m), 0) || model_row_cols(m, err) ||
	     model_count_rows(m, brow, err) ? -1 : 0;
	/* Building took more than BUILD_SHARE of the time limit: the MIP
	 * columns, GLPK's copy and the LP would take as long again and more,
	 * so the plan is the greedy cover (not with flexible work: its job
	 * rows need the LP). */
	m->no_lp = !rc && !m->wk && !m->nbound && wfm_mip_clock() - m->t_start > BUILD_SHARE * m->o->time_limit;
	if (!rc && !m->no_lp)
		rc = model_shift_cols(m, brow, err) || model_side_cols(m, err) ? -1 : 0;
	free(brow);
	return rc;
}

/* Hard cover made infeasible by the count limits: the message lists the
 * intervals the soft model (penalty 1000) leaves short. */
static int explain_infeasible(struct model *m, wfm_error *err)
{
	struct wfm_shiftplan_opts so = *m->o;
	wfm_shiftplan *sp;
	char msg[600];
	size_t nbad = 0;

	so.soft = 1;
	so.penalty = 1000;
	if (!(sp = wfm_shiftplan_solve(m->req, m->rs, m->tz, &so, err)))
		return -1;
	for (size_t i = 0; i < sp->ncells; i++)
		if (sp->scheduled[i] < (long)ceil(sp->required[i] - 1e-9))
			m->bad[nbad++] = i;
	wfm_shiftplan_list_cells(msg, sizeof(msg), sp, m->tz, m->bad, nbad);
	wfm_shiftplan_free(sp);
	wfm_error_at(err, m->rs->file, 0, NULL,
		     "hard cover infeasible: %zu intervals cannot be covered within min_count/max_count: %s",
		     nbad, msg);
	err->code = WFM_EINPUT;
	return -1;
}

/* Building used up the time (m->no_lp): the greedy cover from nothing,
 * reported as a solve stopped by the time limit before its LP. */
static int model_greedy(struct model *m, wfm_error *err)
{
	wfm_shiftplan *p = m->p;
	size_t n = m->ncols + (m->soft ? m->nrows : 0);
	double *z = calloc(n + 1, sizeof(double)), obj = 0;

	p->model_rows = wfm_mip_nrows(m->mip);
	p->model_cols = n;
	p->model_nnz = m->cbeg[m->ncols] + (m->soft ? m->nrows : 0);
	if (!z || !(m->x = calloc(n + 1, sizeof(double)))) {
		free(z);
		return wfm_error_set(err, "out of memory");
	}
	if (heuristic(z, m->x, m)) {
		free(z);
		return wfm_error_set(err, "no integer solution found within the time limit of %g s", m->o->time_limit);
	}
	free(z);
	for (size_t j = 0; j < m->ncols; j++)
		obj += m->col[j].cost * m->x[j];
	for (size_t i = 0; m->soft && i < m->nrows; i++)
		obj += m->o->penalty * p->grid / 3600.0 * m->x[m->ncols + i];
	memset(&p->mip, 0, sizeof(p->mip));
	p->mip.status = WFM_MIP_TIME_LIMIT;
	p->mip.time_hit = 1;
	p->mip.heuristic_used = 1;
	p->mip.objective = obj;
	p->mip.seconds = wfm_mip_clock() - m->t_start;
	return 0;
}

/* Solve the MIP (the time limit counts from model_alloc). */
static int model_solve(struct model *m, wfm_error *err)
{
	wfm_shiftplan *p = m->p;

	if (m->no_lp)
		return model_greedy(m, err);
	p->model_rows = wfm_mip_nrows(m->mip);
	p->model_cols = wfm_mip_ncols(m->mip);
	p->model_nnz = wfm_mip_nnz(m->mip);
	if (!(m->x = calloc(p->model_cols + 1, sizeof(double))))
		return wfm_error_set(err, "out of memory");
	wfm_mip_work_limit(m->mip, m->o->work_limit);
	wfm_mip_chain(m->mip, 0, m->nrows);    /* the cover rows, in cell order */
	wfm_mip_started(m->mip, m->t_start);
	struct wfm_mip_params mp = { m->o->time_limit, m->o->gap, heuristic, m };
	if (wfm_mip_solve(m->mip, &mp, m->x, &p->mip, err))
		return -1;
	if (p->mip.status == WFM_MIP_INFEASIBLE && m->wk) {
		wfm_error_at(err, m->rs->file, 0, NULL,
			     "hard cover infeasible: the inbound requirement and the outbound work of %s "
			     "cannot both be covered within min_count/max_count and max_agents", m->wk->file);
		err->code = WFM_EINPUT;
		return -1;
	}
	if (p->mip.status == WFM_MIP_INFEASIBLE)
		return explain_infeasible(m, err);
	if (p->mip.objective == HUGE_VAL)
		return wfm_error_set(err, "no integer solution found within the time limit of %g s%s", m->o->time_limit,
				     m->ngrp && m->nbound ? " (min_count/max_count bind: raise --time-limit or loosen them)" : "");
	return 0;
}

/* The plan's rows, paid hours and people working per cell. */
static int model_plan_rows(struct model *m, wfm_error *err)
{
	wfm_shiftplan *p = m->p;

	for (size_t j = 0; j < m->ncols; j++)
		if (m->x[j] > 0.5)
			p->nrows++;
	if (!(p->row = calloc(p->nrows + 1, sizeof(*p->row))))
		return wfm_error_set(err, "out of memory");
	p->nrows = 0;
	for (size_t j = 0; j < m->ncols; j++) {
		const struct col *c = &m->col[j];
		long cnt = lround(m->x[j]);
		if (cnt <= 0)
			continue;
		p->row[p->nrows++] = (struct wfm_plan_row){ c->day, c->rule, c->start, c->len,
							    c->brk, cnt, c->t, -1 };
		p->paid_hours += c->cost * (double)cnt;
		p->day_paid[c->day - p->first_day] += c->cost * (double)cnt;
		int n = wfm_shiftplan_col_cells(c, m->gridmin, m->rs->rule[c->rule].break_len, p->ncells,
						m->wrap, m->cells);
		for (int k = 0; k < n; k++)
			p->scheduled[m->cells[k]] += cnt;
	}
	return 0;
}

/* Flexible work per cell and job: a job given more than its work needs
 * loses the surplus from its latest cells (they stay on shift, idle);
 * tiny values go. */
static int model_work_plan(struct model *m, wfm_error *err)
{
	wfm_shiftplan *p = m->p;
	const wfm_shiftwork *wk = m->wk;
	double *x = m->x + m->o0, h = p->grid / 3600.0;

	if (wk) {
		double *tot = calloc(wk->njobs + 1, sizeof(double));
		if (!tot)
			return wfm_error_set(err, "out of memory");
		for (size_t k = 0; k < m->nov; k++) {
			if (x[k] < 1e-6)
				x[k] = 0;
			tot[m->ovjob[k]] += x[k] * h;
		}
		for (size_t k = m->nov; k-- > 0;) {
			double cut = fmin(x[k], (tot[m->ovjob[k]] - wk->hours[m->ovjob[k]]) / h);
			if (cut > 1e-9) {
				x[k] -= cut;
				tot[m->ovjob[k]] -= cut * h;
			}
		}
		free(tot);
	}
	if (!(p->ov = calloc(m->nov + 1, sizeof(*p->ov))))
		return wfm_error_set(err, "out of memory");
	for (size_t k = 0; k < m->nov; k++) {
		int i = m->rowcell[m->ovrow[k]];
		if (x[k] > 1e-9)
			p->ov[p->nov++] = (struct wfm_ov){ (size_t)m->ovjob[k], (size_t)i, x[k] };
		p->outbound[i] += x[k];
		p->job_hours[m->ovjob[k]] += x[k] * h;
		p->outbound_hours += x[k] * h;
	}
	return 0;
}

/* Totals: scheduled and short agent-hours, efficiency. */
void wfm_shiftplan_totals(wfm_shiftplan *p)
{
	for (size_t i = 0; i < p->ncells; i++) {
		double under = p->required[i] - (double)p->scheduled[i] + (p->outbound ? p->outbound[i] : 0);
		p->scheduled_hours += (double)p->scheduled[i] * p->grid / 3600.0;
		if (under > 1e-9) {
			p->under_cells++;
			p->under_hours += under * p->grid / 3600.0;
		}
	}
	/* The share of scheduled agent-hours that meets the requirement
	 * (covered inbound + outbound): at most 100% even when soft mode
	 * leaves hours short (they are under_hours, not efficiency). */
	p->efficiency = p->scheduled_hours > 0 ?
		(p->required_hours - p->under_hours + p->outbound_hours) / p->scheduled_hours : 0;
}

/* alloc / build / solve / extract / free over struct model: the single
 * pool, whatever its size. */
wfm_shiftplan *wfm_shiftplan_solve_one(const wfm_shiftreq *req, const wfm_shiftrules *rs,
				       const wfm_tz *tz, const struct wfm_shiftplan_opts *o,
				       wfm_error *err)
{
	wfm_shiftplan *p;
	struct model m = { 0 };

	if (!(p = calloc(1, sizeof(*p)))) {
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	if (model_alloc(&m, p, req, rs, tz, o, err) || model_build(&m, err) || model_solve(&m, err) ||
	    model_plan_rows(&m, err) || model_work_plan(&m, err)) {
		wfm_shiftplan_free(p);
		p = NULL;
	} else {
		wfm_shiftplan_totals(p);
	}
	model_free(&m);
	return p;
}

wfm_shiftplan *wfm_shiftplan_solve(const wfm_shiftreq *req, const wfm_shiftrules *rs,
				   const wfm_tz *tz, const struct wfm_shiftplan_opts *o,
				   wfm_error *err)
{
	if (o->groups || o->specialists)
		return wfm_shiftplan_solve_groups(req, rs, tz, o, err);
	if (wfm_shiftplan_blocks_fit(req, rs, tz, o))
		return wfm_shiftplan_solve_blocks(req, rs, tz, o, err);
	return wfm_shiftplan_solve_one(req, rs, tz, o, err);
}

/* A lower bound on the LP of the whole single-pool model of o's window,
 * by interior point over parts runs of its cover rows
 * (wfm_mip_lp_bound_parts; 1: the whole model at once). */
int wfm_shiftplan_lp_bound(const wfm_shiftreq *req, const wfm_shiftrules *rs, const wfm_tz *tz,
			   const struct wfm_shiftplan_opts *o, int parts, double *bound, wfm_error *err)
{
	wfm_shiftplan *p = calloc(1, sizeof(*p));
	struct model m = { 0 };
	struct wfm_shiftplan_opts ob = *o;
	int rc = -1;

	ob.time_limit = 1e9;      /* build the whole model */
	if (p && !model_alloc(&m, p, req, rs, tz, &ob, err) && !model_build(&m, err)) {
		wfm_mip_chain(m.mip, 0, m.nrows);
		rc = wfm_mip_lp_bound_parts(m.mip, parts > 0 ? (size_t)parts : 1, bound, err);
	}
	model_free(&m);
	wfm_shiftplan_free(p);
	return rc;
}

/* ---- the plan as plan.csv rows and coverage.csv rows ---- */

/* Minutes after local midnight of `day` of the instant utc. */
static int local_min(int64_t utc, int64_t day, const wfm_tz *tz)
{
	struct wfm_tm tm;

	wfm_time_local(utc, tz, &tm);
	return (int)(tm.days - day) * 1440 + tm.hour * 60 + tm.min;
}

wfm_plan *wfm_shiftplan_plan(const wfm_shiftplan *p, const wfm_shiftrules *rs,
			     const wfm_tz *tz, wfm_error *err)
{
	wfm_plan *out = calloc(1, sizeof(*out));

	if (!out || !(out->s = calloc(p->nrows + 1, sizeof(*out->s))))
		goto oom;
	for (size_t i = 0; i < p->nrows; i++, out->n++) {
		const struct wfm_plan_row *r = &p->row[i];
		struct wfm_shift *s = &out->s[i];
		s->day = r->day;
		s->start = local_min(r->t, r->day, tz);
		s->end = local_min(r->t + (int64_t)r->len * 60, r->day, tz);
		s->bstart = s->bend = -1;
		if (r->brk >= 0) {
			s->bstart = local_min(r->t + (int64_t)r->brk * 60, r->day, tz);
			s->bend = local_min(r->t + (int64_t)(r->brk + rs->rule[r->rule].break_len) * 60,
					    r->day, tz);
		}
		s->count = r->count;
		if (!(s->name = strdup(rs->rule[r->rule].name)))
			goto oom;
		if (r->group >= 0 && p->group && !(s->group = strdup(p->group[r->group])))
			goto oom;
	}
	return out;
oom:
	wfm_plan_free(out);
	wfm_error_set(err, "out of memory");
	return NULL;
}

wfm_coverage *wfm_shiftplan_coverage(const wfm_shiftplan *p, wfm_error *err)
{
	wfm_coverage *cv = wfm_coverage_new(p->chan_required != NULL, p->outbound != NULL);

	if (!cv)
		goto oom;
	for (size_t c = 0; c < p->nchan; c++)
		if (wfm_coverage_channel(cv, p->channel[c]) != (long)c)
			goto oom;
	for (size_t i = 0; i < p->ncells; i++) {
		int64_t t = p->t0 + (int64_t)i * p->grid;
		double ob = p->outbound ? p->outbound[i] : NAN;
		for (size_t c = 0; p->chan_required && c < p->nchan; c++)
			if (wfm_coverage_add(cv, t, (long)c, p->chan_required[c * p->ncells + i],
					     p->chan_scheduled[c * p->ncells + i], NAN, err))
				goto fail;
		if (wfm_coverage_add(cv, t, -1, p->required[i],
				     (double)p->scheduled[i] - (p->outbound ? ob : 0), ob, err))
			goto fail;
	}
	return cv;
oom:
	wfm_error_set(err, "out of memory");
fail:
	wfm_coverage_free(cv);
	return NULL;
}
