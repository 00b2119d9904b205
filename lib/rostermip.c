/* rostermip.c - the roster assignment as an integer program (lib/mip.c),
 * to measure the heuristic of roster.c on small instances (rostermip.h). */
#include "rostermip.h"
#include "mip.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* 1 when agent a holds every skill of the |-separated list p (NULL: no
 * group). */
static int has_skills(const struct wfm_agent *a, const char *p)
{
	while (p && *p) {
		size_t len = strcspn(p, "|"), k;
		for (k = 0; k < a->skills.n; k++)
			if (strlen(a->skills.item[k]) == len && !strncasecmp(a->skills.item[k], p, len))
				break;
		if (len && k == a->skills.n)
			return 0;
		p += len + (p[len] == '|');
	}
	return 1;
}

/* Day-local rules, as in roster.c: skills, length, working window. */
static int fits(const struct wfm_agent *a, const struct wfm_shift *s)
{
	int span = s->end - s->start;
	if (!has_skills(a, s->group && *s->group ? s->group : NULL))
		return 0;
	if (span < (int)lround(a->min_shift_h * 60) || span > (int)lround(a->max_shift_h * 60))
		return 0;
	if (a->earliest == 0 && a->latest == 1440)
		return 1;
	return s->start >= a->earliest && s->end <= a->latest;
}

struct model {
	size_t n;                /* agents */
	int ndays, H;            /* window days, history days before it (7) */
	int64_t first;
	const struct wfm_shift **ty;  /* types, day by day */
	int *off, *cnt;          /* per day */
	int *col;                /* per agent x type: column or -1 */
	int *hs, *he, *hp;       /* history per agent x day (H days): start, end (abs min), paid; hs -1 none */
	size_t ncol;
	int *c_agent, *c_type;   /* per column */
	const wfm_roster_result *heur;
	const wfm_agents *ag;
};

static int heuristic(const double *xlp, double *x, void *arg)
{
	const struct model *m = arg;
	(void)xlp;
	int ntype = m->off[m->ndays];
	memset(x, 0, (m->ncol + (size_t)ntype) * sizeof(double));
	for (int t = 0; t < ntype; t++)
		x[m->ncol + (size_t)t] = (double)m->ty[t]->count;
	for (size_t i = 0; i < m->heur->n; i++) {
		const struct wfm_shift *r = &m->heur->rows[i];
		long a = wfm_agents_find(m->ag, r->agent);
		int d = (int)(r->day - m->first), t;
		if (a < 0 || d < 0 || d >= m->ndays)
			return -1;
		for (t = m->off[d]; t < m->off[d] + m->cnt[d]; t++) {
			const struct wfm_shift *s = m->ty[t];
			int j = m->col[(size_t)a * (size_t)ntype + (size_t)t];
			if (j >= 0 && s->start == r->start && s->end == r->end && s->bstart == r->bstart &&
			    s->bend == r->bend && !strcmp(s->name, r->name) && x[j] < 0.5) {
				x[j] = 1;
				x[m->ncol + (size_t)t] -= 1;
				break;
			}
		}
		if (t == m->off[d] + m->cnt[d])
			return -1;
	}
	return 0;
}

static void history(struct model *m, const wfm_plan *prev)
{
	for (size_t i = 0; prev && i < prev->n; i++) {
		const struct wfm_shift *s = &prev->s[i];
		long a = wfm_agents_find(m->ag, s->agent);
		int64_t k = s->day - (m->first - m->H);
		size_t w;
		if (a < 0 || k < 0 || k >= m->H)
			continue;
		w = (size_t)a * (size_t)m->H + (size_t)k;
		m->hs[w] = (int)k * 1440 + s->start;
		m->he[w] = (int)k * 1440 + s->end;
		m->hp[w] = wfm_shift_paid(s);
	}
}

/* Column for agent a on type t of window day d unless the day-local rules
 * or the history (rest) exclude it. */
static int col_ok(const struct model *m, size_t a, int d, const struct wfm_shift *s,
		  const struct wfm_roster_opts *o)
{
	const struct wfm_agent *ag = &m->ag->a[a];
	int k = m->H + d, rest = (int)lround(o->min_rest_h * 60);
	if (!wfm_agents_available(m->ag, a, m->first + d) || !fits(ag, s))
		return 0;
	for (int j = k - 2; j < k && j < m->H; j++)
		if (j >= 0 && m->hs[a * (size_t)m->H + (size_t)j] >= 0 &&
		    k * 1440 + s->start - m->he[a * (size_t)m->H + (size_t)j] < rest)
			return 0;
	return wfm_shift_paid(s) <= (int)lround((ag->contract_h + o->tol_week_h) * 60);
}

/* Record row r (-1 - r: the paid-minutes coefficient) for column j. */
#define ADD(j, r) do { if (nrows_of[j] >= K) return -1; rows_of[(size_t)(j) * K + (size_t)nrows_of[j]++] = (r); } while (0)

