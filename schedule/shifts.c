/* shifts.c - wfm-shifts: the least paid hours of shifts covering a
 * requirement curve (set covering, solved with GLPK). */
#include "atomic_write.h"
#include "cli.h"
#include "shiftplan.h"
#include "riskcover.h"
#include "shiftrules.h"
#include "gslpolicy.h"

#include <stdio.h>
#include <string.h>

static const char *prog = "wfm-shifts";

static const char head[] =
	"Usage: wfm shifts REQUIREMENTS.csv --rules RULES.csv [options]\n"
	"\n"
	"Shift plan at the least paid hours: how many people start which shift\n"
	"when, with which break, so that every interval has at least the required\n"
	"agents (sum of agents_gross over channels) working.  Integer program over\n"
	"day x shift type x start x length x break placement, solved with GLPK:\n"
	"LP bound first, then branch and bound from a rounded LP solution.\n";

static const char tail[] =
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
	struct wfm_shiftplan_opts *p = &o->p;
	const struct wfm_opt opts[] = {
		{ "rules", 0, WFM_ARG_STR, &o->rules, "FILE", .help = "shift rules: name,lengths_h,"
		  "earliest_start,latest_start,step_min,break_after_h,break_min,days[,min_count,max_count,"
		  "paid_break,break_gap_h] (required)" },
		{ "days", 0, WFM_ARG_DAYS, &o->days, "plan", .help = "default: every day of the requirements",
		  .max = 366 },
		{ "coverage", 0, WFM_ARG_STR, &o->coverage, "FILE", .help = "write timestamp,required,scheduled,"
		  "over,under (with --outbound: required and scheduled are inbound, plus a column outbound)" },
		{ "outbound-plan", 0, WFM_ARG_STR, &o->outbound_plan, "FILE", .help = "with --outbound: write "
		  "timestamp,job,agents, the agents on each job per cover interval" },
		{ "outbound", 0, WFM_ARG_STR, &o->outbound, "FILE", .help = "flexible outbound work job,"
		  "timestamp,agent_hours[,max_agents] (wfm outbound --format work): fills the troughs of the "
		  "inbound requirement; the plan is compared with inbound-only and outbound-only plans on "
		  "stderr (solved in --time-limit/4 each)" },
		{ "groups", 0, WFM_ARG_STR, &o->groups, "FILE", .help = "plan per skill group: group,skills"
		  "[,max_agents][,min_share] (skills calls|chat): every channel is covered in every interval "
		  "by the working agents of the groups holding its skill; plan.csv gains a group column, the "
		  "coverage one row per channel (and `*` for the interval's total)" },
		{ "staff", 0, WFM_ARG_STR, &o->staff, "FILE", .help = "plan per skill group, one group per "
		  "distinct skill set of staff.csv" },
		{ "compare", 0, WFM_ARG_FLAG, &o->compare, .help = "with --groups or --staff: also plan "
		  "specialists only (each channel its own pool) and the single pool, in --time-limit/4 each, "
		  "and report the paid hours of the three side by side on stderr" },
		{ "risk", 0, WFM_ARG_DOUBLE, &o->risk, "R", .help = "chance-constrained cover: plan for each "
		  "interval's (1-R)-quantile requirement (wfm staff --quantile 1-R on --forecast and "
		  "--channels), so that with probability >= 1-R over the forecast's rates each interval's "
		  "expected SL (the formula's, at its rate) meets its target; the SL realised in one interval "
		  "also varies with its arrivals, so it meets the target less often (wfm simulate's p_met); "
		  "also plans REQUIREMENTS.csv (the point forecast's) and reports the extra paid hours",
		  .min = 1e-6, .max = 1 - 1e-6 },
		{ "forecast", 0, WFM_ARG_STR, &o->risk_forecast, "FILE", .help = "with --risk: the forecast "
		  "(volume_lo/volume_hi band)" },
		{ "channels", 0, WFM_ARG_STR, &o->risk_channels, "FILE", .help = "with --risk: channels.csv" },
		WFM_OPT_BAND_LEVEL(&o->band_level, "with --risk: "),
		{ "work-limit", 0, WFM_ARG_LONG, &p->work_limit, "ITER", .help = "simplex iterations the solver "
		  "may use (LP, dive and branch and bound together): this limit, not the clock, decides where "
		  "a solve stops, so a busy machine gives the same plan", .min = 1, .max = 1e12, .show = 1 },
		{ "time-limit", 0, WFM_ARG_DOUBLE, &p->time_limit, "SEC", .help = "safety stop in wall seconds; "
		  "the report says when it was hit (the plan then depends on load)", .def = "60",
		  .min = 0.001, .max = 86400 },
		{ "gap", 0, WFM_ARG_DOUBLE, &p->gap, "FRACTION", .help = "stop within this relative gap of the "
		  "LP bound", .def = "0.01", .max = 1 },
		{ "soft", 0, WFM_ARG_DOUBLE, &p->penalty, "PENALTY", .help = "allow under-cover at PENALTY per "
		  "agent-hour short (default: hard cover, exit 1 when impossible)", .max = 1e9,
		  .given = &p->soft },
		{ "break-step", 0, WFM_ARG_INT, &p->break_step, "MIN", .help = "place breaks every MIN minutes "
		  "(default: the grid)", .min = 1, .max = 240 },
		{ "no-wrap", 0, WFM_ARG_FLAG, &p->no_wrap, .help = "do not fold shifts past the last day onto "
		  "the first" },
		{ "blocks", 0, WFM_ARG_INT, &p->block_days, "DAYS", .help = "plan the window in blocks of DAYS "
		  "days, in turn (default: blocks of 7 from 14 days and 3M model nonzeros)", .min = 1, .max = 366 },
		WFM_OPT_TZ(&o->tz),
		{ "out-tz", 0, WFM_ARG_STR, &o->out_tz, "ZONE", .help = "the center's zone, when it is not "
		  "--tz: local days, shift rules and every output are in ZONE; naive input times stay in --tz" },
		WFM_OPT_OUTPUT_AS(&o->output, "plan, written atomically (default standard output)"),
		{ 0 },
	};
	const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };
	int64_t last;

	memset(o, 0, sizeof(*o));
	p->work_limit = WFM_MIP_WORK;
	wfm_opts_parse(&cli, argc, argv);
	o->input = wfm_cli_operands(prog, argc, argv, 1, (const char *const[]){ "no requirements file given",
				    "more than one input file" })[0];
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
	if (wfm_days_range(prog, &o->days, &p->first_day, &last))
		p->ndays = (int)(last - p->first_day + 1);
	if (!o->risk != !o->risk_forecast || !o->risk != !o->risk_channels)
		wfm_usage_fail(prog, "--risk, --forecast and --channels go together");
}

