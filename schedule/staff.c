/* staff.c - wfm-staff: agents per interval for a forecast, or the service
 * a coverage gives (--evaluate).  Options and wiring only: the sizing in
 * lib/staffing.c, --groups and --carry-over in lib/pooled.c, the writers,
 * --quantile and the report lines in lib/staffrun.c. */
#include "atomic_write.h"
#include "channels.h"
#include "cli.h"
#include "csv.h"
#include "groupreq.h"
#include "groups.h"
#include "pooled.h"
#include "requirements.h"
#include "series.h"
#include "strlist.h"
#include "staffing.h"
#include "staffrun.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-staff";

static const char usage[] =
	"Usage: wfm staff FORECAST.csv --channels CHANNELS.csv [options]\n"
	"\n"
	"Agents each interval needs to meet the service targets of channels.csv,\n"
	"per channel kind: erlang_c, erlang_a (with patience), chat (concurrent\n"
	"chats) and backlog (work done within deadline_h).  With --evaluate, the\n"
	"reverse: the service level the scheduled agents of a coverage file give,\n"
	"with a per-day summary on stderr.\n"
	"\n"
	"Options:\n"
	"  --channels FILE        channel configuration (required)\n"
	"  --evaluate FILE        coverage.csv (timestamp,required,scheduled,...):\n"
	"                         evaluate instead of sizing\n"
	"  --backlog-hours HH:MM-HH:MM  working hours for backlog work (08:00-20:00),\n"
	"                         in the staff's zone (--out-tz, else --tz); may\n"
	"                         cross midnight (22:00-06:00)\n"
	"  --chat-overhead X      handle-time growth per extra concurrent chat (0.5)\n"
	"  --max-agents N         give up (infeasible) above N agents (100000)\n"
	"  --load                 add a column load: the real-valued gross agents at\n"
	"                         which the target is exactly met (agents_gross rounds\n"
	"                         it up; wfm shifts then plans on it)\n"
	"  --quantile Q           size each interval for the Q-quantile (0 < Q < 1)\n"
	"                         of its arrival rate, from the forecast's band\n"
	"                         (volume_lo, volume_hi; see docs/staff.md); adds\n"
	"                         volume_q, agents_point, agents_gross_point\n"
	"  --band-level L         the band's coverage in percent (80, as wfm forecast)\n"
	"  --carry-over           correct each queue channel by simulating the whole\n"
	"                         horizon: add agents where the queue a busy interval\n"
	"                         leaves makes the next miss (uses --sim-iterations,\n"
	"                         --replications, --seed)\n"
	"  --groups FILE          skill groups: groups.csv (group,skills[,max_agents]\n"
	"                         [,min_share]) or staff.csv; also plan agents per\n"
	"                         group and interval, cross-skilled agents splitting\n"
	"                         their time (pooled staffing, see docs/staff.md)\n"
	"  --group-output FILE    where the per-group staffing goes (required with\n"
	"                         --groups): timestamp,group,skills,agents,\n"
	"                         agents_gross,agents_fluid\n"
	"  --sim-iterations N     correct the fluid plan by simulation: add agents\n"
	"                         where the simulated SL misses, N rounds (10; 0 none)\n"
	"  --replications R       replications per simulation round (50)\n"
	"  --seed N               random seed of the simulation (1)\n"
	"  --priority LIST        channels free agents serve first, e.g. calls,chat\n"
	"                         (default: longest waiting, backlog channels last)\n"
	"  --tz ZONE              zone of naive timestamps (default $TZ, else UTC)\n"
	"  --out-tz ZONE          write the output's timestamps in ZONE instead\n"
	"                         (the center's zone, when the demand is elsewhere)\n"
	"  -o, --output FILE      write FILE atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Outputs:\n"
	"  requirements  timestamp,channel,volume,aht_s,agents,agents_gross,\n"
	"                service_level,asa_s,occupancy,abandon[,load]\n"
	"  evaluation    timestamp,channel,volume,agents,service_level,sl_target,\n"
	"                asa_s,occupancy,abandon\n"
	"\n"
	"Examples:\n"
	"  wfm staff out/forecast.csv --channels data/channels.csv -o out/requirements.csv\n"
	"  wfm staff out/forecast.csv --channels data/channels.csv \\\n"
	"      --evaluate out/coverage.csv -o out/evaluation.csv\n"
	"  wfm staff out/forecast.csv --channels data/channels.csv -o out/requirements.csv \\\n"
	"      --groups data/staff.csv --group-output out/group-req.csv\n";

