/* pooled.c - per-interval pooled staffing for skill groups and its
 * simulation-based correction.  See pooled.h. */
#include "pooled.h"
#include "mem.h"
#include "mip.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct heur_arg {
	size_t ng, ncol;
	const long *cap;
};

/* Round the groups' head counts up: the LP's split stays feasible. */
static int round_up(const double *xlp, double *x, void *arg)
{
	const struct heur_arg *h = arg;
	size_t j;

	for (j = 0; j < h->ng; j++) {
		x[j] = ceil(xlp[j] - 1e-9);
		if (h->cap[j] >= 0 && x[j] > (double)h->cap[j])
			return -1;
	}
	for (; j < h->ncol; j++)
		x[j] = xlp[j];
	return 0;
}

/* One interval's MIP; cols: N_g (integer), then x_gc for g serving c with r_c > 0. */
static int solve_interval(const wfm_groups *gr, const double *r, long *N, double *xs,
			  wfm_error *err)
{
	size_t ng = gr->n, nc = gr->nchan, ncol;
	wfm_mip *m = wfm_mip_alloc(err);
	long cap[1024];
	int rc = -1, crow[64], grow0, srow0, trow;
	double total = 0;
	double *x = NULL;
	struct wfm_mip_result res;

	if (!m)
		return -1;
	for (size_t c = 0; c < nc; c++)
		crow[c] = r[c] > 1e-9 ? wfm_mip_add_row(m, r[c], -1) : -1;
	grow0 = (int)wfm_mip_nrows(m);
	for (size_t g = 0; g < ng; g++)
		wfm_mip_add_row(m, 0, -1);
	srow0 = (int)wfm_mip_nrows(m);
	for (size_t g = 0; g < ng; g++)
		if (gr->g[g].min_share > 0)
			wfm_mip_add_row(m, 0, -1);
	/* a valid cut: whole agents cover at least the rounded-up total; it
	 * lifts the LP bound to an integer so the search stops at once */
	for (size_t c = 0; c < nc; c++)
		total += r[c];
	trow = wfm_mip_add_row(m, ceil(total - 1e-9), -1);
	for (size_t g = 0; g < ng; g++) {
		int idx[1026];
		double val[1026];
		size_t k = 0, s = 0;
		idx[k] = grow0 + (int)g;
		val[k++] = 1;
		idx[k] = trow;
		val[k++] = 1;
		for (size_t h = 0; h < ng; h++)
			if (gr->g[h].min_share > 0) {
				idx[k] = srow0 + (int)s++;
				val[k++] = (h == g) - gr->g[h].min_share;
			}
		cap[g] = gr->g[g].max_agents;
		if (wfm_mip_add_col(m, 1 + 0.001 * ((double)gr->g[g].nskill - 1), 0,
				    cap[g] >= 0 ? (double)cap[g] : -1, k, idx, val, err) < 0)
			goto out;
	}
	wfm_mip_continuous_from(m, ng);
	for (size_t g = 0; g < ng; g++)
		for (size_t c = 0; c < nc; c++)
			if (crow[c] >= 0 && wfm_groups_serves(gr, g, c)) {
				int idx[2] = { crow[c], grow0 + (int)g };
				double val[2] = { 1, -1 };
				if (wfm_mip_add_col(m, 0, 0, -1, 2, idx, val, err) < 0)
					goto out;
			}
	ncol = wfm_mip_ncols(m);
	if (!(x = calloc(ncol + 1, sizeof(double)))) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	struct heur_arg ha = { ng, ncol, cap };
	/* stop within half the cost step of a generalist: optimal */
	struct wfm_mip_params mp = { 5, 0.0005 / (total + (double)ng + 1), round_up, &ha };
	if (wfm_mip_solve(m, &mp, x, &res, err))
		goto out;
	if (res.status == WFM_MIP_INFEASIBLE || res.objective == HUGE_VAL) {
		wfm_error_set(err, "infeasible: the groups' max_agents or min_share cannot cover "
			      "the channels' requirements");
		goto out;
	}
	size_t j = ng;
	for (size_t g = 0; g < ng; g++) {
		N[g] = lround(x[g]);
		for (size_t c = 0; c < nc; c++)
			xs[g * nc + c] = crow[c] >= 0 && wfm_groups_serves(gr, g, c) ? x[j++] : 0;
	}
	rc = 0;
out:
	free(x);
	wfm_mip_free(m);
	return rc;
}

