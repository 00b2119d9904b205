/* mip.c - integer programs through GLPK: build once, LP bound, seeded
 * branch and bound under a time limit.  See mip.h. */
#include "mip.h"
#include "mem.h"
#include <stdint.h>

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <stdio.h>

struct wfm_mip {
	size_t nrows, ncols, nnz;
	size_t rcap, ccap, ncap, bcap;
	double *rlo, *rhi;
	double *cost, *clo, *chi;
	size_t *cbeg;            /* ncols + 1 offsets into cidx/cval */
	int *cidx;
	double *cval;
	size_t cont0;            /* columns from here on are continuous */
	size_t keep0;            /* columns from here on are never priced out */
	int colgen;              /* 1: column generation whatever the shape */
	long work;               /* simplex iteration limit */
	size_t ch0, ch1;         /* rows ch0 .. ch1 - 1: a cover chain, differenced */
	size_t chain_nnz;        /* ... from this many nonzeros on */
	double started;          /* the time limit counts from here (0: the solve) */
};

wfm_mip *wfm_mip_alloc(wfm_error *err)
{
	wfm_mip *m = calloc(1, sizeof(*m));

	if (m)
		m->cont0 = m->keep0 = SIZE_MAX, m->work = WFM_MIP_WORK, m->chain_nnz = WFM_MIP_CHAIN_NNZ;
	if (!m || !(m->cbeg = calloc(1, sizeof(size_t)))) {
		free(m);
		return wfm_oom(err);
	}
	return m;
}

void wfm_mip_free(wfm_mip *m)
{
	if (m)
		WFM_FREE(m->rlo, m->rhi, m->cost, m->clo, m->chi, m->cbeg, m->cidx, m->cval, m);
}

int wfm_mip_add_row(wfm_mip *m, double lo, double hi)
{
	size_t cap = m->rcap;

	/* rlo and rhi share rcap: it changes once both have grown */
	if (WFM_GROW(m->rlo, cap, m->nrows + 1) || (cap = m->rcap, WFM_GROW(m->rhi, cap, m->nrows + 1)))
		return -1;
	m->rcap = cap;
	m->rlo[m->nrows] = lo;
	m->rhi[m->nrows] = hi;
	return (int)m->nrows++;
}

int wfm_mip_add_col(wfm_mip *m, double cost, double lo, double hi,
		    size_t n, const int *idx, const double *val, wfm_error *err)
{
	size_t cap = m->ccap, ncap = m->ncap;

	/* every array grows geometrically: a realloc per column copies the
	 * whole array each time under allocators that never grow in place
	 * (ASan's: 49,056 columns took minutes) */
	if (WFM_GROW(m->cost, cap, m->ncols + 1) || (cap = m->ccap, WFM_GROW(m->clo, cap, m->ncols + 1)) ||
	    (cap = m->ccap, WFM_GROW(m->chi, cap, m->ncols + 1)) || WFM_GROW(m->cbeg, m->bcap, m->ncols + 2) ||
	    WFM_GROW(m->cidx, ncap, m->nnz + n) || (ncap = m->ncap, WFM_GROW(m->cval, ncap, m->nnz + n)))
		return wfm_error_set(err, "out of memory");
	m->ccap = cap;
	m->ncap = ncap;
	for (size_t k = 0; k < n; k++) {
		if (idx[k] < 0 || (size_t)idx[k] >= m->nrows)
			return wfm_error_set(err, "mip: row %d out of range", idx[k]);
		m->cidx[m->nnz + k] = idx[k];
		m->cval[m->nnz + k] = val[k];
	}
	m->cost[m->ncols] = cost;
	m->clo[m->ncols] = lo;
	m->chi[m->ncols] = hi;
	m->nnz += n;
	m->cbeg[m->ncols + 1] = m->nnz;
	return (int)m->ncols++;
}

void wfm_mip_continuous_from(wfm_mip *m, size_t j) { m->cont0 = j; }
void wfm_mip_keep_from(wfm_mip *m, size_t j) { m->keep0 = j; m->colgen = 1; }
void wfm_mip_work_limit(wfm_mip *m, long its) { m->work = its > 0 ? its : WFM_MIP_WORK; }
void wfm_mip_chain(wfm_mip *m, size_t r0, size_t r1) { m->ch0 = r0; m->ch1 = r1 > r0 + 1 ? r1 : r0; }
void wfm_mip_chain_from(wfm_mip *m, size_t nnz) { m->chain_nnz = nnz; }
void wfm_mip_started(wfm_mip *m, double t) { m->started = t; }
size_t wfm_mip_nrows(const wfm_mip *m) { return m->nrows; }
size_t wfm_mip_ncols(const wfm_mip *m) { return m->ncols; }
size_t wfm_mip_nnz(const wfm_mip *m) { return m->nnz; }

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* What a solve may spend: simplex iterations (the limit that decides the
 * answer) and wall time (a safety stop, noted in time_hit). */
struct budget {
	double t0, limit_ms;
	long work;
	int time_hit;
};

double wfm_mip_clock(void) { return now(); }

/* Shares of the time limit: the LP stops at LP_SHARE, leaving the rest
 * for rounding its point or a greedy cover (so a cut LP still ends in
 * the limit); branch and bound returns its incumbent at BB_SHARE. */
#define LP_SHARE 0.8
#define BB_SHARE 0.85

static double ms_left(const struct budget *b, double share)
{
	return share * b->limit_ms - (now() - b->t0) * 1000.0;
}

/* Iterations left of share of the work limit, at most INT_MAX. */
static int its_left(glp_prob *lp, const struct budget *b, double share)
{
	double left = share * (double)b->work - glp_get_it_cnt(lp);

	return left < 0 ? 0 : left > 2e9 ? 2000000000 : (int)left;
}

