/* forecast.c - wfm-forecast: contact volumes and AHT per channel and
 * interval for the coming days, with a rolling-origin backtest. */
#include "atomic_write.h"
#include "cli.h"
#include "events.h"
#include "forecastrun.h"
#include "overrides.h"
#include "series.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-forecast";

static const char head[] =
	"Usage: wfm forecast HISTORY.csv --horizon 14d [options]\n"
	"  or:  wfm forecast HISTORY.csv --backtest 8w [options]\n"
	"\n"
	"Forecast contacts (and AHT) per channel and interval from a history\n"
	"(timestamp,channel,volume[,aht_s]); the horizon starts at the interval\n"
	"after the history's last.  Output: timestamp,channel,volume,aht_s,\n"
	"volume_lo,volume_hi.  Models (see docs/forecast.md):\n"
	"  snaive      same interval last week (the baseline)\n"
	"  hw          double-seasonal Holt-Winters (Taylor 2003), holidays adjusted\n"
	"  regression  robust daily regression (weekday, trend, yearly Fourier,\n"
	"              events) x weekday-interval shares\n"
	"  slotavg     mean, median or trimmed mean of the same interval over the\n"
	"              last k weeks (variant and k by backtest)\n"
	"  decomp      smoothed daily level x weekday factor x intraday shape\n"
	"  auto        backtest all and take the best per channel, or the mean of\n"
	"              the best 2 or 3 when that is 1 % better (default)\n"
	"Whole days of zero where the weekday is usually open (holidays, closures)\n"
	"and outlier days are left out of fitting; zero days also out of scoring.\n";

static const char tail[] =
	"Examples:\n"
	"  wfm forecast data/history.csv --horizon 14d --events data/events.csv -o forecast.csv\n"
	"  wfm forecast data/history.csv --backtest 8w --events data/events.csv\n"
	"  wfm forecast data/history.csv --horizon 14d --scale 1.1 --overrides o.csv -o f.csv\n";

struct opts {
	const char *output, *tz, *channels, *events, *overrides;
	int64_t horizon;
	int json, aggregate, missing_zero;
	long hw_weeks;
	double scale;
	struct wfm_fcrun_opts run;
};

static const char *const model_words[] = { "auto", "snaive", "hw", "regression", "slotavg", "decomp", NULL };
static const char *const metric_words[] = { "wape", "mase", "smape", "rmse", NULL };

