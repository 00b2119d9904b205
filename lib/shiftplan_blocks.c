/* shiftplan_blocks.c - large single-pool shift plans by blocks of days.
 *
 * GLPK's simplex grows much faster than the model: a 28-day 15-min
 * any-start model (2,688 rows, 196,224 columns) takes 50 s of CPU where a
 * week takes 1.4 s.  From BLOCK_NNZ model nonzeros and two weeks on, the
 * window is planned in blocks of BLOCK_DAYS days, in turn: each block is
 * an ordinary plan of its days (not cyclic), whose requirement is first
 * reduced by the people that the earlier blocks' shifts already have
 * working in it (the Sunday night shifts cover Monday morning).  The
 * blocks' shifts together cover every cell; shifts that the overlap made
 * redundant are then dropped, dearest first.  --blocks DAYS (o->block_days)
 * asks for blocks of another length whatever the model's size.
 *
 * The bound the report gives is a lower bound on the LP relaxation of the
 * whole window's model: the sum of the LPs of its days (every shift that
 * works in a day is in it, at its cost times the share of its intervals
 * inside), each solved by interior point (lib/mip.c
 * wfm_mip_lp_bound_parts), in a child process beside the blocks (on 2
 * cores the wall time is the longer of the two, not the sum); every plan
 * of the window costs at least that.  It grows linearly with the days
 * where the whole window's interior point did not, and is 0.015% below
 * the whole LP at 28 days (bound_parts()).
 * Work limits, not the clock, decide each block's plan, so the plan is
 * the same whatever the load.
 *
 * Entry points: wfm_shiftplan_blocks_fit(), wfm_shiftplan_solve_blocks().
 */
#include "shiftplan.h"
#include "shiftplan_int.h"
#include "mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#define BLOCK_DAYS 7
#define BLOCK_NNZ 3000000

int wfm_shiftplan_blocks_fit(const wfm_shiftreq *req, const wfm_shiftrules *rs, const wfm_tz *tz,
			     const struct wfm_shiftplan_opts *o)
{
	wfm_shiftplan *p = calloc(1, sizeof(*p));
	wfm_error err = { 0 };
	struct col *c = NULL;
	double nnz = 0;
	long n;
	int gmin, fit = 0;

	if (!p || o->soft || o->work || o->groups || o->specialists)
		goto out;
	for (size_t r = 0; r < rs->n; r++)    /* no count limits, shifts of up to a day */
		for (int k = 0; k < rs->rule[r].nlen; k++)
			if (rs->rule[r].min_count > 0 || rs->rule[r].max_count >= 0 || rs->rule[r].len[k] > 24 * 60)
				goto out;
	if ((gmin = wfm_shiftplan_window(p, req, rs, tz, o, &err)) < 0 ||
	    p->ndays < 2 * (o->block_days > 0 ? o->block_days : BLOCK_DAYS))
		goto out;
	if (o->block_days > 0) {      /* asked for */
		fit = 1;
		goto out;
	}
	if ((n = wfm_shiftplan_enumerate(rs, tz, p, p->break_step, &c, &err)) < 0)
		goto out;
	for (long j = 0; j < n; j++)
		nnz += c[j].len / gmin;
	fit = nnz >= BLOCK_NNZ;
out:
	free(c);
	wfm_shiftplan_free(p);
	return fit;
}

/* The paid hours and cells (in P's window) of plan row r. */
static double row_cells(const wfm_shiftplan *P, const wfm_shiftrules *rs, const struct wfm_plan_row *r,
			int wrap, int *cell, int *n)
{
	const struct wfm_shiftrule *ru = &rs->rule[r->rule];
	struct col c = { .day = r->day, .t = r->t, .rule = r->rule, .start = r->start, .len = r->len,
			 .brk = r->brk, .c0 = (int)((r->t - P->t0) / P->grid) };

	*n = wfm_shiftplan_col_cells(&c, P->grid / 60, ru->break_len, P->ncells, wrap, cell);
	return (r->len - (r->brk >= 0 && !ru->paid_break ? ru->break_len : 0)) / 60.0;
}

/* req less the people P already has working: per interval the fewest of
 * its cells. */
static wfm_shiftreq *less_spill(const wfm_shiftreq *req, const wfm_shiftplan *P)
{
	wfm_shiftreq *q = malloc(sizeof(*q));

	if (!q || !(*q = *req, q->req = malloc(req->n * sizeof(double)))) {
		free(q);
		return NULL;
	}
	for (size_t k = 0; k < req->n; k++) {
		int64_t t = req->start + (int64_t)k * req->step;
		long s = -1;
		for (int64_t u = t; u < t + req->step; u += P->grid) {
			int64_t i = (u - P->t0) / P->grid;
			if (u >= P->t0 && i < (int64_t)P->ncells && (s < 0 || P->scheduled[i] < s))
				s = P->scheduled[i];
		}
		q->req[k] = s > 0 ? fmax(0, req->req[k] - (double)s) : req->req[k];
	}
	return q;
}

/* The block's rows into P (their people working in P's cells) and its
 * solve figures into P's. */
