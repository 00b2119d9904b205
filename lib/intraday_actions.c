/* intraday_actions.c - today's gap and the actions that close it.  See
 * intraday_actions.h. */
#include "intraday_actions.h"
#include "coverage.h"
#include "csv.h"
#include "mem.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char callin_name[] = "call_in";

struct cand {
	int kind;
	long row, agent;
	int s, e;           /* span added (minutes of day) */
	double gain, score;
};

struct ctx {
	const struct wfm_intraday_in *in;
	wfm_intraday_plan *p;
	int64_t day, monday;
	int now_min, step;        /* now's wall-clock minute of day; step in minutes */
	int64_t now, end;         /* instants: the first interval's start, the next local midnight */
	size_t ni;
	double *on, *g, *gp, *gm, vol;
	long *agent;              /* per row: agent index */
	long *next;               /* per row: the agent's next row, -1 */
	long *first;              /* per agent: first row, -1 */
	long *week_min;           /* per agent: paid minutes in the ISO week */
	int *week_days, *extended;
	struct cand *rbest;       /* per row: its best overtime */
	unsigned char *dirty;     /* per row: rbest to recompute */
	int break_after, break_gap;
};

/* Volume x SL of interval i with x agents on shift, over the channels. */
static double sl_at(const struct ctx *x, size_t i, double agents)
{
	const struct wfm_intraday_in *in = x->in;
	const wfm_series *s = in->rf;
	double tot = 0, out = 0;

	for (size_t c = 0; c < s->nchan; c++)
		if (!in->req[c * s->n + i].skip)
			tot += (double)in->req[c * s->n + i].gross;
	for (size_t c = 0; c < s->nchan; c++) {
		const struct wfm_req *r = &in->req[c * s->n + i];
		const struct wfm_channel *ch = &in->cfg->ch[in->map[c]];
		struct wfm_queue_perf perf;
		if (r->skip || !(r->volume > 0))
			continue;
		double share = tot > 0 ? (double)r->gross / tot : 1.0 / (double)s->nchan;
		wfm_staff_perf(ch, in->so, r->load, r->aht, s->step, fmax(agents, 0) * share * (1 - ch->shrinkage), &perf);
		out += r->volume * perf.sl;
	}
	return out;
}

static void refresh(struct ctx *x, size_t i)
{
	x->g[i] = sl_at(x, i, x->on[i]);
	x->gp[i] = sl_at(x, i, x->on[i] + 1) - x->g[i];
	x->gm[i] = x->g[i] - sl_at(x, i, fmax(x->on[i] - 1, 0));
}

static double under(double need, double on) { return need > on ? need - on : 0; }

/* [s, e) in minutes of x->day as a row placed in the zone (lib/plan.h):
 * rules count elapsed time. */
static struct wfm_shift placed(const struct ctx *x, int s, int e)
{
	struct wfm_shift t = { .day = x->day, .start = s, .end = e, .bstart = -1, .bend = -1 };
	wfm_shift_place(&t, x->in->tz);
	return t;
}

/* The interval of the re-forecast holding instant u, or ni (before now,
 * or past the local midnight that ends the gap). */
static size_t slot(const struct ctx *x, int64_t u)
{
	return u < x->now || u >= x->end ? x->ni : (size_t)((u - x->now) / (x->step * 60));
}

static int on_break(const struct wfm_shift *r, int64_t u)
{
	return r->bstart >= 0 && u >= r->tb0 && u < r->tb1;
}

/* One agent more (sign 1) or less (-1) over minutes [m0, m1) of the day
 * (placed in the zone: the intervals are instants, so a span over a DST
 * change covers the hours that really pass): SL gain (volume x SL) and
 * shortfall reduction (agent-intervals); apply when asked. */
