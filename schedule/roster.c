/* roster.c - wfm-roster: named agents on the planned shifts of a day or week. */
#include "agents.h"
#include "atomic_write.h"
#include "cli.h"
#include "coverage.h"
#include "functions.h"
#include "groups.h"
#include "plan.h"
#include "roster.h"
#include "roster_cover.h"
#include "roster_report.h"
#include "rostermip.h"
#include "strlist.h"
#include "timeutil.h"
#include "tz.h"
#include "gslpolicy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *prog = "wfm-roster";

static const char usage[] =
	"Usage: wfm roster PLAN.csv STAFF.csv [--date D | --week D | --from D --to E] [options]\n"
	"\n"
	"Assign named agents (staff.csv) to the shifts of a plan (plan.csv:\n"
	"date,shift,start,end,break_start,break_end,count).  Hard rules: fixed days\n"
	"off and availability, working window, shift length, minimum rest, max\n"
	"consecutive days, max working days and contract + tolerance hours per\n"
	"ISO week.  Shifts that cannot be filled are reported on stderr with the\n"
	"overtime hours they need and why, never dropped silently; exit 0 with\n"
	"what can be filled unless --strict.  Same input, same bytes.\n"
	"\n"
	"With --published, the published roster is the starting point: its rows\n"
	"before --from are fixed (they count for rest, consecutive days and the\n"
	"weekly limits), its later rows are kept unless they became impossible\n"
	"(sick, vacation, agent left, no longer in the plan, a rule broken), and\n"
	"the open shifts are filled changing as few rows as possible.  The output\n"
	"is the whole new roster (published rows outside --from..--to unchanged);\n"
	"\"changed N of M rows\" and each change go to stderr or --changes.\n"
	"\n"
	"Options:\n"
	"  --date D               roster one day (YYYY-MM-DD)\n"
	"  --week D               roster 7 days from D\n"
	"  --from D --to E        roster D .. E (default: every date of the plan);\n"
	"                         with --published, --to defaults to its last date\n"
	"  --availability FILE    agent_id,date,status; status (any case) available,\n"
	"                         sick, vacation, training, day_off or unavailable;\n"
	"                         rows for agents not in STAFF.csv are warned about\n"
	"  --previous FILE        earlier roster.csv: rest, consecutive days, weekly limits,\n"
	"                         and its weekend days for the weekend rotation\n"
	"  --days-off-pair W      cost W (hours) of taking an agent's last two\n"
	"                         consecutive days off in an ISO week; the days-on\n"
	"                         pattern keeps such a pair (default 4; 0: off)\n"
	"  --stable-start W       cost W per hour a start lies over an hour from the\n"
	"                         agent's other starts that week (default 1; 0: off)\n"
	"  --preferences FILE     agent_id,day,shift,weight: day Mon..Sun, a date or\n"
	"                         empty; shift a name, a start window HH:MM-HH:MM or\n"
	"                         empty; weight > 0 wants, < 0 avoids (hours of cost)\n"
	"  --published FILE       roster.csv already published: keep it, change little\n"
	"  --changes FILE         with --published: write date,agent_id,name,old,new,why\n"
	"  --max-moves N          with --published: kept rows one open shift may move\n"
	"                         to another shift of its day (default 1: a sick call\n"
	"                         costs at most 3 changed rows)\n"
	"  --min-rest H           hours of rest between shifts (default 11)\n"
	"  --max-consecutive N    working days in a row (default 6)\n"
	"  --max-days-week N      working days per ISO week (default 5: two days off)\n"
	"  --tolerance H          weekly paid hours may exceed the contract by H (default 4)\n"
	"  --groups FILE          groups.csv naming the plan's group column (default:\n"
	"                         each group name is its skills, e.g. calls|chat)\n"
	"  --skills LIST          check staff.csv's skills against this comma\n"
	"                         separated list (default: any name goes)\n"
	"  --strict               exit 1 when a shift stays unfilled\n"
	"  --exact                also solve the assignment exactly (agent classes x\n"
	"                         week patterns over lib/mip.c, up to 150 agents x 7\n"
	"                         days) and report the optimum or the best found, the\n"
	"                         bound and the heuristic's gap; -o stays the heuristic's\n"
	"  --exact-roster FILE    with --exact: write the exact model's roster\n"
	"  --time-limit S         safety stop for --exact (default 300; the solve is\n"
	"                         limited by pricing rounds and simplex iterations)\n"
	"  --coverage FILE        write timestamp,required,scheduled,over,under:\n"
	"                         people on shift per interval, breaks excluded;\n"
	"                         required = the plan's own shifts, or with\n"
	"                         --requirements the sum of agents_gross\n"
	"  --requirements FILE    requirements.csv for --coverage (its step is used)\n"
	"  --tz ZONE              zone of the wall-clock HH:MM times and of\n"
	"                         --requirements timestamps (default $TZ, else\n"
	"                         UTC); rest and hours count elapsed time in it\n"
	"  -o, --output FILE      write FILE atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"output: date,agent_id,name,start,end,break_start,break_end,shift\n"
	"report (stderr): shifts per day, unfilled shifts and overtime, hours vs\n"
	"contract, weekends and late shifts per agent.\n"
	"\n"
	"Example:\n"
	"  wfm roster plan.csv data/staff.csv --week 2026-11-23 \\\n"
	"      --availability data/availability.csv -o roster.csv 2>report.txt\n"
	"  wfm roster plan.csv data/staff.csv --week 2026-11-23 \\\n"
	"      --coverage roster-coverage.csv -o roster.csv 2>report.txt\n"
	"  wfm roster plan.csv data/staff.csv --published roster.csv \\\n"
	"      --from 2026-11-25 --availability today.csv --changes changes.csv \\\n"
	"      -o roster-new.csv\n";