static int take_block(wfm_shiftplan *P, const wfm_shiftplan *b, const wfm_shiftrules *rs, int wrap,
		      int *cell, wfm_error *err)
{
	void *q = realloc(P->row, (P->nrows + b->nrows + 1) * sizeof(*P->row));
	int n;

	if (!q)
		return wfm_error_set(err, "out of memory");
	P->row = q;
	for (size_t k = 0; k < b->nrows; k++) {
		P->row[P->nrows++] = b->row[k];
		row_cells(P, rs, &b->row[k], wrap, cell, &n);
		for (int i = 0; i < n; i++)
			P->scheduled[cell[i]] += b->row[k].count;
	}
	P->model_rows += b->model_rows;
	P->model_cols += b->model_cols;
	P->model_nnz += b->model_nnz;
	P->mip.lp_nnz += b->mip.lp_nnz;
	P->mip.lp_seconds_ms += b->mip.lp_seconds_ms;
	P->mip.lp_rounds += b->mip.lp_rounds;
	P->mip.lp_cols += b->mip.lp_cols;
	P->mip.iterations += b->mip.iterations;
	P->mip.nodes += b->mip.nodes;
	P->mip.heuristic_used |= b->mip.heuristic_used;
	P->mip.dived |= b->mip.dived;
	P->mip.time_hit |= b->mip.time_hit;
	P->mip.lp_solved &= b->mip.lp_solved;
	if (b->mip.status != WFM_MIP_OPTIMAL)
		P->mip.status = b->mip.status;
	return 0;
}

/* Drop the people no cell needs, dearest shifts first; then the paid
 * hours per day and in all. */
static int drop_redundant(wfm_shiftplan *P, const wfm_shiftrules *rs, int wrap, int *cell)
{
	struct wfm_keyed *sr = malloc((P->nrows + 1) * sizeof(*sr));
	size_t m = 0;
	int n;

	if (!sr)
		return -1;
	for (size_t k = 0; k < P->nrows; k++)
		sr[k] = (struct wfm_keyed){ row_cells(P, rs, &P->row[k], wrap, cell, &n), k };
	qsort(sr, P->nrows, sizeof(*sr), wfm_keyed_cmp);
	for (size_t q = 0; q < P->nrows; q++) {
		struct wfm_plan_row *r = &P->row[sr[q].i];
		long d = r->count;
		row_cells(P, rs, r, wrap, cell, &n);
		for (int i = 0; i < n && d > 0; i++) {
			long spare = P->scheduled[cell[i]] - (long)ceil(P->required[cell[i]] - 1e-9);
			if (spare < d)
				d = spare;
		}
		for (int i = 0; i < n && d > 0; i++)
			P->scheduled[cell[i]] -= d;
		if (d > 0)
			r->count -= d;
	}
	for (size_t k = 0; k < P->nrows; k++)
		if (P->row[k].count > 0) {
			double h = row_cells(P, rs, &P->row[k], wrap, cell, &n) * (double)P->row[k].count;
			P->row[m++] = P->row[k];
			P->paid_hours += h;
			P->day_paid[P->row[k].day - P->first_day] += h;
		}
	P->nrows = m;
	free(sr);
	return 0;
}

/* The bound goes by parts of one day each (P->ndays known): the days'
 * LPs, each with every shift that works in it at its cost times the
 * share of its intervals inside, add up to at most the whole window's LP
 * (lib/mip.c wfm_mip_lp_bound_parts).  The interior point over the whole
 * window grows faster than the days (28 days: 2.9x 14 days'); by days it
 * is linear.  Measured on b0520's 28 days: parts of 7, 3.5, 1 and 0.5
 * days all give 113,567 h against the whole LP's 113,584 (what is lost is
 * the shifts across the cyclic window's end, split between the first and
 * last part), the child taking 7.6, 4.5, 3.6 and 3.2 s at load 4. */
static int bound_parts(const wfm_shiftplan *P)
{
	return P->ndays;
}

/* The whole window's LP bound in a child process (fd: where it writes
 * it); returns the child's id, or -1 when there is none (then the
 * caller computes it). */
static pid_t bound_child(const wfm_shiftreq *req, const wfm_shiftrules *rs, const wfm_tz *tz,
			 const struct wfm_shiftplan_opts *o, int parts, int *fd)
{
	int pfd[2];
	pid_t pid;

	if (pipe(pfd))
		return -1;
	if ((pid = fork()) == 0) {
		wfm_error err = { 0 };
		double b[3] = { 0, 0, wfm_mip_clock() };
		close(pfd[0]);
		b[1] = wfm_shiftplan_lp_bound(req, rs, tz, o, parts, &b[0], &err) == 0;
		b[2] = wfm_mip_clock() - b[2];
		if (write(pfd[1], b, sizeof(b)) != (ssize_t)sizeof(b))
			_exit(1);
		_exit(0);
	}
	close(pfd[1]);
	if (pid < 0) {
		close(pfd[0]);
		return -1;
	}
	*fd = pfd[0];
	return pid;
}

