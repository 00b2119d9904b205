/* capacity_io.c - reading and writing the capacity plan's files.  See
 * capacity_io.h for the formats. */
#include "capacity_io.h"
#include "csv.h"
#include "mem.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* ---- params ---- */

enum { P_CONTRACT, P_ATTR, P_RECRUIT, P_TRAIN, P_RAMP, P_CMIN, P_CMAX, P_CAD, P_SHRINK,
       P_OT, P_EFF, P_N };
static const char *const pnames[P_N] = {
	"contract_h_week", "attrition_monthly", "recruiting_weeks", "training_weeks", "ramp_up",
	"class_min", "class_max", "class_cadence_weeks", "shrinkage", "overtime", "shift_efficiency",
};

struct pstate {
	long seen[P_N];          /* line of a scalar's row */
	long shrink_line[12], shrink_all;
	long ramp_line;
};

static int whole(wfm_csv_reader *r, int col, double v, double lo, double hi, int *out, wfm_error *err)
{
	if (v != floor(v) || v < lo || v > hi)
		return wfm_csv_error(r, col, err, "%g is not a whole number in [%g, %g]", v, lo, hi);
	*out = (int)v;
	return 0;
}

static int in_range(wfm_csv_reader *r, int col, double v, double lo, int lo_open, double hi,
		    int hi_open, const char *what, wfm_error *err)
{
	if (v < lo || (lo_open && v == lo) || v > hi || (hi_open && v == hi))
		return wfm_csv_error(r, col, err, "%s %g is outside %c%g, %g%c", what, v,
				     lo_open ? '(' : '[', lo, hi, hi_open ? ')' : ']');
	return 0;
}

/* attrition_monthly key: "", "A-B" or "A+" (tenure months). */
static int add_band(wfm_csv_reader *r, int ck, int cv, double v, struct wfm_cap_params *p,
		    wfm_error *err)
{
	const char *k = wfm_csv_get(r, ck);
	struct wfm_cap_band b = { 0, INFINITY, v, wfm_csv_line(r) };
	char *end;

	if (v >= 1)
		return wfm_csv_error(r, cv, err, "attrition %g is not below 1 (100%% a month)", v);
	if (v < 0)
		return wfm_csv_error(r, cv, err, "attrition %g is negative", v);
	if (*k) {
		b.from_m = strtod(k, &end);
		if (end == k || b.from_m < 0 || (*end != '+' && *end != '-'))
			return wfm_csv_error(r, ck, err, "\"%s\" is not a tenure band in months (0-3, 3-12, 12+)", k);
		if (*end == '-') {
			const char *t = end + 1;
			b.to_m = strtod(t, &end);
			if (end == t || *end || b.to_m <= b.from_m)
				return wfm_csv_error(r, ck, err, "\"%s\" is not a tenure band in months (0-3, 3-12, 12+)", k);
		} else if (end[1]) {
			return wfm_csv_error(r, ck, err, "\"%s\" is not a tenure band in months (0-3, 3-12, 12+)", k);
		}
	}
	if (p->nband == WFM_CAP_MAX_BANDS)
		return wfm_csv_error(r, ck, err, "more than %d tenure bands", WFM_CAP_MAX_BANDS);
	size_t i = p->nband++;
	while (i > 0 && p->band[i - 1].from_m > b.from_m) {
		p->band[i] = p->band[i - 1];
		i--;
	}
	p->band[i] = b;
	return 0;
}

static int scalar(wfm_csv_reader *r, int cv, int which, double v, struct wfm_cap_params *p, wfm_error *err)
{
	switch (which) {
	case P_CONTRACT:
		p->contract_h = v;
		return in_range(r, cv, v, 0, 1, 168, 0, "contract hours", err);
	case P_RECRUIT: return whole(r, cv, v, 0, 520, &p->recruit_weeks, err);
	case P_TRAIN: return whole(r, cv, v, 0, 520, &p->train_weeks, err);
	case P_CMIN: p->class_min = (long)v; return whole(r, cv, v, 1, 100000, &(int){ 0 }, err);
	case P_CMAX: p->class_max = (long)v; return whole(r, cv, v, 1, 100000, &(int){ 0 }, err);
	case P_CAD: return whole(r, cv, v, 1, 52, &p->cadence, err);
	case P_OT:
		p->overtime = v;
		return in_range(r, cv, v, 0, 0, 1, 1, "overtime", err);
	case P_EFF:
		p->efficiency = v;
		return in_range(r, cv, v, 0, 1, 1, 0, "shift efficiency", err);
	}
	return 0;
}