static void span(struct ctx *x, int m0, int m1, int sign, int apply, double *gain, double *sred)
{
	struct wfm_shift t = placed(x, m0, m1);
	int64_t ss = x->step * 60;

	*gain = *sred = 0;
	for (int64_t u = t.t0 < x->now ? x->now : t.t0; u < t.t1; ) {
		size_t i = slot(x, u);
		if (i >= x->ni)     /* past midnight: not today's gap */
			break;
		int64_t iend = x->now + (int64_t)(i + 1) * ss, e = t.t1 < iend ? t.t1 : iend;
		double f = (double)(e - u) / (double)ss, need = x->p->need[i];
		*gain += f * (sign > 0 ? x->gp[i] : -x->gm[i]);
		*sred += f * (under(need, x->on[i]) - under(need, x->on[i] + sign));
		if (apply) {
			x->on[i] += sign * f;
			refresh(x, i);
		}
		u = e;
	}
}

static int elapsed(const struct ctx *x, int s, int e)
{
	struct wfm_shift t = placed(x, s, e);
	return wfm_shift_span(&t);
}

/* Agent a may work [s, e) (minutes of x->day) besides its rows other than
 * `self`: working window, rest to its other shifts (elapsed, instants). */
static int fits_rest(const struct ctx *x, long a, long self, int s, int e)
{
	const struct wfm_shift *r = x->p->rows;
	struct wfm_shift c = placed(x, s, e);
	int64_t rest = (int64_t)llround(x->in->ro.min_rest_h * 3600);

	for (long j = x->first[a]; j >= 0; j = x->next[j]) {
		if (j == self)
			continue;
		if (!(r[j].t1 + rest <= c.t0 || c.t1 + rest <= r[j].t0))
			return 0;
	}
	return 1;
}

/* A shift [s, e) with break [bs, be) (-1: none) within agent a's rules. */
static int fits_shift(const struct ctx *x, long a, int s, int e, int bs, int be)
{
	const struct wfm_agent *ag = &x->in->ag->a[a];
	struct wfm_shift t = placed(x, s, e);
	int len = wfm_shift_span(&t);

	if (len > (int)lround(ag->max_shift_h * 60) || len < (int)lround(ag->min_shift_h * 60))
		return 0;
	if (s < ag->earliest || (ag->latest < 1440 && e > ag->latest))   /* 1440: any */
		return 0;
	if (bs < 0)
		return !x->break_after || len < x->break_after;
	return bs - s >= x->break_gap && e - be >= x->break_gap;
}

static int week_ok(const struct ctx *x, long a, long add_min)
{
	const struct wfm_agent *ag = &x->in->ag->a[a];

	return x->week_min[a] + add_min <= (long)llround((ag->contract_h + x->in->ro.tol_week_h) * 60);
}

/* Working days in a row through day (with day itself worked). */
static int run_ok(const struct ctx *x, long a)
{
	int before = 0, after = 0, found;

	do {
		found = 0;
		for (long j = x->first[a]; j >= 0 && !found; j = x->next[j])
			found = x->p->rows[j].day == x->day - before - 1;
		before += found;
	} while (found);
	do {
		found = 0;
		for (long j = x->first[a]; j >= 0 && !found; j = x->next[j])
			found = x->p->rows[j].day == x->day + after + 1;
		after += found;
	} while (found);
	return before + after + 1 <= x->in->ro.max_consecutive;
}

/* The channel of rf a skill serves (names compared ignoring case), or -1. */
static int skill_channel(const struct ctx *x, const char *skill)
{
	for (size_t c = 0; c < x->in->rf->nchan; c++)
		if (!strcasecmp(skill, x->in->rf->channel[c]))
			return (int)c;
	return -1;
}

/* The first channel of rf among agent a's skills, or -1. */
static int agent_channel(const struct ctx *x, long a)
{
	const wfm_strlist *sk = &x->in->ag->a[a].skills;

	for (size_t k = 0; k < sk->n; k++)
		if (skill_channel(x, sk->item[k]) >= 0)
			return skill_channel(x, sk->item[k]);
	return -1;
}


static void consider(struct ctx *x, struct cand *best, int kind, long row, long a, int s, int e)
{
	double gain, sred, score;

	span(x, s, e, 1, 0, &gain, &sred);
	if (sred <= 1e-9)
		return;
	score = gain / (elapsed(x, s, e) / 60.0);   /* per real hour paid */
	if (best->kind < 0 || score > best->score + 1e-12) {
		*best = (struct cand){ kind, row, a, s, e, gain, score };
	}
}

