/* capacity.c - required FTE per week, headcount week by week and the
 * training classes of the hiring plan.  See capacity.h (and
 * docs/capacity.md) for the model. */
#include "capacity.h"
#include "mem.h"
#include "shiftplan.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct wfm_cap {
	const struct wfm_cap_input *in;
	size_t nc, nw, ns, pad;  /* channels, weeks, slots a day, padding days */
	int *map;                /* volumes channel -> channels.csv */
	int *pmap;               /* volumes channel -> profile channel */
	double *shape;           /* see make_shape() */
	wfm_series *s;           /* one (pad + 7)-day week, reused */
	struct wfm_req *req;     /* [nc * s->n] */
	size_t neff;
	double eff_h[3], eff[3];
};

/* ---- the week-by-week arithmetic ---- */

double wfm_cap_weekly_attrition(const struct wfm_cap_params *p, double t_weeks)
{
	double months = t_weeks * 12.0 / 52.0, m = 0;

	for (size_t i = 0; i < p->nband; i++)
		if (months >= p->band[i].from_m)
			m = p->band[i].monthly;
	return 1 - pow(1 - m, 12.0 / 52.0);
}

/* Productivity of a hire t weeks after the start of training. */
static double productivity(const struct wfm_cap_params *p, size_t t)
{
	if (t < (size_t)p->train_weeks)
		return 0;
	t -= (size_t)p->train_weeks;
	return t < p->nramp ? p->ramp[t] : 1;
}

/* S[t], t < n: share of a class still employed t weeks after its start. */
static void survival(const struct wfm_cap_params *p, size_t n, double *S)
{
	S[0] = 1;
	for (size_t t = 1; t < n; t++)
		S[t] = S[t - 1] * (1 - wfm_cap_weekly_attrition(p, (double)(t - 1)));
}

int wfm_cap_simulate(const struct wfm_cap_params *p, const wfm_cap_headcount *hc,
		     int64_t first_day, size_t nweeks, const double *hires,
		     struct wfm_cap_week *out, wfm_error *err)
{
	double *S = malloc((nweeks + 1) * sizeof(double));
	double *n = hc->n ? malloc(hc->n * sizeof(double)) : NULL;

	memset(out, 0, nweeks * sizeof(*out));
	if (!S || (hc->n && !n)) {
		WFM_FREE(S, n);
		return wfm_error_set(err, "out of memory");
	}
	survival(p, nweeks + 1, S);
	for (size_t g = 0; g < hc->n; g++)
		n[g] = hc->g[g].agents;
	for (size_t w = 0; w < nweeks; w++) {
		struct wfm_cap_week *x = &out[w];
		x->day = first_day + 7 * (int64_t)w;
		x->hires = hires ? hires[w] : 0;
		for (size_t g = 0; g < hc->n; g++) {
			double q = wfm_cap_weekly_attrition(p, hc->g[g].tenure_m * 52.0 / 12.0 + (double)w);
			x->headcount += n[g];
			x->leavers += n[g] * q;
			x->effective += n[g] * hc->g[g].contract_h / p->contract_h;
			n[g] *= 1 - q;
		}
		for (size_t s = 0; hires && s <= w; s++) {
			double k = hires[s] * S[w - s], pr = productivity(p, w - s);
			if (hires[s] <= 0)
				continue;
			x->headcount += k;
			x->leavers += k * wfm_cap_weekly_attrition(p, (double)(w - s));
			x->effective += k * pr;
			if (w - s < (size_t)p->train_weeks)
				x->training += k;
			else if (pr < 1)
				x->ramping += k;
		}
	}
	WFM_FREE(S, n);
	return 0;
}

/* ---- setting up ---- */

static int make_shape(wfm_cap *m, wfm_error *err);

void wfm_cap_free(wfm_cap *m)
{
	if (m) {
		wfm_series_free(m->s);
		WFM_FREE(m->map, m->pmap, m->shape, m->req, m);
	}
}

