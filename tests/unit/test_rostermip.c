/* test_rostermip.c - lib/rostermip.c against a brute force written here:
 * random tiny instances (2-3 agents, 4 days, 1-3 shift types a day, tight
 * weekly day and hour limits, a shift past midnight against the rest rule,
 * an ISO week boundary inside the window, a previous roster) whose every
 * assignment is enumerated.  Checks: the proven optimum equals the brute
 * force's, the bound is at least it, the exact roster keeps every rule (the
 * brute force's checker) and fills what it reports, and it is never worse
 * than the heuristic's (wfm_roster_solve). */
#include "check.h"
#include "rostermip.h"
#include "timeutil.h"

#include <stdlib.h>
#include <unistd.h>

#define D 4
#define NH 2                    /* history days before the window */

/* The shift menu: start, end (minutes, past midnight > 1440), break. */
static const int MENU[5][4] = {
	{ 360, 840, -1, -1 },       /* 06:00-14:00, 8 h */
	{ 540, 780, -1, -1 },       /* 09:00-13:00, 4 h */
	{ 840, 1320, -1, -1 },      /* 14:00-22:00, 8 h */
	{ 1020, 1500, -1, -1 },     /* 17:00-01:00, 8 h: no 06:00 or 09:00 next day */
	{ 600, 990, 780, 810 },     /* 10:00-16:30, break 13:00-13:30, 6 h */
};

struct inst {
	int sat;                    /* window from Sat 2026-11-28 (else Mon 2026-11-23) */
	int nt[D], ty[D][3], cnt[D][3];
	int na, contract[3], minh[3], maxh[3], narrow[3], off[3];  /* off: weekday or -1 */
	int hist[3][NH];            /* menu index or -1 */
	int maxcons, maxdays, tol;
};

static unsigned long rng;
static int rnd(int n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (int)((rng >> 33) % (unsigned long)n);
}

static void gen(struct inst *I)
{
	memset(I, 0, sizeof(*I));
	I->sat = rnd(2);
	for (int d = 0; d < D; d++) {
		I->nt[d] = 1 + rnd(3);
		for (int k = 0; k < I->nt[d]; k++) {
			int t;
			do
				t = rnd(5);
			while ((k > 0 && t == I->ty[d][0]) || (k > 1 && t == I->ty[d][1]));
			I->ty[d][k] = t;
			I->cnt[d][k] = 1 + rnd(2);
		}
	}
	I->na = 2 + rnd(2);
	for (int a = 0; a < I->na; a++) {
		I->contract[a] = 8 + 4 * rnd(5);
		I->minh[a] = rnd(2) ? 4 : 6;
		I->maxh[a] = rnd(2) ? 8 : 9;
		I->narrow[a] = rnd(3) == 0;     /* 07:00-23:00 */
		I->off[a] = rnd(3) == 0 ? rnd(7) : -1;
		for (int h = 0; h < NH; h++)
			I->hist[a][h] = rnd(3) == 0 ? rnd(5) : -1;
	}
	I->maxcons = 1 + rnd(3);
	I->maxdays = 2 + rnd(2);
	I->tol = rnd(2) ? 4 : 0;
}

/* Day i (-NH .. D-1): weekday and ISO week number. */
static int wday(const struct inst *I, int i) { return ((I->sat ? 5 : 0) + i + 14) % 7; }
static int week(const struct inst *I, int i) { return I->sat ? (i >= 2) : (i >= 0); }
static int paid(int t) { return MENU[t][1] - MENU[t][0] - (MENU[t][2] >= 0 ? MENU[t][3] - MENU[t][2] : 0); }

/* Agent a may take menu shift t on window day d (day-local rules). */
static int fits(const struct inst *I, int a, int d, int t)
{
	int span = MENU[t][1] - MENU[t][0];
	if (wday(I, d) == I->off[a] || span < I->minh[a] * 60 || span > I->maxh[a] * 60)
		return 0;
	return !I->narrow[a] || (MENU[t][0] >= 420 && MENU[t][1] <= 1380);
}

/* Every rule for agent a's week w[d] (menu index or -1), history included. */
static int week_ok(const struct inst *I, int a, const int *w)
{
	int s[NH + D], days[2] = { 0 }, mins[2] = { 0 }, any[2] = { 0 }, last = -1;
	for (int i = 0; i < NH; i++)
		s[i] = I->hist[a][i];
	for (int d = 0; d < D; d++) {
		if (w[d] >= 0 && !fits(I, a, d, w[d]))
			return 0;
		s[NH + d] = w[d];
	}
	for (int i = 0; i < NH + D; i++) {
		int run = 0;
		if (s[i] < 0)
			continue;
		if (last >= 0 && (i - last) * 1440 + MENU[s[i]][0] - MENU[s[last]][1] < 660)
			if (i >= NH)
				return 0;
		last = i;
		days[week(I, i - NH)]++;
		mins[week(I, i - NH)] += paid(s[i]);
		any[week(I, i - NH)] |= i >= NH;
		for (int j = i; j >= 0 && s[j] >= 0; j--)
			run++;
		if (i >= NH && run > I->maxcons)
			return 0;
	}
	for (int k = 0; k < 2; k++)
		if (any[k] && (days[k] > I->maxdays || mins[k] > (I->contract[a] + I->tol) * 60))
			return 0;
	return 1;
}

