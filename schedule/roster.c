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

static const char head[] =
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
	"\"changed N of M rows\" and each change go to stderr or --changes.\n";

static const char tail[] =
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
	struct wfm_days days;   /* --date, --week, --from/--to (lib/days.h) */
	int strict, exact;
	double time_limit;
	struct wfm_roster_opts ro;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	struct wfm_roster_opts *r = &o->ro;
	const struct wfm_opt opts[] = {
		{ "days", 0, WFM_ARG_DAYS, &o->days, "roster", .help = "default: every date of the plan; with "
		  "--published, --to defaults to its last date", .max = 367 },
		{ "availability", 0, WFM_ARG_STR, &o->avail, "FILE", .help = "agent_id,date,status; status (any "
		  "case) available, sick, vacation, training, day_off or unavailable; rows for agents not in "
		  "STAFF.csv are warned about" },
		{ "previous", 0, WFM_ARG_STR, &o->prev, "FILE", .help = "earlier roster.csv: rest, consecutive "
		  "days, weekly limits, and its weekend days for the weekend rotation" },
		{ "days-off-pair", 0, WFM_ARG_DOUBLE, &r->off_pair_w, "W", .help = "cost W (hours) of taking an "
		  "agent's last two consecutive days off in an ISO week; the days-on pattern keeps such a pair; "
		  "0: off", .max = 100, .show = 1 },
		{ "stable-start", 0, WFM_ARG_DOUBLE, &r->stable_w, "W", .help = "cost W per hour a start lies "
		  "over an hour from the agent's other starts that week; 0: off", .max = 100, .show = 1 },
		{ "preferences", 0, WFM_ARG_STR, &o->prefs, "FILE", .help = "agent_id,day,shift,weight: day "
		  "Mon..Sun, a date or empty; shift a name, a start window HH:MM-HH:MM or empty; weight > 0 "
		  "wants, < 0 avoids (hours of cost)" },
		{ "published", 0, WFM_ARG_STR, &o->published, "FILE", .help = "roster.csv already published: "
		  "keep it, change little" },
		{ "changes", 0, WFM_ARG_STR, &o->changes, "FILE", .help = "with --published: write date,"
		  "agent_id,name,old,new,why" },
		{ "max-moves", 0, WFM_ARG_INT, &r->max_moves, "N", .help = "with --published: kept rows one "
		  "open shift may move to another shift of its day; 1: a sick call costs at most 3 changed "
		  "rows", .max = 1000, .show = 1 },
		{ "min-rest", 0, WFM_ARG_DOUBLE, &r->min_rest_h, "H", .help = "hours of rest between shifts",
		  .max = 24, .show = 1 },
		{ "max-consecutive", 0, WFM_ARG_INT, &r->max_consecutive, "N", .help = "working days in a row",
		  .min = 1, .max = 366, .show = 1 },
		{ "max-days-week", 0, WFM_ARG_INT, &r->max_days_week, "N", .help = "working days per ISO week; "
		  "5: two days off", .min = 1, .max = 7, .show = 1 },
		{ "tolerance", 0, WFM_ARG_DOUBLE, &r->tol_week_h, "H", .help = "weekly paid hours may exceed the "
		  "contract by H", .max = 80, .show = 1 },
		{ "groups", 0, WFM_ARG_STR, &o->groups, "FILE", .help = "groups.csv naming the plan's group "
		  "column (default: each group name is its skills, e.g. calls|chat)" },
		{ "skills", 0, WFM_ARG_STR, &o->skills, "LIST", .help = "check staff.csv's skills against this "
		  "comma separated list (default: any name goes)" },
		{ "strict", 0, WFM_ARG_FLAG, &o->strict, .help = "exit 1 when a shift stays unfilled" },
		{ "exact", 0, WFM_ARG_FLAG, &o->exact, .help = "also solve the assignment exactly (agent classes "
		  "x week patterns over lib/mip.c, up to 150 agents x 7 days) and report the optimum or the "
		  "best found, the bound and the heuristic's gap; -o stays the heuristic's" },
		{ "exact-roster", 0, WFM_ARG_STR, &o->exact_out, "FILE", .help = "with --exact: write the exact "
		  "model's roster" },
		{ "time-limit", 0, WFM_ARG_DOUBLE, &o->time_limit, "S", .help = "safety stop for --exact (the "
		  "solve is limited by pricing rounds and simplex iterations)", .def = "300", .min = 0.1,
		  .max = 86400 },
		{ "coverage", 0, WFM_ARG_STR, &o->coverage, "FILE", .help = "write timestamp,required,scheduled,"
		  "over,under: people on shift per interval, breaks excluded; required = the plan's own "
		  "shifts, or with --requirements the sum of agents_gross" },
		{ "requirements", 0, WFM_ARG_STR, &o->reqs, "FILE", .help = "requirements.csv for --coverage "
		  "(its step is used)" },
		WFM_OPT_ZONE(&o->tz, "the wall-clock HH:MM times and of --requirements timestamps",
			     "; rest and hours count elapsed time in it"),
		WFM_OPT_OUTPUT(&o->output),
		{ 0 },
	};
	const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };

	memset(o, 0, sizeof(*o));
	wfm_roster_opts_default(r);
	wfm_opts_parse(&cli, argc, argv);
	argv = wfm_cli_operands(prog, argc, argv, 2, (const char *const[]){ "expected PLAN.csv and STAFF.csv",
				NULL, NULL });
	o->plan = argv[0];
	o->staff = argv[1];
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