static int ramp_row(wfm_csv_reader *r, int ck, int cv, double v, struct wfm_cap_params *p,
		    struct pstate *st, wfm_error *err)
{
	const char *k = wfm_csv_get(r, ck);
	char *end;
	long w = strtol(k, &end, 10);

	if (end == k || *end || w < 1 || w > WFM_CAP_MAX_RAMP)
		return wfm_csv_error(r, ck, err, "\"%s\" is not a week after training (1..%d)", k,
				     WFM_CAP_MAX_RAMP);
	if ((size_t)w != p->nramp + 1)
		return wfm_csv_error(r, ck, err, "ramp-up week %ld follows week %zu (weeks 1, 2, ... in order)",
				     w, p->nramp);
	if (in_range(r, cv, v, 0, 1, 1, 0, "productivity", err))
		return -1;
	p->ramp[p->nramp++] = v;
	st->ramp_line = wfm_csv_line(r);
	return 0;
}

static int shrink_row(wfm_csv_reader *r, int ck, int cv, double v, struct wfm_cap_params *p,
		      struct pstate *st, wfm_error *err)
{
	const char *k = wfm_csv_get(r, ck);
	int m;

	if (in_range(r, cv, v, 0, 0, 1, 1, "shrinkage", err))
		return -1;
	for (m = 0; m < 12 && strcmp(k, months[m]); m++)
		;
	if (*k && m == 12)
		return wfm_csv_error(r, ck, err, "\"%s\" is not a month (Jan..Dec) or empty", k);
	/* a month's own row wins over the all-months row, in either order */
	for (int i = 0; i < 12; i++) {
		long *seen = *k ? &st->shrink_line[i] : &st->shrink_all;
		if ((*k && i != m) || (!*k && i && st->shrink_all))
			continue;
		if (*seen)
			return wfm_csv_error(r, ck, err, "shrinkage for %s duplicates line %ld",
					     *k ? months[i] : "all months", *seen);
		*seen = wfm_csv_line(r);
	}
	for (int i = 0; i < 12; i++)
		if (*k ? i == m : !st->shrink_line[i])
			p->shrink[i] = v;
	return 0;
}

static int param_row(wfm_csv_reader *r, const int *col, struct wfm_cap_params *p,
		     struct pstate *st, wfm_error *err)
{
	const char *name = wfm_csv_get(r, col[0]);
	int which;
	double v;

	for (which = 0; which < P_N && strcmp(name, pnames[which]); which++)
		;
	if (which == P_N)
		return wfm_csv_error(r, col[0], err, "unknown parameter \"%s\"", name);
	if (wfm_csv_double(r, col[2], &v, err))
		return -1;
	if (which == P_ATTR)
		return add_band(r, col[1], col[2], v, p, err);
	if (which == P_RAMP)
		return ramp_row(r, col[1], col[2], v, p, st, err);
	if (which == P_SHRINK)
		return shrink_row(r, col[1], col[2], v, p, st, err);
	if (*wfm_csv_get(r, col[1]))
		return wfm_csv_error(r, col[1], err, "%s takes no key", name);
	if (st->seen[which])
		return wfm_csv_error(r, col[0], err, "%s duplicates line %ld", name, st->seen[which]);
	st->seen[which] = wfm_csv_line(r);
	return scalar(r, col[2], which, v, p, err);
}