struct opts {
	const char *input, *output, *tz, *channels, *evaluate, *out_tz;
	const char *groups, *group_output, *priority;
	double quantile, band_level;
	int carry;
	struct wfm_staff_opts so;
	struct wfm_pooled_opts po;
};

static void parse_hours(const char *s, struct wfm_staff_opts *so)
{
	char a[8], b[8];
	const char *dash = strchr(s, '-');
	wfm_error e;

	if (!dash || dash - s > 5 || strlen(dash + 1) > 5)
		wfm_usage_fail(prog, "--backlog-hours: \"%s\" is not HH:MM-HH:MM", s);
	memcpy(a, s, (size_t)(dash - s));
	a[dash - s] = 0;
	strcpy(b, dash + 1);
	if (wfm_time_parse_hhmm(a, &so->open_min, &e) || wfm_time_parse_hhmm(b, &so->close_min, &e) ||
	    so->open_min == so->close_min)
		wfm_usage_fail(prog, "--backlog-hours: \"%s\" is not HH:MM-HH:MM with start and end apart", s);
}

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		{ "channels", required_argument, NULL, 'c' },
		{ "evaluate", required_argument, NULL, 'e' },
		{ "backlog-hours", required_argument, NULL, 'b' },
		{ "load", no_argument, NULL, 'L' },
		{ "chat-overhead", required_argument, NULL, 'x' },
		{ "max-agents", required_argument, NULL, 'm' },
		{ "tz", required_argument, NULL, 'z' },
		{ "out-tz", required_argument, NULL, 'Z' },
		{ "quantile", required_argument, NULL, 'Q' },
		{ "carry-over", no_argument, NULL, 'C' },
		{ "band-level", required_argument, NULL, 'W' },
		{ "groups", required_argument, NULL, 'g' },
		{ "group-output", required_argument, NULL, 'G' },
		{ "sim-iterations", required_argument, NULL, 'I' },
		{ "replications", required_argument, NULL, 'r' },
		{ "seed", required_argument, NULL, 's' },
		{ "priority", required_argument, NULL, 'P' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	wfm_staff_opts_default(&o->so);
	o->po.reps = 50;
	o->po.iters = 10;
	o->po.seed = 1;
	o->band_level = 0.8;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'Z': o->out_tz = optarg; break;
		case 'c': o->channels = optarg; break;
		case 'e': o->evaluate = optarg; break;
		case 'b': parse_hours(optarg, &o->so); break;
		case 'L': o->so.exact = 1; break;
		case 'x': o->so.chat_overhead = wfm_arg_double(prog, "--chat-overhead", optarg, 0, 10); break;
		case 'm': o->so.max_agents = wfm_arg_long(prog, "--max-agents", optarg, 1, 10000000); break;
		case 'Q': o->quantile = wfm_arg_double(prog, "--quantile", optarg, 1e-6, 1 - 1e-6); break;
		case 'W': o->band_level = wfm_arg_double(prog, "--band-level", optarg, 1, 99.9) / 100; break;
		case 'C': o->carry = 1; break;
		case 'g': o->groups = optarg; break;
		case 'G': o->group_output = optarg; break;
		case 'P': o->priority = optarg; break;
		case 'I': o->po.iters = (int)wfm_arg_long(prog, "--sim-iterations", optarg, 0, 1000); break;
		case 'r': o->po.reps = wfm_arg_long(prog, "--replications", optarg, 2, 1000000); break;
		case 's': o->po.seed = (unsigned long)wfm_arg_long(prog, "--seed", optarg, 0, 4294967295L); break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 1 != argc)
		wfm_usage_fail(prog, optind == argc ? "no forecast file given" : "more than one input file");
	if (!o->channels)
		wfm_usage_fail(prog, "--channels is required");
	if (!o->groups != !o->group_output)
		wfm_usage_fail(prog, "--groups and --group-output go together");
	if (o->groups && o->evaluate)
		wfm_usage_fail(prog, "--groups plans requirements: not with --evaluate");
	if (o->quantile > 0 && o->evaluate)
		wfm_usage_fail(prog, "--quantile sizes requirements: not with --evaluate");
	if (o->carry && o->evaluate)
		wfm_usage_fail(prog, "--carry-over sizes requirements: not with --evaluate");
	o->input = argv[optind];
	if (o->quantile > 0 && !strcmp(o->input, "-"))
		wfm_usage_fail(prog, "--quantile reads the forecast's band: give a file, not -");
}

