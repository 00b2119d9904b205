/* shiftplan_report.c - what wfm-shifts says about a plan: the summary
 * (model, solve, paid hours against the LP bound, coverage, per day), the
 * blended plan against inbound-only and outbound-only plans, pooled skill
 * groups against specialists and the single pool; and outbound-plan.csv
 * (timestamp,job,agents), whose owner this is.  Writes to the FILE given;
 * never exits.  Entry points: wfm_shiftplan_summary(),
 * wfm_shiftplan_blend_report(), wfm_shiftplan_groups_report(),
 * wfm_shiftplan_write_outbound(), wfm_shiftreq_load_total(). */
#include "shiftplan.h"
#include "cli.h"
#include "csv.h"
#include "mem.h"
#include "timeutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A number with at most 3 decimals and no trailing zeros. */
static void num(FILE *fp, double v)
{
	char buf[64], *e;

	snprintf(buf, sizeof(buf), "%.3f", fabs(v) < 5e-4 ? 0.0 : v);
	e = buf + strlen(buf) - 1;
	while (*e == '0')
		*e-- = 0;
	if (*e == '.')
		*e = 0;
	fprintf(fp, ",%s", buf);
}

static int ov_cmp(const void *a, const void *b)
{
	const struct wfm_ov *x = a, *y = b;
	int c = WFM_CMP(x->cell, y->cell);

	return c ? c : WFM_CMP(x->job, y->job);
}

void wfm_shiftplan_write_outbound(FILE *fp, wfm_shiftplan *p, const wfm_shiftwork *w,
				  const wfm_tz *tz)
{
	char a[40];

	qsort(p->ov, p->nov, sizeof(*p->ov), ov_cmp);
	fputs("timestamp,job,agents\n", fp);
	for (size_t k = 0; k < p->nov; k++) {
		wfm_time_format(p->t0 + (int64_t)p->ov[k].cell * p->grid, tz, a, sizeof(a));
		fputs(a, fp);
		wfm_csv_write_field(fp, w->job[p->ov[k].job], 0);
		num(fp, p->ov[k].agents);
		fputc('\n', fp);
	}
}