/* Rows of an input that name agents staff.csv does not have: one warning. */
static void warn_unknown(const char *file, long line, const char *id, const char *staff, size_t n,
			 const char *rows, const char *where)
{
	if (n)
		wfm_warn(prog, "%s:%ld: agent_id: agent \"%.40s\" is not in %s: %zu %s%s%s skipped", file, line,
			 id, staff, n, rows, n > 1 ? "s" : "", where);
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
		wfm_atomic *out = wfm_cli_output(prog, o->exact_out);
		wfm_roster_write(wfm_atomic_fp(out), x.roster, x.n);
		wfm_cli_commit(prog, out, 0, &err);
	}
	wfm_rostermip_result_free(&x);
}

/* Everything read. */
struct inputs {
	wfm_tz *zone;
	wfm_plan *plan, *prev, *pub;
	wfm_groups *gr;
	wfm_agents *ag;
	wfm_strlist sk;     /* the skill names staff.csv and groups.csv may use */
};

static void load_inputs(struct opts *o, struct inputs *in)
{
	wfm_error err = { 0 };
	wfm_agents *ag;

	memset(in, 0, sizeof(*in));
	in->zone = wfm_cli_tz(prog, o->tz);   /* a bad --tz fails before any work */
	if (o->skills && (wfm_strlist_split(o->skills, ',', &in->sk) || !in->sk.n))
		wfm_usage_fail(prog, "--skills: empty list");
	if (!(in->plan = wfm_plan_load(o->plan, in->zone, &err)) ||
	    !(in->ag = ag = wfm_agents_load(o->staff, (const char *const *)in->sk.item, in->sk.n, &err)))
		wfm_die(prog, &err);
	/* without --skills any name goes; groups.csv may name the usual
	 * channels and the skills of staff.csv */
	if (!o->skills && (wfm_strlist_split("calls,chat,letters,declarations", ',', &in->sk) ||
			   wfm_agents_skill_set(ag, &in->sk)))
		wfm_die(prog, &(wfm_error){ .code = WFM_EINPUT, .msg = "out of memory" });
	if (o->avail && wfm_agents_load_availability(ag, o->avail, &err))
		wfm_die(prog, &err);
	warn_unknown(o->avail, ag->unknown_line, ag->unknown_id, ag->file, ag->nunknown, "availability row", "");
	ag->nunknown = 0;
	if (o->prefs && wfm_agents_load_preferences(ag, o->prefs, &err))
		wfm_die(prog, &err);
	warn_unknown(o->prefs, ag->unknown_line, ag->unknown_id, ag->file, ag->nunknown, "preference row", "");
	if ((o->prev && !(in->prev = wfm_roster_load(o->prev, in->zone, &err))) ||
	    (o->published && !(in->pub = wfm_roster_load(o->published, in->zone, &err))) ||
	    (o->groups && !(in->gr = wfm_groups_load(o->groups, (const char *const *)in->sk.item, in->sk.n,
						     &err))))
		wfm_die(prog, &err);
	o->ro.groups = in->gr;
}

