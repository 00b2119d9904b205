/* mssim.c - multi-skill discrete-event simulation: skills-based routing,
 * specialists first, longest idle first, channel priority for free
 * agents.  See mssim.h. */
#include "mssim.h"
#include "evheap.h"
#include "mem.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct contact {
	double arrive, give_up, service;
	size_t iv;
};

struct group_st {
	double *idle;            /* FIFO ring of idle-since times */
	size_t head, len, cap;
	long busy, leave;        /* busy agents; of them, leaving when done */
	size_t *chan, nchan;     /* skills */
};

struct wfm_mssim {
	struct wfm_mssim_params p;
	size_t nc, ng;
	gsl_rng **rng;           /* one per channel */
	gsl_rng *brng;           /* who of the busy leaves at a boundary */
	double sigma, *next_a;
	struct wfm_ring *q;      /* per channel, of struct contact */
	struct group_st *g;
	size_t *route, *nroute;  /* [c * ng + k]: groups serving c, fewest skills first */
	size_t *gorder;          /* groups by number of skills */
	struct wfm_ev *heap;
	size_t nheap, heap_cap;
	struct wfm_sim_counts *cnt;
	double *acc, *tot;       /* [(c * n + i) * 15], [c * 15] */
	long reps;
};

static int heap_push(wfm_mssim *s, double t, size_t g)
{
	if (WFM_GROW(s->heap, s->heap_cap, s->nheap + 1))
		return -1;
	wfm_ev_push(s->heap, &s->nheap, (struct wfm_ev){ t, g, 0 });
	return 0;
}

static const struct contact *q_head(const struct wfm_ring *q)
{
	return wfm_ring_front(q);
}

static struct contact q_pop(struct wfm_ring *q)
{
	struct contact w;

	wfm_ring_pop(q, &w);
	return w;
}

/* idle ring: front = idle longest */
static void idle_push(struct group_st *g, double t)
{
	g->idle[(g->head + g->len++) % g->cap] = t;
}

static void idle_pop_front(struct group_st *g)
{
	g->head = (g->head + 1) % g->cap;
	g->len--;
}

static double draw_service(wfm_mssim *s, gsl_rng *r, double aht)
{
	if (s->p.cv <= 0)
		return gsl_ran_exponential(r, aht);
	return gsl_ran_lognormal(r, log(aht) - s->sigma * s->sigma / 2, s->sigma);
}

/* Contact w of channel c is answered by an agent of group g at t. */
static int serve(wfm_mssim *s, size_t c, size_t g, const struct contact *w, double t)
{
	struct wfm_sim_counts *k = &s->cnt[c * s->p.n + w->iv];

	k->answered++;
	k->wait_sum += t - w->arrive;
	if (t - w->arrive <= s->p.sl_seconds[c])
		k->answered_in_t++;
	s->g[g].busy++;
	return heap_push(s, t + w->service, g);
}

/* The queue a free agent of group g takes from at t, or -1: lowest rank,
 * then longest waiting.  Heads whose patience ran out are dropped first
 * (lazily; exact because a queue is FCFS). */
static long pick(wfm_mssim *s, size_t g, double t)
{
	const struct group_st *gs = &s->g[g];
	long best = -1;

	for (size_t k = 0; k < gs->nchan; k++) {
		size_t c = gs->chan[k];
		struct wfm_ring *q = &s->q[c];
		while (q->len && q_head(q)->give_up < t) {
			s->cnt[c * s->p.n + q_head(q)->iv].abandoned++;
			wfm_ring_pop(q, NULL);
		}
		if (!q->len)
			continue;
		if (best < 0)
			best = (long)c;
		else {
			int rc = s->p.rank ? s->p.rank[c] : 0, rb = s->p.rank ? s->p.rank[best] : 0;
			if (rc < rb || (rc == rb && q_head(q)->arrive < q_head(&s->q[best])->arrive))
				best = (long)c;
		}
	}
	return best;
}

/* Idle agents of group g take waiting work. */
static int drain_idle(wfm_mssim *s, size_t g, double t)
{
	struct group_st *gs = &s->g[g];
	long c;

	while (gs->len && (c = pick(s, g, t)) >= 0) {
		struct contact w = q_pop(&s->q[c]);
		idle_pop_front(gs);
		if (serve(s, (size_t)c, g, &w, t))
			return -1;
	}
	return 0;
}

