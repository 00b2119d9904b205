/* functions.c - per-interval function of every agent on shift (functions.h). */
#include "functions.h"
#include "channels.h"
#include "csv.h"
#include "mem.h"
#include "timeutil.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NEW (-2)       /* on shift, no function chosen yet this interval */

void wfm_functions_free(wfm_functions *f)
{
	if (f) {
		wfm_free_strv(f->func, f->nfunc);
		WFM_FREE(f->realtime, f->agent, f->f, f->req, f->cov, f->outstanding, f->blocks,
			 f->deadline_h, f->oldest_h, f->overdue, f->offhours_h, f);
	}
}

static int64_t overlap(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
	int64_t lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
	return hi > lo ? hi - lo : 0;
}

/* Working state of one day's schedule (the output f plus scratch). */
struct run {
	wfm_functions *f;
	const struct wfm_functions_opts *o;
	size_t nch, n, na;
	int64_t d1;             /* UTC end of the day (start: f->start) */
	double *w;              /* [t * na + j]: worked share of interval t */
	unsigned char *brk;     /* [t * na + j]: on break */
	int *rank;              /* [j * nch + c]: skill rank, -1 none */
	int *cur;               /* function of the current block, -1 none */
	double *q, *rem, *slack;
	size_t *head;
	unsigned char *open;    /* per channel, this interval */
	long *prev;             /* augmenting paths: BFS parents */
};

static void run_free(struct run *r)
{
	WFM_FREE(r->w, r->brk, r->rank, r->cur, r->q, r->rem, r->slack, r->head, r->open, r->prev);
}

/* Functions: requirement channels, then skills of the staff not among them
 * (backlog with no requirement), then BREAK. */
static int list_functions(wfm_functions *f, const wfm_requirements *req, const wfm_agents *ag)
{
	wfm_strlist l = { 0, NULL };
	char **v = NULL;
	int rc = 0;

	for (size_t c = 0; c < req->nchan && !rc; c++)
		rc = wfm_strv_intern(&l.item, &l.n, req->channel[c]) < 0;
	if (!rc && !(rc = wfm_agents_skill_set(ag, &l)) && (v = realloc(l.item, (l.n + 1) * sizeof(*v))))
		l.item = v;
	f->func = l.item;   /* freed with f, also when incomplete */
	f->nfunc = l.n;
	if (rc || !v || !(f->func[f->nfunc++] = strdup("break")))
		return -1;
	return 0;
}

/* Real-time channels: those named in o->realtime; without a list, the
 * requirement channels whose rows give an asa_s (wfm staff leaves it empty
 * for backlog), or every requirement channel when there is no asa_s
 * column.  Skills with no requirement are backlog. */
static void mark_realtime(wfm_functions *f, size_t nch, const wfm_requirements *req,
			  const struct wfm_functions_opts *o)
{
	for (size_t c = 0; c < nch; c++) {
		if (o->realtime) {
			for (size_t k = 0; k < o->nrealtime; k++)
				if (!strcasecmp(o->realtime[k], f->func[c]))
					f->realtime[c] = 1;
			continue;
		}
		if (c >= req->nchan)
			continue;
		f->realtime[c] = !req->asa;
		for (size_t i = 0; req->asa && i < req->n && !f->realtime[c]; i++)
			f->realtime[c] = !isnan(req->asa[c * req->n + i]);
	}
}

/* The finest grid the roster's shifts and breaks that touch [d0, d1) lie
 * on: 60, 30 or 15 minutes, at most the requirements' step. */
static int roster_step(const wfm_plan *roster, int64_t d0, int64_t d1, int req_step)
{
	int step = req_step;
	for (size_t i = 0; i < roster->n; i++) {
		const struct wfm_shift *s = &roster->s[i];
		int m[4] = { s->start, s->end, s->bstart, s->bend };
		if (!overlap(s->t0, s->t1, d0, d1))
			continue;
		for (int k = 0; k < 4; k++)
			while (m[k] >= 0 && step > 900 && (m[k] * 60) % step)
				step = step == 3600 ? 1800 : step == 1800 ? 900 : 900;
	}
	return step;
}

/* Agents present: any roster row overlapping the day; f->agent in staff
 * order. */
