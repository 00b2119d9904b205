/* roster.c - greedy + augmenting-path roster (see roster.h, docs/roster.md). */
#include "roster.h"
#include "csv.h"
#include "mem.h"
#include "roster_bound.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Solver state.  Days are indexed from ext0 = first_day - 7 (one week of
 * history from the previous roster) to the last day of the window. */
struct st {
	const wfm_agents *ag;
	const struct wfm_roster_opts *o;
	int64_t ext0, first_day;
	int E, ndays;          /* days in the extended range, in the window */
	int *ws, *we, *wp;     /* per agent x day: start/end (wfm_shift_abs: elapsed), paid; ws = -1 none */
	const struct wfm_shift **wsh; /* the plan row an agent works on a window day */
	long *weekends, *lates;
	unsigned char *on;     /* per agent x day: day chosen in the days-on pattern */
	int rest;              /* minutes */
	/* current day's shift types */
	const struct wfm_shift **ty;
	int nty;
	int only_on;           /* 1: only agents whose pattern has the day */
	int *wt;               /* per agent x day: index of the shift type in its day, -1 */
	int max_moves;         /* agents an augmenting path may move (-1 any) */
	const wfm_plan *plan;
	char **need;           /* per plan row: skills its group needs ("a|b"), NULL none */
	int *dep;              /* per type of the day: moves to reach it */
	/* Indexes (inputs only, built once): per agent x day availability, per
	 * extended day its weekday and the index of its ISO week's Monday, per
	 * agent the shift lengths it fits (minutes) and its weekly hour cap. */
	unsigned char *avail;
	int *wday, *monk;
	int *minspan, *maxspan, *capmin, *conmin;
	/* fill_day's cache, per type of the window (all days) x agent: cst the
	 * clock when computed << 2 | cost known << 1 | eligible (every rule but
	 * the pattern), cc the cost.  An agent's eligibility and cost on a day
	 * depend on its own days only, so an entry stays good while the agent
	 * is not changed (chg, the clock of its last put); within one fill_day
	 * call (from call0) an entry is kept as first computed (eligibility
	 * ignores the day itself; a cost is only read for a free agent, which
	 * stays free and unchanged in the call).  The clock ticks at each put
	 * and each call; entries from before epoch (1) are unknown. */
	uint32_t *cst, *chg;
	uint32_t clock, epoch, call0;
	int toff;              /* first type of the day being filled */
	double *cc;
	int *so, *nd, *hd;     /* per type: build_el's cost order */
	int *el, *nel;         /* per type: the agents eligible and free when the
				* type was first looked at, staff order; nel -1:
				* not yet */
	int cache_k;           /* day the cache is for, -1 none */
	/* Bit sets over the agents (nw words each), kept by put: per window
	 * day the agents free (bf), per type of the window the agents on it
	 * (bo); per type of the window the agents eligible (be, fill_day's,
	 * brought up to date for the agents changed since be_clock, all when
	 * the epoch changed); the agents on the types an augmenting path has
	 * reached (bv). */
	size_t nw;
	uint64_t *bf, *bo, *be, *bv;
	uint64_t *bon, *bm;    /* per window day the pattern's agents; be & bon */
	uint32_t *be_clock;
	const int *doff;       /* per window day its first type of the window */
	const struct wfm_shift **dty; /* the types of the window, day by day */
	int *tyof;             /* per plan row its type of the window, -1 */
};

#define W(s, a, k) ((size_t)(a) * (size_t)(s)->E + (size_t)(k))

void wfm_roster_opts_default(struct wfm_roster_opts *o)
{
	o->min_rest_h = 11;
	o->max_consecutive = 6;
	o->max_days_week = 5;
	o->tol_week_h = 4;
	o->late_after = 22 * 60;
	o->max_moves = 1;
	o->stable_w = 1;
	o->off_pair_w = 4;
	o->groups = NULL;
}

void wfm_roster_result_free(wfm_roster_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; r->chan && i < r->nchan; i++)
		free((char *)r->chan[i].name);
	wfm_free_strv(r->need, r->nneed);
	WFM_FREE(r->rows, r->unfilled, r->unfilled_why, r->unfilled_need, r->group, r->chan, r->changes,
		 r->all, r->day, r->week, r->paid_min, r->weekends_prev, r->days, r->weekends, r->lates, r);
}

/* The skills plan row s needs (its group's, "calls|chat"), or NULL. */
static const char *need_of(const struct st *st, const struct wfm_shift *s)
{
	return st->need ? st->need[s - st->plan->s] : NULL;
}

int wfm_roster_extra_skills(const struct wfm_agent *a, const char *p)
{
	int need = 0;
	if (!p || !*p)
		return 0;
	while (*p) {
		size_t len = strcspn(p, "|"), k;
		for (k = 0; k < a->skills.n; k++)
			if (strlen(a->skills.item[k]) == len && !strncasecmp(a->skills.item[k], p, len))
				break;
		if (len && k == a->skills.n)
			return -1;
		need += len > 0;
		p += len + (p[len] == '|');
	}
	return (int)a->skills.n - need;
}

int wfm_roster_fits(const struct wfm_agent *a, int minspan, int maxspan, const struct wfm_shift *s,
		    const char *need)
{
	int span = wfm_shift_span(s);   /* elapsed: lib/plan.h */
	if (span < minspan || span > maxspan || wfm_roster_extra_skills(a, need) < 0)
		return 0;
	if (a->earliest == 0 && a->latest == 1440)
		return 1;
	return s->start >= a->earliest && s->end <= a->latest;
}

/* wfm_roster_fits with the agent's lengths in minutes from the index. */
static int fits(const struct st *st, size_t i, const struct wfm_shift *s)
{
	return wfm_roster_fits(&st->ag->a[i], st->minspan[i], st->maxspan[i], s, need_of(st, s));
}

/* Why agent a may not work shift s on window day k (index into the
 * extended range), ignoring whatever a has on that day: NULL when it may.
 * relaxed 1: day-local rules only; 2: every rule but the days-on
 * pattern. */
static const char *why_not(const struct st *st, size_t a, int k, const struct wfm_shift *s, int relaxed)
{
	int start = wfm_shift_abs(s, k, 0), end = wfm_shift_abs(s, k, 1);
	int mon, run, wdays = 0, wpaid = 0;

	if (!st->avail[W(st, a, k)])
		return "not available";
	if (!fits(st, a, s))
		return "outside the agent's working window or shift lengths";
	if (relaxed == 1)
		return NULL;
	if (!relaxed && st->only_on && !st->on[W(st, a, k)])
		return "not a pattern day";
	for (int j = k - 2; j <= k + 2; j++) {   /* rest, no overlap */
		if (j == k || j < 0 || j >= st->E || st->ws[W(st, a, j)] < 0)
			continue;
		if (j < k && start - st->we[W(st, a, j)] < st->rest)
			return "rest after the previous shift too short";
		if (j > k && st->ws[W(st, a, j)] - end < st->rest)
			return "rest before the next shift too short";
	}
	run = 1;
	for (int j = k - 1; j >= 0 && st->ws[W(st, a, j)] >= 0; j--)
		run++;
	for (int j = k + 1; j < st->E && st->ws[W(st, a, j)] >= 0; j++)
		run++;
	if (run > st->o->max_consecutive)
		return "too many consecutive working days";
	mon = st->monk[k];
	for (int j = mon; j < mon + 7; j++) {
		if (j == k || j < 0 || j >= st->E || st->ws[W(st, a, j)] < 0)
			continue;
		wdays++;
		wpaid += st->wp[W(st, a, j)];
	}
	if (wdays + 1 > st->o->max_days_week)
		return "too many working days in the week";
	if (wpaid + wfm_shift_paid(s) > st->capmin[a])
		return "over contract + tolerance hours in the week";
	return NULL;
}

static int eligible(const struct st *st, size_t a, int k, const struct wfm_shift *s, int relaxed)
{
	return !why_not(st, a, k, s, relaxed);
}

static double cost(const struct st *st, size_t a, int k, const struct wfm_shift *s);

/* eligible() for type t of the day being filled (st->ty) under every rule
 * but the days-on pattern (elig_bits applies it), through fill_day's
 * cache. */
static int elig_t(struct st *st, size_t a, int k, int t)
{
	size_t i = (size_t)(st->toff + t) * st->ag->n + a;
	uint32_t c = st->cst[i] >> 2;
	if (c < st->call0 && (c < st->chg[a] || c < st->epoch))
		st->cst[i] = st->clock << 2 | (uint32_t)eligible(st, a, k, st->ty[t], 2);
	return st->cst[i] & 1;
}

/* The cost of type t for agent a, eligible for it (elig_t just said so),
 * through the same cache. */
static double cost_t(struct st *st, size_t a, int k, int t)
{
	size_t i = (size_t)(st->toff + t) * st->ag->n + a;
	if (!(st->cst[i] & 2)) {
		st->cc[i] = cost(st, a, k, st->ty[t]);
		st->cst[i] |= 2;
	}
	return st->cc[i];
}

/* eligible() under every rule outside fill_day (the days-on pattern no
 * longer applies) for plan row s on window day k, through the cache. */
static int elig_s(struct st *st, size_t a, int k, const struct wfm_shift *s)
{
	int g = st->tyof[s - st->plan->s];
	if (g < 0 || st->only_on)
		return eligible(st, a, k, s, 0);
	st->toff = st->doff[k - 7];
	st->ty = st->dty + st->toff;
	return elig_t(st, a, k, g - st->toff);
}

static int is_weekend(int64_t day)
{
	return wfm_time_weekday(day) >= 5;
}

/* Preferences of agent a for shift s on day, in hours: the weights of
 * those s matches (> 0 wanted, < 0 avoided), less the weights of wanted
 * shifts that day s is not (taking s forgoes them). */
static double pref_score(const wfm_agents *ag, size_t a, int64_t day, const struct wfm_shift *s)
{
	double v = 0;
	for (size_t k = ag->pref_off[a]; k < ag->pref_off[a + 1]; k++) {
		const struct wfm_pref *p = &ag->pref[k];
		if (wfm_agents_pref_match(p, day, s->name, s->start))
			v += p->weight;
		else if (p->weight > 0 && wfm_agents_pref_day(p, day))
			v -= p->weight;
	}
	return v;
}

/* Minutes by which s's start on day k lies over an hour from the
 * farthest start agent a has on the other days of that ISO week. */
static int start_spread(const struct st *st, size_t a, int k, const struct wfm_shift *s)
{
	int mon = st->monk[k], worst = 0;
	for (int j = mon; j < mon + 7; j++) {
		const struct wfm_shift *x;
		int dd;
		if (j == k || j < 7 || j >= st->E || !(x = st->wsh[W(st, a, j)]))
			continue;
		dd = abs(x->start - s->start) - 60;
		if (dd > worst)
			worst = dd;
	}
	return worst;
}

/* 1 when agent a, working day k, would lose the last two consecutive
 * days off (Mon..Sun) of that ISO week; only weeks wholly in the window. */
static int breaks_off_pair(const struct st *st, size_t a, int k)
{
	int mon = st->monk[k], had = 0, left = 0;
	if (mon < 7 || mon + 7 > st->E)
		return 0;
	for (int j = mon; j < mon + 6; j++) {
		int o1 = st->ws[W(st, a, j)] < 0, o2 = st->ws[W(st, a, j + 1)] < 0;
		if (o1 && o2) {
			had = 1;
			left |= j != k && j + 1 != k;
		}
	}
	return had && !left;
}