/* Whole-file checks: bands tile [0, inf), ramp-up reaches 1, class sizes. */
static int check_params(const struct wfm_cap_params *p, const struct pstate *st, wfm_error *err)
{
	for (size_t i = 0; i < p->nband; i++) {
		double want = i ? p->band[i - 1].to_m : 0;
		if (p->band[i].from_m != want)
			return wfm_error_at(err, p->file, p->band[i].line, "key",
					    "tenure band starts at %g months, expected %g (bands must tile 0.. without gaps)",
					    p->band[i].from_m, want);
	}
	if (p->nband && isfinite(p->band[p->nband - 1].to_m))
		return wfm_error_at(err, p->file, p->band[p->nband - 1].line, "key",
				    "the last tenure band ends at %g months (write %g+)",
				    p->band[p->nband - 1].to_m, p->band[p->nband - 1].from_m);
	if (p->nramp && p->ramp[p->nramp - 1] < 1)
		return wfm_error_at(err, p->file, st->ramp_line, "value",
				    "ramp-up ends at %g: productivity must reach 1 (100%%)", p->ramp[p->nramp - 1]);
	if (p->class_max < p->class_min)
		return wfm_error_at(err, p->file, st->seen[P_CMAX] ? st->seen[P_CMAX] : st->seen[P_CMIN],
				    "value", "class_max %ld is below class_min %ld", p->class_max, p->class_min);
	return 0;
}

int wfm_cap_params_load(const char *path, struct wfm_cap_params *p, wfm_error *err)
{
	static const char *const names[] = { "parameter", "key", "value" };
	struct pstate st = { { 0 }, { 0 }, 0, 0 };
	wfm_csv_reader *r;
	int col[3], rc;

	memset(p, 0, sizeof(*p));
	p->contract_h = 40;
	p->class_min = 1;
	p->class_max = 100000;
	p->cadence = 1;
	for (int m = 0; m < 12; m++)
		p->shrink[m] = NAN;
	/* not wfm_csv_each(): p->file names the file in messages even when
	 * it has no rows (the lead time's line 1) */
	if (!(r = wfm_csv_open_cols(path, names, 3, col, err)))
		return -1;
	snprintf(p->file, sizeof(p->file), "%s", wfm_csv_name(r));
	while ((rc = wfm_csv_next(r, err)) == 1 && (rc = param_row(r, col, p, &st, err)) == 0)
		;
	wfm_csv_close(r);
	if (rc < 0)
		return -1;
	p->lead_line = st.seen[P_TRAIN] > st.seen[P_RECRUIT] ? st.seen[P_TRAIN] : st.seen[P_RECRUIT];
	if (!p->lead_line)
		p->lead_line = 1;
	return check_params(p, &st, err);
}

/* ---- headcount ---- */

void wfm_cap_headcount_free(wfm_cap_headcount *h)
{
	if (h)
		WFM_FREE(h->g, h);
}

struct hc_load { wfm_cap_headcount *h; size_t cap; };

static int group_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct hc_load *x = ctx;
	const char *name = wfm_csv_get(r, col[0]);
	struct wfm_cap_group *g;

	if (WFM_GROW(x->h->g, x->cap, x->h->n + 1))
		return wfm_error_set(err, "out of memory");
	g = &x->h->g[x->h->n];
	if (!*name || strlen(name) >= sizeof(g->name))
		return wfm_csv_error(r, col[0], err, "group name is empty or longer than %zu bytes",
				     sizeof(g->name) - 1);
	snprintf(g->name, sizeof(g->name), "%s", name);
	g->line = wfm_csv_line(r);
	if (wfm_csv_double(r, col[1], &g->agents, err) || wfm_csv_double(r, col[2], &g->contract_h, err) ||
	    wfm_csv_double_opt(r, col[3], 1200, &g->tenure_m, err))
		return -1;
	if (g->agents < 0)
		return wfm_csv_error(r, col[1], err, "%g is negative", g->agents);
	if (g->contract_h <= 0 || g->contract_h > 168)
		return wfm_csv_error(r, col[2], err, "%g is outside (0, 168]", g->contract_h);
	if (g->tenure_m < 0)
		return wfm_csv_error(r, col[3], err, "%g is negative", g->tenure_m);
	x->h->n++;
	return 0;
}

