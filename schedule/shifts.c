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
	"                         1-R on --forecast and --channels), so that with\n"
	"                         probability >= 1-R over the forecast's rates each\n"
	"                         interval's expected SL (the formula's, at its rate)\n"
	"                         meets its target; the SL realised in one interval\n"
	"                         also varies with its arrivals, so it meets the\n"
	"                         target less often (wfm simulate's p_met);\n"
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
	"  --blocks DAYS          plan the window in blocks of DAYS days, in turn\n"
	"                         (default: blocks of 7 from 14 days and 3M nonzeros)\n"
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
		{ "blocks", required_argument, NULL, 'K' },
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
		case 'K': o->p.block_days = (int)wfm_arg_double(prog, "--blocks", optarg, 1, 366); break;
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

/* plan.csv and coverage.csv through their owners (lib/plan, lib/coverage)
 * and outbound-plan.csv: all or none, the plan renamed last (see
 * atomic_write.h). */
static void write_outputs(const struct opts *o, wfm_shiftplan *p, const wfm_shiftrules *rs,
			  const wfm_shiftwork *work, const wfm_tz *tz)
{
	wfm_error err = { 0 };
	wfm_atomic *a[3] = { NULL, NULL, NULL };    /* coverage, outbound plan, plan */
	const char *path[3] = { o->coverage, o->outbound_plan, o->output };
	static const int order[3] = { 2, 0, 1 };
	wfm_plan *pl = NULL;
	wfm_coverage *cv = NULL;
	int bad = 0;

	for (int q = 0, k; q < 3 && !bad; q++)
		bad = (path[k = order[q]] || k == 2) && !(a[k] = wfm_atomic_open(path[k], &err));
	if (!bad)
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
