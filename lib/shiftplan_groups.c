/* shiftplan_groups.c - shift plan per skill group: every channel covered
 * in every cover cell by the working agents of the groups that hold its
 * skill.  Entry point: wfm_shiftplan_solve() with opts.groups set calls
 * wfm_shiftplan_solve_groups().
 *
 * One MIP (lib/mip.c):
 *   x[j,g] >= 0 integer   people of group g on shift column j (the single
 *                         pool's columns: day x rule x start x length x break)
 *   y[r,g,c] >= 0         agents of group g working on channel c in cover
 *                         cell r (c a skill of g, open in r)
 *   u[r,c] >= 0           soft mode only: agents short, at the penalty
 *   cover (r,c):   sum_g y[r,g,c] + u[r,c] >= need[r,c]
 *   split (r,g):   sum_j a[r,j] x[j,g] - sum_c y[r,g,c] >= 0
 *   rule/day:      min_count <= sum_{g, j of the rule and day} x[j,g] <= max_count
 *   group/day:     sum_{j starting that day} x[j,g] <= max_agents
 *   share g:       sum_j x[j,g] >= min_share * sum_{j,h} x[j,h]
 *   minimise paid hours (+ penalty * agent-hours short).
 * need[r,c] is channel c's agents_gross in the interval of cell r, not
 * rounded: fractional requirements pool across the channels of a group.
 *
 * The incumbent: the LP point (or its dive) rounded up, which keeps the
 * LP's split feasible, then people dropped one at a time, dearest shifts
 * first, while every cell they work in still has a split (kept per cell
 * as a flow and repaired by augmenting paths groups -> channels).
 */
#include "shiftplan.h"
#include "agents.h"
#include "shiftplan_int.h"
#include "mem.h"
#include "groups.h"
#include "timeutil.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-9

struct gm {
	const wfm_groups *gr;
	wfm_groups *own;         /* specialists: one group per open channel */
	int *open;               /* per channel: any requirement in the window */
	size_t G, C;
	uint64_t *mask;          /* per group: its channels */
	int gmin, wrap;
	size_t ncells;
	size_t nr;               /* cover cells: cells where a channel needs agents */
	int *rcell;              /* cover cell -> cell */
	int *rof;                /* cell -> cover cell or -1 */
	double *need;            /* [r * C + c] */
	size_t nbase;
	struct col *col;
	size_t *cbeg;            /* base column -> cover cells worked */
	int *crc;
	size_t *rbeg;            /* cover cell -> base columns working then */
	int *rcol;
	uint64_t *smask;         /* heuristic: channels short per cover cell */
	/* MIP layout: x[j * G + g], then y, then u */
	size_t nx, y0, ny, u0, nu;
	int *yr, *yg, *yc;       /* per y column */
	int *urow_r, *urow_c;    /* per u column */
	int *cover_row;          /* [r * C + c] -> MIP row, -1 */
	int *split_row;          /* [r * G + g] -> MIP row, -1 */
	int *rd_row;             /* [rule * ndays + d] -> MIP row, -1 */
	long *rd_min, *rd_cnt;
	int ndays;
	size_t nrules;
	int64_t first_day;
	double *share;           /* per group min_share */
	long *gcnt, total;       /* heuristic: people per group, in all */
	/* heuristic state */
	double *K, *flow, *nd;   /* [r*G+g], [(r*G+g)*C+c], [r*C+c] */
	double *save, *used, *in;
	int *pg, *pc, *queue;
};

static void gm_free(struct gm *m)
{
	wfm_groups_free(m->own);
	WFM_FREE(m->open, m->mask, m->rcell, m->rof, m->need, m->col, m->cbeg, m->crc, m->rbeg,
		 m->rcol, m->smask, m->yr, m->yg, m->yc, m->urow_r, m->urow_c, m->cover_row,
		 m->split_row, m->rd_row, m->rd_min, m->rd_cnt, m->share, m->gcnt, m->K, m->flow,
		 m->nd, m->save, m->used, m->in, m->pg, m->pc, m->queue);
}

/* The requirement per cell and channel, the cover cells, and the channels
 * open in the window (checked against the groups). */
static int gm_cells(struct gm *m, wfm_shiftplan *p, const wfm_shiftreq *req, wfm_error *err)
{
	int *open = m->open = calloc(m->C + 1, sizeof(int));

	m->ncells = p->ncells;
	if (!open || !(p->chan_required = calloc(m->C * p->ncells + 1, sizeof(double))) ||
	    !(p->chan_scheduled = calloc(m->C * p->ncells + 1, sizeof(double))) ||
	    !(m->rof = malloc(p->ncells * sizeof(int))) || !(m->rcell = malloc(p->ncells * sizeof(int))) ||
	    !(m->need = calloc(p->ncells * m->C + 1, sizeof(double))))
		return wfm_error_set(err, "out of memory");
	for (size_t i = 0; i < p->ncells; i++) {
		int64_t t = p->t0 + (int64_t)i * p->grid, k;
		int any = 0;
		m->rof[i] = -1;
		if (t < req->start || (k = (t - req->start) / req->step) >= (int64_t)req->n)
			continue;
		for (size_t c = 0; c < m->C; c++) {
			double v = req->chan_req[c * req->n + (size_t)k];
			p->chan_required[c * p->ncells + i] = v;
			m->need[m->nr * m->C + c] = v;
			if (v > EPS)
				any = open[c] = 1;
		}
		if (any) {
			m->rof[i] = (int)m->nr;
			m->rcell[m->nr++] = (int)i;
		}
	}
	return 0;
}

