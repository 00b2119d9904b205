/* rostermip.c - the roster assignment solved exactly: agent classes, week
 * patterns by column generation (a dynamic program prices them), the
 * integer master through lib/mip.c (rostermip.h).  The model and its
 * figures are in docs/roster.md, "Exact solver and the heuristic's gap". */
#include "rostermip.h"
#include "mem.h"
#include "mip.h"
#include "timeutil.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HIST 7            /* history days before the window */
#define MAX_ROUNDS 300    /* pricing rounds (the deterministic limit) */
#define PER_CLASS 4       /* patterns one class may add per round */
#define EPS 1e-7
#define IMPROVE_PASSES 20 /* passes of the one-agent improvement */
#define AGE_MAX 5         /* rounds a slack pattern stays in the LPs */
#define DIVE_ROUNDS 10    /* pricing rounds per dive step */
#define ROUND_UP 0.6      /* a dive rounds up LP values from here */
#define MASTER_WORK 200000L  /* simplex iterations of the integer master */

/* Day-local rules, as in roster.c: skills (the group name read as a skill
 * list), length, working window. */
static int fits(const struct wfm_agent *a, const struct wfm_shift *s)
{
	return wfm_roster_fits(a, (int)lround(a->min_shift_h * 60), (int)lround(a->max_shift_h * 60), s,
			       s->group && *s->group ? s->group : NULL);
}

/* Agents the model cannot tell apart. */
struct cls {
	size_t rep;              /* first agent of the class (staff order) */
	long n;                  /* head count */
	int hrun;                /* working days in a row just before the window */
	int days0, units0;       /* days and paid units left in the first ISO week */
	int units;               /* paid units of a later ISO week */
	int track;               /* 1 when a run could exceed max_consecutive */
	unsigned char *elig;     /* per type: day-local rules and rest vs history */
};

struct model {
	const wfm_agents *ag;
	const struct wfm_roster_opts *o;
	size_t n;                /* agents */
	int ndays, ntype, rest, g;  /* g: the paid unit, gcd of paid minutes */
	int64_t first;
	const struct wfm_shift **ty;  /* types, day by day */
	int *off, *cnt;          /* per day: first type, types */
	int *units, *eidx;       /* per type: paid units, 1 + index of its end among its day's */
	double *paid_h;          /* per type */
	int *ends, *eoff, emax;  /* per day: distinct ends; most ends a day + 1 */
	int *week0, *monday;     /* per day: in the first ISO week; an ISO week starts (d > 0) */
	int *hs, *he, *hp;       /* history per agent x HIST days: start, end (abs min), paid; hs -1 none */
	size_t ncls;
	struct cls *cls;
	size_t *cls_of;          /* per agent */
	size_t npat, pcap;       /* patterns: class, type per day (-1 none), paid hours */
	int *pcls, *pty, *page;  /* page: rounds since the pattern was tight */
	double *pval;
	unsigned char *pact;     /* in the LPs (the integer master takes them all) */
	double *cap, *head;      /* right-hand sides: per type, per class (a dive lowers them) */
	double t0, limit_s;
	int time_hit;
	long its;
};

static void history(struct model *m, const wfm_plan *prev)
{
	for (size_t i = 0; i < m->n * HIST; i++)
		m->hs[i] = m->he[i] = -1, m->hp[i] = 0;
	for (size_t i = 0; prev && i < prev->n; i++) {
		const struct wfm_shift *s = &prev->s[i];
		long a = wfm_agents_find(m->ag, s->agent);
		int64_t k = s->day - (m->first - HIST);
		size_t w;
		if (a < 0 || k < 0 || k >= HIST)
			continue;
		w = (size_t)a * HIST + (size_t)k;
		m->hs[w] = wfm_shift_abs(s, (int)k, 0);
		m->he[w] = wfm_shift_abs(s, (int)k, 1);
		m->hp[w] = wfm_shift_paid(s);
	}
}

/* Types (plan rows with a count) day by day, their paid units and ends. */
static int types(struct model *m, const wfm_plan *plan, wfm_error *err)
{
	int nt = 0, ne = 0;
	m->g = 0;
	for (int d = 0; d < m->ndays; d++) {
		m->off[d] = nt;
		m->eoff[d] = ne;
		for (size_t i = 0; i < plan->n; i++) {
			const struct wfm_shift *s = &plan->s[i];
			int e;
			if (s->day != m->first + d || s->count <= 0)
				continue;
			m->ty[nt] = s;
			m->g = wfm_time_gcd(m->g, wfm_shift_paid(s));
			for (e = m->eoff[d]; e < ne && m->ends[e] != wfm_shift_at(s, 1); e++)
				;
			if (e == ne)
				m->ends[ne++] = wfm_shift_at(s, 1);
			m->eidx[nt++] = 1 + e - m->eoff[d];
		}
		m->cnt[d] = nt - m->off[d];
		if (ne - m->eoff[d] + 1 > m->emax)
			m->emax = ne - m->eoff[d] + 1;
		m->week0[d] = d == 0 || (m->week0[d - 1] && wfm_time_weekday(m->first + d) != 0);
		m->monday[d] = d > 0 && wfm_time_weekday(m->first + d) == 0;
	}
	m->eoff[m->ndays] = ne;
	m->ntype = nt;
	if (m->g <= 0)
		m->g = 1;
	for (int t = 0; t < nt; t++) {
		m->units[t] = wfm_shift_paid(m->ty[t]) / m->g;
		m->paid_h[t] = wfm_shift_paid(m->ty[t]) / 60.0;
	}
	/* The patterns look one day back for the rest: a rest spanning a
	 * whole day between two shifts is not modelled. */
	for (int d = 0; d + 2 < m->ndays; d++)
		for (int t = m->off[d]; t < m->off[d] + m->cnt[d]; t++)
			for (int u = m->off[d + 2]; u < m->off[d + 2] + m->cnt[d + 2]; u++)
				if (2880 + wfm_shift_at(m->ty[u], 0) - wfm_shift_at(m->ty[t], 1) < m->rest)
					return wfm_error_set(err, "a rest of %.1f h spans a whole day: not modelled",
							     m->o->min_rest_h);
	return 0;
}

