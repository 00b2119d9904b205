/* simcover.c - a plan's or roster's people as a simulation's staffing.
 * See simcover.h. */
#include "simcover.h"
#include "coverage.h"
#include "mem.h"
#include "plan.h"
#include "requirements.h"
#include "timeutil.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The share of the pooled agents channel rc gets at plan interval i: its
 * agents_gross over the interval's sum (wfm staff --evaluate's split). */
static double pool_share(const wfm_requirements *rq, long rc, int64_t t)
{
	int64_t d = t - rq->start;
	double total = 0, mine;
	size_t j;

	if (d < 0 || d % rq->step || d / rq->step >= (int64_t)rq->n)
		return 0;
	j = (size_t)(d / rq->step);
	for (size_t c = 0; c < rq->nchan; c++)
		if (!isnan(rq->agents_gross[c * rq->n + j]))
			total += rq->agents_gross[c * rq->n + j];
	mine = rq->agents_gross[(size_t)rc * rq->n + j];
	return total > 0 && !isnan(mine) ? mine / total : 0;
}

/* Length of the coverage's rows: the least gap between two times. */
static int64_t row_step(const wfm_coverage *cv, int64_t dflt)
{
	int64_t s = INT64_MAX;

	for (size_t k = 1; k < cv->n; k++) {
		int64_t d = cv->row[k].t - cv->row[k - 1].t;
		if (d > 0 && d < s)
			s = d;
	}
	return s == INT64_MAX ? dflt : s;
}

