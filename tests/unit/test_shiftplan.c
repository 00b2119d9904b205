/* test_shiftplan.c - lib/shiftplan.c, lib/shiftrules.c, lib/mip.c against
 * brute force and hand-worked optima. */
#include "check.h"
#include "shiftplan.h"
#include "shiftplan_int.h"
#include "shiftrules.h"
#include "timeutil.h"

#include <stdlib.h>

#define DAY0 20416   /* 2025-11-24, a Monday: days from 1970-01-01 */

static unsigned long lcg = 12345;
static int rnd(int n)
{
	lcg = lcg * 6364136223846793005UL + 1442695040888963407UL;
	return (int)((lcg >> 33) % (unsigned long)n);
}

static struct wfm_shiftrule rule(const char *name, int earliest_h, int latest_h, int step,
				 const int *len_h, int nlen)
{
	struct wfm_shiftrule r = { 0 };
	snprintf(r.name, sizeof(r.name), "%s", name);
	for (int k = 0; k < nlen; k++)
		r.len[k] = len_h[k] * 60;
	r.nlen = nlen;
	r.earliest = earliest_h * 60;
	r.latest = latest_h * 60;
	r.step = step * 60;   /* minutes here, seconds in the rule */
	r.break_after = 24 * 60;
	r.break_gap = 120;
	r.days = 0x7f;
	r.min_count = r.max_count = -1;
	return r;
}

static wfm_shiftplan *solve(double *req24, struct wfm_shiftrule *rules, size_t nr,
			    int no_wrap, const wfm_tz *tz, wfm_error *err)
{
	wfm_shiftreq rq = { 0 };
	wfm_shiftrules rs = { nr, rules, "rules.csv" };
	struct wfm_shiftplan_opts o = { 0 };

	rq.start = (int64_t)DAY0 * 86400;
	rq.step = 3600;
	rq.n = 24;
	rq.req = req24;
	rq.nchan = 1;
	o.first_day = DAY0;
	o.ndays = 1;
	o.time_limit = 20;
	o.gap = 0;
	o.no_wrap = no_wrap;
	return wfm_shiftplan_solve(&rq, &rs, tz, &o, err);
}

/* 8-h shifts starting on the hour from earliest_h to latest_h. */
static struct wfm_shiftrule any8(const char *name, int earliest_h, int latest_h)
{
	static const int lens[1] = { 8 };

	return rule(name, earliest_h, latest_h, 60, lens, 1);
}

/* The plan of a flat need of 10 around the clock. */
static wfm_shiftplan *solve_flat(struct wfm_shiftrule *rules, size_t nr, int no_wrap, const wfm_tz *tz,
				 wfm_error *err)
{
	double req[24];

	for (int h = 0; h < 24; h++)
		req[h] = 10;
	return solve(req, rules, nr, no_wrap, tz, err);
}

static int covers_all(const wfm_shiftplan *p)
{
	for (size_t i = 0; i < p->ncells; i++)
		if (p->scheduled[i] + 1e-9 < p->required[i])
			return 0;
	return 1;
}

/* Shifts of 2 or 3 h starting 08..12 on the hour (10 columns), random
 * needs of 0..2 in hours 08..14: the optimum by enumerating every count
 * 0..2 per column (a count of 3 is never needed when no hour needs more
 * than 2).  Cost = hours paid. */
static void test_brute_force(const wfm_tz *tz)
{
	int lens[2] = { 2, 3 };
	struct wfm_shiftrule r = rule("t", 8, 12, 60, lens, 2);

	for (int inst = 0; inst < 6; inst++) {
		double req[24] = { 0 };
		int cnt[10], best = 1 << 30, total = 1;
		wfm_error err = { 0 };
		for (int h = 8; h < 15; h++)
			req[h] = rnd(3);
		for (int j = 0; j < 10; j++)
			total *= 3;
		for (int code = 0; code < total; code++) {
			int c = code, cover[24] = { 0 }, cost = 0, ok = 1;
			for (int j = 0; j < 10; j++, c /= 3) {
				int s = 8 + j / 2, L = lens[j % 2];
				cnt[j] = c % 3;
				cost += cnt[j] * L;
				for (int h = s; h < s + L; h++)
					cover[h] += cnt[j];
			}
			for (int h = 0; h < 24 && ok; h++)
				ok = cover[h] >= req[h];
			if (ok && cost < best)
				best = cost;
		}
		wfm_shiftplan *p = solve(req, &r, 1, 1, tz, &err);
		CHECK(p != NULL, "instance %d: %s", inst, err.msg);
		if (!p)
			continue;
		CHECK_NEAR(p->paid_hours, best, 1e-9, "brute-force optimum, no breaks");
		CHECK(p->mip.lp_bound <= best + 1e-6, "LP bound %g <= optimum %d", p->mip.lp_bound, best);
		CHECK(covers_all(p), "instance %d: hard cover leaves no interval under", inst);
		CHECK(p->grid == 3600, "hourly grid, got %d s", p->grid);
		wfm_shiftplan_free(p);
	}
}

