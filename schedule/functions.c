/* functions.c - wfm-functions: what each agent on shift does each interval. */
#include "agents.h"
#include "atomic_write.h"
#include "cli.h"
#include "functions.h"
#include "plan.h"
#include "strlist.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-functions";

static const char usage[] =
	"Usage: wfm functions ROSTER.csv REQUIREMENTS.csv STAFF.csv --date D [options]\n"
	"       wfm functions ROSTER.csv REQUIREMENTS.csv STAFF.csv --week D [options]\n"
	"\n"
	"Function per agent on shift and interval of a day: one of the requirement\n"
	"channels, upper-cased (any names), BREAK, or IDLE when every channel the\n"
	"agent has a skill for is closed (requirement 0 and no backlog waiting).\n"
	"Real-time channels are covered first (net `agents` of requirements.csv),\n"
	"and every real-time requirement the agents on shift can meet with their\n"
	"skills is met; the rest of the capacity goes to backlog work with the\n"
	"most outstanding load; an agent only gets a skill it has, preferably its\n"
	"primary (first) one, and works at most --max-blocks blocks a day.\n"
	"Shortfall per interval and function: summary on stderr, full table with\n"
	"--shortfall.  Several days (--week, --from/--to) are scheduled one after\n"
	"the other, each on its own (blocks and backlog start afresh), into one file.\n"
	"\n"
	"Options:\n"
	"  --date D               the day to schedule (YYYY-MM-DD); one of --date,\n"
	"                         --week, --from/--to is required\n"
	"  --week D               the 7 days from D\n"
	"  --from D --to E        the days D to E (at most 31)\n"
	"  --step MIN             interval in minutes (15, 30, 60; default: the finest\n"
	"                         the day's shifts and breaks lie on, at most the\n"
	"                         requirements' interval, which it must divide)\n"
	"  --max-blocks N         blocks of one function per agent and day (default 4)\n"
	"  --realtime LIST        real-time channels, comma separated (default: those\n"
	"                         of --channels whose kind is not backlog, else those\n"
	"                         whose requirement rows give an asa_s)\n"
	"  --channels FILE        channels.csv: deadline_h of backlog channels (default 24)\n"
	"                         and, with a kind column, which channels are backlog\n"
	"  --view                 wall schedule: rows agents, columns hours, a letter\n"
	"                         per function, instead of CSV\n"
	"  --shortfall FILE       timestamp,function,required,assigned,shortfall\n"
	"  --tz ZONE              zone of naive timestamps (default $TZ, else UTC)\n"
	"  -o, --output FILE      write FILE atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"output: timestamp,agent_id,name,function (one row per agent on shift and\n"
	"interval).  Real-time shortfall: agents required less assigned; backlog\n"
	"shortfall: agent-hours of work outstanding after the interval.\n"
	"\n"
	"Examples:\n"
	"  wfm functions roster.csv requirements.csv data/staff.csv --date 2026-11-27 -o functions.csv\n"
	"  wfm functions roster.csv requirements.csv data/staff.csv --date 2026-11-27 --view\n";

struct opts {
	const char *roster, *req, *staff, *output, *tz, *shortfall, *realtime, *channels;
	struct wfm_days days;
	int64_t first, last;
	int realtime_set;
	int view, step, max_blocks;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		WFM_OPT_DAYS,
		{ "step", required_argument, NULL, 's' },
		{ "max-blocks", required_argument, NULL, 'b' },
		{ "realtime", required_argument, NULL, 'r' },
		{ "view", no_argument, NULL, 'W' },
		{ "channels", required_argument, NULL, 'c' },
		{ "shortfall", required_argument, NULL, 'f' },
		{ "tz", required_argument, NULL, 'z' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->max_blocks = 4;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		if (wfm_days_opt(&o->days, c, optarg))
			continue;
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'f': o->shortfall = optarg; break;
		case 'r': o->realtime = optarg; o->realtime_set = 1; break;
		case 'c': o->channels = optarg; break;
		case 'W': o->view = 1; break;
		case 'b': o->max_blocks = (int)wfm_arg_long(prog, "--max-blocks", optarg, 1, 96); break;
		case 's':
			o->step = (int)wfm_arg_long(prog, "--step", optarg, 15, 60);
			if (o->step != 15 && o->step != 30 && o->step != 60)
				wfm_usage_fail(prog, "--step: %d is not 15, 30 or 60", o->step);
			break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 3 != argc)
		wfm_usage_fail(prog, "expected ROSTER.csv REQUIREMENTS.csv STAFF.csv");
	if (!wfm_days_range(prog, &o->days, 31, &o->first, &o->last))
		wfm_usage_fail(prog, "--date (or --week, --from/--to) is required");
	o->roster = argv[optind];
	o->req = argv[optind + 1];
	o->staff = argv[optind + 2];
}

/* Everything read: inputs, the options for lib/functions.c. */
struct inputs {
	wfm_tz *tz;
	wfm_requirements *req;
	wfm_agents *ag;
	wfm_plan *roster;
	wfm_strlist rt;
	struct wfm_functions_channels ch;
	const char **known;       /* skill names staff.csv may use */
	struct wfm_functions_opts fo;
};

/* Skills staff.csv may use: the requirement channels, then channels.csv's;
 * --realtime must name requirement channels (a typo would silently make a
 * channel backlog). */
static void known_skills(struct opts *o, struct inputs *in, size_t *nknown)
{
	wfm_requirements *req = in->req;
	wfm_error err = { 0 };
	if (!(in->known = malloc((req->nchan + in->ch.n + 1) * sizeof(*in->known)))) {
		wfm_error_set(&err, "out of memory");
		wfm_die(prog, &err);
	}
	*nknown = 0;
	for (size_t c = 0; c < req->nchan; c++)
		in->known[(*nknown)++] = req->channel[c];
	if (o->realtime_set) {
		char what[300];
		snprintf(what, sizeof(what), "a channel of %s", o->req);
		wfm_arg_words(prog, "--realtime", (const char *const *)in->rt.item, in->rt.n, in->known,
			      req->nchan, what);
	}
	for (size_t c = 0; c < in->ch.n; c++)
		in->known[(*nknown)++] = in->ch.names.item[c];
}

static void load_inputs(struct opts *o, struct inputs *in)
{
	wfm_error err = { 0 };
	size_t nknown;
	memset(in, 0, sizeof(*in));
	if (o->channels) {
		if (wfm_functions_channels_load(o->channels, &in->ch, &err))
			wfm_die(prog, &err);
		if (!o->realtime_set && *in->ch.rt)
			o->realtime = in->ch.rt;
	}
	if (wfm_strlist_split(o->realtime ? o->realtime : "", ',', &in->rt))
		wfm_usage_fail(prog, "out of memory");
	if (!(in->tz = wfm_tz_open(o->tz, &err)))
		wfm_die(prog, &err);
	if (!(in->req = wfm_requirements_load(o->req, in->tz, &err)) ||
	    !wfm_requirements_need(in->req, "agents", &err))
		wfm_die(prog, &err);
	known_skills(o, in, &nknown);
	if (!(in->ag = wfm_agents_load(o->staff, in->known, nknown, &err)))
		wfm_die(prog, &err);
	if (!(in->roster = wfm_roster_load(o->roster, in->tz, &err)))
		wfm_die(prog, &err);
	in->fo.step = o->step * 60;
	in->fo.max_blocks = o->max_blocks;
	in->fo.realtime = o->realtime ? (const char *const *)in->rt.item : NULL;
	in->fo.nrealtime = in->rt.n;
	in->fo.deadline_name = (const char *const *)in->ch.names.item;
	in->fo.deadline_h = in->ch.deadline;
	in->fo.ndeadline = in->ch.n;
}

/* Each day on its own; exits when no agent is on shift on any of them. */
static wfm_functions **plan_days(const struct opts *o, const struct inputs *in, size_t nd)
{
	wfm_error err = { 0 };
	wfm_functions **fs = calloc(nd, sizeof(*fs));
	size_t nag = 0;
	char date[16];
	if (!fs) {
		wfm_error_set(&err, "out of memory");
		wfm_die(prog, &err);
	}
	for (size_t k = 0; k < nd; k++) {
		if (!(fs[k] = wfm_functions_plan(in->roster, in->req, in->ag, o->first + (int64_t)k, in->tz,
						 &in->fo, &err)))
			wfm_die(prog, &err);
		nag += fs[k]->nag;
	}
	wfm_time_format_date(o->first, date, sizeof(date));
	if (!nag) {
		wfm_error_at(&err, o->roster, 0, NULL, "no agent on shift on %s%s", date, nd > 1 ? " or after" : "");
		wfm_die(prog, &err);
	}
	return fs;
}

/* -o (CSV or --view) and --shortfall, committed together. */
static void write_outputs(const struct opts *o, const struct inputs *in, wfm_functions *const *fs, size_t nd)
{
	wfm_error err = { 0 };
	wfm_atomic *out, *sf = NULL;
	char date[16];
	if (o->shortfall) {
		if (!(sf = wfm_atomic_open(o->shortfall, &err)))
			wfm_die(prog, &err);
		wfm_functions_write_shortfall(wfm_atomic_fp(sf), fs, nd, in->tz);
	}
	if (!(out = wfm_atomic_open(o->output, &err))) {
		wfm_atomic_abort(sf);
		wfm_die(prog, &err);
	}
	for (size_t k = 0; k < nd; k++) {   /* a stream error shows at commit */
		wfm_time_format_date(o->first + (int64_t)k, date, sizeof(date));
		if (o->view && fs[k]->nag) {
			if (k)
				fputc('\n', wfm_atomic_fp(out));
			wfm_functions_write_view(wfm_atomic_fp(out), fs[k], in->ag, date);
		} else if (!o->view)
			wfm_functions_write(wfm_atomic_fp(out), fs[k], in->ag, in->tz, k == 0);
	}
	if (wfm_atomic_commit_all((wfm_atomic *[]){ sf, out }, 2, &err))
		wfm_die(prog, &err);
}

int main(int argc, char **argv)
{
	struct opts o;
	struct inputs in;
	wfm_functions **fs;
	size_t nd;
	char date[16];

	wfm_gsl_policy();
	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 4, o.roster, o.req, o.staff, o.channels);
	wfm_check_outputs(prog, (const char *[]){ o.roster, o.req, o.staff, o.channels }, 4,
			  (const char *[]){ o.shortfall, o.output }, 2);
	load_inputs(&o, &in);
	nd = (size_t)(o.last - o.first + 1);
	fs = plan_days(&o, &in, nd);
	write_outputs(&o, &in, fs, nd);
	for (size_t k = 0; k < nd; k++) {
		wfm_time_format_date(o.first + (int64_t)k, date, sizeof(date));
		if (fs[k]->net_zero)
			wfm_warn(prog, "%s: column agents is 0 on %s while agents_gross is not: functions staffs "
				 "the net agents, so every channel is closed and everyone on shift IDLE", o.req, date);
		if (!o.view)
			wfm_functions_report(wfm_report(), fs[k], in.tz, date);
		wfm_functions_free(fs[k]);
	}
	free(fs);
	wfm_plan_free(in.roster);
	wfm_agents_free(in.ag);
	wfm_requirements_free(in.req);
	free(in.known);
	wfm_strlist_free(&in.rt);
	wfm_functions_channels_free(&in.ch);
	wfm_tz_free(in.tz);
	return 0;
}
