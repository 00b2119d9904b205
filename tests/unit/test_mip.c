/* test_mip.c - lib/mip.c: differenced cover rows (wfm_mip_chain) give the
 * LP bound of the rows as given, and plans that meet every row checked
 * here against the columns, on random cyclic covering models (runs of
 * cells with a break gap, wrapping past the end, some side rows); the
 * interior point bound (wfm_mip_lp_bound) against the simplex's LP. */
#include "check.h"
#include "mip.h"

#include <stdlib.h>

static unsigned long lcg = 4242;
static int rnd(int n)
{
	lcg = lcg * 6364136223846793005UL + 1442695040888963407UL;
	return (int)((lcg >> 33) % (unsigned long)n);
}

#define NR 48
#define NC 160

struct inst {
	int need[NR];
	int start[NC], len[NC], brk[NC], side[NC];
	double cost[NC];
};

/* Cells of column j (its run minus the break, wrapping), into idx. */
static int cells(const struct inst *in, int j, int *idx)
{
	int n = 0;
	for (int k = 0; k < in->len[j]; k++)
		if (in->brk[j] < 0 || k < in->brk[j] || k >= in->brk[j] + 2)
			idx[n++] = (in->start[j] + k) % NR;
	return n;
}

static wfm_mip *build(const struct inst *in, int chain, int sides)
{
	wfm_error err = { 0 };
	wfm_mip *m = wfm_mip_alloc(&err);
	int idx[NR + 1];
	double one[NR + 1];

	for (int i = 0; i < NR + 1; i++)
		one[i] = 1;
	for (int i = 0; i < NR; i++)
		wfm_mip_add_row(m, in->need[i], -1);
	if (sides)
		wfm_mip_add_row(m, 0, 6);      /* at most 6 of the side columns */
	for (int j = 0; j < NC; j++) {
		int n = cells(in, j, idx);
		if (in->side[j] && sides)
			idx[n++] = NR;
		wfm_mip_add_col(m, in->cost[j], 0, -1, (size_t)n, idx, one, &err);
	}
	if (chain) {
		wfm_mip_chain(m, 0, NR);
		wfm_mip_chain_from(m, 0);
	}
	return m;
}

