/* functions.c - per-interval function of every agent on shift (functions.h). */
#include "functions.h"
#include "csv.h"
#include "timeutil.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void wfm_functions_free(wfm_functions *f)
{
	if (!f)
		return;
	for (size_t c = 0; c < f->nfunc; c++)
		free(f->func[c]);
	free(f->func);
	free(f->realtime);
	free(f->agent);
	free(f->f);
	free(f->req);
	free(f->cov);
	free(f->outstanding);
	free(f->blocks);
	free(f->deadline_h);
	free(f->oldest_h);
	free(f->overdue);
	free(f);
}

static int64_t overlap(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
	int64_t lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
	return hi > lo ? hi - lo : 0;
}

static int64_t local_to_utc(const wfm_tz *tz, int64_t day, int min)
{
	int64_t local = day * 86400 + (int64_t)min * 60, utc;
	if (wfm_tz_to_utc(tz, local, 0, &utc) == WFM_TZ_GAP)
		utc = local - wfm_tz_offset(tz, local - 86400);  /* in a gap: the old offset */
	return utc;
}

/* Per agent present in the day: worked weight and break flag per interval. */
struct pres { double *w; unsigned char *brk; };

/* Whether agent a (index in ag) has skill of function c; rank 0 = primary. */
static int skill_rank(const wfm_agents *ag, size_t a, const char *fname)
{
	return wfm_agents_skill(ag, a, fname);
}