static int find_agents(struct run *r, const wfm_plan *roster, const wfm_agents *ag,
		       size_t *amap, wfm_error *err)
{
	wfm_functions *f = r->f;
	int64_t d0 = f->start, d1 = f->start + (int64_t)f->nint * f->step;
	for (size_t a = 0; a < ag->n; a++)
		amap[a] = (size_t)-1;
	for (size_t i = 0; i < roster->n; i++) {
		const struct wfm_shift *s = &roster->s[i];
		long a = wfm_agents_find(ag, s->agent);
		if (a < 0)
			return wfm_error_at(err, roster->file, s->line, "agent_id", "agent \"%.40s\" is not in %s",
					    s->agent, ag->file);
		if (overlap(s->t0, s->t1, d0, d1) > 0)
			amap[a] = 0;
	}
	r->na = 0;
	for (size_t a = 0; a < ag->n; a++)
		if (amap[a] == 0)
			amap[a] = r->na++;
	f->nag = r->na;
	if (!(f->agent = malloc((r->na + 1) * sizeof(size_t))))
		return wfm_error_set(err, "out of memory");
	for (size_t a = 0; a < ag->n; a++)
		if (amap[a] != (size_t)-1)
			f->agent[amap[a]] = a;
	return 0;
}

/* Presence: worked share of each interval, break flag (on break when the
 * break covers at least half of the agent's time in the interval). */
static void presence(struct run *r, const wfm_plan *roster, const wfm_agents *ag,
		     const size_t *amap)
{
	const wfm_functions *f = r->f;
	for (size_t i = 0; i < roster->n; i++) {
		const struct wfm_shift *s = &roster->s[i];
		size_t j = amap[wfm_agents_find(ag, s->agent)];
		int64_t s0, s1, b0 = 0, b1 = 0;
		if (j == (size_t)-1)
			continue;
		s0 = s->t0;   /* instants placed by wfm_roster_load (lib/plan.h) */
		s1 = s->t1;
		if (s->bstart >= 0) {
			b0 = s->tb0;
			b1 = s->tb1;
		}
		for (size_t t = 0; t < r->n; t++) {
			int64_t t0 = f->start + (int64_t)t * f->step, t1 = t0 + f->step;
			int64_t on = overlap(s0, s1, t0, t1), off = overlap(b0, b1, t0, t1);
			if (!on)
				continue;
			if (off > 0 && off >= on - off)
				r->brk[t * r->na + j] = 1;
			else
				r->w[t * r->na + j] += (double)(on - off) / f->step;
		}
	}
}

static int alloc_run(struct run *r, wfm_error *err)
{
	wfm_functions *f = r->f;
	size_t nch = r->nch, n = r->n, na = r->na;
	f->f = malloc((n * na + 1) * sizeof(short));
	f->req = calloc(nch * n + 1, sizeof(double));
	f->cov = calloc(nch * n + 1, sizeof(double));
	f->outstanding = calloc(nch * n + 1, sizeof(double));
	f->blocks = calloc(na + 1, sizeof(int));
	f->realtime = calloc(nch + 1, sizeof(int));
	f->deadline_h = calloc(nch + 1, sizeof(double));
	f->oldest_h = calloc(nch * n + 1, sizeof(double));
	f->overdue = calloc(nch * n + 1, sizeof(double));
	r->w = calloc(n * na + 1, sizeof(double));
	r->brk = calloc(n * na + 1, 1);
	r->rank = malloc((na * nch + 1) * sizeof(int));
	r->cur = malloc((na + 1) * sizeof(int));
	r->q = calloc(nch + 1, sizeof(double));
	r->rem = calloc(nch * n + 1, sizeof(double));
	r->slack = calloc(nch + 1, sizeof(double));
	r->head = calloc(nch + 1, sizeof(size_t));
	r->open = calloc(nch + 1, 1);
	r->prev = malloc((nch + 1) * sizeof(long));
	if (!f->f || !f->req || !f->cov || !f->outstanding || !f->blocks || !f->realtime || !f->deadline_h ||
	    !f->oldest_h || !f->overdue || !r->w || !r->brk || !r->rank || !r->cur || !r->q || !r->rem ||
	    !r->slack || !r->head || !r->open || !r->prev)
		return wfm_error_set(err, "out of memory");
	return 0;
}