/* Day-local rules and the rest against the history for agent a, type t
 * on window day d. */
static int elig(const struct model *m, size_t a, int d, const struct wfm_shift *s)
{
	const struct wfm_agent *ag = &m->ag->a[a];
	int k = HIST + d;
	if (!wfm_agents_available(m->ag, a, m->first + d) || !fits(ag, s))
		return 0;
	for (int j = k - 2; j < k && j < HIST; j++)
		if (j >= 0 && m->hs[a * HIST + (size_t)j] >= 0 && wfm_shift_abs(s, k, 0) - m->he[a * HIST + (size_t)j] < m->rest)
			return 0;
	return 1;
}

/* The class key of agent a into c (elig allocated by the caller). */
static void agent_key(const struct model *m, size_t a, struct cls *c)
{
	const struct wfm_agent *ag = &m->ag->a[a];
	int cap = (int)lround((ag->contract_h + m->o->tol_week_h) * 60), hd = 0, hpaid = 0, run = 0, work;
	int mon = -wfm_time_weekday(m->first);
	const int *hs = m->hs + a * HIST;
	for (int d = 0; d < m->ndays; d++)
		for (int t = m->off[d]; t < m->off[d] + m->cnt[d]; t++)
			c->elig[t] = (unsigned char)elig(m, a, d, m->ty[t]);
	for (int j = mon; j < 0; j++)
		if (hs[HIST + j] >= 0) {
			hd++;
			hpaid += m->hp[a * HIST + (size_t)(HIST + j)];
		}
	while (run < HIST && hs[HIST - 1 - run] >= 0)
		run++;
	c->rep = a;
	c->hrun = run;
	c->days0 = m->o->max_days_week - hd > 0 ? m->o->max_days_week - hd : 0;
	c->units0 = cap - hpaid > 0 ? (cap - hpaid) / m->g : 0;
	c->units = cap > 0 ? cap / m->g : 0;
	/* Longest run possible: the history's, then every day the weekly
	 * day limits leave (the first week's, then 7-day weeks'). */
	{
		int w0 = 0, d = 0;
		for (; d < m->ndays && m->week0[d]; d++)
			w0++;
		work = w0 < c->days0 ? w0 : c->days0;
		for (int left = m->ndays - d, wk; left > 0; left -= wk) {
			wk = left < 7 ? left : 7;
			work += wk < m->o->max_days_week ? wk : m->o->max_days_week;
		}
	}
	c->track = run + work > m->o->max_consecutive;
}

static int same_class(const struct model *m, const struct cls *a, const struct cls *b)
{
	return a->hrun == b->hrun && a->days0 == b->days0 && a->units0 == b->units0 && a->units == b->units &&
	       a->track == b->track && !memcmp(a->elig, b->elig, (size_t)m->ntype);
}

static int classes(struct model *m)
{
	struct cls key = { 0 };
	if (!(m->cls = calloc(m->n + 1, sizeof(*m->cls))) || !(m->cls_of = malloc((m->n + 1) * sizeof(size_t))))
		return -1;
	for (size_t a = 0; a < m->n; a++) {
		size_t c;
		if (!key.elig && !(key.elig = malloc((size_t)m->ntype + 1)))
			return -1;
		agent_key(m, a, &key);
		for (c = 0; c < m->ncls && !same_class(m, &m->cls[c], &key); c++)
			;
		if (c == m->ncls) {
			m->cls[m->ncls++] = key;
			key.elig = NULL;
		}
		m->cls[c].n++;
		m->cls_of[a] = c;
	}
	free(key.elig);
	return 0;
}

/* 1 when pattern p (type per day, -1 none) keeps every rule for class c:
 * an independent check of what the dynamic program builds. */
static int pattern_ok(const struct model *m, const struct cls *c, const int *p)
{
	int run = c->hrun, days = 0, units = 0, pe = INT_MIN;   /* no shift the day before */
	for (int d = 0; d < m->ndays; d++) {
		int t = p[d], dk = m->week0[d] ? c->days0 : m->o->max_days_week;
		int du = m->week0[d] ? c->units0 : c->units;
		if (m->monday[d])
			days = units = 0;
		if (t < 0) {
			run = 0;
			pe = INT_MIN;
			continue;
		}
		if (t < m->off[d] || t >= m->off[d] + m->cnt[d] || !c->elig[t])
			return 0;
		if (pe != INT_MIN && 1440 + wfm_shift_at(m->ty[t], 0) - pe < m->rest)
			return 0;
		if (++run > m->o->max_consecutive || ++days > dk || (units += m->units[t]) > du)
			return 0;
		pe = wfm_shift_at(m->ty[t], 1);
	}
	return 1;
}

