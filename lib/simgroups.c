/* simgroups.c - wfm simulate --groups.  See simgroups.h. */
#include "simgroups.h"
#include "groupreq.h"
#include "groups.h"
#include "mem.h"
#include "mssim.h"
#include "requirements.h"
#include "simcover.h"
#include "strlist.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Inputs of the multi-skill simulation, from requirements and channels,
 * on the window [i0, i0 + n) of the requirements' intervals (--group-plan:
 * the plan's days; else all of them). */
struct ms {
	wfm_requirements *rq;
	wfm_groups *gr;
	size_t i0, n;
	double *vol, *vol0, *aht, *x, *shape, pat[64], slsec[64], target[64];
	long *agents, *day;
	int rank[64], kind[64];
	wfm_sim_round *rnd;
	struct wfm_sim_draws dr;    /* with --forecast, per queue channel */
	wfm_mssim *sim;
};

/* --group-plan: the plan's people per group, net of the largest shrinkage
 * among the group's channels, on the window the plan covers. */
static int ms_plan(const struct wfm_simgroups_opts *o, const wfm_tz *tz, struct ms *m, wfm_error *err)
{
	const wfm_requirements *rq = m->rq;
	size_t G = m->gr->n, first, last;
	double shrink[64] = { 0 };
	double *x = malloc((G * rq->n + 1) * sizeof(double));

	if (G > 64 || !x) {
		free(x);
		return wfm_error_set(err, G > 64 ? "more than 64 skill groups" : "out of memory");
	}
	for (size_t g = 0; g < G; g++)
		for (size_t k = 0; k < m->gr->g[g].nskill; k++) {
			int c = wfm_channels_find(o->cfg, rq->channel[m->gr->g[g].skill[k]]);
			if (c >= 0)   /* an unknown channel is reported by ms_channel() */
				shrink[g] = fmax(shrink[g], o->cfg->ch[c].shrinkage);
		}
	if (wfm_simcover_groups(o->group_plan, tz, rq->start, rq->step, rq->n, m->gr, shrink, x, &first,
				&last, err)) {
		free(x);
		return -1;
	}
	m->i0 = first;
	m->n = last + 1 - first;
	for (size_t g = 0; g < G; g++)
		memmove(x + g * m->n, x + g * rq->n + first, m->n * sizeof(double));
	m->x = x;
	return (m->rnd = wfm_sim_round_alloc(G * m->n, x, m->agents, o->seed, err)) ? 0 : -1;
}

/* Channel c's volumes and handle times on the window, as simulated. */
static int ms_channel(const struct wfm_simgroups_opts *o, struct ms *m, size_t c, wfm_error *err)
{
	const wfm_requirements *rq = m->rq;
	int k = wfm_channels_find(o->cfg, rq->channel[c]);
	double f;

	if (k < 0)
		return wfm_error_at(err, rq->file, 0, "channel", "\"%s\" is not in %s", rq->channel[c],
				    o->cfg->file);
	m->kind[c] = o->cfg->ch[k].kind;
	wfm_mssim_channel(&o->cfg->ch[k], o->chat_overhead, &f, &m->pat[c], &m->slsec[c], &m->target[c],
			  &m->rank[c]);
	if (o->patience >= 0 && m->kind[c] != WFM_BACKLOG)
		m->pat[c] = o->patience;
	for (size_t i = 0; i < m->n; i++) {
		double v = rq->volume[c * rq->n + m->i0 + i], a = rq->aht[c * rq->n + m->i0 + i];
		m->vol[c * m->n + i] = m->vol0[c * m->n + i] = isnan(v) ? 0 : v;
		m->aht[c * m->n + i] = (isnan(a) || a <= 0 ? o->cfg->ch[k].aht : a) * f;
	}
	return 0;
}

/* --forecast: per queue channel its volume draws and P(SL met). */
static int ms_forecast(const struct wfm_simgroups_opts *o, const wfm_tz *tz, struct ms *m,
		       wfm_error *err)
{
	const wfm_requirements *rq = m->rq;
	int64_t *t = malloc((m->n + 1) * sizeof(int64_t));
	double *shape = m->shape = malloc((rq->nchan * m->n + 1) * sizeof(double));
	int rc = 0;

	if (!t || !shape || !(m->day = malloc((m->n + 1) * sizeof(long)))) {
		free(t);
		return wfm_error_set(err, "out of memory");
	}
	for (size_t i = 0; i < m->n; i++)
		t[i] = wfm_requirements_time(rq, m->i0 + i);
	for (size_t c = 0; !rc && c < rq->nchan; c++) {
		if (m->kind[c] == WFM_BACKLOG)
			continue;
		wfm_simfc_shapes(o->fc, rq->channel[c], t, m->n, tz, shape + c * m->n, m->day);
		if (!(m->dr.vd[c] = wfm_sim_volumes_alloc(m->n, m->vol0 + c * m->n, shape + c * m->n,
							  m->day, o->day_share, o->seed + c, err)) ||
		    !(m->dr.met[c] = wfm_sim_met_alloc(m->n, m->day, m->target[c], err)))
			rc = -1;
	}
	free(t);
	return rc;
}

static int ms_priority(const char *list, struct ms *m, wfm_error *err)
{
	wfm_strlist l;

	if (wfm_strlist_split(list, ',', &l))
		return wfm_error_set(err, "out of memory");
	for (size_t c = 0; c < m->rq->nchan; c++)
		m->rank[c] = (int)l.n;
	for (size_t k = 0; k < l.n; k++) {
		long c = wfm_groups_channel(m->gr, l.item[k]);
		if (c < 0) {
			wfm_error_set(err, "--priority: \"%s\" is not a channel of the requirements", l.item[k]);
			err->code = WFM_EUSAGE;
			wfm_strlist_free(&l);
			return -1;
		}
		m->rank[c] = (int)k;
	}
	wfm_strlist_free(&l);
	return 0;
}