/* plan.csv and coverage.csv through their owners (lib/plan, lib/coverage)
 * and outbound-plan.csv: all or none, the plan renamed last (see
 * atomic_write.h). */
static void write_outputs(const struct opts *o, wfm_shiftplan *p, const wfm_shiftrules *rs,
			  const wfm_shiftwork *work, const wfm_tz *tz)
{
	wfm_error err = { 0 };
	wfm_atomic *a[3];    /* coverage, outbound plan, plan */
	wfm_plan *pl = NULL;
	wfm_coverage *cv = NULL;
	int bad;

	wfm_cli_outputs(prog, a, (const char *[]){ o->coverage, o->outbound_plan, o->output ? o->output : "-" },
			3);
	bad = !(pl = wfm_shiftplan_plan(p, rs, tz, &err)) || wfm_plan_write(wfm_atomic_fp(a[2]), pl->s, pl->n);
	if (!bad && a[1])
		wfm_shiftplan_write_outbound(wfm_atomic_fp(a[1]), p, work, tz);
	if (!bad && a[0])
		bad = !(cv = wfm_shiftplan_coverage(p, &err)) || wfm_coverage_write(wfm_atomic_fp(a[0]), cv, tz);
	wfm_plan_free(pl);
	wfm_coverage_free(cv);
	if (bad) {
		for (int k = 0; k < 3; k++)
			wfm_atomic_abort(a[k]);
		wfm_die(prog, &err);
	}
	if (wfm_atomic_commit_all(a, 3, &err))
		wfm_die(prog, &err);
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
	wfm_groups *groups = NULL;
	double point_paid = 0;

	wfm_gsl_policy();
	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 6, o.input, o.rules, o.outbound, o.groups ? o.groups : o.staff, o.risk_forecast,
		       o.risk_channels);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.rules, o.outbound, o.groups, o.staff,
						  o.risk_forecast, o.risk_channels }, 7,
			  (const char *[]){ o.coverage, o.outbound_plan, o.output }, 3);
	if (!(tzin = wfm_tz_open(o.tz, &err)) || !(tz = o.out_tz ? wfm_tz_open(o.out_tz, &err) : tzin) ||
	    !(rules = wfm_shiftrules_load(o.rules, &err)) || !(req = wfm_shiftreq_load(o.input, tzin, &err)) ||
	    (o.outbound && !(work = wfm_shiftwork_load(o.outbound, tzin, &err))) ||
	    ((o.groups || o.staff) && !(groups = wfm_shiftplan_load_groups(o.groups, o.staff, req, &err))))
		wfm_die(prog, &err);
	o.p.work = work;
	o.p.groups = groups;
	if (groups && req->fractional)
		wfm_shiftreq_load_total(req);
	if (o.risk > 0)
		req = risk_req(&o, req, rules, tz, tzin, &point_paid);
	if (!(plan = wfm_shiftplan_solve(req, rules, tz, &o.p, &err)))
		wfm_die(prog, &err);
	write_outputs(&o, plan, rules, work, tz);
	wfm_shiftplan_summary(wfm_report(), plan, &o.p);
	if (o.risk > 0)
		fprintf(wfm_report(), "  risk         %g: paid hours %.2f against %.2f covering the point "
			"forecast (%+.2f h, %+.1f%%)\n", o.risk, plan->paid_hours, point_paid,
			plan->paid_hours - point_paid, 100 * (plan->paid_hours / point_paid - 1));
	if (work)
		wfm_shiftplan_blend_report(wfm_report(), prog, plan, req, rules, tz, &o.p, work);
	if (groups && o.compare)
		wfm_shiftplan_groups_report(wfm_report(), prog, plan, req, rules, tz, &o.p);
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