/* Whether agent j may take a function other than its current block's:
 * one it has not started yet, or a block left. */
static int may_move(const struct run *r, size_t j)
{
	return r->cur[j] < 0 || r->f->blocks[j] < r->o->max_blocks;
}

static void assign(struct run *r, short *ft, size_t t, size_t j, int c)
{
	double *cov = r->f->cov;
	double wt = r->w[t * r->na + j];
	if (ft[j] >= 0 && ft[j] < (short)r->nch)
		cov[(size_t)ft[j] * r->n + t] -= wt;
	ft[j] = (short)c;
	if (c >= 0 && c < (int)r->nch)
		cov[(size_t)c * r->n + t] += wt;
}

/* Real-time channels, step 1: new agents, then backlog workers, then
 * surplus real-time agents; each goes to the short channel with the lowest
 * covered share of its requirement (water filling), primary skill first. */
static void fill_realtime(struct run *r, short *ft, size_t t)
{
	const wfm_functions *f = r->f;
	size_t nch = r->nch, n = r->n;
	const double *wt = r->w + t * r->na, *cov = f->cov;
	for (int pass = 0; pass < 3; pass++)
		for (;;) {
			long bj = -1;
			int bc = -1;
			double br = 0;
			for (size_t c = 0; c < nch; c++) {
				double rq = f->req[c * n + t], ratio;
				long cand = -1;
				int crank = 0;
				if (!f->realtime[c] || cov[c * n + t] >= rq - 1e-9)
					continue;
				ratio = cov[c * n + t] / rq;
				if (bc >= 0 && ratio >= br - 1e-12)
					continue;
				for (size_t j = 0; j < r->na && !(cand >= 0 && crank == 0); j++) {
					int g = ft[j], rk = r->rank[j * nch + c];
					if (rk < 0 || (cand >= 0 && rk >= crank) || !may_move(r, j))
						continue;
					if (pass == 0 && g != NEW)
						continue;
					if (pass == 1 && (g < 0 || g >= (int)nch || f->realtime[g]))
						continue;
					if (pass == 2 && (g < 0 || g >= (int)nch || !f->realtime[g] || g == (int)c ||
							  cov[g * n + t] - wt[j] < f->req[g * n + t] - 1e-9))
						continue;
					cand = (long)j;
					crank = rk;
				}
				if (cand >= 0) {
					bj = cand;
					bc = (int)c;
					br = ratio;
				}
			}
			if (bj < 0)
				break;
			assign(r, ft, t, (size_t)bj, bc);
		}
}

/* Real-time agents covered, counting no channel above its requirement. */
static double covered(const struct run *r, size_t t)
{
	double s = 0;
	for (size_t c = 0; c < r->nch; c++)
		if (r->f->realtime[c])
			s += fmin(r->f->cov[c * r->n + t], r->f->req[c * r->n + t]);
	return s;
}

/* How an agent on g frees itself for another real-time channel: 1 it is
 * spare (new, idle, on backlog work, or above a real-time requirement),
 * 2 its own channel would then be short, 0 it cannot move. */
static int movable(const struct run *r, const short *ft, size_t t, size_t j, int to)
{
	const wfm_functions *f = r->f;
	int g = ft[j];
	double wt = r->w[t * r->na + j];
	if (g == (int)r->nch || g == -1 || g == to || wt <= 0 || r->rank[j * r->nch + to] < 0 || !may_move(r, j))
		return 0;
	if (g < 0 || !f->realtime[g] || f->cov[(size_t)g * r->n + t] - wt >= f->req[(size_t)g * r->n + t] - 1e-9)
		return 1;
	return 2;
}

/* Step 2: an augmenting path (as in bipartite matching) from short channel
 * s: a spare agent moves to a channel x reached from s through agents who
 * each move one channel nearer s.  Breadth first, so the fewest moves.
 * Returns 1 when it raised the covered real-time total. */