static int map_profile(wfm_cap *m, wfm_error *err)
{
	const struct wfm_cap_input *in = m->in;

	if (!in->prof)
		return 0;
	for (size_t c = 0; c < m->nc; c++) {
		size_t k;
		for (k = 0; k < in->prof->nchan && strcmp(in->prof_names[k], in->vol->channel[c]); k++)
			;
		if (k == in->prof->nchan)
			return wfm_error_at(err, in->prof_file, 0, "channel", "no profile for channel %s of %s",
					    in->vol->channel[c], in->vol->file);
		m->pmap[c] = (int)k;
	}
	return 0;
}

wfm_cap *wfm_cap_prepare(const struct wfm_cap_input *in, wfm_error *err)
{
	const struct wfm_cap_params *p = in->par;
	wfm_cap *m = calloc(1, sizeof(*m));
	int lead = p->recruit_weeks + p->train_weeks;
	double maxdl = 0;

	if (!m)
		goto oom;
	m->in = in;
	m->nc = in->vol->nchan;
	m->nw = in->vol->nweeks;
	m->ns = in->prof ? (size_t)in->prof->nslots : 24;
	if ((size_t)lead >= m->nw) {
		wfm_error_at(err, p->file, p->lead_line, "value",
			     "lead time %d weeks (recruiting %d + training %d) is not shorter than the "
			     "%zu-week horizon of %s", lead, p->recruit_weeks, p->train_weeks, m->nw, in->vol->file);
		goto fail;
	}
	wfm_series tmp = { .nchan = m->nc, .channel = in->vol->channel };
	if (!(m->map = wfm_staff_map(&tmp, in->vol_path, in->cfg, err)))
		goto fail;
	if (!(m->pmap = calloc(m->nc, sizeof(int))))
		goto oom;
	if (map_profile(m, err) || make_shape(m, err))
		goto fail;
	for (size_t c = 0; c < m->nc; c++)
		if (in->cfg->ch[m->map[c]].kind == WFM_BACKLOG && in->cfg->ch[m->map[c]].deadline_h > maxdl)
			maxdl = in->cfg->ch[m->map[c]].deadline_h;
	m->pad = (size_t)ceil(maxdl / 24);
	if (!(m->s = wfm_series_alloc(m->nc, (const char *const *)in->vol->channel, 0, (int)(86400 / m->ns),
				      (m->pad + 7) * m->ns, 1, err)))
		goto fail;
	if (!(m->req = calloc(m->nc * m->s->n, sizeof(*m->req))))
		goto oom;
	return m;
oom:
	wfm_error_set(err, "out of memory");
fail:
	wfm_cap_free(m);
	return NULL;
}

/* ---- required FTE ---- */

/* shape[(c * G + g) * ns + k]: share of a week's volume in slot k of a
 * day of group g (weekday, or month: 1/7 of that month's day shape); a
 * channel or month with no data gets a flat shape. */
static int make_shape(wfm_cap *m, wfm_error *err)
{
	const wfm_profile *pf = m->in->prof;
	size_t ns = m->ns, G = pf ? (size_t)pf->ngroups : 7;

	if (!(m->shape = calloc(m->nc * G * ns, sizeof(double))))
		return wfm_error_set(err, "out of memory");
	for (size_t i = 0; !pf && i < m->nc * G * ns; i++)
		m->shape[i] = 1.0 / (7.0 * (double)ns);     /* no profile: flat */
	for (size_t c = 0; pf && c < m->nc; c++) {
		const struct wfm_profile_chan *ch = &pf->chan[m->pmap[c]];
		double *sh = m->shape + c * G * ns, tot = 0;
		for (size_t g = 0; g < G; g++) {
			double gt = 0;
			for (size_t k = 0; k < ns; k++)
				if (!isnan(ch->mean[g * ns + k]))
					gt += ch->mean[g * ns + k];
			for (size_t k = 0; k < ns; k++) {
				double v = isnan(ch->mean[g * ns + k]) ? 0 : ch->mean[g * ns + k];
				sh[g * ns + k] = pf->by == WFM_BY_WEEKDAY ? v
					: gt > 0 ? v / gt / 7.0 : 1.0 / (7.0 * (double)ns);
			}
			tot += gt;
		}
		if (pf->by == WFM_BY_WEEKDAY)
			for (size_t i = 0; i < G * ns; i++)
				sh[i] = tot > 0 ? sh[i] / tot : 1.0 / (7.0 * (double)ns);
	}
	return 0;
}