wfm_cap_headcount *wfm_cap_headcount_load(const char *path, wfm_error *err)
{
	static const char *const names[] = { "group", "agents", "contract_h_week", "?tenure_months" };
	struct hc_load x = { calloc(1, sizeof(*x.h)), 0 };
	int col[4];

	if (!x.h)
		return wfm_oom(err);
	if (wfm_csv_each(path, names, 4, col, group_row, &x, "no data rows", err) < 0) {
		wfm_cap_headcount_free(x.h);
		return NULL;
	}
	return x.h;
}

/* ---- volumes ---- */

struct vrow { int64_t day; size_t chan; double vol, aht; long line; };

void wfm_cap_volumes_free(wfm_cap_volumes *v)
{
	if (v) {
		wfm_free_strv(v->channel, v->nchan);
		WFM_FREE(v->volume, v->aht, v);
	}
}

/* "YYYY-MM" (a month) or "YYYY-MM-DD". */
static int parse_day(wfm_csv_reader *r, int col, int64_t *day, wfm_error *err)
{
	const char *s = wfm_csv_get(r, col);
	char buf[16];

	if (strlen(s) == 7 && s[4] == '-') {
		snprintf(buf, sizeof(buf), "%s-01", s);
		s = buf;
	}
	if (wfm_time_parse_date(s, day, err))
		return wfm_csv_error(r, col, err, "\"%s\" is not a date YYYY-MM-DD or month YYYY-MM",
				     wfm_csv_get(r, col));
	return 0;
}

struct vload { wfm_cap_volumes *v; struct vrow *rw; size_t n, cap; };

static int vrow_read(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct vload *x = ctx;
	struct vrow y = { 0, 0, 0, NAN, wfm_csv_line(r) };
	long c;

	if (!x->n)
		snprintf(x->v->file, sizeof(x->v->file), "%s", wfm_csv_name(r));
	if (parse_day(r, col[0], &y.day, err) || wfm_csv_double(r, col[2], &y.vol, err) ||
	    wfm_csv_double_opt(r, col[3], NAN, &y.aht, err))
		return -1;
	if (y.vol < 0)
		return wfm_csv_error(r, col[2], err, "%g is negative", y.vol);
	if (!isnan(y.aht) && y.aht <= 0)
		return wfm_csv_error(r, col[3], err, "%g is not positive", y.aht);
	if ((c = wfm_strv_intern(&x->v->channel, &x->v->nchan, wfm_csv_get(r, col[1]))) < 0 ||
	    WFM_GROW(x->rw, x->cap, x->n + 1))
		return wfm_error_set(err, "out of memory");
	y.chan = (size_t)c;
	x->rw[x->n++] = y;
	return 0;
}

static int vrow_cmp(const void *a, const void *b)
{
	const struct vrow *x = a, *y = b;

	return wfm_cmp_then(WFM_CMP(x->day, y->day), WFM_CMP(x->chan, y->chan),
			    WFM_CMP(x->line, y->line));
}

static int64_t next_month(int64_t day)
{
	int y, m, d;

	wfm_time_civil_from_days(day, &y, &m, &d);
	return m == 12 ? wfm_time_days_from_civil(y + 1, 1, 1) : wfm_time_days_from_civil(y, m + 1, 1);
}

/* Periods: the distinct days in order (rows sorted by day, channel);
 * checks their spacing and that each has every channel once. */
