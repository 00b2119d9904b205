/* roster.c - greedy + augmenting-path roster (see roster.h, docs/roster.md). */
#include "roster.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Solver state.  Days are indexed from ext0 = first_day - 7 (one week of
 * history from the previous roster) to the last day of the window. */
struct st {
	const wfm_agents *ag;
	const struct wfm_roster_opts *o;
	int64_t ext0, first_day;
	int E, ndays;          /* days in the extended range, in the window */
	int *ws, *we, *wp;     /* per agent x day: start/end (abs minutes), paid; ws = -1 none */
	const struct wfm_shift **wsh; /* the plan row an agent works on a window day */
	long *weekends, *lates;
	unsigned char *on;     /* per agent x day: day chosen in the days-on pattern */
	int rest;              /* minutes */
	/* current day's shift types */
	const struct wfm_shift **ty;
	int nty;
};

#define W(s, a, k) ((size_t)(a) * (size_t)(s)->E + (size_t)(k))

void wfm_roster_opts_default(struct wfm_roster_opts *o)
{
	o->min_rest_h = 11;
	o->max_consecutive = 6;
	o->max_days_week = 5;
	o->tol_week_h = 4;
	o->late_after = 22 * 60;
}

void wfm_roster_result_free(wfm_roster_result *r)
{
	if (!r)
		return;
	free(r->rows);
	free(r->unfilled);
	free(r->day);
	free(r->paid_min);
	free(r->days);
	free(r->weekends);
	free(r->lates);
	free(r);
}

/* Day-local rules: working window and shift length. */
static int fits(const struct wfm_agent *a, const struct wfm_shift *s)
{
	int span = s->end - s->start;
	if (span < (int)lround(a->min_shift_h * 60) || span > (int)lround(a->max_shift_h * 60))
		return 0;
	if (a->earliest == 0 && a->latest == 1440)
		return 1;
	return s->start >= a->earliest && s->end <= a->latest;
}

/* May agent a work shift s on window day k (index into the extended
 * range), ignoring whatever a has on that day?  relaxed: day-local rules
 * only. */
static int eligible(const struct st *st, size_t a, int k, const struct wfm_shift *s, int relaxed)
{
	const struct wfm_agent *ag = &st->ag->a[a];
	int64_t day = st->ext0 + k;
	int start = k * 1440 + s->start, end = k * 1440 + s->end;
	int mon, run, wdays = 0, wpaid = 0;

	if (!wfm_agents_available(st->ag, a, day) || !fits(ag, s))
		return 0;
	if (relaxed)
		return 1;
	for (int j = k - 2; j <= k + 2; j++) {   /* rest, no overlap */
		if (j == k || j < 0 || j >= st->E || st->ws[W(st, a, j)] < 0)
			continue;
		if (j < k && start - st->we[W(st, a, j)] < st->rest)
			return 0;
		if (j > k && st->ws[W(st, a, j)] - end < st->rest)
			return 0;
	}
	run = 1;
	for (int j = k - 1; j >= 0 && st->ws[W(st, a, j)] >= 0; j--)
		run++;
	for (int j = k + 1; j < st->E && st->ws[W(st, a, j)] >= 0; j++)
		run++;
	if (run > st->o->max_consecutive)
		return 0;
	mon = k - wfm_time_weekday(day);
	for (int j = mon; j < mon + 7; j++) {
		if (j == k || j < 0 || j >= st->E || st->ws[W(st, a, j)] < 0)
			continue;
		wdays++;
		wpaid += st->wp[W(st, a, j)];
	}
	if (wdays + 1 > st->o->max_days_week)
		return 0;
	return wpaid + wfm_shift_paid(s) <= (int)lround((ag->contract_h + st->o->tol_week_h) * 60);
}

static int is_weekend(int64_t day)
{
	return wfm_time_weekday(day) >= 5;
}

