/* coverage.c - coverage.csv reader and writer.  See coverage.h. */
#include "coverage.h"
#include "csv.h"
#include "mem.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

wfm_coverage *wfm_coverage_new(int has_channel, int has_outbound)
{
	wfm_coverage *cv = calloc(1, sizeof(*cv));

	if (cv) {
		cv->has_channel = has_channel;
		cv->has_outbound = has_outbound;
	}
	return cv;
}

void wfm_coverage_free(wfm_coverage *cv)
{
	if (cv) {
		wfm_free_strv(cv->channel, cv->nchan);
		WFM_FREE(cv->row, cv);
	}
}

long wfm_coverage_channel(wfm_coverage *cv, const char *name)
{
	long c;

	if (!strcmp(name, WFM_COVERAGE_TOTAL))
		return -1;
	return (c = wfm_strv_intern(&cv->channel, &cv->nchan, name)) < 0 ? -2 : c;
}

int wfm_coverage_add(wfm_coverage *cv, int64_t t, long chan, double required,
		     double scheduled, double outbound, wfm_error *err)
{
	if (WFM_GROW(cv->row, cv->cap, cv->n + 1))
		return wfm_error_set(err, "out of memory");
	cv->row[cv->n++] = (struct wfm_cov_row){ t, chan, required, scheduled, outbound, NAN, 0 };
	return 0;
}

/* The first instant of local day d (its midnight, or the first wall time
 * after it when clocks jump over midnight). */
static int64_t day_start(const wfm_tz *tz, int64_t d)
{
	int64_t utc = d * 86400;

	for (int m = 0; m < 1440; m += 15)
		if (wfm_tz_to_utc(tz, d * 86400 + m * 60, 0, &utc) != WFM_TZ_GAP)
			return utc - m * 60;
	return utc;
}

static double req_at(const wfm_requirements *rq, int64_t t)
{
	double s = 0;
	int64_t j;

	if (t < rq->start || (t - rq->start) % rq->step)
		return 0;
	j = (t - rq->start) / rq->step;
	if ((size_t)j >= rq->n)
		return 0;
	for (size_t c = 0; c < rq->nchan; c++)
		if (!isnan(rq->agents_gross[c * rq->n + (size_t)j]))
			s += rq->agents_gross[c * rq->n + (size_t)j];
	return s;
}

int wfm_coverage_add_days(wfm_coverage *cv, const wfm_tz *tz, int64_t first_day, int ndays, int step,
			  const double *req, const double *sch, const wfm_requirements *rq,
			  wfm_error *err)
{
	int64_t t = day_start(tz, first_day), end = day_start(tz, first_day + ndays);
	int64_t ncell = (int64_t)ndays * (86400 / step);

	for (; t < end; t += step) {
		int64_t i = (t + wfm_tz_offset(tz, t) - first_day * 86400) / step;
		double r, s;
		if (i < 0 || i >= ncell)
			continue;
		r = req ? req[i] : rq ? req_at(rq, t) : 0;
		s = sch[i];
		if (wfm_coverage_add(cv, t, -1, r, s, NAN, err))
			return -1;
	}
	return 0;
}

/* A number with at most 3 decimals and no trailing zeros; with two,
 * whole numbers plain and others with 2 decimals. */
static void num(FILE *fp, double v, int two)
{
	char buf[64], *e;

	if (two) {
		if (fabs(v - lround(v)) < 1e-9)
			fprintf(fp, ",%ld", lround(v));
		else
			fprintf(fp, ",%.2f", v);
		return;
	}
	snprintf(buf, sizeof(buf), "%.3f", fabs(v) < 5e-4 ? 0.0 : v);
	e = buf + strlen(buf) - 1;
	while (*e == '0')
		*e-- = 0;
	if (*e == '.')
		*e = 0;
	fprintf(fp, ",%s", buf);
}

