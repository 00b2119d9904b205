/* forecast.c - wfm-forecast: contact volumes and AHT per channel and
 * interval for the coming days, with a rolling-origin backtest. */
#include "atomic_write.h"
#include "backtest.h"
#include "cli.h"
#include "csv.h"
#include "events.h"
#include "forecastcsv.h"
#include "json.h"
#include "model.h"
#include "overrides.h"
#include "series.h"
#include "strlist.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-forecast";

static const char usage[] =
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
	"and outlier days are left out of fitting; zero days also out of scoring.\n"
	"\n"
	"Options:\n"
	"  --horizon DUR          forecast length: 14d, 2w, 36h\n"
	"  --model KIND           auto (default), snaive, hw, regression, slotavg, decomp\n"
	"  --events FILE          events CSV: date,name[,effect_days_before,effect_days_after]\n"
	"                         [,closed][,uplift]: closed=1 forecasts the date 0;\n"
	"                         uplift=1.3 multiplies it (for an event with no history)\n"
	"  --overrides FILE       date|timestamp,channel,factor|volume rows applied last\n"
	"  --scale F              multiply every forecast volume by F (scenarios)\n"
	"  --backtest DUR         rolling-origin backtest: DUR in whole weeks (e.g. 8w) of\n"
	"                         weekly origins, each forecasting the --horizon (1 week\n"
	"                         without it): report per channel x model WAPE, MASE,\n"
	"                         sMAPE, bias, RMSE and the choice; to standard output\n"
	"                         alone, to standard error with --horizon\n"
	"  --metric M             choice in auto: wape (default), mase, smape, rmse\n"
	"  --level P              prediction interval level in percent (default 80)\n"
	"  --hw-season add|mult   HW seasonality (default mult)\n"
	"  --ar1                  HW with AR(1) error adjustment\n"
	"  --hw-weeks N           weeks of recent history HW is fitted on (default 12)\n"
	"  --regression log|linear  regression scale (default log)\n"
	"  --aggregate interval|day|week|month  totals per day, week or month (date\n"
	"                         column: the day, the Monday, the first of the month)\n"
	"  --missing impute|zero  missing rows: filled from nearby weeks for fitting\n"
	"                         (default), or read as 0 (exports that drop zero rows)\n"
	"  --channels LIST        only these channels, comma separated\n"
	"  --format csv|json      output (forecast or backtest report) format\n"
	"  --tz ZONE              zone of naive timestamps (default $TZ, else UTC)\n"
	"  -o, --output FILE      write FILE atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Examples:\n"
	"  wfm forecast data/history.csv --horizon 14d --events data/events.csv -o forecast.csv\n"
	"  wfm forecast data/history.csv --backtest 8w --events data/events.csv\n"
	"  wfm forecast data/history.csv --horizon 14d --scale 1.1 --overrides o.csv -o f.csv\n";

enum { AGG_INTERVAL, AGG_DAY, AGG_WEEK, AGG_MONTH };

