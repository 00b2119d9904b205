/* forecast.c - wfm-forecast: contact volumes and AHT per channel and
 * interval for the coming days, with a rolling-origin backtest. */
#include "atomic_write.h"
#include "backtest.h"
#include "cli.h"
#include "csv.h"
#include "events.h"
#include "forecastcsv.h"
#include "model.h"
#include "series.h"
#include "strlist.h"
#include "timeutil.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
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
	"  auto        backtest all and take the best per channel (default)\n"
	"\n"
	"Options:\n"
	"  --horizon DUR          forecast length: 14d, 2w, 36h\n"
	"  --model KIND           auto (default), snaive, hw or regression\n"
	"  --events FILE          events CSV: date,name[,effect_days_before,effect_days_after]\n"
	"  --backtest DUR         rolling-origin backtest over the last DUR (whole weeks,\n"
	"                         e.g. 8w): report per channel x model WAPE, MASE, sMAPE,\n"
	"                         bias, RMSE and the chosen model; to standard output\n"
	"                         alone, to standard error with --horizon\n"
	"  --metric M             choice in auto: wape (default), mase, smape, rmse\n"
	"  --level P              prediction interval level in percent (default 80)\n"
	"  --hw-season add|mult   HW seasonality (default mult)\n"
	"  --ar1                  HW with AR(1) error adjustment\n"
	"  --hw-weeks N           weeks of recent history HW is fitted on (default 12)\n"
	"  --regression log|linear  regression scale (default log)\n"
	"  --aggregate interval|day|week  totals per day or week (date column)\n"
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
	"  wfm forecast data/history.csv --backtest 8w --events data/events.csv\n";

enum { AGG_INTERVAL, AGG_DAY, AGG_WEEK };

struct opts {
	const char *input, *output, *tz, *channels, *events;
	int64_t horizon, backtest;
	int model, metric, json, aggregate;
	double level;
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
		{ "format", required_argument, NULL, 'f' },
		{ "tz", required_argument, NULL, 'z' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->model = WFM_MODEL_AUTO;
	o->level = 80;
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
				wfm_usage_fail(prog, "--model: \"%s\" is not auto, snaive, hw or regression", optarg);
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
						      (const char *const[]){ "interval", "day", "week", NULL });
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
	int have_bt;
	struct wfm_backtest bt;
	double *vol, *aht, *lo, *hi;   /* [h] */
};

static int forecast_channel(const struct opts *o, const wfm_series *s, size_t c,
			    const wfm_calendar *cal, size_t h, struct chan *ch, wfm_error *err)
{
	size_t n = s->n, week = 7 * (size_t)cal->per_day, weeks;
	double *y = malloc(n * sizeof(double));
	unsigned char *closed = malloc(week);
	struct wfm_model_opts mo = o->mo;
	int want = o->model, rc = -1;
	unsigned mask;

	if (!y || !closed) {
		wfm_error_set(err, "out of memory");
		goto done;
	}
	memcpy(y, wfm_series_vol(s, c), n * sizeof(double));
	wfm_model_closed(y, n, cal, 8, closed);
	wfm_model_impute(y, n, week);
	mo.closed = closed;
	if (wfm_model_usable(WFM_MODEL_SNAIVE, n, cal->per_day) < 0) {
		wfm_error_at(err, o->input, 0, NULL, "%s: %.1f days of history is under one week: "
			     "no model can be fitted", s->channel[c], (double)n / cal->per_day);
		goto done;
	}
	/* backtest: as asked, else 8 weeks (auto) or 4 weeks (intervals), as
	 * far as the history allows */
	weeks = (size_t)(o->backtest / (7 * 86400));
	if (!weeks) {
		weeks = want == WFM_MODEL_AUTO ? 8 : 4;
		if (n / week < weeks + 2)
			weeks = n / week >= 3 ? n / week - 2 : 0;
	}
	mask = want == WFM_MODEL_AUTO ? (1u << WFM_MODEL_COUNT) - 1
		: (1u << want) | (1u << WFM_MODEL_SNAIVE);
	if (weeks) {
		if (wfm_backtest_run(y, wfm_series_vol(s, c), n, cal, weeks, mask, &mo,
				     o->metric, o->level / 100, &ch->bt, err)) {
			char msg[sizeof(err->msg)];
			memcpy(msg, err->msg, sizeof(msg));
			msg[200] = 0;
			wfm_error_at(err, o->input, 0, NULL, "%.60s: %s", s->channel[c], msg);
			goto done;
		}
		ch->have_bt = 1;
	}
	if (want == WFM_MODEL_AUTO)
		want = ch->have_bt ? ch->bt.chosen : WFM_MODEL_REGRESSION;
	ch->model = wfm_model_usable(want, n, cal->per_day);
	ch->fallback = ch->model != want;
	if (h) {
		if (wfm_model_forecast(ch->model, y, n, h, cal, &mo, ch->vol, err))
			goto done;
		if (s->aht && wfm_aht_forecast(wfm_series_vol(s, c) - s->volume + s->aht,
					       wfm_series_vol(s, c), n, h, cal, closed, ch->aht, err))
			goto done;
		if (!s->aht)
			for (size_t k = 0; k < h; k++)
				ch->aht[k] = NAN;
		for (size_t k = 0; k < h; k++) {
			double zl, zh;
			if (ch->have_bt && ch->bt.ran[ch->model]) {
				zl = ch->bt.zlo[ch->model];
				zh = ch->bt.zhi[ch->model];
			} else {   /* Poisson variance, normal quantiles */
				zh = gsl_cdf_ugaussian_Pinv((1 + o->level / 100) / 2);
				zl = -zh;
			}
			wfm_backtest_interval(ch->vol[k], zl, zh, &ch->lo[k], &ch->hi[k]);
		}
	}
	rc = 0;
done:
	free(y);
	free(closed);
	return rc;
}

