/* staffing.c - requirements per channel kind, backlog spreading, and the
 * evaluation of a given coverage.  See staffing.h and docs/staff.md. */
#include "staffing.h"
#include "coverage.h"
#include "csv.h"
#include "mem.h"
#include "timeutil.h"

#include <gsl/gsl_cdf.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

void wfm_staff_opts_default(struct wfm_staff_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->chat_overhead = 0.5;
	o->open_min = 8 * 60;
	o->close_min = 20 * 60;
	o->max_agents = 100000;
}

/* Line of the first row of channel name in a forecast file, or 0. */
static long find_line(const char *path, const char *name)
{
	wfm_error e;
	wfm_csv_reader *r;
	long line = 0;
	int col;

	if (!strcmp(path, "-") || !(r = wfm_csv_open(path, &e)))
		return 0;
	if ((col = wfm_csv_col(r, "channel")) >= 0)
		while (wfm_csv_next(r, &e) == 1)
			if (!strcmp(wfm_csv_get(r, col), name)) {
				line = wfm_csv_line(r);
				break;
			}
	wfm_csv_close(r);
	return line;
}

int *wfm_staff_map(const wfm_series *s, const char *path, const wfm_channels *cfg,
		   wfm_error *err)
{
	int *map = malloc(s->nchan * sizeof(int));

	if (!map)
		return wfm_oom(err);
	for (size_t c = 0; c < s->nchan; c++)
		if ((map[c] = wfm_channels_find(cfg, s->channel[c])) < 0) {
			wfm_error_at(err, path, find_line(path, s->channel[c]), "channel",
				     "\"%s\" is not in %s", s->channel[c], cfg->file);
			free(map);
			return NULL;
		}
	return map;
}

static long ceil_agents(double x)
{
	return x <= 1e-9 ? 0 : (long)ceil(x - 1e-9);
}

/* Handle time of one chat when an agent runs `concurrency` of them. */
static double chat_aht(const struct wfm_channel *ch, const struct wfm_staff_opts *o, double aht)
{
	return aht * (1 + o->chat_overhead * (ch->concurrency - 1));
}

/* prev: the previous interval's load and agents, for Erlang A's starting
 * guess (wfm_erlang_a_guess). */
struct prev_req {
	double a;
	long n;
};

static int queue_req(const struct wfm_channel *ch, const struct wfm_staff_opts *o,
		     int step, struct wfm_req *r, struct prev_req *prev, int64_t t0, const wfm_tz *tz,
		     wfm_error *err)
{
	char when[48];
	double t = ch->sl_seconds;
	long n;
	struct wfm_queue_perf at = { .sl = NAN };   /* service at n from the search */

	if (ch->kind == WFM_CHAT) {
		double ah = chat_aht(ch, o, r->aht), a = r->volume * ah / step;
		long slots = wfm_erlang_c_agents(a, ah, t, ch->sl_target, ch->max_occ,
						 o->max_agents * ch->concurrency);
		n = slots < 0 ? -1 : (slots + ch->concurrency - 1) / ch->concurrency;
		r->load = a;
	} else {
		r->load = r->volume * r->aht / step;
		if (ch->kind == WFM_ERLANG_C)
			n = wfm_erlang_c_agents_perf(r->load, r->aht, t, ch->sl_target, ch->max_occ,
						     o->max_agents, &at);
		else
		{
			long guess = wfm_erlang_a_guess(r->load, prev->a, prev->n);
			int evals;
			n = wfm_erlang_a_agents_perf(r->load, r->aht, ch->patience, t, ch->sl_target,
						     ch->max_abandon, ch->max_occ, o->max_agents, guess,
						     &evals, &at);
			if (o->erlang_a_count && r->load > 0) {
				o->erlang_a_count[0]++;
				o->erlang_a_count[1] += evals;
			}
			if (n > 0 && r->load > 0)
				*prev = (struct prev_req){ r->load, n };
		}
	}
	if (n < 0 && wfm_time_format(t0, tz, when, sizeof(when)))
		return wfm_error_set(err, "%s %s: infeasible: %.1f Erlangs need more than %ld agents "
				     "for sl_target %g in %g s%s (raise --max-agents or relax the target)",
				     ch->name, when, r->load, o->max_agents, ch->sl_target,
				     ch->sl_seconds, ch->max_occ > 0 ? " under max_occupancy" : "");
	r->agents = n;
	/* what wfm_staff_perf() would compute again at a whole n > 0 */
	if (n > 0 && !isnan(at.sl))
		r->perf = at;
	else
		wfm_staff_perf(ch, o, r->load, r->aht, step, (double)n, &r->perf);
	return 0;
}