void wfm_shiftplan_summary(FILE *fp, const wfm_shiftplan *p, const struct wfm_shiftplan_opts *o)
{
	static const char *wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	static const char *st[] = { "optimal within the gap", "stopped by the time limit", "infeasible" };
	char d[16];
	long people = 0;

	for (size_t i = 0; i < p->nrows; i++)
		people += p->row[i].count;
	wfm_time_format_date(p->first_day, d, sizeof(d));
	fprintf(fp, "wfm-shifts: %d day%s from %s (%s), %d-min cover grid, breaks every %d min, %s cover\n",
		p->ndays, p->ndays == 1 ? "" : "s", d,
		o->no_wrap ? "not cyclic" : "cyclic: shifts past the end cover the first day",
		p->grid / 60, p->break_step, o->soft ? "soft" : "hard");
	if (!o->no_wrap) {
		char last[16];
		wfm_time_format_date(p->first_day + p->ndays - 1, last, sizeof(last));
		fprintf(fp, "  wrap         shifts running past the end of %s count at the start of %s\n"
			"               (the same plan repeated): those early hours are staffed by the\n"
			"               late shifts of the day before %s; --no-wrap plans without this\n",
			last, d, d);
	}
	fprintf(fp, "  model        %zu rows, %zu columns, %zu nonzeros",
		p->model_rows, p->model_cols, p->model_nnz);
	if (p->mip.lp_nnz)
		fprintf(fp, " (%zu with differenced cover rows)", p->mip.lp_nnz);
	fputc('\n', fp);
	fprintf(fp, "  solve        %s in %.2f s (LP %.2f s, %d LP solve%s, %zu columns priced in, "
		"%ld simplex iterations, %d nodes); incumbent from %s\n",
		p->mip.status == WFM_MIP_TIME_LIMIT && !p->mip.time_hit ? "stopped by the work limit" : st[p->mip.status],
		p->mip.seconds, p->mip.lp_seconds_ms / 1000.0,
		p->mip.lp_rounds, p->mip.lp_rounds == 1 ? "" : "s", p->mip.lp_cols, p->mip.iterations, p->mip.nodes,
		!p->mip.heuristic_used ? "branch and bound" :
		p->mip.dived ? "an LP dive and rounding" :
		p->mip.lp_solved ? "LP rounding" :
		p->mip.lp_restricted ? "rounding the last restricted LP (LP unfinished)" :
		"a greedy cover (LP unfinished)");
	if (p->nblocks)
		fprintf(fp, "  blocks       %d blocks of %d days planned in turn, each against the requirement\n"
			"               less the people earlier blocks' shifts have working in it; then the\n"
			"               shifts left redundant dropped.  Bound: the days' LPs by interior\n"
			"               point, shifts across midnight at their share of cost in each day\n"
			"               (a lower bound on the window's LP; %.2f s%s, beside the blocks)\n",
			p->nblocks, p->block_days, p->bound_s, p->mip.lp_bound > 0 ? "" : ", stopped: no bound");
	if (o->soft && (p->mip.lp_bound > 0 || p->mip.lp_solved))   /* the bound is on paid + penalty */
		fprintf(fp, "  paid hours   %.2f   + penalty %g x %.1f agent-h under = objective %.2f   "
			"LP lower bound on the objective %.2f   gap %.2f%%\n", p->paid_hours, o->penalty,
			p->under_hours, p->paid_hours + o->penalty * p->under_hours, p->mip.lp_bound, 100 * p->mip.gap);
	else if (p->mip.lp_bound > 0 || p->mip.lp_solved)
		fprintf(fp, "  paid hours   %.2f   LP lower bound %.2f   gap %.2f%%\n",
			p->paid_hours, p->mip.lp_bound, 100 * p->mip.gap);
	else
		fprintf(fp, "  paid hours   %.2f   LP lower bound unknown (LP stopped)   gap unknown\n",
			p->paid_hours);
	char uncovered[64] = "";
	if (p->under_hours > 0)     /* efficiency counts covered hours only */
		snprintf(uncovered, sizeof(uncovered), " of covered hours, %.1f agent-h uncovered", p->under_hours);
	if (p->outbound)
		fprintf(fp, "  coverage     required %.1f agent-h inbound + %.1f outbound, scheduled %.1f agent-h "
			"(%.1f on outbound), efficiency %.1f%%%s\n",
			p->required_hours, p->work_hours, p->scheduled_hours, p->outbound_hours,
			100 * p->efficiency, uncovered);
	else
		fprintf(fp, "  coverage     required %.1f agent-h, scheduled %.1f agent-h, efficiency %.1f%%%s\n",
			p->required_hours, p->scheduled_hours, 100 * p->efficiency, uncovered);
	fprintf(fp, "  under        %zu intervals under-covered (%.1f agent-h short)",
		p->under_cells, p->under_hours);
	if (p->uncoverable)
		fprintf(fp, ", %zu outside every shift", p->uncoverable);
	fputc('\n', fp);
	if (p->nodata)
		fprintf(fp, "  no data      %zu cells of the window have no requirement (taken as 0)\n", p->nodata);
	fprintf(fp, "  shifts       %ld people in %zu plan rows\n", people, p->nrows);
	for (size_t g = 0; g < p->ngroups; g++) {
		long n = 0;
		for (size_t i = 0; i < p->nrows; i++)
			n += p->row[i].group == (int)g ? p->row[i].count : 0;
		fprintf(fp, "  group        %-*s %5ld people %9.1f paid h\n",
			wfm_pad_width(p->group[g], 28), p->group[g], n, p->group_paid[g]);
	}
	for (int k = 0; k < p->ndays; k++) {
		wfm_time_format_date(p->first_day + k, d, sizeof(d));
		fprintf(fp, "%s%s %s %.1f h", k % 4 ? ";  " : "  per day      ", wd[wfm_time_weekday(p->first_day + k)],
			d, p->day_paid[k]);
		if (k % 4 == 3 || k == p->ndays - 1)
			fputc('\n', fp);
	}
}

/* Blended against separate plans: the same rules and options with the
 * inbound requirement alone, and with the outbound work alone. */
