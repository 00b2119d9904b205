/* staff.c - wfm-staff: agents per interval for a forecast, or the service
 * a coverage gives (--evaluate). */
#include "atomic_write.h"
#include "channels.h"
#include "cli.h"
#include "csv.h"
#include "requirements.h"
#include "series.h"
#include "staffing.h"
#include "timeutil.h"

#include <gsl/gsl_errno.h>
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
	"  --backlog-hours HH:MM-HH:MM  working hours for backlog work (08:00-20:00)\n"
	"  --chat-overhead X      handle-time growth per extra concurrent chat (0.5)\n"
	"  --max-agents N         give up (infeasible) above N agents (100000)\n"
	"  --load                 add a column load: the real-valued gross agents at\n"
	"                         which the target is exactly met (agents_gross rounds\n"
	"                         it up; wfm shifts then plans on it)\n"
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
	"      --evaluate out/coverage.csv -o out/evaluation.csv\n";

struct opts {
	const char *input, *output, *tz, *channels, *evaluate, *out_tz;
	struct wfm_staff_opts so;
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
	    so->open_min >= so->close_min)
		wfm_usage_fail(prog, "--backlog-hours: \"%s\" is not HH:MM-HH:MM with start before end", s);
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
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	wfm_staff_opts_default(&o->so);
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
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 1 != argc)
		wfm_usage_fail(prog, optind == argc ? "no forecast file given" : "more than one input file");
	if (!o->channels)
		wfm_usage_fail(prog, "--channels is required");
	o->input = argv[optind];
}

static void num(FILE *fp, const char *fmt, double v)
{
	fputc(',', fp);
	if (isfinite(v))
		fprintf(fp, fmt, v);
}

static int write_requirements(FILE *fp, const wfm_series *s, const wfm_tz *tz,
			      const struct wfm_req *req, const wfm_channels *cfg, const int *map,
			      int load)
{
	struct wfm_requirements_format fmt = wfm_requirements_staff_format, *f = &fmt;

	fmt.load = load;
	wfm_requirements_write_header(fp, f);
	for (size_t i = 0; i < s->n; i++)
		for (size_t c = 0; c < s->nchan; c++) {
			const struct wfm_req *r = &req[c * s->n + i];
			struct wfm_requirements_row row = {
				wfm_series_time(s, i), s->channel[c], r->volume, r->aht,
				(double)r->agents, (double)r->gross, r->perf.sl, r->perf.asa,
				r->perf.occupancy, r->perf.abandon,
				r->exact / (1 - cfg->ch[map[c]].shrinkage),
			};
			if (r->skip)
				continue;
			if (wfm_requirements_write_row(fp, f, tz, &row))
				return -1;
		}
	return 0;
}

static void write_evaluation(FILE *fp, const wfm_series *s, const wfm_tz *tz,
			     const struct wfm_req *req, const struct wfm_eval *ev)
{
	char when[48];

	fputs("timestamp,channel,volume,agents,service_level,sl_target,asa_s,occupancy,abandon\n", fp);
	for (size_t i = 0; i < s->n; i++) {
		wfm_time_format(wfm_series_time(s, i), tz, when, sizeof(when));
		for (size_t c = 0; c < s->nchan; c++) {
			const struct wfm_eval *e = &ev[c * s->n + i];
			if (e->skip)
				continue;
			fputs(when, fp);
			wfm_csv_write_field(fp, s->channel[c], 0);
			fprintf(fp, ",%.2f,%.2f", req[c * s->n + i].volume, e->agents);
			num(fp, "%.4f", e->perf.sl);
			num(fp, "%.2f", e->sl_target);
			num(fp, "%.1f", e->perf.asa);
			num(fp, "%.4f", e->perf.occupancy);
			num(fp, "%.4f", e->perf.abandon);
			fputc('\n', fp);
		}
	}
}

static void day_summary(const wfm_series *s, const wfm_channels *cfg, const int *map,
			const wfm_tz *tz, const struct wfm_req *req, const struct wfm_eval *ev)
{
	struct wfm_staff_day *d;
	wfm_error err = { 0 };
	long nd = wfm_staff_days(s, cfg, map, tz, req, ev, &d, &err);
	char date[16];

	if (nd < 0)
		wfm_die(prog, &err);
	fprintf(wfm_report(), "date,channel,volume,service_level,sl_target,abandon,met,intervals_below\n");
	for (long k = 0; k < nd; k++) {
		wfm_time_format_date(d[k].day, date, sizeof(date));
		fprintf(wfm_report(), "%s,%s,%.0f,%.4f,%.2f,%.4f,%s,%ld/%ld\n", date, s->channel[d[k].chan],
			d[k].volume, d[k].sl, d[k].sl_target, d[k].abandon,
			d[k].sl >= d[k].sl_target - 5e-5 ? "yes" : "no", d[k].below, d[k].intervals);
	}
	free(d);
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz, *otz = NULL;
	wfm_series *s;
	wfm_channels *cfg;
	wfm_atomic *out;
	struct wfm_req *req;
	struct wfm_eval *ev = NULL;
	double *sched = NULL;
	int *map;

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 3, o.input, o.channels, o.evaluate);
	gsl_set_error_handler_off();
	if (!(tz = wfm_tz_open(o.tz, &err)) || (o.out_tz && !(otz = wfm_tz_open(o.out_tz, &err))) || !(cfg = wfm_channels_load(o.channels, &err)) ||
	    !(s = wfm_series_load(o.input, tz, &err)) || !(map = wfm_staff_map(s, o.input, cfg, &err)))
		wfm_die(prog, &err);
	if (!(req = calloc(s->nchan * s->n, sizeof(*req)))) {
		wfm_error_set(&err, "out of memory");
		wfm_die(prog, &err);
	}
	if (wfm_staff_requirements(s, cfg, map, tz, &o.so, req, &err))
		wfm_die(prog, &err);
	if (o.evaluate) {
		size_t outside;
		if (!(sched = wfm_staff_coverage_load(o.evaluate, tz, s, &outside, &err)))
			wfm_die(prog, &err);
		if (outside)
			wfm_warn(prog, "%s: %zu rows outside the forecast's range, ignored", o.evaluate, outside);
		if (!(ev = calloc(s->nchan * s->n, sizeof(*ev)))) {
			wfm_error_set(&err, "out of memory");
			wfm_die(prog, &err);
		}
		wfm_staff_evaluate(s, cfg, map, &o.so, req, sched, ev);
	}
	if (!(out = wfm_atomic_open(o.output, &err)))
		wfm_die(prog, &err);
	if (ev)
		write_evaluation(wfm_atomic_fp(out), s, otz ? otz : tz, req, ev);
	else if (write_requirements(wfm_atomic_fp(out), s, otz ? otz : tz, req, cfg, map, o.so.exact)) {
		wfm_atomic_abort(out);
		wfm_error_set(&err, "%s: write error", o.output ? o.output : "<stdout>");
		wfm_die(prog, &err);
	}
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	if (ev)
		day_summary(s, cfg, map, tz, req, ev);
	free(ev);
	free(sched);
	free(req);
	free(map);
	wfm_series_free(s);
	wfm_channels_free(cfg);
	wfm_tz_free(otz);
	wfm_tz_free(tz);
	return 0;
}