/* 5-h shifts starting 08, 09, 10 with a 30-min unpaid break after >= 2 h
 * and before the last 2 h: offsets 2:00 or 2:30, 6 columns, paid 4.5 h
 * each.  Hourly needs apply to both half-hours of the 30-min cover grid.
 * Brute force over counts 0..2. */
static void test_brute_force_breaks(const wfm_tz *tz)
{
	int lens[1] = { 5 };
	struct wfm_shiftrule r = rule("b", 8, 10, 60, lens, 1);

	r.break_after = 5 * 60;
	r.break_len = 30;
	for (int inst = 0; inst < 6; inst++) {
		double req[24] = { 0 };
		int best = 1 << 30, total = 729;
		wfm_error err = { 0 };
		for (int h = 8; h < 15; h++)
			req[h] = rnd(3);
		for (int code = 0; code < total; code++) {
			int c = code, cover[48] = { 0 }, ok = 1, people = 0;
			for (int j = 0; j < 6; j++, c /= 3) {
				int s = (8 + j / 2) * 2, b = s + 4 + j % 2, n = c % 3;
				people += n;
				for (int q = s; q < s + 10; q++)
					if (q != b)
						cover[q] += n;
			}
			for (int q = 0; q < 48 && ok; q++)
				ok = cover[q] >= req[q / 2];
			if (ok && people * 9 < best)
				best = people * 9;   /* half-hours paid */
		}
		wfm_shiftplan *p = solve(req, &r, 1, 1, tz, &err);
		CHECK(p != NULL, "instance %d: %s", inst, err.msg);
		if (!p)
			continue;
		CHECK_NEAR(p->paid_hours, best / 2.0, 1e-9, "brute-force optimum with breaks");
		CHECK(p->grid == 1800, "30-min grid, got %d s", p->grid);
		CHECK(covers_all(p), "instance %d: hard cover with breaks", inst);
		for (size_t k = 0; k < p->nrows; k++)
			CHECK(p->row[k].brk == 120 || p->row[k].brk == 150,
			      "break offset %d is 2:00 or 2:30", p->row[k].brk);
		wfm_shiftplan_free(p);
	}
}

/* A flat need of 10 around the clock with 8-h shifts on the hour: three
 * shifts of 10 people, 240 paid hours, efficiency 100%. */
static void test_flat(const wfm_tz *tz)
{
	struct wfm_shiftrule r = any8("f", 0, 23);
	wfm_error err = { 0 };
	wfm_shiftplan *p = solve_flat(&r, 1, 0, tz, &err);

	CHECK(p != NULL, "flat: %s", err.msg);
	if (!p)
		return;
	CHECK_NEAR(p->paid_hours, 240, 1e-9, "flat: paid hours");
	CHECK_NEAR(p->mip.lp_bound, 240, 1e-6, "flat: LP bound");
	CHECK_NEAR(p->efficiency, 1, 1e-12, "flat: efficiency");
	for (size_t i = 0; i < p->ncells; i++)
		CHECK(p->scheduled[i] == 10, "flat: cell %zu has %ld", i, p->scheduled[i]);
	wfm_shiftplan_free(p);
}

/* Night shift 22:00-06:00 and day shifts starting 06..14: flat 10 needs
 * the night shift to cover 00-06 of the same (cyclic) day: 240 h.  Without
 * the wrap, 00:00-06:00 lies outside every shift: hard cover fails naming
 * the first of those hours. */
static void test_wrap(const wfm_tz *tz)
{
	struct wfm_shiftrule r[2] = { any8("night", 22, 22), any8("day", 6, 14) };
	wfm_error err = { 0 };
	wfm_shiftplan *p = solve_flat(r, 2, 0, tz, &err);

	CHECK(p != NULL, "wrap: %s", err.msg);
	if (p) {
		CHECK_NEAR(p->paid_hours, 240, 1e-9, "wrap: paid hours");
		CHECK(covers_all(p), "wrap: covered");
		wfm_shiftplan_free(p);
	}
	p = solve_flat(r, 2, 1, tz, &err);
	CHECK(p == NULL, "no wrap: hard cover must fail");
	CHECK(strstr(err.msg, "6 intervals outside every shift (no rule has a shift working then): 2025-11-24T00:00 (required 10), 2025-11-24T01:00") != NULL,
	      "no wrap message: %s", err.msg);
	wfm_shiftplan_free(p);
}

