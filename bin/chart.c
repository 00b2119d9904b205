/* chart.c - wfm-chart: draw a toolkit CSV as a PNG, SVG or PDF chart. */
#include "atomic_write.h"
#include "chart.h"
#include "cli.h"
#include "gslpolicy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *prog = "wfm-chart";

/* Leak checker hook: ignore fontconfig's fixed allocations (see chart.h). */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return WFM_CHART_LSAN_SUPPRESSIONS;
}

const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}

static const char usage[] =
	"Usage: wfm chart KIND INPUT.csv [options] -o OUT.png|.svg|.pdf\n"
	"\n"
	"Draw a toolkit CSV as a chart to pin on the wall or read on screen.\n"
	"The format follows the extension of -o (.png, .svg, .pdf; \"-\" writes\n"
	"PNG to standard output).  Default size 1684 x 1190 px (A4 landscape;\n"
	"PDF pages are A4 in points).  Colours: Okabe-Ito, colour-blind safe.\n"
	"\n"
	"Kinds and inputs:\n"
	"  forecast   forecast.csv timestamp,channel,volume,aht_s,volume_lo,volume_hi\n"
	"             history vs forecast per channel, interval band, events\n"
	"  coverage   coverage.csv timestamp,required,scheduled[,over,under]\n"
	"             required vs scheduled agents, one panel per day\n"
	"  roster     roster.csv date,agent_id,name,start,end,break_start,break_end[,shift]\n"
	"             Gantt of shifts coloured by start time; a day or a week\n"
	"  functions  functions.csv timestamp,agent_id,name,function\n"
	"             agents x intervals by function, per-interval totals\n"
	"  profile    profile.csv channel,group,time,mean,share,ratio,days (wfm profile)\n"
	"             heatmap of mean volume, weekday (or month) x time of day\n"
	"  staff      evaluation.csv timestamp,channel,volume,agents,service_level,\n"
	"             sl_target,asa_s,occupancy,abandon (wfm staff --evaluate)\n"
	"  capacity   capacity.csv from wfm capacity: required vs effective FTE per\n"
	"             week and scenario, classes, short weeks, projected SL\n"
	"  intraday   reforecast.csv from wfm intraday: per channel forecast, re-forecast\n"
	"             and band, actuals so far (--history), now; required vs on shift\n"
	"\n"
	"Options:\n"
	"  --history FILE       forecast, intraday: actuals timestamp,channel,volume[,aht_s]\n"
	"  --forecast FILE      intraday: the day's forecast.csv\n"
	"  --coverage FILE      intraday: wfm intraday --gap output (agents panel)\n"
	"  --weeks N            forecast: weeks of history before the forecast (default 2)\n"
	"  --events FILE        forecast: date,name,effect_days_before,effect_days_after\n"
	"  --date YYYY-MM-DD    roster, functions: only this day (default: all days)\n"
	"  --week YYYY-MM-DD    roster, functions: only the 7 days from this one\n"
	"  --from D --to E      roster, functions: only days D to E (at most 31)\n"
	"  --plan FILE          roster: plan.csv; shifts planned but not rostered are\n"
	"                       drawn as hatched \"unfilled xN\" bars under the agents\n"
	"  --width PX, --height PX   canvas size (roster and functions grow taller\n"
	"                       when rows would be too thin to read)\n"
	"  --title TEXT         chart title (default per kind)\n"
	"  --tz ZONE            zone of naive timestamps (default $TZ, else UTC)\n"
	"  -o, --output FILE    output file; \"-\" writes PNG to standard output (the\n"
	"                       default when standard output is not a terminal)\n"
	"  -q, --quiet          no reports or warnings on stderr, only errors\n"
	"  -v, --verbose        also print run time and peak memory at exit\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"Examples:\n"
	"  wfm chart coverage out/coverage.csv -o coverage.png\n"
	"  wfm chart forecast out/forecast.csv --history data/history.csv \\\n"
	"      --events data/events.csv -o forecast.pdf\n"
	"  wfm chart roster out/roster.csv --date 2026-11-27 --plan out/plan.csv -o roster.png\n"
	"  wfm chart roster out/roster.csv --date 2026-11-27 | display\n";