/* Cost of giving s on day k to agent a (lower is better), in hours. */
static double cost(const struct st *st, size_t a, int k, const struct wfm_shift *s)
{
	const struct wfm_agent *ag = &st->ag->a[a];
	int64_t day = st->ext0 + k;
	int mon = st->monk[k], wdays = 0, left = 0;
	double paid = 0, need, u, h = wfm_shift_paid(s) / 60.0, c;

	for (int j = mon; j < mon + 7; j++) {
		if (j < 0 || j >= st->E || j == k)
			continue;
		if (st->ws[W(st, a, j)] >= 0) {
			wdays++;
			paid += st->wp[W(st, a, j)] / 60.0;
		} else if (j > k && j < st->E && st->avail[W(st, a, j)])
			left++;
	}
	if (left > st->o->max_days_week - wdays - 1)
		left = st->o->max_days_week - wdays - 1;
	if (left < 0)
		left = 0;
	need = ag->contract_h - paid;
	u = need / (1 + left);     /* hours a day this agent still needs */
	/* fit of the shift to the hours a day still needed, and a little for
	 * the need itself: a 4 h shift goes to the agent needing ~4 h a day,
	 * an 8 h shift to a 40 h contract */
	c = fabs(u - h) - 0.1 * u;
	if (need - h < 0)
		c += 2 * (h - need);   /* going over the contract */
	if (st->wday[k] >= 5)
		c += st->weekends[a];
	if (s->end > st->o->late_after)
		c += st->lates[a];
	if (!st->on[W(st, a, k)])
		c += 24;           /* not one of the agent's planned days */
	if (st->o->off_pair_w > 0 && breaks_off_pair(st, a, k))
		c += st->o->off_pair_w;
	if (st->o->stable_w > 0)   /* start time: within an hour of the week's other starts */
		c += st->o->stable_w * start_spread(st, a, k, s) / 60.0;
	if (st->need)   /* specialists first: keep wider skills for wider groups */
		c += wfm_roster_extra_skills(ag, need_of(st, s));
	if (st->ag->npref)   /* preferences.csv: wanted shifts cost less */
		c -= pref_score(st->ag, a, day, s);
	return c;
}

static void put(struct st *st, size_t a, int k, int t, const struct wfm_shift *s)
{
	size_t w = W(st, a, k);
	if (t < 0) {
		st->ws[w] = st->we[w] = -1;
		st->wp[w] = 0;
	} else {
		st->ws[w] = wfm_shift_abs(s, k, 0);
		st->we[w] = wfm_shift_abs(s, k, 1);
		st->wp[w] = wfm_shift_paid(s);
	}
	if (k >= 7) {   /* the bit sets of the day */
		uint64_t bit = (uint64_t)1 << (a % 64);
		size_t d = (size_t)k - 7, o = a / 64;
		if (st->wt[w] < 0)
			st->bf[d * st->nw + o] &= ~bit;
		else
			st->bo[(size_t)(st->doff[d] + st->wt[w]) * st->nw + o] &= ~bit;
		if (t < 0)
			st->bf[d * st->nw + o] |= bit;
		else
			st->bo[(size_t)(st->doff[d] + t) * st->nw + o] |= bit;
	}
	st->wsh[w] = t < 0 ? NULL : s;
	st->wt[w] = t;
	st->chg[a] = ++st->clock;
}

/* Apply an augmenting path found by a BFS over the types of day k: free
 * agent a takes type x, then back along the path each type's parent agent
 * (par_agent) moves to the type it was reached from (par_type), up to the
 * unfilled type (par_type -1).  With cur (the relaxed bound) the moves are
 * recorded in cur; without, each is put. */
static void apply_path(struct st *st, int k, size_t a, int x, const int *par_agent, const int *par_type,
		       int *cur)
{
	for (;;) {
		if (cur)
			cur[a] = x;
		else
			put(st, a, k, x, st->ty[x]);
		if (par_type[x] < 0)
			return;
		a = (size_t)par_agent[x];
		x = par_type[x];
	}
}

/* One augmenting path for an unfilled instance of type u on day k under
 * the day-local rules only (day_bound); cur[a] is the type agent a works
 * (-1 none).  BFS over types: from type x reach agents eligible for x; a
 * free agent ends the path, an agent on type y opens y.  Returns 1 when
 * the path was applied to cur. */
static int augment_relaxed(struct st *st, int k, int u, int *cur,
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
			if (y == x || (y >= 0 && par_type[y] != -2) || !eligible(st, a, k, st->ty[x], 1))
				continue;
			if (y < 0) {   /* free agent: apply the path */
				apply_path(st, k, a, x, par_agent, par_type, cur);
				return 1;
			}
			par_type[y] = x;
			par_agent[y] = (int)a;
			queue[qt++] = y;
		}
	}
	return 0;
}

/* The agents eligible for type x of the day being filled (day k): be of
 * the type, brought up to date. */
static const uint64_t *elig_bits(struct st *st, int k, int x)
{
	size_t g = (size_t)(st->toff + x);
	uint64_t *e = st->be + g * st->nw;
	uint32_t c = st->be_clock[g];
	if (c < st->epoch) {
		memset(e, 0, st->nw * sizeof(*e));
		for (size_t a = 0; a < st->ag->n; a++)
			if (elig_t(st, a, k, x))
				e[a / 64] |= (uint64_t)1 << (a % 64);
	} else
		for (size_t a = 0; a < st->ag->n; a++)
			if (st->chg[a] > c) {
				uint64_t bit = (uint64_t)1 << (a % 64);
				e[a / 64] = elig_t(st, a, k, x) ? e[a / 64] | bit : e[a / 64] & ~bit;
			}
	st->be_clock[g] = st->clock;
	if (!st->only_on)
		return e;
	for (size_t w = 0; w < st->nw; w++)
		st->bm[w] = e[w] & st->bon[(size_t)(k - 7) * st->nw + w];
	return st->bm;
}

/* augment_relaxed under every rule, for fill_day's day k: the same BFS
 * (agents in staff order within each type reached) over the bit sets, so
 * an agent on a type already reached costs nothing.  The path is put. */
static int augment(struct st *st, int k, int u, int *par_agent, int *par_type, int *queue)
{
	size_t nw = st->nw;
	const uint64_t *bf = st->bf + (size_t)(k - 7) * nw, *bo = st->bo + (size_t)st->toff * nw;
	int qh = 0, qt = 0;

	for (int t = 0; t < st->nty; t++)
		par_type[t] = -2;
	par_type[u] = -1;
	st->dep[u] = 0;
	queue[qt++] = u;
	memcpy(st->bv, bo + (size_t)u * nw, nw * sizeof(*st->bv));
	while (qh < qt) {
		int x = queue[qh++];
		const uint64_t *e = elig_bits(st, k, x);
		/* at the depth limit only a free agent may end the path */
		int stop = st->max_moves >= 0 && st->dep[x] >= st->max_moves;
		for (size_t w = 0; w < nw; w++) {
			uint64_t m = e[w] & (stop ? bf[w] : ~st->bv[w]);
			while (m) {
				size_t a = w * 64 + (size_t)__builtin_ctzll(m);
				int y = st->wt[W(st, a, k)];
				m &= m - 1;
				if (y < 0) {   /* free agent: apply the path */
					apply_path(st, k, a, x, par_agent, par_type, NULL);
					return 1;
				}
				par_type[y] = x;
				par_agent[y] = (int)a;
				st->dep[y] = st->dep[x] + 1;
				queue[qt++] = y;
				for (size_t i = 0; i < nw; i++)
					st->bv[i] |= bo[(size_t)y * nw + i];
				m &= ~bo[(size_t)y * nw + w];
			}
		}
	}
	return 0;
}

static int cmp_pick(const void *x, const void *y)
{
	const struct wfm_roster_pick *p = x, *q = y;

	return wfm_cmp_then(WFM_CMP(p->day, q->day), WFM_CMP(p->start, q->start),
			    wfm_cmp_then(WFM_CMP(p->end, q->end), WFM_CMP(p->a, q->a), 0));
}

void wfm_roster_name_rows(struct wfm_roster_pick *p, size_t n, const wfm_agents *ag,
			  struct wfm_shift *rows)
{
	if (n)
		qsort(p, n, sizeof(*p), cmp_pick);
	for (size_t i = 0; i < n; i++) {
		rows[i] = *p[i].s;
		rows[i].agent = ag->a[p[i].a].id;
		rows[i].agent_name = ag->a[p[i].a].name;
		rows[i].count = 1;
	}
}

/* Rows of prev in the week before the window into the state; rows of
 * agents not in staff.csv (who have left) are skipped and counted. */