/* At most 20 people may start per day but 30 are needed: infeasible. */
static void test_max_count(const wfm_tz *tz)
{
	struct wfm_shiftrule r = any8("m", 0, 23);
	wfm_error err = { 0 };
	wfm_shiftplan *p;

	r.max_count = 20;
	p = solve_flat(&r, 1, 0, tz, &err);
	CHECK(p == NULL, "max_count: must be infeasible");
	CHECK(strstr(err.msg, "cannot be covered") != NULL, "max_count message: %s", err.msg);
	wfm_shiftplan_free(p);
	r.max_count = 30;
	p = solve_flat(&r, 1, 0, tz, &err);
	CHECK(p && fabs(p->paid_hours - 240) < 1e-9, "max_count 30: 240 h");
	wfm_shiftplan_free(p);
	/* At least 40 people a day: 40 x 8 h = 320 h, 10 more than needed. */
	r.max_count = -1;
	r.min_count = 40;
	p = solve_flat(&r, 1, 0, tz, &err);
	CHECK(p && fabs(p->paid_hours - 320) < 1e-9, "min_count 40: 320 h, got %g", p ? p->paid_hours : -1);
	wfm_shiftplan_free(p);
}

/* wfm_shiftplan_rows_cols() on random column -> rows maps (distinct rows
 * per column, some rows in no column): row i's list holds exactly the
 * columns whose rows include i, in column order (checked against a
 * dense 0/1 matrix). */
static void test_rows_cols(void)
{
	enum { NC = 40, NR = 25 };

	for (int inst = 0; inst < 5; inst++) {
		size_t cbeg[NC + 1] = { 0 }, *rbeg = NULL;
		int crow[NC * NR], a[NR][NC] = { { 0 } }, *rcol = NULL;
		for (int j = 0; j < NC; j++) {
			cbeg[j + 1] = cbeg[j];
			for (int i = 0; i < NR - 3; i++)   /* rows NR-3 .. NR-1: no column */
				if (rnd(4) == 0) {
					crow[cbeg[j + 1]++] = i;
					a[i][j] = 1;
				}
		}
		CHECK(wfm_shiftplan_rows_cols(cbeg, crow, NC, NR, &rbeg, &rcol) == 0, "rows_cols allocates");
		for (int i = 0; i < NR; i++) {
			size_t k = rbeg[i];
			for (int j = 0; j < NC; j++)
				if (a[i][j]) {
					CHECK(k < rbeg[i + 1] && rcol[k] == j, "instance %d row %d: column %d next", inst, i, j);
					k++;
				}
			CHECK(k == rbeg[i + 1], "instance %d row %d: %zu columns, listed %zu", inst, i,
			      k - rbeg[i], rbeg[i + 1] - rbeg[i]);
		}
		CHECK(rbeg[NR] == cbeg[NC], "every entry listed once: %zu of %zu", rbeg[NR], cbeg[NC]);
		free(rbeg);
		free(rcol);
	}
}

/* data/rules.csv: starts on 30 min, lengths whole hours, 30-min breaks,
 * 2-h gaps: a 30-min grid; an 8-h day shift has breaks at 2:00, 2:30 ...
 * 5:30 (8 placements), a 4-h one none. */
static void test_rules(void)
{
	wfm_error err = { 0 };
	wfm_shiftrules *rs = wfm_shiftrules_load("../../data/rules.csv", &err);
	int off[64];

	if (!rs)
		rs = wfm_shiftrules_load("data/rules.csv", &err);
	CHECK(rs != NULL, "rules: %s", err.msg);
	if (!rs)
		return;
	CHECK(rs->n == 3, "three rules, got %zu", rs->n);
	CHECK(wfm_shiftrules_grid(rs, 3600) == 1800, "grid 30 min, got %d s", wfm_shiftrules_grid(rs, 3600));
	CHECK(wfm_shiftrules_breaks(&rs->rule[0], 480, 1800, off, 64) == 8, "8 placements");
	CHECK(off[0] == 120 && off[7] == 330, "placements 120..330, got %d..%d", off[0], off[7]);
	CHECK(wfm_shiftrules_breaks(&rs->rule[0], 240, 1800, off, 64) == 0, "no break in 4 h");
	CHECK(rs->rule[2].earliest == 22 * 60 && rs->rule[2].step == 3600, "night rule");
	wfm_shiftrules_free(rs);
}

int main(void)
{
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("UTC", &err);

	test_brute_force(tz);
	test_brute_force_breaks(tz);
	test_flat(tz);
	test_wrap(tz);
	test_max_count(tz);
	test_rules();
	test_rows_cols();
	wfm_tz_free(tz);
	return check_done("test_shiftplan");
}