static int on_arrival(wfm_mssim *s, size_t c, size_t k, double t)
{
	const struct wfm_mssim_params *p = &s->p;
	gsl_rng *r = s->rng[c];
	struct contact w = { t, INFINITY, 0, k };
	long best = -1;

	w.service = draw_service(s, r, p->aht[c * p->n + k]);
	if (p->patience[c] > 0)
		w.give_up = t + gsl_ran_exponential(r, p->patience[c]);
	s->cnt[c * p->n + k].arrivals++;
	for (size_t j = 0; j < s->nroute[c]; j++) {
		size_t g = s->route[c * s->ng + j];
		const struct group_st *gs = &s->g[g];
		if (!gs->len)
			continue;
		if (best >= 0 && s->g[best].nchan < gs->nchan)
			break;   /* a narrower group has an idle agent */
		if (best < 0 || gs->idle[gs->head] < s->g[best].idle[s->g[best].head])
			best = (long)g;
	}
	if (best < 0)
		return wfm_ring_push(&s->q[c], &w);
	idle_pop_front(&s->g[best]);
	return serve(s, c, (size_t)best, &w, t);
}

static int on_done(wfm_mssim *s, const struct wfm_ev *ev)
{
	size_t g = ev->who;
	double t = ev->t;
	struct group_st *gs = &s->g[g];
	long c;

	gs->busy--;
	if (ev->leaving) {
		gs->leave--;
		return 0;
	}
	if ((c = pick(s, g, t)) >= 0) {
		struct contact w = q_pop(&s->q[c]);
		return serve(s, (size_t)c, g, &w, t);
	}
	idle_push(gs, t);
	return 0;
}

/* Mark d of group g's busy agents who are not leaving yet as leaving
 * (d < 0: unmark -d); the caller counts them in gs->leave. */
static void mark_leaving(wfm_mssim *s, size_t g, long d)
{
	wfm_ev_mark_leaving(s->heap, s->nheap, g, d, s->g[g].busy - s->g[g].leave, s->brng);
}

/* Staff interval k from time t: agents join idle or leave (idle first,
 * then a random choice of the busy, who finish their contact first). */
static int on_boundary(wfm_mssim *s, size_t k, double t)
{
	const struct wfm_mssim_params *p = &s->p;

	for (size_t c = 0; c < s->nc; c++) {
		double rate = p->volume[c * p->n + k] / p->step;
		s->next_a[c] = rate > 0 ? t + gsl_ran_exponential(s->rng[c], 1 / rate) : INFINITY;
	}
	for (size_t g = 0; g < s->ng; g++) {
		struct group_st *gs = &s->g[g];
		long target = p->agents[g * p->n + k], cur = (long)gs->len + gs->busy - gs->leave;
		if (target > cur) {
			long d = target - cur, back = d < gs->leave ? d : gs->leave;
			mark_leaving(s, g, -back);
			gs->leave -= back;
			for (d -= back; d > 0; d--)
				idle_push(gs, t);
		} else if (target < cur) {
			long d = cur - target;
			for (; d > 0 && gs->len; d--)
				gs->len--;   /* the most recently idle leave */
			mark_leaving(s, g, d);
			gs->leave += d;
		}
	}
	for (size_t j = 0; j < s->ng; j++)
		if (drain_idle(s, s->gorder[j], t))
			return -1;
	return 0;
}

static void accumulate(wfm_mssim *s)
{
	size_t n = s->p.n;

	for (size_t c = 0; c < s->nc; c++) {
		struct wfm_sim_counts sum = { 0, 0, 0, 0, 0 };
		for (size_t i = 0; i < n; i++) {
			const struct wfm_sim_counts *k = &s->cnt[c * n + i];
			wfm_sim_acc_add(s->acc + 15 * (c * n + i), k);
			sum.arrivals += k->arrivals;
			sum.answered += k->answered;
			sum.answered_in_t += k->answered_in_t;
			sum.abandoned += k->abandoned;
			sum.wait_sum += k->wait_sum;
		}
		wfm_sim_acc_add(s->tot + 15 * c, &sum);
	}
}