int wfm_coverage_write(FILE *fp, const wfm_coverage *cv, const wfm_tz *tz)
{
	char a[48];

	fprintf(fp, "timestamp%s,required,scheduled,over,under%s%s\n",
		cv->has_channel ? ",channel" : "", cv->has_outbound ? ",outbound" : "",
		cv->has_before ? ",scheduled_before" : "");
	for (size_t i = 0; i < cv->n; i++) {
		const struct wfm_cov_row *r = &cv->row[i];
		double rq = r->required, s = r->scheduled;
		if (tz)
			wfm_time_format(r->t, tz, a, sizeof(a));
		else {
			int64_t d = r->t >= 0 ? r->t / 86400 : -((-r->t + 86399) / 86400);
			int m = (int)((r->t - d * 86400) / 60);
			wfm_time_format_date(d, a, sizeof(a));
			snprintf(a + strlen(a), sizeof(a) - strlen(a), "T%02d:%02d", m / 60, m % 60);
		}
		fputs(a, fp);
		if (cv->has_channel)
			wfm_csv_write_field(fp, r->chan < 0 ? WFM_COVERAGE_TOTAL : cv->channel[r->chan], 0);
		num(fp, rq, cv->two_decimals);
		num(fp, s, cv->two_decimals);
		num(fp, s > rq ? s - rq : 0, cv->two_decimals);
		num(fp, rq > s ? rq - s : 0, cv->two_decimals);
		if (cv->has_outbound)
			num(fp, isnan(r->outbound) ? 0 : r->outbound, cv->two_decimals);
		if (cv->has_before && isnan(r->before))
			fputc(',', fp);
		else if (cv->has_before)
			num(fp, r->before, cv->two_decimals);
		fputc('\n', fp);
	}
	return ferror(fp) ? -1 : 0;
}

static int read_row(wfm_csv_reader *r, const int *col, const wfm_tz *tz, wfm_coverage *cv,
		    wfm_error *err)
{
	struct wfm_cov_row w = { 0 };
	const int which[3] = { col[1], col[2], col[4] };
	double *dst[3] = { &w.required, &w.scheduled, &w.outbound };

	w.outbound = w.before = NAN;
	if (col[5] >= 0 && wfm_csv_double_opt(r, col[5], NAN, &w.before, err))
		return -1;
	if (w.before < 0)
		return wfm_csv_error(r, col[5], err, "%g is negative", w.before);
	w.line = wfm_csv_line(r);
	if (wfm_csv_time(r, col[0], tz, 0, &w.t, err) < 0)
		return -1;
	for (int k = 0; k < 3; k++) {
		if (which[k] < 0)
			continue;
		if (wfm_csv_double(r, which[k], dst[k], err))
			return -1;
		if (*dst[k] < 0)
			return wfm_csv_error(r, which[k], err, "%g is negative", *dst[k]);
	}
	w.chan = -1;
	if (col[3] >= 0) {
		const char *name = wfm_csv_get(r, col[3]);
		if (!*name)
			return wfm_csv_error(r, col[3], err, "empty channel name");
		if ((w.chan = wfm_coverage_channel(cv, name)) < -1)
			return wfm_error_set(err, "out of memory");
	}
	if (wfm_coverage_add(cv, 0, 0, 0, 0, 0, err))
		return -1;
	cv->row[cv->n - 1] = w;
	return 0;
}

wfm_coverage *wfm_coverage_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	static const char *const names[] = { "timestamp", "required", "scheduled", "?channel", "?outbound",
					     "?scheduled_before" };
	int col[6], rc;
	wfm_csv_reader *r = wfm_csv_open_cols(path, names, 6, col, err);
	wfm_coverage *cv = NULL;

	if (!r)
		return NULL;
	if (!(cv = wfm_coverage_new(col[3] >= 0, col[4] >= 0))) {
		wfm_error_set(err, "out of memory");
		goto fail;
	}
	cv->has_before = col[5] >= 0;
	snprintf(cv->file, sizeof(cv->file), "%s", wfm_csv_name(r));
	while ((rc = wfm_csv_next(r, err)) == 1)
		if (read_row(r, col, tz, cv, err))
			goto fail;
	if (rc < 0)
		goto fail;
	if (cv->n == 0) {
		wfm_error_at(err, wfm_csv_name(r), 1, NULL, "no data rows");
		goto fail;
	}
	wfm_csv_close(r);
	return cv;
fail:
	wfm_coverage_free(cv);
	wfm_csv_close(r);
	return NULL;
}