struct cb_data {
	const double *xh;        /* heuristic incumbent, 1-based GLPK columns */
	int given;
	const struct budget *b;
	int out_of_work;
	int nodes;               /* nodes created so far */
};

/* Offer the heuristic incumbent once, when GLPK first asks for one; stop
 * branch and bound when the work limit is used up (its iterations, or one
 * node per 4000 iterations of it: a node's branching choice can cost far
 * more than its pivots). */
static void callback(glp_tree *t, void *info)
{
	struct cb_data *d = info;

	if (glp_ios_reason(t) == GLP_IHEUR && d->xh && !d->given) {
		d->given = 1;
		glp_ios_heur_sol(t, d->xh);
	}
	int nodes;

	glp_ios_tree_size(t, NULL, NULL, &nodes);
	d->nodes = nodes;
	if (glp_ios_reason(t) == GLP_ISELECT &&
	    (its_left(glp_ios_get_prob(t), d->b, 1) == 0 || nodes > d->b->work / 4000)) {
		d->out_of_work = 1;
		glp_ios_terminate(t);
	}
}

/* The GLPK problem holds the rows and the columns let in so far. */
struct lpw {
	glp_prob *lp;
	int *col_of;             /* model column -> GLPK column, 0 = not in */
	size_t *j_of;            /* GLPK column - 1 -> model column (NOSUR: a surplus) */
	size_t n;                /* GLPK columns */
	size_t nmodel;           /* of which model columns */
	int *ind;
	double *val;
	/* The columns as GLPK gets them: the model's, or differenced along
	 * the chain (tbeg/tidx/tval owned when town). */
	size_t *tbeg;
	int *tidx;
	double *tval;
	int town;
};

#define NOSUR SIZE_MAX

static void lpw_free(struct lpw *w)
{
	if (w->lp)
		glp_delete_prob(w->lp);
	WFM_FREE(w->col_of, w->j_of, w->ind, w->val);
	if (w->town)
		WFM_FREE(w->tbeg, w->tidx, w->tval);
}

/* The chain differenced: row i (ch0 < i < ch1) becomes row i minus row
 * i - 1, with an explicit surplus s_i >= 0 in each (a_i x - s_i = lo_i).
 * A column working a run of consecutive rows then has a +1 where the
 * run starts and a -1 after it ends instead of one entry per row: on a
 * 28-day 15-min model, 9x fewer nonzeros, and sparse LU factors. */
static int difference(struct lpw *w, const wfm_mip *m)
{
	double *acc = calloc(m->nrows + 1, sizeof(double));
	int *seen = calloc(m->nrows + 1, sizeof(int)), *touch = malloc((m->nrows + 1) * sizeof(int));
	size_t cap = m->nnz + 2 * m->ncols + 16, nz = 0;

	w->town = 1;
	w->tbeg = malloc((m->ncols + 1) * sizeof(size_t));
	w->tidx = malloc(cap * sizeof(int));
	w->tval = malloc(cap * sizeof(double));
	if (!acc || !seen || !touch || !w->tbeg || !w->tidx || !w->tval) {
		WFM_FREE(acc, seen, touch);
		return -1;
	}
	w->tbeg[0] = 0;
	for (size_t j = 0; j < m->ncols; j++) {
		int nt = 0;
		for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++) {
			size_t i = (size_t)m->cidx[k];
			int r[2] = { (int)i, -1 };
			if (i >= m->ch0 && i + 1 < m->ch1)
				r[1] = (int)i + 1;
			for (int q = 0; q < 2 && r[q] >= 0; q++) {
				if (!seen[r[q]]++)
					touch[nt++] = r[q];
				acc[r[q]] += q ? -m->cval[k] : m->cval[k];
			}
		}
		if (nz + (size_t)nt > cap) {
			void *a = realloc(w->tidx, (cap = 2 * (nz + (size_t)nt)) * sizeof(int));
			void *b = a ? realloc(w->tval, cap * sizeof(double)) : NULL;
			if (a)
				w->tidx = a;
			if (!b) {
				WFM_FREE(acc, seen, touch);
				return -1;
			}
			w->tval = b;
		}
		for (int q = 0; q < nt; q++) {
			if (acc[touch[q]] != 0) {
				w->tidx[nz] = touch[q];
				w->tval[nz++] = acc[touch[q]];
			}
			acc[touch[q]] = 0;
			seen[touch[q]] = 0;
		}
		w->tbeg[j + 1] = nz;
	}
	WFM_FREE(acc, seen, touch);
	return 0;
}

/* The chain's surplus columns, GLPK columns 1 .. ch1 - ch0. */
static void add_surplus(struct lpw *w, const wfm_mip *m)
{
	size_t ns = m->ch1 - m->ch0;
	int first = glp_add_cols(w->lp, (int)ns);

	for (size_t q = 0; q < ns; q++) {
		int c = first + (int)q, i = (int)(m->ch0 + q), nz = 1;
		w->ind[1] = i + 1;
		w->val[1] = -1;
		if ((size_t)i + 1 < m->ch1) {
			w->ind[2] = i + 2;
			w->val[2] = 1;
			nz = 2;
		}
		glp_set_col_bnds(w->lp, c, GLP_LO, 0, 0);
		glp_set_mat_col(w->lp, c, nz, w->ind, w->val);
		w->j_of[c - 1] = NOSUR;
	}
	w->n = ns;
}