static void reset(wfm_mssim *s)
{
	memset(s->cnt, 0, s->nc * s->p.n * sizeof(*s->cnt));
	s->nheap = 0;
	for (size_t c = 0; c < s->nc; c++)
		s->q[c].len = s->q[c].head = 0;
	for (size_t g = 0; g < s->ng; g++) {
		s->g[g].len = s->g[g].head = 0;
		s->g[g].busy = s->g[g].leave = 0;
	}
}

long wfm_mssim_step(wfm_mssim *s)
{
	const struct wfm_mssim_params *p = &s->p;
	double next_b = 0;
	size_t k = 0;

	reset(s);
	if (!p->n)
		return ++s->reps;
	if (on_boundary(s, 0, 0))
		return -1;
	next_b = p->step;
	for (;;) {
		double next_d = s->nheap ? s->heap[0].t : INFINITY, next_a = INFINITY, t;
		size_t ca = 0;
		int rc;
		for (size_t c = 0; c < s->nc; c++)
			if (s->next_a[c] < next_a) {
				next_a = s->next_a[c];
				ca = c;
			}
		if (next_d <= next_a && next_d <= next_b) {
			if (next_d == INFINITY)
				break;
			struct wfm_ev ev = s->heap[0];
			wfm_ev_pop(s->heap, &s->nheap);
			rc = on_done(s, &ev);
		} else if (next_b <= next_a) {
			t = next_b;
			if (++k < p->n) {
				next_b = t + p->step;
				rc = on_boundary(s, k, t);
			} else {
				next_b = INFINITY;
				for (size_t c = 0; c < s->nc; c++)
					s->next_a[c] = INFINITY;
				rc = 0;
			}
		} else {
			t = next_a;
			double rate = p->volume[ca * p->n + k] / p->step;
			rc = on_arrival(s, ca, k, t);
			s->next_a[ca] = t + gsl_ran_exponential(s->rng[ca], 1 / rate);
			if (s->next_a[ca] >= next_b)
				s->next_a[ca] = INFINITY;   /* redrawn at the boundary */
		}
		if (rc)
			return -1;
	}
	/* nobody left to answer: the patient ones are never answered */
	for (size_t c = 0; c < s->nc; c++)
		while (s->q[c].len) {
			struct contact w = q_pop(&s->q[c]);
			if (w.give_up < INFINITY)
				s->cnt[c * p->n + w.iv].abandoned++;
		}
	accumulate(s);
	return ++s->reps;
}

static int cmp_skills(const void *a, const void *b, void *gr)
{
	const wfm_groups *g = gr;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	size_t nx = g->g[x].nskill, ny = g->g[y].nskill;

	return nx != ny ? (nx < ny ? -1 : 1) : (x < y ? -1 : x > y);
}

/* gorder and route: groups by number of skills (stable, insertion sort). */
static void order_groups(wfm_mssim *s)
{
	const wfm_groups *gr = s->p.gr;

	for (size_t j = 0; j < s->ng; j++) {
		size_t v = j, i = j;
		for (; i > 0 && cmp_skills(&s->gorder[i - 1], &v, (void *)gr) > 0; i--)
			s->gorder[i] = s->gorder[i - 1];
		s->gorder[i] = v;
	}
	for (size_t c = 0; c < s->nc; c++)
		for (size_t j = 0; j < s->ng; j++)
			if (wfm_groups_serves(gr, s->gorder[j], c))
				s->route[c * s->ng + s->nroute[c]++] = s->gorder[j];
}

static int alloc_groups(wfm_mssim *s)
{
	const wfm_groups *gr = s->p.gr;

	for (size_t g = 0; g < s->ng; g++) {
		struct group_st *gs = &s->g[g];
		long mx = 1;
		for (size_t i = 0; i < s->p.n; i++)
			if (s->p.agents[g * s->p.n + i] > mx)
				mx = s->p.agents[g * s->p.n + i];
		gs->cap = (size_t)mx;
		gs->nchan = gr->g[g].nskill;
		if (!(gs->idle = malloc(gs->cap * sizeof(double))) ||
		    !(gs->chan = malloc((gs->nchan ? gs->nchan : 1) * sizeof(size_t))))
			return -1;
		memcpy(gs->chan, gr->g[g].skill, gs->nchan * sizeof(size_t));
	}
	return 0;
}