/* Add pattern p of class c unless it is there; returns its index or -1. */
static long add_pattern(struct model *m, size_t c, const int *p)
{
	size_t nd = (size_t)m->ndays;
	double v = 0;
	for (size_t q = 0; q < m->npat; q++)
		if (m->pcls[q] == (int)c && !memcmp(m->pty + q * nd, p, nd * sizeof(int)))
			return (long)q;
	if (m->npat == m->pcap) {
		size_t cap = m->pcap ? 2 * m->pcap : 256;
		int *a = realloc(m->pcls, cap * sizeof(int)), *b;
		double *v2;
		unsigned char *u;
		if (a)
			m->pcls = a;
		b = a ? realloc(m->pty, cap * nd * sizeof(int)) : NULL;
		if (b)
			m->pty = b;
		v2 = b ? realloc(m->pval, cap * sizeof(double)) : NULL;
		if (v2)
			m->pval = v2;
		a = v2 ? realloc(m->page, cap * sizeof(int)) : NULL;
		if (a)
			m->page = a;
		u = a ? realloc(m->pact, cap) : NULL;
		if (!u)
			return -1;
		m->pact = u;
		m->pcap = cap;
	}
	for (size_t d = 0; d < nd; d++)
		if (p[d] >= 0)
			v += m->paid_h[p[d]];
	m->pcls[m->npat] = (int)c;
	memcpy(m->pty + m->npat * nd, p, nd * sizeof(int));
	m->pval[m->npat] = v;
	m->page[m->npat] = 0;
	m->pact[m->npat] = 1;
	return (long)m->npat++;
}

/* Workspace of the dynamic program. */
struct dp {
	size_t S;                /* states per day (the largest class) */
	double *cur, *nxt;
	int *bs, *bt;            /* per day x state: previous state, type (-1 off) */
};

#define IDX(e, r, k, u) ((((size_t)(e) * (size_t)(R + 1) + (size_t)(r)) * (size_t)(K + 1) + (size_t)(k)) * (size_t)(U + 1) + (size_t)(u))

static void relax(struct dp *w, size_t base, size_t to, double v, size_t from, int t)
{
	if (v > w->nxt[to]) {
		w->nxt[to] = v;
		w->bs[base + to] = (int)from;
		w->bt[base + to] = t;
	}
}

/* One day of the dynamic program for class c with reduced weights rw. */
static void dp_day(const struct model *m, const struct cls *c, struct dp *w, int d, const double *rw)
{
	int R = c->track ? m->o->max_consecutive : 0, K = m->o->max_days_week, U = c->units;
	int dk = m->week0[d] ? c->days0 : K, du = m->week0[d] ? c->units0 : U;
	size_t S = IDX(m->emax, 0, 0, 0), base = (size_t)d * w->S;
	for (size_t s = 0; s < S; s++)
		w->nxt[s] = -HUGE_VAL;
	for (size_t s = 0; s < S; s++) {
		size_t q = s;
		int u, k, r, e;
		if (w->cur[s] == -HUGE_VAL)
			continue;
		u = (int)(q % (size_t)(U + 1)), q /= (size_t)(U + 1);
		k = (int)(q % (size_t)(K + 1)), q /= (size_t)(K + 1);
		r = (int)(q % (size_t)(R + 1)), e = (int)(q / (size_t)(R + 1));
		if (m->monday[d])
			k = u = 0;
		relax(w, base, IDX(0, 0, k, u), w->cur[s], s, -1);
		if (k + 1 > dk || (c->track && r + 1 > m->o->max_consecutive))
			continue;
		for (int t = m->off[d]; t < m->off[d] + m->cnt[d]; t++) {
			if (!c->elig[t] || u + m->units[t] > du)
				continue;
			if (e > 0 && 1440 + wfm_shift_at(m->ty[t], 0) - m->ends[m->eoff[d - 1] + e - 1] < m->rest)
				continue;
			relax(w, base, IDX(m->eidx[t], c->track ? r + 1 : 0, k + 1, u + m->units[t]),
			      w->cur[s] + rw[t], s, t);
		}
	}
}

/* The dynamic program for class c over the whole window; returns the
 * number of end states (w->cur holds their values). */
static size_t dp_run(const struct model *m, const struct cls *k, struct dp *w, const double *rw)
{
	int R = k->track ? m->o->max_consecutive : 0, K = m->o->max_days_week, U = k->units;
	size_t S = IDX(m->emax, 0, 0, 0);
	for (size_t s = 0; s < S; s++)
		w->cur[s] = -HUGE_VAL;
	w->cur[IDX(0, k->track ? (k->hrun < R ? k->hrun : R) : 0, 0, 0)] = 0;
	for (int d = 0; d < m->ndays; d++) {
		double *x;
		dp_day(m, k, w, d, rw);
		x = w->cur, w->cur = w->nxt, w->nxt = x;
	}
	return S;
}

/* The week that ends in state s. */
static void dp_path(const struct model *m, const struct dp *w, size_t s, int *p)
{
	for (int d = m->ndays - 1; d >= 0; d--) {
		p[d] = w->bt[(size_t)d * w->S + s];
		s = (size_t)w->bs[(size_t)d * w->S + s];
	}
}

/* Price class c: the best patterns (up to PER_CLASS, reduced value above
 * mu + EPS) go to the pool.  Returns the best value of any pattern (>= 0:
 * the empty week), or -1 on no memory; *added counts new patterns. */
static double price(struct model *m, size_t c, struct dp *w, const double *rw, double mu, int *added)
{
	const struct cls *k = &m->cls[c];
	size_t S = dp_run(m, k, w, rw), top[PER_CLASS];
	int ntop = 0, *p = malloc(((size_t)m->ndays + 1) * sizeof(int));
	double best;
	if (!p)
		return -1;
	for (size_t s = 0; s < S; s++) {   /* the best end states, first found first */
		int i = ntop < PER_CLASS ? ntop : PER_CLASS - 1;
		if (w->cur[s] <= mu + EPS || (ntop == PER_CLASS && w->cur[s] <= w->cur[top[i]]))
			continue;
		for (; i > 0 && w->cur[s] > w->cur[top[i - 1]]; i--)
			top[i] = top[i - 1];
		top[i] = s;
		ntop += ntop < PER_CLASS;
	}
	best = 0;
	for (size_t s = 0; s < S; s++)
		if (w->cur[s] > best)
			best = w->cur[s];
	for (int i = 0; i < ntop; i++) {
		dp_path(m, w, top[i], p);
		if (pattern_ok(m, k, p)) {
			size_t before = m->npat;
			long q = add_pattern(m, c, p);
			if (q < 0) {
				free(p);
				return -1;
			}
			if (m->npat > before || !m->pact[q]) {
				m->pact[q] = 1;
				m->page[q] = 0;
				++*added;
			}
		}
	}
	free(p);
	return best;
}