/* --carry-over: correct req in place by simulation, report per channel. */
static void carry_over(const struct opts *o, const wfm_series *s, const wfm_channels *cfg,
		       const int *map, struct wfm_req *req)
{
	wfm_error err = { 0 };
	struct wfm_pooled_report *rep = calloc(s->nchan + 1, sizeof(*rep));

	if (!rep || wfm_pooled_carry_over(s, cfg, map, &o->so, req, &o->po, rep, &err)) {
		if (!rep)
			wfm_error_set(&err, "out of memory");
		wfm_die(prog, &err);
	}
	wfm_staff_write_carry_report(wfm_report(), prog, o->po.reps, s, cfg, map, rep);
	free(rep);
}

/* --groups: agents per skill group and interval into --group-output. */
static void pooled(const struct opts *o, const wfm_series *s, const wfm_channels *cfg,
		   const int *map, const struct wfm_req *req, const wfm_tz *otz)
{
	wfm_error err = { 0 };
	wfm_groups *gr;
	struct wfm_pooled pl;
	struct wfm_pooled_opts po = o->po;
	int *open = calloc(s->nchan + 1, sizeof(int)), *rank = NULL;
	wfm_atomic *out;

	if (!open || !(gr = wfm_groupreq_groups(o->groups, (const char *const *)s->channel, s->nchan, &err)))
		wfm_die(prog, &err);
	for (size_t c = 0; c < s->nchan; c++)
		for (size_t i = 0; i < s->n; i++)
			open[c] |= req[c * s->n + i].agents > 0;
	if (wfm_groups_check(gr, open, &err))
		wfm_die(prog, &err);
	if (o->priority) {
		int r = wfm_staff_priority_ranks(o->priority, s, &rank, &err);
		if (r == -2)
			wfm_usage_fail(prog, "%s", err.msg);
		if (r)
			wfm_die(prog, &err);
		po.rank = rank;
	}
	if (wfm_pooled_staff(s, cfg, map, &o->so, req, gr, &po, &pl, &err))
		wfm_die(prog, &err);
	if (!(out = wfm_atomic_open(o->group_output, &err)) ||
	    wfm_groupreq_write(wfm_atomic_fp(out), otz, s->start, s->step, s->n, gr, pl.agents,
			       pl.gross, pl.fluid) ||
	    wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	wfm_staff_write_pooled_report(wfm_report(), prog, o->groups, o->po.reps, s, cfg, map, req, gr, &pl);
	wfm_pooled_free(&pl);
	wfm_groups_free(gr);
	free(rank);
	free(open);
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz, *otz = NULL;
	wfm_series *s;
	wfm_channels *cfg;
	wfm_atomic *out;
	struct wfm_req *req, *qreq = NULL;
	struct wfm_eval *ev = NULL;
	double *sched = NULL;
	char *obuf;
	int *map;

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 4, o.input, o.channels, o.evaluate, o.groups);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.channels, o.evaluate, o.groups }, 4,
			  (const char *[]){ o.output, o.group_output }, 2);
	wfm_gsl_policy();
	if (!(tz = wfm_tz_open(o.tz, &err)) || (o.out_tz && !(otz = wfm_tz_open(o.out_tz, &err))) || !(cfg = wfm_channels_load(o.channels, &err)) ||
	    !(s = wfm_series_load(o.input, tz, &err)) || !(map = wfm_staff_map(s, o.input, cfg, &err)))
		wfm_die(prog, &err);
	if (!(req = wfm_staff_req_alloc(s->nchan * s->n))) {
		wfm_error_set(&err, "out of memory");
		wfm_die(prog, &err);
	}
	o.so.hours_tz = otz;   /* backlog hours are the staff's hours */
	long a_count[2] = { 0, 0 };
	if (wfm_verbosity() >= 2)
		o.so.erlang_a_count = a_count;
	if (wfm_staff_requirements(s, cfg, map, tz, &o.so, req, &err))
		wfm_die(prog, &err);
	if (a_count[0])
		fprintf(wfm_report(), "%s: erlang_a: %.2f evaluations per interval (%ld intervals with load)\n",
			prog, (double)a_count[1] / (double)a_count[0], a_count[0]);
	o.so.erlang_a_count = NULL;
	if (o.evaluate) {
		size_t outside;
		if (!(sched = wfm_staff_coverage_load(o.evaluate, tz, s, &outside, &err)))
			wfm_die(prog, &err);
		if (outside)
			wfm_warn(prog, "%s: %zu rows outside the forecast's range, ignored", o.evaluate, outside);
		size_t gap0, gaps = wfm_staff_coverage_gaps(sched, s->n, &gap0);
		if (gaps) {     /* on instants: a repeated wall-clock hour counts twice */
			char when[48];
			wfm_time_format(wfm_series_time(s, gap0), otz ? otz : tz, when, sizeof(when));
			wfm_warn(prog, "%s: no row for %zu forecast interval%s inside its span (first %s): "
				 "not evaluated", o.evaluate, gaps, gaps == 1 ? "" : "s", when);
		}
		if (!(ev = calloc(s->nchan * s->n, sizeof(*ev)))) {
			wfm_error_set(&err, "out of memory");
			wfm_die(prog, &err);
		}
		wfm_staff_evaluate(s, cfg, map, &o.so, req, sched, ev);
	}
	if (o.quantile > 0 && !(qreq = wfm_staff_quantile_requirements(o.input, s, cfg, map, tz, &o.so,
								      o.band_level, o.quantile, &err)))
		wfm_die(prog, &err);
	if (o.carry)
		carry_over(&o, s, cfg, map, qreq ? qreq : req);
	/* the group staffing first: its errors leave no requirements file */
	if (o.groups)
		pooled(&o, s, cfg, map, qreq ? qreq : req, otz ? otz : tz);
	if (!(out = wfm_atomic_open(o.output, &err)))
		wfm_die(prog, &err);
	/* a year of intervals is megabytes: written in large blocks, not 4 KiB
	 * (glibc takes the size only with a buffer; it lives past the commit) */
	if ((obuf = malloc(1 << 18)))
		setvbuf(wfm_atomic_fp(out), obuf, _IOFBF, 1 << 18);
	if (ev ? wfm_staff_write_evaluation(wfm_atomic_fp(out), s, otz ? otz : tz, req, ev) :
	    wfm_staff_write_requirements(wfm_atomic_fp(out), s, otz ? otz : tz, qreq ? qreq : req,
					 qreq ? req : NULL, cfg, map, o.so.exact)) {
		wfm_atomic_abort(out);
		wfm_error_set(&err, "%s: write error", o.output ? o.output : "<stdout>");
		wfm_die(prog, &err);
	}
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	if (ev) {
		struct wfm_staff_day *d;
		long nd = wfm_staff_days(s, cfg, map, tz, req, ev, &d, &err);
		if (nd < 0)
			wfm_die(prog, &err);
		wfm_staff_write_days(wfm_report(), s, d, nd);
		free(d);
	}
	free(obuf);
	free(ev);
	free(sched);
	free(qreq);
	free(req);
	free(map);
	wfm_series_free(s);
	wfm_channels_free(cfg);
	wfm_tz_free(otz);
	wfm_tz_free(tz);
	return 0;
}