/* The rows; rows_of[j * K ...] receives the rows of column j. */
static int add_rows(struct model *m, wfm_mip *mip, const struct wfm_roster_opts *o, int *rows_of,
		    int *nrows_of, int K)
{
	int ntype = m->off[m->ndays];
	int rest = (int)lround(o->min_rest_h * 60);
	for (int t = 0; t < ntype; t++) {   /* type counts: filled + unfilled = count */
		int r = wfm_mip_add_row(mip, (double)m->ty[t]->count, (double)m->ty[t]->count);
		for (size_t a = 0; a < m->n; a++) {
			int j = m->col[a * (size_t)ntype + (size_t)t];
			if (j >= 0)
				ADD(j, r);
		}
	}
	for (size_t a = 0; a < m->n; a++) {
		const struct wfm_agent *ag = &m->ag->a[a];
		for (int d = 0; d < m->ndays; d++) {   /* one shift a day */
			int r = wfm_mip_add_row(mip, 0, 1);
			for (int t = m->off[d]; t < m->off[d] + m->cnt[d]; t++) {
				int j = m->col[a * (size_t)ntype + (size_t)t];
				if (j >= 0)
					ADD(j, r);
			}
		}
		/* rest to the next day: x[d,t] + sum of the clashing x[d+1,u] <= 1 */
		for (int d = 0; d + 1 < m->ndays; d++)
			for (int t = m->off[d]; t < m->off[d] + m->cnt[d]; t++) {
				int j = m->col[a * (size_t)ntype + (size_t)t], r = -1;
				if (j < 0)
					continue;
				for (int u = m->off[d + 1]; u < m->off[d + 1] + m->cnt[d + 1]; u++) {
					int ju = m->col[a * (size_t)ntype + (size_t)u];
					if (ju < 0 || 1440 + m->ty[u]->start - m->ty[t]->end >= rest)
						continue;
					if (r < 0) {
						r = wfm_mip_add_row(mip, 0, 1);
						ADD(j, r);
					}
					ADD(ju, r);
				}
			}
		/* ISO weeks: days and paid minutes, history included */
		for (int d0 = 0; d0 < m->ndays;) {
			int mon = d0 - wfm_time_weekday(m->first + d0), d1 = mon + 7, hd = 0, hpaid = 0;
			int rd, rp;
			for (int j = mon; j < d0; j++) {
				size_t w = a * (size_t)m->H + (size_t)(m->H + j);
				if (m->H + j >= 0 && m->hs[w] >= 0) {
					hd++;
					hpaid += m->hp[w];
				}
			}
			rd = wfm_mip_add_row(mip, 0, o->max_days_week - hd < 0 ? 0 : o->max_days_week - hd);
			rp = wfm_mip_add_row(mip, 0, fmax(0, lround((ag->contract_h + o->tol_week_h) * 60) - hpaid));
			for (int d = d0; d < d1 && d < m->ndays; d++)
				for (int t = m->off[d]; t < m->off[d] + m->cnt[d]; t++) {
					int j = m->col[a * (size_t)ntype + (size_t)t];
					if (j < 0)
						continue;
					ADD(j, rd);
					ADD(j, -1 - rp);  /* paid coefficient */
				}
			d0 = d1;
		}
		/* consecutive days: every max_consecutive + 1 days ending in the window */
		for (int e = 0; e < m->ndays; e++) {
			int b = e - o->max_consecutive, hd = 0, r;
			if (b < -m->H)
				continue;
			for (int j = b; j < 0; j++)
				hd += m->hs[a * (size_t)m->H + (size_t)(m->H + j)] >= 0;
			if (b < 0 && hd < -b)
				continue;   /* a day off in the history part: no run */
			r = wfm_mip_add_row(mip, 0, o->max_consecutive - hd);
			for (int d = b < 0 ? 0 : b; d <= e; d++)
				for (int t = m->off[d]; t < m->off[d] + m->cnt[d]; t++) {
					int j = m->col[a * (size_t)ntype + (size_t)t];
					if (j < 0)
						continue;
					ADD(j, r);
				}
		}
	}
	return 0;
}

static void model_free(struct model *m)
{
	free(m->ty);
	free(m->off);
	free(m->cnt);
	free(m->col);
	free(m->hs);
	free(m->he);
	free(m->hp);
	free(m->c_agent);
	free(m->c_type);
}