void wfm_shiftplan_blend_report(FILE *fp, const char *prog, const wfm_shiftplan *p,
				const wfm_shiftreq *req, const wfm_shiftrules *rules, const wfm_tz *tz,
				const struct wfm_shiftplan_opts *o, const wfm_shiftwork *work)
{
	struct wfm_shiftplan_opts q = *o;
	wfm_shiftreq zero = *req;
	wfm_shiftplan *in, *out;
	wfm_error err = { 0 };
	char d[40];

	for (size_t j = 0; j < work->njobs; j++) {
		int64_t last = INT64_MIN;
		for (size_t k = 0; k < work->nslot; k++)
			if (work->slot[k].job == j && work->slot[k].t > last)
				last = work->slot[k].t;
		wfm_time_format(last + (work->step ? work->step : req->step), tz, d, sizeof(d));
		fprintf(fp, "  outbound     %s: %.2f of %.2f agent-h planned, allowed until %s%s\n",
			work->job[j], p->job_hours[j], work->hours[j], d,
			p->job_hours[j] + 1e-9 >= work->hours[j] ? "" : " (SHORT)");
	}
	q.work = NULL;
	q.time_limit = o->time_limit / 4;   /* the comparison is a side report */
	if (!(in = wfm_shiftplan_solve(req, rules, tz, &q, &err))) {
		fprintf(fp, "%s: inbound-only plan: %s\n", prog, err.msg);
		return;
	}
	if (!(zero.req = calloc(req->n, sizeof(double)))) {
		wfm_shiftplan_free(in);
		return;
	}
	q.work = work;
	out = wfm_shiftplan_solve(&zero, rules, tz, &q, &err);
	free(zero.req);
	if (!out) {
		fprintf(fp, "%s: outbound-only plan: %s\n", prog, err.msg);
		wfm_shiftplan_free(in);
		return;
	}
	fprintf(fp, "  blending     paid hours blended %.2f; inbound only %.2f + outbound only %.2f = %.2f "
		"separately; saving %.2f h (%.1f%%)\n",
		p->paid_hours, in->paid_hours, out->paid_hours, in->paid_hours + out->paid_hours,
		in->paid_hours + out->paid_hours - p->paid_hours,
		in->paid_hours + out->paid_hours > 0 ?
		100 * (1 - p->paid_hours / (in->paid_hours + out->paid_hours)) : 0);
	fprintf(fp, "  blending     LP lower bounds: blended %.2f; inbound only %.2f + outbound only %.2f = %.2f; "
		"solves %.2f s + %.2f s\n", p->mip.lp_bound, in->mip.lp_bound, out->mip.lp_bound,
		in->mip.lp_bound + out->mip.lp_bound, in->mip.seconds, out->mip.seconds);
	fprintf(fp, "  blending     outbound costs %.2f paid hours on top of inbound (%.2f agent-h of work)\n",
		p->paid_hours - in->paid_hours, p->work_hours);
	wfm_shiftplan_free(in);
	wfm_shiftplan_free(out);
}

/* Pooled (this plan) against specialists only and the single pool. */
void wfm_shiftplan_groups_report(FILE *fp, const char *prog, const wfm_shiftplan *p,
				 const wfm_shiftreq *req, const wfm_shiftrules *rules, const wfm_tz *tz,
				 const struct wfm_shiftplan_opts *o)
{
	struct wfm_shiftplan_opts q = *o;
	wfm_shiftplan *v[2] = { NULL, NULL };
	static const char *name[2] = { "specialists only", "single pool" };
	wfm_error err = { 0 };

	q.time_limit = o->time_limit / 4;   /* the comparison is a side report */
	q.groups = NULL;
	q.specialists = 1;
	if (!(v[0] = wfm_shiftplan_solve(req, rules, tz, &q, &err)))
		fprintf(fp, "%s: specialists-only plan: %s\n", prog, err.msg);
	q.specialists = 0;
	if (!(v[1] = wfm_shiftplan_solve(req, rules, tz, &q, &err)))
		fprintf(fp, "%s: single-pool plan: %s\n", prog, err.msg);
	fprintf(fp, "  variants     paid hours (LP bound, gap, solve time)\n");
	fprintf(fp, "  variant      %-18s %10.2f (%.2f, %.2f%%, %.2f s)\n", "pooled groups",
		p->paid_hours, p->mip.lp_bound, 100 * p->mip.gap, p->mip.seconds);
	for (int k = 0; k < 2; k++)
		if (v[k])
			fprintf(fp, "  variant      %-18s %10.2f (%.2f, %.2f%%, %.2f s)\n", name[k],
				v[k]->paid_hours, v[k]->mip.lp_bound, 100 * v[k]->mip.gap, v[k]->mip.seconds);
	wfm_shiftplan_free(v[0]);
	wfm_shiftplan_free(v[1]);
}

/* The group model plans on the load column (wfm staff --load): its
 * interval total is the sum of the per-channel loads, not agents_gross. */
void wfm_shiftreq_load_total(wfm_shiftreq *req)
{
	for (size_t i = 0; i < req->n; i++) {
		req->req[i] = 0;
		for (size_t c = 0; c < req->nchan; c++)
			req->req[i] += req->chan_req[c * req->n + i];
	}
}

