/* sim.c - discrete-event simulation of a queue with abandonment, one
 * replication per wfm_sim_step().  See sim.h. */
#include "sim.h"
#include "evheap.h"
#include "csv.h"
#include "mem.h"
#include "requirements.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct waiting {
	double arrive, give_up;  /* give_up INFINITY without patience */
	double aht;
	size_t iv;
};

struct wfm_sim {
	struct wfm_sim_params p;
	gsl_rng *rng;
	double sigma;
	struct wfm_ev *heap;     /* busy agents by completion time (min-heap) */
	size_t nheap, heap_cap, nleave;
	struct wfm_ring q;       /* of struct waiting */
	struct wfm_sim_counts *cnt;
	double *acc;             /* per interval x {sl, asa, abandon}: sums of x, y, xx, yy, xy */
	long reps;
};

static double service(wfm_sim *s, double aht)
{
	if (s->p.cv <= 0)
		return gsl_ran_exponential(s->rng, aht);
	/* lognormal with mean aht and coefficient of variation cv */
	return gsl_ran_lognormal(s->rng, log(aht) - s->sigma * s->sigma / 2, s->sigma);
}

/* Free agents take waiting contacts, FCFS; contacts whose patience ran out
 * are found at the head lazily (exact for FCFS: they never held an agent). */
static void dispatch(wfm_sim *s, double t, long servers)
{
	while ((long)(s->nheap - s->nleave) < servers && s->q.len) {
		struct waiting w;
		wfm_ring_pop(&s->q, &w);
		struct wfm_sim_counts *c = &s->cnt[w.iv];
		if (w.give_up < t) {
			c->abandoned++;
			continue;
		}
		c->answered++;
		c->wait_sum += t - w.arrive;
		if (t - w.arrive <= s->p.sl_seconds)
			c->answered_in_t++;
		wfm_ev_push(s->heap, &s->nheap, (struct wfm_ev){ t + service(s, w.aht), 0, 0 });
	}
}

/* At a boundary to `servers` agents: more busy agents than that are kept
 * until done, a uniformly random choice of them; fewer: the leaving ones
 * stay on. */
static void set_servers(wfm_sim *s, long servers)
{
	long busy = (long)(s->nheap - s->nleave);

	s->nleave = (size_t)((long)s->nleave +
			     wfm_ev_mark_leaving(s->heap, s->nheap, 0, busy - servers, busy, s->rng));
}

wfm_sim *wfm_sim_init(const struct wfm_sim_params *p, wfm_error *err)
{
	wfm_sim *s = calloc(1, sizeof(*s));
	long maxn = 1;

	if (!s)
		return wfm_oom(err);
	s->p = *p;
	s->q.size = sizeof(struct waiting);
	for (size_t i = 0; i < p->n; i++)
		if (p->agents[i] > maxn)
			maxn = p->agents[i];
	s->heap_cap = (size_t)maxn;
	s->rng = gsl_rng_alloc(gsl_rng_mt19937);
	s->heap = malloc(s->heap_cap * sizeof(*s->heap));
	s->cnt = calloc(p->n, sizeof(*s->cnt));
	s->acc = calloc(15 * (p->n ? p->n : 1), sizeof(double));
	if (!s->rng || !s->heap || !s->cnt || !s->acc) {
		wfm_sim_done(s);
		return wfm_oom(err);
	}
	gsl_rng_set(s->rng, p->seed);
	s->sigma = p->cv > 0 ? sqrt(log(1 + p->cv * p->cv)) : 0;
	return s;
}

