/* outbound.c - wfm-outbound: dial plan for outbound campaigns across time zones. */
#include "atomic_write.h"
#include "cli.h"
#include "outbound.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-outbound";

static const char head[] =
	"Usage: wfm outbound CAMPAIGNS.csv --from DATE [options]\n"
	"\n"
	"Dial plan for outbound campaigns whose regions lie in other time zones.\n"
	"CAMPAIGNS.csv: campaign,region,tz,records,deadline,window_start,window_end[,priority]\n"
	"(records to work per region, its IANA zone, the deadline - naive times\n"
	"are in the region's zone - and the local calling window, e.g. 09:00,21:00).\n"
	"No dial falls outside a region's local window (DST included); records are\n"
	"worked earliest deadline first, as soon as possible (regions with the same\n"
	"deadline and priority share agents in proportion to their work).  Without a capacity\n"
	"the plan uses the fewest agents (one level for the horizon) that meet\n"
	"every deadline; with one, records that cannot be worked in time are\n"
	"reported on stderr with the agent-hours that would be needed.\n";

static const char tail[] =
	"output (dialplan): timestamp,campaign,region,dials,connects,agents\n"
	"  per interval (start, in --tz) and region that dials; whole dials, each\n"
	"  as early as the plan's running total reaches it; connects reach an\n"
	"  agent; agents = agent time reserved / interval seconds.\n"
	"\n"
	"Examples:\n"
	"  wfm outbound tests/fixtures/outbound/campaigns.csv --tz Europe/Moscow \\\n"
	"      --from 2026-11-23 --mode predictive --abandon 0.03 -o dialplan.csv\n"
	"  wfm outbound campaigns.csv --from 2026-11-23 --agents 20 -o dialplan.csv\n";

enum { FMT_DIALPLAN, FMT_REQUIREMENTS, FMT_WORK };

struct opts {
	const char *input, *output, *tz, *from, *now, *capacity, *inbound, *rates;
	long days, attempts;
	int interval, format;
	double agents, pool, shrinkage;
	struct wfm_ob_params p;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	struct wfm_ob_params *p = &o->p;
	const struct wfm_opt opts[] = {
		{ "from", 0, WFM_ARG_STR, &o->from, "DATE", .help = "first day of the plan (in --tz), required" },
		{ "days", 0, WFM_ARG_LONG, &o->days, "N", .help = "days to plan (default: through the last "
		  "deadline)", .min = 1, .max = 366 },
		{ "interval", 0, WFM_ARG_CHOICE, &o->interval, NULL, .help = "interval length in minutes",
		  .def = "15", .words = (const char *const[]){ "15", "30", "60", NULL } },
		{ "agents", 0, WFM_ARG_DOUBLE, &o->agents, "N", .help = "agents available for outbound every "
		  "interval", .max = 1e7 },
		{ "capacity", 0, WFM_ARG_STR, &o->capacity, "FILE", .help = "timestamp,agents: agents available "
		  "per interval" },
		{ "inbound", 0, WFM_ARG_STR, &o->inbound, "FILE", .help = "with --pool N: capacity = N - "
		  "agents_gross of a requirements file (summed over its channels): outbound fills the troughs" },
		{ "pool", 0, WFM_ARG_DOUBLE, &o->pool, "N", .help = "agents of the pool --inbound shares",
		  .max = 1e7 },
		{ "rates", 0, WFM_ARG_STR, &o->rates, "FILE", .help = "campaign,hour,rpc[,connect] by local "
		  "hour ('*' = all)" },
		{ "attempts", 0, WFM_ARG_LONG, &o->attempts, "N", .help = "dials per record at most",
		  .def = "3", .min = 1, .max = 50 },
		{ "retry-gap", 0, WFM_ARG_DURATION, &p->retry_gap, "DUR", .help = "time between attempts of a "
		  "record", .def = "2h" },
		{ "talk", 0, WFM_ARG_DOUBLE, &p->talk, "S", .help = "talk seconds per connect", .def = "120",
		  .max = 86400 },
		{ "wrap", 0, WFM_ARG_DOUBLE, &p->wrap, "S", .help = "wrap-up seconds per connect", .def = "30",
		  .max = 86400 },
		{ "ring", 0, WFM_ARG_DOUBLE, &p->ring, "S", .help = "agent seconds per dial waiting for an "
		  "answer", .def = "20", .min = 1, .max = 3600 },
		{ "preview", 0, WFM_ARG_DOUBLE, &p->preview, "S", .help = "agent seconds reading a record in "
		  "preview mode", .def = "20", .max = 3600 },
		{ "mode", 0, WFM_ARG_CHOICE, &p->mode, "M", .help = "preview, progressive or predictive",
		  .def = "progressive", .words = (const char *const[]){ "preview", "progressive", "predictive", NULL } },
		{ "abandon", 0, WFM_ARG_DOUBLE, &p->abandon, "F", .help = "predictive: target abandon rate",
		  .def = "0.03", .max = 0.5 },
		{ "now", 0, WFM_ARG_STR, &o->now, "TIME", .help = "deadlines must be later (default: the plan's "
		  "start)" },
		{ "format", 0, WFM_ARG_CHOICE, &o->format, "F", .help = "dialplan, requirements (DESIGN.md's "
		  "requirements.csv, channel outbound:<campaign>) or work (job,timestamp,agent_hours,max_agents: "
		  "each region's open intervals before its deadline and the agent-hours the plan spends on it, "
		  "for wfm shifts --outbound)", .def = "dialplan",
		  .words = (const char *const[]){ "dialplan", "requirements", "work", NULL } },
		{ "shrinkage", 0, WFM_ARG_DOUBLE, &o->shrinkage, "F", .help = "requirements: agents_gross = "
		  "agents / (1 - F)", .def = "0", .max = 0.95 },
		WFM_OPT_ZONE(&o->tz, "the output and of naive times", ""),
		WFM_OPT_OUTPUT(&o->output),
		{ 0 },
	};
	const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };

	memset(o, 0, sizeof(*o));
	o->agents = o->pool = -1;     /* not given */
	wfm_opts_parse(&cli, argc, argv);
	o->input = wfm_cli_operands(prog, argc, argv, 1, (const char *const[]){ "no campaign file given",
				    "more than one input file" })[0];
	if (!o->from)
		wfm_usage_fail(prog, "--from DATE is required");
	if ((o->agents >= 0) + !!o->capacity + !!o->inbound > 1)
		wfm_usage_fail(prog, "--agents, --capacity and --inbound exclude each other");
	if (!!o->inbound != (o->pool >= 0))
		wfm_usage_fail(prog, "--inbound and --pool go together");
	p->step = (15 << o->interval) * 60;
	p->attempts = (int)o->attempts;
}