static int is_open(const struct wfm_staff_opts *o, const wfm_tz *tz, int64_t t)
{
	struct wfm_tm tm;

	wfm_time_local(t, o->hours_tz ? o->hours_tz : tz, &tm);
	if (o->open_min > o->close_min)        /* across midnight */
		return tm.minute_of_day >= o->open_min || tm.minute_of_day < o->close_min;
	return tm.minute_of_day >= o->open_min && tm.minute_of_day < o->close_min;
}

/* Spread each interval's work (volume x aht) evenly over the open intervals
 * of [t_i, t_i + deadline); shares falling after the horizon are dropped
 * (they are worked after the forecast ends). */
static int backlog_req(const wfm_series *s, const struct wfm_channel *ch,
		       const struct wfm_staff_opts *o, const wfm_tz *tz,
		       struct wfm_req *r, wfm_error *err)
{
	size_t n = s->n, win = (size_t)floor(ch->deadline_h * 3600 / s->step + 1e-9), i;
	size_t *nopen;           /* nopen[i] = open intervals before i */
	double *rate, cap = s->step * (ch->max_occ > 0 ? ch->max_occ : 1), run = 0;
	int rc = 0;

	if (win < 1)
		win = 1;
	nopen = malloc((n + win + 1) * sizeof(*nopen));
	rate = calloc(n + win + 1, sizeof(*rate));
	if (!nopen || !rate) {
		WFM_FREE(nopen, rate);
		return wfm_error_set(err, "out of memory");
	}
	nopen[0] = 0;
	for (i = 0; i < n + win; i++)
		nopen[i + 1] = nopen[i] + (size_t)is_open(o, tz, wfm_series_time(s, i));
	/* item i puts w_i / m_i on every open interval of [i, i + win): a
	 * difference array of those rates, summed once (O(n)) */
	for (i = 0; i < n; i++) {
		double w = r[i].skip ? 0 : r[i].volume * r[i].aht;
		size_t m = nopen[i + win] - nopen[i];
		if (w <= 0)
			continue;
		if (!m) {
			char when[48];
			wfm_time_format(wfm_series_time(s, i), tz, when, sizeof(when));
			rc = wfm_error_set(err, "%s %s: infeasible: no open interval (%02d:%02d-%02d:%02d) "
					   "within deadline_h %g", ch->name, when, o->open_min / 60,
					   o->open_min % 60, o->close_min / 60, o->close_min % 60,
					   ch->deadline_h);
			break;
		}
		rate[i] += w / (double)m;
		rate[i + win] -= w / (double)m;
	}
	for (i = 0; !rc && i < n; i++) {
		run += rate[i];
		r[i].load = nopen[i + 1] > nopen[i] ? fmax(0, run) : 0;
	}
	WFM_FREE(nopen, rate);
	if (rc)
		return rc;
	for (i = 0; i < n; i++) {
		r[i].agents = ceil_agents(r[i].load / cap);
		wfm_staff_perf(ch, o, r[i].load, r[i].aht, s->step, (double)r[i].agents, &r[i].perf);
	}
	return 0;
}