static double weight(const wfm_cap *m, size_t c, int64_t day, size_t k)
{
	size_t G = m->in->prof ? (size_t)m->in->prof->ngroups : 7, g;
	int y, mo, d;

	if (!m->in->prof || m->in->prof->by == WFM_BY_WEEKDAY) {
		g = (size_t)wfm_time_weekday(day);
	} else {
		wfm_time_civil_from_days(day, &y, &mo, &d);
		g = (size_t)(mo - 1);
	}
	return m->shape[(c * G + g) * m->ns + k];
}

/* Fill the work series with week w's volumes (flat: the average load) and
 * size it; hours[c] = net agent-hours of the 7 days (padding excluded). */
static int size_week(wfm_cap *m, size_t w, double factor, int flat, double *hours, wfm_error *err)
{
	const struct wfm_cap_input *in = m->in;
	const wfm_cap_volumes *v = in->vol;
	wfm_series *s = m->s;
	int64_t day0 = v->first_day + 7 * (int64_t)w;
	size_t n7 = 7 * m->ns, off = m->pad * m->ns, open[m->nc], first[m->nc];

	s->start = wfm_time_day_start(day0 - (int64_t)m->pad, in->tz);
	for (size_t c = 0; c < m->nc; c++) {
		double vol = v->volume[c * m->nw + w] * factor, aht = v->aht[c * m->nw + w];
		/* flat: the week's average load over the channel's open intervals;
		 * a queue channel's open intervals then all need the same agents,
		 * so only the first is sized (the others are skipped) */
		int queue = in->cfg->ch[m->map[c]].kind != WFM_BACKLOG;
		open[c] = 0;
		first[c] = s->n;
		for (size_t i = off; i < s->n; i++)
			if (weight(m, c, day0 + (int64_t)((i - off) / m->ns), (i - off) % m->ns) > 0 && !open[c]++)
				first[c] = i;
		for (size_t i = 0; i < s->n; i++) {
			size_t j = (i + n7 - off % n7) % n7;   /* cyclic: padding repeats the week's end */
			double wt = weight(m, c, day0 + (int64_t)(j / m->ns), j % m->ns);
			s->volume[c * s->n + i] = !flat ? vol * wt : queue && i != first[c] ? NAN :
				wt > 0 ? vol / (double)open[c] : 0;
			s->aht[c * s->n + i] = aht;
		}
	}
	if (wfm_staff_requirements(s, in->cfg, m->map, in->tz, &in->so, m->req, err))
		return -1;
	for (size_t c = 0; c < m->nc; c++) {
		double a = 0;
		for (size_t i = off; i < s->n; i++)
			a += (double)m->req[c * s->n + i].agents;
		if (flat && in->cfg->ch[m->map[c]].kind != WFM_BACKLOG)
			a *= (double)open[c];
		hours[c] = a * s->step / 3600.0;
	}
	return 0;
}

static double efficiency_at(const wfm_cap *m, double h)
{
	if (m->neff == 0)
		return 1;
	if (h <= m->eff_h[0] || m->neff == 1)
		return m->eff[0];
	for (size_t i = 1; i < m->neff; i++)
		if (h <= m->eff_h[i])
			return m->eff[i - 1] + (m->eff[i] - m->eff[i - 1]) * (h - m->eff_h[i - 1]) /
				(m->eff_h[i] - m->eff_h[i - 1]);
	return m->eff[m->neff - 1];
}

static double shrinkage(const wfm_cap *m, size_t c, int64_t day0)
{
	int y, mo, d;

	wfm_time_civil_from_days(day0 + 3, &y, &mo, &d);   /* the week's Thursday */
	return isnan(m->in->par->shrink[mo - 1]) ? m->in->cfg->ch[m->map[c]].shrinkage
		: m->in->par->shrink[mo - 1];
}

/* The shift model's requirement of week w (net agents, all channels) into
 * r->req; the week's agent-hours. */
