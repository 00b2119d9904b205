/* roster_bound.c - the weekly max-min bound of wfm roster as a linear
 * program over agent classes (see roster_bound.h). */
#include "roster_bound.h"
#include "mip.h"

#include <math.h>
#include <stdlib.h>

/* max L (as min u = 1 - L, so every cost is >= 0) such that the days in
 * capped[] get best_min and the others L x planned_min.  -1 on error. */
static int level_lp(const struct wfm_rbound *b, const unsigned char *capped, double *out, wfm_error *err)
{
	int nr_cd = b->ncls * b->ndays, r_ty = nr_cd, r_cls = r_ty + b->nty, r_day = r_cls + 2 * b->ncls;
	wfm_mip *m = wfm_mip_alloc(err);
	struct wfm_mip_result res;
	struct wfm_mip_params p = { 600, 1e-9, NULL, NULL };
	double *x = NULL, pv[7];
	int rc = -1, idx[7];

	if (!m)
		return -1;
	for (int i = 0; i < nr_cd; i++)
		wfm_mip_add_row(m, 0, (double)b->navail[i]);
	for (int t = 0; t < b->nty; t++)
		wfm_mip_add_row(m, 0, (double)b->ty_count[t]);
	for (int c = 0; c < b->ncls; c++) {
		wfm_mip_add_row(m, 0, (double)b->days_cap[c]);
		wfm_mip_add_row(m, 0, b->min_cap[c]);
	}
	for (int d = 0; d < b->ndays; d++)   /* paid + u x planned >= planned, or >= best */
		wfm_mip_add_row(m, capped[d] ? b->best_min[d] : b->planned_min[d], -1);
	for (int c = 0; c < b->ncls; c++)
		for (int t = 0; t < b->nty; t++) {
			int d = b->ty_day[t], ix[5] = { c * b->ndays + d, r_ty + t, r_cls + 2 * c,
							r_cls + 2 * c + 1, r_day + d };
			double val[5] = { 1, 1, 1, b->ty_paid[t], b->ty_paid[t] };
			if (!b->fit[(size_t)t * b->ncls + c] || !b->navail[c * b->ndays + d])
				continue;
			if (wfm_mip_add_col(m, 0, 0, -1, 5, ix, val, err) < 0)
				goto out;
		}
	int n = 0;
	for (int d = 0; d < b->ndays; d++)
		if (!capped[d]) {
			idx[n] = r_day + d;
			pv[n++] = b->planned_min[d];
		}
	if (wfm_mip_add_col(m, 1, 0, 1, (size_t)n, idx, pv, err) < 0)
		goto out;
	wfm_mip_continuous_from(m, 0);
	if (!(x = malloc((wfm_mip_ncols(m) + 1) * sizeof(double)))) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	if (wfm_mip_solve(m, &p, x, &res, err))
		goto out;
	if (res.status == WFM_MIP_INFEASIBLE || !res.lp_solved) {
		wfm_error_set(err, "roster bound: the LP did not finish");
		goto out;
	}
	*out = 1 - res.lp_bound;
	rc = 0;
out:
	free(x);
	wfm_mip_free(m);
	return rc;
}

/* The level, the days whose best is below it capped, until no more day
 * is: at the level L found with the set S capped, min(best, L' x planned)
 * for L' just above L equals L' x planned off S, so L is the largest. */
int wfm_roster_bound_level(const struct wfm_rbound *b, double *level, wfm_error *err)
{
	unsigned char capped[7] = { 0 };
	for (;;) {
		int more = 0;
		if (level_lp(b, capped, level, err))
			return -1;
		for (int d = 0; d < b->ndays; d++)
			if (!capped[d] && b->best_min[d] <= *level * b->planned_min[d] + 1e-6) {
				capped[d] = 1;
				more = 1;
			}
		if (!more)
			break;
	}
	if (*level > 1)
		*level = 1;
	return 0;
}