static int dp_alloc(const struct model *m, struct dp *w)
{
	w->S = 1;
	for (size_t c = 0; c < m->ncls; c++) {
		int R = m->cls[c].track ? m->o->max_consecutive : 0, K = m->o->max_days_week, U = m->cls[c].units;
		size_t S = IDX(m->emax, 0, 0, 0);
		if (S > w->S)
			w->S = S;
	}
	w->cur = malloc(w->S * sizeof(double));
	w->nxt = malloc(w->S * sizeof(double));
	w->bs = malloc(w->S * (size_t)m->ndays * sizeof(int));
	w->bt = malloc(w->S * (size_t)m->ndays * sizeof(int));
	return w->cur && w->nxt && w->bs && w->bt ? 0 : -1;
}

static void dp_free(struct dp *w)
{
	WFM_FREE(w->cur, w->nxt, w->bs, w->bt);
}

static double time_left(const struct model *m)
{
	return m->limit_s - (wfm_mip_clock() - m->t0);
}

/* The LP dual of the restricted master: min sum cnt_t pi_t + sum n_c mu_c
 * with pi.a_p + mu_c >= value_p for every pattern p, pi, mu >= 0.  Fills
 * y (ntype + ncls) and *obj; 1 when the LP was not solved (a limit). */
static int solve_dual(struct model *m, double *y, double *obj, wfm_error *err)
{
	int nv = m->ntype + (int)m->ncls, rc = -1;
	size_t *cnt = calloc((size_t)nv + 1, sizeof(size_t)), *beg = calloc((size_t)nv + 2, sizeof(size_t)), nnz = 0;
	int *idx = malloc((m->npat * (size_t)(m->ndays + 1) + 1) * sizeof(int)), *row = malloc((m->npat + 1) * sizeof(int));
	double *val = malloc((m->npat + 1) * sizeof(double));
	wfm_mip *mip = wfm_mip_alloc(err);
	struct wfm_mip_result r;
	if (!cnt || !beg || !idx || !row || !val || !mip) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	for (size_t p = 0; p < m->npat; p++) {   /* rows; the empty weeks are mu >= 0 */
		const int *pt = m->pty + p * (size_t)m->ndays;
		row[p] = m->pval[p] > 0 && m->pact[p] ? wfm_mip_add_row(mip, m->pval[p], -1) : -1;
		if (row[p] < 0)
			continue;
		for (int d = 0; d < m->ndays; d++)
			if (pt[d] >= 0)
				cnt[pt[d]]++;
		cnt[(size_t)m->ntype + (size_t)m->pcls[p]]++;
	}
	for (int v = 0; v < nv; v++)
		beg[v + 1] = beg[v] + cnt[v], cnt[v] = 0;
	for (size_t p = 0; p < m->npat; p++) {
		if (row[p] < 0)
			continue;
		for (int d = 0; d < m->ndays; d++) {
			int t = m->pty[p * (size_t)m->ndays + (size_t)d];
			if (t >= 0)
				idx[beg[t] + cnt[t]++] = row[p];
		}
		size_t v = (size_t)m->ntype + (size_t)m->pcls[p];
		idx[beg[v] + cnt[v]++] = row[p];
	}
	for (size_t k = 0; k <= m->npat; k++)
		val[k] = 1;
	wfm_mip_continuous_from(mip, 0);
	for (int v = 0; v < nv; v++) {
		double cost = v < m->ntype ? m->cap[v] : m->head[v - m->ntype];
		nnz = beg[v + 1] - beg[v];
		if (wfm_mip_add_col(mip, cost, 0, -1, nnz, idx + beg[v], val, err) < 0)
			goto out;
	}
	{
		struct wfm_mip_params mp = { time_left(m), 1e-9, NULL, NULL };
		if (wfm_mip_solve(mip, &mp, y, &r, err))
			goto out;
	}
	m->its += r.iterations;
	m->time_hit |= r.time_hit;
	*obj = r.objective;
	rc = r.objective == HUGE_VAL || !r.lp_solved;
out:
	wfm_mip_free(mip);
	WFM_FREE(cnt, beg, idx, row, val);
	return rc;
}

/* Patterns not tight for AGE_MAX rounds leave the LPs; those of the pool
 * that price out come back.  Returns how many came back. */
static int age(struct model *m, const double *y)
{
	int back = 0;
	for (size_t p = 0; p < m->npat; p++) {
		double rc = m->pval[p] - y[(size_t)m->ntype + (size_t)m->pcls[p]];
		if (m->head[m->pcls[p]] <= 0 || m->pval[p] <= 0)
			continue;   /* the empty week stays: the master is always feasible */
		for (int d = 0; d < m->ndays; d++)
			if (m->pty[p * (size_t)m->ndays + (size_t)d] >= 0)
				rc -= y[m->pty[p * (size_t)m->ndays + (size_t)d]];
		if (m->pact[p] && rc >= -1e-6)
			m->page[p] = 0;
		else if (m->pact[p] && ++m->page[p] > AGE_MAX)
			m->pact[p] = 0;
		else if (!m->pact[p] && rc > EPS) {
			m->pact[p] = 1;
			m->page[p] = 0;
			back++;
		}
	}
	return back;
}