static double week_req(const wfm_cap *m, size_t w, const double *h, wfm_shiftreq *r)
{
	const struct wfm_cap_input *in = m->in;
	size_t n7 = 7 * m->ns, off = m->pad * m->ns;
	double tot = 0;

	for (size_t c = 0; c < m->nc; c++) {
		tot += h[c];
		for (size_t i = 0; i < n7; i++)
			r->req[i] += (double)m->req[c * m->s->n + off + i].agents;
	}
	r->start = wfm_time_day_start(in->vol->first_day + 7 * (int64_t)w, in->tz);
	r->step = m->s->step;
	r->n = n7;
	r->nchan = m->nc;
	snprintf(r->file, sizeof(r->file), "%s", in->vol->file);
	return tot;
}

/* LP bound of the shift model on week w's requirement (net agents). */
static int measure(wfm_cap *m, size_t w, double factor, double *hours, double *eff, wfm_error *err)
{
	const struct wfm_cap_input *in = m->in;
	double *h = calloc(m->nc, sizeof(double)), tot = 0;
	wfm_shiftreq r = { .req = calloc(7 * m->ns, sizeof(double)) };
	struct wfm_shiftplan_opts o = { 0 };
	wfm_shiftplan *p = NULL;

	o.first_day = in->vol->first_day + 7 * (int64_t)w;
	o.ndays = 7;
	o.time_limit = fmax(10, in->time_limit);   /* the LP takes ~0.05 s; never cut it short */
	o.gap = 1;               /* the LP bound is all we need */
	if (!h || !r.req)
		wfm_error_set(err, "out of memory");
	else if (!size_week(m, w, factor, 0, h, err)) {
		tot = week_req(m, w, h, &r);
		p = wfm_shiftplan_solve(&r, in->rules, in->tz, &o, err);
	}
	WFM_FREE(h, r.req);
	if (!p)
		return -1;
	*hours = tot;
	*eff = p->mip.lp_solved && p->mip.lp_bound > 0 ? tot / p->mip.lp_bound
		: p->paid_hours > 0 ? tot / p->paid_hours : 1;
	if (*eff > 1)
		*eff = 1;
	wfm_shiftplan_free(p);
	return 0;
}

static int cmp_hours(const void *a, const void *b)
{
	const double *x = a, *y = b;
	int c = WFM_CMP(x[0], y[0]);

	return c ? c : WFM_CMP(x[1], y[1]);
}

/* The shift model's efficiency at the weeks of least, median and most
 * agent-hours (hw, h: room for the weeks' hours and a week's channels). */
static int measure_weeks(wfm_cap *m, double factor, double *hw, double *h, wfm_error *err)
{
	size_t pick[3] = { 0, m->nw / 2, m->nw - 1 };

	for (size_t w = 0; w < m->nw; w++) {
		if (size_week(m, w, factor, 0, h, err))
			return -1;
		hw[2 * w] = 0;
		hw[2 * w + 1] = (double)w;
		for (size_t c = 0; c < m->nc; c++)
			hw[2 * w] += h[c];
	}
	qsort(hw, m->nw, 2 * sizeof(double), cmp_hours);
	for (size_t i = 0; i < 3; i++) {
		if (i && pick[i] == pick[i - 1])
			continue;
		if (measure(m, (size_t)hw[2 * pick[i] + 1], factor, &m->eff_h[m->neff], &m->eff[m->neff], err))
			return -1;
		if (m->neff && m->eff_h[m->neff] <= m->eff_h[m->neff - 1])
			continue;
		m->neff++;
	}
	return 0;
}

int wfm_cap_efficiency(wfm_cap *m, double factor, double *hours, double *eff, size_t *n,
		       wfm_error *err)
{
	double *hw = malloc(2 * m->nw * sizeof(double)), *h = malloc(m->nc * sizeof(double));
	int rc = hw && h ? 0 : wfm_error_set(err, "out of memory");

	m->neff = 0;
	if (!rc && (m->in->par->efficiency > 0 || !m->in->rules)) {
		m->neff = 1;
		m->eff_h[0] = 0;
		m->eff[0] = m->in->par->efficiency > 0 ? m->in->par->efficiency : 1;
	} else if (!rc)
		rc = measure_weeks(m, factor, hw, h, err);
	if (!rc) {
		*n = m->neff;
		memcpy(hours, m->eff_h, m->neff * sizeof(double));
		memcpy(eff, m->eff, m->neff * sizeof(double));
	}
	WFM_FREE(hw, h);
	return rc;
}