struct opts {
	const char *plan, *staff, *avail, *prev, *output, *skills;
	const char *coverage, *reqs, *tz, *published, *changes, *groups, *prefs;
	const char *exact_out;
	struct wfm_days days;   /* --date, --week, --from/--to (lib/cli) */
	int strict, exact;
	double time_limit;
	struct wfm_roster_opts ro;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		WFM_OPT_DAYS,
		{ "availability", required_argument, NULL, 'a' },
		{ "previous", required_argument, NULL, 'p' },
		{ "min-rest", required_argument, NULL, 'r' },
		{ "max-consecutive", required_argument, NULL, 'c' },
		{ "max-days-week", required_argument, NULL, 'm' },
		{ "tolerance", required_argument, NULL, 'l' },
		{ "skills", required_argument, NULL, 'k' },
		{ "strict", no_argument, NULL, 's' },
		{ "tz", required_argument, NULL, 'z' },
		{ "coverage", required_argument, NULL, 'C' },
		{ "requirements", required_argument, NULL, 'R' },
		{ "published", required_argument, NULL, 'P' },
		{ "changes", required_argument, NULL, 'H' },
		{ "max-moves", required_argument, NULL, 'M' },
		{ "groups", required_argument, NULL, 'G' },
		{ "exact", no_argument, NULL, 'E' },
		{ "exact-roster", required_argument, NULL, 'X' },
		{ "preferences", required_argument, NULL, 'F' },
		{ "stable-start", required_argument, NULL, 'S' },
		{ "days-off-pair", required_argument, NULL, 'O' },
		{ "time-limit", required_argument, NULL, 'T' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	wfm_roster_opts_default(&o->ro);
	o->time_limit = 300;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		if (wfm_days_opt(&o->days, c, optarg))
			continue;
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'a': o->avail = optarg; break;
		case 'p': o->prev = optarg; break;
		case 'k': o->skills = optarg; break;
		case 's': o->strict = 1; break;
		case 'z': o->tz = optarg; break;
		case 'C': o->coverage = optarg; break;
		case 'R': o->reqs = optarg; break;
		case 'P': o->published = optarg; break;
		case 'H': o->changes = optarg; break;
		case 'G': o->groups = optarg; break;
		case 'E': o->exact = 1; break;
		case 'X': o->exact_out = optarg; break;
		case 'F': o->prefs = optarg; break;
		case 'O': o->ro.off_pair_w = wfm_arg_double(prog, "--days-off-pair", optarg, 0, 100); break;
		case 'S': o->ro.stable_w = wfm_arg_double(prog, "--stable-start", optarg, 0, 100); break;
		case 'T': o->time_limit = wfm_arg_double(prog, "--time-limit", optarg, 0.1, 86400); break;
		case 'M': o->ro.max_moves = (int)wfm_arg_long(prog, "--max-moves", optarg, 0, 1000); break;
		case 'r': o->ro.min_rest_h = wfm_arg_double(prog, "--min-rest", optarg, 0, 24); break;
		case 'c': o->ro.max_consecutive = (int)wfm_arg_long(prog, "--max-consecutive", optarg, 1, 366); break;
		case 'm': o->ro.max_days_week = (int)wfm_arg_long(prog, "--max-days-week", optarg, 1, 7); break;
		case 'l': o->ro.tol_week_h = wfm_arg_double(prog, "--tolerance", optarg, 0, 80); break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 2 != argc)
		wfm_usage_fail(prog, "expected PLAN.csv and STAFF.csv");
	o->plan = argv[optind];
	o->staff = argv[optind + 1];
	if (o->days.from && !o->days.to && !o->published)   /* else wfm_days_range says it */
		wfm_usage_fail(prog, "--from without --to needs --published");
	if (o->exact && (o->published || o->groups))
		wfm_usage_fail(prog, "--exact goes without --published and --groups");
	if (o->exact_out && !o->exact)
		wfm_usage_fail(prog, "--exact-roster goes with --exact");
	if (o->changes && !o->published)
		wfm_usage_fail(prog, "--changes goes with --published");
	if (o->reqs && !o->coverage)
		wfm_usage_fail(prog, "--requirements goes with --coverage");
}