wfm_functions *wfm_functions_plan(const wfm_plan *roster, const wfm_requirements *req,
				  const wfm_agents *ag, int64_t day, const wfm_tz *tz,
				  const struct wfm_functions_opts *o, wfm_error *err)
{
	wfm_functions *f = calloc(1, sizeof(*f));
	int64_t d0 = wfm_time_day_start(day, tz), d1 = wfm_time_day_start(day + 1, tz);
	size_t nch, n, na = 0, *amap = NULL;
	double *w = NULL, *q = NULL, *rem = NULL, *slack = NULL;
	size_t *head = NULL;
	unsigned char *brk = NULL;
	int *rank = NULL;   /* rank[j * nch + c]: skill rank, -1 none */
	int *cur = NULL;
	char d[16];

	wfm_time_format_date(day, d, sizeof(d));
	if (!f)
		goto oom;
	f->step = o->step ? o->step : req->step;
	if (f->step > req->step || req->step % f->step) {
		wfm_error_set(err, "--step %d min does not divide the requirements' %d-minute intervals",
			      f->step / 60, req->step / 60);
		goto fail;
	}
	f->start = d0;
	f->nint = n = (size_t)((d1 - d0 + f->step - 1) / f->step);
	if (d1 <= req->start || d0 >= req->start + (int64_t)req->n * req->step) {
		wfm_error_at(err, req->file, 0, "timestamp", "no requirements on %s", d);
		goto fail;
	}
	/* functions: requirement channels, then skills of the staff not among
	 * them (backlog with no requirement), then BREAK */
	nch = req->nchan;
	if (!(f->func = calloc(nch + 1, sizeof(char *))))
		goto oom;
	for (size_t c = 0; c < nch; c++)
		if (!(f->func[c] = strdup(req->channel[c])))
			goto oom;
	f->nfunc = nch;
	for (size_t a = 0; a < ag->n; a++)
		for (size_t k = 0; k < ag->a[a].skills.n; k++) {
			size_t c;
			for (c = 0; c < f->nfunc && strcasecmp(f->func[c], ag->a[a].skills.item[k]); c++)
				;
			if (c == f->nfunc) {
				char **p = realloc(f->func, (f->nfunc + 2) * sizeof(char *));
				if (!p)
					goto oom;
				f->func = p;
				if (!(f->func[f->nfunc++] = strdup(ag->a[a].skills.item[k])))
					goto oom;
			}
		}
	nch = f->nfunc;
	if (!(f->func[f->nfunc++] = strdup("break")))
		goto oom;
	/* agents present: any roster row overlapping the day */
	if (!(amap = malloc(ag->n * sizeof(size_t))))
		goto oom;
	for (size_t a = 0; a < ag->n; a++)
		amap[a] = (size_t)-1;
	for (size_t i = 0; i < roster->n; i++) {
		const struct wfm_shift *s = &roster->s[i];
		long a = wfm_agents_find(ag, s->agent);
		if (a < 0) {
			wfm_error_at(err, roster->file, s->line, "agent_id", "agent \"%.40s\" is not in %s",
				     s->agent, ag->file);
			goto fail;
		}
		if (overlap(local_to_utc(tz, s->day, s->start), local_to_utc(tz, s->day, s->end), d0, d1) > 0)
			amap[a] = 0;
	}
	for (size_t a = 0; a < ag->n; a++)
		if (amap[a] == 0)
			amap[a] = na++;
	f->nag = na;
	f->agent = malloc((na + 1) * sizeof(size_t));
	f->f = malloc((n * na + 1) * sizeof(short));
	f->req = calloc(nch * n + 1, sizeof(double));
	f->cov = calloc(nch * n + 1, sizeof(double));
	f->outstanding = calloc(nch * n + 1, sizeof(double));
	f->blocks = calloc(na + 1, sizeof(int));
	f->realtime = calloc(nch + 1, sizeof(int));
	w = calloc(n * na + 1, sizeof(double));
	brk = calloc(n * na + 1, 1);
	rank = malloc((na * nch + 1) * sizeof(int));
	cur = malloc((na + 1) * sizeof(int));
	q = calloc(nch + 1, sizeof(double));
	rem = calloc(nch * n + 1, sizeof(double));
	slack = calloc(nch + 1, sizeof(double));
	head = calloc(nch + 1, sizeof(size_t));
	f->deadline_h = calloc(nch + 1, sizeof(double));
	f->oldest_h = calloc(nch * n + 1, sizeof(double));
	f->overdue = calloc(nch * n + 1, sizeof(double));
	if (!rem || !slack || !head || !f->deadline_h || !f->oldest_h || !f->overdue)
		goto oom;
	for (size_t c = 0; c < nch; c++) {
		f->deadline_h[c] = 24;
		for (size_t k = 0; k < o->ndeadline; k++)
			if (!strcasecmp(o->deadline_name[k], f->func[c]))
				f->deadline_h[c] = o->deadline_h[k];
	}
	if (!f->agent || !f->f || !f->req || !f->cov || !f->outstanding || !f->blocks || !f->realtime ||
	    !w || !brk || !rank || !cur || !q)
		goto oom;
	for (size_t a = 0; a < ag->n; a++)
		if (amap[a] != (size_t)-1)
			f->agent[amap[a]] = a;
	for (size_t j = 0; j < na; j++) {
		cur[j] = -1;
		for (size_t c = 0; c < nch; c++)
			rank[j * nch + c] = skill_rank(ag, f->agent[j], f->func[c]);
	}
	for (size_t c = 0; c < nch; c++)
		for (size_t k = 0; k < o->nrealtime; k++)
			if (!strcasecmp(o->realtime[k], f->func[c]))
				f->realtime[c] = 1;
	/* presence: worked share of each interval, break flag */
	for (size_t i = 0; i < roster->n; i++) {
		const struct wfm_shift *s = &roster->s[i];
		size_t j = amap[wfm_agents_find(ag, s->agent)];
		int64_t s0, s1, b0 = 0, b1 = 0;
		if (j == (size_t)-1)
			continue;
		s0 = local_to_utc(tz, s->day, s->start);
		s1 = local_to_utc(tz, s->day, s->end);
		if (s->bstart >= 0) {
			b0 = local_to_utc(tz, s->day, s->bstart);
			b1 = local_to_utc(tz, s->day, s->bend);
		}
		for (size_t t = 0; t < n; t++) {
			int64_t t0 = d0 + (int64_t)t * f->step, t1 = t0 + f->step;
			int64_t on = overlap(s0, s1, t0, t1), off = overlap(b0, b1, t0, t1);
			if (!on)
				continue;
			if (off > 0 && off >= on - off)
				brk[t * na + j] = 1;
			else
				w[t * na + j] += (double)(on - off) / f->step;
		}
	}
	/* requirements on the output grid */
	for (size_t t = 0; t < n; t++) {
		int64_t t0 = d0 + (int64_t)t * f->step, k = (t0 - req->start) / req->step;
		for (size_t c = 0; c < req->nchan; c++) {
			double v = (t0 >= req->start && k < (int64_t)req->n) ? req->agents[c * req->n + (size_t)k] : NAN;
			f->req[c * n + t] = isnan(v) ? 0 : v;
		}
	}
	/* the schedule, interval by interval */
	for (size_t t = 0; t < n; t++) {
		short *ft = f->f + t * na;
		double *wt = w + t * na;
		double *cov = f->cov;
		for (size_t j = 0; j < na; j++)
			ft[j] = brk[t * na + j] ? (short)nch : (wt[j] > 0 ? (short)cur[j] : -1);
		/* agents with a function keep it for now; new agents are -2 */
		for (size_t j = 0; j < na; j++)
			if (wt[j] > 0 && !brk[t * na + j] && cur[j] < 0)
				ft[j] = -2;
		for (size_t c = 0; c < nch; c++) {
			cov[c * n + t] = 0;
			slack[c] = f->deadline_h[c] - (q[c] > 1e-9 ? (double)(t - head[c]) * f->step / 3600.0 : 0);
		}
		for (size_t j = 0; j < na; j++)
			if (ft[j] >= 0 && ft[j] < (short)nch)
				cov[ft[j] * n + t] += wt[j];
		/* 1. real-time channels: new agents, then backlog workers, then
		 * surplus real-time agents; primary skill first.  Each agent goes
		 * to the short channel with the lowest covered share of its
		 * requirement (water filling), so a shortfall is spread over the
		 * real-time channels instead of falling on the last one. */
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
						for (size_t j = 0; j < na && !(cand >= 0 && crank == 0); j++) {
							int g = ft[j], rk = rank[j * nch + c];
							if (rk < 0 || (cand >= 0 && rk >= crank))
								continue;
							if (pass == 0 && g != -2)
								continue;
							if (pass == 1 && (g < 0 || g >= (int)nch || f->realtime[g]))
								continue;
							if (pass == 2 && (g < 0 || g >= (int)nch || !f->realtime[g] || g == (int)c ||
									  cov[g * n + t] - wt[j] < f->req[g * n + t] - 1e-9))
								continue;
							if (pass > 0 && f->blocks[j] >= o->max_blocks)
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
					if (ft[bj] >= 0)
						cov[ft[bj] * n + t] -= wt[bj];
					ft[bj] = (short)bc;
					cov[bc * n + t] += wt[bj];
				}
		/* 2. new agents left: backlog work, the channel whose oldest
		 * outstanding work is nearest its deadline first (a secondary skill
		 * counts as 1 h less urgent), then the most work; when no backlog
		 * skill has work left, the most work, else the primary skill */
		for (size_t j = 0; j < na; j++) {
			int best = -1;
			double bq = 0, bs = 0;
			if (ft[j] != -2)
				continue;
			for (size_t c = 0; c < nch; c++) {
				double v, sl;
				if (rank[j * nch + c] < 0 || f->realtime[c])
					continue;
				v = q[c] * 3600.0 / f->step + f->req[c * n + t] - cov[c * n + t];
				sl = (v > 1e-9 ? slack[c] : 1e9 - v) + (rank[j * nch + c] == 0 ? 0 : 1);
				if (best < 0 || sl < bs - 1e-9 || (sl < bs + 1e-9 && v > bq + 1e-9)) {
					best = (int)c;
					bq = v;
					bs = sl;
				}
			}
			if (best < 0)
				for (size_t c = 0; c < nch && best < 0; c++)
					if (rank[j * nch + c] == 0)
						best = (int)c;
			ft[j] = (short)best;
			cov[best * n + t] += wt[j];
		}
		/* 3. surplus on a real-time channel moves to backlog work when the
		 * agent keeps a spare block for the way back */
		for (size_t j = 0; j < na; j++) {
			int g = ft[j], best = -1;
			double bq = 0, bs = 0;
			if (g < 0 || g >= (int)nch || !f->realtime[g] || f->blocks[j] + 2 > o->max_blocks ||
			    cov[g * n + t] - wt[j] < f->req[g * n + t] - 1e-9)
				continue;
			for (size_t c = 0; c < nch; c++) {
				double v;
				if (rank[j * nch + c] < 0 || f->realtime[c])
					continue;
				v = q[c] * 3600.0 / f->step + f->req[c * n + t] - cov[c * n + t];
				if (v > 1 - 1e-9 && (best < 0 || slack[c] < bs - 1e-9 ||
						     (slack[c] < bs + 1e-9 && v > bq + 1e-9))) {
					best = (int)c;
					bq = v;
					bs = slack[c];
				}
			}
			if (best < 0)
				continue;
			cov[g * n + t] -= wt[j];
			ft[j] = (short)best;
			cov[best * n + t] += wt[j];
		}
		/* blocks and backlog bookkeeping */
		for (size_t j = 0; j < na; j++) {
			int g = ft[j];
			if (g < 0 || g >= (int)nch)
				continue;
			if (g != cur[j])
				f->blocks[j]++;
			cur[j] = g;
		}
		for (size_t c = 0; c < nch; c++) {
			if (f->realtime[c])
				continue;
			double done = cov[c * n + t] * f->step / 3600.0, od = 0;
			/* first in, first out: work arrives at the interval's start */
			rem[c * n + t] = f->req[c * n + t] * f->step / 3600.0;
			while (head[c] <= t && done > 1e-12) {
				double x = rem[c * n + head[c]] < done ? rem[c * n + head[c]] : done;
				rem[c * n + head[c]] -= x;
				done -= x;
				if (rem[c * n + head[c]] <= 1e-12)
					head[c]++;
			}
			while (head[c] <= t && rem[c * n + head[c]] <= 1e-12)
				head[c]++;
			q[c] = 0;
			for (size_t h = head[c]; h <= t; h++) {
				q[c] += rem[c * n + h];
				if ((double)(t + 1 - h) * f->step / 3600.0 > f->deadline_h[c] + 1e-9)
					od += rem[c * n + h];
			}
			f->outstanding[c * n + t] = q[c];
			f->oldest_h[c * n + t] = q[c] > 1e-9 ? (double)(t + 1 - head[c]) * f->step / 3600.0 : 0;
			f->overdue[c * n + t] = od;
		}
	}
	for (size_t c = 0; c < f->nfunc; c++)
		for (char *p = f->func[c]; *p; p++)
			*p = (char)toupper((unsigned char)*p);
	free(amap);
	free(w);
	free(brk);
	free(rank);
	free(cur);
	free(q);
	free(rem);
	free(slack);
	free(head);
	return f;
oom:
	wfm_error_set(err, "out of memory");
fail:
	free(amap);
	free(w);
	free(brk);
	free(rank);
	free(cur);
	free(q);
	free(rem);
	free(slack);
	free(head);
	wfm_functions_free(f);
	return NULL;
}
