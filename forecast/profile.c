/* profile.c - wfm-profile: intraday/weekday load profile of a history. */
#include "atomic_write.h"
#include "cli.h"
#include "csv.h"
#include "profile.h"
#include "series.h"
#include "strlist.h"
#include "timeutil.h"
#include "gslpolicy.h"
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-profile";

static const char usage[] =
	"Usage: wfm profile HISTORY.csv [options]\n"
	"\n"
	"Load profile of a contact history (timestamp,channel,volume[,aht_s]):\n"
	"per channel the mean volume of every interval of the day by weekday or\n"
	"month, its share of the day and its ratio to the day's mean interval;\n"
	"or daily totals; or a summary with weekday totals, the weekly growth\n"
	"trend, missing and zero intervals, a closed window and the peak days.\n"
	"\n"
	"Options:\n"
	"  --by weekday|month     group days by weekday (default) or by month\n"
	"  --report KIND          profile (default, CSV), daily (CSV) or summary\n"
	"  --channels LIST        only these channels, comma separated\n"
	"  --top N                peak days listed in the summary (default 10)\n"
	"  --format csv|json      summary as text (csv) or JSON (json)\n"
	"  --tz ZONE              zone of naive timestamps (default $TZ, else UTC)\n"
	"  -o, --output FILE      write FILE atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Outputs:\n"
	"  profile  channel,group,time,mean,share,ratio,days\n"
	"  daily    date,weekday,channel,volume,complete\n"
	"\n"
	"Examples:\n"
	"  wfm profile data/history.csv --tz Europe/Moscow -o profile.csv\n"
	"  wfm profile data/history.csv --report summary --top 5\n";

