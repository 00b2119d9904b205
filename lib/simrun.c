/* simrun.c - one channel's simulation for wfm simulate.  See simrun.h. */
#include "simrun.h"
#include "erlang.h"
#include "mem.h"
#include "simcover.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct run {
	const struct wfm_channel *ch;
	struct wfm_sim_plan pl;
	double *vol, *shape, *x, conc;  /* x: coverage's servers, or NULL */
	long *day;
	wfm_sim *sim;
	struct wfm_sim_draws dr;  /* with --forecast: vd[0], met[0] */
	wfm_sim_round *rnd;
};

/* The formula's service with n servers, n fractional: linear between the
 * whole numbers around it, as wfm staff --evaluate. */
static void formula(double a, double aht, double patience, double n, double slsec,
		    struct wfm_queue_perf *f)
{
	long lo = (long)floor(n + 1e-9);
	double w = n - (double)lo;
	struct wfm_queue_perf g;

	for (int k = 0; k < 1 + (w > 1e-9); k++) {
		struct wfm_queue_perf *p = k ? &g : f;
		if (patience > 0)
			wfm_erlang_a(a, aht, patience, lo + k, slsec, p);
		else
			wfm_erlang_c(a, aht, lo + k, slsec, p);
	}
	if (w > 1e-9) {
		f->sl += w * (g.sl - f->sl);
		f->asa += w * (g.asa - f->asa);
		f->abandon += w * (g.abandon - f->abandon);
	}
}

/* Load the channel's plan (and coverage), scale chat to servers, and set
 * up the simulation, the forecast's draws and the rounding. */
static int run_init(const struct wfm_simrun_opts *o, const wfm_tz *tz, struct run *r,
		    double patience, wfm_error *err)
{
	struct wfm_sim_plan *pl = &r->pl;
	const struct wfm_channel *ch = r->ch;
	struct wfm_sim_params sp;

	if (wfm_sim_plan_load(o->requirements, tz, ch->name, pl, err))
		return -1;
	r->vol = malloc((pl->n + 1) * sizeof(double));
	r->shape = malloc((pl->n + 1) * sizeof(double));
	r->day = malloc((pl->n + 1) * sizeof(long));
	if (!r->vol || !r->shape || !r->day || (o->coverage && !(r->x = malloc((pl->n + 1) * sizeof(double)))))
		return wfm_error_set(err, "out of memory");
	if (o->coverage && wfm_simcover_channel(o->coverage, o->requirements, tz, ch, pl, r->x, err))
		return -1;
	r->conc = ch->kind == WFM_CHAT ? ch->concurrency : 1;
	for (size_t i = 0; i < pl->n; i++) {
		pl->agents[i] *= (long)r->conc;
		pl->aht[i] *= 1 + o->chat_overhead * (r->conc - 1);
		if (r->x)
			r->x[i] *= r->conc;
	}
	memcpy(r->vol, pl->volume, pl->n * sizeof(double));
	if (o->fc) {
		wfm_simfc_shapes(o->fc, ch->name, pl->t, pl->n, tz, r->shape, r->day);
		if (!(r->dr.vd[0] = wfm_sim_volumes_alloc(pl->n, pl->volume, r->shape, r->day,
							  o->day_share, o->seed, err)) ||
		    !(r->dr.met[0] = wfm_sim_met_alloc(pl->n, r->day, ch->sl_target, err)))
			return -1;
	}
	if (r->x && !(r->rnd = wfm_sim_round_alloc(pl->n, r->x, pl->agents, o->seed, err)))
		return -1;
	sp = (struct wfm_sim_params){ pl->n, pl->step, r->vol, pl->aht, pl->agents, o->cv, patience,
		ch->sl_seconds, o->seed };
	return (r->sim = wfm_sim_init(&sp, err)) ? 0 : -1;
}

wfm_simrun *wfm_simrun_channel(const struct wfm_simrun_opts *o, const struct wfm_channel *ch,
			       const wfm_tz *tz, wfm_error *err)
{
	wfm_simrun *s = calloc(1, sizeof(*s));
	struct run *r;

	if (!s || !(r = s->run = calloc(1, sizeof(*r)))) {
		free(s);
		return wfm_oom(err);
	}
	r->ch = ch;
	s->patience = o->patience >= 0 ? o->patience : ch->kind == WFM_ERLANG_A ? ch->patience : 0;
	int rc = run_init(o, tz, r, s->patience, err);
	for (long k = 0; !rc && k < o->reps; k++) {
		wfm_sim_draws_volumes(&r->dr, 1, r->pl.n, r->vol);
		if (r->rnd)
			wfm_sim_round_draw(r->rnd);
		if (wfm_sim_step(r->sim) < 0)
			rc = wfm_error_set(err, "out of memory");
		else
			wfm_sim_draws_met(&r->dr, 1, r->pl.n, wfm_sim_counts(r->sim));
	}
	if (rc) {
		wfm_simrun_free(s);
		return NULL;
	}
	s->n = r->pl.n;
	s->met = r->dr.met[0];
	return s;
}

void wfm_simrun_row(const wfm_simrun *s, size_t i, struct wfm_simout_row *row)
{
	const struct run *r = s->run;
	const struct wfm_sim_plan *pl = &r->pl;
	double n = r->x ? r->x[i] : (double)pl->agents[i];

	row->t = pl->t[i];
	row->channel = r->ch->name;
	row->volume = pl->volume[i];
	row->agents = n / r->conc;
	row->sl_target = r->ch->sl_target;
	formula(pl->volume[i] * pl->aht[i] / pl->step, pl->aht[i], s->patience, n, r->ch->sl_seconds,
		&row->formula);
	wfm_sim_stat(r->sim, i, &row->sim);
	row->p_met = row->p_met_hw = NAN;
	if (r->dr.met[0])
		wfm_sim_met_interval(r->dr.met[0], i, &row->p_met, &row->p_met_hw);
}

double wfm_simrun_sl(const wfm_simrun *s, double *formula_sl, double *sim_sl)
{
	double wf = 0, ws = 0, wv = 0;

	for (size_t i = 0; i < s->n; i++) {
		struct wfm_simout_row row;
		wfm_simrun_row(s, i, &row);
		if (isfinite(row.sim.sl)) {
			wv += row.volume;
			wf += row.volume * row.formula.sl;
			ws += row.volume * row.sim.sl;
		}
	}
	*formula_sl = wv > 0 ? wf / wv : NAN;
	*sim_sl = wv > 0 ? ws / wv : NAN;
	return wv;
}

void wfm_simrun_free(wfm_simrun *s)
{
	struct run *r;

	if (!s)
		return;
	r = s->run;
	wfm_sim_draws_free(&r->dr);
	wfm_sim_round_free(r->rnd);
	wfm_sim_done(r->sim);
	wfm_sim_plan_free(&r->pl);
	WFM_FREE(r->vol, r->shape, r->day, r->x, r, s);
}
