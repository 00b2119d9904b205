/* outbound.c - outbound campaign loader and dial planner.  See outbound.h. */
#include "outbound.h"
#include "csv.h"
#include "mem.h"
#include "pacing.h"
#include "timeutil.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define POOL_MAX 200   /* free agents beyond this pace like this many */

void wfm_outbound_default_curve(double rpc[24], double connect[24])
{
	/* Illustrative shape, not measured data: people answer more after
	 * work; nights are poor (and normally outside the window anyway). */
	static const double r[24] = {
		0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.08,
		0.12, 0.16, 0.18, 0.19, 0.17, 0.16, 0.18, 0.20,
		0.22, 0.26, 0.30, 0.32, 0.28, 0.18, 0.08, 0.05,
	};
	for (int h = 0; h < 24; h++) {
		rpc[h] = r[h];
		connect[h] = r[h] / 0.8;
	}
}

void wfm_outbound_free(wfm_outbound *ob)
{
	if (!ob)
		return;
	for (size_t j = 0; j < ob->njobs; j++)
		free(ob->job[j].region);
	for (size_t z = 0; z < ob->nzone; z++)
		wfm_tz_free(ob->zone[z]);
	wfm_free_strv(ob->campaign, ob->ncamp);
	WFM_FREE(ob->job, ob->rpc, ob->connect, ob->zone, ob);
}

static long find_name(char **names, size_t n, const char *s)
{
	for (size_t i = n; i-- > 0;)   /* rows of a campaign come together */
		if (!strcmp(names[i], s))
			return (long)i;
	return -1;
}

static int cmp_job_name(const void *a, const void *b)
{
	const struct wfm_ob_job *x = a, *y = b;
	int c = strcmp(x->campaign, y->campaign);
	if (!c)
		c = strcmp(x->region, y->region);
	return c ? c : WFM_CMP(x->line, y->line);
}

static int cmp_job_line(const void *a, const void *b)
{
	const struct wfm_ob_job *x = a, *y = b;
	return WFM_CMP(x->line, y->line);
}

struct ob_load { wfm_outbound *ob; int64_t now; const wfm_tz *tz; size_t jcap, zcap; };

/* The index of the row's time zone (each name opened once), or -1. */
static long row_zone(struct ob_load *x, wfm_csv_reader *r, int col, wfm_error *err)
{
	wfm_outbound *ob = x->ob;
	const char *s = wfm_csv_get(r, col);
	wfm_error e2 = { 0 };
	wfm_tz *zn;

	for (size_t z = 0; z < ob->nzone; z++)
		if (!strcmp(wfm_tz_name(ob->zone[z]), s))
			return (long)z;
	if (!*s)
		return wfm_csv_error(r, col, err, "empty time zone");
	if (!(zn = wfm_tz_open(s, &e2)))
		return wfm_csv_error(r, col, err, "%s", e2.msg);
	if (WFM_GROW(ob->zone, x->zcap, ob->nzone + 1)) {
		wfm_tz_free(zn);
		return wfm_error_set(err, "out of memory");
	}
	ob->zone[ob->nzone] = zn;
	return (long)ob->nzone++;
}

