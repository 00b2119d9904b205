/* shifts.c - wfm-shifts: the least paid hours of shifts covering a
 * requirement curve (set covering, solved with GLPK). */
#include "atomic_write.h"
#include "cli.h"
#include "agents.h"
#include "csv.h"
#include "groups.h"
#include "shiftplan.h"
#include "riskcover.h"
#include "shiftrules.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-shifts";

static const char usage[] =
	"Usage: wfm shifts REQUIREMENTS.csv --rules RULES.csv [options]\n"
	"\n"
	"Shift plan at the least paid hours: how many people start which shift\n"
	"when, with which break, so that every interval has at least the required\n"
	"agents (sum of agents_gross over channels) working.  Integer program over\n"
	"day x shift type x start x length x break placement, solved with GLPK:\n"
	"LP bound first, then branch and bound from a rounded LP solution.\n"
	"\n"
	"Options:\n"
	"  --rules FILE           shift rules: name,lengths_h,earliest_start,latest_start,\n"
	"                         step_min,break_after_h,break_min,days[,min_count,\n"
	"                         max_count,paid_break,break_gap_h]  (required)\n"
	"  --week DATE            plan the 7 days from DATE (YYYY-MM-DD)\n"
	"  --date DATE            plan one day\n"
	"  --from DATE --to DATE  plan DATE through DATE (at most 366 days)\n"
	"                         (default: every day of the requirements)\n"
	"  --coverage FILE        write timestamp,required,scheduled,over,under\n"
	"                         (with --outbound: required and scheduled are\n"
	"                         inbound, plus a column outbound)\n"
	"  --outbound-plan FILE   with --outbound: write timestamp,job,agents, the\n"
	"                         agents on each job per cover interval\n"
	"  --outbound FILE        flexible outbound work job,timestamp,agent_hours\n"
	"                         [,max_agents] (wfm outbound --format work): fills\n"
	"                         the troughs of the inbound requirement; the plan\n"
	"                         is compared with inbound-only and outbound-only\n"
	"                         plans on stderr (solved in --time-limit/4 each)\n"
	"  --groups FILE          plan per skill group: group,skills[,max_agents]\n"
	"                         [,min_share] (skills calls|chat): every channel is\n"
	"                         covered in every interval by the working agents of\n"
	"                         the groups holding its skill; plan.csv gains a\n"
	"                         group column, the coverage one row per channel\n"
	"                         (and `*` for the interval's total)\n"
	"  --staff FILE           plan per skill group, one group per distinct skill\n"
	"                         set of staff.csv\n"
	"  --compare              with --groups or --staff: also plan specialists only\n"
	"                         (each channel its own pool) and the single pool,\n"
	"                         in --time-limit/4 each, and report the paid hours of\n"
	"                         the three side by side on stderr\n"
	"  --risk R               chance-constrained cover: plan for each interval's\n"
	"                         (1-R)-quantile requirement (wfm staff --quantile\n"
	"                         1-R on --forecast and --channels), so that each\n"
	"                         interval meets its target with probability >= 1-R;\n"
	"                         also plans REQUIREMENTS.csv (the point forecast's)\n"
	"                         and reports the extra paid hours\n"
	"  --forecast FILE        with --risk: the forecast (volume_lo/volume_hi band)\n"
	"  --channels FILE        with --risk: channels.csv\n"
	"  --band-level L         with --risk: the band's coverage in percent (80)\n"
	"  --work-limit ITER      simplex iterations the solver may use (LP, dive and\n"
	"                         branch and bound together; default 2000000): this\n"
	"                         limit, not the clock, decides where a solve stops,\n"
	"                         so a busy machine gives the same plan\n"
	"  --time-limit SEC       safety stop in wall seconds (default 60); the report\n"
	"                         says when it was hit (the plan then depends on load)\n"
	"  --gap FRACTION         stop within this relative gap of the LP bound\n"
	"                         (default 0.01)\n"
	"  --soft PENALTY         allow under-cover at PENALTY per agent-hour short\n"
	"                         (default: hard cover, exit 1 when impossible)\n"
	"  --break-step MIN       place breaks every MIN minutes (default: the grid)\n"
	"  --no-wrap              do not fold shifts past the last day onto the first\n"
	"  --tz ZONE              zone of naive timestamps (default $TZ, else UTC)\n"
	"  --out-tz ZONE          the center's zone, when it is not --tz: local days,\n"
	"                         shift rules and every output are in ZONE; naive\n"
	"                         input times stay in --tz\n"
	"  -o, --output FILE      plan, written atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"plan: date,shift,start,end,break_start,break_end,count - date is the day\n"
	"the shift starts; times are local HH:MM; an end (or break) past midnight\n"
	"is written as the clock time of the next day (22:00 -> 07:00); break\n"
	"fields are empty when the shift has no break.  A summary goes to stderr.\n"
	"\n"
	"Example:\n"
	"  wfm shifts out/requirements.csv --rules data/rules.csv --week 2026-11-23 \\\n"
	"      --coverage out/coverage.csv --time-limit 20 -o out/plan.csv\n";