/* ---- the plan ---- */

struct pass {
	double *req, *avg;       /* FTE per week */
	struct wfm_req *keep;    /* [w][c][7 days of slots]: for the projection */
};

/* Required and average-load FTE of every week. */
static int require(wfm_cap *m, double factor, struct pass *ps, wfm_error *err)
{
	size_t n7 = 7 * m->ns, off = m->pad * m->ns;
	double *h = malloc(m->nc * sizeof(double));
	double H = m->in->par->contract_h;
	int rc = h ? 0 : wfm_error_set(err, "out of memory");

	for (size_t w = 0; !rc && w < m->nw; w++) {
		int64_t day0 = m->in->vol->first_day + 7 * (int64_t)w;
		double tot = 0, eff;
		if ((rc = size_week(m, w, factor, 1, h, err)))
			break;
		for (size_t c = 0; c < m->nc; c++)
			ps->avg[w] += h[c] / H / (1 - shrinkage(m, c, day0));
		if ((rc = size_week(m, w, factor, 0, h, err)))
			break;
		for (size_t c = 0; c < m->nc; c++) {
			tot += h[c];
			memcpy(ps->keep + (w * m->nc + c) * n7, m->req + c * m->s->n + off, n7 * sizeof(*m->req));
		}
		eff = efficiency_at(m, tot);
		for (size_t c = 0; c < m->nc; c++)
			ps->req[w] += h[c] / eff / H / (1 - shrinkage(m, c, day0));
	}
	free(h);
	return rc;
}

/* The class-planning model's data. */
struct cls {
	size_t K, lead, nw;
	size_t *start;           /* class start weeks */
	double *a;               /* a[k * nw + w]: FTE per hire of class k in week w (x (1 + ot)) */
	double *cost;            /* paid hours per hire */
	double *need;            /* need[w] = required - (1 + ot) base effective */
	long cmin, cmax;
	double pen;              /* price of an FTE-week short */
};

/* Shortfalls u_w of the classes in x (columns y, z, then u). */
static double shortfalls(const struct cls *q, double *x)
{
	double cost = 0;

	for (size_t k = 0; k < q->K; k++) {
		x[2 * k + 1] = x[2 * k] > 0;
		cost += q->cost[k] * x[2 * k];
	}
	for (size_t w = q->lead; w < q->nw; w++) {
		double cov = 0;
		for (size_t k = 0; k < q->K; k++)
			cov += x[2 * k] * q->a[k * q->nw + w];
		x[2 * q->K + w - q->lead] = fmax(0, q->need[w] - cov);
		cost += q->pen * x[2 * q->K + w - q->lead];
	}
	return cost;
}

/* Week by week, the short week's cheapest hire per FTE added. */
static void greedy_fill(const struct cls *q, double *x, double *cov)
{
	for (size_t w = q->lead; w < q->nw; w++)
		for (;;) {
			double sh = q->need[w] - cov[w], best = HUGE_VAL;
			size_t bk = q->K;
			if (sh <= 1e-9)
				break;
			for (size_t k = 0; k < q->K; k++)
				if (q->a[k * q->nw + w] > 1e-12 && x[2 * k] < (double)q->cmax &&
				    q->cost[k] / q->a[k * q->nw + w] < best) {
					best = q->cost[k] / q->a[k * q->nw + w];
					bk = k;
				}
			if (bk == q->K)
				break;
			double add = ceil(sh / q->a[bk * q->nw + w] - 1e-9);
			if (x[2 * bk] == 0 && add < (double)q->cmin)
				add = (double)q->cmin;
			if (x[2 * bk] + add > (double)q->cmax)
				add = (double)q->cmax - x[2 * bk];
			x[2 * bk] += add;
			for (size_t v = 0; v < q->nw; v++)
				cov[v] += add * q->a[bk * q->nw + v];
		}
}