int wfm_pooled_fluid(const wfm_groups *gr, size_t n, const double *req, long *agents,
		     double *split, wfm_error *err)
{
	size_t ng = gr->n, nc = gr->nchan;
	double r[64], *xs = malloc((ng * nc + 1) * sizeof(double));
	long N[1024];

	if (!xs)
		return wfm_error_set(err, "out of memory");
	if (nc > 64 || ng > 1024) {
		free(xs);
		return wfm_error_set(err, "more than 64 channels or 1024 groups");
	}
	for (size_t i = 0; i < n; i++) {
		int any = 0;
		for (size_t c = 0; c < nc; c++) {
			r[c] = req[c * n + i];
			any |= r[c] > 1e-9;
		}
		memset(N, 0, ng * sizeof(long));
		memset(xs, 0, ng * nc * sizeof(double));
		if (any && solve_interval(gr, r, N, xs, err)) {
			free(xs);
			return -1;
		}
		for (size_t g = 0; g < ng; g++) {
			agents[g * n + i] = N[g];
			for (size_t c = 0; split && c < nc; c++)
				split[(g * nc + c) * n + i] = xs[g * nc + c];
		}
	}
	free(xs);
	return 0;
}

/* The group with the fewest skills serving c with room for one more. */
static long group_for(const wfm_groups *gr, size_t c, const long *agents, size_t n, size_t i)
{
	long best = -1;

	for (size_t g = 0; g < gr->n; g++)
		if (wfm_groups_serves(gr, g, c) &&
		    (gr->g[g].max_agents < 0 || agents[g * n + i] < gr->g[g].max_agents) &&
		    (best < 0 || gr->g[g].nskill < gr->g[best].nskill))
			best = (long)g;
	return best;
}

/* Add one agent wherever the last simulation missed; returns the misses. */
static long add_where_missed(const struct wfm_mssim_params *p, wfm_mssim *s, long *agents,
			     const double *target, long unit, long *added)
{
	long misses = 0;

	for (size_t c = 0; c < p->gr->nchan; c++) {
		if (target[c] <= 0)
			continue;
		for (size_t i = 0; i < p->n; i++) {
			struct wfm_sim_stat st;
			long g;
			if (p->volume[c * p->n + i] <= 0)
				continue;
			wfm_mssim_stat(s, c, i, &st);
			if (!(st.sl < target[c]))
				continue;
			misses++;
			if ((g = group_for(p->gr, c, agents, p->n, i)) >= 0) {
				agents[(size_t)g * p->n + i] += unit;
				*added += unit;
			}
		}
	}
	return misses;
}

static int correct(const struct wfm_mssim_params *p, long *agents, const double *target,
		   long reps, int iters, long unit, struct wfm_pooled_report *rep, wfm_mssim **last,
		   wfm_error *err);

int wfm_pooled_correct(const struct wfm_mssim_params *p, long *agents, const double *target,
		       long reps, int iters, struct wfm_pooled_report *rep, wfm_mssim **last,
		       wfm_error *err)
{
	return correct(p, agents, target, reps, iters, 1, rep, last, err);
}

/* unit: agents added at a time (a chat agent is `concurrency` servers) */
static int correct(const struct wfm_mssim_params *p, long *agents, const double *target,
		   long reps, int iters, long unit, struct wfm_pooled_report *rep, wfm_mssim **last,
		   wfm_error *err)
{
	wfm_mssim *s = NULL;

	memset(rep, 0, sizeof(*rep));
	if (last)
		*last = NULL;
	for (int it = 0; it <= iters; it++) {
		long before = rep->added, miss;
		wfm_mssim_done(s);
		if (!(s = wfm_mssim_init(p, err)))
			return -1;
		for (long k = 0; k < reps; k++)
			if (wfm_mssim_step(s) < 0) {
				wfm_mssim_done(s);
				return wfm_error_set(err, "out of memory");
			}
		rep->iterations++;
		for (size_t c = 0; c < p->gr->nchan && c < WFM_POOLED_MAXCHAN; c++) {
			struct wfm_sim_stat st;
			wfm_mssim_total(s, c, &st);
			if (it == 0) {
				rep->sl_first[c] = st.sl;
				rep->hw_first[c] = st.sl_hw;
			}
			rep->sl_last[c] = st.sl;
			rep->hw_last[c] = st.sl_hw;
		}
		/* the last run only measures */
		if (it == iters) {
			long dummy = 0, *cp = malloc(p->gr->n * p->n * sizeof(long) + 1);
			if (!cp) {
				wfm_mssim_done(s);
				return wfm_error_set(err, "out of memory");
			}
			memcpy(cp, agents, p->gr->n * p->n * sizeof(long));
			miss = add_where_missed(p, s, cp, target, unit, &dummy);
			free(cp);
		} else
			miss = add_where_missed(p, s, agents, target, unit, &rep->added);
		if (it == 0)
			rep->misses_first = miss;
		rep->misses_last = miss;
		if (!miss || it == iters || rep->added == before)
			break;
	}
	if (last)
		*last = s;
	else
		wfm_mssim_done(s);
	return 0;
}