struct opts {
	const char *input, *output, *rules, *coverage, *tz, *outbound, *outbound_plan, *out_tz;
	struct wfm_days days;
	const char *groups, *staff;
	const char *risk_forecast, *risk_channels;   /* --risk (lib/riskcover.h) */
	double risk, band_level;
	int compare;
	struct wfm_shiftplan_opts p;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		{ "rules", required_argument, NULL, 'r' },
		WFM_OPT_DAYS,
		{ "coverage", required_argument, NULL, 'c' },
		{ "outbound", required_argument, NULL, 'O' },
		{ "outbound-plan", required_argument, NULL, 'P' },
		{ "groups", required_argument, NULL, 'G' },
		{ "staff", required_argument, NULL, 'S' },
		{ "compare", no_argument, NULL, 'C' },
		{ "time-limit", required_argument, NULL, 't' },
		{ "work-limit", required_argument, NULL, 'W' },
		{ "gap", required_argument, NULL, 'g' },
		{ "soft", required_argument, NULL, 's' },
		{ "break-step", required_argument, NULL, 'b' },
		{ "no-wrap", no_argument, NULL, 'n' },
		{ "risk", required_argument, NULL, 'R' },
		{ "forecast", required_argument, NULL, 'F' },
		{ "channels", required_argument, NULL, 'H' },
		{ "band-level", required_argument, NULL, 'L' },
		{ "tz", required_argument, NULL, 'z' },
		{ "out-tz", required_argument, NULL, 'Z' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->p.time_limit = 60;
	o->p.gap = 0.01;
	o->band_level = 0.8;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		if (wfm_days_opt(&o->days, c, optarg))
			continue;
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'r': o->rules = optarg; break;
		case 'c': o->coverage = optarg; break;
		case 'O': o->outbound = optarg; break;
		case 'P': o->outbound_plan = optarg; break;
		case 'G': o->groups = optarg; break;
		case 'S': o->staff = optarg; break;
		case 'C': o->compare = 1; break;
		case 'z': o->tz = optarg; break;
		case 'Z': o->out_tz = optarg; break;
		case 'n': o->p.no_wrap = 1; break;
		case 'R': o->risk = wfm_arg_double(prog, "--risk", optarg, 1e-6, 1 - 1e-6); break;
		case 'F': o->risk_forecast = optarg; break;
		case 'H': o->risk_channels = optarg; break;
		case 'L': o->band_level = wfm_arg_double(prog, "--band-level", optarg, 1, 99.9) / 100; break;
		case 't': o->p.time_limit = wfm_arg_double(prog, "--time-limit", optarg, 0.001, 86400); break;
		case 'W': o->p.work_limit = (long)wfm_arg_double(prog, "--work-limit", optarg, 1, 1e12); break;
		case 'g': o->p.gap = wfm_arg_double(prog, "--gap", optarg, 0, 1); break;
		case 's':
			o->p.soft = 1;
			o->p.penalty = wfm_arg_double(prog, "--soft", optarg, 0, 1e9);
			break;
		case 'b': o->p.break_step = (int)wfm_arg_long(prog, "--break-step", optarg, 1, 240); break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 1 != argc)
		wfm_usage_fail(prog, optind == argc ? "no requirements file given" : "more than one input file");
	o->input = argv[optind];
	if (!o->rules)
		wfm_usage_fail(prog, "--rules is required");
	if (o->outbound_plan && !o->outbound)
		wfm_usage_fail(prog, "--outbound-plan needs --outbound");
	if (o->groups && o->staff)
		wfm_usage_fail(prog, "--groups and --staff exclude each other");
	if (o->compare && !o->groups && !o->staff)
		wfm_usage_fail(prog, "--compare needs --groups or --staff");
	if ((o->groups || o->staff) && o->outbound)
		wfm_usage_fail(prog, "--outbound cannot be planned with skill groups (--groups, --staff)");
	int64_t last;
	if (wfm_days_range(prog, &o->days, 366, &o->p.first_day, &last))
		o->p.ndays = (int)(last - o->p.first_day + 1);
	if (!o->risk != !o->risk_forecast || !o->risk != !o->risk_channels)
		wfm_usage_fail(prog, "--risk, --forecast and --channels go together");
}

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

