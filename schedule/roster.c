/* roster.c - wfm-roster: named agents on the planned shifts of a day or week. */
#include "agents.h"
#include "atomic_write.h"
#include "cli.h"
#include "coverage.h"
#include "functions.h"
#include "groups.h"
#include "plan.h"
#include "roster.h"
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
	"  --tz ZONE              zone of --requirements timestamps (default $TZ,\n"
	"                         else UTC); roster times are wall-clock HH:MM\n"
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

static const char *wd(int64_t day)
{
	static const char *n[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	return n[wfm_time_weekday(day)];
}

struct stat { double min, max, sum, sq; long n; };

static void stat_add(struct stat *s, double v)
{
	if (!s->n || v < s->min)
		s->min = v;
	if (!s->n || v > s->max)
		s->max = v;
	s->sum += v;
	s->sq += v * v;
	s->n++;
}

static void stat_print(FILE *fp, const char *what, const struct stat *s)
{
	double m = s->n ? s->sum / s->n : 0;
	double sd = s->n ? sqrt(fmax(0, s->sq / s->n - m * m)) : 0;
	fprintf(fp, "  %-28s min %.1f  mean %.2f  max %.1f  sd %.2f  (%ld agents)\n",
		what, s->n ? s->min : 0, m, s->n ? s->max : 0, sd, s->n);
}

/* Per ISO week: the weekly limits where they lower a day's target below
 * its best, and why days are below their target (*). */
static void report_weeks(FILE *fp, const wfm_roster_result *r, const struct wfm_roster_opts *ro)
{
	for (size_t i = 0; i < r->nweeks; i++) {
		const struct wfm_roster_week *w = &r->week[i];
		char a[16];
		int d0 = (int)(w->monday - r->first_day), below = 0;
		for (int d = d0; d < d0 + w->ndays; d++)
			below += r->day[d].filled_min < r->day[d].target_min - 0.03 * r->day[d].planned_min;
		if (w->level >= 1 && !below)
			continue;
		wfm_time_format_date(w->monday, a, sizeof(a));
		fprintf(fp, "week of %s (%d day%s):", a, w->ndays, w->ndays == 1 ? "" : "s");
		if (w->level < 1) {
			fprintf(fp, " at most %d days a week and contract + %g h per agent\n"
				"  let no roster give each of", ro->max_days_week, ro->tol_week_h);
			for (int d = d0; d < d0 + w->ndays; d++)
				if (r->day[d].target_min < r->day[d].bound_min)
					fprintf(fp, " %s", wd(r->first_day + d));
			fprintf(fp, " more than %.0f%% of its planned hours\n", 100 * w->level);
		} else
			fprintf(fp, " the weekly limits lower no day's best\n");
		if (w->lp)
			fprintf(fp, "  (a linear program over %d agent classes; ", w->ncls);
		else
			fprintf(fp, "  (the agents' capacity alone: %d agent classes are too many for the\n"
				"  linear program; ", w->ncls);
		fprintf(fp, "the agents' longest fitting shifts\n  on %d days within contract + %g h give "
			"at most %.0f h, the days' best %.0f h)\n", ro->max_days_week, ro->tol_week_h,
			w->cap_min / 60.0, w->best_min / 60.0);
		if (below)
			fprintf(fp, "  %d day%s below the target (*): the heuristic, with %ld of %ld agent-days\n"
				"  worked (%.0f%%)%s\n", below, below == 1 ? "" : "s", w->adays_used, w->adays,
				w->adays ? 100.0 * w->adays_used / w->adays : 100.0,
				w->adays_used * 100 >= w->adays * 95 ?
				": more hours would need longer shifts on those days than the\n"
				"  fill, which takes the worst-covered hours first, chose" : "");
	}
}

static void report(FILE *fp, const wfm_roster_result *r, const wfm_agents *ag,
		   const struct wfm_roster_opts *ro, const double *hreq, const double *hsch)
{
	double fmin = -1, fmax = -1, ph = 0, fh = 0, ub = -1;
	int dmin = 0, dmax = 0, nbelow = 0, nempty = 0, dub = -1;
	char a[16], b[16], x[8], y[8];
	long planned = 0, filled = 0, bound = 0;
	double over_h = 0, need_h = 0, cap_h = 0;
	long within = 0, under = 0, overc = 0;
	struct stat wk = { 0 }, late = { 0 }, hrs[3] = { { 0 } };

	for (int d = 0; d < r->ndays; d++) {
		planned += r->day[d].planned;
		filled += r->day[d].filled;
		bound += r->day[d].bound;
	}
	wfm_time_format_date(r->first_day, a, sizeof(a));
	wfm_time_format_date(r->first_day + r->ndays - 1, b, sizeof(b));
	fprintf(fp, "roster %s .. %s: %zu agents, %ld shifts planned, %ld filled, %ld unfilled\n",
		a, b, ag->n, planned, filled, planned - filled);
	fprintf(fp, "method: days-on pattern balancing the covered share of each day's target\n"
		"hours (two consecutive days off kept), then per day the shift whose hours are\n"
		"least covered first + augmenting paths, then the day least filled against its\n"
		"target first; bounds: per-day maximum weight matching with day-local rules\n"
		"(best), lowered by the weekly limits (target)\n\n");
	fprintf(fp, "date        day  planned  filled  unfilled  bound  planned_h  filled_h  fill  best  target\n");
	for (int d = 0; d < r->ndays; d++) {
		double p = r->day[d].planned_min / 60.0, f = r->day[d].filled_min / 60.0;
		double pc = p > 0 ? 100 * f / p : 100;
		double best = p > 0 ? 100.0 * r->day[d].bound_min / r->day[d].planned_min : 100;
		double tg = p > 0 ? 100.0 * r->day[d].target_min / r->day[d].planned_min : 100;
		wfm_time_format_date(r->first_day + d, a, sizeof(a));
		fprintf(fp, "%s  %s  %7ld  %6ld  %8ld  %5ld  %9.1f  %8.1f", a, wd(r->first_day + d),
			r->day[d].planned, r->day[d].filled, r->day[d].planned - r->day[d].filled,
			r->day[d].bound, p, f);
		if (p <= 0)     /* nothing planned: no share to speak of */
			fprintf(fp, "     -     -       -\n");
		else
			fprintf(fp, "  %3.0f%%  %3.0f%%  %5.0f%%%s\n", pc, best, tg, pc < tg - 3 ? " *" : "");
		nempty += p <= 0;
		nbelow += pc < tg - 3;
		ph += p;
		fh += f;
		if (p <= 0)
			continue;
		if (fmin < 0 || pc < fmin) {
			fmin = pc;
			dmin = d;
		}
		if (fmax < 0 || pc > fmax) {
			fmax = pc;
			dmax = d;
		}
		if (ub < 0 || tg < ub) {
			ub = tg;
			dub = d;
		}
	}
	fprintf(fp, "total            %7ld  %6ld  %8ld  %5ld  %9.1f  %8.1f  %3.0f%%  (filled/bound %.1f%%)\n",
		planned, filled, planned - filled, bound, ph, fh, ph > 0 ? 100 * fh / ph : 100,
		bound ? 100.0 * filled / bound : 100.0);
	if (nempty)
		fprintf(fp, "%d day%s with nothing planned (shares shown as -): is the plan's span the "
			"roster's?\n", nempty, nempty == 1 ? "" : "s");
	wfm_time_format_date(r->first_day + dmin, a, sizeof(a));
	wfm_time_format_date(r->first_day + dmax, b, sizeof(b));
	fprintf(fp, "filled share of planned hours: min %.0f%% (%s %s), max %.0f%% (%s %s)\n",
		fmin, a, wd(r->first_day + dmin), fmax, b, wd(r->first_day + dmax));
	fprintf(fp, "best: the most of the day's planned hours any roster could fill under the\n"
		"day-local rules (availability, window, length, skills; a maximum weight\n"
		"matching of agents and the day's shifts); target: best, lowered where the\n"
		"weekly limits cannot give every day of the ISO week its best (max-min);\n"
		"%d day%s more than 3 points below the target (*)\n",
		nbelow, nbelow == 1 ? "" : "s");
	report_weeks(fp, r, ro);
	if (dub >= 0) {
		wfm_time_format_date(r->first_day + dub, a, sizeof(a));
		fprintf(fp, "bound on the worst day's share: %.0f%% (%s %s: %s)\n", ub, a, wd(r->first_day + dub),
			r->day[dub].target_min < r->day[dub].bound_min ? "the weekly limits" :
			"its available agents, day-local rules");
	}
	if (filled < planned) {
		fprintf(fp, "\nuncovered share of the planned people on shift, by hour (0-9 tenths,\n"
			"# all, . none, blank nothing planned):\n            day  00    04    08    12    16    20\n");
		for (int d = 0; d < r->ndays; d++) {
			char strip[25];
			int worst = -1;
			double ws = 0;
			for (int h = 0; h < 24; h++) {
				double q = hreq[d * 24 + h], u = q - hsch[d * 24 + h];
				double sh = q > 1e-9 ? (u > 0 ? u : 0) / q : 0;
				strip[h] = q <= 1e-9 ? ' ' : sh < 0.05 ? '.' : sh >= 0.95 ? '#' : (char)('0' + (int)lround(sh * 10));
				if (q > 1e-9 && sh > ws + 1e-9) {
					ws = sh;
					worst = h;
				}
			}
			strip[24] = 0;
			wfm_time_format_date(r->first_day + d, a, sizeof(a));
			if (worst >= 0)
				fprintf(fp, "%s  %s  %s  worst %02d:00 %.0f%% short\n", a, wd(r->first_day + d), strip, worst, 100 * ws);
			else
				fprintf(fp, "%s  %s  %s\n", a, wd(r->first_day + d), strip);
		}
	}
	if (r->nunfilled) {
		fprintf(fp, "\nunfilled shifts (overtime needed):\n");
		for (size_t i = 0; i < r->nunfilled; i++) {
			const struct wfm_shift *s = &r->unfilled[i];
			double h = s->count * wfm_shift_paid(s) / 60.0;
			wfm_time_format_date(s->day, a, sizeof(a));
			wfm_plan_hhmm(s->start, x);
			wfm_plan_hhmm(s->end, y);
			char b1[8] = "", b2[8] = "", brk[24] = "";
			if (s->bstart >= 0) {
				wfm_plan_hhmm(s->bstart, b1);
				wfm_plan_hhmm(s->bend, b2);
				snprintf(brk, sizeof(brk), "break %s-%s", b1, b2);
			}
			fprintf(fp, "  %s %s %s-%s %-10s %-17s x%-3ld %6.1f h%s%s%s%s\n", a, wd(s->day), x, y, s->name,
				brk, s->count, h, s->group && *s->group ? "  group " : "",
				s->group ? s->group : "", *r->unfilled_why[i] ? "  " : "", r->unfilled_why[i]);
			over_h += h;
		}
		fprintf(fp, "overtime needed: %ld shifts, %.1f paid hours\n", planned - filled, over_h);
	} else
		fprintf(fp, "\nall shifts filled, no overtime needed\n");

	/* hours vs contract */
	{
		double weeks = r->full_weeks && r->full_weeks * 7 == r->ndays ? r->full_weeks : r->ndays / 7.0;
		int full = r->full_weeks * 7 == r->ndays;
		if (full)
			fprintf(fp, "\nhours vs contract (%d ISO week%s, contract -/+ %.0f h a week):\n",
				r->full_weeks, r->full_weeks > 1 ? "s" : "", ro->tol_week_h);
		else
			fprintf(fp, "\nhours vs contract (%d days, pro rata, -/+ 25%%):\n", r->ndays);
		for (size_t i = 0; i < ag->n; i++) {
			double h = r->paid_min[i] / 60.0, t = ag->a[i].contract_h * weeks;
			double tol = full ? ro->tol_week_h * weeks : 0.25 * t;
			int c = ag->a[i].contract_h >= 40 ? 0 : ag->a[i].contract_h >= 30 ? 1 : 2;
			stat_add(&hrs[c], h);
			cap_h += full ? (ag->a[i].contract_h + ro->tol_week_h) * weeks : 1.25 * t;
			if (h < t - tol - 1e-9)
				under++;
			else if (h > t + tol + 1e-9)
				overc++;
			else
				within++;
		}
		for (int c = 0; c < 3; c++)
			if (hrs[c].n) {
				char w[64];
				snprintf(w, sizeof(w), "paid h, contract %s h", c == 0 ? ">=40" : c == 1 ? "30-39" : "<30");
				stat_print(fp, w, &hrs[c]);
			}
		fprintf(fp, "  within tolerance %ld, under %ld, over %ld agents\n", within, under, overc);
		{
			int shown = 0;
			for (size_t i = 0; i < ag->n && shown < 12; i++) {
				double h = r->paid_min[i] / 60.0, t = ag->a[i].contract_h * weeks;
				double tol = full ? ro->tol_week_h * weeks : 0.25 * t;
				if (h >= t - tol - 1e-9)
					continue;
				fprintf(fp, "%s %s %.1f/%.0f", shown ? "," : "  under:", ag->a[i].id, h, t);
				shown++;
			}
			if (shown)
				fprintf(fp, "%s\n", under > shown ? ", ..." : "");
		}
		for (size_t i = 0; i < r->n; i++)
			need_h += wfm_shift_paid(&r->rows[i]) / 60.0;
		fprintf(fp, "  capacity bound: staff can give at most %.0f paid h, plan needs %.0f h "
			"(filled %.0f h, unfilled %.0f h)\n", cap_h, need_h + over_h, need_h, over_h);
	}
	for (size_t i = 0; i < ag->n; i++) {
		if (!r->days[i])
			continue;
		stat_add(&wk, (double)r->weekends[i]);
		stat_add(&late, (double)r->lates[i]);
	}
	if (r->soft_weeks) {
		fprintf(fp, "\nweekly patterns (%ld agent-weeks, ISO weeks wholly in the window):\n", r->soft_weeks);
		fprintf(fp, "  two consecutive days off     %ld of %ld weeks that could have them (%.0f%%; "
			"%ld weeks with 2+ days off)\n", r->soft_off2_consec, r->soft_off2_could,
			r->soft_off2_could ? 100.0 * r->soft_off2_consec / r->soft_off2_could : 100.0,
			r->soft_off2);
		fprintf(fp, "  starts within an hour        %ld of %ld weeks with 2+ shifts (%.0f%%), "
			"mean spread %.1f h\n", r->soft_stable, r->soft_multi,
			r->soft_multi ? 100.0 * r->soft_stable / r->soft_multi : 100.0,
			r->soft_multi ? r->soft_spread_min / 60 / r->soft_multi : 0.0);
		fprintf(fp, "  whole weekend off            %ld of %ld weeks (%.0f%%)\n", r->soft_weekend_off,
			r->soft_weeks, 100.0 * r->soft_weekend_off / r->soft_weeks);
	}
	if (r->pref_want + r->pref_avoid)
		fprintf(fp, "\npreferences (per day they concern): wanted %ld of %ld met, avoided %ld of %ld kept\n",
			r->pref_want_ok, r->pref_want, r->pref_avoid_ok, r->pref_avoid);
	fprintf(fp, "\nfairness (agents with shifts):\n");
	stat_print(fp, "weekend days per agent", &wk);
	stat_print(fp, "late shifts per agent", &late);
	{
		struct stat all = { 0 };
		long any = 0;
		for (size_t i = 0; i < ag->n; i++)
			any += r->weekends_prev[i];
		for (size_t i = 0; any && i < ag->n; i++)
			stat_add(&all, (double)(r->weekends[i] + r->weekends_prev[i]));
		if (any)
			stat_print(fp, "weekend days, with previous", &all);
	}
}

static int has_skill(const char *list, const char *skill)
{
	size_t n = strlen(skill);
	for (const char *p = list; p && *p;) {
		size_t len = strcspn(p, "|");
		if (len == n && !strncasecmp(p, skill, n))
			return 1;
		p += len + (p[len] == '|');
	}
	return 0;
}

static void share_line(FILE *fp, const struct wfm_roster_share *g)
{
	fprintf(fp, "  %-24s %7ld  %6ld  %9.1f  %8.1f  %3.0f%%\n", g->name, g->planned, g->filled,
		g->planned_min / 60.0, g->filled_min / 60.0,
		g->planned_min ? 100.0 * g->filled_min / g->planned_min : 100.0);
}

/* Plan by skill groups: shares per group and per channel, then per
 * channel the unfilled shifts of the groups holding it. */
static void report_groups(FILE *fp, const wfm_roster_result *r)
{
	char a[16], x[8], y[8];
	fprintf(fp, "\nby skill group (agents whose skills cover the group's; fewest extra skills first):\n"
		"  group                    planned  filled  planned_h  filled_h  fill\n");
	for (size_t i = 0; i < r->ngroup; i++)
		share_line(fp, &r->group[i]);
	fprintf(fp, "by channel (shifts of every group holding it):\n"
		"  channel                  planned  filled  planned_h  filled_h  fill\n");
	for (size_t i = 0; i < r->nchan; i++)
		share_line(fp, &r->chan[i]);
	for (size_t c = 0; c < r->nchan; c++) {
		long n = 0;
		for (size_t i = 0; i < r->nunfilled; i++) {
			const struct wfm_shift *s = &r->unfilled[i];
			if (!has_skill(r->unfilled_need[i], r->chan[c].name))
				continue;
			if (!n++)
				fprintf(fp, "unfilled for %s:\n", r->chan[c].name);
			wfm_time_format_date(s->day, a, sizeof(a));
			wfm_plan_hhmm(s->start, x);
			wfm_plan_hhmm(s->end, y);
			fprintf(fp, "  %s %s %s-%s %-16s x%ld\n", a, wd(s->day), x, y, s->group, s->count);
		}
		if (!n)
			fprintf(fp, "unfilled for %s: none\n", r->chan[c].name);
	}
}

/* --exact: the integer program's bound and best roster vs the heuristic. */
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
	fprintf(fp, "\nexact assignment (%zu agent classes, %zu week patterns, %d pricing rounds%s, %ld simplex "
		"iterations, %.1f s%s):\n", x.classes, x.cols, x.rounds, x.converged ? "" : " (limit)", x.iterations,
		x.seconds, x.time_hit ? ", safety time limit hit" : "");
	fprintf(fp, "  objective: most filled paid hours under the hard rules; bound: LP relaxation of the\n"
		"  week-pattern model%s\n", x.converged ? "" : " (Lagrangian, pricing stopped by its limit)");
	if (x.status == 0)   /* proven: the best found reaches the bound */
		fprintf(fp, "  filled paid hours: heuristic %.1f, optimum %.1f (bound %.1f)\n"
			"  heuristic gap to the optimum %.2f%%\n", x.heuristic_h, x.best_h, x.bound_h,
			x.best_h > 0 ? 100 * (x.best_h - x.heuristic_h) / x.best_h : 0.0);
	else
		fprintf(fp, "  filled paid hours: heuristic %.1f, best found %.1f, bound %.1f\n"
			"  heuristic gap: at most %.2f%% (to the bound), %.2f%% to the best found\n",
			x.heuristic_h, x.best_h, x.bound_h,
			x.bound_h > 0 ? 100 * (x.bound_h - x.heuristic_h) / x.bound_h : 0.0,
			x.best_h > 0 ? 100 * (x.best_h - x.heuristic_h) / x.best_h : 0.0);
	if (!x.heuristic_feasible)
		fprintf(fp, "  (the model rejected the heuristic's roster)\n");
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

/* "changed N of M rows", then each change when list is set. */
static void report_changes(FILE *fp, const wfm_roster_result *r, int list)
{
	fprintf(fp, "\nchanged %zu of %zu rows of the published roster\n", r->nchanges, r->npublished);
	for (size_t i = 0; list && i < r->nchanges; i++) {
		const struct wfm_roster_change *c = &r->changes[i];
		char d[16], o[8] = "-", o2[8] = "", n[8] = "-", n2[8] = "";
		wfm_time_format_date(c->day, d, sizeof(d));
		if (c->old) {
			wfm_plan_hhmm(c->old->start, o);
			wfm_plan_hhmm(c->old->end, o2);
		}
		if (c->new) {
			wfm_plan_hhmm(c->new->start, n);
			wfm_plan_hhmm(c->new->end, n2);
		}
		fprintf(fp, "  %s %s %-8s %5s%s%-5s -> %5s%s%-5s  %s\n", d, wd(c->day), c->agent, o,
			c->old ? "-" : "", o2, n, c->new ? "-" : "", n2, c->why);
	}
}

/* Written, not yet committed: main commits it with the roster. */
static wfm_atomic *write_changes(const char *path, const wfm_roster_result *r, wfm_error *err)
{
	wfm_atomic *out = wfm_atomic_open(path, err);
	if (out)
		wfm_roster_changes_write(wfm_atomic_fp(out), r);   /* stream errors show at commit */
	return out;
}

/* --coverage: required (plan or requirements agents_gross) vs rostered
 * people on shift per interval. */
/* Written into *outp, not yet committed: main commits it with the roster. */
static int write_coverage(const struct opts *o, const wfm_plan *plan, const wfm_roster_result *res,
			  int64_t first, wfm_atomic **outp, wfm_error *err)
{
	wfm_tz *tz = NULL;
	wfm_requirements *rq = NULL;
	wfm_atomic *out = NULL;
	wfm_coverage *cv = NULL;
	double *req = NULL, *sch = NULL;
	int step = 60, rc = -1;
	size_t nint;

	if (!(tz = wfm_tz_open(o->tz, err)))
		goto done;
	if (o->reqs) {
		if (!(rq = wfm_requirements_load(o->reqs, tz, err)) ||
		    !wfm_requirements_need(rq, "agents_gross", err))
			goto done;
		if (rq->step % 60 || 1440 % (rq->step / 60)) {
			wfm_error_at(err, rq->file, 0, "timestamp", "interval of %d s does not divide a day", rq->step);
			goto done;
		}
		step = rq->step / 60;
	} else
		for (size_t i = 0; i < plan->n; i++) {
			const struct wfm_shift *s = &plan->s[i];
			if (s->day < first || s->day >= first + res->ndays || !s->count)
				continue;
			step = wfm_time_gcd(wfm_time_gcd(step, s->start), s->end);
			if (s->bstart >= 0)
				step = wfm_time_gcd(wfm_time_gcd(step, s->bstart), s->bend);
		}
	nint = (size_t)res->ndays * (size_t)(1440 / step);
	req = malloc((nint + 1) * sizeof(double));
	sch = malloc((nint + 1) * sizeof(double));
	if (!req || !sch) {
		wfm_error_set(err, "out of memory");
		goto done;
	}
	wfm_roster_coverage(rq ? NULL : plan, res->rows, res->n, first, res->ndays, step, req, sch);
	if (!(cv = wfm_coverage_new(0, 0))) {
		wfm_error_set(err, "out of memory");
		goto done;
	}
	cv->two_decimals = 1;
	/* one row per instant: both hours of a DST fall-back (issue 22.13) */
	if (wfm_coverage_add_days(cv, tz, first, res->ndays, step, rq ? NULL : req, sch, rq, err))
		goto done;
	if (!(out = wfm_atomic_open(o->coverage, err)))
		goto done;
	wfm_coverage_write(wfm_atomic_fp(out), cv, tz);   /* a stream error shows at commit */
	*outp = out;
	rc = 0;
done:
	wfm_coverage_free(cv);
	free(req);
	free(sch);
	wfm_requirements_free(rq);
	wfm_tz_free(tz);
	return rc;
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
	wfm_tz_free(zone);
	if (o.skills) {
		if (wfm_strlist_split(o.skills, ',', &sk) || !sk.n)
			wfm_usage_fail(prog, "--skills: empty list");
		known = (const char *const *)sk.item;
		nknown = sk.n;
	}
	if (!(plan = wfm_plan_load(o.plan, &err)))
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
	if (o.prev && !(prev = wfm_roster_load(o.prev, &err)))
		wfm_die(prog, &err);
	if (o.published && !(pub = wfm_roster_load(o.published, &err)))
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
	{
		size_t nh = (size_t)res->ndays * 24;
		double *hreq = malloc((nh + 1) * sizeof(double)), *hsch = malloc((nh + 1) * sizeof(double));
		if (!hreq || !hsch) {
			wfm_error_set(&err, "out of memory");
			wfm_die(prog, &err);
		}
		wfm_roster_coverage(plan, res->rows, res->n, first, res->ndays, 60, hreq, hsch);
		report(wfm_report(), res, ag, &o.ro, hreq, hsch);
		if (res->ngroup)
			report_groups(wfm_report(), res);
		if (pub)
			report_changes(wfm_report(), res, !o.changes);
		if (o.exact)
			report_exact(wfm_report(), plan, ag, prev, res, &o);
		free(hreq);
		free(hsch);
	}
	if (o.strict && res->nunfilled) {
		const struct wfm_shift *u = &res->unfilled[0];
		char d1[16], h1[8], h2[8];
		long nu = 0;
		for (size_t i = 0; i < res->nunfilled; i++)
			nu += res->unfilled[i].count;
		wfm_time_format_date(u->day, d1, sizeof(d1));
		wfm_plan_hhmm(u->start, h1);
		wfm_plan_hhmm(u->end, h2);
		wfm_error_set(&err, "infeasible: %ld shift%s unfilled in %zu plan row%s, the first %s %s %s-%s %s x%ld%s%s",
			      nu, nu == 1 ? "" : "s", res->nunfilled, res->nunfilled == 1 ? "" : "s", d1, wd(u->day), h1, h2,
			      u->name, u->count, u->group && *u->group ? " group " : "", u->group ? u->group : "");
		wfm_roster_result_free(res);
		wfm_die(prog, &err);
	}
	if (o.coverage && write_coverage(&o, plan, res, first, &cov, &err))
		wfm_die(prog, &err);
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
	wfm_strlist_free(&sk);
	return 0;
}