int wfm_rostermip_solve(const wfm_plan *plan, const wfm_agents *ag, const wfm_plan *prev,
			const wfm_roster_result *heur, const struct wfm_roster_opts *o,
			double time_limit_s, struct wfm_rostermip_result *out, wfm_error *err)
{
	struct model m = { 0 };
	wfm_mip *mip = NULL;
	int *rows_of = NULL, *nrows_of = NULL, rc = -1, ntype = 0, K = 12;
	double *x = NULL, *val = NULL, planned_h = 0;
	int *idx = NULL;
	struct wfm_mip_result mr;

	memset(out, 0, sizeof(*out));
	m.n = ag->n;
	m.ndays = heur->ndays;
	m.first = heur->first_day;
	m.H = 7;
	m.ag = ag;
	m.heur = heur;
	m.ty = malloc((plan->n + 1) * sizeof(*m.ty));
	m.off = calloc((size_t)m.ndays + 1, sizeof(int));
	m.cnt = calloc((size_t)m.ndays + 1, sizeof(int));
	m.hs = malloc(m.n * 7 * sizeof(int));
	m.he = malloc(m.n * 7 * sizeof(int));
	m.hp = calloc(m.n * 7, sizeof(int));
	if (!m.ty || !m.off || !m.cnt || !m.hs || !m.he || !m.hp)
		goto oom;
	for (size_t i = 0; i < m.n * 7; i++)
		m.hs[i] = m.he[i] = -1;
	history(&m, prev);
	for (int d = 0; d < m.ndays; d++) {
		m.off[d] = ntype;
		for (size_t i = 0; i < plan->n; i++)
			if (plan->s[i].day == m.first + d && plan->s[i].count > 0)
				m.ty[ntype++] = &plan->s[i];
		m.cnt[d] = ntype - m.off[d];
		if (K < 12 + 2 * m.cnt[d] + o->max_consecutive)
			K = 12 + 2 * m.cnt[d] + o->max_consecutive;
	}
	m.off[m.ndays] = ntype;
	if (!(m.col = malloc((m.n * (size_t)ntype + 1) * sizeof(int))))
		goto oom;
	for (size_t a = 0; a < m.n; a++)
		for (int d = 0; d < m.ndays; d++)
			for (int t = m.off[d]; t < m.off[d] + m.cnt[d]; t++)
				m.col[a * (size_t)ntype + (size_t)t] = col_ok(&m, a, d, m.ty[t], o) ? (int)m.ncol++ : -1;
	rows_of = malloc((m.ncol + 1) * (size_t)K * sizeof(int));
	nrows_of = calloc(m.ncol + 1, sizeof(int));
	idx = malloc((size_t)K * sizeof(int));
	val = malloc((size_t)K * sizeof(double));
	if (!rows_of || !nrows_of || !idx || !val || !(mip = wfm_mip_alloc(err)))
		goto oom;
	if (add_rows(&m, mip, o, rows_of, nrows_of, K)) {
		wfm_error_set(err, "roster model: too many rows per column");
		goto done;
	}
	for (size_t a = 0; a < m.n; a++)
		for (int t = 0; t < ntype; t++) {
			int j = m.col[a * (size_t)ntype + (size_t)t];
			double paid = wfm_shift_paid(m.ty[t]);
			if (j < 0)
				continue;
			for (int k = 0; k < nrows_of[j]; k++) {
				int r = rows_of[(size_t)j * K + (size_t)k];
				idx[k] = r < 0 ? -1 - r : r;
				val[k] = r < 0 ? paid : 1;
			}
			if (wfm_mip_add_col(mip, 0, 0, 1, (size_t)nrows_of[j], idx, val, err) < 0)
				goto done;
		}
	/* Unfilled instances per type, costing their paid hours: the most
	 * filled hours are the fewest unfilled (costs >= 0 suit lib/mip.c's
	 * dual simplex start).  Rows 0 .. ntype-1 are the type rows. */
	wfm_mip_continuous_from(mip, m.ncol);
	for (int t = 0; t < ntype; t++) {
		double one = 1;
		planned_h += m.ty[t]->count * wfm_shift_paid(m.ty[t]) / 60.0;
		if (wfm_mip_add_col(mip, wfm_shift_paid(m.ty[t]) / 60.0, 0, (double)m.ty[t]->count, 1, &t, &one,
				    err) < 0)
			goto done;
	}
	if (!(x = calloc(m.ncol + (size_t)ntype + 1, sizeof(double))))
		goto oom;
	{
		struct wfm_mip_params mp = { time_limit_s, 1e-4, heuristic, &m };
		if (wfm_mip_solve(mip, &mp, x, &mr, err))
			goto done;
	}
	out->status = mr.status;
	out->cols = m.ncol;
	out->rows = wfm_mip_nrows(mip);
	out->seconds = mr.seconds;
	out->lp_solved = mr.lp_solved;
	out->bound_h = planned_h - mr.lp_bound;
	out->best_h = isfinite(mr.objective) ? planned_h - mr.objective : 0;
	out->heuristic_feasible = mr.heuristic_used;
	for (size_t i = 0; i < heur->n; i++)
		out->heuristic_h += wfm_shift_paid(&heur->rows[i]) / 60.0;
	if (out->best_h < out->heuristic_h && out->heuristic_feasible)
		out->best_h = out->heuristic_h;
	rc = 0;
	goto done;
oom:
	wfm_error_set(err, "out of memory");
done:
	wfm_mip_free(mip);
	free(rows_of);
	free(nrows_of);
	free(x);
	free(idx);
	free(val);
	model_free(&m);
	return rc;
}