static long periods(const wfm_cap_volumes *v, const struct vrow *rw, size_t n, int64_t *pday,
		    int *monthly, wfm_error *err)
{
	size_t np = 0;
	char a[16], b[16], e[16];

	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && rw[j].day == rw[i].day; j++)
			if (rw[j].chan == rw[j - 1].chan)
				return wfm_error_at(err, v->file, rw[j].line, "channel",
						    "%s duplicates line %ld", v->channel[rw[j].chan], rw[j - 1].line);
		wfm_time_format_date(rw[i].day, a, sizeof(a));
		if (j - i != v->nchan) {
			size_t c = 0;
			while (c < j - i && rw[i + c].chan == c)
				c++;
			return wfm_error_at(err, v->file, rw[i].line, "channel",
					    "no %s row for %s (volumes with gaps)", v->channel[c], a);
		}
		if (np == 1) {
			int y, m, d;
			wfm_time_civil_from_days(pday[0], &y, &m, &d);
			*monthly = d == 1 && rw[i].day == next_month(pday[0]);
			if (!*monthly && rw[i].day != pday[0] + 7) {
				wfm_time_format_date(pday[0], b, sizeof(b));
				return wfm_error_at(err, v->file, rw[i].line, "date",
						    "%s follows %s: periods must be 7 days or one calendar month apart",
						    a, b);
			}
		}
		if (np > 1 && rw[i].day != (*monthly ? next_month(pday[np - 1]) : pday[np - 1] + 7)) {
			wfm_time_format_date(pday[np - 1], b, sizeof(b));
			wfm_time_format_date(*monthly ? next_month(pday[np - 1]) : pday[np - 1] + 7, e, sizeof(e));
			return wfm_error_at(err, v->file, rw[i].line, "date",
					    "gap: %s follows %s, %s expected (volumes with gaps)", a, b, e);
		}
		pday[np++] = rw[i].day;
	}
	if (np < 2)
		return wfm_error_at(err, v->file, rw[0].line, "date",
				    "one period only: at least two weeks or months are needed");
	return (long)np;
}

/* from/to: inside the first and last month, monthly volumes only. */
static int check_span(const wfm_cap_volumes *v, const int64_t *pday, size_t np, int monthly,
		      int64_t from, int64_t to, wfm_error *err)
{
	char a[16], b[16];
	int bad_from = from != WFM_CAP_NODAY && (from < pday[0] || from >= next_month(pday[0]));
	int bad_to = to != WFM_CAP_NODAY && (to < pday[np - 1] || to >= next_month(pday[np - 1]));

	if (!monthly && (from != WFM_CAP_NODAY || to != WFM_CAP_NODAY))
		return wfm_error_at(err, v->file, 0, NULL, "--from and --to apply to monthly volumes only");
	if (!bad_from && !bad_to)
		return 0;
	wfm_time_format_date(bad_from ? from : to, a, sizeof(a));
	wfm_time_format_date(bad_from ? pday[0] : pday[np - 1], b, sizeof(b));
	wfm_error_at(err, v->file, 0, NULL, "--%s %s is not in the %s month (%.7s)", bad_from ? "from" : "to",
		     a, bad_from ? "first" : "last", b);
	err->code = WFM_EUSAGE;
	return -1;
}

/* Volume a day of month p, all channels, over its days within from..to. */
static double day_rate(const wfm_cap_volumes *v, const struct vrow *rw, const int64_t *pday, size_t p,
		       int64_t from, int64_t to)
{
	int64_t cs = from != WFM_CAP_NODAY && from > pday[p] ? from : pday[p];
	int64_t ce = to != WFM_CAP_NODAY && to + 1 < next_month(pday[p]) ? to + 1 : next_month(pday[p]);
	double sum = 0;

	for (size_t c = 0; c < v->nchan; c++)
		sum += rw[p * v->nchan + c].vol;
	return sum / (double)(ce - cs);
}

/* Weeks from periods: weekly as is; monthly spread by days (the days from
 * `from` to `to` only) over the whole weeks from the first Monday on or
 * after the first day. */