/* Column generation: up to maxr rounds of the restricted dual LP and the
 * pricing of every class with agents left.  *bound (may be NULL): the
 * least Lagrangian value met (hours), an upper bound on the filled hours
 * of any roster whatever the duals; it stops when no pattern prices out
 * or the Lagrangian value is within stop of the LP's.  *rounds,
 * *converged: what it did. */
static int generate(struct model *m, int maxr, double stop, double *bound, int *rounds, int *converged,
		    double *lp, wfm_error *err)
{
	size_t nv = (size_t)m->ntype + m->ncls;
	double *y = calloc(nv + 1, sizeof(double)), *rw = malloc(((size_t)m->ntype + 1) * sizeof(double));
	struct dp w = { 0 };
	int rc = -1;
	*converged = 0;
	if (!y || !rw || dp_alloc(m, &w)) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	for (int round = 0; round < maxr; round++) {
		double obj, lag = 0;
		int added = 0, st;
		if (time_left(m) <= 0) {
			m->time_hit = 1;
			break;
		}
		if ((st = solve_dual(m, y, &obj, err)) < 0)
			goto out;
		++*rounds;
		if (st)
			break;
		*lp = obj;
		for (int t = 0; t < m->ntype; t++) {
			rw[t] = m->paid_h[t] - y[t];
			lag += m->cap[t] * y[t];
		}
		added = age(m, y);
		for (size_t c = 0; c < m->ncls; c++) {
			double z = m->head[c] > 0 ? price(m, c, &w, rw, y[(size_t)m->ntype + c], &added) : 0;
			if (z < 0) {
				wfm_error_set(err, "out of memory");
				goto out;
			}
			lag += m->head[c] * z;
		}
		if (bound && lag < *bound)
			*bound = lag;
		if (!added || lag - obj < stop) {
			*converged = 1;
			break;
		}
	}
	rc = 0;
out:
	dp_free(&w);
	WFM_FREE(y, rw);
	return rc;
}

/* The heuristic's week of each agent as a type per day (hp, -1 none).
 * 0 when every row is a plan type and every week keeps the rules. */
static int heur_patterns(const struct model *m, const wfm_roster_result *heur, int *hp)
{
	size_t nd = (size_t)m->ndays;
	for (size_t i = 0; i < m->n * nd; i++)
		hp[i] = -1;
	for (size_t i = 0; i < heur->n; i++) {
		const struct wfm_shift *r = &heur->rows[i];
		long a = wfm_agents_find(m->ag, r->agent);
		int64_t d = r->day - m->first;
		int t;
		if (a < 0 || d < 0 || d >= m->ndays || hp[(size_t)a * nd + (size_t)d] >= 0)
			return -1;
		for (t = m->off[d]; t < m->off[d] + m->cnt[d]; t++) {
			const struct wfm_shift *s = m->ty[t];
			if (s->start == r->start && s->end == r->end && s->bstart == r->bstart && s->bend == r->bend &&
			    !strcmp(s->name, r->name) && (!s->group || !r->group || !strcmp(s->group, r->group)))
				break;
		}
		if (t == m->off[d] + m->cnt[d])
			return -1;
		hp[(size_t)a * nd + (size_t)d] = t;
	}
	for (size_t a = 0; a < m->n; a++)
		if (!pattern_ok(m, &m->cls[m->cls_of[a]], hp + a * nd))
			return -1;
	return 0;
}

struct inc {
	const struct model *m;
	const long *cnt;         /* per pattern: the heuristic's agents on it */
};

/* lib/mip.c heuristic: the heuristic's roster, whatever the LP point. */
static int incumbent(const double *xlp, double *x, void *arg)
{
	const struct inc *h = arg;
	const struct model *m = h->m;
	(void)xlp;
	for (int t = 0; t < m->ntype; t++)
		x[m->npat + (size_t)t] = m->cap[t];
	for (size_t p = 0; p < m->npat; p++) {
		x[p] = (double)h->cnt[p];
		for (int d = 0; d < m->ndays; d++) {
			int t = m->pty[p * (size_t)m->ndays + (size_t)d];
			if (t >= 0)
				x[m->npat + (size_t)t] -= (double)h->cnt[p];
		}
	}
	return 0;
}

/* The integer master over the patterns: rows type t (filled + unfilled =
 * count), class c (patterns = head count); columns the patterns, then the
 * unfilled count per type costing its paid hours. */
static int solve_master(struct model *m, int integer, const long *hc, double *x, struct wfm_mip_result *r,
			wfm_error *err)
{
	wfm_mip *mip = wfm_mip_alloc(err);
	int idx[64], rc = -1;
	double one[64], *xc = malloc((m->npat + (size_t)m->ntype + 1) * sizeof(double));
	size_t *col = malloc((m->npat + 1) * sizeof(size_t)), nc = 0;
	struct inc h = { m, hc };
	if (!mip || !xc || !col) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	for (int k = 0; k < 64; k++)
		one[k] = 1;
	for (int t = 0; t < m->ntype; t++)
		wfm_mip_add_row(mip, m->cap[t], m->cap[t]);
	for (size_t c = 0; c < m->ncls; c++)
		wfm_mip_add_row(mip, m->head[c], m->head[c]);
	for (size_t p = 0; p < m->npat; p++) {
		int k = 0;
		if (!integer && !m->pact[p])
			continue;
		col[nc++] = p;
		for (int d = 0; d < m->ndays && k < 63; d++)
			if (m->pty[p * (size_t)m->ndays + (size_t)d] >= 0)
				idx[k++] = m->pty[p * (size_t)m->ndays + (size_t)d];
		idx[k++] = m->ntype + m->pcls[p];
		if (wfm_mip_add_col(mip, 0, 0, m->head[m->pcls[p]], (size_t)k, idx, one, err) < 0)
			goto out;
	}
	wfm_mip_continuous_from(mip, integer ? nc : 0);
	if (integer)
		wfm_mip_work_limit(mip, MASTER_WORK);
	for (int t = 0; t < m->ntype; t++)
		if (wfm_mip_add_col(mip, m->paid_h[t], 0, m->cap[t], 1, &t, one, err) < 0)
			goto out;
	{
		struct wfm_mip_params mp = { time_left(m) > 0.1 ? time_left(m) : 0.1, 1e-9, hc ? incumbent : NULL, &h };
		rc = wfm_mip_solve(mip, &mp, xc, r, err);
	}
	for (size_t p = 0; p < m->npat; p++)
		x[p] = 0;
	for (size_t q = 0; q < nc; q++)
		x[col[q]] = xc[q];
	m->its += r->iterations;
	m->time_hit |= r->time_hit;
out:
	wfm_mip_free(mip);
	WFM_FREE(xc, col);
	return rc;
}