/* Overtime before and after shift j, if of today and still to end. */
static void row_cands(struct ctx *x, size_t j, struct cand *best)
{
	int kmax = (int)(x->in->max_ot_h * 60 / x->step);
	const struct wfm_shift *r = &x->p->rows[j];
	long a = x->agent[j];

	if (r->day != x->day || r->t1 <= x->now || a < 0 || agent_channel(x, a) < 0)
		return;   /* an agent with no skill of the forecast's channels is no help */
	for (int k = 1; k <= kmax - x->extended[j]; k++) {
		int ne = r->end + k * x->step, ns = r->start - k * x->step;
		if (ne <= 1440 && fits_shift(x, a, r->start, ne, r->bstart, r->bend) &&
		    week_ok(x, a, ne - r->end) && fits_rest(x, a, (long)j, r->start, ne))
			consider(x, best, WFM_IA_OVERTIME, (long)j, a, r->end, ne);
		if (ns >= x->now_min && fits_shift(x, a, ns, r->end, r->bstart, r->bend) &&
		    week_ok(x, a, r->start - ns) && fits_rest(x, a, (long)j, ns, r->end))
			consider(x, best, WFM_IA_OVERTIME, (long)j, a, ns, r->start);
	}
}

/* The best overtime of all rows: each row's best is kept and recomputed
 * only when an applied action touched its reach (the shift +- the most
 * overtime) or its agent, so the choice is the same as a full scan. */
static void overtime_cands(struct ctx *x, struct cand *best)
{
	for (size_t j = 0; j < x->p->nrows; j++) {
		if (x->dirty[j]) {
			x->rbest[j] = (struct cand){ .kind = -1 };
			row_cands(x, j, &x->rbest[j]);
			x->dirty[j] = 0;
		}
		if (x->rbest[j].kind >= 0 && (best->kind < 0 || x->rbest[j].score > best->score + 1e-12))
			*best = x->rbest[j];
	}
}

static void mark_dirty(struct ctx *x, long agent, int s, int e)
{
	int reach = (int)(x->in->max_ot_h * 60);

	for (size_t j = 0; j < x->p->nrows; j++) {
		const struct wfm_shift *r = &x->p->rows[j];
		if (x->agent[j] == agent || (r->day == x->day && r->start - reach < e && r->end + reach > s))
			x->dirty[j] = 1;
	}
}

/* A shift of the agent's minimum length for willing agents off today. */
static void callin_cands(struct ctx *x, struct cand *best)
{
	const wfm_agents *ag = x->in->ag;

	for (size_t a = 0; a < ag->n; a++) {
		int len = (int)ceil(ag->a[a].min_shift_h * 60 / x->step) * x->step;
		int today = 0;
		for (long j = x->first[a]; j >= 0; j = x->next[j])
			today |= x->p->rows[j].day == x->day;
		if (today || wfm_agents_status(ag, a, x->day) != WFM_AVAIL_YES || agent_channel(x, (long)a) < 0 ||
		    !week_ok(x, (long)a, len) || x->week_days[a] + 1 > x->in->ro.max_days_week ||
		    !run_ok(x, (long)a))
			continue;
		for (int s = x->now_min; s + len <= 1440; s += x->step)
			if (fits_shift(x, (long)a, s, s + len, -1, -1) && fits_rest(x, (long)a, -1, s, s + len))
				consider(x, best, WFM_IA_CALL_IN, -1, (long)a, s, s + len);
	}
}

static void add_action(struct ctx *x, int kind, long a, int s, int e, double hours, double gain)
{
	wfm_intraday_plan *p = x->p;
	struct wfm_intraday_action *act = &p->a[p->n++];

	act->kind = kind;
	act->agent = x->in->ag->a[a].id;
	act->name = x->in->ag->a[a].name;
	act->day = x->day;
	act->start = s;
	act->end = e;
	act->hours = hours;
	act->channel = agent_channel(x, a);
	act->sl_gain = x->vol > 0 ? 100 * gain / x->vol : 0;
}