/* The shift columns and the cover cells each works in; cells no column
 * reaches are listed (hard: an error; soft: left to the penalty). */
static int gm_columns(struct gm *m, wfm_shiftplan *p, const wfm_shiftrules *rs, const wfm_tz *tz,
		      const struct wfm_shiftplan_opts *o, wfm_error *err)
{
	int *cells = malloc((24 * 60 / m->gmin + 1) * sizeof(int));
	char *reach = calloc(m->nr + 1, 1);
	size_t nnz = 0, cap = 0, *bad = NULL, nbad = 0;
	long nc = cells && reach ? wfm_shiftplan_enumerate(rs, tz, p, p->break_step, &m->col, err) : -1;
	int rc = -1;

	if (nc < 0 || !(m->cbeg = malloc(((size_t)nc + 1) * sizeof(size_t))))
		goto out;
	m->nbase = (size_t)nc;
	m->cbeg[0] = 0;
	for (size_t j = 0; j < m->nbase; j++) {
		int n = wfm_shiftplan_col_cells(&m->col[j], m->gmin, rs->rule[m->col[j].rule].break_len,
						p->ncells, m->wrap, cells);
		if (nnz + (size_t)n > cap) {
			void *q = realloc(m->crc, (cap = 2 * (nnz + (size_t)n) + 4096) * sizeof(int));
			if (!q)
				goto out;
			m->crc = q;
		}
		for (int k = 0; k < n; k++)
			if (m->rof[cells[k]] >= 0) {
				m->crc[nnz++] = m->rof[cells[k]];
				reach[m->rof[cells[k]]] = 1;
			}
		m->cbeg[j + 1] = nnz;
	}
	if (!(bad = malloc((m->nr + 1) * sizeof(size_t))))
		goto out;
	for (size_t r = 0; r < m->nr; r++)
		if (!reach[r])
			bad[nbad++] = (size_t)m->rcell[r];
	p->uncoverable = nbad;
	rc = 0;
	if (nbad && !o->soft) {
		char msg[600];
		wfm_shiftplan_list_cells(msg, sizeof(msg), p, tz, bad, nbad);
		wfm_error_at(err, rs->file, 0, NULL,
			     "hard cover infeasible: %zu intervals outside every shift (no rule has a shift working then): %s",
			     nbad, msg);
		err->code = WFM_EINPUT;
		rc = -1;
	}
out:
	if (rc && !err->msg[0])
		wfm_error_set(err, "out of memory");
	WFM_FREE(cells, reach, bad);
	return rc;
}

/* Rows: cover (r,c), split (r,g), rule/day counts, group/day maxima,
 * group shares.  Returns the first share row (or -1 when none). */
static int gm_rows(struct gm *m, wfm_mip *mip, const wfm_shiftrules *rs, int **gd_row)
{
	size_t G = m->G, C = m->C, nrd = rs->n * (size_t)m->ndays;

	for (size_t r = 0; r < m->nr; r++)
		for (size_t c = 0; c < C; c++)
			m->cover_row[r * C + c] = m->need[r * C + c] > EPS ?
				wfm_mip_add_row(mip, m->need[r * C + c], -1) : -1;
	for (size_t r = 0; r < m->nr; r++)
		for (size_t g = 0; g < G; g++) {
			int any = 0;
			for (size_t c = 0; c < C; c++)
				any |= (m->mask[g] >> c & 1) && m->need[r * C + c] > EPS;
			m->split_row[r * G + g] = any ? wfm_mip_add_row(mip, 0, -1) : -1;
		}
	for (size_t k = 0; k < nrd; k++) {
		const struct wfm_shiftrule *ru = &rs->rule[k / (size_t)m->ndays];
		int d = (int)(k % (size_t)m->ndays);
		m->rd_row[k] = -1;
		m->rd_min[k] = ru->min_count > 0 ? ru->min_count : 0;
		if ((ru->min_count > 0 || ru->max_count >= 0) &&
		    (ru->days & (1u << wfm_time_weekday(m->first_day + d))))
			m->rd_row[k] = wfm_mip_add_row(mip, (double)m->rd_min[k],
						       ru->max_count >= 0 ? (double)ru->max_count : -1);
	}
	for (size_t g = 0; g < G; g++)
		for (int d = 0; d < m->ndays; d++)
			(*gd_row)[g * (size_t)m->ndays + (size_t)d] = m->gr->g[g].max_agents >= 0 ?
				wfm_mip_add_row(mip, 0, (double)m->gr->g[g].max_agents) : -1;
	int share0 = (int)wfm_mip_nrows(mip);
	size_t ns = 0;
	for (size_t g = 0; g < G; g++)
		if (m->share[g] > 0) {
			wfm_mip_add_row(mip, 0, -1);
			ns++;
		}
	return ns ? share0 : -1;
}