/* The child's bound (or, without one, this process's) into P: its
 * seconds, and 0 when there is none (the child is stopped at the
 * deadline, the time limit's end). */
static void bound_of(wfm_shiftplan *P, pid_t pid, int fd, double t0, double deadline, const wfm_shiftreq *req,
		     const wfm_shiftrules *rs, const wfm_tz *tz, const struct wfm_shiftplan_opts *o)
{
	double b[3] = { 0, 0, wfm_mip_clock() };
	wfm_error err = { 0 };

	if (pid > 0) {
		size_t got = 0;
		ssize_t r;
		struct pollfd pf = { .fd = fd, .events = POLLIN };
		/* the time limit holds the bound too: past it, no bound */
		while (got < sizeof(b)) {
			double left = deadline - wfm_mip_clock();
			if (left <= 0 || poll(&pf, 1, (int)fmin(left * 1000 + 1, 1e9)) <= 0 ||
			    (r = read(fd, (char *)b + got, sizeof(b) - got)) <= 0)
				break;
			got += (size_t)r;
		}
		if (got != sizeof(b)) {     /* stopped, failed or died */
			kill(pid, SIGKILL);
			b[1] = 0;
			b[2] = wfm_mip_clock() - t0;    /* the child's time until now */
			if (wfm_mip_clock() >= deadline) {
				P->mip.time_hit = 1;
				P->mip.status = WFM_MIP_TIME_LIMIT;
			}
		}
		close(fd);
		waitpid(pid, NULL, 0);
	} else {
		b[1] = wfm_shiftplan_lp_bound(req, rs, tz, o, bound_parts(P), &b[0], &err) == 0;
		b[2] = wfm_mip_clock() - b[2];
	}
	P->mip.lp_bound = b[1] ? b[0] : 0;
	P->mip.lp_solved &= b[1] != 0;    /* else the report says the bound is unknown */
	P->bound_s = b[2];
}

/* Block after block: each plans its days against the requirement less
 * the people the blocks before it already have working. */
static int plan_blocks(wfm_shiftplan *P, const wfm_shiftreq *req, const wfm_shiftrules *rs,
		       const wfm_tz *tz, const struct wfm_shiftplan_opts *o, int wrap, int *cell,
		       double t0, wfm_error *err)
{
	struct wfm_shiftplan_opts ob = *o;
	int bd = o->block_days > 0 ? o->block_days : BLOCK_DAYS;

	P->nblocks = P->ndays / bd;
	P->block_days = bd;
	P->mip.lp_solved = 1;
	ob.no_wrap = 1;
	for (int k = 0; k < P->nblocks; k++) {
		wfm_shiftreq *q = less_spill(req, P);
		wfm_shiftplan *b;
		ob.first_day = P->first_day + k * bd;
		ob.ndays = k < P->nblocks - 1 ? bd : P->ndays - k * bd;
		ob.time_limit = fmax(0.001, (o->time_limit - (wfm_mip_clock() - t0)) / (P->nblocks - k));
		if (!q)
			return wfm_error_set(err, "out of memory");
		b = wfm_shiftplan_solve_one(q, rs, tz, &ob, err);
		WFM_FREE(q->req, q);
		if (!b)
			return -1;
		int rc = take_block(P, b, rs, wrap, cell, err);
		wfm_shiftplan_free(b);
		if (rc)
			return -1;
	}
	return 0;
}

wfm_shiftplan *wfm_shiftplan_solve_blocks(const wfm_shiftreq *req, const wfm_shiftrules *rs,
					  const wfm_tz *tz, const struct wfm_shiftplan_opts *o,
					  wfm_error *err)
{
	wfm_shiftplan *P = calloc(1, sizeof(*P));
	double t0 = wfm_mip_clock();
	int fd = -1, wrap = !o->no_wrap, *cell = NULL;
	pid_t pid = -1;

	if (!P || wfm_shiftplan_window(P, req, rs, tz, o, err) < 0 ||
	    !(cell = malloc((24 * 60 / (P->grid / 60) + 2) * sizeof(int)))) {
		if (P && !cell)
			wfm_error_set(err, "out of memory");
		goto fail;
	}
	pid = bound_child(req, rs, tz, o, bound_parts(P), &fd);
	if (plan_blocks(P, req, rs, tz, o, wrap, cell, t0, err) || drop_redundant(P, rs, wrap, cell))
		goto fail;
	bound_of(P, pid, fd, t0, t0 + o->time_limit, req, rs, tz, o);
	pid = -1;
	P->mip.objective = P->paid_hours;
	P->mip.gap = P->mip.lp_bound > 0 ? fmax(0, (P->paid_hours - P->mip.lp_bound) / P->paid_hours) : 0;
	P->mip.seconds = wfm_mip_clock() - t0;
	wfm_shiftplan_totals(P);
	free(cell);
	return P;
fail:
	if (pid > 0) {
		kill(pid, SIGKILL);
		close(fd);
		waitpid(pid, NULL, 0);
	}
	free(cell);
	wfm_shiftplan_free(P);
	return NULL;
}