/* Records, deadline (after now), window and priority of job j. */
static int row_work(struct ob_load *x, wfm_csv_reader *r, const int *col, struct wfm_ob_job *j,
		    wfm_error *err)
{
	wfm_error e2 = { 0 };

	if (wfm_csv_double(r, col[3], &j->records, err))
		return -1;
	if (j->records < 0)
		return wfm_csv_error(r, col[3], err, "%s is negative", wfm_csv_get(r, col[3]));
	if (j->records != floor(j->records))
		return wfm_csv_error(r, col[3], err, "%s is not a whole number", wfm_csv_get(r, col[3]));
	if (j->records > WFM_MAX_VOLUME)   /* found by fuzz_numeric: 1e308 records ran for minutes */
		return wfm_csv_error(r, col[3], err, "%s is over the maximum of %g records",
				     wfm_csv_get(r, col[3]), WFM_MAX_VOLUME);
	if (wfm_csv_time(r, col[4], x->ob->zone[j->zone], 0, &j->deadline, err) < 0)
		return -1;
	if (j->deadline <= x->now) {
		char buf[40];
		wfm_time_format(x->now, x->tz, buf, sizeof(buf));
		return wfm_csv_error(r, col[4], err, "\"%s\" is in the past (planning starts %s %s)",
				     wfm_csv_get(r, col[4]), buf, wfm_tz_name(x->tz));
	}
	for (int k = 5; k <= 6; k++) {
		int *m = k == 5 ? &j->win_start : &j->win_end;
		if (wfm_time_parse_hhmm(wfm_csv_get(r, col[k]), m, &e2))
			return wfm_csv_error(r, col[k], err, "%s", e2.msg);
	}
	if (j->win_end <= j->win_start)
		return wfm_csv_error(r, col[6], err, "%s is not after window_start %s "
				     "(windows across midnight are not supported)",
				     wfm_csv_get(r, col[6]), wfm_csv_get(r, col[5]));
	j->priority = 1;
	if (col[7] >= 0 && *wfm_csv_get(r, col[7]) && wfm_csv_long(r, col[7], &j->priority, err))
		return -1;
	return 0;
}

static int load_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct ob_load *x = ctx;
	wfm_outbound *ob = x->ob;
	struct wfm_ob_job *j;
	const char *s;
	long idx;

	if (WFM_GROW(ob->job, x->jcap, ob->njobs + 1))
		return wfm_error_set(err, "out of memory");
	j = memset(&ob->job[ob->njobs], 0, sizeof(*j));
	j->line = wfm_csv_line(r);
	s = wfm_csv_get(r, col[0]);
	if (!*s)
		return wfm_csv_error(r, col[0], err, "empty campaign name");
	if ((idx = wfm_strv_intern(&ob->campaign, &ob->ncamp, s)) < 0)
		return wfm_error_set(err, "out of memory");
	j->camp = (size_t)idx;
	j->campaign = ob->campaign[idx];
	s = wfm_csv_get(r, col[1]);
	if (!*s)
		return wfm_csv_error(r, col[1], err, "empty region name");
	if (!(j->region = strdup(s)))
		return wfm_error_set(err, "out of memory");
	ob->njobs++;   /* from here the row owns its region string */
	if ((idx = row_zone(x, r, col[2], err)) < 0)
		return -1;
	j->zone = (size_t)idx;
	return row_work(x, r, col, j, err);
}

/* No (campaign, region) twice; the jobs in file order; the default curves. */
static int check_jobs(wfm_outbound *ob, const char *path, wfm_error *err)
{
	/* Duplicate (campaign, region) pairs: sort by name, compare neighbours. */
	qsort(ob->job, ob->njobs, sizeof(*ob->job), cmp_job_name);
	for (size_t j = 1; j < ob->njobs; j++)
		if (!strcmp(ob->job[j].campaign, ob->job[j - 1].campaign) &&
		    !strcmp(ob->job[j].region, ob->job[j - 1].region))
			return wfm_error_at(err, path, ob->job[j].line, "region",
					    "%s/%s is a duplicate of line %ld", ob->job[j].campaign,
					    ob->job[j].region, ob->job[j - 1].line);
	qsort(ob->job, ob->njobs, sizeof(*ob->job), cmp_job_line);
	ob->rpc = malloc(ob->ncamp * sizeof(*ob->rpc));
	ob->connect = malloc(ob->ncamp * sizeof(*ob->connect));
	if (!ob->rpc || !ob->connect)
		return wfm_error_set(err, "out of memory");
	for (size_t c = 0; c < ob->ncamp; c++)
		wfm_outbound_default_curve(ob->rpc[c], ob->connect[c]);
	return 0;
}

