/* simulate.c - wfm-simulate: discrete-event check of the staffing formulas.
 * Options and wiring only: channel by channel in lib/simrun.c, by skill
 * group in lib/simgroups.c, forecast uncertainty in lib/simfc.c, a plan's
 * people in lib/simcover.c, the output CSV in lib/simout.c. */
#include "atomic_write.h"
#include "channels.h"
#include "cli.h"
#include "simfc.h"
#include "simgroups.h"
#include "simout.h"
#include "simrun.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-simulate";

static const char head[] =
	"Usage: wfm simulate REQUIREMENTS.csv --channels CHANNELS.csv [options]\n"
	"\n"
	"Simulate one channel of a requirements file (its volume, aht_s and agents\n"
	"per interval): Poisson arrivals at each interval's rate, FCFS, exponential\n"
	"or lognormal handle times, exponential patience for erlang_a channels.\n"
	"Prints per interval the formula's service level, ASA and abandonment next\n"
	"to the simulated means with 95% confidence half-widths.  Chat agents are\n"
	"simulated as concurrency servers each, as wfm-staff sizes them.\n"
	"\n"
	"With --groups and --group-staffing (or --group-plan), simulate the whole\n"
	"center instead: agents in skill groups, each contact routed to an idle\n"
	"agent with its skill (specialists before generalists, longest idle first),\n"
	"free agents taking the waiting contact of their skills by --priority, then\n"
	"longest waiting.\n";

static const char tail[] =
	"Outputs:\n"
	"  timestamp,channel,volume,agents,sl_formula,sl_sim,sl_hw,asa_formula,\n"
	"  asa_sim,asa_hw,abandon_formula,abandon_sim,abandon_hw\n"
	"  with --groups: timestamp,channel,volume,sl_target,sl_sim,sl_hw,asa_sim,\n"
	"  asa_hw,abandon_sim,abandon_hw (backlog: sl = share answered within\n"
	"  deadline_h, no target); --forecast adds p_met,p_met_hw\n"
	"\n"
	"Examples:\n"
	"  wfm simulate out/requirements.csv --channels data/channels.csv --channel calls \\\n"
	"      --seed 7 --replications 200 --service lognormal --cv 1.0 -o out/sim.csv\n"
	"  wfm simulate out/requirements.csv --channels data/channels.csv \\\n"
	"      --groups data/staff.csv --group-staffing out/group-req.csv -o out/sim-groups.csv\n"
	"  wfm simulate out/requirements.csv --channels data/channels.csv \\\n"
	"      --coverage out/coverage.csv --forecast out/forecast.csv -o out/sim-plan.csv\n";

struct opts {
	const char *input, *output, *tz, *channels, *channel, *groups, *gstaff, *gplan, *priority;
	const char *forecast, *coverage;
	double band_level, day_share, cv, patience, overhead;
	long seed, reps;
	int lognormal;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const char *const services[] = { "exponential", "lognormal", NULL };
	const struct wfm_opt opts[] = {
		WFM_OPT_CHANNELS(&o->channels),
		{ "groups", WFM_LONG('g'), WFM_ARG_STR, &o->groups, "FILE",
		  .help = "skill groups (groups.csv or staff.csv): multi-skill simulation" },
		{ "group-staffing", WFM_LONG('G'), WFM_ARG_STR, &o->gstaff, "FILE",
		  .help = "agents per group and interval (group-req.csv from wfm staff --group-output)" },
		{ "group-plan", WFM_LONG('Q'), WFM_ARG_STR, &o->gplan, "FILE",
		  .help = "instead of --group-staffing: a plan.csv or roster.csv by skill groups (its group "
		  "column): the people at work, net of the group's largest shrinkage" },
		WFM_OPT_PRIORITY(&o->priority),
		{ "channel", WFM_LONG('n'), WFM_ARG_STR, &o->channel, "NAME",
		  .help = "the channel to simulate (default: every erlang_c, erlang_a and chat channel, "
		  "seeds N, N+1, ...)" },
		{ "coverage", WFM_LONG('K'), WFM_ARG_STR, &o->coverage, "FILE",
		  .help = "staff each channel with the people of coverage.csv (wfm shifts/roster --coverage): "
		  "the channel's rows, else the pooled ones split by agents_gross, net of shrinkage; "
		  "fractional agents as a mixture of the whole numbers around them" },
		{ "forecast", WFM_LONG('F'), WFM_ARG_STR, &o->forecast, "FILE",
		  .help = "draw each replication's volumes from the forecast's uncertainty (its "
		  "volume_lo/volume_hi band, read as in wfm staff --quantile) and report P(SL met) "
		  "per interval (columns p_met,p_met_hw) and per day" },
		WFM_OPT_BAND_LEVEL(&o->band_level, ""),
		{ "day-share", WFM_LONG('D'), WFM_ARG_DOUBLE, &o->day_share, "R",
		  .help = "share of the uncertainty common to a whole day", .def = "0.5", .min = 0, .max = 1 },
		WFM_OPT_SEED(&o->seed, ""),
		{ "replications", WFM_LONG('r'), WFM_ARG_LONG, &o->reps, "R",
		  .help = "independent runs of the whole horizon", .def = "100", .min = 2, .max = 1000000 },
		{ "service", WFM_LONG('d'), WFM_ARG_CHOICE, &o->lognormal, NULL, .help = "handle-time distribution",
		  .def = "exponential", .words = services },
		{ "cv", WFM_LONG('C'), WFM_ARG_DOUBLE, &o->cv, "X", .help = "lognormal coefficient of variation",
		  .def = "1.0", .min = 0.01, .max = 20 },
		{ "patience", WFM_LONG('p'), WFM_ARG_DOUBLE, &o->patience, "S",
		  .help = "mean patience in s; 0 = none (default: patience_s for erlang_a channels, none "
		  "otherwise)", .min = 0, .max = DBL_MAX },
		{ "chat-overhead", WFM_LONG('x'), WFM_ARG_DOUBLE, &o->overhead, "X", .help = "as in wfm staff",
		  .def = "0.5", .min = 0, .max = 10 },
		WFM_OPT_TZ(&o->tz),
		WFM_OPT_OUTPUT(&o->output),
		{ 0 },
	};
	const struct wfm_cli cli = { prog, head, opts, tail };