static int augment(struct run *r, short *ft, size_t t, size_t s, size_t *queue, long *via, int *from)
{
	size_t nq = 0, qi = 0, nch = r->nch;
	for (size_t c = 0; c < nch; c++)
		from[c] = -1;
	from[s] = (int)s;
	queue[nq++] = s;
	while (qi < nq) {
		size_t x = queue[qi++];
		long best = -1;
		int bk = 0;
		for (size_t j = 0; j < r->na; j++) {
			int m = movable(r, ft, t, j, (int)x), g = ft[j];
			int kind = g == NEW || g == WFM_FUNCTIONS_IDLE ? 0 : !r->f->realtime[g] ? 1 : 2;
			if (m == 1 && (best < 0 || kind < bk)) {
				best = (long)j;
				bk = kind;
			} else if (m == 2 && from[g] < 0) {
				from[g] = (int)x;
				via[g] = (long)j;
				queue[nq++] = (size_t)g;
			}
		}
		if (best >= 0) {
			double before = covered(r, t);
			short save[64];
			size_t moved[64], nm = 0, y = x;
			moved[nm] = (size_t)best;
			save[nm++] = ft[best];
			assign(r, ft, t, (size_t)best, (int)x);
			for (; y != s && nm < 64; y = (size_t)from[y]) {
				moved[nm] = (size_t)via[y];
				save[nm++] = ft[via[y]];
				assign(r, ft, t, (size_t)via[y], from[y]);
			}
			if (y == s && covered(r, t) > before + 1e-9)
				return 1;
			while (nm--)    /* partial interval shares: no gain, undo */
				assign(r, ft, t, moved[nm], save[nm]);
			return 0;
		}
	}
	return 0;
}

static int rt_augment(struct run *r, short *ft, size_t t)
{
	size_t nch = r->nch, *queue = malloc((nch + 1) * sizeof(size_t));
	long *via = malloc((nch + 1) * sizeof(long));
	int *from = malloc((nch + 1) * sizeof(int));
	unsigned char *tried = calloc(nch + 1, 1);
	if (!queue || !via || !from || !tried) {
		free(queue), free(via), free(from), free(tried);
		return -1;
	}
	for (;;) {
		long s = -1;
		double bs = 0;
		for (size_t c = 0; c < nch; c++) {
			double rq = r->f->req[c * r->n + t], cv = r->f->cov[c * r->n + t];
			if (r->f->realtime[c] && !tried[c] && cv < rq - 1e-9 && (s < 0 || cv / rq < bs - 1e-12)) {
				s = (long)c;
				bs = cv / rq;
			}
		}
		if (s < 0)
			break;
		if (!augment(r, ft, t, (size_t)s, queue, via, from))
			tried[s] = 1;
	}
	free(queue), free(via), free(from), free(tried);
	return 0;
}

/* Step 3: new agents left go to backlog work, the open channel whose
 * oldest outstanding work is nearest its deadline first (a secondary skill
 * counts as 1 h less urgent), then the most work; when no backlog skill
 * has work left, the most work, else the best-ranked open skill; with
 * every skill closed (or no block left to change), IDLE. */
static void fill_backlog(struct run *r, short *ft, size_t t)
{
	const wfm_functions *f = r->f;
	size_t nch = r->nch, n = r->n;
	for (size_t j = 0; j < r->na; j++) {
		int best = -1;
		double bq = 0, bs = 0;
		if (ft[j] != NEW)
			continue;
		for (size_t c = 0; c < nch && may_move(r, j); c++) {
			double v, sl;
			if (r->rank[j * nch + c] < 0 || f->realtime[c] || !r->open[c])
				continue;
			v = r->q[c] * 3600.0 / f->step + f->req[c * n + t] - f->cov[c * n + t];
			sl = (v > 1e-9 ? r->slack[c] : 1e9 - v) + (r->rank[j * nch + c] == 0 ? 0 : 1);
			if (best < 0 || sl < bs - 1e-9 || (sl < bs + 1e-9 && v > bq + 1e-9)) {
				best = (int)c;
				bq = v;
				bs = sl;
			}
		}
		for (int rk = 0; best < 0 && may_move(r, j) && rk < (int)nch; rk++)
			for (size_t c = 0; c < nch && best < 0; c++)
				if (r->rank[j * nch + c] == rk && r->open[c])
					best = (int)c;
		assign(r, ft, t, j, best < 0 ? WFM_FUNCTIONS_IDLE : best);
	}
}

