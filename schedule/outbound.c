/* outbound.c - wfm-outbound: dial plan for outbound campaigns across time zones. */
#include "atomic_write.h"
#include "cli.h"
#include "csv.h"
#include "outbound.h"
#include "requirements.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-outbound";

static const char usage[] =
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
	"reported on stderr with the agent-hours that would be needed.\n"
	"\n"
	"Options:\n"
	"  --from DATE            first day of the plan (in --tz), required\n"
	"  --days N               days to plan (default: through the last deadline)\n"
	"  --interval 15|30|60    interval length in minutes (default 15)\n"
	"  --agents N             agents available for outbound every interval\n"
	"  --capacity FILE        timestamp,agents: agents available per interval\n"
	"  --inbound FILE --pool N  capacity = N - agents_gross of a requirements file\n"
	"                         (summed over its channels): outbound fills the troughs\n"
	"  --rates FILE           campaign,hour,rpc[,connect] by local hour ('*' = all)\n"
	"  --attempts N           dials per record at most (default 3)\n"
	"  --retry-gap DUR        time between attempts of a record (default 2h)\n"
	"  --talk S --wrap S      talk and wrap-up seconds per connect (120, 30)\n"
	"  --ring S               agent seconds per dial waiting for an answer (20)\n"
	"  --preview S            agent seconds reading a record in preview mode (20)\n"
	"  --mode M               preview, progressive (default) or predictive\n"
	"  --abandon F            predictive: target abandon rate (default 0.03)\n"
	"  --now TIME             deadlines must be later (default: the plan's start)\n"
	"  --format F             dialplan (default), requirements (DESIGN.md's\n"
	"                         requirements.csv, channel outbound:<campaign>) or\n"
	"                         work (job,timestamp,agent_hours,max_agents: each\n"
	"                         region's open intervals before its deadline and\n"
	"                         the agent-hours the plan spends on it, for\n"
	"                         wfm shifts --outbound)\n"
	"  --shrinkage F          requirements: agents_gross = agents / (1 - F) (0)\n"
	"  --tz ZONE              zone of the output and of naive times (default $TZ, else UTC)\n"
	"  -o, --output FILE      write FILE atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"output (dialplan): timestamp,campaign,region,dials,connects,agents\n"
	"  per interval (start, in --tz) and region that dials; whole dials, each\n"
	"  as early as the plan's running total reaches it; connects reach an\n"
	"  agent; agents = agent time reserved / interval seconds.\n"
	"\n"
	"Examples:\n"
	"  wfm outbound tests/fixtures/outbound/campaigns.csv --tz Europe/Moscow \\\n"
	"      --from 2026-11-23 --mode predictive --abandon 0.03 -o dialplan.csv\n"
	"  wfm outbound campaigns.csv --from 2026-11-23 --agents 20 -o dialplan.csv\n";