struct opts {
	const char *input, *output, *tz, *channels, *events, *overrides;
	int64_t horizon, backtest;
	int model, metric, json, aggregate, missing_zero;
	double level, scale;
	struct wfm_model_opts mo;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		{ "horizon", required_argument, NULL, 'H' },
		{ "model", required_argument, NULL, 'm' },
		{ "events", required_argument, NULL, 'e' },
		{ "backtest", required_argument, NULL, 'b' },
		{ "metric", required_argument, NULL, 'M' },
		{ "level", required_argument, NULL, 'l' },
		{ "hw-season", required_argument, NULL, 's' },
		{ "ar1", no_argument, NULL, 'a' },
		{ "hw-weeks", required_argument, NULL, 'w' },
		{ "regression", required_argument, NULL, 'r' },
		{ "aggregate", required_argument, NULL, 'g' },
		{ "channels", required_argument, NULL, 'c' },
		{ "overrides", required_argument, NULL, 'O' },
		{ "scale", required_argument, NULL, 'S' },
		{ "missing", required_argument, NULL, 'I' },
		{ "format", required_argument, NULL, 'f' },
		{ "tz", required_argument, NULL, 'z' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->model = WFM_MODEL_AUTO;
	o->level = 80;
	o->scale = 1;
	o->mo.hw_mult = 1;      /* better on every bundled channel (docs/forecast.md) */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'c': o->channels = optarg; break;
		case 'e': o->events = optarg; break;
		case 'O': o->overrides = optarg; break;
		case 'S': o->scale = wfm_arg_double(prog, "--scale", optarg, 0, 100); break;
		case 'I':
			o->missing_zero = wfm_arg_choice(prog, "--missing", optarg,
							 (const char *const[]){ "impute", "zero", NULL });
			break;
		case 'H':
			o->horizon = wfm_arg_duration(prog, "--horizon", optarg);
			if (o->horizon <= 0 || o->horizon > 3660 * 86400LL)
				wfm_usage_fail(prog, "--horizon: \"%s\" is not between 1 interval and 10 years", optarg);
			break;
		case 'b':
			o->backtest = wfm_arg_duration(prog, "--backtest", optarg);
			if (o->backtest < 7 * 86400 || o->backtest % (7 * 86400))
				wfm_usage_fail(prog, "--backtest: \"%s\" is not a whole number of weeks", optarg);
			break;
		case 'm':
			if ((o->model = wfm_model_parse(optarg)) < 0)
				wfm_usage_fail(prog, "--model: \"%s\" is not auto, snaive, hw, regression, "
					       "slotavg or decomp", optarg);
			break;
		case 'M':
			if ((o->metric = wfm_metric_parse(optarg)) < 0)
				wfm_usage_fail(prog, "--metric: \"%s\" is not wape, mase, smape or rmse", optarg);
			break;
		case 'l': o->level = wfm_arg_double(prog, "--level", optarg, 1, 99.9); break;
		case 's':
			o->mo.hw_mult = wfm_arg_choice(prog, "--hw-season", optarg,
						       (const char *const[]){ "add", "mult", NULL });
			break;
		case 'a': o->mo.hw_ar1 = 1; break;
		case 'w': o->mo.hw_weeks = (size_t)wfm_arg_long(prog, "--hw-weeks", optarg, 2, 520); break;
		case 'r':
			o->mo.reg_linear = wfm_arg_choice(prog, "--regression", optarg,
							  (const char *const[]){ "log", "linear", NULL });
			break;
		case 'g':
			o->aggregate = wfm_arg_choice(prog, "--aggregate", optarg,
						      (const char *const[]){ "interval", "day", "week", "month", NULL });
			break;
		case 'f':
			o->json = wfm_arg_choice(prog, "--format", optarg,
						 (const char *const[]){ "csv", "json", NULL });
			break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 1 != argc)
		wfm_usage_fail(prog, optind == argc ? "no history file given" : "more than one input file");
	o->input = argv[optind];
	if (!o->horizon && !o->backtest)
		wfm_usage_fail(prog, "give --horizon (forecast) or --backtest (report) or both");
}

/* Per channel: model, backtest, forecast. */
struct chan {
	int model, fallback;
	unsigned mask;                 /* models averaged (one bit: a single model) */
	int have_bt;
	size_t zero_days, outlier_days;
	struct wfm_backtest bt;
	double *vol, *aht, *lo, *hi;   /* [h] */
};

/* Backtest weeks: as asked, else 8 (auto) or 4 (intervals), as far as
 * the history allows with folds as long as the horizon. */
static size_t backtest_weeks(const struct opts *o, size_t n, size_t week, size_t H)
{
	size_t weeks = (size_t)(o->backtest / (7 * 86400)), room;

	if (weeks)
		return weeks;
	weeks = o->model == WFM_MODEL_AUTO ? 8 : 4;
	room = n >= H + 2 * week ? (n - H - 2 * week) / week + 1 : 0;
	return weeks < room ? weeks : room;
}