/* plan.csv and coverage.csv through their owners (lib/plan, lib/coverage). */
static int write_plan(FILE *fp, const wfm_shiftplan *p, const wfm_shiftrules *rs,
		      const wfm_tz *tz, wfm_error *err)
{
	wfm_plan *pl = wfm_shiftplan_plan(p, rs, tz, err);
	int rc;

	if (!pl)
		return -1;
	rc = wfm_plan_write(fp, pl->s, pl->n);
	wfm_plan_free(pl);
	return rc;
}

static int write_coverage(FILE *fp, const wfm_shiftplan *p, const wfm_tz *tz, wfm_error *err)
{
	wfm_coverage *cv = wfm_shiftplan_coverage(p, err);
	int rc;

	if (!cv)
		return -1;
	rc = wfm_coverage_write(fp, cv, tz);
	wfm_coverage_free(cv);
	return rc;
}

static int ov_cmp(const void *a, const void *b)
{
	const struct wfm_ov *x = a, *y = b;

	if (x->cell != y->cell)
		return x->cell < y->cell ? -1 : 1;
	return x->job < y->job ? -1 : x->job > y->job;
}

static void write_outbound_plan(FILE *fp, wfm_shiftplan *p, const wfm_shiftwork *w,
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

static void summary(const wfm_shiftplan *p, const struct opts *o)
{
	static const char *wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	static const char *st[] = { "optimal within the gap", "stopped by the time limit", "infeasible" };
	char d[16];
	long people = 0;

	for (size_t i = 0; i < p->nrows; i++)
		people += p->row[i].count;
	wfm_time_format_date(p->first_day, d, sizeof(d));
	fprintf(wfm_report(), "wfm-shifts: %d day%s from %s (%s), %d-min cover grid, breaks every %d min, %s cover\n",
		p->ndays, p->ndays == 1 ? "" : "s", d,
		o->p.no_wrap ? "not cyclic" : "cyclic: shifts past the end cover the first day",
		p->grid / 60, p->break_step, o->p.soft ? "soft" : "hard");
	if (!o->p.no_wrap) {
		char last[16];
		wfm_time_format_date(p->first_day + p->ndays - 1, last, sizeof(last));
		fprintf(wfm_report(), "  wrap         shifts running past the end of %s count at the start of %s\n"
			"               (the same plan repeated): those early hours are staffed by the\n"
			"               late shifts of the day before %s; --no-wrap plans without this\n",
			last, d, d);
	}
	fprintf(wfm_report(), "  model        %zu rows, %zu columns, %zu nonzeros",
		p->model_rows, p->model_cols, p->model_nnz);
	if (p->mip.lp_nnz)
		fprintf(wfm_report(), " (%zu with differenced cover rows)", p->mip.lp_nnz);
	fputc('\n', wfm_report());
	fprintf(wfm_report(), "  solve        %s in %.2f s (LP %.2f s, %d LP solve%s, %zu columns priced in, "
		"%ld simplex iterations, %d nodes); incumbent from %s\n",
		p->mip.status == WFM_MIP_TIME_LIMIT && !p->mip.time_hit ? "stopped by the work limit" : st[p->mip.status],
		p->mip.seconds, p->mip.lp_seconds_ms / 1000.0,
		p->mip.lp_rounds, p->mip.lp_rounds == 1 ? "" : "s", p->mip.lp_cols, p->mip.iterations, p->mip.nodes,
		!p->mip.heuristic_used ? "branch and bound" :
		p->mip.dived ? "an LP dive and rounding" :
		p->mip.lp_solved ? "LP rounding" :
		p->mip.lp_restricted ? "rounding the last restricted LP (LP unfinished)" :
		"a greedy cover (LP unfinished)");
	if (p->mip.lp_bound > 0 || p->mip.lp_solved)
		fprintf(wfm_report(), "  paid hours   %.2f   LP lower bound %.2f   gap %.2f%%\n",
			p->paid_hours, p->mip.lp_bound, 100 * p->mip.gap);
	else
		fprintf(wfm_report(), "  paid hours   %.2f   LP lower bound unknown (LP stopped)   gap unknown\n",
			p->paid_hours);
	char uncovered[64] = "";
	if (p->under_hours > 0)     /* efficiency counts covered hours only */
		snprintf(uncovered, sizeof(uncovered), " of covered hours, %.1f agent-h uncovered", p->under_hours);
	if (p->outbound)
		fprintf(wfm_report(), "  coverage     required %.1f agent-h inbound + %.1f outbound, scheduled %.1f agent-h "
			"(%.1f on outbound), efficiency %.1f%%%s\n",
			p->required_hours, p->work_hours, p->scheduled_hours, p->outbound_hours,
			100 * p->efficiency, uncovered);
	else
		fprintf(wfm_report(), "  coverage     required %.1f agent-h, scheduled %.1f agent-h, efficiency %.1f%%%s\n",
			p->required_hours, p->scheduled_hours, 100 * p->efficiency, uncovered);
	fprintf(wfm_report(), "  under        %zu intervals under-covered (%.1f agent-h short)",
		p->under_cells, p->under_hours);
	if (p->uncoverable)
		fprintf(wfm_report(), ", %zu outside every shift", p->uncoverable);
	fputc('\n', wfm_report());
	if (p->nodata)
		fprintf(wfm_report(), "  no data      %zu cells of the window have no requirement (taken as 0)\n", p->nodata);
	fprintf(wfm_report(), "  shifts       %ld people in %zu plan rows\n", people, p->nrows);
	for (size_t g = 0; g < p->ngroups; g++) {
		long n = 0;
		for (size_t i = 0; i < p->nrows; i++)
			n += p->row[i].group == (int)g ? p->row[i].count : 0;
		fprintf(wfm_report(), "  group        %-*s %5ld people %9.1f paid h\n",
			wfm_pad_width(p->group[g], 28), p->group[g], n, p->group_paid[g]);
	}
	for (int k = 0; k < p->ndays; k++) {
		wfm_time_format_date(p->first_day + k, d, sizeof(d));
		fprintf(wfm_report(), "%s%s %s %.1f h", k % 4 ? ";  " : "  per day      ", wd[wfm_time_weekday(p->first_day + k)],
			d, p->day_paid[k]);
		if (k % 4 == 3 || k == p->ndays - 1)
			fputc('\n', wfm_report());
	}
}

/* Blended against separate plans: the same rules and options with the
 * inbound requirement alone, and with the outbound work alone. */
static void blend_report(const wfm_shiftplan *p, const wfm_shiftreq *req,
			 const wfm_shiftrules *rules, const wfm_tz *tz, const struct opts *o,
			 const wfm_shiftwork *work)
{
	struct wfm_shiftplan_opts q = o->p;
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
		fprintf(wfm_report(), "  outbound     %s: %.2f of %.2f agent-h planned, allowed until %s%s\n",
			work->job[j], p->job_hours[j], work->hours[j], d,
			p->job_hours[j] + 1e-9 >= work->hours[j] ? "" : " (SHORT)");
	}
	q.work = NULL;
	q.time_limit = o->p.time_limit / 4;   /* the comparison is a side report */
	if (!(in = wfm_shiftplan_solve(req, rules, tz, &q, &err))) {
		fprintf(wfm_report(), "%s: inbound-only plan: %s\n", prog, err.msg);
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
		fprintf(wfm_report(), "%s: outbound-only plan: %s\n", prog, err.msg);
		wfm_shiftplan_free(in);
		return;
	}
	fprintf(wfm_report(), "  blending     paid hours blended %.2f; inbound only %.2f + outbound only %.2f = %.2f "
		"separately; saving %.2f h (%.1f%%)\n",
		p->paid_hours, in->paid_hours, out->paid_hours, in->paid_hours + out->paid_hours,
		in->paid_hours + out->paid_hours - p->paid_hours,
		in->paid_hours + out->paid_hours > 0 ?
		100 * (1 - p->paid_hours / (in->paid_hours + out->paid_hours)) : 0);
	fprintf(wfm_report(), "  blending     LP lower bounds: blended %.2f; inbound only %.2f + outbound only %.2f = %.2f; "
		"solves %.2f s + %.2f s\n", p->mip.lp_bound, in->mip.lp_bound, out->mip.lp_bound,
		in->mip.lp_bound + out->mip.lp_bound, in->mip.seconds, out->mip.seconds);
	fprintf(wfm_report(), "  blending     outbound costs %.2f paid hours on top of inbound (%.2f agent-h of work)\n",
		p->paid_hours - in->paid_hours, p->work_hours);
	wfm_shiftplan_free(in);
	wfm_shiftplan_free(out);
}