/* Cost of giving s on day k to agent a (lower is better), in hours. */
static double cost(const struct st *st, size_t a, int k, const struct wfm_shift *s)
{
	const struct wfm_agent *ag = &st->ag->a[a];
	int64_t day = st->ext0 + k;
	int mon = k - wfm_time_weekday(day), wdays = 0, left = 0;
	double paid = 0, need, u, h = wfm_shift_paid(s) / 60.0, c;

	for (int j = mon; j < mon + 7; j++) {
		if (j < 0 || j >= st->E || j == k)
			continue;
		if (st->ws[W(st, a, j)] >= 0) {
			wdays++;
			paid += st->wp[W(st, a, j)] / 60.0;
		} else if (j > k && j < st->E && wfm_agents_available(st->ag, a, st->ext0 + j))
			left++;
	}
	if (left > st->o->max_days_week - wdays - 1)
		left = st->o->max_days_week - wdays - 1;
	if (left < 0)
		left = 0;
	need = ag->contract_h - paid;
	u = need / (1 + left);     /* hours a day this agent still needs */
	c = -u + fabs(u - h);
	if (need - h < 0)
		c += 2 * (h - need);   /* going over the contract */
	if (is_weekend(day))
		c += st->weekends[a];
	if (s->end > st->o->late_after)
		c += st->lates[a];
	if (!st->on[W(st, a, k)])
		c += 24;           /* not one of the agent's planned days */
	return c;
}

static void put(struct st *st, size_t a, int k, int t, const struct wfm_shift *s)
{
	size_t w = W(st, a, k);
	if (t < 0) {
		st->ws[w] = st->we[w] = -1;
		st->wp[w] = 0;
	} else {
		st->ws[w] = k * 1440 + s->start;
		st->we[w] = k * 1440 + s->end;
		st->wp[w] = wfm_shift_paid(s);
	}
	st->wsh[w] = t < 0 ? NULL : s;
}

/* One augmenting path for an unfilled instance of type u on day k; cur[a]
 * is the type agent a works (-1 none).  BFS over types: from type x reach
 * agents eligible for x; a free agent ends the path, an agent on type y
 * opens y.  Returns 1 when the path was applied. */
static int augment(struct st *st, int k, int u, int *cur, int relaxed,
		   int *par_agent, int *par_type, int *queue)
{
	size_t n = st->ag->n;
	int qh = 0, qt = 0;

	for (int t = 0; t < st->nty; t++)
		par_type[t] = -2;
	par_type[u] = -1;
	queue[qt++] = u;
	while (qh < qt) {
		int x = queue[qh++];
		for (size_t a = 0; a < n; a++) {
			int y = cur[a];
			if (y == x || (y >= 0 && par_type[y] != -2))
				continue;
			if (!eligible(st, a, k, st->ty[x], relaxed))
				continue;
			if (y < 0) {   /* free agent: apply the path */
				int t = x;
				size_t b = a;
				for (;;) {
					int prev = cur[b];
					cur[b] = t;
					if (!relaxed)
						put(st, b, k, t, st->ty[t]);
					(void)prev;
					if (par_type[t] < 0)
						break;
					b = (size_t)par_agent[t];
					t = par_type[t];
				}
				return 1;
			}
			par_type[y] = x;
			par_agent[y] = (int)a;
			queue[qt++] = y;
		}
	}
	return 0;
}

struct order { int t, nelig; };

static int cmp_order_ty(const struct order *x, const struct order *y, const struct wfm_shift *const *ty)
{
	const struct wfm_shift *p = ty[x->t], *q = ty[y->t];
	if (x->nelig != y->nelig)
		return x->nelig < y->nelig ? -1 : 1;
	if (p->start != q->start)
		return p->start < q->start ? -1 : 1;
	if (p->end != q->end)
		return p->end < q->end ? -1 : 1;
	return x->t < y->t ? -1 : x->t > y->t;
}

struct row { int64_t day; int start, end; size_t a; int t; const struct wfm_shift *s; };

static int cmp_row(const void *x, const void *y)
{
	const struct row *p = x, *q = y;
	if (p->day != q->day)
		return p->day < q->day ? -1 : 1;
	if (p->start != q->start)
		return p->start < q->start ? -1 : 1;
	if (p->end != q->end)
		return p->end < q->end ? -1 : 1;
	return (p->a > q->a) - (p->a < q->a);
}