struct opts {
	int kind, format;
	const char *input, *output, *tz;
	struct wfm_days days;
	struct wfm_chart_opts c;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		{ "history", required_argument, NULL, 'H' },
		{ "forecast", required_argument, NULL, 'F' },
		{ "coverage", required_argument, NULL, 'C' },
		{ "weeks", required_argument, NULL, 'k' },
		{ "events", required_argument, NULL, 'e' },
		WFM_OPT_DAYS,
		{ "plan", required_argument, NULL, 'p' },
		{ "width", required_argument, NULL, 'W' },
		{ "height", required_argument, NULL, 'E' },
		{ "title", required_argument, NULL, 't' },
		{ "tz", required_argument, NULL, 'z' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->c.history_weeks = 2;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		if (wfm_days_opt(&o->days, c, optarg))
			continue;
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'H': o->c.history = optarg; break;
		case 'F': o->c.forecast = optarg; break;
		case 'C': o->c.coverage = optarg; break;
		case 'e': o->c.events = optarg; break;
		case 'p': o->c.plan = optarg; break;
		case 't': o->c.title = optarg; break;
		case 'k': o->c.history_weeks = (int)wfm_arg_long(prog, "--weeks", optarg, 0, 104); break;
		case 'W': o->c.width = (int)wfm_arg_long(prog, "--width", optarg, 320, 20000); break;
		case 'E': o->c.height = (int)wfm_arg_long(prog, "--height", optarg, 240, 20000); break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 2 != argc)
		wfm_usage_fail(prog, optind == argc ? "no chart kind given" :
			       optind + 1 == argc ? "no input file given" : "too many arguments");
	if ((o->kind = wfm_chart_kind_parse(argv[optind])) < 0)
		wfm_usage_fail(prog, "\"%s\" is not a chart kind (forecast, coverage, roster, "
			       "functions, profile, staff, capacity, intraday)", argv[optind]);
	o->input = argv[optind + 1];
	if ((o->c.forecast || o->c.coverage) && o->kind != WFM_CHART_INTRADAY)
		wfm_usage_fail(prog, "--forecast and --coverage apply to the intraday chart only");
	o->c.has_days = wfm_days_range(prog, &o->days, 31, &o->c.first_day, &o->c.last_day);
	if (o->c.has_days && o->kind != WFM_CHART_ROSTER && o->kind != WFM_CHART_FUNCTIONS)
		wfm_usage_fail(prog, "--date, --week, --from/--to apply to the roster and functions charts");
	if (o->c.plan && o->kind != WFM_CHART_ROSTER)
		wfm_usage_fail(prog, "--plan applies to the roster chart only");
	if ((!o->output || !strcmp(o->output, "-")) && isatty(STDOUT_FILENO))
		wfm_usage_fail(prog, "standard output is a terminal: give -o FILE (or pipe the PNG)");
	if ((o->format = wfm_chart_format_of(o->output)) < 0)
		wfm_usage_fail(prog, "-o: \"%s\" does not end in .png, .svg or .pdf", o->output);
	o->c.format = o->format;
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz;
	wfm_chart *chart;
	wfm_atomic *out;

	wfm_gsl_policy();
	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 2, o.input, o.c.history);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.c.history }, 2, &o.output, 1);
	if (!(tz = wfm_tz_open(o.tz, &err)))
		wfm_die(prog, &err);
	o.c.tz = tz;
	if (!(chart = wfm_chart_load(o.kind, o.input, &o.c, &err)))
		wfm_die(prog, &err);
	if (!(out = wfm_atomic_open(o.output, &err)))
		wfm_die(prog, &err);
	if (wfm_chart_write(chart, o.format, wfm_atomic_fp(out), &err)) {
		wfm_atomic_abort(out);
		wfm_die(prog, &err);
	}
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	wfm_chart_free(chart);
	wfm_chart_release_caches();
	wfm_tz_free(tz);
	return 0;
}