wfm_outbound *wfm_outbound_load(const char *path, int64_t now, const wfm_tz *tz,
				wfm_error *err)
{
	static const char *const names[] = { "campaign", "region", "tz", "records", "deadline",
					     "window_start", "window_end", "?priority" };
	struct ob_load x = { calloc(1, sizeof(*x.ob)), now, tz, 0, 0 };
	int col[8];
	long n;

	if (!x.ob)
		return wfm_oom(err);
	/* messages name the file as given ("-", not <stdin>) */
	if ((n = wfm_csv_each(path, names, 8, col, load_row, &x, NULL, err)) == 0)
		wfm_error_at(err, path, 1, NULL, "no data rows");
	if (n <= 0 || check_jobs(x.ob, path, err)) {
		wfm_outbound_free(x.ob);
		return NULL;
	}
	return x.ob;
}

struct rate_row { long camp; int hour; double rpc, connect; };
struct rate_load { const wfm_outbound *ob; struct rate_row *row; size_t n, cap; };

static int rate_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct rate_load *x = ctx;
	struct rate_row y;
	long h;
	const char *s = wfm_csv_get(r, col[0]);

	y.camp = strcmp(s, "*") ? find_name(x->ob->campaign, x->ob->ncamp, s) : -2;
	if (y.camp == -1)
		return wfm_csv_error(r, col[0], err, "\"%s\" is not a campaign of the campaign file", s);
	if (wfm_csv_long(r, col[1], &h, err))
		return -1;
	if (h < 0 || h > 23)
		return wfm_csv_error(r, col[1], err, "%ld is not an hour from 0 to 23", h);
	y.hour = (int)h;
	if (wfm_csv_double(r, col[2], &y.rpc, err))
		return -1;
	if (!(y.rpc > 0 && y.rpc <= 1))
		return wfm_csv_error(r, col[2], err, "%s is not a probability above 0", wfm_csv_get(r, col[2]));
	if (wfm_csv_double_opt(r, col[3], fmin(1, y.rpc / 0.8), &y.connect, err))
		return -1;
	if (!(y.connect >= y.rpc && y.connect <= 1))
		return wfm_csv_error(r, col[3], err, "%s is not a probability from rpc %g to 1",
				     wfm_csv_get(r, col[3]), y.rpc);
	if (WFM_GROW(x->row, x->cap, x->n + 1))
		return wfm_error_set(err, "out of memory");
	x->row[x->n++] = y;
	return 0;
}

int wfm_outbound_rates(wfm_outbound *ob, const char *path, wfm_error *err)
{
	static const char *const names[] = { "campaign", "hour", "rpc", "?connect" };
	struct rate_load x = { ob, NULL, 0, 0 };
	int col[4], rc = wfm_csv_each(path, names, 4, col, rate_row, &x, NULL, err) < 0 ? -1 : 0;

	for (int pass = 0; !rc && pass < 2; pass++)      /* "*" first, named rows win */
		for (size_t i = 0; i < x.n; i++) {
			const struct rate_row *y = &x.row[i];
			if ((y->camp == -2) != (pass == 0))
				continue;
			for (size_t c = 0; c < ob->ncamp; c++)
				if (y->camp == -2 || (size_t)y->camp == c) {
					ob->rpc[c][y->hour] = y->rpc;
					ob->connect[c][y->hour] = y->connect;
				}
		}
	free(x.row);
	return rc;
}

struct cap_load {
	const wfm_tz *tz;
	int64_t start, prev, gap;   /* prev: the last row's time; gap: the least step between rows */
	int step;
	size_t nint;
	double *sum;
	char *set;
};