static void parse_args(int argc, char **argv, struct opts *o)
{
	const struct wfm_opt opts[] = {
		{ "horizon", WFM_LONG('H'), WFM_ARG_KEY, NULL, "DUR", .help = "forecast length: 14d, 2w, 36h "
		  "(default none: no forecast, only the --backtest report)" },
		{ "model", WFM_LONG('m'), WFM_ARG_KEY, NULL, "KIND", .help = "auto, snaive, hw, regression, slotavg, decomp",
		  .def = "auto", .words = model_words },
		{ "events", 0, WFM_ARG_STR, &o->events, "FILE", .help = "events CSV: date,name[,effect_days_before,"
		  "effect_days_after] [,closed][,uplift]: closed=1 forecasts the date 0; uplift=1.3 multiplies "
		  "it (for an event with no history)" },
		{ "overrides", 0, WFM_ARG_STR, &o->overrides, "FILE",
		  .help = "date|timestamp,channel,factor|volume rows applied last" },
		{ "scale", 0, WFM_ARG_DOUBLE, &o->scale, "F", .help = "multiply every forecast volume by F (scenarios)",
		  .def = "1", .max = 100 },
		{ "backtest", WFM_LONG('b'), WFM_ARG_KEY, NULL, "DUR", .help = "rolling-origin backtest: DUR in "
		  "whole weeks (e.g. 8w) of weekly origins, each forecasting the --horizon (1 week without it): "
		  "report per channel x model WAPE, MASE, sMAPE, bias, RMSE and the choice; to standard output "
		  "alone, to standard error with --horizon" },
		{ "metric", WFM_LONG('M'), WFM_ARG_KEY, NULL, "M", .help = "choice in auto: wape, mase, smape, rmse",
		  .def = "wape", .words = metric_words },
		{ "level", 0, WFM_ARG_DOUBLE, &o->run.level, "P", .help = "prediction interval level in percent",
		  .def = "80", .min = 1, .max = 99.9 },
		{ "hw-season", 0, WFM_ARG_CHOICE, &o->run.mo.hw_mult, NULL, .help = "HW seasonality",
		  .def = "mult",   /* better on every bundled channel (docs/forecast.md) */
		  .words = (const char *const[]){ "add", "mult", NULL } },
		{ "ar1", 0, WFM_ARG_FLAG, &o->run.mo.hw_ar1, NULL, .help = "HW with AR(1) error adjustment" },
		{ "hw-weeks", 0, WFM_ARG_LONG, &o->hw_weeks, "N", .help = "weeks of recent history HW is fitted on",
		  .def = "12", .min = 2, .max = 520 },
		{ "regression", 0, WFM_ARG_CHOICE, &o->run.mo.reg_linear, NULL, .help = "regression scale", .def = "log",
		  .words = (const char *const[]){ "log", "linear", NULL } },
		{ "aggregate", 0, WFM_ARG_CHOICE, &o->aggregate, NULL, .help = "totals per day, week or month "
		  "(date column: the day, the Monday, the first of the month)", .def = "interval",
		  .words = (const char *const[]){ "interval", "day", "week", "month", NULL } },
		{ "missing", 0, WFM_ARG_CHOICE, &o->missing_zero, NULL, .help = "missing rows: filled from nearby "
		  "weeks for fitting (impute), or read as 0 (zero: exports that drop zero rows)",
		  .def = "impute", .words = (const char *const[]){ "impute", "zero", NULL } },
		WFM_OPT_CHANNEL_LIST(&o->channels),
		{ "format", 0, WFM_ARG_CHOICE, &o->json, NULL, .help = "output (forecast or backtest report) format",
		  .def = "csv", .words = (const char *const[]){ "csv", "json", NULL } },
		WFM_OPT_TZ(&o->tz),
		WFM_OPT_OUTPUT(&o->output),
		{ 0 },
	};
	const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };
	int c;

	memset(o, 0, sizeof(*o));
	while ((c = wfm_opts_next(&cli, argc, argv)) != -1) {
		if (c == WFM_LONG('H')) {
			o->horizon = wfm_arg_duration(prog, "--horizon", optarg);
			if (o->horizon <= 0 || o->horizon > 3660 * 86400LL)
				wfm_usage_fail(prog, "--horizon: \"%s\" is not between 1 interval and 10 years", optarg);
		}
		if (c == WFM_LONG('b')) {
			o->run.backtest = wfm_arg_duration(prog, "--backtest", optarg);
			if (o->run.backtest < 7 * 86400 || o->run.backtest % (7 * 86400))
				wfm_usage_fail(prog, "--backtest: \"%s\" is not a whole number of weeks", optarg);
		}
		if (c == WFM_LONG('m') && (o->run.model = wfm_model_parse(optarg)) < 0)
			wfm_usage_fail(prog, "--model: \"%s\" is not auto, snaive, hw, regression, "
				       "slotavg or decomp", optarg);
		if (c == WFM_LONG('M') && (o->run.metric = wfm_metric_parse(optarg)) < 0)
			wfm_usage_fail(prog, "--metric: \"%s\" is not wape, mase, smape or rmse", optarg);
	}
	o->run.input = wfm_cli_operands(prog, argc, argv, 1, (const char *const[]){ "no history file given",
					"more than one input file" })[0];
	o->run.mo.hw_weeks = (size_t)o->hw_weeks;
	if (!o->horizon && !o->run.backtest)
		wfm_usage_fail(prog, "give --horizon (forecast) or --backtest (report) or both");
}

/* Every missing interval read as 0 (--missing zero). */
static void missing_zero(wfm_series *s, size_t c)
{
	double *v = wfm_series_vol(s, c);

	for (size_t i = 0; i < s->n; i++)
		if (isnan(v[i]))
			v[i] = 0;
}

static void report_missing(const struct opts *o, wfm_series *s, const wfm_tz *tz)
{
	char buf[48];

	for (size_t c = 0; c < s->nchan; c++) {
		if (!s->missing[c])
			continue;
		wfm_time_format(s->first_missing[c], tz, buf, sizeof(buf));
		if (o->missing_zero)
			missing_zero(s, c);
		wfm_warn(prog, "%s: %s: %zu missing intervals (first %s), %s", o->run.input, s->channel[c],
			 s->missing[c], buf, o->missing_zero ? "read as 0 (--missing zero)"
			 : "imputed from the same interval of nearby weeks for fitting");
	}
}

/* Events in the horizon the forecast cannot know: no history, no uplift. */
static void warn_unlearned(const struct opts *o, const wfm_events *ev, const wfm_series *s,
			   const wfm_calendar *cal, size_t h)
{
	char d[16];
	long i = -1;

	if (!ev || !h)
		return;
	while ((i = wfm_events_unlearned(ev, (size_t)(i + 1), cal->day[0], cal->day[s->n - 1],
					 cal->day[s->n], cal->day[s->n + h - 1])) >= 0) {
		wfm_time_format_date(ev->ev[i].day, d, sizeof(d));
		wfm_warn(prog, "%s: event \"%s\" on %s has no history and no uplift: the forecast "
			 "cannot know its effect (give it an uplift factor)", o->events,
			 ev->names[ev->ev[i].name], d);
	}
}

