/* intraday.c - wfm-intraday: re-forecast the rest of today from today's
 * actuals (run from cron every interval), or score the update on a
 * history's days (--backtest). */
#include "atomic_write.h"
#include "cli.h"
#include "events.h"
#include "forecastcsv.h"
#include "intraday.h"
#include "intraday_actions.h"
#include "intraday_backtest.h"
#include "plan.h"
#include "strlist.h"
#include "timeutil.h"

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-intraday";

static const char usage[] =
	"Usage: wfm intraday FORECAST.csv --actuals TODAY.csv --now YYYY-MM-DDTHH:MM [options]\n"
	"  or:  wfm intraday --backtest HISTORY.csv [options]\n"
	"\n"
	"Re-forecast the rest of today from today's actuals so far: per channel,\n"
	"the day's level (volume and AHT) is moved toward what the intervals seen\n"
	"show, by a Bayesian update weighted by the evidence (the share of the\n"
	"day's volume seen, the day's usual variability); the bounds keep the\n"
	"forecast's interval-level spread plus what is still unknown about the\n"
	"day's level (docs/intraday.md).  TODAY.csv is history format\n"
	"(timestamp,channel,volume[,aht_s]), every row on the day of --now and\n"
	"before it; --now is the start of the first interval not yet complete.\n"
	"Output: forecast format, every interval from --now to the end of its day.\n"
	"A line per channel goes to stderr when some level moved by 1% or more.\n"
	"With --backtest, replay the last days of a history: the forecast made\n"
	"the evening before, the update at each --at time, WAPE of the rest of the\n"
	"day before and after; the update's parameters are chosen by it.\n"
	"\n"
	"Options:\n"
	"  --actuals FILE         today's actuals (history format)\n"
	"  --now TIME             start of the first interval not yet complete\n"
	"  --until TIME           re-forecast to TIME (later days unchanged)\n"
	"  --day-sd X             usual day-level variability, log scale (0.3)\n"
	"  --shape-sd X           within-day shape noise, log scale (0.2)\n"
	"  --aht-day-sd X, --aht-shape-sd X  the same for AHT (0.02, 1)\n"
	"  --level P              level of the forecast's bounds in percent (80)\n"
	"  --channels FILE        channels.csv: staff the re-forecast (with --roster)\n"
	"  --roster FILE          today's roster: the gap per interval (on shift, breaks\n"
	"                         excluded, one pool) and, with --staff, actions\n"
	"  --staff FILE           staff.csv: propose overtime, call-ins, break moves, VTO\n"
	"  --availability FILE    availability.csv: status \"available\" today marks an\n"
	"                         agent off today as willing to be called in\n"
	"  --rules FILE           shift rules: breaks for shifts of break_after_h or more\n"
	"  --max-overtime H       overtime per shift, hours (2)\n"
	"  --actions FILE         write the actions (kind,agent_id,name,start,end,hours,\n"
	"                         channel,sl_gain), best SL gain per paid hour first\n"
	"  --gap FILE             write timestamp,required,scheduled,over,under,\n"
	"                         scheduled_before (scheduled: with the actions)\n"
	"  --apply FILE           write the roster with the actions applied\n"
	"  --backtest FILE        score the update on the days of a history\n"
	"  --days N               backtest: days replayed, the last of the history (28)\n"
	"  --at LIST              backtest: times of day, comma separated\n"
	"                         (08:00,10:00,12:00,14:00,16:00,18:00,20:00)\n"
	"  --shock X              backtest: multiply each replayed day's actual\n"
	"                         volumes by X (a whole-day shock, e.g. 1.4)\n"
	"  --model KIND           backtest: the day-before forecast, snaive, hw or\n"
	"                         regression (default)\n"
	"  --events FILE          backtest: events for the regression model\n"
	"  --tz ZONE              zone of naive timestamps (default $TZ, else UTC)\n"
	"  -o, --output FILE      write FILE atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Examples:\n"
	"  wfm intraday forecast.csv --actuals today.csv --now 2026-11-27T12:00 -o reforecast.csv\n"
	"  wfm intraday --backtest data/history.csv --events data/events.csv --shock 1.4\n";