/* --coverage, --changes and the roster: all or none, the roster last. */
static void write_outputs(const struct opts *o, const struct inputs *in, const wfm_roster_result *res)
{
	wfm_error err = { 0 };
	wfm_coverage *cv = NULL;
	wfm_atomic *a[3];

	if (o->coverage && !(cv = wfm_roster_cover(in->plan, res, o->reqs, in->zone, &err)))
		wfm_die(prog, &err);
	wfm_cli_outputs(prog, a, (const char *[]){ o->coverage, o->changes, o->output ? o->output : "-" }, 3);
	/* stream errors show at commit, naming the file */
	if (cv)
		wfm_coverage_write(wfm_atomic_fp(a[0]), cv, in->zone);
	if (a[1])
		wfm_roster_changes_write(wfm_atomic_fp(a[1]), res);
	wfm_roster_write(wfm_atomic_fp(a[2]), in->pub ? res->all : res->rows, in->pub ? res->nall : res->n);
	wfm_coverage_free(cv);
	if (wfm_atomic_commit_all(a, 3, &err))
		wfm_die(prog, &err);
}

int main(int argc, char **argv)
{
	struct opts o;
	struct inputs in;
	wfm_error err = { 0 };
	wfm_roster_result *res;
	int64_t first, last;

	wfm_gsl_policy();
	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 8, o.plan, o.staff, o.avail, o.prev, o.reqs, o.published, o.groups, o.prefs);
	/* -o may replace --published in place (the daily cron loop), nothing else */
	wfm_check_outputs(prog, (const char *[]){ o.plan, o.staff, o.avail, o.prev, o.reqs, o.groups,
						  o.prefs }, 7,
			  (const char *[]){ o.coverage, o.changes, o.output, o.exact_out }, 4);
	wfm_check_outputs(prog, &o.published, 1, (const char *[]){ o.coverage, o.changes }, 2);
	load_inputs(&o, &in);
	if (wfm_days_plan_window(&o.days, in.plan, in.pub, &first, &last, &err))
		wfm_usage_fail(prog, "%s", err.msg);
	if (!(res = wfm_roster_repair(in.plan, in.ag, in.prev, in.pub, first, (int)(last - first + 1), &o.ro,
				      &err)))
		wfm_die(prog, &err);
	warn_unknown(res->prev_unknown_file, res->prev_unknown_line, res->prev_unknown_id, in.ag->file,
		     res->nprev_unknown, "roster row", " before the window");
	if (wfm_roster_report(wfm_report(), in.plan, res, in.ag, &o.ro, &err))
		wfm_die(prog, &err);
	if (in.pub)
		wfm_roster_report_changes(wfm_report(), res, !o.changes);
	if (o.exact)
		report_exact(wfm_report(), in.plan, in.ag, in.prev, res, &o);
	if (o.strict && res->nunfilled) {
		wfm_roster_strict_error(res, &err);
		wfm_roster_result_free(res);
		wfm_die(prog, &err);
	}
	write_outputs(&o, &in, res);
	wfm_roster_result_free(res);
	wfm_plan_free(in.plan);
	wfm_plan_free(in.prev);
	wfm_plan_free(in.pub);
	wfm_groups_free(in.gr);
	wfm_agents_free(in.ag);
	wfm_tz_free(in.zone);
	wfm_strlist_free(&in.sk);
	return 0;
}