static int cap_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct cap_load *x = ctx;
	int64_t t;
	double v;

	if (wfm_csv_time(r, col[0], x->tz, 0, &t, err) < 0 || wfm_csv_double(r, col[1], &v, err))
		return -1;
	if (v < 0)
		return wfm_csv_error(r, col[1], err, "%s is negative", wfm_csv_get(r, col[1]));
	if (t < x->prev)
		return wfm_csv_error(r, col[0], err, "timestamps are not in order");
	if (x->prev != INT64_MIN && t > x->prev && (!x->gap || t - x->prev < x->gap))
		x->gap = t - x->prev;
	x->prev = t;
	if (t < x->start)
		return 0;
	if ((t - x->start) % x->step)
		return wfm_csv_error(r, col[0], err, "not on a %d-minute interval of the plan", x->step / 60);
	if ((size_t)((t - x->start) / x->step) < x->nint) {
		x->sum[(t - x->start) / x->step] += v;
		x->set[(t - x->start) / x->step] = 1;
	}
	return 0;
}

double *wfm_outbound_capacity(const char *path, const char *column, const wfm_tz *tz,
			      int64_t start, int step, size_t nint, double pool,
			      wfm_error *err)
{
	const char *names[] = { "timestamp", column };
	struct cap_load x = { tz, start, INT64_MIN, 0, step, nint, calloc(nint ? nint : 1, sizeof(double)),
			      calloc(nint ? nint : 1, 1) };
	int col[2];

	if (!x.sum || !x.set)
		wfm_error_set(err, "out of memory");
	else if (wfm_csv_each(path, names, 2, col, cap_row, &x, NULL, err) >= 0) {
		/* Hold each row's value over the intervals its own step covers. */
		int span = x.gap > step ? (int)(x.gap / step) : 1;
		for (size_t i = 0, k = SIZE_MAX; i < nint; i++) {
			if (x.set[i])
				k = i;
			else if (k != SIZE_MAX && i - k < (size_t)span)
				x.sum[i] = x.sum[k];
		}
		if (pool >= 0)
			for (size_t i = 0; i < nint; i++)
				x.sum[i] = fmax(0, pool - x.sum[i]);
		free(x.set);
		return x.sum;
	}
	WFM_FREE(x.sum, x.set);
	return NULL;
}

/* ---- planner ---- */

struct wfm_ob_run {
	const wfm_outbound *ob;
	const struct wfm_ob_params *p;
	const double *cap;
	size_t A, G1, g, t;
	size_t *order;                /* live jobs, earliest deadline first */
	size_t nlive;
	size_t *due;                  /* per job: last interval a retry comes due */
	const struct wfm_ob_jobsum *ref;  /* stop once a job is left worse than this */
	int failed;
	unsigned char *hour;          /* per zone x interval: local hour, 255 = shut */
	short *lm0, *lm1;             /* per zone x interval: local minutes */
	double *ready;                /* job x attempt */
	double *pend;                 /* job x attempt x G1 ring */
	struct wfm_ob_jobsum *sum;
	struct wfm_ob_row *rows;
	int *pmemo;                   /* campaign x hour x POOL_MAX: lines m (0 = not yet) */
	double *amemo;                /* and its abandon rate */
	int borrowed;                 /* the memo belongs to a caller */
	size_t *pclass;               /* campaign x hour: class of equal connect rates */
};

void wfm_outbound_run_free(wfm_ob_run *r)
{
	if (!r)
		return;
	if (!r->borrowed)
		WFM_FREE(r->pmemo, r->amemo);
	WFM_FREE(r->order, r->due, r->pclass, r->hour, r->lm0, r->lm1, r->ready, r->pend, r->sum,
		 r->rows, r);
}

static int cmp_edf(const void *a, const void *b, void *ctx)
{
	const wfm_outbound *ob = ctx;
	const struct wfm_ob_job *x = &ob->job[*(const size_t *)a], *y = &ob->job[*(const size_t *)b];

	return wfm_cmp_then(WFM_CMP(x->deadline, y->deadline), WFM_CMP(x->priority, y->priority),
			    WFM_CMP(x->line, y->line));
}

/* Insertion-merge sort with a context (qsort_r is not C11). */
static void sort_ctx(size_t *v, size_t n, size_t *tmp, void *ctx)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	sort_ctx(v, h, tmp, ctx);
	sort_ctx(v + h, n - h, tmp, ctx);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = cmp_edf(&v[j], &v[i], ctx) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