/* Whether service with x net agents meets every target of the channel. */
static int meets(const struct wfm_channel *ch, const struct wfm_staff_opts *o, const struct wfm_req *r,
		 int step, double x)
{
	struct wfm_queue_perf p;

	wfm_staff_perf(ch, o, r->load, r->aht, step, x, &p);
	return p.sl >= ch->sl_target - 1e-12 && (ch->max_occ <= 0 || p.occupancy <= ch->max_occ + 1e-12) &&
	       (ch->kind != WFM_ERLANG_A || ch->max_abandon <= 0 || p.abandon <= ch->max_abandon + 1e-12);
}

/* The least real x in [agents - 1, agents] meeting the targets, by
 * bisection (service is monotone in x); backlog: work / capacity. */
static double exact_agents(const struct wfm_channel *ch, const struct wfm_staff_opts *o,
			   const struct wfm_req *r, int step)
{
	double lo = r->agents > 0 ? (double)r->agents - 1 : 0, hi = (double)r->agents;

	if (ch->kind == WFM_BACKLOG)
		return r->load / (step * (ch->max_occ > 0 ? ch->max_occ : 1));
	if (r->agents <= 0 || r->load <= 0 || meets(ch, o, r, step, lo))
		return r->agents <= 0 || r->load <= 0 ? 0 : lo;
	for (int k = 0; k < 40; k++) {
		double mid = 0.5 * (lo + hi);
		if (meets(ch, o, r, step, mid))
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

int wfm_staff_requirements(const wfm_series *s, const wfm_channels *cfg, const int *map,
			   const wfm_tz *tz, const struct wfm_staff_opts *o,
			   struct wfm_req *req, wfm_error *err)
{
	for (size_t c = 0; c < s->nchan; c++) {
		const struct wfm_channel *ch = &cfg->ch[map[c]];
		struct wfm_req *r = req + c * s->n;
		struct prev_req prev = { 0, 0 };
		for (size_t i = 0; i < s->n; i++) {
			double v = s->volume[c * s->n + i], a = s->aht ? s->aht[c * s->n + i] : NAN;
			memset(&r[i], 0, sizeof(r[i]));
			r[i].skip = isnan(v);
			r[i].volume = isnan(v) ? 0 : v;
			r[i].aht = isnan(a) || a <= 0 ? ch->aht : a;
			if (ch->kind == WFM_BACKLOG || r[i].skip)
				continue;
			if (queue_req(ch, o, s->step, &r[i], &prev, wfm_series_time(s, i), tz, err))
				return -1;
		}
		if (ch->kind == WFM_BACKLOG && backlog_req(s, ch, o, tz, r, err))
			return -1;
		for (size_t i = 0; i < s->n; i++) {
			r[i].gross = ceil_agents((double)r[i].agents / (1 - ch->shrinkage));
			r[i].exact = o->exact && !r[i].skip ? exact_agents(ch, o, &r[i], s->step) : NAN;
		}
	}
	return 0;
}

static void perf_int(const struct wfm_channel *ch, double load, double aht, long n,
		     struct wfm_queue_perf *p)
{
	if (ch->kind == WFM_ERLANG_A)
		wfm_erlang_a(load, aht, ch->patience, n, ch->sl_seconds, p);
	else
		wfm_erlang_c(load, aht, n, ch->sl_seconds, p);
}

void wfm_staff_perf(const struct wfm_channel *ch, const struct wfm_staff_opts *o,
		    double load, double aht, int step, double agents,
		    struct wfm_queue_perf *p)
{
	struct wfm_queue_perf lo, hi;
	double servers = agents, f;
	long n;

	if (agents < 0)
		agents = servers = 0;
	if (ch->kind == WFM_BACKLOG) {
		double cap = agents * step;
		p->sl = load <= 0 ? 1 : cap >= load ? 1 : cap / load;
		p->asa = NAN;
		p->abandon = 0;
		p->pwait = 0;
		p->occupancy = cap > 0 ? fmin(1, load / cap) : 0;
		return;
	}
	if (ch->kind == WFM_CHAT) {
		servers = agents * ch->concurrency;
		aht = chat_aht(ch, o, aht);
	}
	n = (long)floor(servers + 1e-9);
	f = servers - (double)n;
	perf_int(ch, load, aht, n, &lo);
	if (f < 1e-9) {
		*p = lo;
		if (n == 0)     /* one rule for every kind: nobody there, nobody busy */
			p->occupancy = 0;
		return;
	}
	perf_int(ch, load, aht, n + 1, &hi);
	p->sl = lo.sl + f * (hi.sl - lo.sl);
	p->asa = isinf(lo.asa) ? (isinf(hi.asa) ? INFINITY : hi.asa / f) : lo.asa + f * (hi.asa - lo.asa);
	p->occupancy = lo.occupancy + f * (hi.occupancy - lo.occupancy);
	p->abandon = lo.abandon + f * (hi.abandon - lo.abandon);
	p->pwait = lo.pwait + f * (hi.pwait - lo.pwait);
	if (ch->kind == WFM_ERLANG_C && load > 0)
		p->occupancy = fmin(1, load / servers);
}

double wfm_staff_fractional(const struct wfm_channel *ch, const struct wfm_staff_opts *o,
			    const struct wfm_req *r, int step)
{
	return r->skip ? 0 : exact_agents(ch, o, r, step);
}

/* sum: the mean of the pooled rows (every row without a channel column)
 * per interval of s, NAN where none; cnt: scratch, zero. */
static void pooled_means(const wfm_coverage *cv, const wfm_series *s, double *sum, double *cnt,
			 size_t *outside)
{
	for (size_t k = 0; k < cv->n; k++) {
		int64_t d = cv->row[k].t - s->start;
		if (cv->row[k].chan >= 0)
			continue;
		if (d < 0 || d >= (int64_t)s->n * s->step) {
			(*outside)++;
			continue;
		}
		sum[d / s->step] += cv->row[k].scheduled;
		cnt[d / s->step] += 1;
	}
	for (size_t i = 0; i < s->n; i++)
		sum[i] = cnt[i] > 0 ? sum[i] / cnt[i] : NAN;
}

double *wfm_staff_coverage_load(const char *path, const wfm_tz *tz, const wfm_series *s,
				size_t *outside, wfm_error *err)
{
	wfm_coverage *cv = wfm_coverage_load(path, tz, err);
	double *sum, *cnt;

	*outside = 0;
	if (!cv)
		return NULL;
	sum = calloc(s->n ? s->n : 1, sizeof(double));
	cnt = calloc(s->n ? s->n : 1, sizeof(double));
	if (!sum || !cnt) {
		free(sum);
		sum = wfm_oom(err);
	} else {
		pooled_means(cv, s, sum, cnt, outside);
	}
	free(cnt);
	wfm_coverage_free(cv);
	return sum;
}

void wfm_staff_evaluate(const wfm_series *s, const wfm_channels *cfg, const int *map,
			const struct wfm_staff_opts *o, const struct wfm_req *req,
			const double *sched, struct wfm_eval *ev)
{
	for (size_t i = 0; i < s->n; i++) {
		double total = 0;
		for (size_t c = 0; c < s->nchan; c++)
			if (!req[c * s->n + i].skip)
				total += (double)req[c * s->n + i].gross;
		for (size_t c = 0; c < s->nchan; c++) {
			const struct wfm_channel *ch = &cfg->ch[map[c]];
			const struct wfm_req *r = &req[c * s->n + i];
			struct wfm_eval *e = &ev[c * s->n + i];
			e->skip = r->skip || isnan(sched[i]);
			if (e->skip)
				continue;
			/* the pool split in proportion to agents_gross, then net of shrinkage */
			double share = total > 0 ? sched[i] * (double)r->gross / total : 0;
			e->agents = share * (1 - ch->shrinkage);
			e->sl_target = ch->kind == WFM_BACKLOG ? 1 : ch->sl_target;
			wfm_staff_perf(ch, o, r->load, r->aht, s->step, e->agents, &e->perf);
		}
	}
}

long wfm_staff_days(const wfm_series *s, const wfm_channels *cfg, const int *map,
		    const wfm_tz *tz, const struct wfm_req *req, const struct wfm_eval *ev,
		    struct wfm_staff_day **out, wfm_error *err)
{
	struct wfm_staff_day *d = NULL;
	size_t cap = 0;
	long nd = 0;
	int64_t day = INT64_MIN;
	long first = 0;

	for (size_t i = 0; i < s->n; i++) {
		struct wfm_tm tm;
		wfm_time_local(wfm_series_time(s, i), tz, &tm);
		if (tm.days != day) {
			day = tm.days;
			first = nd;
		}
		for (size_t c = 0; c < s->nchan; c++) {
			const struct wfm_channel *ch = &cfg->ch[map[c]];
			const struct wfm_req *r = &req[c * s->n + i];
			const struct wfm_eval *e = ev ? &ev[c * s->n + i] : NULL;
			const struct wfm_queue_perf *p = e ? &e->perf : &r->perf;
			double w = ch->kind == WFM_BACKLOG ? r->load : r->volume;
			long k;
			if (r->skip || (e && e->skip) || (w <= 0 && r->volume <= 0))
				continue;
			for (k = first; k < nd && d[k].chan != c; k++)
				;
			if (k == nd) {
				if (WFM_GROW(d, cap, (size_t)nd + 1)) {
					free(d);
					return wfm_error_set(err, "out of memory");
				}
				d[nd] = (struct wfm_staff_day){ day, c, 0, 0, 0,
					ch->kind == WFM_BACKLOG ? 1 : ch->sl_target, 0, 0, 0 };
				nd++;
			}
			d[k].volume += r->volume;
			d[k].weight += w;
			if (w > 0) {
				d[k].intervals++;
				d[k].below += p->sl < d[k].sl_target - 5e-5;
			}
			d[k].sl += w * p->sl;
			d[k].abandon += w * p->abandon;
		}
	}
	for (long k = 0; k < nd; k++) {
		d[k].sl = d[k].weight > 0 ? d[k].sl / d[k].weight : 1;
		d[k].abandon = d[k].weight > 0 ? d[k].abandon / d[k].weight : 0;
	}
	*out = d;
	return nd;
}

size_t wfm_staff_coverage_gaps(const double *sched, size_t n, size_t *first)
{
	size_t lo = 0, hi = n, gaps = 0;

	while (lo < n && isnan(sched[lo]))
		lo++;
	while (hi > lo && isnan(sched[hi - 1]))
		hi--;
	*first = 0;
	for (size_t i = lo; i < hi; i++)
		if (isnan(sched[i]) && !gaps++)
			*first = i;
	return gaps;
}

double wfm_staff_rate_shape(double volume, double lo, double hi, double level)
{
	double z, sd, extra;

	if (!(volume > 0) || isnan(lo) || isnan(hi) || !(level > 0 && level < 1))
		return INFINITY;
	z = gsl_cdf_ugaussian_Pinv((1 + level) / 2);
	sd = (hi - lo) / (2 * z);
	extra = sd * sd - volume;
	return extra > 1e-12 * volume ? volume * volume / extra : INFINITY;
}

double wfm_staff_rate_quantile(double volume, double lo, double hi, double level, double q)
{
	double k = wfm_staff_rate_shape(volume, lo, hi, level);

	if (isinf(k))
		return volume;
	/* a nearly certain rate: the gamma is normal to many digits (and
	 * GSL's inverse fails for shapes in the billions) */
	double v = k > 1e6 ? NAN : gsl_cdf_gamma_Pinv(q, k, volume / k);
	return isfinite(v) ? v : volume + gsl_cdf_ugaussian_Pinv(q) * volume / sqrt(k);
}