struct opts {
	const char *input, *output, *tz, *from, *now, *capacity, *inbound, *rates;
	long days, interval, attempts;
	double agents, pool, talk, wrap, ring, preview, abandon, shrinkage;
	int64_t retry_gap;
	enum wfm_ob_mode mode;
	int requirements, work;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		{ "from", required_argument, NULL, 'F' },
		{ "days", required_argument, NULL, 'd' },
		{ "interval", required_argument, NULL, 'i' },
		{ "agents", required_argument, NULL, 'a' },
		{ "capacity", required_argument, NULL, 'c' },
		{ "inbound", required_argument, NULL, 'I' },
		{ "pool", required_argument, NULL, 'P' },
		{ "rates", required_argument, NULL, 'r' },
		{ "attempts", required_argument, NULL, 'A' },
		{ "retry-gap", required_argument, NULL, 'g' },
		{ "talk", required_argument, NULL, 't' },
		{ "wrap", required_argument, NULL, 'w' },
		{ "ring", required_argument, NULL, 'R' },
		{ "preview", required_argument, NULL, 'p' },
		{ "mode", required_argument, NULL, 'm' },
		{ "abandon", required_argument, NULL, 'b' },
		{ "now", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ "shrinkage", required_argument, NULL, 's' },
		{ "tz", required_argument, NULL, 'z' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->interval = 15;
	o->agents = o->pool = -1;
	o->attempts = 3;
	o->retry_gap = 7200;
	o->talk = 120;
	o->wrap = 30;
	o->ring = 20;
	o->preview = 20;
	o->abandon = 0.03;
	o->mode = WFM_OB_PROGRESSIVE;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'F': o->from = optarg; break;
		case 'n': o->now = optarg; break;
		case 'c': o->capacity = optarg; break;
		case 'I': o->inbound = optarg; break;
		case 'r': o->rates = optarg; break;
		case 'd': o->days = wfm_arg_long(prog, "--days", optarg, 1, 366); break;
		case 'i':
			o->interval = wfm_arg_long(prog, "--interval", optarg, 15, 60);
			if (o->interval != 15 && o->interval != 30 && o->interval != 60)
				wfm_usage_fail(prog, "--interval: \"%s\" is not 15, 30 or 60", optarg);
			break;
		case 'a': o->agents = wfm_arg_double(prog, "--agents", optarg, 0, 1e7); break;
		case 'P': o->pool = wfm_arg_double(prog, "--pool", optarg, 0, 1e7); break;
		case 'A': o->attempts = wfm_arg_long(prog, "--attempts", optarg, 1, 50); break;
		case 'g': o->retry_gap = wfm_arg_duration(prog, "--retry-gap", optarg); break;
		case 't': o->talk = wfm_arg_double(prog, "--talk", optarg, 0, 86400); break;
		case 'w': o->wrap = wfm_arg_double(prog, "--wrap", optarg, 0, 86400); break;
		case 'R': o->ring = wfm_arg_double(prog, "--ring", optarg, 1, 3600); break;
		case 'p': o->preview = wfm_arg_double(prog, "--preview", optarg, 0, 3600); break;
		case 'b': o->abandon = wfm_arg_double(prog, "--abandon", optarg, 0, 0.5); break;
		case 's': o->shrinkage = wfm_arg_double(prog, "--shrinkage", optarg, 0, 0.95); break;
		case 'm':
			o->mode = wfm_arg_choice(prog, "--mode", optarg, (const char *const[]){
				"preview", "progressive", "predictive", NULL });
			break;
		case 'f':
			switch (wfm_arg_choice(prog, "--format", optarg, (const char *const[]){
					"dialplan", "requirements", "work", NULL })) {
			case 1: o->requirements = 1; break;
			case 2: o->work = 1; break;
			}
			break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 1 != argc)
		wfm_usage_fail(prog, optind == argc ? "no campaign file given" : "more than one input file");
	o->input = argv[optind];
	if (!o->from)
		wfm_usage_fail(prog, "--from DATE is required");
	if ((o->agents >= 0) + !!o->capacity + !!o->inbound > 1)
		wfm_usage_fail(prog, "--agents, --capacity and --inbound exclude each other");
	if (!!o->inbound != (o->pool >= 0))
		wfm_usage_fail(prog, "--inbound and --pool go together");
}

/* The planner's dials are fluid (0.01 of a dial in an interval when work
 * is spread over months); the plan lists whole dials: a job dials in an
 * interval as soon as its running fluid total reaches the next whole dial
 * (earliest first), so every dial is written and a job's total is its
 * fluid total rounded up.  connects scale with the dials; agents stay the
 * plan's reservation for the job in the interval, so a capacity holds.
 * Returns the dials written. */
static double write_dialplan(FILE *fp, const wfm_outbound *ob, wfm_ob_run *run, const wfm_tz *tz,
			     double *peak)
{
	const struct wfm_ob_row *rows;
	size_t n;
	int64_t t;
	char ts[40];
	double *cum = calloc(ob->njobs + 1, sizeof(double)), *done = calloc(ob->njobs + 1, sizeof(double));
	double written = 0;

	fputs("timestamp,campaign,region,dials,connects,agents\n", fp);
	while (cum && done && wfm_outbound_run_step(run, &t, &rows, &n)) {
		double tot = 0;
		wfm_time_format(t, tz, ts, sizeof(ts));
		for (size_t k = 0; k < n; k++) {
			size_t jj = rows[k].job;
			const struct wfm_ob_job *j = &ob->job[jj];
			double d = rows[k].dials, whole;
			tot += rows[k].agents;
			cum[jj] += d;
			whole = ceil(cum[jj] - 1e-6) - done[jj];
			if (d <= 0 || whole < 1)
				continue;
			done[jj] += whole;
			written += whole;
			fputs(ts, fp);
			wfm_csv_write_field(fp, j->campaign, 0);
			wfm_csv_write_field(fp, j->region, 0);
			fprintf(fp, ",%.0f,%.1f,%.2f\n", whole, rows[k].connects * whole / d, rows[k].agents);
		}
		if (tot > *peak)
			*peak = tot;
	}
	if (!cum || !done)
		written = -1;
	free(cum);
	free(done);
	return written;
}