static int ms_load(const struct wfm_simgroups_opts *o, const wfm_tz *tz, struct ms *m, wfm_error *err)
{
	size_t nc;

	if (!(m->rq = wfm_requirements_load(o->requirements, tz, err)) ||
	    !wfm_requirements_need(m->rq, "volume", err) || !wfm_requirements_need(m->rq, "aht_s", err))
		return -1;
	nc = m->rq->nchan;
	m->n = m->rq->n;
	if (nc > 64)
		return wfm_error_at(err, m->rq->file, 0, "channel", "more than 64 channels");
	if (!(m->gr = wfm_groupreq_groups(o->groups, (const char *const *)m->rq->channel, nc, err)))
		return -1;
	if (!(m->agents = calloc(m->gr->n * m->n + 1, sizeof(long))))
		return wfm_error_set(err, "out of memory");
	if (o->group_plan ? ms_plan(o, tz, m, err) :
	    wfm_groupreq_load(o->group_staffing, tz, m->rq->start, m->rq->step, m->n, m->gr, m->agents, err))
		return -1;
	m->vol = calloc(nc * m->n + 1, sizeof(double));
	m->vol0 = calloc(nc * m->n + 1, sizeof(double));
	m->aht = calloc(nc * m->n + 1, sizeof(double));
	if (!m->vol || !m->vol0 || !m->aht)
		return wfm_error_set(err, "out of memory");
	for (size_t c = 0; c < nc; c++)
		if (ms_channel(o, m, c, err))
			return -1;
	if (o->priority && ms_priority(o->priority, m, err))
		return -1;
	return o->fc ? ms_forecast(o, tz, m, err) : 0;
}

/* Replications: fresh volumes and rounded agents, then the run. */
static int ms_run(const struct wfm_simgroups_opts *o, struct ms *m, wfm_mssim *sim)
{
	size_t nc = m->rq->nchan;

	for (long r = 0; r < o->reps; r++) {
		wfm_sim_draws_volumes(&m->dr, nc, m->n, m->vol);
		if (m->rnd)
			wfm_sim_round_draw(m->rnd);
		if (wfm_mssim_step(sim) < 0)
			return -1;
		wfm_sim_draws_met(&m->dr, nc, m->n, wfm_mssim_counts(sim));
	}
	return 0;
}

wfm_simgroups *wfm_simgroups_run(const struct wfm_simgroups_opts *o, const wfm_tz *tz,
				 wfm_error *err)
{
	wfm_simgroups *g = calloc(1, sizeof(*g));
	struct ms *m;

	if (!g || !(m = g->ms = calloc(1, sizeof(*m)))) {
		free(g);
		return wfm_oom(err);
	}
	if (ms_load(o, tz, m, err))
		goto fail;
	struct wfm_mssim_params p = { m->n, m->rq->step, m->gr, m->vol, m->aht, m->agents, m->pat,
		m->slsec, m->rank, o->cv, o->seed };
	if (!(m->sim = wfm_mssim_init(&p, err)))
		goto fail;
	if (ms_run(o, m, m->sim)) {
		wfm_error_set(err, "out of memory");
		goto fail;
	}
	g->n = m->n;
	g->nchan = m->rq->nchan;
	g->channel = m->rq->channel;
	return g;
fail:
	wfm_simgroups_free(g);
	return NULL;
}

int wfm_simgroups_row(const wfm_simgroups *g, size_t i, size_t c, struct wfm_simout_row *row)
{
	const struct ms *m = g->ms;
	const wfm_requirements *rq = m->rq;

	if (!rq->line[c * rq->n + m->i0 + i])
		return 0;
	memset(row, 0, sizeof(*row));
	row->t = wfm_requirements_time(rq, m->i0 + i);
	row->channel = rq->channel[c];
	row->volume = m->vol0[c * m->n + i];
	row->sl_target = m->target[c] > 0 ? m->target[c] : NAN;
	wfm_mssim_stat(m->sim, c, i, &row->sim);
	row->p_met = row->p_met_hw = NAN;
	if (m->dr.met[c])
		wfm_sim_met_interval(m->dr.met[c], i, &row->p_met, &row->p_met_hw);
	return 1;
}

void wfm_simgroups_summary(const wfm_simgroups *g, size_t c, struct wfm_simgroups_sum *s)
{
	const struct ms *m = g->ms;

	s->target = m->target[c];
	s->loaded = s->below = 0;
	for (size_t i = 0; i < m->n; i++) {
		struct wfm_sim_stat si;
		if (m->vol0[c * m->n + i] <= 0)
			continue;
		wfm_mssim_stat(m->sim, c, i, &si);
		s->loaded++;
		s->below += si.sl < m->target[c];
	}
	wfm_mssim_total(m->sim, c, &s->total);
	s->met = m->dr.met[c];
}

void wfm_simgroups_free(wfm_simgroups *g)
{
	struct ms *m;

	if (!g)
		return;
	m = g->ms;
	wfm_mssim_done(m->sim);
	wfm_requirements_free(m->rq);
	wfm_groups_free(m->gr);
	wfm_sim_round_free(m->rnd);
	wfm_sim_draws_free(&m->dr);
	WFM_FREE(m->vol, m->vol0, m->aht, m->x, m->shape, m->agents, m->day, m, g);
}