/* The x column of base column j and group g. */
static int gm_xcol(struct gm *m, wfm_mip *mip, size_t j, size_t g, const int *gd_row, int share0,
		   int *idx, double *val, wfm_error *err)
{
	const struct col *c = &m->col[j];
	size_t q = 0, d = (size_t)(c->day - m->first_day);
	int rd = m->rd_row[(size_t)c->rule * (size_t)m->ndays + d], s = share0;

	for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++) {
		int row = m->split_row[(size_t)m->crc[k] * m->G + g];
		if (row >= 0) {
			idx[q] = row;
			val[q++] = 1;
		}
	}
	if (rd >= 0) {
		idx[q] = rd;
		val[q++] = 1;
	}
	if (gd_row[g * (size_t)m->ndays + d] >= 0) {
		idx[q] = gd_row[g * (size_t)m->ndays + d];
		val[q++] = 1;
	}
	for (size_t h = 0; share0 >= 0 && h < m->G; h++)
		if (m->share[h] > 0) {
			idx[q] = s++;
			val[q++] = (h == g) - m->share[h];
		}
	return wfm_mip_add_col(mip, c->cost, 0, -1, q, idx, val, err) < 0 ? -1 : 0;
}

/* Columns: x, then y (continuous, always in the LP), then u (soft). */
static int gm_build(struct gm *m, wfm_mip *mip, const wfm_shiftrules *rs,
		    const struct wfm_shiftplan_opts *o, double grid_h, wfm_error *err)
{
	size_t G = m->G, C = m->C, nmax = 24 * 60 / (size_t)m->gmin + 4 + G;
	int *gd_row = malloc((G * (size_t)m->ndays + 1) * sizeof(int)), *idx = malloc(nmax * sizeof(int));
	double *val = malloc(nmax * sizeof(double));
	int rc = -1, share0;

	if (!gd_row || !idx || !val) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	share0 = gm_rows(m, mip, rs, &gd_row);
	m->nx = m->nbase * G;
	for (size_t j = 0; j < m->nbase; j++)
		for (size_t g = 0; g < G; g++)
			if (gm_xcol(m, mip, j, g, gd_row, share0, idx, val, err))
				goto out;
	m->y0 = wfm_mip_ncols(mip);
	wfm_mip_continuous_from(mip, m->y0);
	wfm_mip_keep_from(mip, m->y0);
	for (size_t r = 0; r < m->nr; r++)
		for (size_t g = 0; g < G; g++)
			for (size_t c = 0; c < C && m->split_row[r * G + g] >= 0; c++) {
				int row[2] = { m->cover_row[r * C + c], m->split_row[r * G + g] };
				double v[2] = { 1, -1 };
				if (!(m->mask[g] >> c & 1) || row[0] < 0)
					continue;
				m->yr[m->ny] = (int)r;
				m->yg[m->ny] = (int)g;
				m->yc[m->ny++] = (int)c;
				if (wfm_mip_add_col(mip, 0, 0, -1, 2, row, v, err) < 0)
					goto out;
			}
	m->u0 = wfm_mip_ncols(mip);
	for (size_t r = 0; o->soft && r < m->nr; r++)
		for (size_t c = 0; c < C; c++) {
			int row = m->cover_row[r * C + c];
			double one = 1;
			if (row < 0)
				continue;
			m->urow_r[m->nu] = (int)r;
			m->urow_c[m->nu++] = (int)c;
			if (wfm_mip_add_col(mip, o->penalty * grid_h, 0, -1, 1, &row, &one, err) < 0)
				goto out;
		}
	rc = 0;
out:
	WFM_FREE(gd_row, idx, val);
	return rc;
}

/* ---- the incumbent ---- */

/* Augmenting paths source -> group with slack -> channel (-> group that
 * serves it -> channel)* -> channel short, in cover cell r, until no
 * channel is short or no path is left.  Returns the shortfall left. */