/* Named agents from pattern counts y: each class's agents in staff order
 * take its patterns in pool order.  Fills out->roster and *filled_h. */
static int disaggregate(const struct model *m, const double *y, struct wfm_rostermip_result *out, double *filled_h)
{
	size_t nd = (size_t)m->ndays, np = 0;
	long *left = malloc((m->npat + 1) * sizeof(long));
	size_t *cur = calloc(m->ncls + 1, sizeof(size_t));
	struct wfm_roster_pick *pr = malloc((m->n * nd + 1) * sizeof(*pr));
	int rc = -1;
	*filled_h = 0;
	if (!left || !cur || !pr || !(out->roster = malloc((m->n * nd + 1) * sizeof(struct wfm_shift))))
		goto out;
	for (size_t p = 0; p < m->npat; p++)
		left[p] = lround(y[p]);
	for (size_t a = 0; a < m->n; a++) {
		size_t c = m->cls_of[a], p = cur[c];
		while (p < m->npat && ((size_t)m->pcls[p] != c || left[p] <= 0))
			p++;
		if (p == m->npat)
			goto out;
		left[p]--;
		cur[c] = p;
		for (size_t d = 0; d < nd; d++) {
			int t = m->pty[p * nd + d];
			if (t >= 0)
				pr[np++] = (struct wfm_roster_pick){ m->ty[t]->day, m->ty[t]->start, m->ty[t]->end, a, t, m->ty[t] };
		}
	}
	wfm_roster_name_rows(pr, np, m->ag, out->roster);
	for (size_t i = 0; i < np; i++)
		*filled_h += m->paid_h[pr[i].t];
	out->n = np;
	rc = 0;
out:
	WFM_FREE(left, cur, pr);
	return rc;
}

static void model_free(struct model *m)
{
	for (size_t c = 0; m->cls && c < m->ncls; c++)
		free(m->cls[c].elig);
	WFM_FREE(m->ty, m->off, m->cnt, m->units, m->eidx, m->paid_h, m->ends, m->eoff, m->week0, m->monday,
		 m->hs, m->he, m->hp, m->cls, m->cls_of, m->pcls, m->pty, m->pval, m->page, m->pact, m->cap,
		 m->head);
}

static int model_alloc(struct model *m, const wfm_plan *plan)
{
	size_t nt = plan->n + 1, nd = (size_t)m->ndays + 1, nh = m->n * HIST + 1;
	int **ints[] = { &m->units, &m->eidx, &m->ends, &m->off, &m->cnt, &m->eoff, &m->week0, &m->monday,
			 &m->hs, &m->he, &m->hp };
	size_t len[] = { nt, nt, nt, nd, nd, nd, nd, nd, nh, nh, nh };   /* per type, day, agent x HIST */
	int ok = (m->ty = malloc(nt * sizeof(*m->ty))) && (m->paid_h = malloc(nt * sizeof(double)));
	for (size_t i = 0; ok && i < sizeof(len) / sizeof(*len); i++)
		ok = (*ints[i] = calloc(len[i], sizeof(int))) != NULL;
	return ok ? 0 : -1;
}

/* Build the classes and the first patterns (each class's empty week, the
 * heuristic's weeks); hidx[a]: agent a's heuristic pattern.  1 when the
 * heuristic's roster keeps the model's rules, 0 when not, -1 on error. */
static int setup(struct model *m, const wfm_plan *plan, const wfm_plan *prev, const wfm_roster_result *heur,
		 long *hidx, wfm_error *err)
{
	int *p = NULL, ok;
	if (model_alloc(m, plan))
		return wfm_error_set(err, "out of memory");
	history(m, prev);
	if (types(m, plan, err))
		return -1;
	if (classes(m) || !(p = malloc((m->n * (size_t)m->ndays + 1) * sizeof(int))))
		return wfm_error_set(err, "out of memory");
	for (int d = 0; d < m->ndays; d++)
		p[d] = -1;
	for (size_t c = 0; c < m->ncls; c++)
		if (add_pattern(m, c, p) < 0)
			goto oom;
	ok = heur_patterns(m, heur, p) == 0;
	for (size_t a = 0; ok && a < m->n; a++)
		if ((hidx[a] = add_pattern(m, m->cls_of[a], p + a * (size_t)m->ndays)) < 0)
			goto oom;
	free(p);
	return ok;
oom:
	free(p);
	return wfm_error_set(err, "out of memory");
}

/* 1 when one more agent on pattern p keeps within what is left. */
static int fits_left(const struct model *m, size_t p)
{
	if (m->head[m->pcls[p]] < 1 - 1e-9)
		return 0;
	for (int d = 0; d < m->ndays; d++)
		if (m->pty[p * (size_t)m->ndays + (size_t)d] >= 0 && m->cap[m->pty[p * (size_t)m->ndays + (size_t)d]] < 1 - 1e-9)
			return 0;
	return 1;
}

