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

static const char head[] =
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
	"             and band, actuals so far (--history), now; required vs on shift\n";

static const char tail[] =
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
	struct wfm_chart_opts *c = &o->c;
	const struct wfm_opt opts[] = {
		{ "history", 0, WFM_ARG_STR, &c->history, "FILE", .help = "forecast, intraday: actuals "
		  "timestamp,channel,volume[,aht_s]" },
		{ "forecast", 0, WFM_ARG_STR, &c->forecast, "FILE", .help = "intraday: the day's forecast.csv" },
		{ "coverage", 0, WFM_ARG_STR, &c->coverage, "FILE", .help = "intraday: wfm intraday --gap "
		  "output (agents panel)" },
		{ "weeks", 0, WFM_ARG_INT, &c->history_weeks, "N", .help = "forecast: weeks of history before "
		  "the forecast", .def = "2", .max = 104 },
		{ "events", 0, WFM_ARG_STR, &c->events, "FILE", .help = "forecast: date,name,effect_days_before,"
		  "effect_days_after" },
		{ "days", 0, WFM_ARG_DAYS, &o->days, "roster, functions: only", .help = "default: all days",
		  .max = 31 },
		{ "plan", 0, WFM_ARG_STR, &c->plan, "FILE", .help = "roster: plan.csv; shifts planned but not "
		  "rostered are drawn as hatched \"unfilled xN\" bars under the agents" },
		{ "width", 0, WFM_ARG_INT, &c->width, "PX", .help = "canvas width (roster and functions grow "
		  "taller when rows would be too thin to read)", .min = 320, .max = 20000 },
		{ "height", 0, WFM_ARG_INT, &c->height, "PX", .help = "canvas height", .min = 240, .max = 20000 },
		{ "title", 0, WFM_ARG_STR, &c->title, "TEXT", .help = "chart title (default per kind)" },
		WFM_OPT_TZ(&o->tz),
		WFM_OPT_OUTPUT_AS(&o->output, "output file; \"-\" writes PNG to standard output (the default "
				  "when standard output is not a terminal)"),
		{ 0 },
	};
	const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };

	memset(o, 0, sizeof(*o));
	wfm_opts_operand_words(wfm_chart_kinds());
	wfm_opts_parse(&cli, argc, argv);
	argv = wfm_cli_operands(prog, argc, argv, 2, (const char *const[]){ "no chart kind given",
				"no input file given", "too many arguments" });
	if ((o->kind = wfm_chart_kind_parse(argv[0])) < 0) {
		char list[256] = "";
		for (const char *const *k = wfm_chart_kinds(); *k; k++)
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", *k, k[1] ? ", " : "");
		wfm_usage_fail(prog, "\"%s\" is not a chart kind (%s)", argv[0], list);
	}
	o->input = argv[1];
	if ((o->c.forecast || o->c.coverage) && o->kind != WFM_CHART_INTRADAY)
		wfm_usage_fail(prog, "--forecast and --coverage apply to the intraday chart only");
	o->c.has_days = wfm_days_range(prog, &o->days, &o->c.first_day, &o->c.last_day);
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

	wfm_gsl_policy();
	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 2, o.input, o.c.history);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.c.history }, 2, &o.output, 1);
	wfm_tz *tz = wfm_cli_tz(prog, o.tz);
	o.c.tz = tz;
	wfm_chart *chart = wfm_chart_load(o.kind, o.input, &o.c, &err);
	if (!chart)
		wfm_die(prog, &err);
	wfm_atomic *out = wfm_cli_output(prog, o.output);
	wfm_cli_commit(prog, out, wfm_chart_write(chart, o.format, wfm_atomic_fp(out), &err), &err);
	wfm_chart_free(chart);
	wfm_chart_release_caches();
	wfm_tz_free(tz);
	return 0;
}