static void json_str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(fp, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(fp, "\\u%04x", *s);
		else
			fputc(*s, fp);
	}
	fputc('"', fp);
}

static void json_num(FILE *fp, const char *key, double v, const char *sep)
{
	fprintf(fp, "\"%s\":", key);
	if (isnan(v))
		fputs("null", fp);
	else
		fprintf(fp, "%.6g", v);
	fputs(sep, fp);
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
		/* totals per local day (or ISO week from Monday); bounds are the
		 * sums of the interval bounds (conservative) */
		size_t a = 0;
		while (a < h) {
			size_t b = a;
			int64_t key = cal->day[s->n + a];
			if (o->aggregate == AGG_WEEK)
				key -= cal->wday[s->n + a];
			while (b < h && (o->aggregate == AGG_WEEK
					 ? cal->day[s->n + b] - cal->wday[s->n + b] : cal->day[s->n + b]) == key)
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

static void write_report(FILE *fp, const struct opts *o, const wfm_series *s,
			 const wfm_tz *tz, const struct chan *ch)
{
	size_t weeks = (size_t)(o->backtest / (7 * 86400)), week = 7 * 86400 / (size_t)s->step;
	char a[48], b[48];

	wfm_time_format(wfm_series_time(s, s->n - weeks * week), tz, a, sizeof(a));
	wfm_time_format(wfm_series_time(s, s->n - 1), tz, b, sizeof(b));
	if (o->json) {
		fprintf(fp, "{\"weeks\":%zu,\"from\":\"%s\",\"to\":\"%s\",\"metric\":\"%s\",\"channels\":[",
			weeks, a, b, wfm_metric_name(o->metric));
		for (size_t c = 0; c < s->nchan; c++) {
			int sep = 0;
			fputs(c ? ",{\"channel\":" : "{\"channel\":", fp);
			json_str(fp, s->channel[c]);
			fprintf(fp, ",\"chosen\":\"%s\",\"models\":[", wfm_model_name(ch[c].model));
			for (int k = 0; k < WFM_MODEL_COUNT; k++) {
				const struct wfm_accuracy *m = &ch[c].bt.acc[k];
				if (!ch[c].bt.ran[k])
					continue;
				fprintf(fp, "%s{\"model\":\"%s\",", sep++ ? "," : "", wfm_model_name(k));
				json_num(fp, "wape", m->wape, ",");
				json_num(fp, "mase", m->mase, ",");
				json_num(fp, "smape", m->smape, ",");
				json_num(fp, "bias", m->bias, ",");
				json_num(fp, "rmse", m->rmse, "}");
			}
			fputs("]}", fp);
		}
		fputs("]}\n", fp);
		return;
	}
	fprintf(fp, "backtest: %zu weekly origins, 1-week horizon each, %s .. %s; choice by %s\n",
		weeks, a, b, wfm_metric_name(o->metric));
	fprintf(fp, "%-14s %-11s %7s %6s %7s %7s %8s\n",
		"channel", "model", "WAPE%", "MASE", "sMAPE%", "bias%", "RMSE");
	for (size_t c = 0; c < s->nchan; c++)
		for (int k = 0; k < WFM_MODEL_COUNT; k++) {
			const struct wfm_accuracy *m = &ch[c].bt.acc[k];
			if (!ch[c].bt.ran[k])
				continue;
			fprintf(fp, "%-14s %-11s %7.2f %6.3f %7.2f %+7.2f %8.2f%s\n", s->channel[c],
				wfm_model_name(k), 100 * m->wape, m->mase, 100 * m->smape,
				100 * m->bias, m->rmse, k == ch[c].model ? "  <- chosen" : "");
		}
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz;
	wfm_series *s;
	wfm_events *ev = NULL;
	wfm_calendar *cal;
	wfm_atomic *out;
	struct chan *ch;
	size_t h;
	char buf[48];

	parse_args(argc, argv, &o);
	gsl_set_error_handler_off();
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
	o.mo.events = ev;
	h = o.horizon ? (size_t)((o.horizon + s->step - 1) / s->step) : 0;
	if (!(cal = wfm_calendar_alloc(s->start, s->step, s->n + h, tz, &err)))
		wfm_die(prog, &err);
	if (86400 % s->step)
		wfm_usage_fail(prog, "interval of %d s does not divide a day", s->step);
	if (!(ch = calloc(s->nchan, sizeof(*ch))))
		wfm_die(prog, &(wfm_error){ .code = 1, .msg = "out of memory" });
	for (size_t c = 0; c < s->nchan; c++) {
		if (s->missing[c]) {
			wfm_time_format(s->first_missing[c], tz, buf, sizeof(buf));
			wfm_warn(prog, "%s: %s: %zu missing intervals (first %s), imputed from the same "
				 "interval of nearby weeks for fitting", o.input, s->channel[c],
				 s->missing[c], buf);
		}
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
			wfm_warn(prog, "%s: %s: under 3 weeks of history, no backtest: auto uses %s",
				 o.input, s->channel[c], wfm_model_name(ch[c].model));
	}
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
	wfm_events_free(ev);
	wfm_series_free(s);
	wfm_tz_free(tz);
	return 0;
}