long wfm_sim_step(wfm_sim *s)
{
	const struct wfm_sim_params *p = &s->p;
	double t = 0, next_b = p->step, next_a, rate;
	size_t k = 0;
	long servers;

	memset(s->cnt, 0, p->n * sizeof(*s->cnt));
	s->nheap = 0;
	s->nleave = 0;
	s->q.len = 0;
	if (!p->n)
		return ++s->reps;
	servers = p->agents[0];
	rate = p->volume[0] / p->step;
	next_a = rate > 0 ? gsl_ran_exponential(s->rng, 1 / rate) : INFINITY;
	for (;;) {
		double next_d = s->nheap ? s->heap[0].t : INFINITY;
		if (next_d <= next_a && next_d <= next_b) {
			if (next_d == INFINITY)
				break;
			t = next_d;
			if (s->heap[0].leaving)
				s->nleave--;
			wfm_ev_pop(s->heap, &s->nheap);
			dispatch(s, t, servers);
		} else if (next_b <= next_a) {
			t = next_b;
			if (++k < p->n) {
				servers = p->agents[k];
				set_servers(s, servers);
				rate = p->volume[k] / p->step;
				next_b = t + p->step;
				/* memoryless: redraw the next arrival from the boundary */
				next_a = rate > 0 ? t + gsl_ran_exponential(s->rng, 1 / rate) : INFINITY;
			} else {
				next_b = next_a = INFINITY;
			}
			dispatch(s, t, servers);
		} else {
			struct waiting w = { next_a, INFINITY, p->aht[k], k };
			t = next_a;
			if (p->patience > 0)
				w.give_up = t + gsl_ran_exponential(s->rng, p->patience);
			s->cnt[k].arrivals++;
			if (wfm_ring_push(&s->q, &w))
				return -1;
			dispatch(s, t, servers);
			next_a = t + gsl_ran_exponential(s->rng, 1 / rate);
			if (next_a >= next_b)
				next_a = next_b + 1;   /* redrawn at the boundary */
		}
	}
	/* no agents left at the end: the still waiting give up or are never answered */
	while (s->q.len) {
		struct waiting w;
		wfm_ring_pop(&s->q, &w);
		if (w.give_up < INFINITY)
			s->cnt[w.iv].abandoned++;
	}
	/* ratio estimators per interval: x / y summed over replications */
	for (size_t i = 0; i < p->n; i++)
		wfm_sim_acc_add(s->acc + 15 * i, &s->cnt[i]);
	return ++s->reps;
}

static void sums_add(double *a, double x, double y)
{
	a[0] += x;
	a[1] += y;
	a[2] += x * x;
	a[3] += y * y;
	a[4] += x * y;
}

void wfm_sim_acc_add(double *a, const struct wfm_sim_counts *c)
{
	sums_add(a, c->answered_in_t, c->arrivals);
	sums_add(a + 5, c->wait_sum, c->answered);
	sums_add(a + 10, c->abandoned, c->arrivals);
}

const struct wfm_sim_counts *wfm_sim_counts(const wfm_sim *s)
{
	return s->cnt;
}

/* Ratio estimate sum x / sum y over r replications with its 95% half-width
 * (delta method: s^2 = sum (x - q y)^2 / (r - 1), hw = t s / (sqrt(r) mean y)). */
static void ratio(const double *a, long r, double *q, double *hw)
{
	double s2, ybar;

	if (a[1] <= 0) {
		*q = *hw = NAN;
		return;
	}
	*q = a[0] / a[1];
	if (r < 2) {
		*hw = NAN;
		return;
	}
	s2 = (a[2] - 2 * *q * a[4] + *q * *q * a[3]) / (double)(r - 1);
	ybar = a[1] / (double)r;
	*hw = gsl_cdf_tdist_Pinv(0.975, (double)(r - 1)) * sqrt(s2 > 0 ? s2 : 0) /
	      (sqrt((double)r) * ybar);
}

void wfm_sim_acc_stat(const double *a, long reps, struct wfm_sim_stat *o)
{
	ratio(a, reps, &o->sl, &o->sl_hw);
	ratio(a + 5, reps, &o->asa, &o->asa_hw);
	ratio(a + 10, reps, &o->abandon, &o->abandon_hw);
	o->reps = reps;
}

void wfm_sim_stat(const wfm_sim *s, size_t i, struct wfm_sim_stat *o)
{
	wfm_sim_acc_stat(s->acc + 15 * i, s->reps, o);
}

void wfm_sim_done(wfm_sim *s)
{
	if (s) {
		gsl_rng_free(s->rng);
		WFM_FREE(s->heap, s->q.v, s->cnt, s->acc, s);
	}
}

void wfm_sim_plan_free(struct wfm_sim_plan *pl)
{
	WFM_FREE(pl->t, pl->volume, pl->aht, pl->agents);
	memset(pl, 0, sizeof(*pl));
}

/* The plan of the channel from requirements g. */
static int plan_fill(const wfm_requirements *g, const char *path, const char *channel,
		     struct wfm_sim_plan *pl, wfm_error *err)
{
	const char *file = !strcmp(path, "-") ? "<stdin>" : path;
	size_t c, i0, i1, base;
	long prev_line = 0;