int wfm_outbound_open(const wfm_outbound *ob, size_t j, int64_t t, int step)
{
	const struct wfm_ob_job *jb = &ob->job[j];
	struct wfm_tm a, b;

	wfm_time_local(t, ob->zone[jb->zone], &a);
	wfm_time_local(t + step - 60, ob->zone[jb->zone], &b);
	return a.days == b.days && a.minute_of_day >= jb->win_start &&
	       b.minute_of_day + 1 <= jb->win_end;
}

wfm_ob_run *wfm_outbound_run_alloc(const wfm_outbound *ob, const struct wfm_ob_params *p,
				   const double *cap, wfm_error *err)
{
	wfm_ob_run *r = calloc(1, sizeof(*r));
	size_t nj = ob->njobs, nz = ob->nzone, ni = p->nint;
	size_t *tmp = NULL;

	if (!r)
		goto oom;
	if (p->attempts < 1 || p->step <= 0)
		goto bad;
	r->ob = ob;
	r->p = p;
	r->cap = cap;
	r->A = (size_t)p->attempts;
	/* the retry ring is sized from the plan, never from the option: a gap
	 * past the plan's end is a retry that never comes within it */
	r->g = p->retry_gap <= p->step ? 1 :
	       p->retry_gap / p->step >= (int64_t)ni ? ni + 1 :
	       (size_t)((p->retry_gap + p->step - 1) / p->step);
	r->G1 = r->A > 1 ? r->g + 1 : 1;
	r->order = malloc(nj * sizeof(size_t));
	r->due = calloc(nj + 1, sizeof(size_t));
	r->nlive = nj;
	tmp = malloc(nj * sizeof(size_t));
	r->hour = malloc(nz * ni + 1);
	r->lm0 = malloc((nz * ni + 1) * sizeof(short));
	r->lm1 = malloc((nz * ni + 1) * sizeof(short));
	r->ready = calloc(nj * r->A, sizeof(double));
	r->pend = calloc(nj * r->A * r->G1, sizeof(double));
	r->sum = calloc(nj, sizeof(*r->sum));
	r->rows = malloc((nj + 1) * sizeof(*r->rows));
	if (!r->order || !r->due || !tmp || !r->hour || !r->lm0 || !r->lm1 || !r->ready || !r->pend ||
	    !r->sum || !r->rows)
		goto oom;
	if (p->mode == WFM_OB_PREDICTIVE) {
		/* Campaigns on the same curve share their pacing memo. */
		size_t nc = ob->ncamp * 24;
		r->pmemo = calloc(nc * POOL_MAX, sizeof(int));
		r->amemo = calloc(nc * POOL_MAX, sizeof(double));
		r->pclass = malloc(nc * sizeof(size_t));
		if (!r->pmemo || !r->amemo || !r->pclass)
			goto oom;
		for (size_t k = 0; k < nc; k++) {
			const double *cv = &ob->connect[0][0];
			r->pclass[k] = k;
			for (size_t h = k % 24; h < k; h += 24)   /* same hour of earlier campaigns */
				if (cv[h] == cv[k]) {
					r->pclass[k] = r->pclass[h];
					break;
				}
			if (r->pclass[k] == k)
				for (size_t h = 0; h < 24 && h < k; h++)   /* first campaign, other hours */
					if (cv[h] == cv[k]) {
						r->pclass[k] = r->pclass[h];
						break;
					}
		}
	}
	for (size_t j = 0; j < nj; j++) {
		r->order[j] = j;
		r->ready[j * r->A] = ob->job[j].records;
	}
	sort_ctx(r->order, nj, tmp, (void *)ob);
	free(tmp);
	/* Local clock per zone and interval, computed once: a job's window
	 * test is then two comparisons. */
	for (size_t z = 0; z < nz; z++)
		for (size_t i = 0; i < ni; i++) {
			struct wfm_tm a, b;
			int64_t t = p->start + (int64_t)i * p->step;
			wfm_time_local(t, ob->zone[z], &a);
			wfm_time_local(t + p->step - 60, ob->zone[z], &b);
			r->lm0[z * ni + i] = (short)a.minute_of_day;
			r->lm1[z * ni + i] = (short)(a.days == b.days ? b.minute_of_day : 9999);
			r->hour[z * ni + i] = (unsigned char)a.hour;
		}
	return r;
bad:
	wfm_error_set(err, "outbound plan: attempts must be at least 1");
	wfm_outbound_run_free(r);
	return NULL;
oom:
	free(tmp);
	wfm_outbound_run_free(r);
	return wfm_oom(err);
}