static int load_prev(struct st *st, const wfm_plan *prev, wfm_error *err)
{
	for (size_t i = 0; prev && i < prev->n; i++) {
		const struct wfm_shift *s = &prev->s[i];
		long a = wfm_agents_find(st->ag, s->agent);
		int64_t k = s->day - st->ext0;
		size_t w;
		if (a < 0)
			return wfm_error_at(err, prev->file, s->line, "agent_id",
					    "agent \"%.40s\" is not in %s", s->agent, st->ag->file);
		if (k < 0 || k >= 7)
			continue;   /* only the week before the window matters */
		w = W(st, a, k);
		st->ws[w] = (int)k * 1440 + s->start;
		st->we[w] = (int)k * 1440 + s->end;
		st->wp[w] = wfm_shift_paid(s);
	}
	return 0;
}

/* Cross-day repair for an unfilled instance of s on day k: a free agent a
 * blocked by a weekly limit gives one of its other shifts that week (day
 * j) to a free agent b, then takes s.  *budget counts eligibility checks so
 * the pass stays bounded on large inputs.  Returns 1 when done. */
static int cross_repair(struct st *st, int k, const struct wfm_shift *s, long *budget)
{
	size_t n = st->ag->n;
	int mon = k - wfm_time_weekday(st->ext0 + k);
	for (size_t a = 0; a < n && *budget > 0; a++) {
		if (st->ws[W(st, a, k)] >= 0 || !wfm_agents_available(st->ag, a, st->ext0 + k) ||
		    !fits(&st->ag->a[a], s))
			continue;
		(*budget)--;
		if (eligible(st, a, k, s, 0)) {
			put(st, a, k, 0, s);
			return 1;
		}
		for (int j = mon; j < mon + 7 && *budget > 0; j++) {
			const struct wfm_shift *x;
			if (j == k || j < 7 || j >= st->E || !(x = st->wsh[W(st, a, j)]))
				continue;
			put(st, a, j, -1, NULL);
			(*budget)--;
			if (eligible(st, a, k, s, 0))
				for (size_t b = 0; b < n && *budget > 0; b++) {
					if (b == a || st->ws[W(st, b, j)] >= 0)
						continue;
					(*budget)--;
					if (eligible(st, b, j, x, 0)) {
						put(st, b, j, 0, x);
						put(st, a, k, 0, s);
						return 1;
					}
				}
			put(st, a, j, 0, x);
		}
	}
	return 0;
}

/* Days-on pattern: for each ISO week in the window and each agent, the
 * number of days its contract needs (contract / mean paid length of the
 * shifts it fits, rounded so the hours stay within tolerance, at most
 * max_days_week less days already worked), put on the days with the most
 * shifts still uncovered.  Agents with the fewest possible days go first. */