static int run_backtest(const struct opts *o, const wfm_series *s, size_t c, const double *y,
			const double *obs, const wfm_calendar *cal, size_t h,
			const struct wfm_model_opts *mo, struct chan *ch, wfm_error *err)
{
	size_t n = s->n, week = 7 * (size_t)cal->per_day, H, weeks;
	int want = o->model;
	unsigned mask;

	/* folds as long as the forecast asked for (whole days, at most 8 weeks) */
	H = h ? h : week;
	H = (H + (size_t)cal->per_day - 1) / (size_t)cal->per_day * (size_t)cal->per_day;
	if (H > 8 * week)
		H = 8 * week;
	if (!(weeks = backtest_weeks(o, n, week, H)))
		return 0;
	mask = want == WFM_MODEL_AUTO ? (1u << WFM_MODEL_COUNT) - 1
		: (1u << want) | (1u << WFM_MODEL_SNAIVE);
	if (wfm_backtest_run(y, obs, n, cal, weeks, H, mask, want == WFM_MODEL_AUTO, mo,
			     o->metric, o->level / 100, &ch->bt, err)) {
		char msg[sizeof(err->msg)];
		memcpy(msg, err->msg, sizeof(msg));
		msg[200] = 0;
		return wfm_error_at(err, o->input, 0, NULL, "%.60s: %s", s->channel[c], msg);
	}
	ch->have_bt = 1;
	return 0;
}

static void bounds(const struct opts *o, const struct chan *ch, int slot, size_t k,
		   double *lo, double *hi)
{
	double zl, zh;

	if (ch->have_bt && slot >= 0 && ch->bt.ran[slot]) {
		zl = ch->bt.zlo[slot];
		zh = ch->bt.zhi[slot];
	} else {   /* Poisson variance, normal quantiles */
		zh = gsl_cdf_ugaussian_Pinv((1 + o->level / 100) / 2);
		zl = -zh;
	}
	wfm_backtest_interval(ch->vol[k], zl, zh, lo, hi);
}

static int forecast_channel(const struct opts *o, const wfm_series *s, size_t c,
			    const wfm_calendar *cal, size_t h, struct chan *ch, wfm_error *err)
{
	size_t n = s->n, week = 7 * (size_t)cal->per_day;
	double *y = malloc(n * sizeof(double)), *obs = malloc(n * sizeof(double));
	unsigned char *closed = malloc(week), *skip = malloc(n);
	struct wfm_model_opts mo = o->mo;
	int want = o->model, rc = -1, slot = -1;

	if (!y || !obs || !closed || !skip) {
		wfm_error_set(err, "out of memory");
		goto done;
	}
	memcpy(y, wfm_series_vol(s, c), n * sizeof(double));
	wfm_model_closed(y, n, cal, 8, closed);
	/* zero days (holidays) and outlier days: out of the fits; zero days
	 * also out of the backtest's scores */
	wfm_model_screen(y, n, cal, o->mo.events, skip, &ch->zero_days, &ch->outlier_days);
	memcpy(obs, y, n * sizeof(double));
	for (size_t t = 0; t < n; t++) {
		if (skip[t] == WFM_SKIP_ZERO)
			obs[t] = NAN;
		if (skip[t])
			y[t] = NAN;
	}
	wfm_model_impute(y, n, week);
	mo.closed = closed;
	mo.skip = skip;
	if (wfm_model_usable(WFM_MODEL_SNAIVE, n, cal->per_day) < 0) {
		wfm_error_at(err, o->input, 0, NULL, "%s: %.1f days of history is under one week: "
			     "no model can be fitted", s->channel[c], (double)n / cal->per_day);
		goto done;
	}
	if (run_backtest(o, s, c, y, obs, cal, h, &mo, ch, err))
		goto done;
	if (want == WFM_MODEL_AUTO && ch->have_bt) {
		slot = ch->bt.chosen;
		ch->mask = ch->bt.mask[slot];
		ch->model = slot < WFM_MODEL_COUNT ? slot : WFM_MODEL_AUTO;
	} else {
		if (want == WFM_MODEL_AUTO)
			want = WFM_MODEL_REGRESSION;
		ch->model = wfm_model_usable(want, n, cal->per_day);
		ch->fallback = ch->model != want;
		ch->mask = 1u << ch->model;
		slot = ch->model;
	}
	if (h) {
		if (wfm_model_forecast_mix(ch->mask, y, n, h, cal, &mo, ch->vol, err))
			goto done;
		if (s->aht && wfm_aht_forecast(wfm_series_vol(s, c) - s->volume + s->aht,
					       wfm_series_vol(s, c), n, h, cal, closed, ch->aht, err))
			goto done;
		for (size_t k = 0; k < h; k++) {
			if (!s->aht)
				ch->aht[k] = NAN;
			bounds(o, ch, slot, k, &ch->lo[k], &ch->hi[k]);
		}
	}
	rc = 0;
done:
	free(y);
	free(obs);
	free(closed);
	free(skip);
	return rc;
}