static double reflow(struct gm *m, size_t r)
{
	size_t G = m->G, C = m->C;
	double *f = m->flow + r * G * C, *K = m->K + r * G, *used = m->used, *in = m->in;
	const double *nd = m->nd + r * C;

	for (;;) {
		double short_ = 0, amt;
		size_t qh = 0, qt = 0;
		int found = -1;
		for (size_t c = 0; c < C; c++) {
			in[c] = 0;
			m->pg[c] = -1;
		}
		for (size_t g = 0; g < G; g++) {
			used[g] = 0;
			for (size_t c = 0; c < C; c++) {
				used[g] += f[g * C + c];
				in[c] += f[g * C + c];
			}
			m->pc[g] = K[g] - used[g] > EPS ? -1 : -2;
			if (m->pc[g] == -1)
				m->queue[qt++] = (int)g;
		}
		for (size_t c = 0; c < C; c++)
			short_ += fmax(0, nd[c] - in[c]);
		if (short_ <= EPS)
			return 0;
		while (qh < qt && found < 0) {
			size_t g = (size_t)m->queue[qh++];
			for (size_t c = 0; c < C && found < 0; c++) {
				if (!(m->mask[g] >> c & 1) || nd[c] <= EPS || m->pg[c] >= 0)
					continue;
				m->pg[c] = (int)g;
				if (nd[c] - in[c] > EPS)
					found = (int)c;
				for (size_t h = 0; h < G && found < 0; h++)
					if (m->pc[h] == -2 && f[h * C + c] > EPS) {
						m->pc[h] = (int)c;
						m->queue[qt++] = (int)h;
					}
			}
		}
		if (found < 0)
			return short_;
		amt = nd[found] - in[found];
		for (int c = found;;) {
			int g = m->pg[c];
			if (m->pc[g] == -1) {
				amt = fmin(amt, K[g] - used[g]);
				break;
			}
			c = m->pc[g];
			amt = fmin(amt, f[(size_t)g * C + (size_t)c]);
		}
		for (int c = found;;) {
			int g = m->pg[c];
			f[(size_t)g * C + (size_t)c] += amt;
			if (m->pc[g] == -1)
				break;
			c = m->pc[g];
			f[(size_t)g * C + (size_t)c] -= amt;
		}
	}
}

/* One person fewer on x column k (base j, group g), when every cover cell
 * of the shift still has a split and no lower limit breaks.  Returns 1
 * when dropped, 0 when not (everything as it was). */
static int try_drop(struct gm *m, size_t k)
{
	size_t G = m->G, C = m->C, blk = G * C, j = k / G, g = k % G, n = 0, q;
	const struct col *c = &m->col[j];
	size_t rd = (size_t)c->rule * (size_t)m->ndays + (size_t)(c->day - m->first_day);
	int ok = 1;

	if (m->rd_cnt[rd] <= m->rd_min[rd] ||
	    (m->share[g] > 0 && (double)(m->gcnt[g] - 1) < m->share[g] * (double)(m->total - 1) - 1e-9))
		return 0;
	for (q = m->cbeg[j]; q < m->cbeg[j + 1] && ok; q++) {
		size_t r = (size_t)m->crc[q];
		double *f = m->flow + (r * G + g) * C, used = 0, *K = &m->K[r * G + g];
		memcpy(m->save + n++ * blk, m->flow + r * blk, blk * sizeof(double));
		*K -= 1;
		for (size_t ch = 0; ch < C; ch++)
			used += f[ch];
		for (size_t ch = 0; ch < C && used > *K + EPS; ch++) {
			double cut = fmin(f[ch], used - *K);
			f[ch] -= cut;
			used -= cut;
		}
		if (used > *K + EPS || reflow(m, r) > 1e-7)
			ok = 0;
	}
	if (ok) {
		m->rd_cnt[rd]--;
		m->gcnt[g]--;
		m->total--;
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		size_t r = (size_t)m->crc[m->cbeg[j] + i];
		memcpy(m->flow + r * blk, m->save + i * blk, blk * sizeof(double));
		m->K[r * G + g] += 1;
	}
	return 0;
}

/* Channels short in cover cell r after its reflow, as a bit mask. */
static uint64_t short_mask(struct gm *m, size_t r)
{
	size_t G = m->G, C = m->C;
	uint64_t sm = 0;

	for (size_t c = 0; c < C; c++) {
		double in = 0;
		for (size_t g = 0; g < G; g++)
			in += m->flow[(r * G + g) * C + c];
		if (m->nd[r * C + c] - in > 1e-7)
			sm |= (uint64_t)1 << c;
	}
	return sm;
}

/* One more person on x column k: capacity, counts, and the flows of the
 * cells it works in. */
static void add_one(struct gm *m, double *x, size_t k)
{
	size_t G = m->G, j = k / G, g = k % G;
	const struct col *c = &m->col[j];

	x[k] += 1;
	m->rd_cnt[(size_t)c->rule * (size_t)m->ndays + (size_t)(c->day - m->first_day)]++;
	m->gcnt[g]++;
	m->total++;
	for (size_t q = m->cbeg[j]; q < m->cbeg[j + 1]; q++) {
		size_t r = (size_t)m->crc[q];
		m->K[r * G + g] += 1;
		reflow(m, r);
		m->smask[r] = short_mask(m, r);
	}
}

/* Cells still short: add the (shift, group) that reaches the most short
 * cells where the group holds a short channel, per paid hour.  -1 when a
 * cell cannot be helped (hard mode). */
static int repair(struct gm *m, double *x)
{
	size_t G = m->G;

	for (size_t r = 0; r < m->nr; r++)
		while (m->smask[r]) {
			size_t best = SIZE_MAX;
			double bv = 0;
			for (size_t q = m->rbeg[r]; q < m->rbeg[r + 1]; q++) {
				size_t j = (size_t)m->rcol[q];
				for (size_t g = 0; g < G; g++) {
					long gain = 0;
					if (!(m->smask[r] & m->mask[g]))
						continue;
					for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++)
						gain += (m->smask[m->crc[k]] & m->mask[g]) != 0;
					if (gain / m->col[j].cost > bv) {
						bv = gain / m->col[j].cost;
						best = j * G + g;
					}
				}
			}
			if (best == SIZE_MAX) {
				if (!m->nu)
					return -1;
				break;
			}
			add_one(m, x, best);
		}
	return 0;
}