static void load_prev(struct st *st, const wfm_plan *prev, wfm_roster_result *res)
{
	for (size_t i = 0; prev && i < prev->n; i++) {
		const struct wfm_shift *s = &prev->s[i];
		long a;
		int64_t k = s->day - st->ext0;
		size_t w;
		if (k >= 7)
			continue;
		if ((a = wfm_agents_find(st->ag, s->agent)) >= 0 && is_weekend(s->day))
			res->weekends_prev[a]++;   /* weekend rotation over the whole history */
		if (k < 0)
			continue;   /* for the rules only the week before the window matters */
		if (a < 0) {
			if (!res->nprev_unknown++) {
				res->prev_unknown_file = prev->file;
				res->prev_unknown_line = s->line;
				res->prev_unknown_id = s->agent;
			}
			continue;
		}
		w = W(st, a, k);
		st->ws[w] = wfm_shift_abs(s, (int)k, 0);
		st->we[w] = wfm_shift_abs(s, (int)k, 1);
		st->wp[w] = wfm_shift_paid(s);
	}
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
		if (st->ws[W(st, a, k)] >= 0 || !st->avail[W(st, a, k)] ||
		    !fits(st, a, s))
			continue;
		(*budget)--;
		if (elig_s(st, a, k, s)) {
			put(st, a, k, 0, s);
			return 1;
		}
		for (int j = mon; j < mon + 7 && *budget > 0; j++) {
			const struct wfm_shift *x;
			if (j == k || j < 7 || j >= st->E || !(x = st->wsh[W(st, a, j)]))
				continue;
			put(st, a, j, -1, NULL);
			(*budget)--;
			if (elig_s(st, a, k, s))
				for (size_t b = 0; b < n && *budget > 0; b++) {
					if (b == a || st->ws[W(st, b, j)] >= 0)
						continue;
					(*budget)--;
					if (elig_s(st, b, j, x)) {
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

/* Two consecutive days off in agent a's pattern for the ISO week of
 * window days d0 .. d0 + 6: when its days off have no such pair, move the
 * pattern days of the pair whose move raises the covered shares least
 * (sum over the days given of the receiving day's share after, less the
 * share of the day left) to the possible days of lowest share.  m: the
 * agent's mean paid minutes a day, cap/dem as in pattern(). */
static void pattern_off_pair(struct st *st, size_t a, int d0, double *cap, const double *dem, double m)
{
	unsigned char *on = st->on + W(st, a, d0 + 7);
	int bj = -1, to[2] = { -1, -1 }, bto[2] = { -1, -1 };
	double bv = 0;
	for (int j = 0; j < 6; j++)
		if (on[j] != 1 && on[j + 1] != 1)
			return;
	for (int j = 0; j < 6; j++) {
		double v = 0;
		int ok = 1;
		for (int i = 0; i < 2 && ok; i++) {
			int x = j + i, y = -1;
			to[i] = -1;
			if (on[x] != 1)
				continue;
			for (int z = 0; z < 7; z++)   /* a possible day, not in the pair, lowest share */
				if (on[z] == 2 && z != j && z != j + 1 && z != to[0] && dem[d0 + z] > 0 &&
				    (y < 0 || cap[d0 + z] * dem[d0 + y] < cap[d0 + y] * dem[d0 + z]))
					y = z;
			if (y < 0)
				ok = 0;
			else {
				to[i] = y;
				v += (cap[d0 + y] + m) / dem[d0 + y] - cap[d0 + x] / dem[d0 + x];
			}
		}
		if (ok && (bj < 0 || v < bv - 1e-12)) {
			bj = j;
			bv = v;
			bto[0] = to[0];
			bto[1] = to[1];
		}
	}
	for (int i = 0; bj >= 0 && i < 2; i++)
		if (bto[i] >= 0) {
			on[bj + i] = 2;
			cap[d0 + bj + i] -= m;
			on[bto[i]] = 1;
			cap[d0 + bto[i]] += m;
		}
}

/* The days agent a may work in window days d0 .. d1-1 (available, and
 * some planned shift of the day fits it) marked 2 in st->on, the others
 * 0; returns how many.  wk: the week's plan rows with a count. */
static int pattern_possible(struct st *st, const wfm_plan *plan, const size_t *wk, size_t nwk,
			    size_t a, int d0, int d1)
{
	int npos = 0;
	for (int d = d0; d < d1; d++) {
		int ok = 0;
		if (st->avail[W(st, a, d + 7)])
			for (size_t i = 0; i < nwk && !ok; i++)
				ok = plan->s[wk[i]].day == st->first_day + d && fits(st, a, &plan->s[wk[i]]);
		npos += ok;
		st->on[W(st, a, d + 7)] = (unsigned char)(ok ? 2 : 0);  /* 2 = possible */
	}
	return npos;
}

/* Agent a's pattern days in window days d0 .. d1-1 (mon: the extended
 * index of the week's Monday): as many as its contract needs at the mean
 * paid length of the week's shifts it fits, each on the possible day of
 * lowest covered share. */
static void pattern_agent(struct st *st, const wfm_plan *plan, const size_t *wk, size_t nwk,
			  size_t a, int d0, int d1, int mon, double *cap, const double *dem)
{
	const struct wfm_agent *ag = &st->ag->a[a];
	double mpaid = 0, prevh = 0;
	long cnt = 0;
	int prevd = 0, want;
	for (size_t j = 0; j < nwk; j++)
		if (fits(st, a, &plan->s[wk[j]])) {
			mpaid += (double)plan->s[wk[j]].count * wfm_shift_paid(&plan->s[wk[j]]) / 60.0;
			cnt += plan->s[wk[j]].count;
		}
	for (int j = mon; j < mon + 7; j++)
		if (j >= 0 && j < 7 && st->ws[W(st, a, j)] >= 0) {
			prevd++;
			prevh += st->wp[W(st, a, j)] / 60.0;
		}
	if (!cnt)
		return;
	mpaid /= (double)cnt;
	want = (int)ceil((ag->contract_h - prevh) / mpaid - 1e-9);
	if (want > 0 && prevh + want * mpaid > ag->contract_h + st->o->tol_week_h)
		want--;
	if (want > st->o->max_days_week - prevd)
		want = st->o->max_days_week - prevd;
	for (int w = 0; w < want; w++) {
		/* the possible day with the lowest share of its planned hours
		 * covered so far (ties: the bigger day) */
		int best = -1;
		for (int d = d0; d < d1; d++) {
			if (st->on[W(st, a, d + 7)] != 2 || dem[d] <= 0)
				continue;
			if (best < 0 || cap[d] * dem[best] < cap[best] * dem[d] - 1e-9 ||
			    (fabs(cap[d] * dem[best] - cap[best] * dem[d]) <= 1e-9 && dem[d] > dem[best]))
				best = d;
		}
		if (best < 0)
			break;
		st->on[W(st, a, best + 7)] = 1;
		cap[best] += mpaid * 60;
	}
	if (st->o->off_pair_w > 0 && d1 - d0 == 7)
		pattern_off_pair(st, a, d0, cap, dem, mpaid * 60);
}

/* The pattern of ISO week window days d0 .. d1-1: agents with the fewest
 * possible days first (a stable counting sort of npos, 0..7). */
static void pattern_week(struct st *st, const wfm_plan *plan, int d0, int d1, int mon,
			 double *cap, const double *dem, size_t *wk, size_t *ordr, int *npos)
{
	size_t n = st->ag->n, nwk = 0, start[9] = { 0 };
	for (size_t i = 0; i < plan->n; i++)   /* the week's rows, plan order */
		if (plan->s[i].day >= st->first_day + d0 && plan->s[i].day < st->first_day + d1 &&
		    plan->s[i].count > 0)
			wk[nwk++] = i;
	for (size_t a = 0; a < n; a++) {
		npos[a] = pattern_possible(st, plan, wk, nwk, a, d0, d1);
		start[npos[a] + 1]++;
	}
	for (int v = 1; v < 9; v++)
		start[v] += start[v - 1];
	for (size_t a = 0; a < n; a++)
		ordr[start[npos[a]]++] = a;
	for (size_t i = 0; i < n; i++)
		pattern_agent(st, plan, wk, nwk, ordr[i], d0, d1, mon, cap, dem);
	for (size_t a = 0; a < n; a++)
		for (int d = d0; d < d1; d++)
			if (st->on[W(st, a, d + 7)] == 2)
				st->on[W(st, a, d + 7)] = 0;
}

/* Days-on pattern: for each ISO week in the window and each agent, the
 * number of days its contract needs (contract / mean paid length of the
 * shifts it fits, rounded so the hours stay within tolerance, at most
 * max_days_week less days already worked), put on the days with the most
 * shifts still uncovered (dem: the days' aims, tgt where planned).  Agents
 * with the fewest possible days go first.  -1 when out of memory. */
static int pattern(struct st *st, const wfm_plan *plan, const double *tgt)
{
	size_t n = st->ag->n;
	int nd = st->ndays;
	double *dem = calloc((size_t)nd + 1, sizeof(double));
	double *cap = calloc((size_t)nd + 1, sizeof(double));  /* paid minutes of the agents put on the day */
	size_t *ordr = malloc((n + 1) * sizeof(size_t)), *wk = malloc((plan->n + 1) * sizeof(size_t));
	int *npos = malloc((n + 1) * sizeof(int)), ok = dem && cap && ordr && wk && npos;
	if (ok) {
		for (int d = 0; d < nd; d++) {
			for (size_t i = 0; i < plan->n; i++)   /* planned paid minutes */
				if (plan->s[i].day == st->first_day + d)
					dem[d] += plan->s[i].count * wfm_shift_paid(&plan->s[i]);
			if (dem[d] > 0)   /* aim at the target: what the day can get */
				dem[d] = tgt[d];
		}
		for (int d0 = 0; d0 < nd;) {
			/* this ISO week covers window days d0 .. d1-1; mon: the
			 * window index of next Monday, extended index of this one */
			int mon = d0 + 7 - wfm_time_weekday(st->first_day + d0), d1 = mon < nd ? mon : nd;
			pattern_week(st, plan, d0, d1, mon, cap, dem, wk, ordr, npos);
			d0 = d1;
		}
	}
	free(dem); free(cap); free(ordr); free(wk); free(npos);
	return ok ? 0 : -1;
}

/* Coverage grid: slots of g minutes from 00:00 of the shift's day to 48:00;
 * people on shift in each slot, breaks excluded. */
static void cover(double *grid, int g, const struct wfm_shift *s, double n)
{
	for (int m = s->start - s->start % g; m < s->end; m += g) {
		if (m < s->start || (s->bstart >= 0 && m >= s->bstart && m < s->bend))
			continue;
		grid[m / g] += n;
	}
}

/* Use of one more instance of s: its paid slots weighted by the share of
 * the planned coverage still missing there, in hours.  Filling the shift
 * with the highest score first raises the worst-covered hours first. */
static double score(const double *req, const double *sch, int g, const struct wfm_shift *s)
{
	double v = 0;
	for (int m = s->start - s->start % g; m < s->end; m += g) {
		int i = m / g;
		if (m < s->start || (s->bstart >= 0 && m >= s->bstart && m < s->bend) || req[i] <= 0)
			continue;
		v += (req[i] - sch[i]) / req[i];
	}
	return v * g / 60.0;
}

/* Day-level state shared by the two filling phases. */
struct days {
	const struct wfm_shift **ty;  /* all types, day by day */
	int *off, *cnt;               /* per day: first type, number */
	long *left;                   /* per type: instances unfilled */
	unsigned char *dead;          /* per type: no agent can be found */
	double *req, *sch;            /* per day x G slots */
	double *plan_min, *fill_min;  /* per day: paid minutes planned, filled */
	double *tgt_min;              /* per day: target paid minutes (>= 1) */
	int g, G;
};

struct ca { double c; int a; };

static int cmp_ca(const void *x, const void *y)
{
	const struct ca *p = x, *q = y;
	if (p->c != q->c)
		return p->c < q->c ? -1 : 1;
	return (p->a > q->a) - (p->a < q->a);
}

/* st->el for type t: the agents free and eligible now, staff order; with
 * sorted also st->so (by cost, then staff order), st->nd (per position the
 * next one of another cost) and st->hd (first position not yet taken).
 * -1 when out of memory. */
static int build_el(struct st *st, int t, int k, int sorted)
{
	size_t n = st->ag->n;
	int *el = st->el + (size_t)t * n, m = 0;
	const uint64_t *e = elig_bits(st, k, t), *bf = st->bf + (size_t)(k - 7) * st->nw;
	struct ca *v;
	for (size_t w = 0; w < st->nw; w++)
		for (uint64_t b = e[w] & bf[w]; b; b &= b - 1)
			el[m++] = (int)(w * 64 + (size_t)__builtin_ctzll(b));
	st->nel[t] = m;
	if (!sorted)
		return 0;
	if (!(v = malloc(((size_t)m + 1) * sizeof(*v))))
		return -1;
	for (int i = 0; i < m; i++)
		v[i] = (struct ca){ cost_t(st, (size_t)el[i], k, t), el[i] };
	qsort(v, (size_t)m, sizeof(*v), cmp_ca);
	for (int i = m - 1; i >= 0; i--) {
		st->so[(size_t)t * n + (size_t)i] = v[i].a;
		st->nd[(size_t)t * n + (size_t)i] = i + 1 < m && v[i + 1].c == v[i].c ?
						     st->nd[(size_t)t * n + (size_t)i + 1] : i + 1;
	}
	st->hd[t] = 0;
	free(v);
	return 0;
}

/* The agent the staff-order scan of fill_day would choose for type t (the
 * first of the lowest cost, a cost counting as lower only when more than
 * 1e-9 below): the first free one in cost order, provided no other cost
 * lies within 1e-9 above its own (else -2: the caller scans).  -1 none. */
static long cheapest_sorted(struct st *st, int t, int k)
{
	size_t n = st->ag->n, o = (size_t)t * n, oc = (size_t)(st->toff + t) * n;
	int h = st->hd[t], m = st->nel[t], j;
	while (h < m && st->wt[W(st, st->so[o + (size_t)h], k)] >= 0)
		h++;
	st->hd[t] = h;
	if (h == m)
		return -1;
	j = st->nd[o + (size_t)h];
	if (j < m && st->cc[oc + (size_t)st->so[o + (size_t)j]] <= st->cc[oc + (size_t)st->so[o + (size_t)h]] + 1e-9)
		return -2;
	return st->so[o + (size_t)h];
}

/* Fill up to maxfill instances on window day d: the type with the highest
 * score takes the cheapest eligible free agent; when none is free, an
 * augmenting path; when that fails too the type is dead (it stays so:
 * later assignments only remove options).  Returns the number filled, -1
 * when out of memory. */
static long fill_day(struct st *st, struct days *D, int d, long maxfill,
		     int *pa, int *pt, int *q)
{
	size_t n = st->ag->n;
	int k = d + 7, nty = D->cnt[d];
	const struct wfm_shift **ty = D->ty + D->off[d];
	long *left = D->left + D->off[d];
	unsigned char *dead = D->dead + D->off[d];
	double *req = D->req + (size_t)d * D->G, *sch = D->sch + (size_t)d * D->G;
	long done = 0;

	st->ty = ty;
	st->nty = nty;
	st->toff = D->off[d];
	st->call0 = ++st->clock;
	for (int x = 0; x < nty; x++)
		st->nel[x] = -1;
	st->cache_k = k;
	while (done < maxfill) {
		int t = -1;
		double bs = 0;
		long best = -1;
		double bc = 0;
		for (int x = 0; x < nty; x++) {
			double v;
			if (!left[x] || dead[x])
				continue;
			v = score(req, sch, D->g, ty[x]);
			if (t < 0 || v > bs + 1e-9) {
				t = x;
				bs = v;
			}
		}
		if (t < 0)
			break;
		if (st->nel[t] < 0 && build_el(st, t, k, maxfill > 1))
			return -1;
		if (maxfill > 1)
			best = cheapest_sorted(st, t, k);
		if (best == -2 || maxfill <= 1) {
			best = -1;
			for (int i = 0; i < st->nel[t]; i++) {
				size_t a = (size_t)st->el[(size_t)t * n + (size_t)i];
				double c;
				if (st->wt[W(st, a, k)] >= 0)
					continue;
				c = cost_t(st, a, k, t);
				if (best < 0 || c < bc - 1e-9) {
					best = (long)a;
					bc = c;
				}
			}
		}
		if (best >= 0) {
			put(st, (size_t)best, k, t, ty[t]);
			if (is_weekend(st->ext0 + k))
				st->weekends[best]++;
			if (ty[t]->end > st->o->late_after)
				st->lates[best]++;
		} else if (!augment(st, k, t, pa, pt, q)) {
			dead[t] = 1;
			continue;
		}
		/* an augmenting path moves agents between types: only t gains one */
		left[t]--;
		cover(sch, D->g, ty[t], 1);
		D->fill_min[d] += wfm_shift_paid(ty[t]);
		done++;
	}
	st->cache_k = -1;
	st->call0 = UINT32_MAX;   /* outside a call entries hold while their agent is unchanged */
	return done;
}

/* Paid minutes of agent a in the ISO week of extended day k. */
static int week_paid(const struct st *st, size_t a, int k)
{
	int mon = k - wfm_time_weekday(st->ext0 + k), p = 0;
	for (int j = mon; j < mon + 7; j++)
		if (j >= 0 && j < st->E)
			p += st->wp[W(st, a, j)];
	return p;
}

/* Insert v into the ascending list ov[0..n-1] (when not in it); the new
 * length. */
static int ov_insert(int *ov, int n, int v)
{
	int i = n;
	while (i > 0 && ov[i - 1] > v)
		i--;
	if (i > 0 && ov[i - 1] == v)
		return n;
	memmove(ov + i + 1, ov + i, (size_t)(n - i) * sizeof(int));
	ov[i] = v;
	return n + 1;
}

/* Contract swap: on the same day, agent a (under its contract that week)
 * takes the longer shift of agent b and b takes a's, when both stay
 * within the hard rules and the total shortfall below the contracts
 * (minutes, per ISO week) falls.  The same shifts stay filled, so the
 * coverage does not change.  *budget bounds the eligibility checks. */
static int contract_swaps(struct st *st, long *budget)
{
	size_t n = st->ag->n;
	int *wk = malloc((n + 1) * sizeof(int)), *pk = malloc((n + 1) * sizeof(int));
	int *ov = malloc((n + 1) * sizeof(int)), nov;
	if (!wk || !pk || !ov) {
		free(wk);
		free(pk);
		free(ov);
		return -1;
	}
	for (int k = 7; k < st->E && *budget > 0; k++) {
		nov = 0;
		for (size_t b = 0; b < n; b++) {   /* week's paid minutes, the day's */
			wk[b] = week_paid(st, b, k);
			pk[b] = st->wsh[W(st, b, k)] ? wfm_shift_paid(st->wsh[W(st, b, k)]) : -1;
			if (pk[b] >= 0 && wk[b] > st->conmin[b])
				ov[nov++] = (int)b;
		}
		for (size_t a = 0; a < n && *budget > 0; a++) {
			const struct wfm_shift *x = st->wsh[W(st, a, k)];
			int ca = st->conmin[a];
			if (!x || wk[a] >= ca)
				continue;
			/* only an agent over its contract can give a longer shift
			 * and lower the total shortfall (below the contracts): with
			 * pb <= cb, after >= before whatever dx */
			for (int i = 0; i < nov && *budget > 0; i++) {
				size_t b = (size_t)ov[i];
				const struct wfm_shift *y;
				int cb, pa = wk[a], pb, dx, before, after;
				if (b == a || pk[b] < 0 || (dx = pk[b] - pk[a]) <= 0)
					continue;
				y = st->wsh[W(st, b, k)];
				cb = st->conmin[b];
				pb = wk[b];
				before = (ca - pa) + (pb < cb ? cb - pb : 0);
				after = (ca - pa - dx > 0 ? ca - pa - dx : 0) + (pb - dx < cb ? cb - pb + dx : 0);
				if (after >= before)
					continue;
				put(st, a, k, -1, NULL);
				put(st, b, k, -1, NULL);
				*budget -= 2;
				if (elig_s(st, a, k, y) && elig_s(st, b, k, x)) {
					put(st, a, k, 0, y);
					put(st, b, k, 0, x);
					x = y;
					pk[b] = pk[a];
					pk[a] += dx;
					wk[a] += dx;
					wk[b] -= dx;
					if (wk[a] >= ca)
						break;
				} else {
					put(st, a, k, 0, x);
					put(st, b, k, 0, y);
				}
			}
			if (wk[a] > ca)   /* now over its contract: a candidate, staff order */
				nov = ov_insert(ov, nov, (int)a);
		}
	}
	free(wk);
	free(pk);
	free(ov);
	return 0;
}

struct slotord { int d; int t; double share; };

static int cmp_slotord(const void *x, const void *y)
{
	const struct slotord *p = x, *q = y;   /* share: tgt_min >= 1, never NaN */

	return wfm_cmp_then(WFM_CMP(p->share, q->share), WFM_CMP(p->d, q->d),
			    WFM_CMP(p->t, q->t));
}

/* st->need from the plan's group column: the group name itself is the
 * skill list, or with groups its channels joined by '|'.  NULL when no row
 * has a group.  -1 and an error on a group not in groups, or no memory. */
static int build_need(struct st *st, const wfm_plan *plan, const wfm_groups *gr, wfm_error *err)
{
	size_t i;
	for (i = 0; i < plan->n && !(plan->s[i].group && *plan->s[i].group); i++)
		;
	if (i == plan->n)
		return 0;
	if (!(st->need = calloc(plan->n, sizeof(char *))))
		return wfm_error_set(err, "out of memory");
	for (i = 0; i < plan->n; i++) {
		const struct wfm_shift *s = &plan->s[i];
		long g;
		size_t len = 1;
		if (!s->group || !*s->group)
			continue;
		if (!gr) {
			if (!(st->need[i] = strdup(s->group)))
				return wfm_error_set(err, "out of memory");
			continue;
		}
		if ((g = wfm_groups_find(gr, s->group)) < 0)
			return wfm_error_at(err, plan->file, s->line, "group", "group \"%.40s\" is not in %s",
					    s->group, gr->file);
		for (size_t k = 0; k < gr->g[g].nskill; k++)
			len += strlen(gr->channel[gr->g[g].skill[k]]) + 1;
		if (!(st->need[i] = calloc(len, 1)))
			return wfm_error_set(err, "out of memory");
		for (size_t k = 0; k < gr->g[g].nskill; k++) {
			if (k)
				strcat(st->need[i], "|");
			strcat(st->need[i], gr->channel[gr->g[g].skill[k]]);
		}
	}
	return 0;
}

static struct wfm_roster_share *share_find(struct wfm_roster_share *v, size_t *n, const char *name,
					   size_t len, int dup)
{
	for (size_t i = 0; i < *n; i++)
		if (strlen(v[i].name) == len && !strncmp(v[i].name, name, len))
			return &v[i];
	memset(&v[*n], 0, sizeof(v[0]));
	if (dup) {
		char *c = malloc(len + 1);
		if (!c)
			return NULL;
		memcpy(c, name, len);
		c[len] = 0;
		v[*n].name = c;
	} else
		v[*n].name = name;
	return &v[(*n)++];
}

/* res->group and res->chan from the day types and what stays unfilled. */
static int group_shares(const struct st *st, const struct days *D, wfm_roster_result *res)
{
	size_t nty = 0, nsk = 0;
	for (int d = 0; d < st->ndays; d++)
		nty += (size_t)D->cnt[d];
	for (size_t i = 0; i < st->plan->n; i++)
		nsk += st->need[i] ? strlen(st->need[i]) / 2 + 1 : 0;
	res->group = calloc(nty + 1, sizeof(*res->group));
	res->chan = calloc(nsk + 1, sizeof(*res->chan));
	if (!res->group || !res->chan)
		return -1;
	for (size_t t = 0; t < nty; t++) {
		const struct wfm_shift *s = D->ty[t];
		const char *p = need_of(st, s);
		struct wfm_roster_share *g;
		long filled = s->count - D->left[t], paid = wfm_shift_paid(s);
		if (!p)
			continue;
		if (!(g = share_find(res->group, &res->ngroup, s->group, strlen(s->group), 0)))
			return -1;
		g->skills = p;
		g->planned += s->count;
		g->filled += filled;
		g->planned_min += s->count * paid;
		g->filled_min += filled * paid;
		for (const char *q = p; *q;) {
			size_t len = strcspn(q, "|");
			struct wfm_roster_share *c;
			if (len) {
				if (!(c = share_find(res->chan, &res->nchan, q, len, 1)))
					return -1;
				c->planned += s->count;
				c->filled += filled;
				c->planned_min += s->count * paid;
				c->filled_min += filled * paid;
			}
			q += len + (q[len] == '|');
		}
	}
	return 0;
}

/* Soft objectives of the final assignment (see roster.h). */
static void soft_measures(const struct st *st, wfm_roster_result *res)
{
	for (int d = 0; d + 7 <= st->ndays; d++) {
		if (wfm_time_weekday(st->first_day + d))
			continue;
		for (size_t a = 0; a < st->ag->n; a++) {
			int off = 0, consec = 0, nsh = 0, lo = 0, hi = 0, avail = 0, prevoff = 0, av[7], nav = 0;
			for (int j = 0; j < 7; j++) {
				const struct wfm_shift *x = st->wsh[W(st, a, d + 7 + j)];
				av[j] = wfm_agents_available(st->ag, a, st->first_day + d + j);
				avail |= av[j];
				nav += av[j];
				if (!x) {
					off++;
					consec |= prevoff;
					prevoff = 1;
					continue;
				}
				prevoff = 0;
				if (!nsh++ || x->start < lo)
					lo = x->start;
				if (nsh == 1 || x->start > hi)
					hi = x->start;
			}
			if (!avail)
				continue;
			res->soft_weeks++;
			if (off >= 2) {
				res->soft_off2++;
				res->soft_off2_consec += consec;
			}
			for (int j = 0; j < 6; j++)   /* could: a pair off, the same days worked */
				if (nav - av[j] - av[j + 1] >= nsh) {
					res->soft_off2_could++;
					break;
				}
			if (nsh >= 2) {
				res->soft_multi++;
				res->soft_stable += hi - lo <= 60;
				res->soft_spread_min += hi - lo;
			}
			res->soft_weekend_off += !st->wsh[W(st, a, d + 12)] && !st->wsh[W(st, a, d + 13)];
		}
	}
	for (size_t k = 0; k < st->ag->npref; k++) {   /* preferences, per day they concern */
		const struct wfm_pref *p = &st->ag->pref[k];
		for (int d = 0; d < st->ndays; d++) {
			const struct wfm_shift *x = st->wsh[W(st, p->agent, d + 7)];
			int hit;
			if (!wfm_agents_pref_day(p, st->first_day + d) || !p->weight)
				continue;
			hit = x && wfm_agents_pref_match(p, st->first_day + d, x->name, x->start);
			if (p->weight > 0) {
				res->pref_want++;
				res->pref_want_ok += hit;
			} else {
				res->pref_avoid++;
				res->pref_avoid_ok += !hit;
			}
		}
	}
}

/* Why a shift stays unfilled when nobody can take it at all; "" when
 * someone fits and is available (the staff is short under the hard rules). */
static const char *unfilled_reason(const struct st *st, int64_t day, const struct wfm_shift *s)
{
	const wfm_agents *ag = st->ag;
	int span = wfm_shift_span(s), anyfit = 0, anywin = 0, longer = 1, shorter = 1, anyskill = 0;
	for (size_t a = 0; a < ag->n; a++) {
		const struct wfm_agent *x = &ag->a[a];
		if (wfm_roster_extra_skills(x, need_of(st, s)) < 0)
			continue;
		anyskill = 1;
		long lo = lround(x->min_shift_h * 60), hi = lround(x->max_shift_h * 60);
		int lenok = span >= lo && span <= hi;
		int winok = (x->earliest == 0 && x->latest == 1440) ||
			    (s->start >= x->earliest && s->end <= x->latest);
		longer &= span > hi;
		shorter &= span < lo;
		anywin |= winok;
		if (lenok && winok) {
			if (wfm_agents_available(ag, a, day))
				return "";
			anyfit = 1;
		}
	}
	if (!anyskill)
		return "no agent has every skill of its group";
	if (anyfit)
		return "every agent it fits is off or away that day";
	if (longer)
		return "longer than every agent's max_shift_h";
	if (shorter)
		return "shorter than every agent's min_shift_h";
	if (!anywin)
		return "outside every agent's working window";
	return "no agent has both its length and its working window";
}

static int add_change(wfm_roster_result *res, int64_t day, const char *agent, const char *name,
		      const struct wfm_shift *old, const struct wfm_shift *new, const char *why)
{
	if (!(res->nchanges & (res->nchanges + 1)) || !res->changes) {   /* grow at 2^k - 1 */
		struct wfm_roster_change *c = realloc(res->changes, (2 * res->nchanges + 2) * sizeof(*c));
		if (!c)
			return -1;
		res->changes = c;
	}
	res->changes[res->nchanges++] = (struct wfm_roster_change){ day, agent, name, old, new, why };
	return 0;
}

/* The type on window day d with the times (the group when r has one, and
 * preferably the name) of published row r that still has an instance open
 * and whose group's skills agent ag has, or -1.  A row without a group
 * takes the type using most of ag's skills (as the fill does), so that an
 * agent with two skills keeps the two-skill shift. */
static int match_type(const struct st *st, const struct days *D, int d, const struct wfm_shift *r,
		      const struct wfm_agent *ag)
{
	int best = -1, bx = 0, bname = 0;
	for (int t = 0; t < D->cnt[d]; t++) {
		const struct wfm_shift *s = D->ty[D->off[d] + t];
		int x = wfm_roster_extra_skills(ag, need_of(st, s)), name;
		if (s->start != r->start || s->end != r->end || s->bstart != r->bstart ||
		    s->bend != r->bend || D->left[D->off[d] + t] <= 0 || x < 0 ||
		    ((r->group && *r->group) && (!s->group || strcmp(s->group, r->group))))
			continue;
		name = !strcmp(s->name, r->name ? r->name : "");
		if (best < 0 || x < bx || (x == bx && name && !bname)) {
			best = t;
			bx = x;
			bname = name;
		}
	}
	return best;
}

/* Take one instance of type t on window day d for agent a. */
static void take(struct st *st, struct days *D, size_t a, int d, int t)
{
	const struct wfm_shift *s = D->ty[D->off[d] + t];
	put(st, a, d + 7, t, s);
	D->left[D->off[d] + t]--;
	cover(D->sch + (size_t)d * D->G, D->g, s, 1);
	D->fill_min[d] += wfm_shift_paid(s);
	if (is_weekend(st->ext0 + d + 7))
		st->weekends[a]++;
	if (s->end > st->o->late_after)
		st->lates[a]++;
}

static int same_times(const struct wfm_shift *x, const struct wfm_shift *y)
{
	return x->start == y->start && x->end == y->end && x->bstart == y->bstart && x->bend == y->bend;
}

/* A published row without a group found every instance of its times that
 * agent ag's skills allow taken (plan by skill groups): free one by moving
 * kept agents whose published rows have no group either to another type of
 * the same times and break (an augmenting path over those types, so the
 * same published rows are kept whatever their order in the file).  Times
 * stay the same, so no rule and no coverage changes.  1 when a type
 * fitting ag now has an open instance. */
static int rematch(struct st *st, struct days *D, int d, const struct wfm_shift *r,
		   const struct wfm_agent *ag, const struct wfm_shift **pubrow, unsigned char *seen)
{
	int k = d + 7;
	for (int x = 0; x < D->cnt[d]; x++) {
		const struct wfm_shift *s = D->ty[D->off[d] + x];
		if (seen[x] || !same_times(s, r) || wfm_roster_extra_skills(ag, need_of(st, s)) < 0)
			continue;
		seen[x] = 1;
		if (D->left[D->off[d] + x] > 0)
			return 1;
		for (size_t b = 0; b < st->ag->n; b++) {
			const struct wfm_shift *pb = pubrow[W(st, b, k)];
			int y;
			if (st->wt[W(st, b, k)] != x || !pb || (pb->group && *pb->group) ||
			    !rematch(st, D, d, s, &st->ag->a[b], pubrow, seen))
				continue;
			for (y = 0; y < D->cnt[d]; y++)   /* the open type the path reached */
				if (seen[y] && y != x && D->left[D->off[d] + y] > 0 &&
				    same_times(D->ty[D->off[d] + y], s) &&
				    wfm_roster_extra_skills(&st->ag->a[b], need_of(st, D->ty[D->off[d] + y])) >= 0)
					break;
			if (y == D->cnt[d])
				continue;
			put(st, b, k, y, D->ty[D->off[d] + y]);
			D->left[D->off[d] + y]--;
			D->left[D->off[d] + x]++;
			return 1;
		}
	}
	return 0;
}

/* Published rows in the window, in file order: kept where still possible,
 * else dropped with the reason in drop[] (per agent x day).  pubrow[] gets
 * each agent's published row per day; vac[t] counts the dropped rows of
 * type t (instances to fill again).  -1 when out of memory. */
static int place_published(struct st *st, struct days *D, const wfm_plan *pub,
			   const struct wfm_shift **pubrow, const char **drop, long *vac,
			   wfm_roster_result *res)
{
	unsigned char *seen = malloc(st->plan->n + 1);
	if (!seen)
		return -1;
	for (size_t i = 0; i < pub->n; i++) {
		const struct wfm_shift *r = &pub->s[i];
		int64_t d = r->day - st->first_day;
		const char *why = NULL;
		long a;
		int t, k = (int)d + 7, status;
		size_t w;
		if (d < 0 || d >= st->ndays)
			continue;
		res->npublished++;
		if ((a = wfm_agents_find(st->ag, r->agent)) < 0) {
			if (add_change(res, r->day, r->agent, r->agent_name, r, NULL, "agent not in staff.csv"))
				goto oom;
			continue;
		}
		w = W(st, a, k);
		if (pubrow[w]) {
			if (add_change(res, r->day, st->ag->a[a].id, st->ag->a[a].name, r, NULL,
				       "second shift the same day"))
				goto oom;
			continue;
		}
		pubrow[w] = r;
		t = match_type(st, D, (int)d, r, &st->ag->a[a]);
		if (t < 0 && st->need && !(r->group && *r->group)) {
			memset(seen, 0, (size_t)D->cnt[d]);
			if (rematch(st, D, (int)d, r, &st->ag->a[a], pubrow, seen))
				t = match_type(st, D, (int)d, r, &st->ag->a[a]);
		}
		status = wfm_agents_status(st->ag, (size_t)a, r->day);
		if (!wfm_agents_available(st->ag, (size_t)a, r->day))
			why = status ? wfm_agents_status_name(status) : "fixed day off";
		else if (t < 0)
			why = "no longer in the plan";
		else
			why = why_not(st, (size_t)a, k, D->ty[D->off[d] + t], 0);
		if (why) {
			drop[w] = why;
			if (t >= 0)
				vac[D->off[d] + t]++;
		} else
			take(st, D, (size_t)a, (int)d, t);
	}
	free(seen);
	return 0;
oom:
	free(seen);
	return -1;
}

static int cmp_change(const void *x, const void *y)
{
	const struct wfm_roster_change *p = x, *q = y;
	if (p->day != q->day)
		return p->day < q->day ? -1 : 1;
	return strcmp(p->agent, q->agent);
}

/* Rows of the window that differ from the published ones, by day, agent. */
static int list_changes(const struct st *st, const struct wfm_shift **pubrow, const char **drop,
			wfm_roster_result *res)
{
	for (int d = 0; d < st->ndays; d++)
		for (size_t a = 0; a < st->ag->n; a++) {
			size_t w = W(st, a, d + 7);
			const struct wfm_shift *o = pubrow[w], *x = st->wsh[w];
			const char *why;
			if ((!o && !x) || (o && x && same_times(o, x)))
				continue;
			why = drop[w] ? drop[w] : !o ? "fills an open shift" :
			      !x ? "freed to fill an open shift on another day" :
			      "moved so that an open shift is filled";
			if (add_change(res, st->first_day + d, st->ag->a[a].id, st->ag->a[a].name, o, x, why))
				return -1;
		}
	if (res->nchanges)
		qsort(res->changes, res->nchanges, sizeof(*res->changes), cmp_change);
	return 0;
}

/* res->all: published rows before the window, the window's rows, then
 * published rows after it. */
static int merge_published(const wfm_plan *pub, wfm_roster_result *res)
{
	int64_t last = res->first_day + res->ndays - 1;
	size_t k = 0;
	if (!(res->all = calloc(pub->n + res->n + 1, sizeof(*res->all))))
		return -1;
	for (size_t i = 0; i < pub->n; i++)
		if (pub->s[i].day < res->first_day)
			res->all[k++] = pub->s[i];
	for (size_t i = 0; i < res->n; i++)
		res->all[k++] = res->rows[i];
	for (size_t i = 0; i < pub->n; i++)
		if (pub->s[i].day > last)
			res->all[k++] = pub->s[i];
	res->nall = k;
	return 0;
}

/* Repair: on each day where dropped rows could not be refilled (left >
 * 0 after the fill), as many of the day's other open shifts (held back in
 * vac[]) may be filled instead, by a free agent or a short augmenting
 * path: the lost hours come back at other times of the day, for one
 * changed row each. */
static int substitute(struct st *st, struct days *D, long *vac, int *pa, int *pt, int *q)
{
	for (int d = 0; d < st->ndays; d++) {
		long rem = 0;
		for (int t = D->off[d]; t < D->off[d] + D->cnt[d]; t++)
			rem += D->left[t];
		if (!rem)
			continue;
		for (int t = D->off[d]; t < D->off[d] + D->cnt[d]; t++) {
			D->left[t] += vac[t];
			vac[t] = 0;
			D->dead[t] = 0;
		}
		if (fill_day(st, D, d, rem, pa, pt, q) < 0)
			return -1;
	}
	return 0;
}

/* Paid minutes of ty[x] > ty[y] first, then plan order. */
static int cmp_paid_desc(const void *x, const void *y, const struct wfm_shift *const *ty)
{
	int a = *(const int *)x, b = *(const int *)y;
	int pa = wfm_shift_paid(ty[a]), pb = wfm_shift_paid(ty[b]);
	if (pa != pb)
		return pa > pb ? -1 : 1;
	return (a > b) - (a < b);
}

/* Exact day-local bound of window day d: the most shifts and the most paid
 * minutes any roster could fill that day under the day-local rules
 * (availability, window, length, skills).  The day's instances are taken
 * longest paid first, each kept when an augmenting path makes room for it:
 * the greedy algorithm on the transversal matroid of the instances, so the
 * result is a maximum-weight matching and, as every weight is positive, a
 * maximum-cardinality one.  longest[a]: agent a's longest paid fitting
 * type that day (0 when none or not available).  -1 when out of memory. */
static int day_bound(struct st *st, const struct days *D, int d, int *cur, int *pa, int *pt, int *q,
		     struct wfm_roster_day *rd, int *longest)
{
	int k = d + 7, nty = D->cnt[d], *ord = malloc(((size_t)nty + 1) * sizeof(int));
	if (!ord)
		return -1;
	st->ty = D->ty + D->off[d];
	st->nty = nty;
	for (int t = 0; t < nty; t++)
		ord[t] = t;
	for (int i = 1; i < nty; i++)   /* insertion sort: few types a day */
		for (int j = i; j > 0 && cmp_paid_desc(&ord[j - 1], &ord[j], st->ty) > 0; j--) {
			int x = ord[j];
			ord[j] = ord[j - 1];
			ord[j - 1] = x;
		}
	for (size_t a = 0; a < st->ag->n; a++) {
		cur[a] = -1;
		longest[a] = 0;
		if (!wfm_agents_available(st->ag, a, st->ext0 + k))
			continue;
		for (int t = 0; t < nty; t++)
			if (wfm_shift_paid(st->ty[t]) > longest[a] && fits(st, a, st->ty[t]))
				longest[a] = wfm_shift_paid(st->ty[t]);
	}
	rd->bound = rd->bound_min = 0;
	for (int i = 0; i < nty; i++) {
		int t = ord[i];
		size_t a = 0;   /* agents before a are matched or do not fit t */
		for (long c = 0; c < st->ty[t]->count; c++) {
			while (a < st->ag->n && (cur[a] >= 0 || !st->avail[W(st, a, k)] || !fits(st, a, st->ty[t])))
				a++;
			if (a < st->ag->n)   /* a free agent: no path needed */
				cur[a] = t;
			else if (!augment_relaxed(st, k, t, cur, pa, pt, q))
				break;
			rd->bound++;
			rd->bound_min += wfm_shift_paid(st->ty[t]);
		}
	}
	free(ord);
	return 0;
}

/* Sum of the m largest of v[0..n-1] (n <= 7). */
static long top_sum(int *v, int n, int m)
{
	long s = 0;
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1] < v[j]; j--) {
			int x = v[j];
			v[j] = v[j - 1];
			v[j - 1] = x;
		}
	for (int i = 0; i < m && i < n; i++)
		s += v[i];
	return s;
}

/* Days and paid minutes agent a worked in the ISO week of window day d0
 * before the window (previous or published rows). */
static void worked_before(const struct st *st, size_t a, int d0, int *days, long *paid)
{
	int mon = d0 + 7 - wfm_time_weekday(st->ext0 + d0 + 7);
	*days = 0;
	*paid = 0;
	for (int j = mon; j < d0 + 7; j++)
		if (j >= 0 && st->ws[W(st, a, j)] >= 0) {
			(*days)++;
			*paid += st->wp[W(st, a, j)];
		}
}

/* Capacity of agent a in the ISO week of window days d0 .. d1-1 (paid
 * minutes): contract + tolerance and its longest fitting shifts on its
 * max_days_week best days, less what it worked that week before the
 * window.  *by_days: 1 when the days limit is the smaller. */
static long agent_cap(const struct st *st, size_t a, int d0, int d1, const int *longest, int *by_days)
{
	int prevd, v[7], nv = 0;
	long prevm, hc, dc;
	worked_before(st, a, d0, &prevd, &prevm);
	for (int d = d0; d < d1; d++)
		v[nv++] = longest[(size_t)d * st->ag->n + a];
	hc = lround((st->ag->a[a].contract_h + st->o->tol_week_h) * 60) - prevm;
	dc = top_sum(v, nv, st->o->max_days_week - prevd);
	*by_days = dc < hc;
	return dc < hc ? dc : hc > 0 ? hc : 0;
}

/* Agent-days of window days d0 .. d1-1 (one ISO week): each agent at
 * most max_days_week less the days worked before the window, at most the
 * days it is available; and the days worked in the roster. */
static void agent_days(const struct st *st, int d0, int d1, long *possible, long *used)
{
	*possible = *used = 0;
	for (size_t a = 0; a < st->ag->n; a++) {
		int prevd, nav = 0, left;
		long prevm;
		worked_before(st, a, d0, &prevd, &prevm);
		for (int d = d0; d < d1; d++) {
			nav += wfm_agents_available(st->ag, a, st->first_day + d);
			*used += st->ws[W(st, a, d + 7)] >= 0;
		}
		left = st->o->max_days_week - prevd;
		*possible += nav < left ? nav : left > 0 ? left : 0;
	}
}

/* Agents a and b fit the same shifts and have the same contract (for a
 * plan by skill groups also the same groups, mask: bit i for the i-th
 * distinct group of the plan). */
static int same_class(const struct wfm_agent *a, const struct wfm_agent *b, uint64_t ma, uint64_t mb)
{
	return a->earliest == b->earliest && a->latest == b->latest && a->min_shift_h == b->min_shift_h &&
	       a->max_shift_h == b->max_shift_h && a->contract_h == b->contract_h && ma == mb;
}

/* Per agent the groups of the plan it holds every skill of (bit i: the
 * i-th distinct skill list of st->need); with over 64 of them each agent
 * its own mask (no two agents share a class).  0 for a plan without
 * groups. */
static void group_masks(const struct st *st, uint64_t *mask)
{
	const char *g[64];
	int ng = 0, over = 0;
	for (size_t a = 0; a < st->ag->n; a++)
		mask[a] = 0;
	for (size_t i = 0; st->need && i < st->plan->n && !over; i++) {
		int k;
		if (!st->need[i])
			continue;
		for (k = 0; k < ng && strcmp(g[k], st->need[i]); k++)
			;
		if (k == ng && ng == 64)
			over = 1;
		else if (k == ng)
			g[ng++] = st->need[i];
	}
	for (size_t a = 0; a < st->ag->n; a++) {
		if (over) {
			mask[a] = a;
			continue;
		}
		for (int k = 0; k < ng; k++)
			if (wfm_roster_extra_skills(&st->ag->a[a], g[k]) >= 0)
				mask[a] |= (uint64_t)1 << k;
	}
}

/* The week's level from the class LP (roster_bound.h): window days d0 ..
 * d1-1.  cls[a]: agent a's class (ncls of them, rep[c] its first agent).
 * 1 when the LP is too big to build (then the caller keeps the aggregate
 * level), 0 done, -1 on error. */
static int week_lp(const struct st *st, const struct days *D, int d0, int d1, const size_t *cls,
		   const size_t *rep, int ncls, const wfm_roster_result *res, double *level, wfm_error *err)
{
	int nd = d1 - d0, nty = D->off[d1 - 1] + D->cnt[d1 - 1] - D->off[d0], rc = -1;
	struct wfm_rbound b = { nd, ncls, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
	int *ty_day = NULL, *ty_paid = NULL;
	long *ty_count = NULL, *navail = NULL, *days_cap = NULL;
	unsigned char *fit = NULL;
	double *min_cap = NULL, pm[7], bm[7];

	if ((size_t)ncls * (size_t)nty > 40000)   /* before merging types: cheap to test */
		return 1;
	ty_day = malloc(((size_t)nty + 1) * sizeof(int));
	ty_paid = malloc(((size_t)nty + 1) * sizeof(int));
	ty_count = malloc(((size_t)nty + 1) * sizeof(long));
	fit = malloc((size_t)ncls * (size_t)nty + 1);
	navail = calloc((size_t)ncls * 7 + 1, sizeof(long));
	days_cap = calloc((size_t)ncls + 1, sizeof(long));
	min_cap = calloc((size_t)ncls + 1, sizeof(double));
	if (!ty_day || !ty_paid || !ty_count || !fit || !navail || !days_cap || !min_cap) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	/* types of the same day, paid minutes and classes fitting them are one
	 * to the LP: merged, counts summed */
	{
		int m = 0;
		for (int t = 0; t < nty; t++) {
			const struct wfm_shift *s = D->ty[D->off[d0] + t];
			int day = (int)(s->day - st->first_day) - d0, paid = wfm_shift_paid(s), u;
			unsigned char *f = fit + (size_t)m * ncls;
			for (int c = 0; c < ncls; c++)
				f[c] = (unsigned char)fits(st, rep[c], s);
			for (u = m - 1; u >= 0 && ty_day[u] == day; u--)
				if (ty_paid[u] == paid && !memcmp(fit + (size_t)u * ncls, f, (size_t)ncls))
					break;
			if (u >= 0 && ty_day[u] == day) {
				ty_count[u] += s->count;
				continue;
			}
			ty_day[m] = day;
			ty_paid[m] = paid;
			ty_count[m++] = s->count;
		}
		nty = m;
	}
	if ((size_t)ncls * (size_t)nty > 2000) {   /* GLPK would take seconds */
		rc = 1;
		goto out;
	}
	for (size_t a = 0; a < st->ag->n; a++) {
		int prevd, nav = 0;
		long prevm;
		worked_before(st, a, d0, &prevd, &prevm);
		for (int d = d0; d < d1; d++)
			if (wfm_agents_available(st->ag, a, st->first_day + d)) {
				navail[cls[a] * nd + (size_t)(d - d0)]++;
				nav++;
			}
		days_cap[cls[a]] += nav < st->o->max_days_week - prevd ? nav :
				    st->o->max_days_week - prevd > 0 ? st->o->max_days_week - prevd : 0;
		min_cap[cls[a]] += fmax(0, lround((st->ag->a[a].contract_h + st->o->tol_week_h) * 60) - prevm);
	}
	for (int d = 0; d < nd; d++) {
		pm[d] = (double)res->day[d0 + d].planned_min;
		bm[d] = (double)res->day[d0 + d].bound_min;
	}
	b.nty = nty;
	b.ty_day = ty_day;
	b.ty_count = ty_count;
	b.ty_paid = ty_paid;
	b.fit = fit;
	b.navail = navail;
	b.days_cap = days_cap;
	b.min_cap = min_cap;
	b.planned_min = pm;
	b.best_min = bm;
	rc = wfm_roster_bound_level(&b, level, err);
out:
	free(ty_day);
	free(ty_paid);
	free(ty_count);
	free(fit);
	free(navail);
	free(days_cap);
	free(min_cap);
	return rc;
}

/* Agent classes for week_lp: cls[a], rep[c]; returns how many, or -1
 * when out of memory. */
static int agent_classes(const struct st *st, size_t *cls, size_t *rep)
{
	uint64_t *mask = malloc((st->ag->n + 1) * sizeof(uint64_t));
	int ncls = 0;
	if (!mask)
		return -1;
	group_masks(st, mask);
	for (size_t a = 0; a < st->ag->n; a++) {
		int c;
		for (c = 0; c < ncls && !same_class(&st->ag->a[a], &st->ag->a[rep[c]], mask[a], mask[rep[c]]); c++)
			;
		if (c == ncls)
			rep[ncls++] = a;
		cls[a] = (size_t)c;
	}
	free(mask);
	return ncls;
}

/* res->week and each day's target_min (see roster.h): per ISO week the
 * agents' capacity in paid minutes (for the report), and the level from
 * the class LP: the largest L at which the weekly limits let every day have
 * min(bound_min, L x planned_min); where the LP is too big, the level from
 * the capacity alone (sum over the days of min(bound_min, L x planned_min)
 * = capacity, by bisection). */
static int week_targets(const struct st *st, const struct days *D, wfm_roster_result *res,
			const int *longest, wfm_error *err)
{
	size_t *cls = malloc((st->ag->n + 1) * sizeof(size_t)), *rep = malloc((st->ag->n + 1) * sizeof(size_t));
	int ncls, rc = -1;
	if (!cls || !rep || !(res->week = calloc((size_t)st->ndays / 7 + 2, sizeof(*res->week)))) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	if ((ncls = agent_classes(st, cls, rep)) < 0) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	for (int d0 = 0; d0 < st->ndays;) {
		int d1 = d0 + 7 - wfm_time_weekday(st->first_day + d0), lp;
		struct wfm_roster_week *w = &res->week[res->nweeks++];
		double lo = 0, hi = 1;
		if (d1 > st->ndays)
			d1 = st->ndays;
		w->monday = st->first_day + d0;
		w->ndays = d1 - d0;
		for (size_t a = 0; a < st->ag->n; a++) {
			int by_days;
			long c = agent_cap(st, a, d0, d1, longest, &by_days);
			w->cap_min += c;
			*(by_days ? &w->cap_days_min : &w->cap_contract_min) += c;
			(*(by_days ? &w->n_days : &w->n_contract))++;
		}
		for (int d = d0; d < d1; d++)
			w->best_min += res->day[d].bound_min;
		w->ncls = ncls;
		w->level = 1;
		if (w->cap_min < w->best_min) {
			for (int it = 0; it < 60; it++) {
				double mid = (lo + hi) / 2, f = 0;
				for (int d = d0; d < d1; d++)
					f += fmin(res->day[d].bound_min, mid * res->day[d].planned_min);
				*(f > w->cap_min ? &hi : &lo) = mid;
			}
			w->level = lo;
		}
		if ((lp = week_lp(st, D, d0, d1, cls, rep, ncls, res, &w->lp_level, err)) < 0)
			goto out;
		w->lp = !lp;
		if (w->lp && w->lp_level < w->level)
			w->level = w->lp_level;
		for (int d = d0; d < d1; d++)
			res->day[d].target_min = (long)fmin(res->day[d].bound_min,
							    floor(w->level * res->day[d].planned_min + 1e-6));
		d0 = d1;
	}
	rc = 0;
out:
	free(cls);
	free(rep);
	return rc;
}

/* st's indexes of the inputs (see struct st).  -1 when out of memory. */
static int build_index(struct st *st)
{
	size_t n = st->ag->n;
	st->avail = malloc(n * (size_t)st->E + 1);
	st->wday = malloc(((size_t)st->E + 1) * sizeof(int));
	st->monk = malloc(((size_t)st->E + 1) * sizeof(int));
	st->minspan = malloc((n + 1) * sizeof(int));
	st->maxspan = malloc((n + 1) * sizeof(int));
	st->capmin = malloc((n + 1) * sizeof(int));
	st->conmin = malloc((n + 1) * sizeof(int));
	if (!st->avail || !st->wday || !st->monk || !st->minspan || !st->maxspan || !st->capmin || !st->conmin)
		return -1;
	for (int k = 0; k < st->E; k++) {
		st->wday[k] = wfm_time_weekday(st->ext0 + k);
		st->monk[k] = k - st->wday[k];
	}
	for (size_t a = 0; a < n; a++) {
		const struct wfm_agent *ag = &st->ag->a[a];
		st->minspan[a] = (int)lround(ag->min_shift_h * 60);
		st->maxspan[a] = (int)lround(ag->max_shift_h * 60);
		st->capmin[a] = (int)lround((ag->contract_h + st->o->tol_week_h) * 60);
		st->conmin[a] = (int)lround(ag->contract_h * 60);
		for (int k = 0; k < st->E; k++)
			st->avail[W(st, a, k)] = (unsigned char)wfm_agents_available(st->ag, a, st->ext0 + k);
	}
	return 0;
}

static void free_index(struct st *st)
{
	WFM_FREE(st->avail, st->wday, st->monk, st->minspan, st->maxspan, st->capmin, st->conmin, st->el,
		 st->nel, st->so, st->nd, st->hd, st->bf, st->bo, st->be, st->bv, st->be_clock, st->tyof,
		 st->bon, st->bm, st->cst, st->chg, st->cc);
}

/* The workspace of one roster run, in GSL's style: ws_alloc (the arrays
 * sized by the agents, days and plan rows), ws_build (history, the day's
 * types, the caches, the bounds and targets, the days-on pattern or the
 * published rows), ws_solve (the fills and the repairs), ws_result (the
 * rows and the measures), ws_free. */
struct ws {
	struct st st;
	struct days D;
	wfm_roster_result *res;
	const wfm_plan *plan, *prev, *pub;
	size_t ntyall;
	int maxnty;
	int *cur2, *pa, *pt, *q;      /* day_bound's assignment; path scratch */
	int *longest;                 /* per window day x agent (day_bound) */
	double *pat_min;              /* per window day: the pattern's aim */
	const struct wfm_shift **pubrow; /* repair: per agent x day the published row */
	const char **drop;            /* repair: per agent x day why it was dropped */
	long *vac;                    /* repair: per type instances held back */
	long budget;                  /* eligibility checks left for the repairs */
};

static int ws_alloc(struct ws *w, const wfm_plan *plan, const wfm_agents *ag, int64_t first_day,
		    int ndays, const struct wfm_roster_opts *o)
{
	struct st *st = &w->st;
	struct days *D = &w->D;
	wfm_roster_result *res = w->res = calloc(1, sizeof(*res));
	size_t n = ag->n, nE = n * (size_t)(ndays + 7), np = plan->n + 1;

	st->ag = ag;
	st->o = o;
	st->plan = plan;
	st->first_day = first_day;
	st->ext0 = first_day - 7;
	st->ndays = ndays;
	st->E = ndays + 7;
	st->rest = (int)lround(o->min_rest_h * 60);
	st->max_moves = w->pub ? o->max_moves : -1;
	st->cache_k = -1;
	w->budget = 20000000;
	if (!res)
		return -1;
	res->first_day = first_day;
	res->ndays = ndays;
	st->dep = malloc(np * sizeof(int));
	st->ws = malloc((nE + 1) * sizeof(int));
	st->we = malloc((nE + 1) * sizeof(int));
	st->wt = malloc((nE + 1) * sizeof(int));
	st->wp = calloc(nE + 1, sizeof(int));
	st->wsh = calloc(nE + 1, sizeof(*st->wsh));
	st->on = calloc(nE + 1, 1);
	st->weekends = res->weekends = calloc(n + 1, sizeof(long));
	st->lates = res->lates = calloc(n + 1, sizeof(long));
	res->paid_min = calloc(n + 1, sizeof(long));
	res->weekends_prev = calloc(n + 1, sizeof(long));
	res->days = calloc(n + 1, sizeof(long));
	res->day = calloc((size_t)ndays, sizeof(*res->day));
	D->ty = malloc(np * sizeof(*D->ty));
	D->left = malloc(np * sizeof(long));
	D->dead = calloc(np, 1);
	D->off = calloc((size_t)ndays, sizeof(int));
	D->cnt = calloc((size_t)ndays, sizeof(int));
	D->plan_min = calloc((size_t)ndays, sizeof(double));
	D->fill_min = calloc((size_t)ndays, sizeof(double));
	D->tgt_min = calloc((size_t)ndays, sizeof(double));
	w->cur2 = malloc((n + 1) * sizeof(int));
	w->pa = malloc(np * sizeof(int));
	w->pt = malloc(np * sizeof(int));
	w->q = malloc(np * sizeof(int));
	w->longest = malloc((n * (size_t)ndays + 1) * sizeof(int));
	w->pat_min = malloc(((size_t)ndays + 1) * sizeof(double));
	if (!st->on || !st->ws || !st->we || !st->wt || !st->wp || !st->wsh || !st->weekends ||
	    !st->lates || !res->paid_min || !res->weekends_prev || !res->days || !res->day || !D->ty ||
	    !D->left || !D->dead || !D->off || !D->cnt || !D->plan_min || !D->fill_min || !D->tgt_min ||
	    !w->cur2 || !w->pa || !w->pt || !w->q || !st->dep || !w->longest || !w->pat_min)
		return -1;
	for (size_t i = 0; i < nE; i++)
		st->ws[i] = st->we[i] = st->wt[i] = -1;
	return build_index(st);
}

/* The slot length of the coverage grids: the gcd of the times of the
 * window's shifts (at least 5 minutes).  -1 (err set) when the window has
 * no shifts. */
static int ws_grid(struct ws *w, wfm_error *err)
{
	const wfm_plan *plan = w->plan;
	int64_t first_day = w->st.first_day;
	int ndays = w->st.ndays, g = 60;
	size_t inwin = 0;
	for (size_t i = 0; i < plan->n; i++) {
		const struct wfm_shift *s = &plan->s[i];
		if (s->day < first_day || s->day >= first_day + ndays)
			continue;
		inwin++;
		if (!s->count)
			continue;
		g = wfm_time_gcd(wfm_time_gcd(g, s->start), s->end);
		if (s->bstart >= 0)
			g = wfm_time_gcd(wfm_time_gcd(g, s->bstart), s->bend);
	}
	if (!inwin) {
		char x[16], y[16];
		wfm_time_format_date(first_day, x, sizeof(x));
		wfm_time_format_date(first_day + ndays - 1, y, sizeof(y));
		wfm_error_at(err, plan->file, 0, "date", "no shifts between %s and %s", x, y);
		return -1;
	}
	w->D.g = g < 5 ? 5 : g;   /* odd minutes: 5-minute slots are close enough for a score */
	w->D.G = 2880 / w->D.g;
	return 0;
}

/* The day's shift types (plan rows with a count), their instances, the
 * planned minutes and the planned coverage.  A shift that fits nobody's
 * hours and lengths stays unfilled with the reason (unfilled_reason).
 * -1 when out of memory. */
static int ws_types(struct ws *w)
{
	const wfm_plan *plan = w->plan;
	struct days *D = &w->D;
	int ndays = w->st.ndays;

	D->req = calloc((size_t)ndays * D->G, sizeof(double));
	D->sch = calloc((size_t)ndays * D->G, sizeof(double));
	if (!D->req || !D->sch)
		return -1;
	for (int d = 0; d < ndays; d++) {
		D->off[d] = (int)w->ntyall;
		for (size_t i = 0; i < plan->n; i++) {
			const struct wfm_shift *s = &plan->s[i];
			if (s->day != w->st.first_day + d || s->count <= 0)
				continue;
			D->ty[w->ntyall] = s;
			D->left[w->ntyall++] = s->count;
			w->res->day[d].planned += s->count;
			D->plan_min[d] += s->count * wfm_shift_paid(s);
			cover(D->req + (size_t)d * D->G, D->g, s, (double)s->count);
		}
		D->cnt[d] = (int)w->ntyall - D->off[d];
		w->res->day[d].planned_min = (long)D->plan_min[d];
		if (D->cnt[d] > w->maxnty)
			w->maxnty = D->cnt[d];
	}
	return 0;
}

/* fill_day's caches and bit sets (struct st), sized by the types.  -1
 * when out of memory. */
static int ws_caches(struct ws *w)
{
	struct st *st = &w->st;
	size_t n = st->ag->n, nt = w->ntyall, mt = (size_t)w->maxnty, nd = (size_t)st->ndays;

	st->clock = st->epoch = 1;
	st->call0 = UINT32_MAX;
	st->nw = (n + 63) / 64;
	st->doff = w->D.off;
	st->dty = w->D.ty;
	st->cst = calloc(n * nt + 1, sizeof(uint32_t));
	st->chg = calloc(n + 1, sizeof(uint32_t));
	st->cc = malloc((n * nt + 1) * sizeof(double));
	st->bf = calloc(st->nw * nd + 1, sizeof(uint64_t));
	st->bv = malloc((st->nw + 1) * sizeof(uint64_t));
	st->bo = calloc(st->nw * nt + 1, sizeof(uint64_t));
	st->be = malloc((st->nw * nt + 1) * sizeof(uint64_t));
	st->be_clock = calloc(nt + 1, sizeof(uint32_t));
	st->bon = calloc(st->nw * nd + 1, sizeof(uint64_t));
	st->bm = malloc((st->nw + 1) * sizeof(uint64_t));
	st->tyof = malloc((w->plan->n + 1) * sizeof(int));
	st->el = malloc((n * mt + 1) * sizeof(int));
	st->nel = malloc((mt + 1) * sizeof(int));
	st->so = malloc((n * mt + 1) * sizeof(int));
	st->nd = malloc((n * mt + 1) * sizeof(int));
	st->hd = malloc((mt + 1) * sizeof(int));
	if (!st->cst || !st->chg || !st->cc || !st->bf || !st->bv || !st->bo || !st->be ||
	    !st->be_clock || !st->tyof || !st->bon || !st->bm || !st->el || !st->nel || !st->so ||
	    !st->nd || !st->hd)
		return -1;
	for (size_t d = 0; d < nd; d++)   /* every agent free on every day */
		for (size_t a = 0; a < n; a++)
			st->bf[d * st->nw + a / 64] |= (uint64_t)1 << (a % 64);
	for (size_t i = 0; i < w->plan->n; i++)
		st->tyof[i] = -1;
	for (size_t g = 0; g < nt; g++)
		st->tyof[w->D.ty[g] - w->plan->s] = (int)g;
	return 0;
}

/* Bounds first (they depend on the inputs only): the fill aims at each
 * day's target, the share of its planned hours the weekly limits allow
 * every day at once.  -1 (err set) on failure. */
static int ws_bounds(struct ws *w, wfm_error *err)
{
	struct st *st = &w->st;
	struct days *D = &w->D;
	wfm_roster_result *res = w->res;
	for (int d = 0; d < st->ndays; d++)
		if (day_bound(st, D, d, w->cur2, w->pa, w->pt, w->q, &res->day[d],
			      w->longest + (size_t)d * st->ag->n)) {
			wfm_error_set(err, "out of memory");
			return -1;
		}
	if (week_targets(st, D, res, w->longest, err))
		return -1;
	for (int d = 0; d < st->ndays; d++) {
		D->tgt_min[d] = res->day[d].target_min > 0 ? (double)res->day[d].target_min : 1;
		/* the pattern aims at the target where the weekly limits lower it;
		 * a day whose target is its day-local best needs every agent it
		 * can get: the planned hours, as before */
		w->pat_min[d] = res->day[d].target_min < res->day[d].bound_min ? D->tgt_min[d] : D->plan_min[d];
	}
	return 0;
}

/* Repair: the published rows placed (place_published).  Only the
 * instances the dropped rows leave open are filled again: what the
 * published roster left unfilled stays so (held back in vac[], given back
 * after the fill).  Days the published roster has no row on are rostered
 * afresh.  -1 when out of memory. */
static int ws_published(struct ws *w)
{
	struct st *st = &w->st;
	struct days *D = &w->D;
	size_t n = st->ag->n;

	w->pubrow = calloc(n * (size_t)st->E + 1, sizeof(*w->pubrow));
	w->drop = calloc(n * (size_t)st->E + 1, sizeof(*w->drop));
	w->vac = calloc(w->ntyall + 1, sizeof(long));
	if (!w->pubrow || !w->drop || !w->vac ||
	    place_published(st, D, w->pub, w->pubrow, w->drop, w->vac, w->res))
		return -1;
	for (int d = 0; d < st->ndays; d++) {
		int fresh = 1;
		for (size_t a = 0; a < n && fresh; a++)
			fresh = !w->pubrow[W(st, a, d + 7)];
		for (int t = D->off[d]; t < D->off[d] + D->cnt[d]; t++) {
			long keep = fresh ? D->left[t] : w->vac[t] < D->left[t] ? w->vac[t] : D->left[t];
			w->vac[t] = D->left[t] - keep;
			D->left[t] = keep;
		}
	}
	return 0;
}

/* Everything the fill starts from: the history (previous and published
 * rows before the window), the types, the caches, the bounds, then the
 * days-on pattern (a fresh roster) or the published rows (repair).  -1
 * (err set) on failure. */
static int ws_build(struct ws *w, wfm_error *err)
{
	struct st *st = &w->st;
	size_t n = st->ag->n;

	if (build_need(st, w->plan, st->o->groups, err))
		return -1;
	load_prev(st, w->prev, w->res);
	load_prev(st, w->pub, w->res);
	for (size_t a = 0; a < n; a++)   /* the cost sees weekends worked before too */
		st->weekends[a] = w->res->weekends_prev[a];
	if (ws_grid(w, err))
		return -1;
	if (ws_types(w) || ws_caches(w))
		goto oom;
	if (ws_bounds(w, err))
		return -1;
	if (!w->pub && pattern(st, w->plan, w->pat_min))
		goto oom;
	if (w->pub)   /* no pattern: every day is as good as any other */
		memset(st->on, 1, n * (size_t)st->E);
	for (int d = 0; d < st->ndays; d++)
		for (size_t a = 0; a < n; a++)
			if (st->on[W(st, a, d + 7)])
				st->bon[(size_t)d * st->nw + a / 64] |= (uint64_t)1 << (a % 64);
	if (w->pub && ws_published(w))
		goto oom;
	return 0;
oom:
	wfm_error_set(err, "out of memory");
	return -1;
}

/* Phase 2: any agent the hard rules allow, one shift at a time on the day
 * whose planned hours are least filled (relative to its target). */
static void fill_least(struct ws *w)
{
	struct days *D = &w->D;
	for (;;) {
		int best = -1;
		for (int d = 0; d < w->st.ndays; d++) {
			int live = 0;
			for (int t = D->off[d]; t < D->off[d] + D->cnt[d] && !live; t++)
				live = D->left[t] > 0 && !D->dead[t];
			if (!live || D->plan_min[d] <= 0)
				continue;
			if (best < 0 || D->fill_min[d] * D->tgt_min[best] < D->fill_min[best] * D->tgt_min[d])
				best = d;
		}
		if (best < 0)
			break;
		fill_day(&w->st, D, best, 1, w->pa, w->pt, w->q);
	}
}

/* Cross-day repair of what is still unfilled, least filled days first,
 * bounded work.  -1 when out of memory. */
static int fill_cross(struct ws *w)
{
	struct days *D = &w->D;
	struct slotord *so = malloc((w->ntyall + 1) * sizeof(*so));
	size_t nso = 0;
	if (!so)
		return -1;
	for (int d = 0; d < w->st.ndays; d++)
		for (int t = D->off[d]; t < D->off[d] + D->cnt[d]; t++)
			if (D->left[t] > 0)
				so[nso++] = (struct slotord){ d, t, D->fill_min[d] / D->tgt_min[d] };
	if (nso)
		qsort(so, nso, sizeof(*so), cmp_slotord);
	for (size_t i = 0; i < nso; i++) {
		int d = so[i].d, t = so[i].t;
		while (D->left[t] > 0 && cross_repair(&w->st, d + 7, D->ty[t], &w->budget)) {
			D->left[t]--;
			D->fill_min[d] += wfm_shift_paid(D->ty[t]);
		}
	}
	free(so);
	return 0;
}

/* The fills: phase 1 day by day, each agent only on the days of its
 * pattern (which spreads the contracted hours over the days in proportion
 * to the planned hours), phase 2 (fill_least), then the cross-day repair
 * and the contract swaps; a repair instead refills what the dropped rows
 * left open and substitutes.  -1 when out of memory. */
static int ws_solve(struct ws *w)
{
	struct st *st = &w->st;
	struct days *D = &w->D;
	st->only_on = 1;
	for (int d = 0; d < st->ndays && !w->pub; d++)
		if (fill_day(st, D, d, -1UL >> 1, w->pa, w->pt, w->q) < 0)
			return -1;
	st->only_on = 0;
	memset(D->dead, 0, w->ntyall);
	fill_least(w);
	if (w->pub) {
		if (substitute(st, D, w->vac, w->pa, w->pt, w->q))
			return -1;
		for (size_t t = 0; t < w->ntyall; t++)
			D->left[t] += w->vac[t];
		return 0;
	}
	if (fill_cross(w) || contract_swaps(st, &w->budget))
		return -1;
	return 0;
}

/* The unfilled list (one entry per type left with instances) and the
 * shifts filled per day.  -1 when out of memory. */
static int ws_unfilled(struct ws *w)
{
	struct days *D = &w->D;
	wfm_roster_result *res = w->res;
	size_t cap = 0;
	for (int d = 0; d < w->st.ndays; d++) {
		long filled = res->day[d].planned;
		for (int t = D->off[d]; t < D->off[d] + D->cnt[d]; t++) {
			const struct wfm_shift *s = D->ty[t];
			filled -= D->left[t];
			if (!D->left[t])
				continue;
			if (res->nunfilled == cap) {
				struct wfm_shift *u = realloc(res->unfilled, (cap = cap ? 2 * cap : 32) * sizeof(*u));
				const char **uw;
				if (!u)
					return -1;
				res->unfilled = u;
				if (!(uw = realloc(res->unfilled_why, cap * sizeof(*uw))))
					return -1;
				res->unfilled_why = uw;
				if (!(uw = realloc(res->unfilled_need, cap * sizeof(*uw))))
					return -1;
				res->unfilled_need = uw;
			}
			res->unfilled_why[res->nunfilled] = unfilled_reason(&w->st, w->st.first_day + d, s);
			res->unfilled_need[res->nunfilled] = need_of(&w->st, s);
			res->unfilled[res->nunfilled] = *s;
			res->unfilled[res->nunfilled++].count = D->left[t];
		}
		res->day[d].filled = filled;
	}
	return 0;
}

/* Per agent its window's weekend days, late shifts, paid minutes and
 * days; per day the paid minutes filled; the roster rows, sorted.  -1
 * when out of memory. */
static int ws_rows(struct ws *w)
{
	struct st *st = &w->st;
	wfm_roster_result *res = w->res;
	struct wfm_roster_pick *rows = NULL;
	size_t nrows = 0, cap = 0;
	for (size_t a = 0; a < st->ag->n; a++) {
		st->weekends[a] = st->lates[a] = 0;
		for (int d = 0; d < st->ndays; d++) {
			const struct wfm_shift *x = st->wsh[W(st, a, d + 7)];
			if (!x)
				continue;
			if (is_weekend(st->first_day + d))
				st->weekends[a]++;
			if (x->end > st->o->late_after)
				st->lates[a]++;
			res->paid_min[a] += wfm_shift_paid(x);
			res->day[d].filled_min += wfm_shift_paid(x);
			res->days[a]++;
			if (WFM_GROW(rows, cap, nrows + 1)) {
				free(rows);
				return -1;
			}
			rows[nrows++] = (struct wfm_roster_pick){ st->first_day + d, x->start, x->end, a, 0, x };
		}
	}
	if (!(res->rows = calloc(nrows + 1, sizeof(*res->rows)))) {
		free(rows);
		return -1;
	}
	res->n = nrows;
	wfm_roster_name_rows(rows, nrows, st->ag, res->rows);
	free(rows);
	return 0;
}

/* The result: unfilled shifts, the weeks' agent-days, the rows, the soft
 * measures, the group shares and (repair) the changes.  -1 when out of
 * memory. */
static int ws_result(struct ws *w)
{
	wfm_roster_result *res = w->res;
	if (ws_unfilled(w))
		return -1;
	for (size_t i = 0; i < res->nweeks; i++) {
		struct wfm_roster_week *wk = &res->week[i];
		int d0 = (int)(wk->monday - res->first_day);
		agent_days(&w->st, d0, d0 + wk->ndays, &wk->adays, &wk->adays_used);
	}
	if (ws_rows(w))
		return -1;
	for (int d = 0; d < res->ndays; d++)
		if (wfm_time_weekday(res->first_day + d) == 0 && d + 7 <= res->ndays)
			res->full_weeks++;
	soft_measures(&w->st, res);
	if (w->st.need && group_shares(&w->st, &w->D, res))
		return -1;
	if (w->pub && (list_changes(&w->st, w->pubrow, w->drop, res) || merge_published(w->pub, res)))
		return -1;
	return 0;
}

/* Frees the workspace; the result (when kept) takes the need strings. */
static void ws_free(struct ws *w, int keep)
{
	struct st *st = &w->st;
	struct days *D = &w->D;
	WFM_FREE(st->ws, st->we, st->wt, st->wp, st->wsh, st->on, st->dep, D->ty, D->left, D->dead, D->off,
		 D->cnt, D->req, D->sch, D->plan_min, D->fill_min, D->tgt_min, w->cur2, w->pa, w->pt, w->q,
		 w->longest, w->pat_min, w->pubrow, w->drop, w->vac);
	free_index(st);
	if (keep && w->res && st->need) {   /* the result keeps the strings it points into */
		w->res->need = st->need;
		w->res->nneed = w->plan->n;
	} else
		wfm_free_strv(st->need, w->plan->n);
	if (!keep) {
		wfm_roster_result_free(w->res);
		w->res = NULL;
	}
}

wfm_roster_result *wfm_roster_solve(const wfm_plan *plan, const wfm_agents *ag,
				    const wfm_plan *prev, int64_t first_day, int ndays,
				    const struct wfm_roster_opts *o, wfm_error *err)
{
	return wfm_roster_repair(plan, ag, prev, NULL, first_day, ndays, o, err);
}

wfm_roster_result *wfm_roster_repair(const wfm_plan *plan, const wfm_agents *ag,
				     const wfm_plan *prev, const wfm_plan *pub,
				     int64_t first_day, int ndays,
				     const struct wfm_roster_opts *o, wfm_error *err)
{
	struct ws w = { .plan = plan, .prev = prev, .pub = pub };
	int ok = 0;
	if (ws_alloc(&w, plan, ag, first_day, ndays, o))
		wfm_error_set(err, "out of memory");
	else if (!ws_build(&w, err)) {
		if (ws_solve(&w) || ws_result(&w))
			wfm_error_set(err, "out of memory");
		else
			ok = 1;
	}
	ws_free(&w, ok);
	return w.res;
}

int wfm_roster_coverage(const wfm_plan *plan, const struct wfm_shift *rows, size_t nrows,
			int64_t first_day, int ndays, int step_s, double *req, double *sch)
{
	size_t nint;
	int step = step_s / 60;   /* wall-clock minutes inside */
	if (step_s <= 0 || step_s % 60 || 1440 % step)
		return -1;
	nint = (size_t)ndays * (size_t)(1440 / step);
	for (size_t i = 0; i < nint; i++) {
		if (req)
			req[i] = 0;
		sch[i] = 0;
	}
	for (int pass = 0; pass < 2; pass++) {
		const struct wfm_shift *s = pass ? rows : plan ? plan->s : NULL;
		size_t ns = pass ? nrows : plan ? plan->n : 0;
		double *g = pass ? sch : req;
		if (!g || !s)
			continue;
		for (size_t j = 0; j < ns; j++) {
			int64_t d = s[j].day - first_day;
			double w = (double)s[j].count / step;
			if (d < 0 || d >= ndays)
				continue;
			for (int m = s[j].start; m < s[j].end; m++) {
				size_t i;
				if (s[j].bstart >= 0 && m >= s[j].bstart && m < s[j].bend)
					continue;
				i = (size_t)((d * 1440 + m) / step);
				if (i >= nint)
					break;
				g[i] += w;
			}
		}
	}
	return 0;
}

static void shift_text(const struct wfm_shift *s, char *buf, size_t n)
{
	char a[8], b[8], c[8], e[8];
	if (!s) {
		*buf = 0;
		return;
	}
	wfm_plan_hhmm(s->start, a);
	wfm_plan_hhmm(s->end, b);
	if (s->bstart >= 0) {
		wfm_plan_hhmm(s->bstart, c);
		wfm_plan_hhmm(s->bend, e);
		snprintf(buf, n, "%s-%s break %s-%s", a, b, c, e);
	} else
		snprintf(buf, n, "%s-%s", a, b);
}

int wfm_roster_changes_write(FILE *fp, const wfm_roster_result *r)
{
	fputs("date,agent_id,name,old,new,why\n", fp);
	for (size_t i = 0; i < r->nchanges; i++) {
		const struct wfm_roster_change *c = &r->changes[i];
		char d[16], o[40], x[40];
		wfm_time_format_date(c->day, d, sizeof(d));
		shift_text(c->old, o, sizeof(o));
		shift_text(c->new, x, sizeof(x));
		fputs(d, fp);
		wfm_csv_write_field(fp, c->agent, 0);
		wfm_csv_write_field(fp, c->name ? c->name : "", 0);
		wfm_csv_write_field(fp, o, 0);
		wfm_csv_write_field(fp, x, 0);
		wfm_csv_write_field(fp, c->why, 0);
		fputc('\n', fp);
	}
	return ferror(fp) ? -1 : 0;
}
