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

static const char head[] =
	"Usage: wfm staff FORECAST.csv --channels CHANNELS.csv [options]\n"
	"\n"
	"Agents each interval needs to meet the service targets of channels.csv,\n"
	"per channel kind: erlang_c, erlang_a (with patience), chat (concurrent\n"
	"chats) and backlog (work done within deadline_h).  With --evaluate, the\n"
	"reverse: the service level the scheduled agents of a coverage file give,\n"
	"with a per-day summary on stderr.\n";

static const char tail[] =
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
	long seed;
	int carry;
	struct wfm_staff_opts so;
	struct wfm_pooled_opts po;
};

static void check_args(int argc, char **argv, struct opts *o)
{
	o->input = wfm_cli_operands(prog, argc, argv, 1, (const char *const[]){ "no forecast file given",
				    "more than one input file" })[0];
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
	o->band_level /= 100;
	o->po.seed = (unsigned long)o->seed;
}

static void parse_args(int argc, char **argv, struct opts *o)
{
	const struct wfm_opt opts[] = {
		WFM_OPT_CHANNELS(&o->channels),
		{ "evaluate", 0, WFM_ARG_STR, &o->evaluate, "FILE",
		  .help = "coverage.csv (timestamp,required,scheduled,...): evaluate instead of sizing" },
		{ "backlog-hours", WFM_LONG('b'), WFM_ARG_KEY, NULL, "HH:MM-HH:MM",
		  .help = "working hours for backlog work (08:00-20:00), in the staff's zone (--out-tz, "
		  "else --tz); may cross midnight (22:00-06:00)" },
		{ "chat-overhead", 0, WFM_ARG_DOUBLE, &o->so.chat_overhead, "X",
		  .help = "handle-time growth per extra concurrent chat", .min = 0, .max = 10, .show = 1 },
		{ "max-agents", 0, WFM_ARG_LONG, &o->so.max_agents, "N",
		  .help = "give up (infeasible) above N agents", .min = 1, .max = 10000000, .show = 1 },
		{ "load", 0, WFM_ARG_FLAG, &o->so.exact, .help = "add a column load: the real-valued gross "
		  "agents at which the target is exactly met (agents_gross rounds it up; wfm shifts then "
		  "plans on it)" },
		{ "quantile", 0, WFM_ARG_DOUBLE, &o->quantile, "Q",
		  .help = "size each interval for the Q-quantile (0 < Q < 1) of its arrival rate, from the "
		  "forecast's band (volume_lo, volume_hi; see docs/staff.md); adds volume_q, agents_point, "
		  "agents_gross_point", .min = 1e-6, .max = 1 - 1e-6 },
		{ "band-level", 0, WFM_ARG_DOUBLE, &o->band_level, "L",
		  .help = "the band's coverage in percent, as wfm forecast", .def = "80", .min = 1, .max = 99.9 },
		{ "carry-over", 0, WFM_ARG_FLAG, &o->carry, .help = "correct each queue channel by simulating "
		  "the whole horizon, adding agents where the queue a busy interval leaves makes the "
		  "next miss\nsimulation: --sim-iterations, --replications, --seed" },
		{ "groups", 0, WFM_ARG_STR, &o->groups, "FILE", .help = "skill groups: groups.csv "
		  "(group, skills[, max_agents][, min_share]) or staff.csv; also plan agents per group and "
		  "interval, cross-skilled agents splitting their time (pooled staffing, see docs/staff.md)" },
		{ "group-output", 0, WFM_ARG_STR, &o->group_output, "FILE", .help = "required with --groups: "
		  "where the per-group staffing goes, columns timestamp, group, skills, agents, "
		  "agents_gross, agents_fluid" },
		{ "sim-iterations", 0, WFM_ARG_INT, &o->po.iters, "N", .help = "correct the fluid plan by "
		  "simulation: add agents where the simulated SL misses, N rounds, 0 none", .def = "10",
		  .min = 0, .max = 1000 },
		{ "replications", 0, WFM_ARG_LONG, &o->po.reps, "R", .help = "replications per simulation "
		  "round", .def = "50", .min = 2, .max = 1000000 },
		WFM_OPT_SEED(&o->seed, " of the simulation"),
		WFM_OPT_PRIORITY(&o->priority),
		WFM_OPT_TZ(&o->tz),
		{ "out-tz", 0, WFM_ARG_STR, &o->out_tz, "ZONE", .help = "write the output's timestamps in "
		  "ZONE instead (the center's zone, when the demand is elsewhere)" },
		WFM_OPT_OUTPUT(&o->output),
		{ 0 },
	};
	const struct wfm_cli cli = { prog, head, opts, tail };
	wfm_error err;

	memset(o, 0, sizeof(*o));
	wfm_staff_opts_default(&o->so);
	while (wfm_opts_next(&cli, argc, argv) != -1)   /* --backlog-hours, the only WFM_ARG_KEY */
		if (wfm_staff_parse_hours(optarg, &o->so, &err))
			wfm_usage_fail(prog, "%s", err.msg);
	check_args(argc, argv, o);
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
	double *sched = NULL, *lo = NULL, *hi = NULL;
	char *obuf;
	int *map;

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 4, o.input, o.channels, o.evaluate, o.groups);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.channels, o.evaluate, o.groups }, 4,
			  (const char *[]){ o.output, o.group_output }, 2);
	wfm_gsl_policy();
	if (!(tz = wfm_tz_open(o.tz, &err)) || (o.out_tz && !(otz = wfm_tz_open(o.out_tz, &err))) || !(cfg = wfm_channels_load(o.channels, &err)) ||
	    !(s = o.quantile > 0 ? wfm_series_load_band_required(o.input, tz, &lo, &hi, &err) :
		  wfm_series_load(o.input, tz, &err)) || !(map = wfm_staff_map(s, o.input, cfg, &err)))
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
	if (o.quantile > 0 && !(qreq = wfm_staff_quantile_requirements(lo, hi, s, cfg, map, tz, &o.so,
								      o.band_level, o.quantile, &err)))
		wfm_die(prog, &err);
	if (o.carry)
		carry_over(&o, s, cfg, map, qreq ? qreq : req);
	/* the group staffing first: its errors leave no requirements file */
	if (o.groups)
		pooled(&o, s, cfg, map, qreq ? qreq : req, otz ? otz : tz);
	out = wfm_cli_output(prog, o.output);
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
	wfm_cli_commit(prog, out, 0, &err);
	if (ev) {
		struct wfm_staff_day *d;
		long nd = wfm_staff_days(s, cfg, map, tz, req, ev, &d, &err);
		if (nd < 0)
			wfm_die(prog, &err);
		wfm_staff_write_days(wfm_report(), s, d, nd);
		free(d);
	}
	free(obuf);
	free(lo);
	free(hi);
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