static int lpw_init(struct lpw *w, const wfm_mip *m)
{
	size_t ns = m->ch1 - m->ch0;

	memset(w, 0, sizeof(*w));
	w->col_of = calloc(m->ncols + 1, sizeof(int));
	w->j_of = malloc((m->ncols + ns + 1) * sizeof(size_t));
	w->ind = malloc((m->nrows + 1) * sizeof(int));
	w->val = malloc((m->nrows + 1) * sizeof(double));
	if (!w->col_of || !w->j_of || !w->ind || !w->val)
		return -1;
	w->tbeg = m->cbeg;
	w->tidx = m->cidx;
	w->tval = m->cval;
	if (ns && difference(w, m))
		return -1;
	w->lp = glp_create_prob();
	glp_set_obj_dir(w->lp, GLP_MIN);
	if (m->nrows)
		glp_add_rows(w->lp, (int)m->nrows);
	for (size_t i = 0; i < m->nrows; i++) {
		int type = m->rhi[i] < 0 ? GLP_LO : m->rhi[i] == m->rlo[i] ? GLP_FX : GLP_DB;
		if (i >= m->ch0 && i < m->ch1)
			glp_set_row_bnds(w->lp, (int)i + 1, GLP_FX,
					 m->rlo[i] - (i > m->ch0 ? m->rlo[i - 1] : 0), 0);
		else
			glp_set_row_bnds(w->lp, (int)i + 1, type, m->rlo[i], m->rhi[i] < 0 ? 0 : m->rhi[i]);
	}
	if (ns)
		add_surplus(w, m);
	return 0;
}

/* Let the listed model columns in (those not in yet). */
static void lpw_add(struct lpw *w, const wfm_mip *m, const size_t *list, size_t n)
{
	size_t k0 = 0;
	int first;

	for (size_t q = 0; q < n; q++)      /* count each new column once */
		if (!w->col_of[list[q]]) {
			w->col_of[list[q]] = -1;
			k0++;
		}
	if (!k0)
		return;
	first = glp_add_cols(w->lp, (int)k0);
	for (size_t q = 0; q < n; q++) {
		size_t j = list[q];
		int c, nz = 0;
		if (w->col_of[j] != -1)
			continue;
		c = first++;
		w->col_of[j] = c;
		w->j_of[c - 1] = j;
		w->n++;
		w->nmodel++;
		int type = m->chi[j] < 0 ? GLP_LO : m->chi[j] == m->clo[j] ? GLP_FX : GLP_DB;
		glp_set_col_kind(w->lp, c, j >= m->cont0 ? GLP_CV : GLP_IV);
		glp_set_col_bnds(w->lp, c, type, m->clo[j], m->chi[j] < 0 ? 0 : m->chi[j]);
		glp_set_obj_coef(w->lp, c, m->cost[j]);
		for (size_t k = w->tbeg[j]; k < w->tbeg[j + 1]; k++) {
			nz++;
			w->ind[nz] = w->tidx[k] + 1;
			w->val[nz] = w->tval[k];
		}
		glp_set_mat_col(w->lp, c, nz, w->ind, w->val);
	}
}

struct price {
	double d;
	size_t j;
};

static int price_cmp(const void *a, const void *b)
{
	const struct price *x = a, *y = b;
	int c = WFM_CMP(x->d, y->d);

	return c ? c : WFM_CMP(x->j, y->j);
}

/* The restricted set column generation starts from: for every row the
 * column cheapest per row covered, the columns kept from the start, and
 * an even sample. */
static void lp_start(struct lpw *w, const wfm_mip *m, size_t *list, size_t *best)
{
	size_t nl = 0, stride = m->ncols / (4 * m->nrows) + 1;

	for (size_t i = 0; i < m->nrows; i++)
		best[i] = m->ncols;
	for (size_t j = 0; j < m->ncols; j++) {
		size_t n = m->cbeg[j + 1] - m->cbeg[j];
		int neg = 0;
		for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++)
			neg |= m->cval[k] < 0;
		if (neg)        /* not a covering column */
			continue;
		for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++) {
			size_t i = (size_t)m->cidx[k], b = best[i];
			if (b == m->ncols || m->cost[j] * (double)(m->cbeg[b + 1] - m->cbeg[b]) <
			    m->cost[b] * (double)n)
				best[i] = j;
		}
	}
	for (size_t i = 0; i < m->nrows; i++)
		if (best[i] < m->ncols)
			list[nl++] = best[i];
	lpw_add(w, m, list, nl);
	nl = 0;
	for (size_t j = m->keep0; j < m->ncols; j++)
		list[nl++] = j;
	lpw_add(w, m, list, nl);
	nl = 0;
	for (size_t j = 0; j < m->ncols; j += stride)
		list[nl++] = j;
	lpw_add(w, m, list, nl);
}

/* Price the columns left out with the row duals y: the most negative
 * (at most a row's worth) into list.  Returns how many. */
static size_t lp_price(const struct lpw *w, const wfm_mip *m, const double *y, struct price *pr,
		       size_t *list)
{
	size_t np = 0;

	for (size_t j = 0; j < m->ncols; j++) {
		double d = m->cost[j];
		if (w->col_of[j])
			continue;
		for (size_t k = w->tbeg[j]; k < w->tbeg[j + 1]; k++)
			d -= w->tval[k] * y[w->tidx[k]];
		if (d < -1e-7)
			pr[np++] = (struct price){ d, j };
	}
	if (np == 0)
		return 0;
	qsort(pr, np, sizeof(*pr), price_cmp);
	if (np > m->nrows)
		np = m->nrows;
	for (size_t q = 0; q < np; q++)
		list[q] = pr[q].j;
	return np;
}

/* The restricted optimum is a point of the whole model (the columns left
 * out are 0): xr takes it, in case a limit stops the LP; y the duals. */