/* Agent seconds per dial, and right-party contacts and handled connects
 * per dial, for campaign c at local hour h with `agents` on outbound. */
static void dial_cost(wfm_ob_run *r, size_t c, int h, double agents,
		      double *cost, double *rpc, double *conn)
{
	const struct wfm_ob_params *p = r->p;
	double cp = r->ob->connect[c][h], rp = r->ob->rpc[c][h];
	double hold = p->talk + p->wrap, a = 0, lines = 1;

	if (p->mode == WFM_OB_PREDICTIVE) {
		/* Free agents at a dial cycle: the share of a progressive
		 * agent's time spent waiting for an answer. */
		double share = p->ring / (p->ring + cp * hold);
		double nf = agents < 0 ? POOL_MAX : floor(agents * share + 0.5);
		int n = nf < 1 ? 1 : nf > POOL_MAX ? POOL_MAX : (int)nf;
		size_t k = r->pclass[c * 24 + (size_t)h] * POOL_MAX + (size_t)(n - 1);
		if (!r->pmemo[k]) {
			int mmax = (int)ceil(4.0 * n / cp) + 2;
			r->pmemo[k] = wfm_pacing_lines(n, cp, p->abandon, mmax);
			r->amemo[k] = wfm_pacing_abandon(n, r->pmemo[k], cp);
		}
		lines = (double)r->pmemo[k] / n;
		a = r->amemo[k];
	}
	*cost = (p->mode == WFM_OB_PREVIEW ? p->preview : 0) + p->ring / lines + cp * (1 - a) * hold;
	*rpc = rp * (1 - a);
	*conn = cp * (1 - a);
}

/* Jobs of equal deadline and priority share the agents left in proportion
 * to their work (agent seconds wanted) when they cannot all be served, so
 * that no region gets nothing for coming later in the file.  Returns the
 * share of its work each member may dial (1: all of it) and sets *gend to
 * the end of the group in r->order. */
static double group_share(wfm_ob_run *r, size_t jj, size_t *gend, int64_t t, size_t i,
			  double agents, double left)
{
	const wfm_outbound *ob = r->ob;
	const struct wfm_ob_params *p = r->p;
	const struct wfm_ob_job *first = &ob->job[r->order[jj]];
	double demand = 0;
	size_t e = jj;

	for (; e < r->nlive; e++) {
		const struct wfm_ob_job *jb = &ob->job[r->order[e]];
		size_t zi = jb->zone * p->nint + i;
		double want = 0, cost, rpc, conn;
		if (jb->deadline != first->deadline || jb->priority != first->priority)
			break;
		if (t + p->step > jb->deadline || r->lm0[zi] < jb->win_start ||
		    r->lm1[zi] + 1 > jb->win_end)
			continue;
		for (size_t k = 0; k < r->A; k++)
			want += r->ready[r->order[e] * r->A + k];
		if (want < 1e-9)
			continue;
		dial_cost(r, jb->camp, r->hour[zi], agents, &cost, &rpc, &conn);
		demand += want * cost;
	}
	*gend = e;
	return e - jj > 1 && demand > left ? left / demand : 1;
}