struct sim_inputs {
	double *volume, *aht, patience[WFM_POOLED_MAXCHAN], slsec[WFM_POOLED_MAXCHAN];
	double target[WFM_POOLED_MAXCHAN];
	int rank[WFM_POOLED_MAXCHAN];
};

void wfm_pooled_free(struct wfm_pooled *pl)
{
	WFM_FREE(pl->fluid, pl->agents, pl->gross, pl->req, pl->split);
	wfm_mssim_done(pl->sim);
	if (pl->inputs) {
		struct sim_inputs *in = pl->inputs;
		WFM_FREE(in->volume, in->aht, in);
	}
	memset(pl, 0, sizeof(*pl));
}


static void sim_inputs(const wfm_series *s, const wfm_channels *cfg, const int *map,
		       const struct wfm_staff_opts *so, const struct wfm_req *req,
		       const struct wfm_pooled_opts *po, struct sim_inputs *in)
{
	size_t n = s->n;

	for (size_t c = 0; c < s->nchan; c++) {
		double f;
		wfm_mssim_channel(&cfg->ch[map[c]], so->chat_overhead, &f, &in->patience[c],
				  &in->slsec[c], &in->target[c], &in->rank[c]);
		if (po->rank)
			in->rank[c] = po->rank[c];
		for (size_t i = 0; i < n; i++) {
			const struct wfm_req *r = &req[c * n + i];
			in->volume[c * n + i] = r->skip ? 0 : r->volume;
			in->aht[c * n + i] = r->aht * f;
		}
	}
}

/* People on shift: the fluid split grossed up per channel, plus the added
 * agents grossed up by the group's largest shrinkage. */
static void gross_up(const wfm_channels *cfg, const int *map, const wfm_groups *gr,
		     struct wfm_pooled *pl)
{
	size_t n = pl->n, nc = pl->nc;

	for (size_t g = 0; g < pl->ng; g++) {
		double smax = 0;
		for (size_t k = 0; k < gr->g[g].nskill; k++)
			smax = fmax(smax, cfg->ch[map[gr->g[g].skill[k]]].shrinkage);
		for (size_t i = 0; i < n; i++) {
			double v = (double)(pl->agents[g * n + i] - pl->fluid[g * n + i]) / (1 - smax);
			double used = 0;
			for (size_t c = 0; c < nc; c++) {
				double x = pl->split[(g * nc + c) * n + i];
				v += x / (1 - cfg->ch[map[c]].shrinkage);
				used += x;
			}
			/* idle capacity of the integer head count, at the largest shrinkage */
			v += fmax(0, (double)pl->fluid[g * n + i] - used) / (1 - smax);
			pl->gross[g * n + i] = v <= 1e-9 ? 0 : (long)ceil(v - 1e-9);
		}
	}
}

int wfm_pooled_staff(const wfm_series *s, const wfm_channels *cfg, const int *map,
		     const struct wfm_staff_opts *so, const struct wfm_req *req,
		     const wfm_groups *gr, const struct wfm_pooled_opts *po,
		     struct wfm_pooled *pl, wfm_error *err)
{
	size_t n = s->n, nc = s->nchan, ng = gr->n;
	struct sim_inputs *inp = calloc(1, sizeof(*inp));