/* Incumbent for the integer program: the LP point's class sizes rounded
 * up (into 0 or class_min..class_max), then topped up greedily; or the
 * greedy fill alone, whichever costs less. */
static int heuristic(const double *x_lp, double *x, void *arg)
{
	const struct cls *q = arg;
	size_t ncol = 2 * q->K + q->nw - q->lead;
	double *cov = calloc(q->nw, sizeof(double)), *xr = calloc(ncol, sizeof(double));
	double cg, cr = HUGE_VAL;

	if (!cov || !xr) {
		WFM_FREE(cov, xr);
		return -1;
	}
	memset(x, 0, ncol * sizeof(double));
	greedy_fill(q, x, cov);
	cg = shortfalls(q, x);
	if (x_lp) {
		memset(cov, 0, q->nw * sizeof(double));
		for (size_t k = 0; k < q->K; k++) {
			double y = ceil(x_lp[2 * k] - 1e-6);
			xr[2 * k] = y <= 0 ? 0 : fmin((double)q->cmax, fmax((double)q->cmin, y));
			for (size_t v = 0; v < q->nw; v++)
				cov[v] += xr[2 * k] * q->a[k * q->nw + v];
		}
		greedy_fill(q, xr, cov);
		cr = shortfalls(q, xr);
	}
	if (cr < cg)
		memcpy(x, xr, ncol * sizeof(double));
	WFM_FREE(cov, xr);
	return 0;
}

static void cls_free(struct cls *q)
{
	WFM_FREE(q->start, q->a, q->cost, q->need);
}

static int cls_init(const wfm_cap *m, const double *req, const struct wfm_cap_week *base,
		    struct cls *q, wfm_error *err)
{
	const struct wfm_cap_params *p = m->in->par;
	size_t nw = m->nw, T = (size_t)p->train_weeks;
	double *S = malloc((nw + 1) * sizeof(double)), ot = 1 + p->overtime;

	memset(q, 0, sizeof(*q));
	q->nw = nw;
	q->lead = (size_t)(p->recruit_weeks + p->train_weeks);
	q->cmin = p->class_min;
	q->cmax = p->class_max;
	q->pen = 1000 * p->contract_h;
	for (size_t s = (size_t)p->recruit_weeks; s + T < nw; s += (size_t)p->cadence)
		q->K++;
	q->start = malloc((q->K + 1) * sizeof(size_t));
	q->a = calloc((q->K + 1) * nw, sizeof(double));
	q->cost = calloc(q->K + 1, sizeof(double));
	q->need = calloc(nw, sizeof(double));
	if (!S || !q->start || !q->a || !q->cost || !q->need) {
		free(S);
		cls_free(q);
		return wfm_error_set(err, "out of memory");
	}
	survival(p, nw + 1, S);
	for (size_t k = 0; k < q->K; k++) {
		size_t s = q->start[k] = (size_t)p->recruit_weeks + k * (size_t)p->cadence;
		for (size_t w = s; w < nw; w++) {
			q->a[k * nw + w] = ot * S[w - s] * productivity(p, w - s);
			q->cost[k] += p->contract_h * S[w - s];
		}
	}
	for (size_t w = 0; w < nw; w++)
		q->need[w] = req[w] - ot * base[w].effective;
	free(S);
	return 0;
}