static void apply(struct ctx *x, const struct cand *c)
{
	double gain, sred;
	struct wfm_shift *r;
	int paid0 = 0, len = elapsed(x, c->s, c->e);

	span(x, c->s, c->e, 1, 1, &gain, &sred);
	if (c->kind == WFM_IA_CALL_IN) {
		long j = (long)x->p->nrows++;
		r = &x->p->rows[j];
		*r = (struct wfm_shift){ .day = x->day, .name = callin_name, .start = c->s, .end = c->e,
					 .bstart = -1, .bend = -1, .count = 1,
					 .agent = x->in->ag->a[c->agent].id,
					 .agent_name = x->in->ag->a[c->agent].name };
		if (x->first[c->agent] >= 0)  /* the group of the agent's other rows */
			r->group = x->p->rows[x->first[c->agent]].group;
		x->agent[j] = c->agent;
		x->extended[j] = 0;
		x->next[j] = x->first[c->agent];
		x->first[c->agent] = j;
		x->week_days[c->agent]++;
	} else {
		r = &x->p->rows[c->row];
		paid0 = wfm_shift_paid(r);
		if (c->s == r->end)
			r->end = c->e;
		else
			r->start = c->s;
		x->extended[c->row] += (c->e - c->s) / x->step;
	}
	wfm_shift_place(r, x->in->tz);   /* the row's instants follow its times */
	x->week_min[c->agent] += wfm_shift_paid(r) - paid0;
	for (size_t k = 0; k < x->p->n; k++) {   /* one row per extension of a shift */
		struct wfm_intraday_action *o = &x->p->a[k];
		if (o->kind == c->kind && c->kind == WFM_IA_OVERTIME && o->agent == x->in->ag->a[c->agent].id &&
		    (o->end == c->s || o->start == c->e)) {
			o->start = o->start < c->s ? o->start : c->s;
			o->end = o->end > c->e ? o->end : c->e;
			o->hours += len / 60.0;
			o->sl_gain += x->vol > 0 ? 100 * c->gain / x->vol : 0;
			return;
		}
	}
	add_action(x, c->kind, c->agent, c->s, c->e, len / 60.0, c->gain);
}

/* Move each break not yet begun to where it costs least SL, if better. */
static void break_moves(struct ctx *x)
{
	for (size_t j = 0; j < x->p->nrows; j++) {
		struct wfm_shift *r = &x->p->rows[j];
		long a = x->agent[j];
		int blen = r->bend - r->bstart, best = -1;
		double g0, s0, g1, s1, bestg = 1e-9;
		if (r->day != x->day || r->bstart < x->now_min || a < 0)
			continue;
		span(x, r->bstart, r->bend, 1, 1, &g0, &s0);   /* the agent back at work */
		for (int b = r->start + x->break_gap; b + blen <= r->end - x->break_gap; b += x->step) {
			if (b < x->now_min || b == r->bstart)
				continue;
			span(x, b, b + blen, -1, 0, &g1, &s1);
			if (g0 + g1 > bestg && s1 >= -1e-9) {   /* only to where it leaves no gap */
				bestg = g0 + g1;
				best = b;
			}
		}
		span(x, best >= 0 ? best : r->bstart, (best >= 0 ? best : r->bstart) + blen, -1, 1, &g1, &s1);
		if (best >= 0) {
			add_action(x, WFM_IA_BREAK_MOVE, a, best, best + blen, 0, bestg);
			r->bstart = best;
			r->bend = best + blen;
			wfm_shift_place(r, x->in->tz);
		}
	}
}

/* Voluntary time off: each shift's longest tail after its break (and
 * from now) that every interval can spare. */
static void vto(struct ctx *x)
{
	for (size_t j = 0; j < x->p->nrows; j++) {
		struct wfm_shift *r = &x->p->rows[j];
		long a = x->agent[j];
		int t = r->end, lo;
		double g, s;
		if (r->day != x->day || r->t1 <= x->now || a < 0 || x->extended[j] || r->name == callin_name)
			continue;
		lo = r->start + (int)lround(x->in->ag->a[a].min_shift_h * 60);
		if (r->bstart >= 0 && r->bend > lo)
			lo = r->bend;
		if (lo < x->now_min)
			lo = x->now_min;
		while (t - x->step >= lo && (t - x->step - x->now_min) % x->step == 0) {
			size_t i = slot(x, placed(x, t - x->step, t).t0);
			if (i >= x->ni || x->on[i] - 1 < x->p->need[i] - 1e-9)
				break;
			t -= x->step;
		}
		if (t == r->end || !fits_shift(x, a, r->start, t, r->bstart, r->bend))
			continue;
		span(x, t, r->end, -1, 1, &g, &s);
		add_action(x, WFM_IA_VTO, a, t, r->end, -elapsed(x, t, r->end) / 60.0, g);
		x->week_min[a] -= wfm_shift_paid(r);
		r->end = t;
		wfm_shift_place(r, x->in->tz);
		x->week_min[a] += wfm_shift_paid(r);
	}
}