/* The report on stderr: totals, then every job that misses its deadline. */
static void report(const wfm_outbound *ob, const struct wfm_ob_jobsum *s,
		   const struct wfm_ob_jobsum *u, const wfm_tz *tz, double need,
		   double peak, int limited, int attempts, double written)
{
	double dials = 0, reached = 0, exh = 0, hours = 0, short_rec = 0, short_h = 0;
	size_t nshort = 0;
	char buf[40];

	for (size_t j = 0; j < ob->njobs; j++) {
		dials += s[j].dialed;
		reached += s[j].reached;
		exh += s[j].exhausted;
		hours += s[j].agent_s / 3600;
	}
	if (written >= 0)       /* the dial plan: what was written, whole dials */
		dials = written;
	fprintf(wfm_report(), "%s: %.0f dials, %.0f right-party contacts, %.0f records given up after "
		"all attempts; %.1f agent-hours, peak %.2f agents\n", prog, dials, reached, exh, hours, peak);
	if (!limited)
		fprintf(wfm_report(), "%s: agents needed: %.2f (fewest for every interval that meet every deadline)\n",
			prog, need);
	else
		fprintf(wfm_report(), "%s: with no limit %.2f agents every interval would meet every deadline\n",
			prog, need);
	for (size_t j = 0; j < ob->njobs; j++) {
		const struct wfm_ob_job *jb = &ob->job[j];
		double left = floor(s[j].left + 0.5), h = fmax(0, u[j].agent_s - s[j].agent_s) / 3600;
		if (left >= 1) {
			wfm_time_format(jb->deadline, tz, buf, sizeof(buf));
			if (floor(u[j].left + 0.5) >= left)
				fprintf(wfm_report(), "%s: shortfall: %s/%s: %.0f of %.0f records cannot be worked by "
					"%s (its calling windows before the deadline are too short for "
					"%d attempts even with unlimited agents)\n",
					prog, jb->campaign, jb->region, left, jb->records, buf, attempts);
			else
				fprintf(wfm_report(), "%s: shortfall: %s/%s: %.0f of %.0f records cannot be worked by "
					"%s; %.2f more agent-hours would be needed\n",
					prog, jb->campaign, jb->region, left, jb->records, buf, h);
			nshort++;
			short_rec += left;
			short_h += h;
		} else if (s[j].open >= 0.5) {
			fprintf(wfm_report(), "%s: note: %s/%s: %.0f records still open at the end of the plan "
				"(deadline later)\n", prog, jb->campaign, jb->region, floor(s[j].open + 0.5));
		}
	}
	if (nshort)
		fprintf(wfm_report(), "%s: shortfall total: %.0f records in %zu region(s); %.2f more agent-hours "
			"would be needed\n", prog, short_rec, nshort, short_h);
	else
		fprintf(wfm_report(), "%s: every deadline met\n", prog);
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz;
	wfm_outbound *ob;
	struct wfm_ob_params p;
	struct wfm_ob_jobsum *u;
	double *cap = NULL, need = 0, peak = 0, written = -1;
	int limited;
	int64_t from, now, end;
	wfm_ob_run *run;
	wfm_atomic *out;

	wfm_gsl_policy();
	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 4, o.input, o.capacity, o.inbound, o.rates);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.capacity, o.inbound, o.rates }, 4,
			  &o.output, 1);
	tz = wfm_cli_tz(prog, o.tz);
	if (wfm_time_parse_date(o.from, &from, &err)) {
		err.code = WFM_EUSAGE;
		wfm_die(prog, &err);
	}
	p = o.p;
	p.start = wfm_time_day_start(from, tz);
	now = p.start;
	if (o.now && wfm_time_parse(o.now, tz, 0, &now, &err) < 0) {
		err.code = WFM_EUSAGE;
		wfm_die(prog, &err);
	}
	if (!(ob = wfm_outbound_load(o.input, now, tz, &err)))
		wfm_die(prog, &err);
	if (o.rates && wfm_outbound_rates(ob, o.rates, &err))
		wfm_die(prog, &err);
	if (!o.days)      /* through the local day of the last deadline */
		o.days = wfm_outbound_days(ob, from, tz);
	end = wfm_time_day_start(from + o.days, tz);
	p.nint = (size_t)((end - p.start) / p.step);
	if (!(u = malloc(ob->njobs * sizeof(*u)))) {
		wfm_error_set(&err, "out of memory");
		wfm_die(prog, &err);
	}
	if (o.capacity)
		cap = wfm_outbound_capacity(o.capacity, "agents", tz, p.start, p.step, p.nint, -1, &err);
	else if (o.inbound)
		cap = wfm_outbound_capacity(o.inbound, "agents_gross", tz, p.start, p.step, p.nint,
					    o.pool, &err);
	else if (o.agents >= 0 && (cap = malloc((p.nint + 1) * sizeof(double))))
		for (size_t i = 0; i < p.nint; i++)
			cap[i] = o.agents;
	else if (o.agents >= 0)
		wfm_error_set(&err, "out of memory");
	if ((o.capacity || o.inbound || o.agents >= 0) && !cap)
		wfm_die(prog, &err);
	limited = cap != NULL;
	if (wfm_outbound_min_agents(ob, &p, &need, u, &err))
		wfm_die(prog, &err);
	if (!cap) {
		if (!(cap = malloc((p.nint + 1) * sizeof(double)))) {
			wfm_error_set(&err, "out of memory");
			wfm_die(prog, &err);
		}
		for (size_t i = 0; i < p.nint; i++)
			cap[i] = need;
	}
	if (!(run = wfm_outbound_run_alloc(ob, &p, cap, &err)))
		wfm_die(prog, &err);
	out = wfm_cli_output(prog, o.output);
	if (o.format == FMT_WORK) {
		peak = wfm_outbound_run_peak(run);
		wfm_outbound_write_work(wfm_atomic_fp(out), ob, &p, wfm_outbound_run_summary(run), tz, now,
					o.shrinkage);
	} else if (o.format == FMT_REQUIREMENTS) {
		if (wfm_outbound_write_requirements(wfm_atomic_fp(out), ob, run, &p, tz, o.shrinkage,
						    &peak, &err)) {
			wfm_atomic_abort(out);
			wfm_die(prog, &err);
		}
	} else {
		if ((written = wfm_outbound_write_dialplan(wfm_atomic_fp(out), ob, run, tz, &peak)) < 0) {
			wfm_atomic_abort(out);
			wfm_error_set(&err, "out of memory");
			wfm_die(prog, &err);
		}
	}
	wfm_cli_commit(prog, out, 0, &err);
	report(ob, wfm_outbound_run_summary(run), u, tz, need, peak, limited, p.attempts, written);
	wfm_outbound_run_free(run);
	free(cap);
	free(u);
	wfm_outbound_free(ob);
	wfm_tz_free(tz);
	return 0;
}