/* Pooled (this plan) against specialists only and the single pool. */
static void groups_report(const wfm_shiftplan *p, const wfm_shiftreq *req,
			  const wfm_shiftrules *rules, const wfm_tz *tz, const struct opts *o)
{
	struct wfm_shiftplan_opts q = o->p;
	wfm_shiftplan *v[2] = { NULL, NULL };
	static const char *name[2] = { "specialists only", "single pool" };
	wfm_error err = { 0 };

	q.time_limit = o->p.time_limit / 4;   /* the comparison is a side report */
	q.groups = NULL;
	q.specialists = 1;
	if (!(v[0] = wfm_shiftplan_solve(req, rules, tz, &q, &err)))
		fprintf(wfm_report(), "%s: specialists-only plan: %s\n", prog, err.msg);
	q.specialists = 0;
	if (!(v[1] = wfm_shiftplan_solve(req, rules, tz, &q, &err)))
		fprintf(wfm_report(), "%s: single-pool plan: %s\n", prog, err.msg);
	fprintf(wfm_report(), "  variants     paid hours (LP bound, gap, solve time)\n");
	fprintf(wfm_report(), "  variant      %-18s %10.2f (%.2f, %.2f%%, %.2f s)\n", "pooled groups",
		p->paid_hours, p->mip.lp_bound, 100 * p->mip.gap, p->mip.seconds);
	for (int k = 0; k < 2; k++)
		if (v[k])
			fprintf(wfm_report(), "  variant      %-18s %10.2f (%.2f, %.2f%%, %.2f s)\n", name[k],
				v[k]->paid_hours, v[k]->mip.lp_bound, 100 * v[k]->mip.gap, v[k]->mip.seconds);
	wfm_shiftplan_free(v[0]);
	wfm_shiftplan_free(v[1]);
}