/* The day that dates interval i's aggregate: itself, its Monday or the
 * first of its month. */
static int64_t agg_key(int aggregate, const wfm_calendar *cal, size_t i)
{
	int y, m, d;

	if (aggregate == AGG_WEEK)
		return cal->day[i] - cal->wday[i];
	if (aggregate == AGG_MONTH) {
		wfm_time_civil_from_days(cal->day[i], &y, &m, &d);
		return wfm_time_days_from_civil(y, m, 1);
	}
	return cal->day[i];
}

static void write_forecast(FILE *fp, const struct opts *o, const wfm_series *s,
			   const wfm_tz *tz, const wfm_calendar *cal, size_t h,
			   const struct chan *ch)
{
	struct wfm_forecastcsv_out w;
	char buf[48];

	wfm_forecastcsv_begin(&w, fp, o->json, o->aggregate != AGG_INTERVAL);
	if (o->aggregate == AGG_INTERVAL) {
		for (size_t k = 0; k < h; k++) {
			wfm_time_format(wfm_series_time(s, s->n + k), tz, buf, sizeof(buf));
			for (size_t c = 0; c < s->nchan; c++)
				wfm_forecastcsv_row(&w, buf, s->channel[c], ch[c].vol[k],
						    ch[c].aht[k], ch[c].lo[k], ch[c].hi[k]);
		}
	} else {
		/* totals per local day (or ISO week from Monday, or month); bounds
		 * are the sums of the interval bounds (conservative) */
		size_t a = 0;
		while (a < h) {
			size_t b = a;
			int64_t key = agg_key(o->aggregate, cal, s->n + a);
			while (b < h && agg_key(o->aggregate, cal, s->n + b) == key)
				b++;
			wfm_time_format_date(key, buf, sizeof(buf));
			for (size_t c = 0; c < s->nchan; c++) {
				double v = 0, va = 0, lo = 0, hi = 0, aw = 0;
				for (size_t k = a; k < b; k++) {
					v += ch[c].vol[k];
					lo += ch[c].lo[k];
					hi += ch[c].hi[k];
					if (!isnan(ch[c].aht[k])) {
						va += ch[c].vol[k] * ch[c].aht[k];
						aw += ch[c].vol[k];
					}
				}
				wfm_forecastcsv_row(&w, buf, s->channel[c], v,
						    aw > 0 ? va / aw : NAN, lo, hi);
			}
			a = b;
		}
	}
	wfm_forecastcsv_end(&w);
}