void wfm_intraday_plan_free(wfm_intraday_plan *p)
{
	if (p)
		WFM_FREE(p->a, p->rows, p->need, p->before, p->after, p->need_c, p->skilled, p);
}

static void ctx_free(struct ctx *x)
{
	WFM_FREE(x->on, x->g, x->gp, x->gm, x->agent, x->next, x->first, x->week_min, x->week_days,
		 x->extended, x->rbest, x->dirty);
}

/* Break rule: the strictest of the rules (shortest break_after). */
static void break_rule(struct ctx *x)
{
	const wfm_shiftrules *r = x->in->rules;

	x->break_gap = 120;
	for (size_t k = 0; r && k < r->n; k++)
		if (r->rule[k].break_len > 0 && (!x->break_after || r->rule[k].break_after < x->break_after)) {
			x->break_after = r->rule[k].break_after;
			x->break_gap = r->rule[k].break_gap;
		}
}

/* Rows to agents, the week's minutes and days; -1 for a row whose agent
 * is not in staff.csv (an error). */
static int link_rows(struct ctx *x, wfm_error *err)
{
	const wfm_agents *ag = x->in->ag;

	for (size_t a = 0; a < ag->n; a++)
		x->first[a] = -1;
	for (size_t j = x->p->nrows; j-- > 0; ) {
		const struct wfm_shift *r = &x->p->rows[j];
		long a = wfm_agents_find(ag, r->agent);
		if (a < 0)
			return wfm_error_at(err, x->in->roster->file, r->line, "agent_id",
					    "agent \"%s\" is not in %s", r->agent, ag->file);
		x->agent[j] = a;
		x->next[j] = x->first[a];
		x->first[a] = (long)j;
		x->extended[j] = 0;
		if (r->day >= x->monday && r->day < x->monday + 7) {
			x->week_min[a] += wfm_shift_paid(r);
			x->week_days[a]++;
		}
	}
	return 0;
}

static int setup(struct ctx *x, const struct wfm_intraday_in *in, wfm_intraday_plan *p, wfm_error *err)
{
	const wfm_series *s = in->rf;
	size_t na = in->ag ? in->ag->n : 0, cap = in->roster->n + na + 1;
	struct wfm_tm tm;

	wfm_time_local(s->start, in->tz, &tm);
	x->in = in;
	x->p = p;
	x->day = tm.days;
	x->monday = tm.days - tm.wday;
	x->now_min = tm.minute_of_day;
	x->step = s->step / 60;
	if (1440 % x->step || x->now_min % x->step)
		return wfm_error_set(err, "the forecast's %d-minute intervals do not tile the day from midnight", x->step);
	x->now = s->start;   /* the rest of the day: real intervals to the next local midnight (23 or 25 h days) */
	x->end = wfm_time_day_start(x->day + 1, in->tz);
	for (x->ni = 0; x->ni < s->n && wfm_series_time(s, x->ni) < x->end; x->ni++)
		;
	p->ni = x->ni;
	size_t m = x->ni + 1;
	int kmax = (int)(in->max_ot_h * 60 / x->step) + 2;
	p->need = calloc(m, sizeof(double));
	p->before = calloc(m, sizeof(double));
	p->after = calloc(m, sizeof(double));
	p->rows = calloc(cap, sizeof(*p->rows));
	p->a = calloc(in->roster->n * (size_t)kmax + na + 1, sizeof(*p->a));
	x->on = calloc(m, sizeof(double));
	x->g = calloc(m, sizeof(double));
	x->gp = calloc(m, sizeof(double));
	x->gm = calloc(m, sizeof(double));
	x->agent = calloc(cap, sizeof(long));
	x->next = calloc(cap, sizeof(long));
	x->extended = calloc(cap, sizeof(int));
	x->rbest = calloc(cap, sizeof(*x->rbest));
	x->dirty = malloc(cap);
	x->first = calloc(na + 1, sizeof(long));
	x->week_min = calloc(na + 1, sizeof(long));
	x->week_days = calloc(na + 1, sizeof(int));
	if (!p->need || !p->before || !p->after || !p->rows || !p->a || !x->on || !x->g || !x->gp ||
	    !x->gm || !x->agent || !x->next || !x->extended || !x->first || !x->week_min || !x->week_days ||
	    !x->rbest || !x->dirty)
		return wfm_error_set(err, "out of memory");
	memcpy(p->rows, in->roster->s, in->roster->n * sizeof(*p->rows));
	p->nrows = in->roster->n;
	for (size_t j = 0; j < cap; j++)
		x->agent[j] = -1;
	memset(x->dirty, 1, cap);
	break_rule(x);
	return in->ag ? link_rows(x, err) : 0;
}