/* People per shift as the single pool rounds them (the LP's sum over
 * groups, to the nearest), shared out over the groups by largest
 * remainder of the LP's values. */
static void aggregate_round(const struct gm *m, const double *xlp, double *x)
{
	size_t G = m->G;

	for (size_t j = 0; j < m->nbase; j++) {
		const double *v = xlp + j * G;
		double sum = 0;
		long n, given = 0;
		for (size_t g = 0; g < G; g++)
			sum += fmax(0, v[g]);
		n = (long)floor(sum + 0.5);
		for (size_t g = 0; g < G; g++) {
			x[j * G + g] = n > 0 ? floor(fmax(0, v[g]) * (double)n / sum + 1e-9) : 0;
			given += (long)x[j * G + g];
		}
		for (; given < n; given++) {
			size_t best = 0;
			double br = -1;
			for (size_t g = 0; g < G; g++) {
				double r = fmax(0, v[g]) * (double)n / sum - x[j * G + g];
				if (r > br) {
					br = r;
					best = g;
				}
			}
			x[j * G + best] += 1;
		}
	}
}

/* An integer plan from the LP point: rounded up (up 1: the LP's split
 * stays feasible), down (0) or as the single pool would (2), repaired
 * where short, then people dropped, dearest shifts first, while every
 * cell keeps a split. */
static int gm_round(struct gm *m, const double *xlp, double *x, int up)
{
	size_t G = m->G, C = m->C, nd = 0;
	struct wfm_keyed *ord = malloc((m->nx + 1) * sizeof(*ord));

	if (!ord)
		return -1;
	memset(m->K, 0, m->nr * G * sizeof(double));
	memset(m->flow, 0, m->nr * G * C * sizeof(double));
	memset(m->rd_cnt, 0, (size_t)m->ndays * m->nrules * sizeof(long));
	memset(m->gcnt, 0, G * sizeof(long));
	m->total = 0;
	memcpy(m->nd, m->need, m->nr * C * sizeof(double));
	for (size_t q = 0; q < m->nu; q++)      /* soft: the LP's shortfall stays */
		m->nd[(size_t)m->urow_r[q] * C + (size_t)m->urow_c[q]] -= fmin(fmax(0, xlp[m->u0 + q]),
			m->nd[(size_t)m->urow_r[q] * C + (size_t)m->urow_c[q]]);
	if (up == 2)
		aggregate_round(m, xlp, x);
	else
		for (size_t k = 0; k < m->nx; k++)
			x[k] = fmax(0, up ? ceil(xlp[k] - 1e-6) : floor(xlp[k] + 1e-6));
	for (size_t k = 0; k < m->nx; k++) {
		const struct col *c = &m->col[k / G];
		long v = (long)x[k];
		if (v <= 0)
			continue;
		for (size_t q = m->cbeg[k / G]; q < m->cbeg[k / G + 1]; q++)
			m->K[(size_t)m->crc[q] * G + k % G] += (double)v;
		m->rd_cnt[(size_t)c->rule * (size_t)m->ndays + (size_t)(c->day - m->first_day)] += v;
		m->gcnt[k % G] += v;
		m->total += v;
	}
	for (size_t r = 0; r < m->nr; r++) {
		reflow(m, r);
		m->smask[r] = short_mask(m, r);
	}
	if (repair(m, x)) {
		free(ord);
		return -1;
	}
	for (size_t k = 0; k < m->nx; k++)
		if (x[k] > 0)
			ord[nd++] = (struct wfm_keyed){ m->col[k / G].cost, k };
	qsort(ord, nd, sizeof(*ord), wfm_keyed_cmp);
	for (size_t q = 0; q < nd; q++)
		while (x[ord[q].i] > 0 && try_drop(m, ord[q].i))
			x[ord[q].i] -= 1;
	free(ord);
	return 0;
}

static double paid(const struct gm *m, const double *x)
{
	double h = 0;

	for (size_t k = 0; k < m->nx; k++)
		h += x[k] * m->col[k / m->G].cost;
	return h;
}

/* Both roundings; the cheaper plan with its split (and shortfall). */
static int gm_heuristic(const double *xlp, double *x, void *arg)
{
	struct gm *m = arg;
	size_t G = m->G, C = m->C;
	double best = HUGE_VAL;
	int how = -1;

	for (int k = 0; k < 3; k++)
		if (gm_round(m, xlp, x, k) == 0 && paid(m, x) < best - 1e-9) {
			best = paid(m, x);
			how = k;
		}
	if (how < 0 || (how != 2 && gm_round(m, xlp, x, how)))
		return -1;
	for (size_t q = 0; q < m->ny; q++)
		x[m->y0 + q] = m->flow[((size_t)m->yr[q] * G + (size_t)m->yg[q]) * C + (size_t)m->yc[q]];
	for (size_t q = 0; q < m->nu; q++) {
		size_t r = (size_t)m->urow_r[q], c = (size_t)m->urow_c[q];
		double in = 0;
		for (size_t g = 0; g < G; g++)
			in += m->flow[(r * G + g) * C + c];
		x[m->u0 + q] = fmax(0, m->need[r * C + c] - in);
	}
	return 0;
}