static void lp_point(const struct lpw *w, const wfm_mip *m, double *xr, double *y)
{
	memset(xr, 0, m->ncols * sizeof(double));
	for (size_t c = 0; c < w->n; c++)
		if (w->j_of[c] != NOSUR)
			xr[w->j_of[c]] = glp_get_col_prim(w->lp, (int)c + 1);
	for (size_t i = 0; i < m->nrows; i++)
		y[i] = glp_get_row_dual(w->lp, (int)i + 1);
}

/* The LP relaxation.  With many more columns than rows it is solved by
 * column generation: GLPK first gets a restricted set (lp_start); the columns left
 * out are priced with the row duals and the most negative let in, until
 * none prices out.  Columns never let in have reduced cost >= 0 at the
 * optimum, so the LP bound is that of the whole model; branch and bound
 * then works on the columns let in (price and branch).
 * Returns glp_simplex's code; *bound_ok says whether the objective reached
 * is a lower bound (the LP is solved, or the dual simplex on the whole LP
 * was stopped). */
static int solve_lp(struct lpw *w, const wfm_mip *m, struct budget *bu,
		    struct wfm_mip_result *res, int *bound_ok, double *xr, int *have_xr)
{
	glp_smcp sm;
	int colgen = (m->ncols > 8 * m->nrows || m->colgen) && m->nrows > 0, rc = GLP_ETMLIM;
	size_t *list = malloc((m->ncols + 1) * sizeof(size_t)), np;
	double *y = malloc((m->nrows + 1) * sizeof(double));
	struct price *pr = malloc((m->ncols + 1) * sizeof(*pr));

	*bound_ok = 0;
	if (!list || !y || !pr || ms_left(bu, LP_SHARE) < 1) {  /* building took the time */
		rc = !list || !y || !pr ? -1 : rc;
		goto out;
	}
	glp_init_smcp(&sm);
	sm.msg_lev = GLP_MSG_OFF;
	sm.meth = GLP_DUALP;      /* costs >= 0: the slack basis is dual feasible */
	sm.presolve = GLP_OFF;    /* keep the basis for branch and bound */
	if (colgen)
		lp_start(w, m, list, (size_t *)pr);
	else
		for (size_t j = 0; j < m->ncols; j++)
			list[j] = j;
	lpw_add(w, m, list, colgen ? 0 : m->ncols);
	for (;;) {
		double left = ms_left(bu, LP_SHARE);
		if (left < 1) {
			rc = GLP_ETMLIM;
			break;
		}
		if (!(sm.it_lim = its_left(w->lp, bu, 1))) {
			rc = GLP_EITLIM;
			break;
		}
		sm.tm_lim = left > 2e9 ? 2000000000 : (int)left;
		rc = glp_simplex(w->lp, &sm);
		++res->lp_rounds;
		if (rc || !colgen)
			break;
		if (glp_get_status(w->lp) != GLP_OPT) {
			/* The restricted set may miss what side rows need:
			 * let every column in. */
			for (size_t j = 0; j < m->ncols; j++)
				list[j] = j;
			lpw_add(w, m, list, m->ncols);
			colgen = 0;
			sm.meth = GLP_DUALP;
			continue;
		}
		lp_point(w, m, xr, y);
		*have_xr = 1;
		if (!(np = lp_price(w, m, y, pr, list)))
			break;
		lpw_add(w, m, list, np);
		sm.meth = GLP_PRIMAL;     /* the basis stays primal feasible */
	}
	*bound_ok = rc == 0 || (!colgen && sm.meth == GLP_DUALP);
out:
	bu->time_hit |= rc == GLP_ETMLIM;
	WFM_FREE(list, y, pr);
	return rc;
}

static double objective(const wfm_mip *m, const double *x)
{
	double z = 0;

	for (size_t j = 0; j < m->ncols; j++)
		z += m->cost[j] * x[j];
	return z;
}

/* Dive: fix the integer parts of the LP point as lower bounds, round up
 * the columns at least half-way to the next integer (or the one nearest
 * to it), re-solve with the dual simplex, until the LP point is integral.
 * The end point goes to x (model columns); then bounds and basis are put
 * back as they were.  Returns 0, or -1 when the dive fails or runs out
 * of time. */