/* Columns: y_k, z_k for each class, then u_w for w >= lead. */
static int solve_classes(const wfm_cap *m, struct cls *q, double *hires, struct wfm_mip_result *res,
			 wfm_error *err)
{
	wfm_mip *mip = wfm_mip_alloc(err);
	size_t nu = q->nw - q->lead, ncol = 2 * q->K + nu;
	double *x = calloc(ncol + 1, sizeof(double)), pen = q->pen;
	int *idx = malloc((q->nw + 2) * sizeof(int));
	double *val = malloc((q->nw + 2) * sizeof(double));
	struct wfm_mip_params mp = { m->in->time_limit, 0.002, heuristic, q };
	int rc = -1;

	if (!mip || !x || !idx || !val) {
		if (mip)
			wfm_error_set(err, "out of memory");
		goto out;
	}
	for (size_t w = q->lead; w < q->nw; w++)
		wfm_mip_add_row(mip, q->need[w], -1);            /* cover: row w - lead */
	for (size_t k = 0; k < q->K; k++) {
		int lo = wfm_mip_add_row(mip, 0, -1), hi = wfm_mip_add_row(mip, 0, -1);
		size_t n = 0;
		for (size_t w = q->lead; w < q->nw; w++)
			if (q->a[k * q->nw + w] > 0) {
				idx[n] = (int)(w - q->lead);
				val[n++] = q->a[k * q->nw + w];
			}
		idx[n] = lo; val[n++] = 1;                       /* y - cmin z >= 0 */
		idx[n] = hi; val[n++] = -1;                      /* cmax z - y >= 0 */
		if (wfm_mip_add_col(mip, q->cost[k], 0, (double)q->cmax, n, idx, val, err) < 0 ||
		    wfm_mip_add_col(mip, 0, 0, 1, 2, (int[]){ lo, hi },
				    (double[]){ -(double)q->cmin, (double)q->cmax }, err) < 0)
			goto out;
	}
	for (size_t w = q->lead; w < q->nw; w++)
		if (wfm_mip_add_col(mip, pen, 0, -1, 1, (int[]){ (int)(w - q->lead) }, (double[]){ 1 }, err) < 0)
			goto out;
	wfm_mip_continuous_from(mip, 2 * q->K);
	if (wfm_mip_solve(mip, &mp, x, res, err))
		goto out;
	if (res->objective == HUGE_VAL && heuristic(NULL, x, q))
		goto out;
	memset(hires, 0, q->nw * sizeof(double));
	for (size_t k = 0; k < q->K; k++)
		hires[q->start[k]] = floor(x[2 * k] + 0.5);
	rc = 0;
out:
	wfm_mip_free(mip);
	WFM_FREE(x, idx, val);
	return rc;
}

/* Service level and occupancy of week w with the staff scaled by f. */
static void project(const wfm_cap *m, const struct pass *ps, size_t w, double f,
		    struct wfm_cap_week *x)
{
	size_t n7 = 7 * m->ns;
	double vol = 0, slv = 0, carried = 0, agents = 0;

	for (size_t c = 0; c < m->nc; c++) {
		const struct wfm_channel *ch = &m->in->cfg->ch[m->map[c]];
		if (ch->kind == WFM_BACKLOG)
			continue;
		for (size_t i = 0; i < n7; i++) {
			const struct wfm_req *r = &ps->keep[(w * m->nc + c) * n7 + i];
			struct wfm_queue_perf p;
			double a = f * (double)r->agents;
			if (r->skip || r->volume <= 0)
				continue;
			wfm_staff_perf(ch, &m->in->so, r->load, r->aht, m->s->step, a, &p);
			vol += r->volume;
			slv += r->volume * p.sl;
			carried += p.occupancy * a;
			agents += a;
		}
	}
	x->sl = vol > 0 ? slv / vol : NAN;
	x->occupancy = agents > 0 ? carried / agents : NAN;
}

static void finish(const wfm_cap *m, const struct pass *ps, const struct cls *q,
		   struct wfm_cap_result *res)
{
	const struct wfm_cap_params *p = m->in->par;

	for (size_t w = 0; w < m->nw; w++) {
		struct wfm_cap_week *x = &res->plan.week[w];
		x->required = ps->req[w];
		x->average_load = ps->avg[w];
		x->overtime = fmin(p->overtime * x->effective, fmax(0, x->required - x->effective));
		x->gap = x->effective + x->overtime - x->required;
		x->met = x->gap >= -1e-6;
		if (w >= q->lead && !x->met)
			res->short_weeks++;
		if (x->hires > 0) {
			res->classes++;
			res->hires += x->hires;
			res->hire_paid_hours += x->hires * q->cost[(w - (size_t)p->recruit_weeks) / (size_t)p->cadence];
		}
		res->required_sum += x->required;
		res->average_sum += x->average_load;
		if (x->required > 0)
			project(m, ps, w, (x->effective + x->overtime) / x->required, x);
		else
			x->sl = x->occupancy = NAN;
	}
}