static int to_weeks(wfm_cap_volumes *v, const struct vrow *rw, const int64_t *pday, size_t np,
		    int monthly, int64_t from, int64_t to, wfm_error *err)
{
	size_t nc = v->nchan;
	int64_t first = pday[0], end = monthly ? next_month(pday[np - 1]) : pday[np - 1] + 7;

	if (check_span(v, pday, np, monthly, from, to, err))
		return -1;
	v->first_ratio = v->last_ratio = 1;
	if (monthly) {
		v->first_ratio = day_rate(v, rw, pday, 0, from, to) / day_rate(v, rw, pday, 1, from, to);
		v->last_ratio = day_rate(v, rw, pday, np - 1, from, to) / day_rate(v, rw, pday, np - 2, from, to);
	}
	if (from != WFM_CAP_NODAY)
		first = from;
	if (to != WFM_CAP_NODAY)
		end = to + 1;
	if (monthly)
		first += (7 - wfm_time_weekday(first)) % 7;
	v->first_day = first;
	v->nweeks = end > first ? (size_t)((end - first) / 7) : 0;
	v->monthly = monthly;
	v->nperiods = np;
	if (v->nweeks < 1)
		return wfm_error_at(err, v->file, rw[0].line, "date", "the months hold no whole week");
	v->volume = calloc(nc * v->nweeks, sizeof(double));
	v->aht = calloc(nc * v->nweeks, sizeof(double));
	if (!v->volume || !v->aht)
		return wfm_error_set(err, "out of memory");
	for (size_t c = 0; c < nc; c++)
		for (size_t w = 0; w < v->nweeks; w++) {
			double vol = 0, work = 0, wv = 0;
			for (int d = 0; d < (monthly ? 7 : 1); d++) {
				int64_t day = first + 7 * (int64_t)w + d;
				size_t p = 0;
				while (p + 1 < np && pday[p + 1] <= day)
					p++;
				const struct vrow *x = &rw[p * nc + c];
				int64_t cs = from != WFM_CAP_NODAY && from > pday[p] ? from : pday[p];
				int64_t ce = to != WFM_CAP_NODAY && to + 1 < next_month(pday[p]) ? to + 1 : next_month(pday[p]);
				double share = monthly ? x->vol / (double)(ce - cs) : x->vol;
				vol += share;
				if (!isnan(x->aht)) {
					work += share * x->aht;
					wv += share;
				}
			}
			v->volume[c * v->nweeks + w] = vol;
			v->aht[c * v->nweeks + w] = wv > 0 ? work / wv : NAN;
		}
	return 0;
}

wfm_cap_volumes *wfm_cap_volumes_load(const char *path, int64_t from, int64_t to, wfm_error *err)
{
	static const char *const names[] = { "date", "channel", "volume", "?aht_s" };
	struct vload x = { calloc(1, sizeof(*x.v)), NULL, 0, 0 };
	int64_t *pday = NULL;
	int col[4], monthly = 0;
	long np = -1;

	if (!x.v)
		return wfm_oom(err);
	if (wfm_csv_each(path, names, 4, col, vrow_read, &x, "no data rows", err) > 0) {
		qsort(x.rw, x.n, sizeof(*x.rw), vrow_cmp);
		if (!(pday = malloc(x.n * sizeof(*pday))))
			wfm_error_set(err, "out of memory");
		else
			np = periods(x.v, x.rw, x.n, pday, &monthly, err);
	}
	if (np < 0 || to_weeks(x.v, x.rw, pday, (size_t)np, monthly, from, to, err)) {
		wfm_cap_volumes_free(x.v);
		x.v = NULL;
	}
	WFM_FREE(x.rw, pday);
	return x.v;
}

/* ---- the plan ---- */

static void num(FILE *fp, const char *fmt, double x)
{
	fputc(',', fp);
	if (isfinite(x))
		fprintf(fp, fmt, x);
}

int wfm_cap_plan_write(FILE *fp, const struct wfm_cap_series *s, size_t n)
{
	char day[16];
	size_t nw = n ? s[0].nweeks : 0;

	fputs("week,scenario,headcount,leavers,hires,in_training,ramping,effective_fte,required_fte,"
	      "average_load_fte,overtime_fte,gap_fte,met,service_level,occupancy\n", fp);
	for (size_t w = 0; w < nw; w++)
		for (size_t k = 0; k < n; k++) {
			const struct wfm_cap_week *x = &s[k].week[w];
			wfm_time_format_date(x->day, day, sizeof(day));
			fputs(day, fp);
			wfm_csv_write_field(fp, s[k].name, 0);
			fprintf(fp, ",%.2f,%.2f,%.0f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%s", x->headcount,
				x->leavers, x->hires, x->training, x->ramping, x->effective, x->required,
				x->average_load, x->overtime, x->gap, x->met ? "yes" : "no");
			num(fp, "%.4f", x->sl);
			num(fp, "%.4f", x->occupancy);
			fputc('\n', fp);
		}
	return ferror(fp) ? -1 : 0;
}