static void measure(struct ctx *x, double *sl, double *shortfall)
{
	double g = 0, u = 0;

	for (size_t i = 0; i < x->ni; i++) {
		g += x->g[i];
		u += under(x->p->need[i], x->on[i]);
	}
	*sl = x->vol > 0 ? g / x->vol : 1;
	*shortfall = u * x->step / 60.0;
}

/* Per channel and interval: agents at work (with the actions) holding the
 * channel's skill, rows of today and yesterday's past midnight. */
static int skill_cover(struct ctx *x)
{
	const wfm_series *s = x->in->rf;
	wfm_intraday_plan *p = x->p;

	p->nchan = s->nchan;
	if (!(p->need_c = calloc(s->nchan * x->ni + 1, sizeof(double))) ||
	    !(p->skilled = calloc(s->nchan * x->ni + 1, sizeof(double))))
		return -1;
	for (size_t c = 0; c < s->nchan; c++)
		for (size_t i = 0; i < x->ni; i++)
			if (!x->in->req[c * s->n + i].skip)
				p->need_c[c * x->ni + i] = (double)x->in->req[c * s->n + i].gross;
	for (size_t j = 0; j < p->nrows; j++) {
		const struct wfm_shift *r = &p->rows[j];
		const wfm_strlist *sk = &x->in->ag->a[x->agent[j]].skills;
		if (r->day != x->day && r->day != x->day - 1)
			continue;
		for (int64_t u = r->t0; u < r->t1; u += 60) {
			size_t i = slot(x, u);
			if (i >= x->ni || on_break(r, u))
				continue;
			for (size_t k = 0; k < sk->n; k++) {
				int c = skill_channel(x, sk->item[k]);
				if (c >= 0)
					p->skilled[(size_t)c * x->ni + i] += 1.0 / x->step;
			}
		}
	}
	return 0;
}

/* Agents on shift per interval from now, before any action: each minute
 * of a row's instants, breaks out (as wfm_roster_coverage, minute by
 * minute in row order, so a plain day adds up to the same bytes). */
static void on_shift(const struct ctx *x, double *on)
{
	const wfm_intraday_plan *p = x->p;

	for (size_t j = 0; j < p->nrows; j++) {
		const struct wfm_shift *r = &p->rows[j];
		double w = (double)r->count / x->step;
		if (r->day != x->day && r->day != x->day - 1)
			continue;
		for (int64_t u = r->t0; u < r->t1; u += 60) {
			size_t i = slot(x, u);
			if (i < x->ni && !on_break(r, u))
				on[i] += w;
		}
	}
}

/* Needs, volume and agents on shift per interval before any action. */
static void start(struct ctx *x)
{
	const struct wfm_intraday_in *in = x->in;
	const wfm_series *s = in->rf;
	wfm_intraday_plan *p = x->p;

	on_shift(x, p->before);
	for (size_t i = 0; i < x->ni; i++) {
		for (size_t c = 0; c < s->nchan; c++)
			if (!in->req[c * s->n + i].skip) {
				p->need[i] += (double)in->req[c * s->n + i].gross;
				x->vol += in->req[c * s->n + i].volume > 0 ? in->req[c * s->n + i].volume : 0;
			}
		x->on[i] = p->before[i];
		refresh(x, i);
	}
	measure(x, &p->sl_before, &p->short_before);
}