/* k agents more on pattern p. */
static void take(struct model *m, size_t p, long k, long *fix)
{
	fix[p] += k;
	m->head[m->pcls[p]] -= (double)k;
	for (int d = 0; d < m->ndays; d++)
		if (m->pty[p * (size_t)m->ndays + (size_t)d] >= 0)
			m->cap[m->pty[p * (size_t)m->ndays + (size_t)d]] -= (double)k;
}

/* Dive: solve the restricted master LP of what is left (its columns
 * generated afresh), give every pattern its integer part, or when none
 * reaches 1 the largest one agent; until every agent has a week.  *fixp
 * receives the counts per pattern.  0, or 1 when a limit stopped it, or
 * -1 and an error. */
static int dive(struct model *m, long **fixp, size_t *fcap, int *rounds, wfm_error *err)
{
	long *fix = NULL;
	double *x = NULL;
	size_t have = 0;
	int rc = 1;
	for (size_t step = 0; step <= m->n; step++) {
		double lp, left = 0, bf = 0;
		int conv, fixed = 0;
		size_t best = SIZE_MAX;
		struct wfm_mip_result r;
		for (size_t c = 0; c < m->ncls; c++)
			left += m->head[c];
		if (left < 0.5) {
			rc = 0;
			break;
		}
		if (time_left(m) <= 0 || generate(m, DIVE_ROUNDS, m->g / 60.0, NULL, rounds, &conv, &lp, err))
			break;
		if (have < m->npat) {
			long *f = realloc(fix, (m->npat + 1) * sizeof(long));
			double *y = realloc(x, (m->npat + (size_t)m->ntype + 1) * sizeof(double));
			if (f)
				fix = f;
			if (y)
				x = y;
			if (!f || !y) {
				rc = wfm_error_set(err, "out of memory");
				break;
			}
			memset(fix + have, 0, (m->npat - have) * sizeof(long));
			have = m->npat;
		}
		if (solve_master(m, 0, NULL, x, &r, err) || r.objective == HUGE_VAL)
			break;
		for (size_t p = 0; p < m->npat; p++)
			if (x[p] >= 1 - 1e-6) {
				take(m, p, (long)floor(x[p] + 1e-6), fix);
				x[p] -= floor(x[p] + 1e-6);
				fixed = 1;
			}
		for (size_t p = 0; p < m->npat; p++)
			if (x[p] > bf + 1e-9) {
				bf = x[p];
				best = p;
			}
		if (best == SIZE_MAX)
			continue;
		if (!fixed || bf >= ROUND_UP)
			take(m, best, 1, fix);
		for (size_t p = 0; p < m->npat; p++)   /* the other near-integers that still fit */
			if (p != best && x[p] >= ROUND_UP && fits_left(m, p))
				take(m, p, 1, fix);
	}
	*fixp = fix;
	*fcap = have;
	free(x);
	return rc;
}

/* y (counts per pattern, *ycap entries) covers the pool again. */
static int grow_counts(const struct model *m, long **y, size_t *ycap)
{
	long *z;
	if (m->npat <= *ycap)
		return 0;
	if (!(z = realloc(*y, m->pcap * sizeof(long))))
		return -1;
	memset(z + *ycap, 0, (m->pcap - *ycap) * sizeof(long));
	*y = z;
	*ycap = m->pcap;
	return 0;
}

/* Agent by agent, its week becomes the best week for it in the room the
 * others leave (when that fills more paid hours), until a pass changes
 * nothing (at most IMPROVE_PASSES).  y: counts per pattern.  0 or -1. */
static int improve(struct model *m, long **y, size_t *ycap)
{
	double *used = calloc((size_t)m->ntype + 1, sizeof(double)), *rw = malloc(((size_t)m->ntype + 1) * sizeof(double));
	int *p = malloc(((size_t)m->ndays + 1) * sizeof(int)), rc = -1;
	size_t nd = (size_t)m->ndays;
	struct dp w = { 0 };
	if (!used || !rw || !p || dp_alloc(m, &w) || grow_counts(m, y, ycap))
		goto out;
	for (size_t q = 0; q < m->npat; q++)
		for (size_t d = 0; d < nd; d++)
			if (m->pty[q * nd + d] >= 0)
				used[m->pty[q * nd + d]] += (double)(*y)[q];
	for (int pass = 0, better = 1; better && pass < IMPROVE_PASSES; pass++) {
		better = 0;
		for (size_t q = 0; q < m->npat; q++)
			while ((*y)[q] > 0) {
				size_t c = (size_t)m->pcls[q], best = 0, S;
				long r;
				for (size_t d = 0; d < nd; d++)
					if (m->pty[q * nd + d] >= 0)
						used[m->pty[q * nd + d]] -= 1;
				for (int t = 0; t < m->ntype; t++)
					rw[t] = used[t] < m->cap[t] - 0.5 ? m->paid_h[t] : -HUGE_VAL;
				S = dp_run(m, &m->cls[c], &w, rw);
				for (size_t s = 1; s < S; s++)
					if (w.cur[s] > w.cur[best])
						best = s;
				dp_path(m, &w, best, p);
				r = w.cur[best] > m->pval[q] + 1e-9 && pattern_ok(m, &m->cls[c], p) ? add_pattern(m, c, p) : (long)q;
				if (r < 0 || grow_counts(m, y, ycap))
					goto out;
				(*y)[q]--;
				(*y)[r]++;
				for (size_t d = 0; d < nd; d++)
					if (m->pty[(size_t)r * nd + d] >= 0)
						used[m->pty[(size_t)r * nd + d]] += 1;
				if ((size_t)r == q)
					break;
				better = 1;
			}
	}
	rc = 0;
out:
	dp_free(&w);
	WFM_FREE(used, rw, p);
	return rc;
}

