/* forecastcsv.c - write and read forecast.csv.  See forecastcsv.h. */
#include "forecastcsv.h"
#include "json.h"
#include "csv.h"
#include "grid.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void num(FILE *fp, double v, const char *fmt)
{
	fputc(',', fp);
	if (!isnan(v))
		fprintf(fp, fmt, v);
}

void wfm_forecastcsv_begin(struct wfm_forecastcsv_out *w, FILE *fp, int json, int by_date)
{
	w->fp = fp;
	w->json = json;
	w->by_date = by_date;
	w->first = 1;
	if (!json)
		fputs(by_date ? "date,channel,volume,aht_s,volume_lo,volume_hi\n"
		      : "timestamp,channel,volume,aht_s,volume_lo,volume_hi\n", fp);
}

void wfm_forecastcsv_row(struct wfm_forecastcsv_out *w, const char *when, const char *chan,
			 double vol, double aht, double lo, double hi)
{
	FILE *fp = w->fp;

	if (w->json) {
		fputs(w->first ? "[\n{" : ",\n{", fp);
		fprintf(fp, "\"%s\":", w->by_date ? "date" : "timestamp");
		wfm_json_str(fp, when);
		fputs(",\"channel\":", fp);
		wfm_json_str(fp, chan);
		fputc(',', fp);
		wfm_json_num(fp, "volume", vol, 6, ",");
		wfm_json_num(fp, "aht_s", aht, 6, ",");
		wfm_json_num(fp, "volume_lo", lo, 6, ",");
		wfm_json_num(fp, "volume_hi", hi, 6, "}");
	} else {
		fputs(when, fp);
		fputc(',', fp);
		wfm_csv_write_field(fp, chan, 1);
		num(fp, vol, "%.2f");
		num(fp, aht, "%.1f");
		num(fp, lo, "%.2f");
		num(fp, hi, "%.2f");
		fputc('\n', fp);
	}
	w->first = 0;
}

void wfm_forecastcsv_end(struct wfm_forecastcsv_out *w)
{
	if (w->json)
		fputs(w->first ? "[]\n" : "\n]\n", w->fp);
}

int wfm_forecastcsv_write(FILE *fp, const wfm_forecastcsv *f, const wfm_tz *tz)
{
	struct wfm_forecastcsv_out w;
	const wfm_series *s = f->s;
	char buf[48];

	wfm_forecastcsv_begin(&w, fp, 0, 0);
	for (size_t i = 0; i < s->n; i++) {
		wfm_time_format(wfm_series_time(s, i), tz, buf, sizeof(buf));
		for (size_t c = 0; c < s->nchan; c++) {
			size_t q = c * s->n + i;
			wfm_forecastcsv_row(&w, buf, s->channel[c], s->volume[q], s->aht ? s->aht[q] : NAN,
					    f->lo[q], f->hi[q]);
		}
	}
	wfm_forecastcsv_end(&w);
	return ferror(fp) ? -1 : 0;
}

/* Second pass: the bounds of every row already placed by the series
 * loader (same ambiguity rule: a repeated wall time is the later instant). */
static int read_bounds(const char *path, const wfm_tz *tz, wfm_forecastcsv *f, wfm_error *err)
{
	const wfm_series *s = f->s;
	wfm_csv_reader *r = wfm_csv_open(path, err);
	struct wfm_grid_seen amb = { 0 };
	int ct, cc, clo, chi, rc = 0;

	if (!r)
		return -1;
	ct = wfm_csv_col(r, "timestamp");
	cc = wfm_csv_col(r, "channel");
	clo = wfm_csv_col(r, "volume_lo");
	chi = wfm_csv_col(r, "volume_hi");
	while ((clo >= 0 || chi >= 0) && (rc = wfm_csv_next(r, err)) > 0) {
		int64_t t;
		int c = wfm_series_channel(s, wfm_csv_get(r, cc)), a;
		double lo = NAN, hi = NAN;
		if ((a = wfm_csv_time(r, ct, tz, 0, &t, err)) < 0) {
			rc = -1;
			break;
		}
		if (a == WFM_TZ_AMBIGUOUS && wfm_grid_seen_again(&amb, t, c))
			wfm_csv_time(r, ct, tz, 1, &t, err);
		if ((clo >= 0 && wfm_csv_double_opt(r, clo, NAN, &lo, err)) ||
		    (chi >= 0 && wfm_csv_double_opt(r, chi, NAN, &hi, err))) {
			rc = -1;
			break;
		}
		if (lo > hi) {
			rc = wfm_csv_error(r, clo, err, "volume_lo %g is above volume_hi %g", lo, hi);
			break;
		}
		size_t i = (size_t)((t - s->start) / s->step) + (size_t)c * s->n;
		f->lo[i] = lo;
		f->hi[i] = hi;
	}
	free(amb.v);
	wfm_csv_close(r);
	return rc < 0 ? -1 : 0;
}

wfm_forecastcsv *wfm_forecastcsv_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	wfm_forecastcsv *f = calloc(1, sizeof(*f));

	if (!f) {
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	if (!(f->s = wfm_series_load(path, tz, err)))
		goto fail;
	size_t cells = f->s->nchan * f->s->n;
	if (!(f->lo = malloc(cells * sizeof(double))) || !(f->hi = malloc(cells * sizeof(double)))) {
		wfm_error_set(err, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < cells; i++)
		f->lo[i] = f->hi[i] = NAN;
	if (strcmp(path, "-") && read_bounds(path, tz, f, err))
		goto fail;
	return f;
fail:
	wfm_forecastcsv_free(f);
	return NULL;
}

void wfm_forecastcsv_free(wfm_forecastcsv *f)
{
	if (!f)
		return;
	wfm_series_free(f->s);
	free(f->lo);
	free(f->hi);
	free(f);
}