static int dive(struct lpw *w, const wfm_mip *m, struct budget *bu, double *x)
{
	int n = (int)w->n, nr = (int)m->nrows, rc = -1, src;
	int *cst = malloc(((size_t)n + 1) * sizeof(int)), *rst = malloc(((size_t)nr + 1) * sizeof(int));
	glp_smcp sm;

	if (!cst || !rst)
		goto out;
	for (int c = 1; c <= n; c++)
		cst[c] = glp_get_col_stat(w->lp, c);
	for (int i = 1; i <= nr; i++)
		rst[i] = glp_get_row_stat(w->lp, i);
	glp_init_smcp(&sm);
	sm.msg_lev = GLP_MSG_OFF;
	sm.meth = GLP_DUALP;
	for (int round = 0; round < 200; round++) {
		int nfrac = 0, bestc = 0;
		double bestf = 0, left = ms_left(bu, 0.6);
		for (int c = 1; c <= n; c++) {
			double v = glp_get_col_prim(w->lp, c), f = v - floor(v + 1e-6);
			if (f < 1e-6 || f > 1 - 1e-6 || w->j_of[c - 1] >= m->cont0)
				continue;
			nfrac++;
			if (f > bestf) {
				bestf = f;
				bestc = c;
			}
		}
		if (nfrac == 0) {
			for (size_t j = 0; j < m->ncols; j++)
				x[j] = 0;
			for (int c = 1; c <= n; c++)
				if (w->j_of[c - 1] != NOSUR)
					x[w->j_of[c - 1]] = w->j_of[c - 1] >= m->cont0 ? glp_get_col_prim(w->lp, c) :
							    floor(glp_get_col_prim(w->lp, c) + 0.5);
			rc = 0;
			break;
		}
		if (left < 50) {
			bu->time_hit = 1;
			break;
		}
		if (!(sm.it_lim = its_left(w->lp, bu, 0.6)))
			break;
		for (int c = 1; c <= n; c++) {
			double v = glp_get_col_prim(w->lp, c), f = v - floor(v + 1e-6);
			if (w->j_of[c - 1] >= m->cont0)
				continue;
			double lo = (f >= 0.5 && f > 1e-6) || c == bestc ? ceil(v - 1e-6) : floor(v + 1e-6);
			double hi = m->chi[w->j_of[c - 1]];
			if (lo > glp_get_col_lb(w->lp, c) + 0.5 && (hi < 0 || lo <= hi))
				glp_set_col_bnds(w->lp, c, hi < 0 ? GLP_LO : lo == hi ? GLP_FX : GLP_DB, lo, hi < 0 ? 0 : hi);
		}
		sm.tm_lim = left > 2e9 ? 2000000000 : (int)left;
		src = glp_simplex(w->lp, &sm);
		bu->time_hit |= src == GLP_ETMLIM;
		if (src || glp_get_status(w->lp) != GLP_OPT)
			break;
	}
	for (int c = 1; c <= n; c++) {
		size_t j = w->j_of[c - 1];
		if (j == NOSUR)
			glp_set_col_bnds(w->lp, c, GLP_LO, 0, 0);
		else
			glp_set_col_bnds(w->lp, c, m->chi[j] < 0 ? GLP_LO : m->chi[j] == m->clo[j] ? GLP_FX : GLP_DB,
					 m->clo[j], m->chi[j] < 0 ? 0 : m->chi[j]);
		glp_set_col_stat(w->lp, c, cst[c]);
	}
	for (int i = 1; i <= nr; i++)
		glp_set_row_stat(w->lp, i, rst[i]);
	sm.meth = GLP_PRIMAL;
	sm.tm_lim = 1000000;
	sm.it_lim = 2000000000;
	glp_simplex(w->lp, &sm);      /* back to the LP optimum: no pivots */
out:
	WFM_FREE(cst, rst);
	return rc;
}

/* Whether x meets every row and column bound (the heuristic may not know
 * all the rows). */
static int feasible(const wfm_mip *m, const double *x)
{
	double *a = calloc(m->nrows + 1, sizeof(double));
	int ok = a != NULL;

	for (size_t j = 0; ok && j < m->ncols; j++) {
		if (x[j] < m->clo[j] - 1e-9 || (m->chi[j] >= 0 && x[j] > m->chi[j] + 1e-9))
			ok = 0;
		for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++)
			a[m->cidx[k]] += m->cval[k] * x[j];
	}
	for (size_t i = 0; ok && i < m->nrows; i++)
		if (a[i] < m->rlo[i] - 1e-6 || (m->rhi[i] >= 0 && a[i] > m->rhi[i] + 1e-6))
			ok = 0;
	free(a);
	return ok;
}

/* The model point x as GLPK columns xg[1 .. n], the chain's surplus
 * (a_i x - lo_i) included. */
static void surplus_of(const wfm_mip *m, const struct lpw *w, const double *x, double *xg)
{
	double *act = calloc(m->nrows + 1, sizeof(double));

	for (size_t j = 0; act && m->ch1 > m->ch0 && j < m->ncols; j++)
		for (size_t k = m->cbeg[j]; x[j] != 0 && k < m->cbeg[j + 1]; k++)
			act[m->cidx[k]] += m->cval[k] * x[j];
	for (size_t c = 0; c < w->n; c++) {
		size_t i = m->ch0 + c;     /* surplus columns come first */
		if (w->j_of[c] != NOSUR)
			xg[c + 1] = x[w->j_of[c]];
		else
			xg[c + 1] = act ? fmax(act[i] - m->rlo[i], 0) : 0;
	}
	free(act);
}

/* The heuristic from the zero point; x takes its plan when it is feasible
 * and cheaper than *obj.  Returns 0 when it did. */
static int heur_from_nothing(const wfm_mip *m, const struct wfm_mip_params *p, double *x, double *obj)
{
	double *z = calloc(m->ncols + 1, sizeof(double)), *xz = malloc((m->ncols + 1) * sizeof(double));
	int rc = -1;

	if (z && xz && p->heur(z, xz, p->heur_arg) == 0 && feasible(m, xz) && objective(m, xz) < *obj - 1e-9) {
		*obj = objective(m, xz);
		memcpy(x, xz, m->ncols * sizeof(double));
		rc = 0;
	}
	WFM_FREE(z, xz);
	return rc;
}

/* The incumbents from the LP point: rounded (or, when the LP was cut
 * after a restricted LP, the cheaper of that rounded and a cover from
 * nothing), then the dive's end point rounded when it is cheaper. */