int wfm_outbound_run_step(wfm_ob_run *r, int64_t *tout, const struct wfm_ob_row **rows,
			  size_t *nrows)
{
	const wfm_outbound *ob = r->ob;
	const struct wfm_ob_params *p = r->p;
	size_t i = r->t, A = r->A, G1 = r->G1, ni = p->nint, n = 0;
	int64_t t = p->start + (int64_t)i * p->step;
	double agents = r->cap && i < ni ? r->cap[i] : -1;
	double left = agents < 0 ? INFINITY : agents * p->step;

	if (i >= ni) {
		/* Horizon over: what is still unworked is open work. */
		if (i == ni) {
			for (size_t j = 0; j < ob->njobs; j++) {
				struct wfm_ob_jobsum *s = &r->sum[j];
				if (s->closed)
					continue;
				for (size_t k = 0; k < A * G1; k++)
					s->open += r->pend[j * A * G1 + k];
				for (size_t k = 0; k < A; k++)
					s->open += r->ready[j * A + k];
			}
			r->t++;
		}
		return 0;
	}
	size_t w = 0, gend = 0;
	double scale = 1;
	for (size_t jj = 0; jj < r->nlive; jj++) {   /* retries come due */
		size_t j = r->order[jj];
		double *rd = &r->ready[j * A], *pd = &r->pend[j * A * G1];
		for (size_t k = 1; k < A; k++) {
			rd[k] += pd[k * G1 + i % G1];
			pd[k * G1 + i % G1] = 0;
		}
	}
	for (size_t jj = 0; jj < r->nlive; jj++) {
		size_t j = r->order[jj];
		const struct wfm_ob_job *jb = &ob->job[j];
		struct wfm_ob_jobsum *s = &r->sum[j];
		double *rd = &r->ready[j * A], *pd = &r->pend[j * A * G1], want = 0;

		if (jj >= gend)      /* a new group of equal deadline and priority */
			scale = group_share(r, jj, &gend, t, i, agents, left);
		if (t + p->step > jb->deadline) {      /* too late from here on */
			s->closed = 1;
			for (size_t k = 0; k < A; k++)
				s->left += rd[k];
			for (size_t k = 0; k < A * G1; k++)
				s->left += pd[k];
			if (r->ref && s->left > r->ref[j].left + 1e-6 * (jb->records + 1))
				r->failed = 1;
			continue;
		}
		r->order[w++] = j;
		size_t zi = jb->zone * ni + i;
		if (r->lm0[zi] < jb->win_start || r->lm1[zi] + 1 > jb->win_end || left <= 0)
			continue;
		for (size_t k = 0; k < A; k++)
			want += rd[k];
		if (want < 1e-9) {
			if (i >= r->due[j]) {          /* worked: leaves the live list */
				s->closed = 2;
				w--;
			}
			continue;
		}
		double cost, rpc, conn;
		dial_cost(r, jb->camp, r->hour[zi], agents, &cost, &rpc, &conn);
		double d = want * cost <= left ? want : left / cost, todo = d;
		if (scale < 1 && want * scale < d)     /* the group's fair share */
			d = todo = want * scale;
		left -= d * cost;
		for (size_t k = A; k-- > 0 && todo > 0;) {   /* oldest records first */
			double x = rd[k] < todo ? rd[k] : todo;
			if (x <= 0)
				continue;
			rd[k] -= x;
			todo -= x;
			s->reached += x * rpc;
			if (k + 1 < A) {
				pd[(k + 1) * G1 + (i + r->g) % G1] += x * (1 - rpc);
				r->due[j] = i + r->g;
			} else
				s->exhausted += x * (1 - rpc);
		}
		s->dialed += d;
		s->agent_s += d * cost;
		r->rows[n].job = j;
		r->rows[n].dials = d;
		r->rows[n].connects = d * conn;
		r->rows[n].reached = d * rpc;
		r->rows[n].agents = d * cost / p->step;
		n++;
	}
	r->nlive = w;
	r->t++;
	*tout = t;
	*rows = r->rows;
	*nrows = n;
	return 1;
}

const struct wfm_ob_jobsum *wfm_outbound_run_summary(const wfm_ob_run *r)
{
	return r->sum;
}

