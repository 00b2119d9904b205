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
#include "gslpolicy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-intraday";

static const char usage[] =
	"Usage: wfm intraday FORECAST.csv --actuals TODAY.csv --now YYYY-MM-DDTHH:MM [options]\n"
	"  or:  wfm intraday --backtest HISTORY.csv [options]\n"
	"\n"
	"Re-forecast the rest of today from today's actuals: per channel, a Bayesian\n"
	"update of the day's level (volume, AHT) weighted by the evidence; bounds\n"
	"re-widened (docs/intraday.md).  TODAY.csv: history format, rows of the day\n"
	"of --now before it (--now: start of the first interval not yet complete).\n"
	"Output: forecast format from --now to midnight; stderr only when a level\n"
	"moved 1% or more or staff is short.  --backtest replays the last days of a\n"
	"history (forecast made the evening before, update at each --at time, WAPE\n"
	"of the rest of the day before and after) and chooses the parameters.\n"
	"\n"
	"Options:\n"
	"  --actuals FILE         today's actuals (history format)\n"
	"  --now TIME             start of the first interval not yet complete\n"
	"  --until TIME           re-forecast to TIME (later days unchanged)\n"
	"  --day-sd X             usual day-level variability, log scale (0.05)\n"
	"  --shape-sd X           within-day shape noise, log scale (0.05)\n"
	"  --aht-day-sd X, --aht-shape-sd X  the same for AHT (0.02, 1)\n"
	"  --level P              level of the forecast's bounds in percent (80)\n"
	"  --channels FILE        channels.csv: staff the re-forecast (with --roster)\n"
	"  --roster FILE          today's roster: gap per interval (one pool, breaks out)\n"
	"  --staff FILE           staff.csv: propose overtime, call-ins, break moves, VTO\n"
	"  --availability FILE    status \"available\" today: willing to be called in\n"
	"  --rules FILE           shift rules: breaks for shifts of break_after_h or more\n"
	"  --max-overtime H       overtime per shift, hours (2)\n"
	"  --actions FILE         write actions.csv, best SL gain per paid hour first\n"
	"  --gap FILE             write coverage.csv of the rest of today, with actions\n"
	"  --apply FILE           write the roster with the actions applied\n"
	"  --backtest FILE        score the update on the days of a history\n"
	"  --days N               backtest: days replayed, the last of the history (28)\n"
	"  --at LIST              backtest: times of day (08:00,10:00,...,20:00)\n"
	"  --shock X              backtest: actual volumes times X (whole-day shock)\n"
	"  --model KIND           backtest: regression (default), hw or snaive\n"
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

#define R required_argument
static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		{ "actuals", R, NULL, 'a' }, { "now", R, NULL, 'n' },
		{ "until", R, NULL, 'u' }, { "day-sd", R, NULL, 'D' },
		{ "shape-sd", R, NULL, 'S' }, { "aht-day-sd", R, NULL, 'E' },
		{ "aht-shape-sd", R, NULL, 'T' }, { "level", R, NULL, 'l' },
		{ "backtest", R, NULL, 'b' }, { "days", R, NULL, 'd' },
		{ "at", R, NULL, 't' }, { "shock", R, NULL, 'k' },
		{ "model", R, NULL, 'm' }, { "events", R, NULL, 'e' },
		{ "channels", R, NULL, 'C' }, { "roster", R, NULL, 'R' },
		{ "staff", R, NULL, 'F' }, { "availability", R, NULL, 'Y' },
		{ "rules", R, NULL, 'U' }, { "max-overtime", R, NULL, 'O' },
		{ "actions", R, NULL, 'A' }, { "gap", R, NULL, 'G' },
		{ "apply", R, NULL, 'P' }, { "tz", R, NULL, 'z' },
		{ "output", R, NULL, 'o' },
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
		case 'o': o->output = optarg; break; case 'z': o->tz = optarg; break;
		case 'a': o->actuals = optarg; break; case 'n': o->now = optarg; break;
		case 'u': o->until = optarg; break; case 'b': o->backtest = optarg; break;
		case 't': o->at = optarg; break; case 'e': o->events = optarg; break;
		case 'C': o->channels = optarg; break; case 'R': o->roster = optarg; break;
		case 'F': o->staff = optarg; break; case 'Y': o->avail = optarg; break;
		case 'U': o->rules = optarg; break; case 'A': o->actions = optarg; break;
		case 'G': o->gap = optarg; break; case 'P': o->apply = optarg; break;
		case 'O': o->max_ot = wfm_arg_double(prog, "--max-overtime", optarg, 0, 12); break;
		case 'D': case 'S': case 'E': case 'T':
			*(c == 'D' ? &o->p.day_sd : c == 'S' ? &o->p.shape_sd : c == 'E' ? &o->p.aht_day_sd
			  : &o->p.aht_shape_sd) = wfm_arg_double(prog, c == 'D' ? "--day-sd" : c == 'S' ? "--shape-sd"
								 : c == 'E' ? "--aht-day-sd" : "--aht-shape-sd", optarg, 0, 5);
			o->set_sd = 1;
			break;
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
	wfm_check_outputs(prog, (const char *[]){ o->input, o->actuals, o->events, o->channels, o->roster,
						  o->staff, o->avail, o->rules }, 8,
			  (const char *[]){ o->actions, o->gap, o->output }, 3);
	/* --apply may update --roster in place (the cron recipe), nothing else */
	wfm_check_outputs(prog, (const char *[]){ o->input, o->actuals, o->events, o->channels, o->staff,
						  o->avail, o->rules, o->actions, o->gap, o->output }, 10,
			  &o->apply, 1);
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
	const char *at = o->at ? o->at : "08:00,10:00,12:00,14:00,16:00,18:00,20:00";
	int now[WFM_INTRADAY_MAX_NOW], nnow = parse_at(at, now);
	struct wfm_model_opts mo = { .hw_mult = 1 };
	struct wfm_intraday_params p = o->p;
	wfm_events *ev = NULL;
	wfm_series *h;
	wfm_intraday_bt *bt;
	wfm_atomic *out;

	if (!(h = wfm_series_load(o->backtest, tz, &err)) ||
	    (o->events && !(ev = wfm_events_load(o->events, &err))))
		wfm_die(prog, &err);
	mo.events = ev;
	if (!(bt = wfm_intraday_bt_prepare(h, o->backtest, tz, o->model, &mo, (size_t)o->days, &err)))
		wfm_die(prog, &err);
	if (!o->set_sd)
		wfm_intraday_bt_tune(bt, &p, now, nnow);
	struct wfm_intraday_bt_cell *cell = calloc(h->nchan * (size_t)nnow, sizeof(*cell));
	if (!cell || !(out = wfm_atomic_open(o->output, &err)))
		wfm_die(prog, cell ? &err : &(wfm_error){ .code = 1, .msg = "out of memory" });
	wfm_intraday_bt_score(bt, &p, o->shock, now, nnow, cell);
	wfm_intraday_bt_report(wfm_atomic_fp(out), bt, &p, model[o->model], o->shock, !o->set_sd,
			       (const char *const *)h->channel, h->nchan, now, nnow, cell);
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