static void incumbents(struct lpw *w, const wfm_mip *m, const struct wfm_mip_params *p,
		       struct budget *bu, double *xlp, double *xh, int *have_h, double *hobj,
		       struct wfm_mip_result *res)
{
	if (p->heur && p->heur(xlp, xh, p->heur_arg) == 0 && feasible(m, xh)) {
		*have_h = 1;
		*hobj = objective(m, xh);
	}
	/* The restricted point may round worse than a cover from nothing:
	 * keep the cheaper of the two. */
	if (p->heur && res->lp_restricted &&
	    !heur_from_nothing(m, p, xh, hobj)) {
		*have_h = 1;
		res->lp_restricted = 0;
	}
	/* A dive usually rounds better than the LP point itself: give the
	 * heuristic the dive's end point too, keep the cheaper plan.  The dive
	 * may use up to 60% of the time limit. */
	if (p->heur && res->status == WFM_MIP_OPTIMAL &&
	    !(*have_h && *hobj - res->lp_bound <= 1e-9 * fabs(*hobj)) &&
	    dive(w, m, bu, xlp) == 0) {
		double *xd = malloc((m->ncols + 1) * sizeof(double));
		if (xd && p->heur(xlp, xd, p->heur_arg) == 0 && feasible(m, xd) &&
		    objective(m, xd) < *hobj - 1e-9) {
			*have_h = 1;
			*hobj = objective(m, xd);
			memcpy(xh, xd, m->ncols * sizeof(double));
			res->dived = 1;
		}
		free(xd);
	}
}

/* Branch and bound (GLPK) on the columns let in, the incumbent xh (or
 * NULL) offered first; x and res take a better plan.  -1: out of memory. */
static int branch_and_bound(struct lpw *w, const wfm_mip *m, const struct wfm_mip_params *p,
			    struct budget *bu, const double *xh, double hobj, double *x,
			    struct wfm_mip_result *res, struct cb_data *cb)
{
	double left, *xg;
	glp_iocp io;
	int st;
	size_t nadd = 0, *add = malloc((m->ncols + 1) * sizeof(size_t));
	if (!add)
		return -1;
	/* The incumbent's columns must be in GLPK to be offered. */
	for (size_t j = 0; xh && j < m->ncols; j++)
		if (xh[j] > 0 && !w->col_of[j])
			add[nadd++] = j;
	if (nadd) {
		glp_smcp sm;
		lpw_add(w, m, add, nadd);
		glp_init_smcp(&sm);
		sm.msg_lev = GLP_MSG_OFF;
		sm.meth = GLP_PRIMAL;
		glp_simplex(w->lp, &sm);
	}
	free(add);
	if (!(xg = calloc(w->n + 1, sizeof(double))))
		return -1;
	if (xh)
		surplus_of(m, w, xh, xg);
	glp_init_iocp(&io);
	io.msg_lev = GLP_MSG_OFF;
	io.presolve = GLP_OFF;
	left = ms_left(bu, BB_SHARE);
	io.tm_lim = left > 2e9 ? 2000000000 : (int)left;
	io.mip_gap = p->gap;
	io.br_tech = GLP_BR_DTH;
	io.bt_tech = GLP_BT_BLB;
	io.fp_heur = GLP_ON;
	io.cb_func = callback;
	cb->xh = xh ? xg : NULL;
	cb->b = bu;
	io.cb_info = cb;
	if (io.tm_lim > 0 && glp_get_status(w->lp) == GLP_OPT) {
		int irc = glp_intopt(w->lp, &io);
		if (irc == GLP_ETMLIM || irc == GLP_ESTOP)
			res->status = WFM_MIP_TIME_LIMIT;
		bu->time_hit |= irc == GLP_ETMLIM;
		st = glp_mip_status(w->lp);
		if ((st == GLP_OPT || st == GLP_FEAS) && glp_mip_obj_val(w->lp) < hobj - 1e-9) {
			res->objective = glp_mip_obj_val(w->lp);
			memset(x, 0, m->ncols * sizeof(double));
			for (size_t c = 0; c < w->n; c++)
				if (w->j_of[c] != NOSUR)
					x[w->j_of[c]] = glp_mip_col_val(w->lp, (int)c + 1);
		}
	} else {
		res->status = WFM_MIP_TIME_LIMIT;
		bu->time_hit |= io.tm_lim <= 0;
	}
	free(xg);
	return 0;
}

int wfm_mip_solve(wfm_mip *m, const struct wfm_mip_params *p, double *x,
		  struct wfm_mip_result *res, wfm_error *err)
{
	struct budget bu = { m->started > 0 ? m->started : now(), p->time_limit_s * 1000.0, m->work, 0 };
	double *xlp = NULL, *xh = NULL, hobj = HUGE_VAL;
	struct lpw w = { 0 };
	struct cb_data cb = { 0 };
	int rc, have_h = 0, bound_ok = 0, have_xr = 0;