/* The group model plans on the load column (wfm staff --load): its
 * interval total is the sum of the per-channel loads, not agents_gross. */
static void load_total(wfm_shiftreq *req)
{
	for (size_t i = 0; i < req->n; i++) {
		req->req[i] = 0;
		for (size_t c = 0; c < req->nchan; c++)
			req->req[i] += req->chan_req[c * req->n + i];
	}
}

/* The skill groups of --groups or --staff against the requirements'
 * channels, or NULL when neither is given. */
static wfm_groups *load_groups(const struct opts *o, const wfm_shiftreq *req)
{
	wfm_error err = { 0 };
	wfm_groups *gr = NULL;
	const char *const *ch = (const char *const *)req->channel;

	if (o->groups && !(gr = wfm_groups_load(o->groups, ch, req->nchan, &err)))
		wfm_die(prog, &err);
	if (o->staff) {
		wfm_agents *ag = wfm_agents_load(o->staff, ch, req->nchan, &err);
		if (!ag || !(gr = wfm_groups_from_agents(ag, ch, req->nchan, &err)))
			wfm_die(prog, &err);
		wfm_agents_free(ag);
	}
	return gr;
}

/* --risk: plan the point requirements for the report, then hand back the
 * quantile ones (lib/riskcover.h) that replace them. */