/* The actions, the best first while one helps: overtime and call-ins;
 * then break moves and voluntary time off. */
static void improve(struct ctx *x)
{
	for (;;) {
		struct cand best = { .kind = -1 };
		overtime_cands(x, &best);
		callin_cands(x, &best);
		if (best.kind < 0)
			break;
		apply(x, &best);
		mark_dirty(x, best.agent, best.s, best.e);
	}
	break_moves(x);
	vto(x);
}

wfm_intraday_plan *wfm_intraday_plan_make(const struct wfm_intraday_in *in, wfm_error *err)
{
	wfm_intraday_plan *p = calloc(1, sizeof(*p));
	struct ctx x = { 0 };
	int rc;

	if (!p)
		return wfm_oom(err);
	if (!(rc = setup(&x, in, p, err))) {
		start(&x);
		if (in->ag)
			improve(&x);
		memcpy(p->after, x.on, x.ni * sizeof(double));
		measure(&x, &p->sl_after, &p->short_after);
		if (in->ag && skill_cover(&x))
			rc = wfm_error_set(err, "out of memory");
	}
	ctx_free(&x);
	if (rc) {
		wfm_intraday_plan_free(p);
		p = NULL;
	}
	return p;
}

static const char *kind_name[] = { "overtime", "call_in", "break_move", "vto" };

static double rank_key(const struct wfm_intraday_action *a)
{
	if (a->kind == WFM_IA_VTO)
		return -1e9 + a->sl_gain;
	return a->hours > 0 ? a->sl_gain / a->hours : a->sl_gain;
}

static int cmp_action(const void *pa, const void *pb)
{
	const struct wfm_intraday_action *a = *(const struct wfm_intraday_action *const *)pa;
	const struct wfm_intraday_action *b = *(const struct wfm_intraday_action *const *)pb;
	int c = WFM_CMP(rank_key(b), rank_key(a));   /* the most gain an hour first */

	return c ? c : WFM_CMP(a, b);
}

static void when(int64_t day, int min, char *buf, size_t size)
{
	char hm[8];

	wfm_time_format_date(day + min / 1440, buf, size);
	wfm_plan_hhmm(min, hm);
	snprintf(buf + strlen(buf), size - strlen(buf), "T%s", hm);
}

int wfm_intraday_actions_write(FILE *fp, const wfm_intraday_plan *p, const wfm_series *rf,
			       const wfm_tz *tz)
{
	const struct wfm_intraday_action **ord = malloc((p->n + 1) * sizeof(*ord));
	char a[40], b[40];

	(void)tz;
	if (!ord)
		return -1;
	for (size_t k = 0; k < p->n; k++)
		ord[k] = &p->a[k];
	qsort(ord, p->n, sizeof(*ord), cmp_action);
	fputs("kind,agent_id,name,start,end,hours,channel,sl_gain\n", fp);
	for (size_t k = 0; k < p->n; k++) {
		const struct wfm_intraday_action *x = ord[k];
		when(x->day, x->start, a, sizeof(a));
		when(x->day, x->end, b, sizeof(b));
		fputs(kind_name[x->kind], fp);
		wfm_csv_write_field(fp, x->agent, 0);
		wfm_csv_write_field(fp, x->name, 0);
		fprintf(fp, ",%s,%s,%.2f", a, b, x->hours);
		wfm_csv_write_field(fp, x->channel >= 0 ? rf->channel[x->channel] : "", 0);
		fprintf(fp, ",%.3f\n", x->sl_gain);
	}
	free(ord);
	return ferror(fp) ? -1 : 0;
}