/* One person of x column k moved to group h (same shift): done when every
 * cover cell of the shift keeps a split, else everything as it was. */
static int try_move(struct gm *m, size_t k, size_t h)
{
	size_t G = m->G, C = m->C, blk = G * C, j = k / G, g = k % G, n = 0, q;
	int ok = 1;

	for (q = m->cbeg[j]; q < m->cbeg[j + 1] && ok; q++) {
		size_t r = (size_t)m->crc[q];
		double *f = m->flow + (r * G + g) * C, used = 0, *K = &m->K[r * G];
		memcpy(m->save + n++ * blk, m->flow + r * blk, blk * sizeof(double));
		K[g] -= 1;
		K[h] += 1;
		for (size_t ch = 0; ch < C; ch++)
			used += f[ch];
		for (size_t ch = 0; ch < C && used > K[g] + EPS; ch++) {
			double cut = fmin(f[ch], used - K[g]);
			f[ch] -= cut;
			used -= cut;
		}
		if (reflow(m, r) > 1e-7)
			ok = 0;
	}
	if (ok)
		return 1;
	for (size_t i = 0; i < n; i++) {
		size_t r = (size_t)m->crc[m->cbeg[j] + i];
		memcpy(m->flow + r * blk, m->save + i * blk, blk * sizeof(double));
		m->K[r * G + g] += 1;
		m->K[r * G + h] -= 1;
	}
	return 0;
}

/* The same paid hours, easier to fill: people move from a group to a
 * narrower one (a strict subset of its skills, fewest skills first) while
 * every cell keeps a split, since any agent holding a group's skills can
 * fill its shift.  Groups with max_agents or min_share are left as they
 * are.  The split (y) of the result is written into x. */
static void narrow(struct gm *m, double *x)
{
	size_t G = m->G, C = m->C;

	memset(m->K, 0, m->nr * G * sizeof(double));
	memset(m->flow, 0, m->nr * G * C * sizeof(double));
	memcpy(m->nd, m->need, m->nr * C * sizeof(double));
	for (size_t q = 0; q < m->nu; q++)
		m->nd[(size_t)m->urow_r[q] * C + (size_t)m->urow_c[q]] -= fmin(fmax(0, x[m->u0 + q]),
			m->nd[(size_t)m->urow_r[q] * C + (size_t)m->urow_c[q]]);
	for (size_t k = 0; k < m->nx; k++) {
		x[k] = (double)lround(x[k]);
		for (size_t q = m->cbeg[k / G]; x[k] > 0 && q < m->cbeg[k / G + 1]; q++)
			m->K[(size_t)m->crc[q] * G + k % G] += x[k];
	}
	for (size_t r = 0; r < m->nr; r++)
		if (reflow(m, r) > 1e-6)
			return;          /* not split as the solver's: keep its y */
	for (int want = 1; want < 64; want++)
		for (size_t k = 0; k < m->nx; k++) {
			size_t g = k % G;
			if (x[k] < 1 || m->share[g] > 0)
				continue;
			for (size_t h = 0; h < G; h++) {
				if (h == g || __builtin_popcountll(m->mask[h]) != want ||
				    (m->mask[h] & ~m->mask[g]) || m->mask[h] == m->mask[g] ||
				    m->gr->g[h].max_agents >= 0)
					continue;
				while (x[k] >= 1 && try_move(m, k, h)) {
					x[k] -= 1;
					x[k - g + h] += 1;
				}
			}
		}
	for (size_t q = 0; q < m->ny; q++)
		x[m->y0 + q] = m->flow[((size_t)m->yr[q] * G + (size_t)m->yg[q]) * C + (size_t)m->yc[q]];
}

/* ---- the plan ---- */

/* Plan rows (base column order, then group), paid hours, the cells'
 * people, and per channel the agents the split puts on it: the flow, and
 * a group's idle agents spread evenly over its channels open then. */
