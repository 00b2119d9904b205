/* capacity.c - wfm-capacity: the long-range staffing and hiring plan
 * (weeks to 18 months) with attrition, training and ramp-up. */
#include "atomic_write.h"
#include "capacity.h"
#include "cli.h"
#include "series.h"
#include "shiftrules.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-capacity";

static const char head[] =
	"Usage: wfm capacity VOLUMES.csv... --channels CHANNELS.csv --headcount HEADCOUNT.csv\n"
	"       --params PARAMS.csv [--profile PROFILE.csv | --history HISTORY.csv] [options]\n"
	"\n"
	"Long-range staffing and hiring plan, week by week: required FTE from\n"
	"interval-level sizing (the weekly or monthly volumes spread over the\n"
	"week's intervals with the profile, each interval sized for the targets of\n"
	"channels.csv, agent-hours turned into paid hours with the shift model's\n"
	"efficiency); headcount with attrition, training classes and ramp-up;\n"
	"classes chosen by an integer program (least hires' paid hours such that\n"
	"effective FTE covers required FTE from the first week a class can be\n"
	"ready); the service level and occupancy the effective staff would give.\n"
	"Several volume files, or --scenario factors, give plans side by side.\n";

static const char tail[] =
	"Output:\n"
	"  week,scenario,headcount,leavers,hires,in_training,ramping,effective_fte,\n"
	"  required_fte,average_load_fte,overtime_fte,gap_fte,met,service_level,occupancy\n"
	"  (one row per week and scenario); a summary per scenario on stderr\n"
	"\n"
	"Examples:\n"
	"  wfm forecast data/history.csv --horizon 364d --aggregate week -o volumes.csv\n"
	"  wfm capacity volumes.csv --channels data/channels.csv \\\n"
	"      --headcount data/headcount.csv --params data/capacity-params.csv \\\n"
	"      --profile out/profile.csv --rules data/rules.csv --scenario high=1.2,low=0.85 \\\n"
	"      -o capacity.csv\n";

#define MAX_SCEN 16

struct scen {
	char name[64];
	size_t file;             /* index into the volume files */
	double factor;
};

struct opts {
	const char *output, *tz, *channels, *headcount, *params, *profile, *history, *rules;
	int64_t from, to;
	const char **vol;
	size_t nvol, nscen;
	struct scen sc[MAX_SCEN];
	const char *scenario;
	double time_limit;
};

static void base_name(const char *path, char *out, size_t size)
{
	const char *b = strrchr(path, '/');
	size_t n;

	b = b ? b + 1 : path;
	n = strlen(b);
	if (n > 4 && !strcmp(b + n - 4, ".csv"))
		n -= 4;
	snprintf(out, size, "%.*s", (int)n, b);
}

/* Scenarios: each volume file (named "base" when alone), then --scenario. */
static void scenarios(struct opts *o)
{
	char buf[512], *tok, *save = NULL;

	for (size_t f = 0; f < o->nvol; f++) {
		if (o->nscen == MAX_SCEN)
			wfm_usage_fail(prog, "more than %d scenarios", MAX_SCEN);
		struct scen *s = &o->sc[o->nscen++];
		s->file = f;
		s->factor = 1;
		if (o->nvol == 1)
			strcpy(s->name, "base");
		else
			base_name(o->vol[f], s->name, sizeof(s->name));
	}
	if (!o->scenario)
		return;
	if (strlen(o->scenario) >= sizeof(buf))
		wfm_usage_fail(prog, "--scenario: list too long");
	strcpy(buf, o->scenario);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '=');
		if (!eq || eq == tok || eq - tok >= 64 || o->nscen == MAX_SCEN)
			wfm_usage_fail(prog, "--scenario: \"%s\" is not NAME=FACTOR (at most %d scenarios)", tok, MAX_SCEN);
		*eq = 0;
		for (size_t k = 0; k < o->nscen; k++)
			if (!strcmp(o->sc[k].name, tok))
				wfm_usage_fail(prog, "--scenario: %s is named twice", tok);
		struct scen *s = &o->sc[o->nscen++];
		snprintf(s->name, sizeof(s->name), "%s", tok);
		s->factor = wfm_arg_double(prog, "--scenario", eq + 1, 0.001, 1000);
	}
}