int wfm_intraday_gap_write(FILE *fp, const wfm_intraday_plan *p, const wfm_series *rf,
			   const wfm_tz *tz)
{
	wfm_coverage *cv = wfm_coverage_new(p->skilled != NULL, 0);
	wfm_error err = { 0 };
	int rc = cv ? 0 : -1;

	if (cv)
		cv->two_decimals = cv->has_before = 1;
	for (size_t c = 0; !rc && p->skilled && c < p->nchan; c++)
		rc = wfm_coverage_channel(cv, rf->channel[c]) < 0 ? -1 : 0;
	for (size_t i = 0; !rc && i < p->ni; i++) {
		for (size_t c = 0; !rc && p->skilled && c < p->nchan; c++)
			rc = wfm_coverage_add(cv, wfm_series_time(rf, i), (long)c, p->need_c[c * p->ni + i],
					      p->skilled[c * p->ni + i], NAN, &err);
		if (!rc)
			rc = wfm_coverage_add(cv, wfm_series_time(rf, i), -1, p->need[i], p->after[i], NAN, &err);
		if (!rc)
			cv->row[cv->n - 1].before = p->before[i];
	}
	if (!rc)
		rc = wfm_coverage_write(fp, cv, tz);
	wfm_coverage_free(cv);
	return rc;
}

void wfm_intraday_today_free(wfm_intraday_today *t)
{
	if (t) {
		wfm_intraday_plan_free(t->plan);
		wfm_shiftrules_free(t->rules);
		wfm_agents_free(t->ag);
		wfm_roster_free(t->roster);
		wfm_channels_free(t->cfg);
		WFM_FREE(t->req, t->map, t);
	}
}

static int load_today(wfm_intraday_today *t, const wfm_series *rf, const struct wfm_intraday_paths *f,
		      const wfm_tz *tz, const struct wfm_staff_opts *so, wfm_error *err)
{
	if (!(t->cfg = wfm_channels_load(f->channels, err)) || !(t->roster = wfm_roster_load(f->roster, tz, err)) ||
	    (f->rules && !(t->rules = wfm_shiftrules_load(f->rules, err))))
		return -1;
	if (f->staff) {
		const char **known = malloc((t->cfg->n + 1) * sizeof(char *));
		if (!known)
			return wfm_error_set(err, "out of memory");
		for (size_t c = 0; c < t->cfg->n; c++)
			known[c] = t->cfg->ch[c].name;
		t->ag = wfm_agents_load(f->staff, known, t->cfg->n, err);
		free(known);
		if (!t->ag || (f->availability && wfm_agents_load_availability(t->ag, f->availability, err)))
			return -1;
	}
	if (!(t->map = wfm_staff_map(rf, f->forecast, t->cfg, err)))
		return -1;
	if (!(t->req = calloc(rf->nchan * rf->n + 1, sizeof(*t->req))))
		return wfm_error_set(err, "out of memory");
	return wfm_staff_requirements(rf, t->cfg, t->map, tz, so, t->req, err);
}

wfm_intraday_today *wfm_intraday_today_make(const wfm_series *rf, const struct wfm_intraday_paths *f,
					    const wfm_tz *tz, double max_ot_h, wfm_error *err)
{
	wfm_intraday_today *t = calloc(1, sizeof(*t));
	struct wfm_staff_opts so;
	struct wfm_intraday_in in = { 0 };

	if (!t)
		return wfm_oom(err);
	wfm_staff_opts_default(&so);
	if (!load_today(t, rf, f, tz, &so, err)) {
		in = (struct wfm_intraday_in){ .rf = rf, .cfg = t->cfg, .map = t->map, .req = t->req, .so = &so,
					       .roster = t->roster, .ag = t->ag, .rules = t->rules, .tz = tz,
					       .max_ot_h = max_ot_h };
		wfm_roster_opts_default(&in.ro);
		t->plan = wfm_intraday_plan_make(&in, err);
	}
	if (!t->plan) {
		wfm_intraday_today_free(t);
		return NULL;
	}
	return t;
}

void wfm_intraday_plan_report(FILE *fp, const char *prog, const wfm_intraday_plan *p)
{
	if (p->short_before > 0 || p->n)
		fprintf(fp, "%s: rest of today: shortfall %.1f agent-hours, SL %.1f%%; "
			"%zu actions: shortfall %.1f, SL %.1f%%\n", prog, p->short_before,
			100 * p->sl_before, p->n, p->short_after, 100 * p->sl_after);
}