	memset(o, 0, sizeof(*o));
	o->patience = -1;
	wfm_opts_parse(&cli, argc, argv);
	o->input = wfm_cli_operands(prog, argc, argv, 1, (const char *const[]){ "no requirements file given",
				    "more than one input file" })[0];
	if (!o->channels)
		wfm_usage_fail(prog, "--channels is required");
	if (o->gstaff && o->gplan)
		wfm_usage_fail(prog, "--group-staffing or --group-plan, not both");
	if (!o->groups != !(o->gstaff || o->gplan))
		wfm_usage_fail(prog, "--groups and --group-staffing (or --group-plan) go together");
	if (o->groups && o->channel)
		wfm_usage_fail(prog, "--channel simulates one channel alone: not with --groups");
	if (o->coverage && o->groups)
		wfm_usage_fail(prog, "--coverage simulates channel by channel: with --groups use --group-plan");
	if (o->priority && !o->groups)
		wfm_usage_fail(prog, "--priority needs --groups");
	if (o->coverage && (!strcmp(o->input, "-") || !strcmp(o->coverage, "-")))
		wfm_usage_fail(prog, "--coverage reads the requirements and coverage once per channel: "
			       "name files, not '-'");
}

static void day_report(const wfm_sim_met *m, const char *chan)
{
	for (size_t k = 0; m && k < wfm_sim_met_ndays(m); k++) {
		long day;
		double p, hw, sl;
		char date[16];
		wfm_sim_met_day(m, k, &day, &p, &hw, &sl);
		wfm_time_format_date(day, date, sizeof(date));
		fprintf(wfm_report(), "%s: %s %s: P(SL met) %.3f +- %.3f (mean day SL %.4f)\n", prog,
			chan, date, p, hw, sl);
	}
}

/* Channel ch's rows, and its summary on stderr; -1 with err on failure. */
static int simulate_channel(const struct opts *o, const struct wfm_channel *ch, const wfm_tz *tz,
			    unsigned long seed, const wfm_simfc *fc, FILE *fp, wfm_error *err)
{
	struct wfm_simrun_opts ro = { o->input, o->coverage, fc, o->day_share, o->reps,
		o->lognormal ? o->cv : 0, o->patience, o->overhead, seed };
	struct wfm_simout f = { 0, fc != NULL, o->coverage != NULL };
	wfm_simrun *r = wfm_simrun_channel(&ro, ch, tz, err);
	double sf, ss;

	if (!r)
		return -1;
	for (size_t i = 0; i < r->n; i++) {
		struct wfm_simout_row row;
		wfm_simrun_row(r, i, &row);
		wfm_simout_row(fp, &f, tz, &row);
	}
	if (wfm_simrun_sl(r, &sf, &ss) > 0)
		fprintf(wfm_report(), "%s: %s: volume-weighted SL formula %.4f, simulated %.4f "
			"(%ld replications, %s handle times, patience %g s)\n", prog, ch->name, sf, ss,
			o->reps, o->lognormal ? "lognormal" : "exponential", r->patience);
	day_report(r->met, ch->name);
	wfm_simrun_free(r);
	return 0;
}