	if (!wfm_requirements_need(g, "volume", err) || !wfm_requirements_need(g, "aht_s", err) ||
	    !wfm_requirements_need(g, "agents", err))
		return -1;
	for (c = 0; c < g->nchan && strcmp(g->channel[c], channel); c++)
		;
	if (c == g->nchan)
		return wfm_error_at(err, path, 0, "channel", "no rows for channel \"%s\"", channel);
	/* the channel's first to last row, with no interval missing */
	base = c * g->n;
	for (i0 = 0; !g->line[base + i0]; i0++)
		;
	for (i1 = g->n; !g->line[base + i1 - 1]; i1--)
		;
	pl->n = i1 - i0;
	pl->step = g->step;
	pl->t = malloc(pl->n * sizeof(int64_t));
	pl->volume = malloc(pl->n * sizeof(double));
	pl->aht = malloc(pl->n * sizeof(double));
	pl->agents = malloc(pl->n * sizeof(long));
	if (!pl->t || !pl->volume || !pl->aht || !pl->agents)
		return wfm_error_set(err, "out of memory");
	for (size_t i = i0; i < i1; i++) {
		long line = g->line[base + i];
		double a = g->aht[base + i], n = g->agents[base + i];
		if (!line) {
			size_t j = i;
			while (!g->line[base + j])
				j++;
			return wfm_error_at(err, file, g->line[base + j], "timestamp",
					    "not %d s after line %ld (rows of a channel must be sorted and regular)",
					    pl->step, prev_line);
		}
		if (isnan(a))
			return wfm_error_at(err, file, line, "aht_s", "empty, a number is required");
		if (a <= 0)
			return wfm_error_at(err, file, line, "aht_s", "%g is not positive", a);
		if (n > 1e7)
			return wfm_error_at(err, file, line, "agents", "%g is out of range", n);
		pl->t[i - i0] = wfm_requirements_time(g, i);
		pl->volume[i - i0] = g->volume[base + i];
		pl->aht[i - i0] = a;
		pl->agents[i - i0] = lround(n);
		prev_line = line;
	}
	return 0;
}

int wfm_sim_plan_load(const char *path, const wfm_tz *tz, const char *channel,
		      struct wfm_sim_plan *pl, wfm_error *err)
{
	wfm_requirements *g = wfm_requirements_load(path, tz, err);
	int rc;

	memset(pl, 0, sizeof(*pl));
	rc = g ? plan_fill(g, path, channel, pl, err) : -1;
	wfm_requirements_free(g);
	if (rc)
		wfm_sim_plan_free(pl);
	return rc;
}

struct wfm_sim_volumes {
	size_t n;
	const double *mean, *shape;
	const long *day;
	double r;
	gsl_rng *rng;
	double *out;
};

wfm_sim_volumes *wfm_sim_volumes_alloc(size_t n, const double *mean, const double *shape,
				       const long *day, double day_share, unsigned long seed,
				       wfm_error *err)
{
	wfm_sim_volumes *v = calloc(1, sizeof(*v));

	if (!v || !(v->rng = gsl_rng_alloc(gsl_rng_mt19937)) ||
	    !(v->out = malloc((n + 1) * sizeof(double)))) {
		wfm_sim_volumes_free(v);
		return wfm_oom(err);
	}
	*v = (struct wfm_sim_volumes){ n, mean, shape, day, day_share, v->rng, v->out };
	gsl_rng_set(v->rng, seed ^ 0x5eedUL);
	return v;
}

const double *wfm_sim_volumes_draw(wfm_sim_volumes *v)
{
	double zd = 0;

	for (size_t i = 0; i < v->n; i++) {
		double k = v->shape[i], m = v->mean[i], u, x;
		if (i == 0 || v->day[i] != v->day[i - 1])
			zd = gsl_ran_ugaussian(v->rng);
		u = gsl_cdf_ugaussian_P(sqrt(v->r) * zd + sqrt(1 - v->r) * gsl_ran_ugaussian(v->rng));
		if (!(m > 0) || isinf(k)) {
			v->out[i] = m > 0 ? m : 0;
			continue;
		}
		u = fmin(fmax(u, 1e-12), 1 - 1e-12);
		x = k > 1e6 ? NAN : gsl_cdf_gamma_Pinv(u, k, m / k);
		v->out[i] = isfinite(x) ? x : fmax(0, m + gsl_cdf_ugaussian_Pinv(u) * m / sqrt(k));
	}
	return v->out;
}