int wfm_cap_run(wfm_cap *m, double factor, struct wfm_cap_result *res, wfm_error *err)
{
	struct pass ps = { calloc(m->nw, sizeof(double)), calloc(m->nw, sizeof(double)),
			   malloc(m->nw * m->nc * 7 * m->ns * sizeof(struct wfm_req)) };
	double *hires = calloc(m->nw, sizeof(double));
	struct cls q = { 0 };
	int rc = -1;

	memset(res, 0, sizeof(*res));
	res->factor = factor;
	res->plan.nweeks = m->nw;
	res->plan.week = calloc(m->nw, sizeof(struct wfm_cap_week));
	if (!ps.req || !ps.avg || !ps.keep || !hires || !res->plan.week) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	if (require(m, factor, &ps, err))
		goto out;
	if (wfm_cap_simulate(m->in->par, m->in->hc, m->in->vol->first_day, m->nw, NULL, res->plan.week, err) ||
	    cls_init(m, ps.req, res->plan.week, &q, err) || solve_classes(m, &q, hires, &res->mip, err) ||
	    wfm_cap_simulate(m->in->par, m->in->hc, m->in->vol->first_day, m->nw, hires, res->plan.week, err))
		goto out;
	res->lead = q.lead;
	finish(m, &ps, &q, res);
	rc = 0;
out:
	cls_free(&q);
	WFM_FREE(ps.req, ps.avg, ps.keep, hires);
	if (rc) {
		free(res->plan.week);
		res->plan.week = NULL;
	}
	return rc;
}

/* ---- the report ---- */

void wfm_cap_report(FILE *fp, const char *prog, const wfm_cap_volumes *v,
		    const struct wfm_cap_params *p, int rules, const struct wfm_cap_result *res,
		    size_t n, const double *eh, const double *ef, size_t ne)
{
	char day[16];

	wfm_time_format_date(v->first_day, day, sizeof(day));
	fprintf(fp, "%s: %zu weeks from %s (%s volumes), %zu channel%s, lead time %d weeks "
		"(recruiting %d + training %d)\n", prog, v->nweeks, day, v->monthly ? "monthly" : "weekly",
		v->nchan, v->nchan == 1 ? "" : "s", p->recruit_weeks + p->train_weeks, p->recruit_weeks,
		p->train_weeks);
	fprintf(fp, "  shift efficiency  ");
	for (size_t i = 0; i < ne; i++)
		if (eh[i] > 0)
			fprintf(fp, "%s%.3f at %.0f agent-h/week", i ? ", " : "", ef[i], eh[i]);
		else
			fprintf(fp, "%.3f", ef[i]);
	fprintf(fp, rules && p->efficiency == 0 ? " (shift model LP bound)\n" :
		p->efficiency > 0 ? " (params)\n" : " (no --rules: paid hours = agent-hours)\n");
	fprintf(fp, "  %-24s", "scenario");
	for (size_t k = 0; k < n; k++)
		fprintf(fp, " %12s", res[k].plan.name);
#define ROW(label, fmt, expr) do { fprintf(fp, "\n  %-24s", label); \
	for (size_t k = 0; k < n; k++) fprintf(fp, " " fmt, expr); } while (0)
	ROW("volume factor", "%12.2f", res[k].factor);
	ROW("classes", "%12zu", res[k].classes);
	ROW("hires", "%12.0f", res[k].hires);
	ROW("hires' paid hours", "%12.0f", res[k].hire_paid_hours);
	ROW("weeks short after lead", "%12zu", res[k].short_weeks);
	ROW("required FTE (mean)", "%12.1f", res[k].required_sum / (double)v->nweeks);
	ROW("average-load FTE (mean)", "%12.1f", res[k].average_sum / (double)v->nweeks);
	ROW("average load understates", "%11.1f%%",
	    res[k].required_sum > 0 ? 100 * (1 - res[k].average_sum / res[k].required_sum) : 0);
	ROW("integer program", "%12s", res[k].mip.status == WFM_MIP_OPTIMAL ? "optimal" : "time limit");
	ROW("  above its LP bound", "%11.2f%%", 100 * res[k].mip.gap);
	ROW("  seconds", "%12.2f", res[k].mip.seconds);
	fputc('\n', fp);
#undef ROW
}