/* Step 4: surplus on a real-time channel moves to backlog work when at
 * least one agent-interval of work is there and the agent keeps a spare
 * block for the way back. */
static void surplus_to_backlog(struct run *r, short *ft, size_t t)
{
	const wfm_functions *f = r->f;
	size_t nch = r->nch, n = r->n;
	for (size_t j = 0; j < r->na; j++) {
		int g = ft[j], best = -1;
		double bq = 0, bs = 0, wt = r->w[t * r->na + j];
		if (g < 0 || g >= (int)nch || !f->realtime[g] || f->blocks[j] + 2 > r->o->max_blocks ||
		    f->cov[g * n + t] - wt < f->req[g * n + t] - 1e-9)
			continue;
		for (size_t c = 0; c < nch; c++) {
			double v;
			if (r->rank[j * nch + c] < 0 || f->realtime[c])
				continue;
			v = r->q[c] * 3600.0 / f->step + f->req[c * n + t] - f->cov[c * n + t];
			if (v > 1 - 1e-9 && (best < 0 || r->slack[c] < bs - 1e-9 ||
					     (r->slack[c] < bs + 1e-9 && v > bq + 1e-9))) {
				best = (int)c;
				bq = v;
				bs = r->slack[c];
			}
		}
		if (best >= 0)
			assign(r, ft, t, j, best);
	}
}

/* Blocks (idle time and breaks do not end one) and the backlog queues:
 * first in, first out, work arriving at the interval's start. */
static void book(struct run *r, const short *ft, size_t t)
{
	wfm_functions *f = r->f;
	size_t n = r->n;
	for (size_t j = 0; j < r->na; j++) {
		int g = ft[j];
		if (g < 0 || g >= (int)r->nch)
			continue;
		if (g != r->cur[j])
			f->blocks[j]++;
		r->cur[j] = g;
	}
	for (size_t c = 0; c < r->nch; c++) {
		double done = f->cov[c * n + t] * f->step / 3600.0, od = 0, *rem = r->rem + c * n;
		size_t *head = &r->head[c];
		if (f->realtime[c])
			continue;
		rem[t] = f->req[c * n + t] * f->step / 3600.0;
		while (*head <= t && done > 1e-12) {
			double x = rem[*head] < done ? rem[*head] : done;
			rem[*head] -= x;
			done -= x;
			if (rem[*head] <= 1e-12)
				(*head)++;
		}
		while (*head <= t && rem[*head] <= 1e-12)
			(*head)++;
		r->q[c] = 0;
		for (size_t h = *head; h <= t; h++) {
			r->q[c] += rem[h];
			if ((double)(t + 1 - h) * f->step / 3600.0 > f->deadline_h[c] + 1e-9)
				od += rem[h];
		}
		f->outstanding[c * n + t] = r->q[c];
		f->oldest_h[c * n + t] = r->q[c] > 1e-9 ? (double)(t + 1 - *head) * f->step / 3600.0 : 0;
		f->overdue[c * n + t] = od;
	}
}

/* One interval: agents keep their function while its channel is open
 * (requirement above 0, or backlog work waiting); the others are new. */
static int interval(struct run *r, size_t t)
{
	wfm_functions *f = r->f;
	size_t nch = r->nch, n = r->n, na = r->na;
	short *ft = f->f + t * na;
	const double *wt = r->w + t * na;
	for (size_t c = 0; c < nch; c++) {
		r->open[c] = f->req[c * n + t] > 1e-9 || (!f->realtime[c] && r->q[c] > 1e-9);
		f->cov[c * n + t] = 0;
		r->slack[c] = f->deadline_h[c] - (r->q[c] > 1e-9 ? (double)(t - r->head[c]) * f->step / 3600.0 : 0);
	}
	for (size_t j = 0; j < na; j++) {
		int g = r->cur[j];
		ft[j] = r->brk[t * na + j] ? (short)nch : wt[j] <= 0 ? -1 : g >= 0 && r->open[g] ? (short)g : NEW;
		if (ft[j] >= 0 && ft[j] < (short)nch)
			f->cov[(size_t)ft[j] * n + t] += wt[j];
	}
	fill_realtime(r, ft, t);
	if (rt_augment(r, ft, t))
		return -1;
	fill_backlog(r, ft, t);
	surplus_to_backlog(r, ft, t);
	book(r, ft, t);
	return 0;
}