void wfm_sim_volumes_free(wfm_sim_volumes *v)
{
	if (v) {
		gsl_rng_free(v->rng);
		WFM_FREE(v->out, v);
	}
}

struct wfm_sim_met {
	size_t n, ndays;
	const long *day;
	double target, *imet, *dmet, *dsl;
	long *dfirst, reps;
};

wfm_sim_met *wfm_sim_met_alloc(size_t n, const long *day, double target, wfm_error *err)
{
	wfm_sim_met *m = calloc(1, sizeof(*m));

	if (!m || !(m->imet = calloc(n + 1, sizeof(double))) ||
	    !(m->dmet = calloc(n + 1, sizeof(double))) || !(m->dsl = calloc(n + 1, sizeof(double))) ||
	    !(m->dfirst = calloc(n + 1, sizeof(long)))) {
		wfm_sim_met_free(m);
		return wfm_oom(err);
	}
	m->n = n;
	m->day = day;
	m->target = target;
	for (size_t i = 0; i < n; i++)
		if (i == 0 || day[i] != day[i - 1])
			m->dfirst[m->ndays++] = (long)i;
	m->dfirst[m->ndays] = (long)n;
	return m;
}

void wfm_sim_met_add(wfm_sim_met *m, const struct wfm_sim_counts *c)
{
	for (size_t k = 0; k < m->ndays; k++) {
		double in_t = 0, arr = 0;
		for (long i = m->dfirst[k]; i < m->dfirst[k + 1]; i++) {
			m->imet[i] += c[i].arrivals <= 0 || c[i].answered_in_t >= m->target * c[i].arrivals;
			in_t += c[i].answered_in_t;
			arr += c[i].arrivals;
		}
		m->dmet[k] += arr <= 0 || in_t >= m->target * arr;
		m->dsl[k] += arr > 0 ? in_t / arr : 1;
	}
	m->reps++;
}

/* The share p = x / r and the half-width of its 95% Wilson score interval
 * (centre (p + z^2/2r) / (1 + z^2/r)): unlike the normal one it keeps a
 * width at p = 0 and p = 1. */
static void binom(double x, long r, double *p, double *hw)
{
	const double z = 1.96;
	double n = (double)r;

	*p = r > 0 ? x / n : NAN;
	*hw = r > 0 ? z / (1 + z * z / n) * sqrt(*p * (1 - *p) / n + z * z / (4 * n * n)) : NAN;
}

void wfm_sim_met_interval(const wfm_sim_met *m, size_t i, double *p, double *hw)
{
	binom(m->imet[i], m->reps, p, hw);
}

size_t wfm_sim_met_ndays(const wfm_sim_met *m)
{
	return m->ndays;
}

void wfm_sim_met_day(const wfm_sim_met *m, size_t k, long *day, double *p, double *hw, double *sl)
{
	*day = m->day[m->dfirst[k]];
	binom(m->dmet[k], m->reps, p, hw);
	*sl = m->reps > 0 ? m->dsl[k] / (double)m->reps : NAN;
}

void wfm_sim_met_free(wfm_sim_met *m)
{
	if (m)
		WFM_FREE(m->imet, m->dmet, m->dsl, m->dfirst, m);
}

void wfm_sim_draws_volumes(const struct wfm_sim_draws *d, size_t nc, size_t n, double *vol)
{
	for (size_t c = 0; c < nc; c++)
		if (d->vd[c])
			memcpy(vol + c * n, wfm_sim_volumes_draw(d->vd[c]), n * sizeof(double));
}

void wfm_sim_draws_met(const struct wfm_sim_draws *d, size_t nc, size_t n,
		       const struct wfm_sim_counts *c)
{
	for (size_t k = 0; k < nc; k++)
		if (d->met[k])
			wfm_sim_met_add(d->met[k], c + k * n);
}

void wfm_sim_draws_free(struct wfm_sim_draws *d)
{
	for (size_t c = 0; c < 64; c++) {
		wfm_sim_volumes_free(d->vd[c]);
		wfm_sim_met_free(d->met[c]);
	}
}