static int pattern(struct st *st, const wfm_plan *plan)
{
	size_t n = st->ag->n;
	int nd = st->ndays;
	long *dem = malloc((size_t)nd * sizeof(long));
	int *possible = malloc((size_t)nd * sizeof(int));
	size_t *ordr = malloc(n * sizeof(size_t));
	int *npos = malloc(n * sizeof(int));
	if (!dem || !possible || !ordr || !npos) {
		free(dem); free(possible); free(ordr); free(npos);
		return -1;
	}
	for (int d = 0; d < nd; d++) {
		dem[d] = 0;
		for (size_t i = 0; i < plan->n; i++)
			if (plan->s[i].day == st->first_day + d)
				dem[d] += plan->s[i].count;
	}
	for (int d0 = 0; d0 < nd;) {
		int k0 = d0 + 7, mon = k0 - wfm_time_weekday(st->first_day + d0), d1 = mon;  /* window index of next Monday (ext index mon + 7) */
		if (d1 > nd)
			d1 = nd;
		/* this ISO week covers window days d0 .. d1-1 */
		for (size_t a = 0; a < n; a++) {
			npos[a] = 0;
			for (int d = d0; d < d1; d++) {
				int ok = 0;
				if (wfm_agents_available(st->ag, a, st->first_day + d))
					for (size_t i = 0; i < plan->n && !ok; i++)
						ok = plan->s[i].day == st->first_day + d && plan->s[i].count > 0 &&
						     fits(&st->ag->a[a], &plan->s[i]);
				npos[a] += ok;
				st->on[W(st, a, d + 7)] = (unsigned char)(ok ? 2 : 0);  /* 2 = possible */
			}
			ordr[a] = a;
		}
		for (size_t i = 1; i < n; i++) {   /* stable sort by npos */
			size_t x = ordr[i], j = i;
			while (j > 0 && npos[ordr[j - 1]] > npos[x]) {
				ordr[j] = ordr[j - 1];
				j--;
			}
			ordr[j] = x;
		}
		for (size_t i = 0; i < n; i++) {
			size_t a = ordr[i];
			const struct wfm_agent *ag = &st->ag->a[a];
			double mpaid = 0, prevh = 0;
			long cnt = 0;
			int prevd = 0, want;
			for (size_t j = 0; j < plan->n; j++)
				if (plan->s[j].day >= st->first_day + d0 && plan->s[j].day < st->first_day + d1 &&
				    plan->s[j].count > 0 && fits(ag, &plan->s[j])) {
					mpaid += (double)plan->s[j].count * wfm_shift_paid(&plan->s[j]) / 60.0;
					cnt += plan->s[j].count;
				}
			for (int j = mon; j < mon + 7; j++)
				if (j >= 0 && j < 7 && st->ws[W(st, a, j)] >= 0) {
					prevd++;
					prevh += st->wp[W(st, a, j)] / 60.0;
				}
			if (!cnt)
				continue;
			mpaid /= (double)cnt;
			want = (int)ceil((ag->contract_h - prevh) / mpaid - 1e-9);
			if (want > 0 && prevh + want * mpaid > ag->contract_h + st->o->tol_week_h)
				want--;
			if (want > st->o->max_days_week - prevd)
				want = st->o->max_days_week - prevd;
			for (int w = 0; w < want; w++) {
				int best = -1;
				for (int d = d0; d < d1; d++)
					if (st->on[W(st, a, d + 7)] == 2 &&
					    (best < 0 || dem[d] > dem[best]))
						best = d;
				if (best < 0)
					break;
				st->on[W(st, a, best + 7)] = 1;
				dem[best]--;
			}
		}
		for (size_t a = 0; a < n; a++)
			for (int d = d0; d < d1; d++)
				if (st->on[W(st, a, d + 7)] == 2)
					st->on[W(st, a, d + 7)] = 0;
		d0 = d1;
	}
	free(dem); free(possible); free(ordr); free(npos);
	return 0;
}