/* Each channel's SL over the horizon on stderr, and P(SL met) per day. */
static void groups_report(const wfm_simgroups *g, long reps)
{
	for (size_t c = 0; c < g->nchan; c++) {
		struct wfm_simgroups_sum s;
		const struct wfm_sim_stat *st = &s.total;
		wfm_simgroups_summary(g, c, &s);
		if (s.target > 0)
			fprintf(wfm_report(), "%s: %s: SL %.4f +- %.4f (target %.2f: %s by %.4f), ASA %.1f +- %.1f s, "
				"abandoned %.4f; %ld of %ld loaded intervals under target (%ld replications)\n",
				prog, g->channel[c], st->sl, st->sl_hw, s.target,
				st->sl >= s.target ? "met" : "missed", fabs(st->sl - s.target),
				st->asa, st->asa_hw, st->abandon, s.below, s.loaded, reps);
		else
			fprintf(wfm_report(), "%s: %s: share answered within its deadline %.4f +- %.4f\n",
				prog, g->channel[c], st->sl, st->sl_hw);
		day_report(s.met, g->channel[c]);
	}
}

static int simulate_groups(const struct opts *o, const wfm_channels *cfg, const wfm_tz *tz,
			   const wfm_simfc *fc, FILE *fp, wfm_error *err)
{
	struct wfm_simgroups_opts go = { o->input, o->groups, o->gstaff, o->gplan, o->priority, cfg, fc,
		o->day_share, o->lognormal ? o->cv : 0, o->patience, o->overhead, o->reps,
		(unsigned long)o->seed };
	struct wfm_simout f = { 1, fc != NULL, 0 };
	wfm_simgroups *g = wfm_simgroups_run(&go, tz, err);

	if (!g)
		return -1;
	wfm_simout_header(fp, &f);
	for (size_t i = 0; i < g->n; i++)
		for (size_t c = 0; c < g->nchan; c++) {
			struct wfm_simout_row row;
			if (wfm_simgroups_row(g, i, c, &row))
				wfm_simout_row(fp, &f, tz, &row);
		}
	groups_report(g, o->reps);
	wfm_simgroups_free(g);
	return 0;
}

/* One channel, or every queue channel of channels.csv present in the
 * requirements (seed + its index, so each is reproducible alone). */
static int simulate_channels(const struct opts *o, const wfm_channels *cfg, const wfm_tz *tz,
			     const wfm_simfc *fc, FILE *fp, wfm_error *err)
{
	struct wfm_simout f = { 0, fc != NULL, o->coverage != NULL };
	int done = 0;

	wfm_simout_header(fp, &f);
	for (size_t k = 0; k < cfg->n; k++) {
		const struct wfm_channel *ch = &cfg->ch[k];
		if (o->channel ? strcmp(ch->name, o->channel) : ch->kind == WFM_BACKLOG)
			continue;
		if (simulate_channel(o, ch, tz, (unsigned long)o->seed + (o->channel ? 0 : k), fc, fp, err)) {
			if (!o->channel && strstr(err->msg, "no rows for channel"))
				continue;
			return -1;
		}
		done++;
	}
	if (!done)
		return wfm_error_at(err, o->input, 0, NULL, "no queue channel of %s has rows", o->channels);
	return 0;
}

/* --channel must name a queue channel of channels.csv. */
static void check_channel(const struct opts *o, const wfm_channels *cfg)
{
	wfm_error err = { 0 };
	int k = o->channel ? wfm_channels_find(cfg, o->channel) : 0;

	if (k < 0) {
		wfm_error_at(&err, o->channels, 0, "channel", "no channel \"%s\"", o->channel);
		wfm_die(prog, &err);
	}
	if (o->channel && cfg->ch[k].kind == WFM_BACKLOG) {
		wfm_error_at(&err, o->channels, cfg->ch[k].line, "kind",
			     "channel %s is a backlog channel: nothing to simulate", o->channel);
		wfm_die(prog, &err);
	}
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_simfc *fc = NULL;
	int rc;

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 6, o.input, o.channels, o.forecast, o.coverage, o.gplan, o.gstaff);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.channels, o.forecast, o.coverage, o.gplan,
						  o.gstaff }, 6, &o.output, 1);
	wfm_gsl_policy();
	wfm_tz *tz = wfm_cli_tz(prog, o.tz);
	wfm_channels *cfg = wfm_channels_load(o.channels, &err);
	if (!cfg)
		wfm_die(prog, &err);
	check_channel(&o, cfg);
	wfm_atomic *out = wfm_cli_output(prog, o.output);
	if (o.forecast && !(fc = wfm_simfc_load(o.forecast, tz, o.band_level, &err)))
		rc = -1;
	else if (o.groups)
		rc = simulate_groups(&o, cfg, tz, fc, wfm_atomic_fp(out), &err);
	else
		rc = simulate_channels(&o, cfg, tz, fc, wfm_atomic_fp(out), &err);
	wfm_cli_commit(prog, out, rc, &err);
	wfm_simfc_free(fc);
	wfm_channels_free(cfg);
	wfm_tz_free(tz);
	return 0;
}