static wfm_shiftreq *risk_req(const struct opts *o, wfm_shiftreq *req, const wfm_shiftrules *rules,
			      const wfm_tz *tz, const wfm_tz *tzin, double *point_paid)
{
	wfm_error err = { 0 };
	size_t differ;
	wfm_shiftplan *pp;
	wfm_shiftreq *q = wfm_riskcover_req(req, o->risk_forecast, o->risk_channels, tzin, o->risk,
					    o->band_level, &differ, &err);

	if (!q || !(pp = wfm_shiftplan_solve(req, rules, tz, &o->p, &err)))
		wfm_die(prog, &err);
	if (differ)
		wfm_warn(prog, "%s: %zu cells differ from %s's point sizing by wfm staff's defaults",
			 o->input, differ, o->risk_forecast);
	*point_paid = pp->paid_hours;
	wfm_shiftplan_free(pp);
	wfm_shiftreq_free(req);
	return q;
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tzin, *tz;
	wfm_shiftreq *req;
	wfm_shiftrules *rules;
	wfm_shiftplan *plan;
	wfm_shiftwork *work = NULL;
	wfm_groups *groups;
	wfm_atomic *out, *cov = NULL, *obp = NULL;
	double point_paid = 0;

	wfm_gsl_policy();
	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 6, o.input, o.rules, o.outbound, o.groups ? o.groups : o.staff, o.risk_forecast,
		       o.risk_channels);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.rules, o.outbound, o.groups, o.staff,
						  o.risk_forecast, o.risk_channels }, 7,
			  (const char *[]){ o.coverage, o.outbound_plan, o.output }, 3);
	if (!(tzin = wfm_tz_open(o.tz, &err)) || !(tz = o.out_tz ? wfm_tz_open(o.out_tz, &err) : tzin))
		wfm_die(prog, &err);
	if (!(rules = wfm_shiftrules_load(o.rules, &err)))
		wfm_die(prog, &err);
	if (!(req = wfm_shiftreq_load(o.input, tzin, &err)))
		wfm_die(prog, &err);
	if (o.outbound && !(work = wfm_shiftwork_load(o.outbound, tzin, &err)))
		wfm_die(prog, &err);
	o.p.work = work;
	o.p.groups = groups = load_groups(&o, req);
	if (groups && req->fractional)
		load_total(req);
	if (o.risk > 0)
		req = risk_req(&o, req, rules, tz, tzin, &point_paid);
	if (!(plan = wfm_shiftplan_solve(req, rules, tz, &o.p, &err)))
		wfm_die(prog, &err);
	if (!(out = wfm_atomic_open(o.output, &err)))
		wfm_die(prog, &err);
	if (o.coverage && !(cov = wfm_atomic_open(o.coverage, &err))) {
		wfm_atomic_abort(out);
		wfm_die(prog, &err);
	}
	if (o.outbound_plan && !(obp = wfm_atomic_open(o.outbound_plan, &err))) {
		wfm_atomic_abort(out);
		if (cov)
			wfm_atomic_abort(cov);
		wfm_die(prog, &err);
	}
	if (write_plan(wfm_atomic_fp(out), plan, rules, tz, &err)) {
		wfm_atomic_abort(out);
		if (cov)
			wfm_atomic_abort(cov);
		if (obp)
			wfm_atomic_abort(obp);
		wfm_die(prog, &err);
	}
	if (obp)
		write_outbound_plan(wfm_atomic_fp(obp), plan, work, tz);
	if (cov && write_coverage(wfm_atomic_fp(cov), plan, tz, &err)) {
		wfm_atomic_abort(out);
		wfm_atomic_abort(cov);
		wfm_atomic_abort(obp);
		wfm_die(prog, &err);
	}
	/* all or none; the plan renamed last (see atomic_write.h) */
	if (wfm_atomic_commit_all((wfm_atomic *[]){ cov, obp, out }, 3, &err))
		wfm_die(prog, &err);
	summary(plan, &o);
	if (o.risk > 0)
		fprintf(wfm_report(), "  risk         %g: paid hours %.2f against %.2f covering the point "
			"forecast (+%.2f h, %+.1f%%)\n", o.risk, plan->paid_hours, point_paid,
			plan->paid_hours - point_paid, 100 * (plan->paid_hours / point_paid - 1));
	if (work)
		blend_report(plan, req, rules, tz, &o, work);
	if (groups && o.compare)
		groups_report(plan, req, rules, tz, &o);
	wfm_groups_free(groups);
	wfm_shiftplan_free(plan);
	wfm_shiftwork_free(work);
	wfm_shiftreq_free(req);
	wfm_shiftrules_free(rules);
	if (tz != tzin)
		wfm_tz_free(tz);
	wfm_tz_free(tzin);
	return 0;
}