	memset(pl, 0, sizeof(*pl));
	if (!inp)
		return wfm_error_set(err, "out of memory");
	pl->inputs = inp;
	pl->n = n;
	pl->nc = nc;
	pl->ng = ng;
	if (nc > WFM_POOLED_MAXCHAN)
		return wfm_error_set(err, "more than %d channels", WFM_POOLED_MAXCHAN);
	pl->fluid = calloc(ng * n + 1, sizeof(long));
	pl->agents = calloc(ng * n + 1, sizeof(long));
	pl->gross = calloc(ng * n + 1, sizeof(long));
	pl->req = calloc(nc * n + 1, sizeof(double));
	pl->split = calloc(ng * nc * n + 1, sizeof(double));
	inp->volume = calloc(nc * n + 1, sizeof(double));
	inp->aht = calloc(nc * n + 1, sizeof(double));
	if (!pl->fluid || !pl->agents || !pl->gross || !pl->req || !pl->split || !inp->volume ||
	    !inp->aht)
		return wfm_error_set(err, "out of memory");
	for (size_t c = 0; c < nc; c++)
		for (size_t i = 0; i < n; i++)
			pl->req[c * n + i] = wfm_staff_fractional(&cfg->ch[map[c]], so, &req[c * n + i],
								  s->step);
	if (wfm_pooled_fluid(gr, n, pl->req, pl->fluid, pl->split, err))
		return -1;
	memcpy(pl->agents, pl->fluid, ng * n * sizeof(long));
	sim_inputs(s, cfg, map, so, req, po, inp);
	struct wfm_mssim_params mp = { n, s->step, gr, inp->volume, inp->aht, pl->agents,
		inp->patience, inp->slsec, inp->rank, 0, po->seed };
	if (wfm_pooled_correct(&mp, pl->agents, inp->target, po->reps, po->iters, &pl->rep,
			       &pl->sim, err))
		return -1;
	gross_up(cfg, map, gr, pl);
	return 0;
}

/* One queue channel alone, in servers (chat: concurrency per agent). */
static int carry_channel(const wfm_series *s, const struct wfm_channel *ch, size_t c,
			 const struct wfm_staff_opts *so, struct wfm_req *req,
			 const struct wfm_pooled_opts *po, struct wfm_pooled_report *rep,
			 wfm_error *err)
{
	size_t n = s->n, sk = 0;
	long conc = ch->kind == WFM_CHAT ? ch->concurrency : 1, *servers = malloc((n + 1) * sizeof(long));
	double *vol = malloc((n + 1) * sizeof(double)), *aht = malloc((n + 1) * sizeof(double));
	double pat = ch->kind == WFM_ERLANG_A ? ch->patience : 0, slt = ch->sl_seconds;
	double target = ch->sl_target, f = 1 + (conc > 1 ? so->chat_overhead * (double)(conc - 1) : 0);
	char *name = s->channel[c];
	struct wfm_group g = { name, 1, &sk, -1, 0, -1, 0 };
	wfm_groups gr = { 1, &g, 1, &name, 0, "" };
	int rc = -1;

	if (!servers || !vol || !aht) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct wfm_req *r = &req[c * n + i];
		vol[i] = r->skip ? 0 : r->volume;
		aht[i] = r->aht * f;
		servers[i] = r->agents * conc;
	}
	struct wfm_mssim_params mp = { n, s->step, &gr, vol, aht, servers, &pat, &slt, NULL, 0,
		po->seed + c };
	if (correct(&mp, servers, &target, po->reps, po->iters, conc, rep, NULL, err))
		goto out;
	for (size_t i = 0; i < n; i++) {
		struct wfm_req *r = &req[c * n + i];
		if (r->skip || servers[i] / conc == r->agents)
			continue;
		r->agents = servers[i] / conc;
		r->gross = r->agents <= 0 ? 0 : (long)ceil((double)r->agents / (1 - ch->shrinkage) - 1e-9);
		wfm_staff_perf(ch, so, r->load, r->aht, s->step, (double)r->agents, &r->perf);
	}
	rc = 0;
out:
	WFM_FREE(servers, vol, aht);
	return rc;
}

int wfm_pooled_carry_over(const wfm_series *s, const wfm_channels *cfg, const int *map,
			  const struct wfm_staff_opts *so, struct wfm_req *req,
			  const struct wfm_pooled_opts *po, struct wfm_pooled_report *rep,
			  wfm_error *err)
{
	for (size_t c = 0; c < s->nchan; c++) {
		const struct wfm_channel *ch = &cfg->ch[map[c]];
		memset(&rep[c], 0, sizeof(rep[c]));
		if (ch->kind != WFM_BACKLOG && carry_channel(s, ch, c, so, req, po, &rep[c], err))
			return -1;
	}
	return 0;
}