struct opts {
	const char *input, *output, *tz, *actuals, *now, *until, *backtest, *at, *events;
	const char *channels, *roster, *staff, *avail, *rules, *actions, *gap, *apply;
	double max_ot;
	struct wfm_intraday_params p;
	int set_sd, model;
	long days;
	double shock;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		{ "actuals", required_argument, NULL, 'a' },
		{ "now", required_argument, NULL, 'n' },
		{ "until", required_argument, NULL, 'u' },
		{ "day-sd", required_argument, NULL, 'D' },
		{ "shape-sd", required_argument, NULL, 'S' },
		{ "aht-day-sd", required_argument, NULL, 'E' },
		{ "aht-shape-sd", required_argument, NULL, 'T' },
		{ "level", required_argument, NULL, 'l' },
		{ "backtest", required_argument, NULL, 'b' },
		{ "days", required_argument, NULL, 'd' },
		{ "at", required_argument, NULL, 't' },
		{ "shock", required_argument, NULL, 'k' },
		{ "model", required_argument, NULL, 'm' },
		{ "events", required_argument, NULL, 'e' },
		{ "channels", required_argument, NULL, 'C' },
		{ "roster", required_argument, NULL, 'R' },
		{ "staff", required_argument, NULL, 'F' },
		{ "availability", required_argument, NULL, 'Y' },
		{ "rules", required_argument, NULL, 'U' },
		{ "max-overtime", required_argument, NULL, 'O' },
		{ "actions", required_argument, NULL, 'A' },
		{ "gap", required_argument, NULL, 'G' },
		{ "apply", required_argument, NULL, 'P' },
		{ "tz", required_argument, NULL, 'z' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	wfm_intraday_params_default(&o->p);
	o->days = 28;
	o->shock = 1;
	o->model = WFM_MODEL_REGRESSION;
	o->max_ot = 2;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'a': o->actuals = optarg; break;
		case 'n': o->now = optarg; break;
		case 'u': o->until = optarg; break;
		case 'b': o->backtest = optarg; break;
		case 't': o->at = optarg; break;
		case 'e': o->events = optarg; break;
		case 'C': o->channels = optarg; break;
		case 'R': o->roster = optarg; break;
		case 'F': o->staff = optarg; break;
		case 'Y': o->avail = optarg; break;
		case 'U': o->rules = optarg; break;
		case 'A': o->actions = optarg; break;
		case 'G': o->gap = optarg; break;
		case 'P': o->apply = optarg; break;
		case 'O': o->max_ot = wfm_arg_double(prog, "--max-overtime", optarg, 0, 12); break;
		case 'D': o->p.day_sd = wfm_arg_double(prog, "--day-sd", optarg, 0, 5); o->set_sd = 1; break;
		case 'S': o->p.shape_sd = wfm_arg_double(prog, "--shape-sd", optarg, 0, 5); o->set_sd = 1; break;
		case 'E': o->p.aht_day_sd = wfm_arg_double(prog, "--aht-day-sd", optarg, 0, 5); o->set_sd = 1; break;
		case 'T': o->p.aht_shape_sd = wfm_arg_double(prog, "--aht-shape-sd", optarg, 0, 5); o->set_sd = 1; break;
		case 'l': o->p.level = wfm_arg_double(prog, "--level", optarg, 1, 99.9) / 100; break;
		case 'd': o->days = wfm_arg_long(prog, "--days", optarg, 1, 3660); break;
		case 'k': o->shock = wfm_arg_double(prog, "--shock", optarg, 0, 100); break;
		case 'm':
			o->model = wfm_arg_choice(prog, "--model", optarg,
						  (const char *const[]){ "snaive", "hw", "regression", NULL });
			break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (o->backtest) {
		if (optind != argc)
			wfm_usage_fail(prog, "--backtest takes no forecast file");
		return;
	}
	if (optind + 1 != argc)
		wfm_usage_fail(prog, optind == argc ? "no forecast file given" : "more than one input file");
	o->input = argv[optind];
	if (!o->actuals || !o->now)
		wfm_usage_fail(prog, "give --actuals and --now (or --backtest)");
	wfm_stdin_once(prog, 2, o->input, o->actuals);
	if ((o->roster != NULL) != (o->channels != NULL))
		wfm_usage_fail(prog, "--roster and --channels go together");
	if ((o->staff || o->actions || o->apply || o->gap) && !o->roster)
		wfm_usage_fail(prog, "--staff, --actions, --gap and --apply need --roster and --channels");
	if ((o->actions || o->apply) && !o->staff)
		wfm_usage_fail(prog, "--actions and --apply need --staff");
}

static int parse_at(const char *s, int *min)
{
	wfm_strlist l;
	wfm_error err = { 0 };
	int n = 0;

	if (wfm_strlist_split(s, ',', &l))
		wfm_usage_fail(prog, "out of memory");
	for (size_t i = 0; i < l.n; i++)
		if (l.n > WFM_INTRADAY_MAX_NOW || wfm_time_parse_hhmm(l.item[i], &min[n++], &err))
			wfm_usage_fail(prog, "--at: \"%s\" is not a list of at most %d times HH:MM",
				       s, WFM_INTRADAY_MAX_NOW);
	wfm_strlist_free(&l);
	return n;
}

static void run_backtest(const struct opts *o, const wfm_tz *tz)
{
	static const char *model[] = { "snaive", "hw", "regression" };
	wfm_error err = { 0 };
	int now[WFM_INTRADAY_MAX_NOW], nnow = parse_at(o->at ? o->at : "08:00,10:00,12:00,14:00,16:00,18:00,20:00", now);
	struct wfm_model_opts mo = { .hw_mult = 1 };
	struct wfm_intraday_params p = o->p;
	wfm_events *ev = NULL;
	wfm_series *h;
	wfm_intraday_bt *bt;
	wfm_atomic *out;
	char a[16], b[16];

	if (!(h = wfm_series_load(o->backtest, tz, &err)) ||
	    (o->events && !(ev = wfm_events_load(o->events, &err))))
		wfm_die(prog, &err);
	mo.events = ev;
	if (!(bt = wfm_intraday_bt_prepare(h, o->backtest, tz, o->model, &mo, (size_t)o->days, &err)))
		wfm_die(prog, &err);
	if (!o->set_sd)
		wfm_intraday_bt_tune(bt, &p, now, nnow);
	size_t nc = h->nchan, nd = wfm_intraday_bt_days(bt);
	struct wfm_intraday_bt_cell *cell = calloc(nc * (size_t)nnow, sizeof(*cell));
	if (!cell || !(out = wfm_atomic_open(o->output, &err)))
		wfm_die(prog, cell ? &err : &(wfm_error){ .code = 1, .msg = "out of memory" });
	wfm_intraday_bt_score(bt, &p, o->shock, now, nnow, cell);
	FILE *fp = wfm_atomic_fp(out);
	wfm_time_format_date(wfm_intraday_bt_first_day(bt), a, sizeof(a));
	wfm_time_format_date(wfm_intraday_bt_first_day(bt) + (int64_t)nd - 1, b, sizeof(b));
	fprintf(fp, "intraday backtest: %zu days %s .. %s, %s forecast made the day before, "
		"actuals x%.2f\n", nd, a, b, model[o->model], o->shock);
	fprintf(fp, "update: --day-sd %g --shape-sd %g --aht-day-sd %g --aht-shape-sd %g (%s)\n",
		p.day_sd, p.shape_sd, p.aht_day_sd, p.aht_shape_sd,
		o->set_sd ? "as given" : "chosen by this backtest: least error with x1.4 and x0.7 shocks, nowhere over 1% worse without");
	wfm_intraday_bt_table(fp, (const char *const *)h->channel, nc, now, nnow, cell);
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	free(cell);
	wfm_intraday_bt_free(bt);
	wfm_events_free(ev);
	wfm_series_free(h);
}

static int64_t parse_time(const char *opt, const char *s, const wfm_tz *tz)
{
	wfm_error err = { 0 };
	int64_t t;

	if (wfm_time_parse(s, tz, 0, &t, &err) < 0)
		wfm_usage_fail(prog, "%s: \"%s\" is not a time YYYY-MM-DDTHH:MM", opt, s);
	return t;
}

static void write_reforecast(FILE *fp, const wfm_forecastcsv *r, const wfm_tz *tz)
{
	struct wfm_forecastcsv_out w;
	const wfm_series *s = r->s;
	char buf[48];

	wfm_forecastcsv_begin(&w, fp, 0, 0);
	for (size_t i = 0; i < s->n; i++) {
		wfm_time_format(wfm_series_time(s, i), tz, buf, sizeof(buf));
		for (size_t c = 0; c < s->nchan; c++) {
			size_t q = c * s->n + i;
			wfm_forecastcsv_row(&w, buf, s->channel[c], s->volume[q], s->aht[q], r->lo[q], r->hi[q]);
		}
	}
	wfm_forecastcsv_end(&w);
}

static void write_file(const char *path, const wfm_intraday_today *t, const wfm_series *rf,
		       const wfm_tz *tz, int what)
{
	wfm_error err = { 0 };
	wfm_atomic *out = wfm_atomic_open(path, &err);
	FILE *fp = out ? wfm_atomic_fp(out) : NULL;

	if (!out || (what == 0 ? wfm_intraday_actions_write(fp, t->plan, rf, tz)
		     : what == 1 ? wfm_intraday_gap_write(fp, t->plan, rf, tz)
		     : wfm_roster_write(fp, t->plan->rows, t->plan->nrows)) ||
	    wfm_atomic_commit(out, &err)) {
		if (out && !err.code)
			wfm_atomic_abort(out);
		wfm_die(prog, err.code ? &err : &(wfm_error){ .code = 1, .msg = "write error" });
	}
}

/* The gap and the actions; stderr says what changed. */
static void run_today(const struct opts *o, const wfm_series *rf, const wfm_tz *tz)
{
	struct wfm_intraday_paths f = { o->input, o->channels, o->roster, o->staff, o->avail, o->rules };
	wfm_error err = { 0 };
	wfm_intraday_today *t = wfm_intraday_today_make(rf, &f, tz, o->max_ot, &err);
	const wfm_intraday_plan *p;

	if (!t)
		wfm_die(prog, &err);
	p = t->plan;
	if (o->actions)
		write_file(o->actions, t, rf, tz, 0);
	if (o->gap)
		write_file(o->gap, t, rf, tz, 1);
	if (o->apply)
		write_file(o->apply, t, rf, tz, 2);
	if (p->short_before > 0 || p->n)
		fprintf(wfm_report(), "%s: rest of today: shortfall %.1f agent-hours, SL %.1f%%; "
			"%zu actions: shortfall %.1f, SL %.1f%%\n", prog, p->short_before,
			100 * p->sl_before, p->n, p->short_after, 100 * p->sl_after);
	wfm_intraday_today_free(t);
}

static void report_levels(const wfm_series *s, const struct wfm_intraday_level *lv)
{
	int moved = 0;

	for (size_t c = 0; c < s->nchan; c++)
		moved |= fabs(lv[c].factor - 1) >= 0.01 || fabs(lv[c].aht_factor - 1) >= 0.01;
	if (!moved)
		return;
	for (size_t c = 0; c < s->nchan; c++)
		fprintf(wfm_report(), "%s: %s: %.0f%% of the day seen, actual/forecast %.3f, weight %.2f: "
			"rest of day x%.3f, AHT x%.3f\n", prog, s->channel[c], 100 * lv[c].share,
			lv[c].ratio, lv[c].weight, lv[c].factor, lv[c].aht_factor);
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz;
	wfm_forecastcsv *fc, *r;
	wfm_series *act;
	wfm_atomic *out;

	parse_args(argc, argv, &o);
	gsl_set_error_handler_off();
	if (!(tz = wfm_tz_open(o.tz, &err)))
		wfm_die(prog, &err);
	if (o.backtest) {
		run_backtest(&o, tz);
		wfm_tz_free(tz);
		return 0;
	}
	int64_t now = parse_time("--now", o.now, tz), until = o.until ? parse_time("--until", o.until, tz) : 0;
	if (!(fc = wfm_forecastcsv_load(o.input, tz, &err)) ||
	    !(act = wfm_series_load(o.actuals, tz, &err)))
		wfm_die(prog, &err);
	struct wfm_intraday_level *lv = calloc(fc->s->nchan, sizeof(*lv));
	if (!lv)
		wfm_die(prog, &(wfm_error){ .code = 1, .msg = "out of memory" });
	if (!(r = wfm_intraday_reforecast(fc, o.input, act, o.actuals, now, until, tz, &o.p, lv, &err)))
		wfm_die(prog, &err);
	if (!(out = wfm_atomic_open(o.output, &err)))
		wfm_die(prog, &err);
	write_reforecast(wfm_atomic_fp(out), r, tz);
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	report_levels(fc->s, lv);
	if (o.roster)
		run_today(&o, r->s, tz);
	free(lv);
	wfm_forecastcsv_free(r);
	wfm_forecastcsv_free(fc);
	wfm_series_free(act);
	wfm_tz_free(tz);
	return 0;
}