/* --scale, then the overrides; the overrides are reported. */
static void what_if(const struct opts *o, wfm_overrides *ov, const wfm_series *s,
		    const wfm_tz *tz, const wfm_calendar *cal, size_t h, struct wfm_fcrun_chan *ch)
{
	char when[48];

	wfm_fcrun_scale(ch, s->nchan, h, o->scale);
	if (!ov)
		return;
	for (size_t c = 0; c < s->nchan; c++)
		wfm_overrides_apply(ov, s->channel[c], wfm_series_time(s, s->n), s->step,
				    cal->day + s->n, h, ch[c].vol, ch[c].lo, ch[c].hi);
	for (size_t i = 0; i < ov->n; i++) {
		const struct wfm_override *r = &ov->o[i];
		if (r->by_day)
			wfm_time_format_date(r->day, when, sizeof(when));
		else
			wfm_time_format(r->utc, tz, when, sizeof(when));
		if (!r->hits) {
			wfm_warn(prog, "%s:%ld: %s %s is not in the forecast: override ignored",
				 ov->path, r->line, r->channel, when);
			continue;
		}
		if (wfm_verbosity() > 0)
			fprintf(wfm_report(), "override %s:%ld: %s %s %s%g: %.1f -> %.1f (%zu intervals)\n",
				ov->path, r->line, r->channel, when, r->set_volume ? "volume " : "x",
				r->value, r->before, r->after, r->hits);
	}
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz;
	wfm_series *s;
	wfm_events *ev = NULL;
	wfm_overrides *ov = NULL;
	wfm_calendar *cal;
	wfm_atomic *out;
	struct wfm_fcrun_chan *ch;
	size_t h;

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 2, o.run.input, o.events);
	wfm_check_outputs(prog, (const char *[]){ o.run.input, o.events }, 2, &o.output, 1);
	wfm_gsl_policy();
	tz = wfm_cli_tz(prog, o.tz);
	if (!(s = wfm_series_load(o.run.input, tz, &err)))
		wfm_die(prog, &err);
	if (o.channels && wfm_series_select_list(s, o.channels, &err))
		wfm_die(prog, &err);
	if (o.events && !(ev = wfm_events_load(o.events, &err)))
		wfm_die(prog, &err);
	if (o.overrides && !(ov = wfm_overrides_load(o.overrides, tz, &err)))
		wfm_die(prog, &err);
	o.run.mo.events = ev;
	h = o.horizon ? (size_t)((o.horizon + s->step - 1) / s->step) : 0;
	if (!(cal = wfm_calendar_alloc(s->start, s->step, s->n + h, tz, &err)))
		wfm_die(prog, &err);
	if (86400 % s->step)
		wfm_usage_fail(prog, "interval of %d s does not divide a day", s->step);
	if (!(ch = wfm_fcrun_alloc(s->nchan, h)))
		wfm_die(prog, &(wfm_error){ .code = 1, .msg = "out of memory" });
	report_missing(&o, s, tz);
	warn_unlearned(&o, ev, s, cal, h);
	for (size_t c = 0; c < s->nchan; c++) {
		if (wfm_fcrun_channel(&o.run, s, c, cal, h, &ch[c], &err))
			wfm_die(prog, &err);
		if (ch[c].fallback)
			wfm_warn(prog, "%s: %s: %.1f weeks of history is too little for %s: fell back to snaive",
				 o.run.input, s->channel[c], (double)s->n / (7.0 * cal->per_day),
				 wfm_model_name(o.run.model == WFM_MODEL_AUTO ? WFM_MODEL_REGRESSION : o.run.model));
		if (o.run.model == WFM_MODEL_AUTO && !ch[c].have_bt)
			wfm_warn(prog, "%s: %s: %.1f weeks of history is too little for a backtest of this "
				 "horizon: auto uses %s", o.run.input, s->channel[c],
				 (double)s->n / (7.0 * cal->per_day), wfm_model_name(ch[c].model));
	}
	if (h)
		what_if(&o, ov, s, tz, cal, h, ch);
	out = wfm_cli_output(prog, o.output);
	if (h)
		wfm_fcrun_write(wfm_atomic_fp(out), o.json, o.aggregate, s, tz, cal, h, ch);
	else
		wfm_fcrun_report(wfm_atomic_fp(out), o.json, o.run.metric, s, tz, ch);
	wfm_cli_commit(prog, out, 0, &err);
	if (h && o.run.backtest)     /* the report goes with the forecast, to stderr */
		wfm_fcrun_report(wfm_report(), o.json, o.run.metric, s, tz, ch);
	wfm_fcrun_free(ch, s->nchan);
	wfm_calendar_free(cal);
	wfm_overrides_free(ov);
	wfm_events_free(ev);
	wfm_series_free(s);
	wfm_tz_free(tz);
	return 0;
}