/* The dive, then the integer master from the better of the dive's and the
 * heuristic's rosters unless that already meets the bound; the agents
 * named.  hc: the heuristic's counts per pattern (NULL: not a roster of
 * the model). */
static int finish(struct model *m, long *hc, long bu, struct wfm_rostermip_result *out, wfm_error *err)
{
	double *x = NULL, vh = -1, vd = -1, filled, *cap0 = NULL, *head0 = NULL;
	long *fix = NULL, *inc;
	struct wfm_mip_result r;
	int rc = -1, st;
	size_t nt = (size_t)m->ntype, nc = m->ncls, fcap = 0, hcap = out->cols;
	if (!(cap0 = malloc((nt + 1) * sizeof(double))) || !(head0 = malloc((nc + 1) * sizeof(double))))
		goto oom;
	memcpy(cap0, m->cap, nt * sizeof(double));
	memcpy(head0, m->head, nc * sizeof(double));
	if ((st = dive(m, &fix, &fcap, &out->rounds, err)) < 0)
		goto out;
	memcpy(m->cap, cap0, nt * sizeof(double));
	memcpy(m->head, head0, nc * sizeof(double));
	if ((st == 0 && improve(m, &fix, &fcap)) || (hc && improve(m, &hc, &hcap)) ||
	    (st == 0 && grow_counts(m, &fix, &fcap)) || (hc && grow_counts(m, &hc, &hcap)) ||
	    !(x = calloc(m->npat + nt + 1, sizeof(double))))
		goto oom;
	vh = hc ? 0 : -1;
	vd = st == 0 ? 0 : -1;
	for (size_t p = 0; p < m->npat; p++) {
		vh += hc ? (double)hc[p] * m->pval[p] : 0;
		vd += st == 0 ? (double)fix[p] * m->pval[p] : 0;
	}
	inc = vd > vh ? fix : hc;
	if (inc && lround((vd > vh ? vd : vh) * 60 / m->g) >= bu) {
		for (size_t p = 0; p < m->npat; p++)
			x[p] = (double)inc[p];
	} else {
		if (solve_master(m, 1, inc, x, &r, err))
			goto out;
		if (r.objective == HUGE_VAL) {
			rc = 0;
			goto out;
		}
	}
	if (disaggregate(m, x, out, &filled)) {
		wfm_error_set(err, "roster model: patterns do not cover the classes");
		goto out;
	}
	out->best_h = filled;
	rc = 0;
	goto out;
oom:
	wfm_error_set(err, "out of memory");
out:
	WFM_FREE(x, fix, cap0, head0, hc);
	return rc;
}

int wfm_rostermip_solve(const wfm_plan *plan, const wfm_agents *ag, const wfm_plan *prev,
			const wfm_roster_result *heur, const struct wfm_roster_opts *o,
			double time_limit_s, struct wfm_rostermip_result *out, wfm_error *err)
{
	struct model m = { 0 };
	long *hidx = calloc(ag->n + 1, sizeof(long)), *hc = NULL;
	double bound = 0, planned = 0;
	int hok, rc = -1;
	long bu, be;

	memset(out, 0, sizeof(*out));
	m.ag = ag;
	m.o = o;
	m.n = ag->n;
	m.ndays = heur->ndays;
	m.first = heur->first_day;
	m.rest = (int)lround(o->min_rest_h * 60);
	m.t0 = wfm_mip_clock();
	m.limit_s = time_limit_s;
	if (!hidx) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	if ((hok = setup(&m, plan, prev, heur, hidx, err)) < 0)
		goto out;
	if (!(m.cap = malloc(((size_t)m.ntype + 1) * sizeof(double))) ||
	    !(m.head = malloc((m.ncls + 1) * sizeof(double))) || (hok && !(hc = calloc(m.npat + 1, sizeof(long))))) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	for (int t = 0; t < m.ntype; t++) {
		m.cap[t] = (double)m.ty[t]->count;
		planned += m.cap[t] * m.paid_h[t];
	}
	for (size_t c = 0; c < m.ncls; c++)
		m.head[c] = (double)m.cls[c].n;
	for (size_t a = 0; hok && a < m.n; a++)
		hc[hidx[a]]++;
	bound = planned;
	out->cols = m.npat;   /* finish() knows the heuristic's patterns come first */
	if (generate(&m, MAX_ROUNDS, 1e-9, &bound, &out->rounds, &out->converged, &out->lp_h, err))
		goto out;
	bu = (long)floor(bound * 60 / m.g + 1e-6);
	rc = finish(&m, hc, bu, out, err);
	hc = NULL;
	if (rc)
		goto out;
	for (size_t i = 0; i < heur->n; i++)
		out->heuristic_h += wfm_shift_paid(&heur->rows[i]) / 60.0;
	be = lround(out->best_h * 60 / m.g);
	out->bound_h = bu * m.g / 60.0 < planned ? bu * m.g / 60.0 : planned;
	out->status = be >= bu ? WFM_MIP_OPTIMAL : WFM_MIP_TIME_LIMIT;
	out->heuristic_feasible = hok;
	out->lp_solved = 1;
	out->cols = m.npat;
	out->rows = (size_t)m.ntype + m.ncls;
	out->classes = m.ncls;
	out->iterations = m.its;
	out->time_hit = m.time_hit;
out:
	out->seconds = wfm_mip_clock() - m.t0;
	WFM_FREE(hidx, hc);
	model_free(&m);
	return rc;
}

void wfm_rostermip_result_free(struct wfm_rostermip_result *r)
{
	if (!r)
		return;
	free(r->roster);
	r->roster = NULL;
	r->n = 0;
}