wfm_roster_result *wfm_roster_solve(const wfm_plan *plan, const wfm_agents *ag,
				    const wfm_plan *prev, int64_t first_day, int ndays,
				    const struct wfm_roster_opts *o, wfm_error *err)
{
	struct st st = { 0 };
	wfm_roster_result *res = calloc(1, sizeof(*res));
	size_t n = ag->n, nrows = 0, caprows = 0, capun = 0, inwin = 0;
	int *cur = NULL, *cur2 = NULL, *pa = NULL, *pt = NULL, *q = NULL;
	long *left = NULL, *left2 = NULL;
	struct order *ord = NULL;
	struct row *rows = NULL;
	const struct wfm_shift **ty = NULL, **slot = NULL;
	long *slot_left = NULL, budget = 20000000;
	size_t nslot = 0;

	st.ag = ag;
	st.o = o;
	st.first_day = first_day;
	st.ext0 = first_day - 7;
	st.ndays = ndays;
	st.E = ndays + 7;
	st.rest = (int)lround(o->min_rest_h * 60);
	if (!res)
		goto oom;
	res->first_day = first_day;
	res->ndays = ndays;
	st.ws = malloc(n * (size_t)st.E * sizeof(int));
	st.we = malloc(n * (size_t)st.E * sizeof(int));
	st.wp = calloc(n * (size_t)st.E, sizeof(int));
	st.wsh = calloc(n * (size_t)st.E, sizeof(*st.wsh));
	st.on = calloc(n * (size_t)st.E, 1);
	st.weekends = res->weekends = calloc(n, sizeof(long));
	st.lates = res->lates = calloc(n, sizeof(long));
	res->paid_min = calloc(n, sizeof(long));
	res->days = calloc(n, sizeof(long));
	res->day = calloc((size_t)ndays, sizeof(*res->day));
	ty = malloc((plan->n + 1) * sizeof(*ty));
	cur = malloc(n * sizeof(int));
	cur2 = malloc(n * sizeof(int));
	pa = malloc((plan->n + 1) * sizeof(int));
	pt = malloc((plan->n + 1) * sizeof(int));
	q = malloc((plan->n + 1) * sizeof(int));
	left = malloc((plan->n + 1) * sizeof(long));
	left2 = malloc((plan->n + 1) * sizeof(long));
	ord = malloc((plan->n + 1) * sizeof(*ord));
	slot = malloc((plan->n + 1) * sizeof(*slot));
	slot_left = malloc((plan->n + 1) * sizeof(long));
	if (!st.on || !st.ws || !st.we || !st.wp || !st.wsh || !st.weekends || !st.lates || !res->paid_min ||
	    !res->days || !res->day || !ty || !cur || !cur2 || !pa || !pt || !q || !left || !left2 || !ord || !slot || !slot_left)
		goto oom;
	for (size_t i = 0; i < n * (size_t)st.E; i++)
		st.ws[i] = st.we[i] = -1;
	st.ty = ty;
	if (load_prev(&st, prev, err))
		goto fail;

	/* Every shift in the window must fit someone's hours and lengths. */
	for (size_t i = 0; i < plan->n; i++) {
		const struct wfm_shift *s = &plan->s[i];
		size_t a;
		if (s->day < first_day || s->day >= first_day + ndays)
			continue;
		inwin++;
		if (!s->count)
			continue;
		for (a = 0; a < n && !fits(&ag->a[a], s); a++)
			;
		if (a == n) {
			char x[8], y[8];
			wfm_plan_hhmm(s->start, x);
			wfm_plan_hhmm(s->end, y);
			wfm_error_at(err, plan->file, s->line, "start",
				     "shift %s-%s (%.1f h) fits no agent's working hours and shift lengths in %s",
				     x, y, (s->end - s->start) / 60.0, ag->file);
			goto fail;
		}
	}
	if (inwin && pattern(&st, plan))
		goto oom;
	if (!inwin) {
		char x[16], y[16];
		wfm_time_format_date(first_day, x, sizeof(x));
		wfm_time_format_date(first_day + ndays - 1, y, sizeof(y));
		wfm_error_at(err, plan->file, 0, "date", "no shifts between %s and %s", x, y);
		goto fail;
	}

	for (int d = 0; d < ndays; d++) {
		int k = d + 7, nty = 0;
		int64_t day = first_day + d;
		long planned = 0, filled, bound;

		for (size_t i = 0; i < plan->n; i++)
			if (plan->s[i].day == day && plan->s[i].count > 0) {
				ty[nty] = &plan->s[i];
				left[nty] = plan->s[i].count;
				planned += left[nty];
				nty++;
			}
		st.nty = nty;
		for (size_t a = 0; a < n; a++)
			cur[a] = -1;
		/* hardest rows first: fewest eligible agents (insertion sort) */
		for (int t = 0; t < nty; t++) {
			struct order x = { t, 0 };
			int j;
			for (size_t a = 0; a < n; a++)
				x.nelig += eligible(&st, a, k, ty[t], 0);
			for (j = t; j > 0 && cmp_order_ty(&x, &ord[j - 1], ty) < 0; j--)
				ord[j] = ord[j - 1];
			ord[j] = x;
		}
		for (int i = 0; i < nty; i++) {
			int t = ord[i].t;
			while (left[t] > 0) {
				long best = -1;
				double bc = 0;
				for (size_t a = 0; a < n; a++) {
					double c;
					if (cur[a] >= 0 || !eligible(&st, a, k, ty[t], 0))
						continue;
					c = cost(&st, a, k, ty[t]);
					if (best < 0 || c < bc - 1e-9) {
						best = (long)a;
						bc = c;
					}
				}
				if (best < 0)
					break;
				cur[best] = t;
				put(&st, (size_t)best, k, t, ty[t]);
				left[t]--;
			}
		}
		/* repair: augmenting paths; a type that fails once fails again */
		for (int t = 0; t < nty; t++)
			while (left[t] > 0 && augment(&st, k, t, cur, 0, pa, pt, q))
				left[t]--;
		filled = planned;
		for (int t = 0; t < nty; t++)
			filled -= left[t];
		/* bound: the same with day-local rules only */
		memcpy(cur2, cur, n * sizeof(int));
		memcpy(left2, left, (size_t)nty * sizeof(long));
		bound = filled;
		for (int t = 0; t < nty; t++)
			while (left2[t] > 0 && augment(&st, k, t, cur2, 1, pa, pt, q)) {
				left2[t]--;
				bound++;
			}
		res->day[d].planned = planned;
		res->day[d].filled = filled;
		res->day[d].bound = bound;
		for (int t = 0; t < nty; t++) {
			if (!left[t])
				continue;
			slot[nslot] = ty[t];
			slot_left[nslot++] = left[t];
		}
		for (size_t a = 0; a < n; a++) {   /* fairness counters for the cost */
			if (cur[a] < 0)
				continue;
			if (is_weekend(day))
				st.weekends[a]++;
			if (ty[cur[a]]->end > o->late_after)
				st.lates[a]++;
		}
	}
	/* cross-day repair of what is still unfilled, bounded work */
	for (size_t i = 0; i < nslot; i++) {
		int d = (int)(slot[i]->day - first_day);
		while (slot_left[i] > 0 && cross_repair(&st, d + 7, slot[i], &budget)) {
			slot_left[i]--;
			res->day[d].filled++;
		}
		if (slot_left[i]) {
			if (res->nunfilled == capun) {
				struct wfm_shift *u = realloc(res->unfilled, (capun = capun ? 2 * capun : 32) * sizeof(*u));
				if (!u)
					goto oom;
				res->unfilled = u;
			}
			res->unfilled[res->nunfilled] = *slot[i];
			res->unfilled[res->nunfilled++].count = slot_left[i];
		}
	}
	for (size_t a = 0; a < n; a++) {
		st.weekends[a] = st.lates[a] = 0;
		for (int d = 0; d < ndays; d++) {
			const struct wfm_shift *x = st.wsh[W(&st, a, d + 7)];
			if (!x)
				continue;
			if (is_weekend(first_day + d))
				st.weekends[a]++;
			if (x->end > o->late_after)
				st.lates[a]++;
			res->paid_min[a] += wfm_shift_paid(x);
			res->days[a]++;
			if (nrows == caprows) {
				struct row *r = realloc(rows, (caprows = caprows ? 2 * caprows : 1024) * sizeof(*r));
				if (!r)
					goto oom;
				rows = r;
			}
			rows[nrows++] = (struct row){ first_day + d, x->start, x->end, a, 0, x };
		}
	}
	if (nrows)
		qsort(rows, nrows, sizeof(*rows), cmp_row);
	if (!(res->rows = calloc(nrows + 1, sizeof(*res->rows))))
		goto oom;
	res->n = nrows;
	for (size_t i = 0; i < nrows; i++) {
		res->rows[i] = *rows[i].s;
		res->rows[i].agent = ag->a[rows[i].a].id;
		res->rows[i].agent_name = ag->a[rows[i].a].name;
		res->rows[i].count = 1;
	}
	for (int d = 0; d < ndays; d++)
		if (wfm_time_weekday(first_day + d) == 0 && d + 7 <= ndays)
			res->full_weeks++;
	goto done;
oom:
	wfm_error_set(err, "out of memory");
fail:
	wfm_roster_result_free(res);
	res = NULL;
	st.weekends = st.lates = NULL;
done:
	if (!res) {
		/* weekends/lates were owned by res */
	}
	free(st.ws);
	free(st.we);
	free(st.wp);
	free(st.wsh);
	free(st.on);
	free(ty);
	free(cur);
	free(cur2);
	free(pa);
	free(pt);
	free(q);
	free(left);
	free(left2);
	free(ord);
	free(slot);
	free(slot_left);
	free(rows);
	return res;
}