/* --exact: the integer program's bound and best roster vs the heuristic;
 * --exact-roster its roster. */
static void report_exact(FILE *fp, const wfm_plan *plan, const wfm_agents *ag, const wfm_plan *prev,
			 const wfm_roster_result *res, const struct opts *o)
{
	struct wfm_rostermip_result x;
	wfm_error err = { 0 };
	if (ag->n > 150 || res->ndays > 7) {
		wfm_warn(prog, "--exact: %zu agents x %d days is over 150 x 7: skipped", ag->n, res->ndays);
		return;
	}
	if (wfm_rostermip_solve(plan, ag, prev, res, &o->ro, o->time_limit, &x, &err)) {
		wfm_warn(prog, "--exact: %s", err.msg);
		return;
	}
	wfm_roster_report_exact(fp, &x);
	if (o->exact_out) {
		wfm_atomic *out = wfm_atomic_open(o->exact_out, &err);
		if (!out)
			wfm_die(prog, &err);
		wfm_roster_write(wfm_atomic_fp(out), x.roster, x.n);
		if (wfm_atomic_commit(out, &err))
			wfm_die(prog, &err);
	}
	wfm_rostermip_result_free(&x);
}

/* Written, not yet committed: main commits it with the roster. */
static wfm_atomic *write_changes(const char *path, const wfm_roster_result *r, wfm_error *err)
{
	wfm_atomic *out = wfm_atomic_open(path, err);
	if (out)
		wfm_roster_changes_write(wfm_atomic_fp(out), r);   /* stream errors show at commit */
	return out;
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_plan *plan, *prev = NULL, *pub = NULL;
	wfm_groups *gr = NULL;
	wfm_agents *ag;
	wfm_roster_result *res;
	wfm_atomic *out, *cov = NULL, *chg = NULL;
	wfm_strlist sk = { 0, NULL };
	const char *const *known = NULL;
	size_t nknown = 0;
	int64_t first, last;
	struct wfm_days days;

	wfm_gsl_policy();
	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 8, o.plan, o.staff, o.avail, o.prev, o.reqs, o.published, o.groups, o.prefs);
	/* -o may replace --published in place (the daily cron loop), nothing else */
	wfm_check_outputs(prog, (const char *[]){ o.plan, o.staff, o.avail, o.prev, o.reqs, o.groups,
						  o.prefs }, 7,
			  (const char *[]){ o.coverage, o.changes, o.output, o.exact_out }, 4);
	wfm_check_outputs(prog, &o.published, 1, (const char *[]){ o.coverage, o.changes }, 2);
	wfm_tz *zone = wfm_tz_open(o.tz, &err);   /* a bad --tz fails before any work */
	if (!zone)
		wfm_die(prog, &err);
	if (o.skills) {
		if (wfm_strlist_split(o.skills, ',', &sk) || !sk.n)
			wfm_usage_fail(prog, "--skills: empty list");
		known = (const char *const *)sk.item;
		nknown = sk.n;
	}
	if (!(plan = wfm_plan_load(o.plan, zone, &err)))
		wfm_die(prog, &err);
	if (!(ag = wfm_agents_load(o.staff, known, nknown, &err)))
		wfm_die(prog, &err);
	/* without --skills any name goes; groups.csv may name the usual
	 * channels and the skills of staff.csv */
	if (!o.skills) {
		if (wfm_strlist_split("calls,chat,letters,declarations", ',', &sk) ||
		    wfm_agents_skill_set(ag, &sk)) {
			wfm_error_set(&err, "out of memory");
			wfm_die(prog, &err);
		}
		known = (const char *const *)sk.item;
		nknown = sk.n;
	}
	if (o.avail && wfm_agents_load_availability(ag, o.avail, &err))
		wfm_die(prog, &err);
	if (ag->nunknown)
		wfm_warn(prog, "%s:%ld: agent_id: agent \"%.40s\" is not in %s: %zu availability row%s skipped",
			 o.avail, ag->unknown_line, ag->unknown_id, ag->file, ag->nunknown,
			 ag->nunknown > 1 ? "s" : "");
	ag->nunknown = 0;
	if (o.prefs && wfm_agents_load_preferences(ag, o.prefs, &err))
		wfm_die(prog, &err);
	if (ag->nunknown)
		wfm_warn(prog, "%s:%ld: agent_id: agent \"%.40s\" is not in %s: %zu preference row%s skipped",
			 o.prefs, ag->unknown_line, ag->unknown_id, ag->file, ag->nunknown,
			 ag->nunknown > 1 ? "s" : "");
	if (o.prev && !(prev = wfm_roster_load(o.prev, zone, &err)))
		wfm_die(prog, &err);
	if (o.published && !(pub = wfm_roster_load(o.published, zone, &err)))
		wfm_die(prog, &err);
	if (o.groups && !(gr = wfm_groups_load(o.groups, known, nknown, &err)))
		wfm_die(prog, &err);
	o.ro.groups = gr;
	days = o.days;
	if (days.from && !days.to)   /* --published: to its last date */
		days.to = days.from;
	if (wfm_days_range(prog, &days, 367, &first, &last)) {
		for (size_t i = 0; !o.days.to && days.from && i < pub->n; i++)
			if (pub->s[i].day > last)
				last = pub->s[i].day;
		if (last - first > 366)
			wfm_usage_fail(prog, "--to must be 0..366 days after --from");
	} else {
		first = last = plan->s[0].day;
		for (size_t i = 0; i < plan->n; i++) {
			if (plan->s[i].day < first)
				first = plan->s[i].day;
			if (plan->s[i].day > last)
				last = plan->s[i].day;
		}
		if (last - first > 366)
			wfm_usage_fail(prog, "plan spans over a year: give --from/--to");
	}
	if (!(res = wfm_roster_repair(plan, ag, prev, pub, first, (int)(last - first + 1), &o.ro, &err)))
		wfm_die(prog, &err);
	if (res->nprev_unknown)
		wfm_warn(prog, "%s:%ld: agent_id: agent \"%.40s\" is not in %s: %zu roster row%s before the "
			 "window skipped", res->prev_unknown_file, res->prev_unknown_line, res->prev_unknown_id,
			 ag->file, res->nprev_unknown, res->nprev_unknown > 1 ? "s" : "");
	if (wfm_roster_report(wfm_report(), plan, res, ag, &o.ro, &err))
		wfm_die(prog, &err);
	if (pub)
		wfm_roster_report_changes(wfm_report(), res, !o.changes);
	if (o.exact)
		report_exact(wfm_report(), plan, ag, prev, res, &o);
	if (o.strict && res->nunfilled) {
		wfm_roster_strict_error(res, &err);
		wfm_roster_result_free(res);
		wfm_die(prog, &err);
	}
	if (o.coverage) {   /* written, committed with the roster */
		wfm_coverage *cv = wfm_roster_cover(plan, res, o.reqs, zone, &err);
		if (!cv || !(cov = wfm_atomic_open(o.coverage, &err)))
			wfm_die(prog, &err);
		wfm_coverage_write(wfm_atomic_fp(cov), cv, zone);   /* a stream error shows at commit */
		wfm_coverage_free(cv);
	}
	if (o.changes && !(chg = write_changes(o.changes, res, &err))) {
		wfm_atomic_abort(cov);
		wfm_die(prog, &err);
	}
	if (!(out = wfm_atomic_open(o.output, &err))) {
		wfm_atomic_abort(cov);
		wfm_atomic_abort(chg);
		wfm_die(prog, &err);
	}
	/* stream errors show at commit, naming the file */
	wfm_roster_write(wfm_atomic_fp(out), pub ? res->all : res->rows, pub ? res->nall : res->n);
	if (wfm_atomic_commit_all((wfm_atomic *[]){ cov, chg, out }, 3, &err))
		wfm_die(prog, &err);
	wfm_roster_result_free(res);
	wfm_plan_free(plan);
	wfm_plan_free(prev);
	wfm_plan_free(pub);
	wfm_groups_free(gr);
	wfm_agents_free(ag);
	wfm_tz_free(zone);
	wfm_strlist_free(&sk);
	return 0;
}
