/* profile_io.c - the writers of lib/profile.h's results: profile.csv
 * (the one place its header is written; wfm_profile_load() reads it),
 * the daily totals CSV and the summary as text or JSON.
 * Entry points: wfm_profile_write(), wfm_daily_write(),
 * wfm_profile_summary_write(). */
#include "profile.h"
#include "csv.h"
#include "json.h"
#include "timeutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static void write_num(FILE *fp, double v)
{
	if (isnan(v))
		fputs(",", fp);
	else
		fprintf(fp, ",%.4f", v);
}

void wfm_profile_write(FILE *fp, const wfm_series *s, const wfm_profile *p)
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

void wfm_daily_write(FILE *fp, const wfm_series *s, const wfm_tz *tz, const wfm_daily *d)
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

void wfm_profile_summary_write(FILE *fp, int json, const wfm_series *s, const wfm_tz *tz,
			       const struct wfm_channel_summary *sum)
{
	if (json)
		write_summary_json(fp, s, sum);
	else
		write_summary_text(fp, s, tz, sum);
}