static int write_requirements(FILE *fp, const wfm_outbound *ob, wfm_ob_run *run,
			      const wfm_tz *tz, const struct opts *o, double *peak,
			      wfm_error *err)
{
	const struct wfm_ob_row *rows;
	size_t n;
	int64_t t;
	char ch[512];
	double *conn = malloc(ob->ncamp * sizeof(double)), *ag = malloc(ob->ncamp * sizeof(double));
	double step = (double)o->interval * 60, hold = o->talk + o->wrap;

	if (!conn || !ag) {
		free(conn);
		free(ag);
		return wfm_error_set(err, "out of memory");
	}
	wfm_requirements_write_header(fp, &wfm_requirements_outbound_format);
	while (wfm_outbound_run_step(run, &t, &rows, &n)) {
		double tot = 0;
		memset(conn, 0, ob->ncamp * sizeof(double));
		memset(ag, 0, ob->ncamp * sizeof(double));
		for (size_t k = 0; k < n; k++) {
			conn[ob->job[rows[k].job].camp] += rows[k].connects;
			ag[ob->job[rows[k].job].camp] += rows[k].agents;
			tot += rows[k].agents;
		}
		if (tot > *peak)
			*peak = tot;
		for (size_t c = 0; c < ob->ncamp; c++) {
			struct wfm_requirements_row row = {
				t, ch, conn[c], hold, ag[c], ag[c] / (1 - o->shrinkage), 1, 0,
				ag[c] > 0 ? conn[c] * hold / (ag[c] * step) : 0, NAN, NAN,
			};
			snprintf(ch, sizeof(ch), "outbound:%s", ob->campaign[c]);
			wfm_requirements_write_row(fp, &wfm_requirements_outbound_format, tz, &row);
		}
	}
	free(conn);
	free(ag);
	return 0;
}

/* Flexible work for wfm shifts --outbound: per job (campaign/region) the
 * intervals it may dial in (window open, ending by the deadline) and the
 * agent-hours the plan spends on it (at the level found, or with the
 * capacity given: in predictive mode the agent time per dial depends on
 * the pool), grossed up for shrinkage. */
static void write_work(FILE *fp, const wfm_outbound *ob, const struct wfm_ob_params *p,
		       const struct wfm_ob_jobsum *u, const wfm_tz *tz, int64_t now,
		       double shrinkage)
{
	char ts[40], name[512];

	fputs("job,timestamp,agent_hours,max_agents\n", fp);
	for (size_t j = 0; j < ob->njobs; j++) {
		const struct wfm_ob_job *jb = &ob->job[j];
		double h = u[j].agent_s / 3600 / (1 - shrinkage);
		if (h < 0.005)
			continue;
		snprintf(name, sizeof(name), "%s/%s", jb->campaign, jb->region);
		for (size_t i = 0; i < p->nint; i++) {
			int64_t t = p->start + (int64_t)i * p->step;
			if (t < now || t + p->step > jb->deadline || !wfm_outbound_open(ob, j, t, p->step))
				continue;
			wfm_csv_write_field(fp, name, 1);
			wfm_time_format(t, tz, ts, sizeof(ts));
			fprintf(fp, ",%s,%.2f,\n", ts, h);
		}
	}
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
	if (!(tz = wfm_tz_open(o.tz, &err)))
		wfm_die(prog, &err);
	if (wfm_time_parse_date(o.from, &from, &err)) {
		err.code = WFM_EUSAGE;
		wfm_die(prog, &err);
	}
	memset(&p, 0, sizeof(p));
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
	if (!o.days) {      /* through the local day of the last deadline */
		struct wfm_tm tm;
		int64_t last = ob->job[0].deadline;
		for (size_t j = 1; j < ob->njobs; j++)
			if (ob->job[j].deadline > last)
				last = ob->job[j].deadline;
		wfm_time_local(last - 1, tz, &tm);
		o.days = tm.days - from + 1;
		if (o.days < 1)
			o.days = 1;
		if (o.days > 366)
			o.days = 366;
	}
	end = wfm_time_day_start(from + o.days, tz);
	p.step = (int)o.interval * 60;
	p.nint = (size_t)((end - p.start) / p.step);
	p.attempts = (int)o.attempts;
	p.retry_gap = o.retry_gap;
	p.talk = o.talk;
	p.wrap = o.wrap;
	p.ring = o.ring;
	p.preview = o.preview;
	p.mode = o.mode;
	p.abandon = o.abandon;
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
	if (!(out = wfm_atomic_open(o.output, &err)))
		wfm_die(prog, &err);
	if (o.work) {
		const struct wfm_ob_row *rows;
		size_t n;
		int64_t t;
		while (wfm_outbound_run_step(run, &t, &rows, &n)) {
			double tot = 0;
			for (size_t k = 0; k < n; k++)
				tot += rows[k].agents;
			if (tot > peak)
				peak = tot;
		}
		write_work(wfm_atomic_fp(out), ob, &p, wfm_outbound_run_summary(run), tz, now,
			   o.shrinkage);
	} else if (o.requirements) {
		if (write_requirements(wfm_atomic_fp(out), ob, run, tz, &o, &peak, &err)) {
			wfm_atomic_abort(out);
			wfm_die(prog, &err);
		}
	} else {
		if ((written = write_dialplan(wfm_atomic_fp(out), ob, run, tz, &peak)) < 0) {
			wfm_atomic_abort(out);
			wfm_error_set(&err, "out of memory");
			wfm_die(prog, &err);
		}
	}
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	report(ob, wfm_outbound_run_summary(run), u, tz, need, peak, limited, p.attempts, written);
	wfm_outbound_run_free(run);
	free(cap);
	free(u);
	wfm_outbound_free(ob);
	wfm_tz_free(tz);
	return 0;
}