static int gm_extract(struct gm *m, wfm_shiftplan *p, const wfm_shiftrules *rs, const double *x)
{
	size_t G = m->G, C = m->C;
	int *cells = malloc((24 * 60 / m->gmin + 1) * sizeof(int));
	double *idle = calloc(m->nr * G + 1, sizeof(double));

	if (!cells || !idle || !(p->row = calloc(m->nx + 1, sizeof(*p->row))) ||
	    !(p->group_paid = calloc(G + 1, sizeof(double)))) {
		WFM_FREE(cells, idle);
		return -1;
	}
	for (size_t k = 0; k < m->nx; k++) {
		const struct col *c = &m->col[k / G];
		long cnt = lround(x[k]);
		if (cnt <= 0)
			continue;
		p->row[p->nrows++] = (struct wfm_plan_row){ c->day, c->rule, c->start, c->len,
							    c->brk, cnt, c->t, (int)(k % G) };
		p->paid_hours += c->cost * (double)cnt;
		p->group_paid[k % G] += c->cost * (double)cnt;
		p->day_paid[c->day - p->first_day] += c->cost * (double)cnt;
		int n = wfm_shiftplan_col_cells(c, m->gmin, rs->rule[c->rule].break_len, p->ncells, m->wrap, cells);
		for (int q = 0; q < n; q++) {
			p->scheduled[cells[q]] += cnt;
			if (m->rof[cells[q]] >= 0)
				idle[(size_t)m->rof[cells[q]] * G + k % G] += (double)cnt;
		}
	}
	for (size_t q = 0; q < m->ny; q++) {
		double v = fmax(0, x[m->y0 + q]);
		p->chan_scheduled[(size_t)m->yc[q] * p->ncells + (size_t)m->rcell[m->yr[q]]] += v;
		idle[(size_t)m->yr[q] * G + (size_t)m->yg[q]] -= v;
	}
	for (size_t r = 0; r < m->nr; r++)
		for (size_t g = 0; g < G; g++) {
			size_t nopen = 0;
			for (size_t c = 0; c < C; c++)
				nopen += (m->mask[g] >> c & 1) && m->need[r * C + c] > EPS;
			for (size_t c = 0; c < C && nopen && idle[r * G + g] > EPS; c++)
				if ((m->mask[g] >> c & 1) && m->need[r * C + c] > EPS)
					p->chan_scheduled[c * p->ncells + (size_t)m->rcell[r]] +=
						idle[r * G + g] / (double)nopen;
		}
	WFM_FREE(cells, idle);
	return 0;
}

/* Hours, shortfalls and efficiency from the per-channel coverage. */
static void gm_totals(wfm_shiftplan *p)
{
	for (size_t i = 0; i < p->ncells; i++) {
		double under = 0;
		p->scheduled_hours += (double)p->scheduled[i] * p->grid / 3600.0;
		for (size_t c = 0; c < p->nchan; c++)
			under += fmax(0, p->chan_required[c * p->ncells + i] - p->chan_scheduled[c * p->ncells + i]);
		if (under > 1e-6) {
			p->under_cells++;
			p->under_hours += under * p->grid / 3600.0;
		}
	}
	/* covered / scheduled: at most 100% (see shiftplan.c) */
	p->efficiency = p->scheduled_hours > 0 ? (p->required_hours - p->under_hours) / p->scheduled_hours : 0;
}

static int gm_alloc(struct gm *m, wfm_shiftplan *p, const wfm_shiftrules *rs)
{
	size_t G = m->G, C = m->C, nrd = rs->n * (size_t)p->ndays + 1, blk = G * C;
	size_t maxcells = 0, cap = m->nr * G * C + 1;

	for (size_t j = 0; j < m->nbase; j++)
		if (m->cbeg[j + 1] - m->cbeg[j] > maxcells)
			maxcells = m->cbeg[j + 1] - m->cbeg[j];
	m->nrules = rs->n;
	m->ndays = p->ndays;
	m->first_day = p->first_day;
	return wfm_shiftplan_rows_cols(m->cbeg, m->crc, m->nbase, m->nr, &m->rbeg, &m->rcol) ||
	       !(m->smask = calloc(m->nr + 1, sizeof(uint64_t))) ||
	       !(m->cover_row = malloc((m->nr * C + 1) * sizeof(int))) ||
	       !(m->split_row = malloc((m->nr * G + 1) * sizeof(int))) ||
	       !(m->rd_row = malloc(nrd * sizeof(int))) || !(m->rd_min = calloc(nrd, sizeof(long))) ||
	       !(m->rd_cnt = calloc(nrd, sizeof(long))) || !(m->gcnt = calloc(G + 1, sizeof(long))) ||
	       !(m->yr = malloc(cap * sizeof(int))) || !(m->yg = malloc(cap * sizeof(int))) ||
	       !(m->yc = malloc(cap * sizeof(int))) ||
	       !(m->urow_r = malloc((m->nr * C + 1) * sizeof(int))) ||
	       !(m->urow_c = malloc((m->nr * C + 1) * sizeof(int))) ||
	       !(m->K = calloc(m->nr * G + 1, sizeof(double))) || !(m->flow = calloc(cap, sizeof(double))) ||
	       !(m->nd = calloc(m->nr * C + 1, sizeof(double))) ||
	       !(m->save = malloc((maxcells * blk + 1) * sizeof(double))) ||
	       !(m->used = malloc((G + 1) * sizeof(double))) || !(m->in = malloc((C + 1) * sizeof(double))) ||
	       !(m->pg = malloc((C + 1) * sizeof(int))) || !(m->pc = malloc((G + 1) * sizeof(int))) ||
	       !(m->queue = malloc((G + 1) * sizeof(int))) ? -1 : 0;
}