/* Brute force: each agent's feasible weeks, then every combination within
 * the counts.  Returns the most paid minutes. */
static int best_rec(const struct inst *I, int a, int left[D][3], int (*weeks)[729][D + 1], const int *nw)
{
	int best = -1;
	if (a == I->na)
		return 0;
	for (int k = 0; k < nw[a]; k++) {
		const int *w = weeks[a][k];
		int ok = 1, v;
		for (int d = 0; d < D; d++)
			for (int j = 0; j < I->nt[d]; j++)
				if (w[d] == I->ty[d][j] && left[d][j]-- <= 0)
					ok = 0;
		if (ok && (v = best_rec(I, a + 1, left, weeks, nw)) >= 0 && v + w[D] > best)
			best = v + w[D];
		for (int d = 0; d < D; d++)
			for (int j = 0; j < I->nt[d]; j++)
				if (w[d] == I->ty[d][j])
					left[d][j]++;
	}
	return best;
}

static int brute(const struct inst *I)
{
	static int weeks[3][729][D + 1];
	int nw[3] = { 0 }, left[D][3];
	for (int a = 0; a < I->na; a++) {
		int c[D] = { 0 };   /* odometer: 0 = off, k = type k - 1 of the day */
		for (;;) {
			int w[D], v = 0, d;
			for (d = 0; d < D; d++)
				w[d] = c[d] ? I->ty[d][c[d] - 1] : -1;
			if (week_ok(I, a, w)) {
				for (d = 0; d < D; d++) {
					weeks[a][nw[a]][d] = w[d];
					v += w[d] >= 0 ? paid(w[d]) : 0;
				}
				weeks[a][nw[a]++][D] = v;
			}
			for (d = 0; d < D && ++c[d] > I->nt[d]; d++)
				c[d] = 0;
			if (d == D)
				break;
		}
	}
	for (int d = 0; d < D; d++)
		for (int j = 0; j < 3; j++)
			left[d][j] = I->cnt[d][j];
	return best_rec(I, 0, left, weeks, nw);
}

static const char *date(const struct inst *I, int i)
{
	static const char *mon[] = { "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26" };
	static const char *sat[] = { "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01" };
	return (I->sat ? sat : mon)[i + NH];
}

static void hhmm(FILE *fp, int m) { fprintf(fp, "%02d:%02d", m / 60 % 24, m % 60); }

static void shift(FILE *fp, int t)
{
	hhmm(fp, MENU[t][0]);
	fputc(',', fp);
	hhmm(fp, MENU[t][1]);
	fputc(',', fp);
	if (MENU[t][2] >= 0) {
		hhmm(fp, MENU[t][2]);
		fputc(',', fp);
		hhmm(fp, MENU[t][3]);
	} else {
		fputc(',', fp);
	}
}

/* Returns the number of history rows written. */
static int write_files(const struct inst *I, const char *pp, const char *sp, const char *hp)
{
	int nh = 0;
	static const char *wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	FILE *fp = fopen(pp, "w");
	fprintf(fp, "date,shift,start,end,break_start,break_end,count\n");
	for (int d = 0; d < D; d++)
		for (int k = 0; k < I->nt[d]; k++) {
			fprintf(fp, "%s,s%d,", date(I, d), I->ty[d][k]);
			shift(fp, I->ty[d][k]);
			fprintf(fp, ",%d\n", I->cnt[d][k]);
		}
	fclose(fp);
	fp = fopen(sp, "w");
	fprintf(fp, "id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\n");
	for (int a = 0; a < I->na; a++)
		fprintf(fp, "A%d,Agent %d,calls,%d,%d,%d,%s,%s\n", a, a, I->contract[a], I->minh[a], I->maxh[a],
			I->narrow[a] ? "07:00,23:00" : "00:00,24:00", I->off[a] >= 0 ? wd[I->off[a]] : "");
	fclose(fp);
	fp = fopen(hp, "w");
	fprintf(fp, "date,agent_id,name,start,end,break_start,break_end\n");
	for (int a = 0; a < I->na; a++)
		for (int h = 0; h < NH; h++)
			if (I->hist[a][h] >= 0) {
				fprintf(fp, "%s,A%d,Agent %d,", date(I, h - NH), a, a);
				shift(fp, I->hist[a][h]);
				fputc('\n', fp);
				nh++;
			}
	fclose(fp);
	return nh;
}