	memset(res, 0, sizeof(*res));
	res->objective = HUGE_VAL;
	glp_term_out(GLP_OFF);
	xlp = calloc(m->ncols + 1, sizeof(double));
	xh = calloc(m->ncols + 1, sizeof(double));
	if (m->nnz < m->chain_nnz)
		m->ch0 = m->ch1 = 0;      /* small: the rows as given */
	if (!xlp || !xh || lpw_init(&w, m)) {
		rc = wfm_error_set(err, "out of memory");
		goto out;
	}
	double tlp = now();
	rc = solve_lp(&w, m, &bu, res, &bound_ok, xh, &have_xr);
	res->lp_seconds_ms = (int)((now() - tlp) * 1000);
	if (rc == 0 && glp_get_status(w.lp) == GLP_NOFEAS) {
		res->status = WFM_MIP_INFEASIBLE;
		goto out;
	}
	if (rc != 0 && rc != GLP_ETMLIM && rc != GLP_EITLIM) {
		rc = wfm_error_set(err, "glpk: simplex failed (code %d)", rc);
		goto out;
	}
	/* Dual simplex keeps a dual feasible basis: its objective is a lower
	 * bound even when the time limit stopped it; a restricted LP's is not
	 * (then the bound is reported as 0). */
	res->lp_bound = bound_ok ? glp_get_obj_val(w.lp) : 0;
	if (rc != 0 || glp_get_status(w.lp) != GLP_OPT)
		res->status = WFM_MIP_TIME_LIMIT;
	else
		res->lp_solved = 1;
	rc = 0;
	/* An LP stopped early: the last restricted optimum of column
	 * generation when there is one, else nothing (the heuristic then
	 * starts from nothing). */
	if (res->status == WFM_MIP_OPTIMAL) {
		for (size_t c = 0; c < w.n; c++)
			if (w.j_of[c] != NOSUR)
				xlp[w.j_of[c]] = glp_get_col_prim(w.lp, (int)c + 1);
	} else if (have_xr)
		memcpy(xlp, xh, m->ncols * sizeof(double));
	res->lp_restricted = !res->lp_solved && have_xr;
	incumbents(&w, m, p, &bu, xlp, xh, &have_h, &hobj, res);
	/* With an incumbent in hand, branch and bound starts only with time
	 * for a few nodes (GLPK checks its clock between nodes, and one node
	 * of a week's model takes tens of ms). */
	int bb_time = ms_left(&bu, BB_SHARE) > (have_h ? fmax(50.0, 0.1 * bu.limit_ms) : 1);
	bu.time_hit |= res->status == WFM_MIP_OPTIMAL && !bb_time;
	if (res->status == WFM_MIP_OPTIMAL && bb_time && its_left(w.lp, &bu, 1) > 0 &&
	    !(have_h && hobj - res->lp_bound <= p->gap * fabs(hobj))) {
		if (branch_and_bound(&w, m, p, &bu, have_h ? xh : NULL, hobj, x, res, &cb)) {
			rc = wfm_error_set(err, "out of memory");
			goto out;
		}
	} else if (!(have_h && hobj - res->lp_bound <= p->gap * fabs(hobj))) {
		res->status = WFM_MIP_TIME_LIMIT;
	}
	if (res->objective == HUGE_VAL && have_h) {
		res->objective = hobj;
		res->heuristic_used = 1;
		memcpy(x, xh, m->ncols * sizeof(double));
	}
	if (res->objective < HUGE_VAL)
		res->gap = res->objective > 0 ? (res->objective - res->lp_bound) / res->objective : 0;
	if (res->gap < 0)
		res->gap = 0;
out:
	res->seconds = now() - bu.t0;
	res->time_hit = bu.time_hit;
	res->nodes = cb.nodes;
	res->iterations = w.lp ? glp_get_it_cnt(w.lp) : 0;
	res->lp_cols = w.nmodel;
	if (w.town)
		res->lp_nnz = w.tbeg[m->ncols] + 2 * (m->ch1 - m->ch0) - 1;
	WFM_FREE(xlp, xh);
	lpw_free(&w);
	return rc;
}

/* The Lagrangian bound of the row duals u (GLPK rows 1..nrows, u[0]
 * unused; signs clipped to the rows' senses): sum of b_i u_i plus, per
 * column, the least of (c_j - a_j u) x_j over 0 <= x_j <= ub (surplus
 * columns: <= ncols * ub). */
static double lagrangian(const struct lpw *w, const wfm_mip *m, double *u, double ub)
{
	double z = 0;
	int *ind = malloc((m->nrows + 1) * sizeof(int));
	double *val = malloc((m->nrows + 1) * sizeof(double));

	if (!ind || !val) {
		WFM_FREE(ind, val);
		return 0;
	}
	for (size_t i = 1; i <= m->nrows; i++) {
		int type = glp_get_row_type(w->lp, (int)i);
		if ((type == GLP_LO && u[i] < 0) || (type == GLP_UP && u[i] > 0))
			u[i] = 0;
		z += u[i] * (u[i] >= 0 && type != GLP_UP ? glp_get_row_lb(w->lp, (int)i) : glp_get_row_ub(w->lp, (int)i));
	}
	for (size_t c = 0; c < w->n; c++) {
		size_t j = w->j_of[c];
		double d = glp_get_obj_coef(w->lp, (int)c + 1), hi = ub;
		int n = glp_get_mat_col(w->lp, (int)c + 1, ind, val);
		for (int k = 1; k <= n; k++)
			d -= val[k] * u[ind[k]];
		if (j == NOSUR)
			hi = ub * (double)m->ncols;
		else if (m->chi[j] >= 0)
			hi = fmin(hi, m->chi[j]);
		z += d >= 0 ? d * (j == NOSUR ? 0 : m->clo[j]) : d * hi;
	}
	WFM_FREE(ind, val);
	return z;
}

/* The LP relaxation of the whole model by GLPK's interior point method
 * (rows differenced as for the simplex when the model has a chain; no time
 * limit of its own).  The bound is the Lagrangian bound of its row duals
 * (lagrangian(): valid whatever the point's tiny infeasibilities), with
 * x_j <= ub, ub the largest row bound: some optimum has no column above it
 * when every cost is positive and every coefficient 0 or 1. */
int wfm_mip_lp_bound(wfm_mip *m, double *bound, wfm_error *err)
{
	struct lpw w = { 0 };
	glp_iptcp ip;
	size_t *all = malloc((m->ncols + 1) * sizeof(size_t));
	double *u = malloc((m->nrows + 1) * sizeof(double)), ub = 0;
	int rc = -1;

	glp_term_out(GLP_OFF);
	if (!all || !u || lpw_init(&w, m)) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	for (size_t j = 0; j < m->ncols; j++)
		all[j] = j;
	lpw_add(&w, m, all, m->ncols);
	glp_init_iptcp(&ip);
	ip.msg_lev = GLP_MSG_OFF;
	if (glp_interior(w.lp, &ip) || glp_ipt_status(w.lp) != GLP_OPT) {
		wfm_error_set(err, "glpk: interior point failed (status %d)", glp_ipt_status(w.lp));
		goto out;
	}
	for (size_t i = 0; i < m->nrows; i++) {
		u[i + 1] = glp_ipt_row_dual(w.lp, (int)i + 1);
		ub = fmax(ub, fabs(m->rlo[i]));
	}
	*bound = lagrangian(&w, m, u, ub);
	rc = 0;
out:
	WFM_FREE(all, u);
	lpw_free(&w);
	return rc;
}