/* Upper-case in place: ASCII and Cyrillic (U+0430..U+045F keep their
 * UTF-8 length when upper-cased to U+0400..U+042F). */
static void upper(char *s)
{
	unsigned char *p = (unsigned char *)s;
	for (; *p; p++) {
		if (*p < 0x80)
			*p = (unsigned char)toupper(*p);
		else if (*p == 0xD0 && p[1] >= 0xB0 && p[1] <= 0xBF)
			p[1] -= 0x20, p++;                     /* а..п -> А..П */
		else if (*p == 0xD1 && p[1] >= 0x80 && p[1] <= 0x8F)
			p[0] = 0xD0, p[1] += 0x20, p++;        /* р..я -> Р..Я */
		else if (*p == 0xD1 && p[1] >= 0x90 && p[1] <= 0x9F)
			p[0] = 0xD0, p[1] -= 0x10, p++;        /* ѐ..џ -> Ѐ..Џ */
	}
}

/* f->net_zero: the day's agents are all 0 (or missing) while some
 * agents_gross is not, as in requirements that only fill agents_gross.
 * f->offhours_h: per backlog channel, the work (volume x aht_s) arriving
 * in rows whose agents is 0: wfm staff plans it into the open hours
 * (--backlog-hours), so here it arrives with those hours' requirement. */
static int check_columns(wfm_functions *f, const wfm_requirements *req, size_t nch, int64_t d0, int64_t d1)
{
	double net = 0, gross = 0;
	if (!(f->offhours_h = calloc(nch + 1, sizeof(double))))
		return -1;
	for (size_t k = 0; k < req->n; k++) {
		int64_t t0 = req->start + (int64_t)k * req->step;
		if (t0 < d0 || t0 >= d1)
			continue;
		for (size_t c = 0; c < req->nchan; c++) {
			size_t i = c * req->n + k;
			double a = req->agents[i];
			double g = req->agents_gross ? req->agents_gross[i] : NAN;
			double w = req->volume && req->aht ? req->volume[i] * req->aht[i] / 3600 : NAN;
			net += isnan(a) ? 0 : a;
			gross += isnan(g) ? 0 : g;
			if (!f->realtime[c] && !(a > 0) && w > 0)
				f->offhours_h[c] += w;
		}
	}
	f->net_zero = net == 0 && gross > 0;
	return 0;
}

/* Phase 1, the day: output step (checked against the requirements'),
 * the intervals, the functions.  0, or -1 with an error. */
static int day_setup(struct run *r, const wfm_plan *roster, const wfm_requirements *req,
		     const wfm_agents *ag, int64_t day, const wfm_tz *tz, wfm_error *err)
{
	wfm_functions *f = r->f;
	int64_t d0 = wfm_time_day_start(day, tz), d1 = wfm_time_day_start(day + 1, tz);
	char d[16];
	wfm_time_format_date(day, d, sizeof(d));
	f->step = r->o->step ? r->o->step : roster_step(roster, d0, d1, req->step);
	if (f->step > req->step || req->step % f->step)
		return wfm_error_set(err, "--step %d min does not divide the requirements' %d-minute intervals",
				     f->step / 60, req->step / 60);
	f->start = d0;
	r->d1 = d1;
	f->nint = r->n = (size_t)((d1 - d0 + f->step - 1) / f->step);
	if (d1 <= req->start || d0 >= req->start + (int64_t)req->n * req->step)
		return wfm_error_at(err, req->file, 0, "timestamp", "no requirements on %s", d);
	if (list_functions(f, req, ag))
		return wfm_error_set(err, "out of memory");
	r->nch = f->nfunc - 1;
	return 0;
}

/* Phase 2, the model: deadlines, skill ranks, real-time channels, who is
 * present when, the requirements on the output grid (missing rows are 0)
 * and the column checks. */