void wfm_cap_series_free(struct wfm_cap_series *s, size_t n)
{
	for (size_t k = 0; s && k < n; k++)
		free(s[k].week);
	free(s);
}

enum { C_WEEK, C_SCEN, C_HC, C_LEAV, C_HIRES, C_TRAIN, C_RAMP, C_EFF, C_REQ, C_AVG, C_OT, C_GAP,
       C_MET, C_SL, C_OCC, C_N };
static const char *const pcols[C_N] = {
	"week", "scenario", "headcount", "leavers", "hires", "in_training", "ramping", "effective_fte",
	"required_fte", "average_load_fte", "overtime_fte", "gap_fte", "met", "service_level", "occupancy",
};

static int week_row(wfm_csv_reader *r, const int *col, struct wfm_cap_week *x, wfm_error *err)
{
	double *f[] = { &x->headcount, &x->leavers, &x->hires, &x->training, &x->ramping, &x->effective,
			&x->required, &x->average_load, &x->overtime, &x->gap };
	const char *met = wfm_csv_get(r, col[C_MET]);

	if (wfm_time_parse_date(wfm_csv_get(r, col[C_WEEK]), &x->day, err))
		return wfm_csv_error(r, col[C_WEEK], err, "\"%s\" is not a date YYYY-MM-DD",
				     wfm_csv_get(r, col[C_WEEK]));
	for (int k = 0; k < 10; k++)
		if (wfm_csv_double(r, col[C_HC + k], f[k], err))
			return -1;
	if (wfm_csv_double_opt(r, col[C_SL], NAN, &x->sl, err) ||
	    wfm_csv_double_opt(r, col[C_OCC], NAN, &x->occupancy, err))
		return -1;
	if (strcmp(met, "yes") && strcmp(met, "no"))
		return wfm_csv_error(r, col[C_MET], err, "\"%s\" is not yes or no", met);
	x->met = !strcmp(met, "yes");
	return 0;
}

#define MAX_SCEN 64

struct pload { struct wfm_cap_series *s; size_t n, cap[MAX_SCEN]; };

/* One row: its scenario (by first appearance), then its week. */
static int plan_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct pload *x = ctx;
	const char *name = wfm_csv_get(r, col[C_SCEN]);
	struct wfm_cap_series *s;
	size_t k;

	for (k = 0; k < x->n && strcmp(x->s[k].name, name); k++)
		;
	if (k == x->n && (x->n == MAX_SCEN || strlen(name) >= sizeof(s->name)))
		return wfm_csv_error(r, col[C_SCEN], err, "more than %d scenarios or a name over %zu bytes",
				     MAX_SCEN, sizeof(s->name) - 1);
	if (k == x->n)
		snprintf(x->s[x->n++].name, sizeof(s->name), "%s", name);
	s = &x->s[k];
	if (WFM_GROW(s->week, x->cap[k], s->nweeks + 1))
		return wfm_error_set(err, "out of memory");
	if (week_row(r, col, &s->week[s->nweeks++], err))
		return -1;
	if (s->nweeks > 1 && s->week[s->nweeks - 1].day <= s->week[s->nweeks - 2].day)
		return wfm_csv_error(r, col[C_WEEK], err, "weeks of scenario %s are not in order", name);
	return 0;
}

long wfm_cap_plan_load(const char *path, struct wfm_cap_series **out, wfm_error *err)
{
	struct pload x = { calloc(MAX_SCEN, sizeof(*x.s)), 0, { 0 } };
	int col[C_N];

	if (!x.s)
		return wfm_error_set(err, "out of memory");
	if (wfm_csv_each(path, pcols, C_N, col, plan_row, &x, "no data rows", err) < 0) {
		wfm_cap_series_free(x.s, x.n);
		return -1;
	}
	*out = x.s;
	return (long)x.n;
}