/* what: 0 actions, 1 gap, 2 roster, 3 re-forecast.  Written, not yet
 * committed; on failure every output of the run is discarded. */
static wfm_atomic *write_file(const char *path, const wfm_intraday_today *t, const wfm_forecastcsv *r,
			      const wfm_tz *tz, int what, wfm_atomic **all, size_t nall)
{
	const wfm_series *rf = r->s;
	wfm_error err = { 0 };
	wfm_atomic *out = wfm_atomic_open(path, &err);
	FILE *fp = out ? wfm_atomic_fp(out) : NULL;

	if (!out || (what == 0 ? wfm_intraday_actions_write(fp, t->plan, rf, tz)
		     : what == 1 ? wfm_intraday_gap_write(fp, t->plan, rf, tz)
		     : what == 2 ? wfm_roster_write(fp, t->plan->rows, t->plan->nrows)
		     : wfm_forecastcsv_write(fp, r, tz))) {
		if (out && !err.code)
			wfm_atomic_abort(out);
		for (size_t k = 0; k < nall; k++)
			wfm_atomic_abort(all[k]);
		wfm_die(prog, err.code ? &err : &(wfm_error){ .code = 1, .msg = "write error" });
	}
	return out;
}

/* Every output once all is computed (bad input leaves no file), committed
 * together: all or none, the re-forecast (-o) renamed last; stderr says
 * what changed. */
static void write_all(const struct opts *o, const wfm_intraday_today *t, const wfm_forecastcsv *r,
		      const wfm_tz *tz)
{
	const wfm_intraday_plan *p = t ? t->plan : NULL;
	wfm_atomic *all[4] = { NULL, NULL, NULL, NULL };
	wfm_error err = { 0 };

	if (o->actions)
		all[0] = write_file(o->actions, t, r, tz, 0, all, 4);
	if (o->gap)
		all[1] = write_file(o->gap, t, r, tz, 1, all, 4);
	if (o->apply)
		all[2] = write_file(o->apply, t, r, tz, 2, all, 4);
	all[3] = write_file(o->output, t, r, tz, 3, all, 4);
	if (wfm_atomic_commit_all(all, 4, &err))
		wfm_die(prog, &err);
	if (p)
		wfm_intraday_plan_report(wfm_report(), prog, p);
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz;
	wfm_forecastcsv *fc, *r;
	wfm_series *act;
	wfm_intraday_today *t = NULL;

	parse_args(argc, argv, &o);
	wfm_gsl_policy();
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
	struct wfm_intraday_paths f = { o.input, o.channels, o.roster, o.staff, o.avail, o.rules };
	if (o.roster && !(t = wfm_intraday_today_make(r->s, &f, tz, o.max_ot, &err)))
		wfm_die(prog, &err);
	wfm_intraday_report(wfm_report(), prog, fc->s, lv);
	write_all(&o, t, r, tz);
	wfm_intraday_today_free(t);
	free(lv);
	wfm_forecastcsv_free(r);
	wfm_forecastcsv_free(fc);
	wfm_series_free(act);
	wfm_tz_free(tz);
	return 0;
}
