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

static const char head[] =
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
	"of the rest of the day before and after) and chooses the parameters.\n";

static const char tail[] =
	"Examples:\n"
	"  wfm intraday forecast.csv --actuals today.csv --now 2026-11-27T12:00 -o reforecast.csv\n"
	"  wfm intraday --backtest data/history.csv --events data/events.csv --shock 1.4\n";

/* in the order of WFM_MODEL_SNAIVE, _HW, _REGRESSION */
static const char *const model_words[] = { "snaive", "hw", "regression", NULL };

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
	struct wfm_intraday_params *p = &o->p;
	const struct wfm_opt opts[] = {
		{ "actuals", 0, WFM_ARG_STR, &o->actuals, "FILE", .help = "today's actuals (history format)" },
		{ "now", 0, WFM_ARG_STR, &o->now, "TIME", .help = "start of the first interval not yet complete" },
		{ "until", 0, WFM_ARG_STR, &o->until, "TIME", .help = "re-forecast to TIME (later days unchanged)" },
		{ "day-sd", 0, WFM_ARG_DOUBLE, &p->day_sd, "X", .help = "usual day-level variability, log scale",
		  .max = 5, .given = &o->set_sd, .show = 1 },
		{ "shape-sd", 0, WFM_ARG_DOUBLE, &p->shape_sd, "X", .help = "within-day shape noise, log scale",
		  .max = 5, .given = &o->set_sd, .show = 1 },
		{ "aht-day-sd", 0, WFM_ARG_DOUBLE, &p->aht_day_sd, "X", .help = "the same for AHT",
		  .max = 5, .given = &o->set_sd, .show = 1 },
		{ "aht-shape-sd", 0, WFM_ARG_DOUBLE, &p->aht_shape_sd, "X", .help = "the same for AHT",
		  .max = 5, .given = &o->set_sd, .show = 1 },
		{ "level", 0, WFM_ARG_DOUBLE, &p->level, "P", .help = "level of the forecast's bounds in percent",
		  .min = 1, .max = 99.9, .scale = 0.01, .show = 1 },
		{ "channels", 0, WFM_ARG_STR, &o->channels, "FILE", .help = "channels.csv: staff the re-forecast "
		  "(with --roster)" },
		{ "roster", 0, WFM_ARG_STR, &o->roster, "FILE", .help = "today's roster: gap per interval (one "
		  "pool, breaks out)" },
		{ "staff", 0, WFM_ARG_STR, &o->staff, "FILE", .help = "staff.csv: propose overtime, call-ins, "
		  "break moves, VTO" },
		{ "availability", 0, WFM_ARG_STR, &o->avail, "FILE", .help = "status \"available\" today: "
		  "willing to be called in" },
		{ "rules", 0, WFM_ARG_STR, &o->rules, "FILE", .help = "shift rules: breaks for shifts of "
		  "break_after_h or more" },
		{ "max-overtime", 0, WFM_ARG_DOUBLE, &o->max_ot, "H", .help = "overtime per shift, hours",
		  .def = "2", .max = 12 },
		{ "actions", 0, WFM_ARG_STR, &o->actions, "FILE", .help = "write actions.csv, best SL gain per "
		  "paid hour first" },
		{ "gap", 0, WFM_ARG_STR, &o->gap, "FILE", .help = "write coverage.csv of the rest of today, with "
		  "actions" },
		{ "apply", 0, WFM_ARG_STR, &o->apply, "FILE", .help = "write the roster with the actions applied" },
		{ "backtest", 0, WFM_ARG_STR, &o->backtest, "FILE", .help = "score the update on the days of a "
		  "history" },
		{ "days", 0, WFM_ARG_LONG, &o->days, "N", .help = "backtest: days replayed, the last of the "
		  "history", .def = "28", .min = 1, .max = 3660 },
		{ "at", 0, WFM_ARG_STR, &o->at, "LIST", .help = "backtest: times of day",
		  .def = "08:00,10:00,12:00,14:00,16:00,18:00,20:00" },
		{ "shock", 0, WFM_ARG_DOUBLE, &o->shock, "X", .help = "backtest: actual volumes times X "
		  "(whole-day shock)", .def = "1", .max = 100 },
		{ "model", 0, WFM_ARG_CHOICE, &o->model, "KIND", .help = "backtest: regression, hw or snaive",
		  .def = "regression", .words = model_words },
		{ "events", 0, WFM_ARG_STR, &o->events, "FILE", .help = "backtest: events for the regression model" },
		WFM_OPT_TZ(&o->tz),
		WFM_OPT_OUTPUT(&o->output),
		{ 0 },
	};
	const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };

	memset(o, 0, sizeof(*o));
	wfm_intraday_params_default(p);
	wfm_opts_parse(&cli, argc, argv);
	o->input = wfm_cli_operands(prog, argc, argv, !o->backtest, o->backtest ?
				    (const char *const[]){ "--backtest takes no forecast file" } :
				    (const char *const[]){ "no forecast file given", "more than one input file" })[0];
	if (o->backtest)
		return;
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
	wfm_error err = { 0 };
	int now[WFM_INTRADAY_MAX_NOW], nnow = parse_at(o->at, now);
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
	wfm_intraday_bt_report(wfm_atomic_fp(out), bt, &p, model_words[o->model], o->shock, !o->set_sd,
			       (const char *const *)h->channel, h->nchan, now, nnow, cell);
	wfm_cli_commit(prog, out, 0, &err);
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
	tz = wfm_cli_tz(prog, o.tz);
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
