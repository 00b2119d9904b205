/* mip.c - integer programs through GLPK: build once, LP bound, seeded
 * branch and bound under a time limit.  See mip.h. */
#include "mip.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct wfm_mip {
	size_t nrows, ncols, nnz;
	size_t rcap, ccap, ncap;
	double *rlo, *rhi;
	double *cost, *clo, *chi;
	size_t *cbeg;            /* ncols + 1 offsets into cidx/cval */
	int *cidx;
	double *cval;
};

struct cb_data {
	const double *xh;        /* heuristic incumbent, 1-based for GLPK */
	int given;
};

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	if (!(q = realloc(*p, c * size)))
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

wfm_mip *wfm_mip_alloc(wfm_error *err)
{
	wfm_mip *m = calloc(1, sizeof(*m));

	if (!m || !(m->cbeg = calloc(1, sizeof(size_t)))) {
		free(m);
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	return m;
}

void wfm_mip_free(wfm_mip *m)
{
	if (!m)
		return;
	free(m->rlo);
	free(m->rhi);
	free(m->cost);
	free(m->clo);
	free(m->chi);
	free(m->cbeg);
	free(m->cidx);
	free(m->cval);
	free(m);
}

int wfm_mip_add_row(wfm_mip *m, double lo, double hi)
{
	size_t cap = m->rcap;

	if (grow((void **)&m->rlo, &cap, m->nrows + 1, sizeof(double)))
		return -1;
	cap = m->rcap;
	if (grow((void **)&m->rhi, &cap, m->nrows + 1, sizeof(double)))
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
	void *b;

	if (grow((void **)&m->cost, &cap, m->ncols + 1, sizeof(double)) ||
	    (cap = m->ccap, grow((void **)&m->clo, &cap, m->ncols + 1, sizeof(double))) ||
	    (cap = m->ccap, grow((void **)&m->chi, &cap, m->ncols + 1, sizeof(double))) ||
	    !(b = realloc(m->cbeg, (m->ncols + 2) * sizeof(size_t))) ||
	    (m->cbeg = b, grow((void **)&m->cidx, &ncap, m->nnz + n, sizeof(int))) ||
	    (ncap = m->ncap, grow((void **)&m->cval, &ncap, m->nnz + n, sizeof(double))))
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

size_t wfm_mip_nrows(const wfm_mip *m) { return m->nrows; }
size_t wfm_mip_ncols(const wfm_mip *m) { return m->ncols; }
size_t wfm_mip_nnz(const wfm_mip *m) { return m->nnz; }

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Offer the heuristic incumbent once, when GLPK first asks for one. */
static void callback(glp_tree *t, void *info)
{
	struct cb_data *d = info;

	if (glp_ios_reason(t) == GLP_IHEUR && d->xh && !d->given) {
		d->given = 1;
		glp_ios_heur_sol(t, d->xh);
	}
}

static glp_prob *build(const wfm_mip *m, wfm_error *err)
{
	glp_prob *lp = glp_create_prob();
	int *ind = malloc((m->nrows + 1) * sizeof(int));
	double *val = malloc((m->nrows + 1) * sizeof(double));

	if (!ind || !val) {
		free(ind);
		free(val);
		glp_delete_prob(lp);
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	glp_set_obj_dir(lp, GLP_MIN);
	if (m->nrows)
		glp_add_rows(lp, (int)m->nrows);
	for (size_t i = 0; i < m->nrows; i++) {
		int type = m->rhi[i] < 0 ? GLP_LO : m->rhi[i] == m->rlo[i] ? GLP_FX : GLP_DB;
		glp_set_row_bnds(lp, (int)i + 1, type, m->rlo[i], m->rhi[i] < 0 ? 0 : m->rhi[i]);
	}
	if (m->ncols)
		glp_add_cols(lp, (int)m->ncols);
	for (size_t j = 0; j < m->ncols; j++) {
		int c = (int)j + 1, n = 0;
		int type = m->chi[j] < 0 ? GLP_LO : m->chi[j] == m->clo[j] ? GLP_FX : GLP_DB;
		glp_set_col_kind(lp, c, GLP_IV);
		glp_set_col_bnds(lp, c, type, m->clo[j], m->chi[j] < 0 ? 0 : m->chi[j]);
		glp_set_obj_coef(lp, c, m->cost[j]);
		for (size_t k = m->cbeg[j]; k < m->cbeg[j + 1]; k++) {
			n++;
			ind[n] = m->cidx[k] + 1;
			val[n] = m->cval[k];
		}
		glp_set_mat_col(lp, c, n, ind, val);
	}
	free(ind);
	free(val);
	return lp;
}

int wfm_mip_solve(wfm_mip *m, const struct wfm_mip_params *p, double *x,
		  struct wfm_mip_result *res, wfm_error *err)
{
	double t0 = now(), limit_ms = p->time_limit_s * 1000.0, left;
	double *xlp = NULL, *xh = NULL, hobj = HUGE_VAL;
	glp_prob *lp;
	glp_smcp sm;
	glp_iocp io;
	struct cb_data cb = { 0 };
	int rc, have_h = 0;

	memset(res, 0, sizeof(*res));
	res->objective = HUGE_VAL;
	if (!(lp = build(m, err)))
		return -1;
	glp_term_out(GLP_OFF);
	glp_init_smcp(&sm);
	sm.msg_lev = GLP_MSG_OFF;
	sm.meth = GLP_DUALP;      /* costs >= 0: the slack basis is dual feasible */
	sm.presolve = GLP_OFF;    /* keep the basis for branch and bound */
	sm.tm_lim = limit_ms > 2e9 ? 2000000000 : (int)limit_ms;
	rc = glp_simplex(lp, &sm);
	res->lp_seconds_ms = (int)((now() - t0) * 1000);
	if (rc == 0 && glp_get_status(lp) == GLP_NOFEAS) {
		res->status = WFM_MIP_INFEASIBLE;
		res->seconds = now() - t0;
		glp_delete_prob(lp);
		return 0;
	}
	if (rc != 0 && rc != GLP_ETMLIM && rc != GLP_EITLIM) {
		glp_delete_prob(lp);
		return wfm_error_set(err, "glpk: simplex failed (code %d)", rc);
	}
	/* Dual simplex keeps a dual feasible basis: its objective is a lower
	 * bound even when the time limit stopped it. */
	res->lp_bound = glp_get_obj_val(lp);
	if (rc != 0 || glp_get_status(lp) != GLP_OPT)
		res->status = WFM_MIP_TIME_LIMIT;

	xlp = malloc((m->ncols + 1) * sizeof(double));
	xh = malloc((m->ncols + 1) * sizeof(double));
	if (!xlp || !xh) {
		free(xlp);
		free(xh);
		glp_delete_prob(lp);
		return wfm_error_set(err, "out of memory");
	}
	for (size_t j = 0; j < m->ncols; j++)
		xlp[j] = glp_get_col_prim(lp, (int)j + 1);
	if (p->heur && p->heur(xlp, xh + 1, p->heur_arg) == 0) {
		have_h = 1;
		hobj = 0;
		for (size_t j = 0; j < m->ncols; j++)
			hobj += m->cost[j] * xh[j + 1];
	}

	left = limit_ms - (now() - t0) * 1000.0;
	if (res->status == WFM_MIP_OPTIMAL && left > 1 &&
	    !(have_h && hobj - res->lp_bound <= p->gap * fabs(hobj))) {
		glp_init_iocp(&io);
		io.msg_lev = GLP_MSG_OFF;
		io.presolve = GLP_OFF;
		io.tm_lim = (int)left;
		io.mip_gap = p->gap;
		io.br_tech = GLP_BR_DTH;
		io.bt_tech = GLP_BT_BLB;
		io.fp_heur = GLP_ON;
		io.cb_func = callback;
		cb.xh = have_h ? xh : NULL;
		io.cb_info = &cb;
		rc = glp_intopt(lp, &io);
		if (rc == GLP_ETMLIM)
			res->status = WFM_MIP_TIME_LIMIT;
		int st = glp_mip_status(lp);
		if ((st == GLP_OPT || st == GLP_FEAS) && glp_mip_obj_val(lp) < hobj - 1e-9) {
			res->objective = glp_mip_obj_val(lp);
			for (size_t j = 0; j < m->ncols; j++)
				x[j] = glp_mip_col_val(lp, (int)j + 1);
		}
	} else if (left <= 1 && !(have_h && hobj - res->lp_bound <= p->gap * fabs(hobj))) {
		res->status = WFM_MIP_TIME_LIMIT;
	}
	if (res->objective == HUGE_VAL && have_h) {
		res->objective = hobj;
		res->heuristic_used = 1;
		memcpy(x, xh + 1, m->ncols * sizeof(double));
	}
	if (res->objective < HUGE_VAL)
		res->gap = res->objective > 0 ? (res->objective - res->lp_bound) / res->objective : 0;
	if (res->gap < 0)
		res->gap = 0;
	res->seconds = now() - t0;
	free(xlp);
	free(xh);
	glp_delete_prob(lp);
	return 0;
}