/* The rows r0 .. r1 - 1 of m as a model of their own: every column of
 * cols (those that work one of them) at its cost times the share of its
 * rows inside. */
static wfm_mip *part_model(const wfm_mip *m, size_t r0, size_t r1, const size_t *cols, size_t nc,
			   wfm_error *err)
{
	wfm_mip *s = wfm_mip_alloc(err);
	int *idx = malloc((r1 - r0 + 1) * sizeof(int));
	double *val = malloc((r1 - r0 + 1) * sizeof(double));
	int ok = s && idx && val;

	for (size_t i = r0; ok && i < r1; i++)
		ok = wfm_mip_add_row(s, m->rlo[i], m->rhi[i]) >= 0;
	for (size_t q = 0; ok && q < nc; q++) {
		size_t j = cols[q], n = 0, tot = m->cbeg[j + 1] - m->cbeg[j];
		for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++)
			if ((size_t)m->cidx[k] >= r0 && (size_t)m->cidx[k] < r1) {
				idx[n] = m->cidx[k] - (int)r0;
				val[n++] = m->cval[k];
			}
		if (n)
			ok = wfm_mip_add_col(s, m->cost[j] * (double)n / (double)tot, m->clo[j], m->chi[j],
					     n, idx, val, err) >= 0;
	}
	WFM_FREE(idx, val);
	if (!ok) {
		wfm_mip_free(s);
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	wfm_mip_chain(s, 0, r1 - r0);
	return s;
}

/* The columns of each part (those that work one of its rows, listed in
 * column order): part p's are cols[beg[p] .. beg[p + 1] - 1]. */
static int part_columns(const wfm_mip *m, size_t parts, size_t **beg, size_t **cols)
{
	size_t *rp = malloc((m->nrows + 1) * sizeof(size_t)), n = 0;
	size_t *lo = malloc((m->ncols + 1) * 2 * sizeof(size_t)), *hi = lo ? lo + m->ncols : NULL;

	*beg = calloc(parts + 2, sizeof(size_t));
	*cols = NULL;
	if (!rp || !lo || !*beg)
		goto fail;
	for (size_t p = 0; p < parts; p++)
		for (size_t i = m->nrows * p / parts; i < m->nrows * (p + 1) / parts; i++)
			rp[i] = p;
	for (size_t j = 0; j < m->ncols; j++) {
		lo[j] = parts, hi[j] = 0;
		for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++) {
			lo[j] = rp[m->cidx[k]] < lo[j] ? rp[m->cidx[k]] : lo[j];
			hi[j] = rp[m->cidx[k]] > hi[j] ? rp[m->cidx[k]] : hi[j];
		}
		for (size_t p = lo[j]; p <= hi[j] && p < parts; p++)
			(*beg)[p + 2]++, n++;
	}
	for (size_t p = 0; p < parts; p++)
		(*beg)[p + 2] += (*beg)[p + 1];
	if (!(*cols = malloc((n + 1) * sizeof(size_t))))
		goto fail;
	for (size_t j = 0; j < m->ncols; j++)
		for (size_t p = lo[j]; p <= hi[j] && p < parts; p++)
			(*cols)[(*beg)[p + 1]++] = j;
	WFM_FREE(rp, lo);
	return 0;
fail:
	WFM_FREE(rp, lo, *beg);
	return -1;
}

/* A lower bound on the LP relaxation by parts: the rows split into parts
 * consecutive runs, each with every column that works one of its rows at
 * the column's cost times the share of its rows inside.  Any point of the
 * whole model, cut to a part, is a point of the part, and the parts' costs
 * add up to its cost: the parts' LP optima (each bounded by
 * wfm_mip_lp_bound) add up to at most the whole LP's.  Columns across a
 * boundary may then be split, so it is a little weaker; the interior
 * point's work grows faster than the rows, so it is much cheaper.  Needs
 * every row in the chain and no coefficient < 0 (else the whole model). */
int wfm_mip_lp_bound_parts(wfm_mip *m, size_t parts, double *bound, wfm_error *err)
{
	double z = 0;
	size_t *beg, *cols;
	int rc = 0;

	if (parts < 2 || m->ch0 != 0 || m->ch1 != m->nrows || m->nrows < 2 * parts)
		return wfm_mip_lp_bound(m, bound, err);
	for (size_t k = 0; k < m->nnz; k++)
		if (m->cval[k] < 0)
			return wfm_mip_lp_bound(m, bound, err);
	if (part_columns(m, parts, &beg, &cols)) {
		wfm_error_set(err, "out of memory");
		return -1;
	}
	for (size_t p = 0; p < parts && !rc; p++) {
		wfm_mip *s = part_model(m, m->nrows * p / parts, m->nrows * (p + 1) / parts, cols + beg[p],
					beg[p + 1] - beg[p], err);
		double b = 0;
		rc = s ? wfm_mip_lp_bound(s, &b, err) : -1;
		wfm_mip_free(s);
		z += b;
	}
	WFM_FREE(beg, cols);
	*bound = z;
	return rc;
}