wfm_mssim *wfm_mssim_init(const struct wfm_mssim_params *p, wfm_error *err)
{
	wfm_mssim *s = calloc(1, sizeof(*s));
	size_t nc = p->gr->nchan, ng = p->gr->n, n = p->n ? p->n : 1;

	if (!s)
		return wfm_oom(err);
	s->p = *p;
	s->nc = nc;
	s->ng = ng;
	s->rng = calloc(nc, sizeof(*s->rng));
	s->next_a = calloc(nc, sizeof(double));
	s->q = calloc(nc, sizeof(*s->q));
	s->g = calloc(ng, sizeof(*s->g));
	s->route = calloc(nc * ng + 1, sizeof(size_t));
	s->nroute = calloc(nc + 1, sizeof(size_t));
	s->gorder = calloc(ng + 1, sizeof(size_t));
	s->cnt = calloc(nc * n + 1, sizeof(*s->cnt));
	s->acc = calloc(15 * nc * n + 1, sizeof(double));
	s->tot = calloc(15 * nc + 1, sizeof(double));
	if (!s->rng || !s->next_a || !s->q || !s->g || !s->route || !s->nroute || !s->gorder ||
	    !s->cnt || !s->acc || !s->tot || alloc_groups(s))
		goto oom;
	for (size_t c = 0; c < nc; c++)
		s->q[c].size = sizeof(struct contact);
	if (!(s->brng = gsl_rng_alloc(gsl_rng_mt19937)))
		goto oom;
	gsl_rng_set(s->brng, p->seed * 1000003UL + 999983UL);
	for (size_t c = 0; c < nc; c++) {
		if (!(s->rng[c] = gsl_rng_alloc(gsl_rng_mt19937)))
			goto oom;
		/* channel c's stream: independent of the staffing and of the others */
		gsl_rng_set(s->rng[c], p->seed * 1000003UL + c);
	}
	s->sigma = p->cv > 0 ? sqrt(log(1 + p->cv * p->cv)) : 0;
	order_groups(s);
	return s;
oom:
	wfm_mssim_done(s);
	return wfm_oom(err);
}

const struct wfm_sim_counts *wfm_mssim_counts(const wfm_mssim *s)
{
	return s->cnt;
}

void wfm_mssim_stat(const wfm_mssim *s, size_t c, size_t i, struct wfm_sim_stat *o)
{
	wfm_sim_acc_stat(s->acc + 15 * (c * s->p.n + i), s->reps, o);
}

void wfm_mssim_total(const wfm_mssim *s, size_t c, struct wfm_sim_stat *o)
{
	wfm_sim_acc_stat(s->tot + 15 * c, s->reps, o);
}

void wfm_mssim_done(wfm_mssim *s)
{
	if (!s)
		return;
	for (size_t c = 0; c < s->nc; c++) {
		gsl_rng_free(s->rng ? s->rng[c] : NULL);
		free(s->q ? s->q[c].v : NULL);
	}
	gsl_rng_free(s->brng);
	for (size_t g = 0; s->g && g < s->ng; g++)
		WFM_FREE(s->g[g].idle, s->g[g].chan);
	WFM_FREE(s->rng, s->next_a, s->q, s->g, s->route, s->nroute, s->gorder, s->heap, s->cnt,
		 s->acc, s->tot, s);
}

void wfm_mssim_channel(const struct wfm_channel *ch, double chat_overhead, double *aht_factor,
		       double *patience, double *sl_seconds, double *target, int *rank)
{
	*aht_factor = ch->kind == WFM_CHAT ?
		(1 + chat_overhead * (ch->concurrency - 1)) / ch->concurrency : 1;
	*patience = ch->kind == WFM_ERLANG_A ? ch->patience : 0;
	*sl_seconds = ch->kind == WFM_BACKLOG ? ch->deadline_h * 3600 : ch->sl_seconds;
	*target = ch->kind == WFM_BACKLOG ? 0 : ch->sl_target;
	*rank = ch->kind == WFM_BACKLOG;
}