/* Run a whole plan with a uniform cap (< 0: none) and keep the summary. */
static int whole(const wfm_outbound *ob, const struct wfm_ob_params *p, double agents,
		 double *capbuf, const struct wfm_ob_jobsum *ref, struct wfm_ob_jobsum *out,
		 int *failed, struct wfm_ob_run *memo, wfm_error *err)
{
	wfm_ob_run *r;
	const struct wfm_ob_row *rows;
	size_t n;
	int64_t t;

	for (size_t i = 0; i < p->nint; i++)
		capbuf[i] = agents;
	if (!(r = wfm_outbound_run_alloc(ob, p, agents < 0 ? NULL : capbuf, err)))
		return -1;
	if (memo->pmemo) {             /* keep the pacing memo across passes */
		WFM_FREE(r->pmemo, r->amemo);
		r->pmemo = memo->pmemo;
		r->amemo = memo->amemo;
	}
	memo->pmemo = r->pmemo;
	memo->amemo = r->amemo;
	r->borrowed = 1;
	r->ref = ref;
	while (!r->failed && wfm_outbound_run_step(r, &t, &rows, &n))
		;
	if (!r->failed)
		wfm_outbound_run_step(r, &t, &rows, &n);
	*failed = r->failed;
	memcpy(out, r->sum, ob->njobs * sizeof(*out));
	wfm_outbound_run_free(r);
	return 0;
}

static int meets(const wfm_outbound *ob, const struct wfm_ob_jobsum *s,
		 const struct wfm_ob_jobsum *u)
{
	for (size_t j = 0; j < ob->njobs; j++)
		if (s[j].left + s[j].open > u[j].left + u[j].open + 1e-6 * (ob->job[j].records + 1))
			return 0;
	return 1;
}

int wfm_outbound_min_agents(const wfm_outbound *ob, const struct wfm_ob_params *p,
			    double *agents, struct wfm_ob_jobsum *unlimited,
			    wfm_error *err)
{
	struct wfm_ob_jobsum *u = malloc(ob->njobs * sizeof(*u));
	struct wfm_ob_jobsum *s = malloc(ob->njobs * sizeof(*s));
	double *cap = malloc((p->nint + 1) * sizeof(double));
	double lo = 0, hi = 1;
	int rc = -1, failed;
	struct wfm_ob_run memo = { 0 };

	if (!u || !s || !cap) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	if (whole(ob, p, -1, cap, NULL, u, &failed, &memo, err))
		goto out;
	/* The mean load W / T over the horizon is nearly a lower bound (the
	 * cost per dial shifts a little with the pool in predictive mode):
	 * try a few levels above it, then bisect.  The test is monotone in
	 * practice (more agents never make an EDF plan later). */
	double work = 0, mult[] = { 1, 1.02, 1.05, 1.1, 1.25, 1.5, 2, 3, 5 };
	for (size_t j = 0; j < ob->njobs; j++)
		work += u[j].agent_s;
	double g = work / ((double)p->nint * p->step);
	if (g < 0.01)
		g = 0.01;
	for (size_t k = 0;; k++) {
		hi = k < sizeof(mult) / sizeof(mult[0]) ? g * mult[k] : hi * 2;
		if (whole(ob, p, hi, cap, u, s, &failed, &memo, err))
			goto out;
		if (!failed && meets(ob, s, u))
			break;
		lo = hi;
		if (hi > 1e7) {
			wfm_error_set(err, "outbound plan: more than 10 million agents needed");
			goto out;
		}
	}
	while (hi - lo > 0.005 * hi && hi - lo > 0.001) {
		double mid = (lo + hi) / 2;
		if (whole(ob, p, mid, cap, u, s, &failed, &memo, err))
			goto out;
		if (!failed && meets(ob, s, u))
			hi = mid;
		else
			lo = mid;
	}
	*agents = hi;
	if (unlimited)
		memcpy(unlimited, u, ob->njobs * sizeof(*u));
	rc = 0;
out:
	WFM_FREE(memo.pmemo, memo.amemo, u, s, cap);
	return rc;
}