/* The exact roster keeps every rule and the counts, and fills filled_h. */
static int roster_ok(const struct inst *I, const struct wfm_rostermip_result *x, int64_t first)
{
	int w[3][D], used[D][3] = { { 0 } }, mins = 0;
	for (int a = 0; a < I->na; a++)
		for (int d = 0; d < D; d++)
			w[a][d] = -1;
	for (size_t i = 0; i < x->n; i++) {
		const struct wfm_shift *s = &x->roster[i];
		int a = atoi(s->agent + 1), d = (int)(s->day - first), t = atoi(s->name + 1), k;
		if (a < 0 || a >= I->na || d < 0 || d >= D || w[a][d] >= 0 || MENU[t][0] != s->start)
			return 0;
		for (k = 0; k < I->nt[d] && I->ty[d][k] != t; k++)
			;
		if (k == I->nt[d] || ++used[d][k] > I->cnt[d][k])
			return 0;
		w[a][d] = t;
		mins += paid(t);
	}
	for (int a = 0; a < I->na; a++)
		if (!week_ok(I, a, w[a]))
			return 0;
	return fabs(mins / 60.0 - x->best_h) < 1e-9;
}

static void one(int seed, int *proven)
{
	char pp[] = "/tmp/wfm-test-rmip-p.XXXXXX", sp[] = "/tmp/wfm-test-rmip-s.XXXXXX", hp[] = "/tmp/wfm-test-rmip-h.XXXXXX";
	struct inst I;
	struct wfm_roster_opts o;
	struct wfm_rostermip_result x;
	wfm_error err = { 0 };
	wfm_plan *plan, *prev;
	wfm_agents *ag;
	wfm_roster_result *heur;
	int64_t first;
	int want;

	rng = (unsigned long)seed * 2654435761UL + 1;
	gen(&I);
	close(mkstemp(pp));
	close(mkstemp(sp));
	close(mkstemp(hp));
	int nh = write_files(&I, pp, sp, hp);
	wfm_roster_opts_default(&o);
	o.max_consecutive = I.maxcons;
	o.max_days_week = I.maxdays;
	o.tol_week_h = I.tol;
	wfm_time_parse_date(date(&I, 0), &first, &err);
	plan = wfm_plan_load(pp, NULL, &err);
	ag = wfm_agents_load(sp, NULL, 0, &err);
	prev = nh ? wfm_roster_load(hp, NULL, &err) : NULL;
	CHECK(plan && ag && (prev || !nh), "seed %d: load: %s", seed, err.msg);
	heur = plan && ag && (prev || !nh) ? wfm_roster_solve(plan, ag, prev, first, D, &o, &err) : NULL;
	CHECK(heur != NULL, "seed %d: heuristic: %s", seed, err.msg);
	if (heur) {
		want = brute(&I);
		int rc = wfm_rostermip_solve(plan, ag, prev, heur, &o, 60, &x, &err);
		CHECK(rc == 0, "seed %d: solve: %s", seed, err.msg);
		if (rc == 0) {
			*proven += x.status == 0;
			CHECK(x.status == 0, "seed %d: not proven (best %.1f, bound %.1f)", seed, x.best_h, x.bound_h);
			CHECK_NEAR(x.best_h, want / 60.0, 1e-9, "exact = brute force");
			CHECK(x.bound_h >= want / 60.0 - 1e-9, "seed %d: bound %.1f below the optimum %.1f", seed,
			      x.bound_h, want / 60.0);
			CHECK(x.heuristic_feasible, "seed %d: the heuristic's roster rejected", seed);
			CHECK(x.best_h >= x.heuristic_h - 1e-9, "seed %d: exact %.1f below the heuristic %.1f", seed,
			      x.best_h, x.heuristic_h);
			CHECK(roster_ok(&I, &x, first), "seed %d: the exact roster breaks a rule or a count", seed);
			wfm_rostermip_result_free(&x);
		}
	}
	wfm_roster_result_free(heur);
	wfm_plan_free(plan);
	wfm_roster_free(prev);
	wfm_agents_free(ag);
	unlink(pp);
	unlink(sp);
	unlink(hp);
}

int main(void)
{
	int proven = 0, n = 300;
	for (int seed = 1; seed <= n; seed++)
		one(seed, &proven);
	CHECK(proven == n, "proven %d of %d", proven, n);
	return check_done("test_rostermip");
}