static int build_model(struct run *r, const wfm_plan *roster, const wfm_requirements *req,
		       const wfm_agents *ag, const size_t *amap)
{
	wfm_functions *f = r->f;
	const struct wfm_functions_opts *o = r->o;
	for (size_t c = 0; c < r->nch; c++) {
		f->deadline_h[c] = 24;
		for (size_t k = 0; k < o->ndeadline; k++)
			if (!strcasecmp(o->deadline_name[k], f->func[c]))
				f->deadline_h[c] = o->deadline_h[k];
	}
	for (size_t j = 0; j < r->na; j++) {
		r->cur[j] = -1;
		for (size_t c = 0; c < r->nch; c++)
			r->rank[j * r->nch + c] = wfm_agents_skill(ag, f->agent[j], f->func[c]);
	}
	mark_realtime(f, r->nch, req, o);
	presence(r, roster, ag, amap);
	for (size_t t = 0; t < r->n; t++) {
		int64_t t0 = f->start + (int64_t)t * f->step, k = (t0 - req->start) / req->step;
		for (size_t c = 0; c < req->nchan; c++) {
			double v = (t0 >= req->start && k < (int64_t)req->n) ? req->agents[c * req->n + (size_t)k] : NAN;
			f->req[c * r->n + t] = isnan(v) ? 0 : v;
		}
	}
	return check_columns(f, req, r->nch, f->start, r->d1);
}

wfm_functions *wfm_functions_plan(const wfm_plan *roster, const wfm_requirements *req,
				  const wfm_agents *ag, int64_t day, const wfm_tz *tz,
				  const struct wfm_functions_opts *o, wfm_error *err)
{
	struct run r = { 0 };
	wfm_functions *f = calloc(1, sizeof(*f));
	size_t *amap = malloc((ag->n + 1) * sizeof(size_t));

	if (!f || !amap)
		goto oom;
	r.f = f;
	r.o = o;
	if (day_setup(&r, roster, req, ag, day, tz, err) ||           /* 1: the day */
	    find_agents(&r, roster, ag, amap, err) || alloc_run(&r, err))
		goto fail;
	if (build_model(&r, roster, req, ag, amap))                /* 2: the model */
		goto oom;
	for (size_t t = 0; t < r.n; t++)                               /* 3: interval by interval */
		if (interval(&r, t))
			goto oom;
	for (size_t c = 0; c < f->nfunc; c++)
		upper(f->func[c]);
	free(amap);
	run_free(&r);
	return f;
oom:
	wfm_error_set(err, "out of memory");
fail:
	free(amap);
	run_free(&r);
	wfm_functions_free(f);
	return NULL;
}

/* channels.csv, read by its owner lib/channels.c (the same checks as wfm
 * staff): the deadlines (0 = not a backlog channel: keep the default 24 h)
 * and (unless --realtime) the real-time list, every kind but backlog. */

int wfm_functions_channels_load(const char *path, struct wfm_functions_channels *ch, wfm_error *err)
{
	wfm_channels *c = wfm_channels_load(path, err);

	memset(ch, 0, sizeof(*ch));
	if (!c)
		return -1;
	if (!(ch->deadline = malloc((c->n + 1) * sizeof(double))) ||
	    !(ch->names.item = calloc(c->n + 1, sizeof(char *)))) {
		wfm_channels_free(c);
		return wfm_error_set(err, "out of memory");
	}
	for (size_t i = 0; i < c->n; i++) {
		const struct wfm_channel *k = &c->ch[i];
		if (!(ch->names.item[i] = strdup(k->name))) {
			wfm_channels_free(c);
			return wfm_error_set(err, "out of memory");
		}
		ch->names.n = ch->n = i + 1;
		ch->deadline[i] = k->deadline_h > 0 ? k->deadline_h : 24;
		if (k->kind != WFM_BACKLOG && strlen(ch->rt) + strlen(k->name) + 2 < sizeof(ch->rt)) {
			if (*ch->rt)
				strcat(ch->rt, ",");
			strcat(ch->rt, k->name);
		}
	}
	wfm_channels_free(c);
	return 0;
}

void wfm_functions_channels_free(struct wfm_functions_channels *ch)
{
	wfm_strlist_free(&ch->names);
	free(ch->deadline);
	ch->deadline = NULL;
	ch->n = 0;
}
