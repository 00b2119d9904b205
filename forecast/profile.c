/* profile.c - wfm-profile: intraday/weekday load profile of a history. */
#include "atomic_write.h"
#include "cli.h"
#include "profile.h"
#include "series.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-profile";

static const char head[] =
	"Usage: wfm profile HISTORY.csv [options]\n"
	"\n"
	"Load profile of a contact history (timestamp,channel,volume[,aht_s]):\n"
	"per channel the mean volume of every interval of the day by weekday or\n"
	"month, its share of the day and its ratio to the day's mean interval;\n"
	"or daily totals; or a summary with weekday totals, the weekly growth\n"
	"trend, missing and zero intervals, a closed window and the peak days.\n";

static const char tail[] =
	"Outputs:\n"
	"  profile  channel,group,time,mean,share,ratio,days\n"
	"  daily    date,weekday,channel,volume,complete\n"
	"\n"
	"Examples:\n"
	"  wfm profile data/history.csv --tz Europe/Moscow -o profile.csv\n"
	"  wfm profile data/history.csv --report summary --top 5\n";

enum { REPORT_PROFILE, REPORT_DAILY, REPORT_SUMMARY };

struct opts {
	const char *input, *output, *tz, *channels;
	int by, report, json;
	long top;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	memset(o, 0, sizeof(*o));
	const struct wfm_opt opts[] = {
		{ "by", 0, WFM_ARG_CHOICE, &o->by, NULL, .help = "group days by weekday or by month",
		  .def = "weekday", .words = (const char *const[]){ "weekday", "month", NULL } },
		{ "report", 0, WFM_ARG_CHOICE, &o->report, "KIND", .help = "profile (CSV), daily (CSV) or summary",
		  .def = "profile", .words = (const char *const[]){ "profile", "daily", "summary", NULL } },
		WFM_OPT_CHANNEL_LIST(&o->channels),
		{ "top", 0, WFM_ARG_LONG, &o->top, "N", .help = "peak days listed in the summary",
		  .def = "10", .min = 0, .max = 32 },
		{ "format", 0, WFM_ARG_CHOICE, &o->json, NULL, .help = "summary as text (csv) or JSON (json)",
		  .words = (const char *const[]){ "csv", "json", NULL } },
		WFM_OPT_TZ(&o->tz),
		WFM_OPT_OUTPUT(&o->output),
		{ 0 },
	};
	const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };

	wfm_opts_parse(&cli, argc, argv);
	if (o->channels && !*o->channels)
		wfm_usage_fail(prog, "--channels: empty list");
	if (o->json && o->report != REPORT_SUMMARY)
		wfm_usage_fail(prog, "--format json goes with --report summary (profile and daily are CSV)");
	o->input = wfm_cli_operands(prog, argc, argv, 1, (const char *const[]){ "no history file given",
				    "more than one input file" })[0];
}

static void warn_missing(const wfm_series *s, const wfm_tz *tz, const char *input)
{
	char buf[40];

	for (size_t c = 0; c < s->nchan; c++) {
		if (!s->missing[c])
			continue;
		wfm_time_format(s->first_missing[c], tz, buf, sizeof(buf));
		wfm_warn(prog, "%s: %s: %zu missing intervals (first %s), left out of means",
			 input, s->channel[c], s->missing[c], buf);
	}
}

static int run(const struct opts *o, const wfm_series *s, const wfm_tz *tz,
	       FILE *fp, wfm_error *err)
{
	int rc = 0;

	if (o->report == REPORT_PROFILE) {
		wfm_profile *p = wfm_profile_compute(s, tz, o->by, err);
		if (!p)
			return -1;
		wfm_profile_write(fp, s, p);
		wfm_profile_free(p);
	} else if (o->report == REPORT_DAILY) {
		wfm_daily *d = wfm_profile_daily(s, tz, err);
		if (!d)
			return -1;
		wfm_daily_write(fp, s, tz, d);
		wfm_daily_free(d);
	} else {
		struct wfm_channel_summary *sum = calloc(s->nchan, sizeof(*sum));
		if (!sum)
			return wfm_error_set(err, "out of memory");
		rc = wfm_profile_summary(s, tz, (size_t)o->top, sum, err);
		if (!rc)
			wfm_profile_summary_write(fp, o->json, s, tz, sum);
		free(sum);
	}
	return rc;
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };

	wfm_gsl_policy();
	parse_args(argc, argv, &o);
	wfm_check_outputs(prog, &o.input, 1, &o.output, 1);
	wfm_tz *tz = wfm_cli_tz(prog, o.tz);
	wfm_series *s = wfm_series_load(o.input, tz, &err);
	if (!s || (o.channels && wfm_series_select_list(s, o.channels, &err)))
		wfm_die(prog, &err);
	warn_missing(s, tz, strcmp(o.input, "-") ? o.input : "<stdin>");
	wfm_atomic *out = wfm_cli_output(prog, o.output);
	wfm_cli_commit(prog, out, run(&o, s, tz, wfm_atomic_fp(out), &err), &err);
	wfm_series_free(s);
	wfm_tz_free(tz);
	return 0;
}