struct opts {
	const char *input, *output, *tz, *channels;
	enum wfm_profile_by by;
	enum { REPORT_PROFILE, REPORT_DAILY, REPORT_SUMMARY } report;
	int json;
	long top;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		{ "by", required_argument, NULL, 'b' },
		{ "report", required_argument, NULL, 'r' },
		{ "channels", required_argument, NULL, 'c' },
		{ "top", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ "tz", required_argument, NULL, 'z' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->top = 10;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'c':
			if (!*optarg)
				wfm_usage_fail(prog, "--channels: empty list");
			o->channels = optarg;
			break;
		case 'n': o->top = wfm_arg_long(prog, "--top", optarg, 0, 32); break;
		case 'b':
			o->by = wfm_arg_choice(prog, "--by", optarg,
					       (const char *const[]){ "weekday", "month", NULL });
			break;
		case 'r':
			o->report = wfm_arg_choice(prog, "--report", optarg,
						   (const char *const[]){ "profile", "daily", "summary", NULL });
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
	if (o->json && o->report != REPORT_SUMMARY)
		wfm_usage_fail(prog, "--format json goes with --report summary (profile and daily are CSV)");
	if (optind + 1 != argc)
		wfm_usage_fail(prog, optind == argc ? "no history file given" : "more than one input file");
	o->input = argv[optind];
}

static void write_num(FILE *fp, double v)
{
	if (isnan(v))
		fputs(",", fp);
	else
		fprintf(fp, ",%.4f", v);
}

static void write_profile(FILE *fp, const wfm_series *s, const wfm_profile *p)
{
	fputs("channel,group,time,mean,share,ratio,days\n", fp);
	for (size_t c = 0; c < p->nchan; c++)
		for (int g = 0; g < p->ngroups; g++)
			for (int k = 0; k < p->nslots; k++) {
				int at = g * p->nslots + k, min = k * p->step / 60;
				wfm_csv_write_field(fp, s->channel[c], 1);
				fprintf(fp, ",%s,%02d:%02d", wfm_profile_group_name(p, g), min / 60, min % 60);
				write_num(fp, p->chan[c].mean[at]);
				write_num(fp, p->chan[c].share[at]);
				write_num(fp, p->chan[c].ratio[at]);
				fprintf(fp, ",%ld\n", p->chan[c].ndays[at]);
			}
}

static void write_daily(FILE *fp, const wfm_series *s, const wfm_tz *tz, const wfm_daily *d)
{
	static const char *wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	char date[16];

	fputs("date,weekday,channel,volume,complete\n", fp);
	for (size_t dd = 0; dd < d->ndays; dd++) {
		int64_t day = d->first_day + (int64_t)dd;
		/* intervals in this local day: 23 or 25 h on DST change days */
		int slots = (int)((wfm_time_day_start(day + 1, tz) - wfm_time_day_start(day, tz)) / s->step);
		wfm_time_format_date(day, date, sizeof(date));
		for (size_t c = 0; c < d->nchan; c++) {
			int gone = d->incomplete[c * d->ndays + dd];
			fprintf(fp, "%s,%s,", date, wd[wfm_time_weekday(day)]);
			wfm_csv_write_field(fp, s->channel[c], 1);
			if (gone == slots)      /* no data that day: no total */
				fprintf(fp, ",,0\n");
			else
				fprintf(fp, ",%.0f,%d\n", d->total[c * d->ndays + dd], !gone);
		}
	}
}

static void hhmm(char *buf, int min)
{
	sprintf(buf, "%02d:%02d", min / 60 % 24, min % 60);
}

/* "%.*f" of v, or "n/a" when v is NAN (no complete day, too few weeks). */
static const char *num(char *buf, size_t size, double v, int prec, int sign)
{
	if (isnan(v))
		snprintf(buf, size, "n/a");
	else
		snprintf(buf, size, sign ? "%+.*f" : "%.*f", prec, v);
	return buf;
}

static void write_summary_text(FILE *fp, const wfm_series *s, const wfm_tz *tz,
			       const struct wfm_channel_summary *sum)
{
	static const char *wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	char a[40], b[40];

	wfm_time_format(s->start, tz, a, sizeof(a));
	wfm_time_format(wfm_series_time(s, s->n - 1), tz, b, sizeof(b));
	fprintf(fp, "history %s .. %s, %d-minute intervals, %zu channels, zone %s\n",
		a, b, s->step / 60, s->nchan, wfm_tz_name(tz));
	for (size_t c = 0; c < s->nchan; c++) {
		const struct wfm_channel_summary *o = &sum[c];
		fprintf(fp, "\n%s\n", s->channel[c]);
		fprintf(fp, "  mean daily total     %s\n", num(a, sizeof(a), o->mean_daily, 1, 0));
		fprintf(fp, "  by weekday          ");
		for (int w = 0; w < 7; w++)
			fprintf(fp, " %s %s", wd[w], num(a, sizeof(a), o->weekday_mean[w], 0, 0));
		if (isnan(o->growth_week))
			fprintf(fp, "\n  growth trend         n/a (needs 3 complete Mon-Sun weeks, %zu found)\n",
				o->weeks);
		else
			fprintf(fp, "\n  growth trend         %+.2f%% per week (%+.1f%% per year, %zu weeks)\n",
				100 * o->growth_week, 100 * o->growth_year, o->weeks);
		fprintf(fp, "  peak-hour ratio      %.2f (busiest interval / mean interval)\n", o->peak_ratio);
		fprintf(fp, "  intervals            %zu, missing %zu, zero %zu\n",
			o->intervals, o->missing, o->zero);
		if (o->closed_from >= 0) {
			hhmm(a, o->closed_from);
			hhmm(b, o->closed_to);
			fprintf(fp, "  closed every day     %s-%s\n", a, b);
		}
		fprintf(fp, "  peak days           ");
		if (!o->ntop)
			fputs(isnan(o->mean_daily) ? " none (no complete day)" : " none", fp);
		for (size_t k = 0; k < o->ntop; k++) {
			wfm_time_format_date(o->top[k].day, a, sizeof(a));
			fprintf(fp, "%s %s %.0f", k ? "," : "", a, o->top[k].total);
		}
		fputc('\n', fp);
	}
}

static void write_summary_json(FILE *fp, const wfm_series *s,
			       const struct wfm_channel_summary *sum)
{
	char d[16];

	fputs("{\"step_min\":", fp);
	fprintf(fp, "%d,\"channels\":[", s->step / 60);
	for (size_t c = 0; c < s->nchan; c++) {
		const struct wfm_channel_summary *o = &sum[c];
		fputs(c ? ",{\"channel\":" : "{\"channel\":", fp);
		wfm_json_str(fp, s->channel[c]);
		fputc(',', fp);
		wfm_json_num(fp, "mean_daily", o->mean_daily, 10, ",");
		wfm_json_num(fp, "growth_week", o->growth_week, 10, ",");
		wfm_json_num(fp, "growth_year", o->growth_year, 10, ",");
		wfm_json_num(fp, "peak_ratio", o->peak_ratio, 10, ",");
		fprintf(fp, "\"intervals\":%zu,\"missing\":%zu,\"zero\":%zu,\"weekday_mean\":[",
			o->intervals, o->missing, o->zero);
		for (int w = 0; w < 7; w++)
			if (isnan(o->weekday_mean[w]))
				fprintf(fp, "%snull", w ? "," : "");
			else
				fprintf(fp, "%s%.10g", w ? "," : "", o->weekday_mean[w]);
		fputs("],\"peak_days\":[", fp);
		for (size_t k = 0; k < o->ntop; k++) {
			wfm_time_format_date(o->top[k].day, d, sizeof(d));
			fprintf(fp, "%s{\"date\":\"%s\",\"volume\":%.0f}", k ? "," : "", d, o->top[k].total);
		}
		fputs("]}", fp);
	}
	fputs("]}\n", fp);
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
		write_profile(fp, s, p);
		wfm_profile_free(p);
	} else if (o->report == REPORT_DAILY) {
		wfm_daily *d = wfm_profile_daily(s, tz, err);
		if (!d)
			return -1;
		write_daily(fp, s, tz, d);
		wfm_daily_free(d);
	} else {
		struct wfm_channel_summary *sum = calloc(s->nchan, sizeof(*sum));
		if (!sum)
			return wfm_error_set(err, "out of memory");
		rc = wfm_profile_summary(s, tz, (size_t)o->top, sum, err);
		if (!rc && o->json)
			write_summary_json(fp, s, sum);
		else if (!rc)
			write_summary_text(fp, s, tz, sum);
		free(sum);
	}
	return rc;
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz;
	wfm_series *s;
	wfm_atomic *out;

	wfm_gsl_policy();
	parse_args(argc, argv, &o);
	wfm_check_outputs(prog, &o.input, 1, &o.output, 1);
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
	warn_missing(s, tz, strcmp(o.input, "-") ? o.input : "<stdin>");
	if (!(out = wfm_atomic_open(o.output, &err)))
		wfm_die(prog, &err);
	if (run(&o, s, tz, wfm_atomic_fp(out), &err)) {
		wfm_atomic_abort(out);
		wfm_die(prog, &err);
	}
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	wfm_series_free(s);
	wfm_tz_free(tz);
	return 0;
}