static void parse_args(int argc, char **argv, struct opts *o)
{
	const struct wfm_opt opts[] = {
		WFM_OPT_CHANNELS(&o->channels),
		{ "headcount", 0, WFM_ARG_STR, &o->headcount, "FILE", .help = "group,agents,contract_h_week"
		  "[,tenure_months] (required)" },
		{ "params", 0, WFM_ARG_STR, &o->params, "FILE", .help = "parameter,key,value: attrition, lead "
		  "time, classes, ramp-up, shrinkage, overtime (required; docs/capacity.md)" },
		{ "profile", 0, WFM_ARG_STR, &o->profile, "FILE", .help = "intraday shape: output of wfm profile "
		  "(--by weekday|month)" },
		{ "history", 0, WFM_ARG_STR, &o->history, "FILE", .help = "or a history to compute the weekday "
		  "profile from (neither: volumes spread evenly over the week)" },
		{ "rules", 0, WFM_ARG_STR, &o->rules, "FILE", .help = "shift rules: measure the shift efficiency "
		  "from the shift model's LP bound (else params' shift_efficiency, else 1)" },
		{ "scenario", 0, WFM_ARG_STR, &o->scenario, "LIST", .help = "NAME=FACTOR,... volumes of the first "
		  "file x FACTOR (e.g. high=1.2,low=0.85), next to the file's own plan" },
		{ "from", 0, WFM_ARG_DATE, &o->from, "DATE", .help = "first day monthly volumes cover, when their "
		  "first month is partial (as wfm forecast --aggregate month writes the ends of its horizon)" },
		{ "to", 0, WFM_ARG_DATE, &o->to, "DATE", .help = "last day monthly volumes cover, when their last "
		  "month is partial" },
		{ "time-limit", 0, WFM_ARG_DOUBLE, &o->time_limit, "S", .help = "seconds per scenario's integer "
		  "program", .def = "2", .min = 0.01, .max = 3600 },
		WFM_OPT_ZONE(&o->tz, "local days", ""),
		WFM_OPT_OUTPUT(&o->output),
		{ 0 },
	};
	const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };

	memset(o, 0, sizeof(*o));
	o->from = o->to = WFM_CAP_NODAY;
	wfm_opts_parse(&cli, argc, argv);
	if (optind == argc)
		wfm_usage_fail(prog, "no volumes file given");
	if (!o->channels || !o->headcount || !o->params)
		wfm_usage_fail(prog, "--channels, --headcount and --params are required");
	if (o->profile && o->history)
		wfm_usage_fail(prog, "give --profile or --history, not both");
	o->vol = (const char **)argv + optind;
	o->nvol = (size_t)(argc - optind);
	scenarios(o);
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	struct wfm_cap_params par;
	struct wfm_cap_input in = { 0 };
	struct wfm_cap_result res[MAX_SCEN];
	struct wfm_cap_series ser[MAX_SCEN];
	wfm_cap_volumes *vol[MAX_SCEN] = { 0 };
	wfm_cap_headcount *hc;
	wfm_channels *cfg;
	wfm_profile *prof = NULL;
	wfm_series *hist = NULL;
	wfm_shiftrules *rules = NULL;
	wfm_atomic *out;
	wfm_tz *tz;
	double eh[3], ef[3];
	size_t ne = 0;

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 6, o.channels, o.headcount, o.params, o.profile, o.history, o.rules);
	wfm_check_outputs(prog, (const char *[]){ o.channels, o.headcount, o.params, o.profile,
						  o.history, o.rules }, 6, &o.output, 1);
	wfm_check_outputs(prog, o.vol, o.nvol, &o.output, 1);
	wfm_gsl_policy();
	if (!(tz = wfm_tz_open(o.tz, &err)) || !(cfg = wfm_channels_load(o.channels, &err)) ||
	    wfm_cap_params_load(o.params, &par, &err) || !(hc = wfm_cap_headcount_load(o.headcount, &err)) ||
	    (o.rules && !(rules = wfm_shiftrules_load(o.rules, &err))))
		wfm_die(prog, &err);
	if (o.profile ? !(prof = wfm_profile_load(o.profile, &err)) : o.history &&
	    (!(hist = wfm_series_load(o.history, tz, &err)) ||
	     !(prof = wfm_profile_compute(hist, tz, WFM_BY_WEEKDAY, &err))))
		wfm_die(prog, &err);
	for (size_t f = 0; f < o.nvol; f++) {
		if (!(vol[f] = wfm_cap_volumes_load(o.vol[f], o.from, o.to, &err)))
			wfm_die(prog, &err);
		if (f && (vol[f]->first_day != vol[0]->first_day || vol[f]->nweeks != vol[0]->nweeks)) {
			char a[16], b[16];
			wfm_time_format_date(vol[f]->first_day, a, sizeof(a));
			wfm_time_format_date(vol[0]->first_day, b, sizeof(b));
			wfm_error_at(&err, vol[f]->file, 0, NULL, "%zu weeks from %s, but %s has %zu from %s: "
				     "plans side by side need the same weeks", vol[f]->nweeks, a, vol[0]->file,
				     vol[0]->nweeks, b);
			wfm_die(prog, &err);
		}
	}
	in = (struct wfm_cap_input){ .par = &par, .hc = hc, .cfg = cfg, .prof = prof,
		.prof_names = (const char *const *)(hist ? hist->channel : prof ? prof->channel : NULL),
		.prof_file = o.profile ? o.profile : o.history, .tz = tz, .rules = rules,
		.time_limit = o.time_limit };
	wfm_staff_opts_default(&in.so);
	for (size_t f = 0; f < o.nvol; f++) {
		wfm_cap *m;
		in.vol = vol[f];
		in.vol_path = o.vol[f];
		if (!(m = wfm_cap_prepare(&in, &err)) || wfm_cap_efficiency(m, 1, eh, ef, &ne, &err))
			wfm_die(prog, &err);
		for (size_t k = 0; k < o.nscen; k++) {
			if (o.sc[k].file != f)
				continue;
			if (wfm_cap_run(m, o.sc[k].factor, &res[k], &err))
				wfm_die(prog, &err);
			snprintf(res[k].plan.name, sizeof(res[k].plan.name), "%s", o.sc[k].name);
			ser[k] = res[k].plan;
		}
		wfm_cap_free(m);
	}
	out = wfm_cli_output(prog, o.output);
	wfm_cap_plan_write(wfm_atomic_fp(out), ser, o.nscen);
	wfm_cli_commit(prog, out, 0, &err);
	if (vol[0]->first_ratio < 0.8 || vol[0]->last_ratio < 0.8)
		wfm_warn(prog, "%s: the %s month has %.0f%% of the next month's volume a day: a partial "
			 "month? (--from, --to)", vol[0]->file, vol[0]->first_ratio < 0.8 ? "first" : "last",
			 100 * fmin(vol[0]->first_ratio, vol[0]->last_ratio));
	if (!prof)
		wfm_warn(prog, "no --profile or --history: volumes spread evenly over the week's hours "
			 "(required FTE is then the average-load figure)");
	if (wfm_report())
		wfm_cap_report(wfm_report(), prog, vol[0], &par, o.rules != NULL, res, o.nscen, eh, ef, ne);
	for (size_t k = 0; k < o.nscen; k++)
		free(ser[k].week);
	for (size_t f = 0; f < o.nvol; f++)
		wfm_cap_volumes_free(vol[f]);
	wfm_profile_free(prof);
	wfm_series_free(hist);
	wfm_shiftrules_free(rules);
	wfm_cap_headcount_free(hc);
	wfm_channels_free(cfg);
	wfm_tz_free(tz);
	return 0;
}