/* The groups, channels and masks; names copied into the plan. */
static int gm_groups(struct gm *m, wfm_shiftplan *p, const wfm_shiftreq *req, const wfm_groups *gr,
		     wfm_error *err)
{
	if (gr->nchan != req->nchan)
		return wfm_error_at(err, gr->file, 0, NULL, "%zu channels, the requirements have %zu",
				    gr->nchan, req->nchan);
	if (req->nchan > 64)
		return wfm_error_at(err, req->file, 0, "channel", "more than 64 channels");
	m->gr = gr;
	m->G = gr->n;
	m->C = req->nchan;
	p->ngroups = gr->n;
	p->nchan = req->nchan;
	if (!(m->mask = calloc(m->G + 1, sizeof(uint64_t))) || !(m->share = calloc(m->G + 1, sizeof(double))) ||
	    !(p->group = calloc(m->G + 1, sizeof(char *))) || !(p->channel = calloc(m->C + 1, sizeof(char *))))
		return wfm_error_set(err, "out of memory");
	for (size_t g = 0; g < m->G; g++) {
		for (size_t k = 0; k < gr->g[g].nskill; k++)
			m->mask[g] |= (uint64_t)1 << gr->g[g].skill[k];
		m->share[g] = gr->g[g].min_share;
		if (!(p->group[g] = strdup(gr->g[g].name)))
			return wfm_error_set(err, "out of memory");
	}
	for (size_t c = 0; c < m->C; c++)
		if (!(p->channel[c] = strdup(req->channel[c])))
			return wfm_error_set(err, "out of memory");
	return 0;
}

wfm_shiftplan *wfm_shiftplan_solve_groups(const wfm_shiftreq *req, const wfm_shiftrules *rs,
					  const wfm_tz *tz, const struct wfm_shiftplan_opts *o,
					  wfm_error *err)
{
	wfm_shiftplan *p = calloc(1, sizeof(*p));
	struct gm m = { 0 };
	wfm_mip *mip = NULL;
	double *x = NULL;

	if (!p) {
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	m.wrap = !o->no_wrap;
	if (o->work) {
		wfm_error_set(err, "outbound work cannot be planned with skill groups");
		goto fail;
	}
	m.C = req->nchan;
	if ((m.gmin = wfm_shiftplan_window(p, req, rs, tz, o, err)) < 0 || gm_cells(&m, p, req, err))
		goto fail;
	if (o->specialists &&
	    !(m.own = wfm_groups_single((const char *const *)req->channel, req->nchan, m.open, err)))
		goto fail;
	if (gm_groups(&m, p, req, m.own ? m.own : o->groups, err) || wfm_groups_check(m.gr, m.open, err) ||
	    gm_columns(&m, p, rs, tz, o, err))
		goto fail;
	if (gm_alloc(&m, p, rs) || !(mip = wfm_mip_alloc(err))) {
		wfm_error_set(err, "out of memory");
		goto fail;
	}
	if (gm_build(&m, mip, rs, o, p->grid / 3600.0, err))
		goto fail;
	p->model_rows = wfm_mip_nrows(mip);
	p->model_cols = wfm_mip_ncols(mip);
	p->model_nnz = wfm_mip_nnz(mip);
	if (!(x = calloc(p->model_cols + 1, sizeof(double)))) {
		wfm_error_set(err, "out of memory");
		goto fail;
	}
	wfm_mip_work_limit(mip, o->work_limit);
	struct wfm_mip_params mp = { o->time_limit, o->gap, gm_heuristic, &m };
	if (wfm_mip_solve(mip, &mp, x, &p->mip, err))
		goto fail;
	if (p->mip.status == WFM_MIP_INFEASIBLE) {
		wfm_error_at(err, rs->file, 0, NULL,
			     "hard cover infeasible: the channels cannot all be covered by the groups "
			     "within min_count/max_count, max_agents and min_share");
		err->code = WFM_EINPUT;
		goto fail;
	}
	if (p->mip.objective == HUGE_VAL) {
		wfm_error_set(err, "no integer solution found within the time limit of %g s", o->time_limit);
		goto fail;
	}
	narrow(&m, x);
	if (gm_extract(&m, p, rs, x)) {
		wfm_error_set(err, "out of memory");
		goto fail;
	}
	gm_totals(p);
	goto done;
fail:
	wfm_shiftplan_free(p);
	p = NULL;
done:
	wfm_mip_free(mip);
	free(x);
	gm_free(&m);
	return p;
}

wfm_groups *wfm_shiftplan_load_groups(const char *groups, const char *staff, const wfm_shiftreq *req,
				      wfm_error *err)
{
	const char *const *ch = (const char *const *)req->channel;
	wfm_agents *ag;
	wfm_groups *gr;

	if (groups)
		return wfm_groups_load(groups, ch, req->nchan, err);
	if (!(ag = wfm_agents_load(staff, ch, req->nchan, err)))
		return NULL;
	gr = wfm_groups_from_agents(ag, ch, req->nchan, err);
	wfm_agents_free(ag);
	return gr;
}