/* s left-aligned in `width` columns, counting UTF-8 characters, not bytes. */
static void put_padded(FILE *fp, const char *s, int width)
{
	int chars = 0;

	for (const char *p = s; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	fputs(s, fp);
	for (; chars < width; chars++)
		fputc(' ', fp);
}

/* Name of backtest slot k of channel c. */
static const char *slot_name(const struct chan *ch, int k, char *buf, size_t size)
{
	return wfm_model_mix_name(ch->bt.mask[k], buf, size);
}

static void report_json(FILE *fp, const struct opts *o, const wfm_series *s,
			const struct chan *ch, size_t weeks, const char *a, const char *b)
{
	char name[96];

	fprintf(fp, "{\"weeks\":%zu,\"from\":\"%s\",\"to\":\"%s\",\"metric\":\"%s\",\"channels\":[",
		weeks, a, b, wfm_metric_name(o->metric));
	for (size_t c = 0; c < s->nchan; c++) {
		int sep = 0;
		fputs(c ? ",{\"channel\":" : "{\"channel\":", fp);
		wfm_json_str(fp, s->channel[c]);
		fprintf(fp, ",\"chosen\":\"%s\",\"models\":[", wfm_model_mix_name(ch[c].mask, name, sizeof(name)));
		for (int k = 0; k < WFM_BT_SLOTS; k++) {
			const struct wfm_accuracy *m = &ch[c].bt.acc[k];
			if (!ch[c].bt.ran[k])
				continue;
			fprintf(fp, "%s{\"model\":\"%s\",", sep++ ? "," : "", slot_name(&ch[c], k, name, sizeof(name)));
			wfm_json_num(fp, "wape", m->wape, 6, ",");
			wfm_json_num(fp, "mase", m->mase, 6, ",");
			wfm_json_num(fp, "smape", m->smape, 6, ",");
			wfm_json_num(fp, "bias", m->bias, 6, ",");
			wfm_json_num(fp, "rmse", m->rmse, 6, "}");
		}
		fputs("]}", fp);
	}
	fputs("]}\n", fp);
}

static void write_report(FILE *fp, const struct opts *o, const wfm_series *s,
			 const wfm_tz *tz, const struct chan *ch)
{
	const struct wfm_backtest *bt0 = NULL;
	size_t weeks = 0, H = 0, first = 0, nomase = 0;
	char a[48], b[48], name[96], mase[16];

	for (size_t c = 0; c < s->nchan && !bt0; c++)
		if (ch[c].have_bt)
			bt0 = &ch[c].bt;
	if (bt0) {
		weeks = bt0->weeks;
		H = bt0->horizon;
		first = bt0->first;
	}
	wfm_time_format(wfm_series_time(s, first), tz, a, sizeof(a));
	wfm_time_format(wfm_series_time(s, s->n - 1), tz, b, sizeof(b));
	if (o->json) {
		report_json(fp, o, s, ch, weeks, a, b);
		return;
	}
	fprintf(fp, "backtest: %zu origins a week apart, %g-day horizon each, %s .. %s; choice by %s\n",
		weeks, (double)H * s->step / 86400, a, b, wfm_metric_name(o->metric));
	fprintf(fp, "%-14s %-33s %7s %6s %7s %7s %8s\n",
		"channel", "model", "WAPE%", "MASE", "sMAPE%", "bias%", "RMSE");
	for (size_t c = 0; c < s->nchan; c++)
		for (int k = 0; k < WFM_BT_SLOTS; k++) {
			const struct wfm_accuracy *m = &ch[c].bt.acc[k];
			if (!ch[c].bt.ran[k])
				continue;
			if (isnan(m->mase)) {
				snprintf(mase, sizeof(mase), "-");
				nomase++;
			} else {
				snprintf(mase, sizeof(mase), "%.3f", m->mase);
			}
			put_padded(fp, s->channel[c], 14);
			fprintf(fp, " %-33s %7.2f %6s %7.2f %+7.2f %8.2f%s\n",
				slot_name(&ch[c], k, name, sizeof(name)), 100 * m->wape, mase, 100 * m->smape,
				100 * m->bias, m->rmse, ch[c].mask == ch[c].bt.mask[k] ? "  <- chosen" : "");
		}
	if (nomase)
		fputs("MASE -: the history before the first origin has no seasonal-naive error to scale by\n"
		      "(under two full weeks, or the same every week), so MASE is undefined there\n", fp);
	for (size_t c = 0; c < s->nchan; c++)
		if (ch[c].zero_days || ch[c].outlier_days)
			fprintf(fp, "%s: %zu zero days (closed or holiday) not fitted or scored, "
				"%zu outlier days not fitted\n", s->channel[c], ch[c].zero_days, ch[c].outlier_days);
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
		wfm_warn(prog, "%s: %s: %zu missing intervals (first %s), %s", o->input, s->channel[c],
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
		    const wfm_tz *tz, const wfm_calendar *cal, size_t h, struct chan *ch)
{
	char when[48];

	for (size_t c = 0; c < s->nchan && o->scale != 1; c++)
		for (size_t k = 0; k < h; k++) {
			ch[c].vol[k] *= o->scale;
			ch[c].lo[k] *= o->scale;
			ch[c].hi[k] *= o->scale;
		}
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
	struct chan *ch;
	size_t h;

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 2, o.input, o.events);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.events }, 2, &o.output, 1);
	wfm_gsl_policy();
	if (!(tz = wfm_tz_open(o.tz, &err)))
		wfm_die(prog, &err);
	if (!(s = wfm_series_load(o.input, tz, &err)))
		wfm_die(prog, &err);
	if (o.channels) {
		wfm_strlist l;
		if (wfm_strlist_split(o.channels, ',', &l) ||
		    wfm_series_select(s, (const char *const *)l.item, l.n, &err))
			wfm_die(prog, &err);
		wfm_strlist_free(&l);
	}
	if (o.events && !(ev = wfm_events_load(o.events, &err)))
		wfm_die(prog, &err);
	if (o.overrides && !(ov = wfm_overrides_load(o.overrides, tz, &err)))
		wfm_die(prog, &err);
	o.mo.events = ev;
	h = o.horizon ? (size_t)((o.horizon + s->step - 1) / s->step) : 0;
	if (!(cal = wfm_calendar_alloc(s->start, s->step, s->n + h, tz, &err)))
		wfm_die(prog, &err);
	if (86400 % s->step)
		wfm_usage_fail(prog, "interval of %d s does not divide a day", s->step);
	if (!(ch = calloc(s->nchan, sizeof(*ch))))
		wfm_die(prog, &(wfm_error){ .code = 1, .msg = "out of memory" });
	report_missing(&o, s, tz);
	warn_unlearned(&o, ev, s, cal, h);
	for (size_t c = 0; c < s->nchan; c++) {
		if (h && (!(ch[c].vol = malloc(h * sizeof(double))) || !(ch[c].aht = malloc(h * sizeof(double))) ||
			  !(ch[c].lo = malloc(h * sizeof(double))) || !(ch[c].hi = malloc(h * sizeof(double)))))
			wfm_die(prog, &(wfm_error){ .code = 1, .msg = "out of memory" });
		if (forecast_channel(&o, s, c, cal, h, &ch[c], &err))
			wfm_die(prog, &err);
		if (ch[c].fallback)
			wfm_warn(prog, "%s: %s: %.1f weeks of history is too little for %s: fell back to snaive",
				 o.input, s->channel[c], (double)s->n / (7.0 * cal->per_day),
				 wfm_model_name(o.model == WFM_MODEL_AUTO ? WFM_MODEL_REGRESSION : o.model));
		if (o.model == WFM_MODEL_AUTO && !ch[c].have_bt)
			wfm_warn(prog, "%s: %s: %.1f weeks of history is too little for a backtest of this "
				 "horizon: auto uses %s", o.input, s->channel[c],
				 (double)s->n / (7.0 * cal->per_day), wfm_model_name(ch[c].model));
	}
	if (h)
		what_if(&o, ov, s, tz, cal, h, ch);
	if (!(out = wfm_atomic_open(o.output, &err)))
		wfm_die(prog, &err);
	if (h) {
		write_forecast(wfm_atomic_fp(out), &o, s, tz, cal, h, ch);
	} else {
		write_report(wfm_atomic_fp(out), &o, s, tz, ch);
	}
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	if (h && o.backtest)     /* the report goes with the forecast, to stderr */
		write_report(wfm_report(), &o, s, tz, ch);
	for (size_t c = 0; c < s->nchan; c++) {
		free(ch[c].vol);
		free(ch[c].aht);
		free(ch[c].lo);
		free(ch[c].hi);
	}
	free(ch);
	wfm_calendar_free(cal);
	wfm_overrides_free(ov);
	wfm_events_free(ev);
	wfm_series_free(s);
	wfm_tz_free(tz);
	return 0;
}
