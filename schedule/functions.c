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

static const char head[] =
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
	"the other, each on its own (blocks and backlog start afresh), into one file.\n";

static const char tail[] =
	"output: timestamp,agent_id,name,function (one row per agent on shift and\n"
	"interval).  Real-time shortfall: agents required less assigned; backlog\n"
	"shortfall: agent-hours of work outstanding after the interval.\n"
	"\n"
	"Examples:\n"
	"  wfm functions roster.csv requirements.csv data/staff.csv --date 2026-11-27 -o functions.csv\n"
	"  wfm functions roster.csv requirements.csv data/staff.csv --date 2026-11-27 --view\n";

static const char *const steps[] = { "15", "30", "60", NULL };

struct opts {
	const char *roster, *req, *staff, *output, *tz, *shortfall, *realtime, *channels;
	struct wfm_days days;
	int64_t first, last;
	int realtime_set;
	int view, step, max_blocks;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	int step = -1;
	const struct wfm_opt opts[] = {
		{ "days", 0, WFM_ARG_DAYS, &o->days, "schedule", .help = "one of --date, --week, --from/--to "
		  "is required", .max = 31 },
		{ "step", 0, WFM_ARG_CHOICE, &step, NULL, .help = "interval in minutes (default: the finest the "
		  "day's shifts and breaks lie on, at most the requirements' interval, which it must divide)",
		  .words = steps },
		{ "max-blocks", 0, WFM_ARG_INT, &o->max_blocks, "N", .help = "blocks of one function per agent "
		  "and day", .def = "4", .min = 1, .max = 96 },
		{ "realtime", 0, WFM_ARG_STR, &o->realtime, "LIST", .help = "real-time channels, comma separated "
		  "(default: those of --channels whose kind is not backlog, else those whose requirement rows "
		  "give an asa_s)", .given = &o->realtime_set },
		{ "channels", 0, WFM_ARG_STR, &o->channels, "FILE", .help = "channels.csv: deadline_h of backlog "
		  "channels (default 24) and, with a kind column, which channels are backlog" },
		{ "view", 0, WFM_ARG_FLAG, &o->view, .help = "wall schedule: rows agents, columns hours, a letter "
		  "per function, instead of CSV" },
		{ "shortfall", 0, WFM_ARG_STR, &o->shortfall, "FILE", .help = "timestamp,function,required,"
		  "assigned,shortfall" },
		WFM_OPT_TZ(&o->tz),
		WFM_OPT_OUTPUT(&o->output),
		{ 0 },
	};
	const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };

	memset(o, 0, sizeof(*o));
	wfm_opts_parse(&cli, argc, argv);
	if (step >= 0)
		o->step = atoi(steps[step]);
	argv = wfm_cli_operands(prog, argc, argv, 3, (const char *const[]){
		"expected ROSTER.csv REQUIREMENTS.csv STAFF.csv", NULL, NULL, NULL });
	if (!wfm_days_range(prog, &o->days, &o->first, &o->last))
		wfm_usage_fail(prog, "--date (or --week, --from/--to) is required");
	o->roster = argv[0];
	o->req = argv[1];
	o->staff = argv[2];
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
	in->tz = wfm_cli_tz(prog, o->tz);
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
	wfm_atomic *a[2];    /* --shortfall, -o */
	char date[16];

	wfm_cli_outputs(prog, a, (const char *[]){ o->shortfall, o->output ? o->output : "-" }, 2);
	if (a[0])
		wfm_functions_write_shortfall(wfm_atomic_fp(a[0]), fs, nd, in->tz);
	for (size_t k = 0; k < nd; k++) {   /* a stream error shows at commit */
		wfm_time_format_date(o->first + (int64_t)k, date, sizeof(date));
		if (o->view && fs[k]->nag) {
			if (k)
				fputc('\n', wfm_atomic_fp(a[1]));
			wfm_functions_write_view(wfm_atomic_fp(a[1]), fs[k], in->ag, date);
		} else if (!o->view)
			wfm_functions_write(wfm_atomic_fp(a[1]), fs[k], in->ag, in->tz, k == 0);
	}
	if (wfm_atomic_commit_all(a, 2, &err))
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