int main(void)
{
	for (int t = 0; t < 25; t++) {
		struct inst in;
		struct wfm_mip_result r[2];
		wfm_error err = { 0 };
		int idx[NR];

		for (int i = 0; i < NR; i++)
			in.need[i] = rnd(10) + (i % 12 > 5 ? 4 : 0);
		for (int j = 0; j < NC; j++) {
			in.start[j] = rnd(NR);
			in.len[j] = 4 + rnd(12);
			in.brk[j] = in.len[j] >= 10 ? 3 + rnd(in.len[j] - 7) : -1;
			in.cost[j] = in.len[j] - (in.brk[j] >= 0 ? 2 : 0) + 0.5 * rnd(3);
			in.side[j] = rnd(8) == 0;
		}
		for (int c = 0; c < 2; c++) {
			wfm_mip *m = build(&in, c, 1);
			double x[NC], cover[NR] = { 0 }, z = 0;
			int side = 0, ok = 1;
			struct wfm_mip_params p = { 30, 0.0, NULL, NULL };
			CHECK(wfm_mip_solve(m, &p, x, &r[c], &err) == 0, "instance %d: solve: %s", t, err.msg);
			for (int j = 0; j < NC; j++) {
				int n = cells(&in, j, idx);
				ok &= x[j] >= -1e-9 && fabs(x[j] - floor(x[j] + 0.5)) < 1e-9;
				for (int k = 0; k < n; k++)
					cover[idx[k]] += x[j];
				side += in.side[j] ? (int)floor(x[j] + 0.5) : 0;
				z += in.cost[j] * x[j];
			}
			for (int i = 0; i < NR; i++)
				ok &= cover[i] >= in.need[i] - 1e-9;
			CHECK(ok && side <= 6, "instance %d (%s rows): the plan is integral and meets every row",
			      t, c ? "differenced" : "given");
			CHECK_NEAR(z, r[c].objective, 1e-6, "objective is the plan's cost");
			CHECK(r[c].objective >= r[c].lp_bound - 1e-6, "instance %d: objective >= LP bound", t);
			CHECK((r[c].lp_nnz > 0) == c, "instance %d: lp_nnz says whether rows were differenced", t);
			wfm_mip_free(m);
		}
		CHECK_NEAR(r[1].lp_bound, r[0].lp_bound, 1e-6 * r[0].lp_bound, "the same LP bound differenced");
		/* The interior point bound (wfm_mip_lp_bound) of the pure cover
		 * rows against the simplex's LP optimum of the same model: at
		 * most it (a valid bound), and within 1e-6 of it. */
		{
			wfm_mip *m = build(&in, 1, 0);
			double x[NC], ipm = -1;
			struct wfm_mip_result rs;
			struct wfm_mip_params p = { 30, 0.0, NULL, NULL };
			CHECK(wfm_mip_solve(m, &p, x, &rs, &err) == 0 && rs.lp_solved, "instance %d: simplex LP", t);
			wfm_mip_free(m);
			m = build(&in, 1, 0);
			CHECK(wfm_mip_lp_bound(m, &ipm, &err) == 0, "instance %d: interior point: %s", t, err.msg);
			CHECK(ipm <= rs.lp_bound + 1e-9, "instance %d: interior point bound %.9g <= LP optimum %.9g",
			      t, ipm, rs.lp_bound);
			CHECK_NEAR(ipm, rs.lp_bound, 1e-6 * rs.lp_bound, "interior point bound = the LP optimum");
			wfm_mip_free(m);
			/* by parts (wfm_mip_lp_bound_parts): still at most it */
			for (size_t parts = 2; parts <= 3; parts++) {
				m = build(&in, 1, 0);
				CHECK(wfm_mip_lp_bound_parts(m, parts, &ipm, &err) == 0, "instance %d: parts: %s", t, err.msg);
				CHECK(ipm <= rs.lp_bound + 1e-9 && ipm > 0, "instance %d: %zu parts' bound %.9g <= LP optimum %.9g",
				      t, parts, ipm, rs.lp_bound);
				wfm_mip_free(m);
			}
		}
		/* gap 0 and no work limit hit: both proven optimal, so equal */
		if (r[0].status == WFM_MIP_OPTIMAL && r[1].status == WFM_MIP_OPTIMAL)
			CHECK_NEAR(r[1].objective, r[0].objective, 1e-6, "the same integer optimum differenced");
	}
	/* Closed form: 4 rows needing 1, pairs 0-1, 1-2, 2-3 at 2, 1.2, 2,
	 * singles at 1.5.  The duals 1.5, 0.5, 0.5, 1.5 and the pairs 0-1,
	 * 2-3 prove the LP optimum 4; by 2 parts the pair 1-2 costs 0.6 in
	 * each, and each part's optimum is still 2 (duals 1.5, 0.5). */
	{
		wfm_error err = { 0 };
		wfm_mip *m = wfm_mip_alloc(&err);
		int idx[2];
		double one[2] = { 1, 1 }, cost[3] = { 2, 1.2, 2 }, b = -1;
		for (int i = 0; i < 4; i++)
			wfm_mip_add_row(m, 1, -1);
		for (int k = 0; k < 3; k++) {
			idx[0] = k, idx[1] = k + 1;
			wfm_mip_add_col(m, cost[k], 0, -1, 2, idx, one, &err);
		}
		for (int i = 0; i < 4; i++) {
			idx[0] = i;
			wfm_mip_add_col(m, 1.5, 0, -1, 1, idx, one, &err);
		}
		wfm_mip_chain(m, 0, 4);
		CHECK(wfm_mip_lp_bound_parts(m, 2, &b, &err) == 0, "closed form: parts: %s", err.msg);
		CHECK_NEAR(b, 4, 1e-6, "closed form: 2 parts' bound = the LP optimum 4");
		wfm_mip_free(m);
	}
	return check_done("test_mip");
}