/* Cut pl and x to [i0, i1). */
static void cut(struct wfm_sim_plan *pl, double *x, size_t i0, size_t i1)
{
	size_t m = i1 - i0;

	memmove(pl->t, pl->t + i0, m * sizeof(*pl->t));
	memmove(pl->volume, pl->volume + i0, m * sizeof(*pl->volume));
	memmove(pl->aht, pl->aht + i0, m * sizeof(*pl->aht));
	memmove(pl->agents, pl->agents + i0, m * sizeof(*pl->agents));
	memmove(x, x + i0, m * sizeof(*x));
	pl->n = m;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Sum of the rows of channel chan (-1: pooled, split by rq's share of
 * channel rc) into sum[] and their number into cnt[] on pl's grid: a row
 * as long as the interval or shorter falls in the one holding its start,
 * a longer one covers every interval starting inside it. */
static void gather(const wfm_coverage *cv, long chan, const wfm_requirements *rq, long rc,
		   const struct wfm_sim_plan *pl, double *sum, double *cnt)
{
	int64_t rs = row_step(cv, pl->step);

	for (size_t k = 0; k < cv->n; k++) {
		const struct wfm_cov_row *r = &cv->row[k];
		int64_t d = r->t - pl->t[0];
		int64_t a = rs <= pl->step ? floor_div(d, pl->step) : -floor_div(-d, pl->step);
		int64_t b = rs <= pl->step ? a + 1 : -floor_div(-(d + rs), pl->step);
		if (r->chan != chan)
			continue;
		for (int64_t i = a < 0 ? 0 : a; i < b && i < (int64_t)pl->n; i++) {
			sum[i] += r->scheduled * (rq ? pool_share(rq, rc, pl->t[i]) : 1);
			cnt[i] += 1;
		}
	}
}

/* The index of the channel in the requirements *rq loaded for the pooled
 * rows' split, or -1. */
static long pool_channel(const char *requirements, const wfm_tz *tz, const char *name,
			 wfm_requirements **rq, wfm_error *err)
{
	long rc = -1;

	if (!(*rq = wfm_requirements_load(requirements, tz, err)) ||
	    !wfm_requirements_need(*rq, "agents_gross", err))
		return -1;
	while (++rc < (long)(*rq)->nchan && strcmp((*rq)->channel[rc], name))
		;
	if (rc == (long)(*rq)->nchan)
		return wfm_error_at(err, (*rq)->file, 0, "channel", "no rows for channel \"%s\"", name);
	return rc;
}

/* x: the mean of the rows gather() finds per interval, net of shrinkage;
 * pl and x cut to the intervals the coverage has rows for. */
static int staff_from(const wfm_coverage *cv, long chan, const wfm_requirements *rq, long rc,
		      const struct wfm_channel *ch, const char *requirements,
		      struct wfm_sim_plan *pl, double *x, wfm_error *err)
{
	double *cnt = calloc(pl->n, sizeof(double));
	size_t i0 = 0, i1 = 0;

	if (!cnt)
		return wfm_error_set(err, "out of memory");
	memset(x, 0, pl->n * sizeof(double));
	gather(cv, chan, rq, rc, pl, x, cnt);
	for (size_t i = 0; i < pl->n; i++) {
		x[i] = cnt[i] > 0 ? x[i] / cnt[i] * (1 - ch->shrinkage) : 0;
		if (cnt[i] > 0) {
			i0 = i1 ? i0 : i;
			i1 = i + 1;
		}
	}
	free(cnt);
	if (!i1)
		return wfm_error_at(err, cv->file, 0, "timestamp", "covers no interval of channel %s in %s",
				    ch->name, requirements);
	cut(pl, x, i0, i1);
	return 0;
}

int wfm_simcover_channel(const char *coverage, const char *requirements, const wfm_tz *tz,
			 const struct wfm_channel *ch, struct wfm_sim_plan *pl, double *x,
			 wfm_error *err)
{
	wfm_coverage *cv = NULL;
	wfm_requirements *rq = NULL;
	long chan = -1, rc = -1;
	int ret;

	if (!pl->n || !(cv = wfm_coverage_load(coverage, tz, err)))
		return pl->n ? -1 : wfm_error_set(err, "no intervals to simulate");
	for (size_t c = 0; c < cv->nchan; c++)
		if (!strcmp(cv->channel[c], ch->name))
			chan = (long)c;
	if (chan < 0 && (rc = pool_channel(requirements, tz, ch->name, &rq, err)) < 0)
		ret = -1;
	else
		ret = staff_from(cv, chan, rq, rc, ch, requirements, pl, x, err);
	wfm_requirements_free(rq);
	wfm_coverage_free(cv);
	return ret;
}

/* A roster (agent_id in the header line) rather than a plan. */
static int is_roster(const char *path)
{
	char line[512] = "";
	FILE *fp;

	if (!strcmp(path, "-") || !(fp = fopen(path, "r")))
		return 0;
	if (!fgets(line, sizeof(line), fp))
		line[0] = 0;
	fclose(fp);
	return strstr(line, "agent_id") != NULL;
}

static int64_t overlap(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
	int64_t lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
	return hi > lo ? hi - lo : 0;
}

/* Add shift s's people, count x minutes worked in each interval over its
 * minutes, to row x[0..n): wall[i] is interval i's local wall-clock
 * minute (days x 1440 + minute of day); the shift moved back by `back`
 * minutes. */
static void add_shift(const struct wfm_shift *s, int64_t back, const int64_t *wall, size_t n,
		      int mins, double *x)
{
	int64_t a = s->day * 1440 + s->start - back, b = s->day * 1440 + s->end - back;
	int64_t ba = s->bstart >= 0 ? s->day * 1440 + s->bstart - back : 0;
	int64_t bb = s->bstart >= 0 ? s->day * 1440 + s->bend - back : 0;

	for (size_t i = 0; i < n; i++) {
		int64_t w = overlap(a, b, wall[i], wall[i] + mins) - overlap(ba, bb, wall[i], wall[i] + mins);
		if (w > 0)
			x[i] += (double)s->count * (double)w / mins;
	}
}

int wfm_simcover_groups(const char *path, const wfm_tz *tz, int64_t start, int step, size_t n,
			const wfm_groups *gr, const double *shrink, double *x, size_t *first,
			size_t *last, wfm_error *err)
{
	wfm_plan *p = is_roster(path) ? wfm_roster_load(path, tz, err) : wfm_plan_load(path, tz, err);
	int64_t *wall = malloc((n + 1) * sizeof(int64_t));
	int rc = -1;

	if (!p || !wall) {
		if (p)
			wfm_error_set(err, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct wfm_tm tm;
		wfm_time_local(start + (int64_t)i * step, tz, &tm);
		wall[i] = tm.days * 1440 + tm.minute_of_day;
	}
	memset(x, 0, gr->n * n * sizeof(double));
	/* the window: the intervals of the days the plan's shifts start */
	int64_t d0 = INT64_MAX, d1 = INT64_MIN;
	for (size_t k = 0; k < p->n; k++) {
		d0 = p->s[k].day < d0 ? p->s[k].day : d0;
		d1 = p->s[k].day > d1 ? p->s[k].day : d1;
	}
	for (size_t k = 0; k < p->n; k++) {
		const struct wfm_shift *s = &p->s[k];
		long g = s->group && *s->group ? wfm_groups_find(gr, s->group) : -1;
		if (g < 0 && s->group && *s->group) {
			wfm_error_at(err, p->file, s->line, "group", "\"%s\" is not a group of %s",
				     s->group, gr->file);
			goto out;
		}
		if (g < 0) {
			wfm_error_at(err, p->file, s->line, "group",
				     "empty: --group-plan needs a plan or roster by skill groups");
			goto out;
		}
		add_shift(s, 0, wall, n, step / 60, x + (size_t)g * n);
		/* a week's plan repeats (as wfm shifts plans it): the last
		 * night's shifts also cover the first morning */
		if (d1 - d0 == 6)
			add_shift(s, 7 * 1440, wall, n, step / 60, x + (size_t)g * n);
	}
	*first = n;
	*last = 0;
	for (size_t i = 0; i < n; i++)
		if (wall[i] >= d0 * 1440 && wall[i] < (d1 + 1) * 1440) {
			*first = i < *first ? i : *first;
			*last = i;
		}
	for (size_t g = 0; g < gr->n; g++)
		for (size_t i = 0; i < n; i++)
			x[g * n + i] *= 1 - shrink[g];
	if (*first == n)
		wfm_error_at(err, p->file, 0, NULL, "none of its days is in the requirements");
	else
		rc = 0;
out:
	free(wall);
	wfm_plan_free(p);
	return rc;
}

struct wfm_sim_round {
	size_t n;
	const double *x;
	long *out;
	gsl_rng *rng;
};

wfm_sim_round *wfm_sim_round_alloc(size_t n, const double *x, long *out, unsigned long seed,
				   wfm_error *err)
{
	wfm_sim_round *r = calloc(1, sizeof(*r));

	if (!r || !(r->rng = gsl_rng_alloc(gsl_rng_mt19937))) {
		free(r);
		return wfm_oom(err);
	}
	r->n = n;
	r->x = x;
	r->out = out;
	gsl_rng_set(r->rng, seed ^ 0x20c0UL);
	for (size_t i = 0; i < n; i++)
		out[i] = (long)ceil(x[i] - 1e-9);
	return r;
}

void wfm_sim_round_draw(wfm_sim_round *r)
{
	for (size_t i = 0; i < r->n; i++) {
		double f = floor(r->x[i] + 1e-9);
		r->out[i] = (long)f + (gsl_rng_uniform(r->rng) < r->x[i] - f);
	}
}

void wfm_sim_round_free(wfm_sim_round *r)
{
	if (!r)
		return;
	gsl_rng_free(r->rng);
	free(r);
}
