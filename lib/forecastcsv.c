/* forecastcsv.c - write and read forecast.csv.  See forecastcsv.h. */
#include "forecastcsv.h"
#include "json.h"
#include "mem.h"
#include "csv.h"
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

wfm_forecastcsv *wfm_forecastcsv_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	wfm_forecastcsv *f = calloc(1, sizeof(*f));

	if (f && !(f->s = wfm_series_load_band(path, tz, &f->lo, &f->hi, err))) {
		free(f);        /* a failed load leaves no band behind */
		return NULL;
	}
	return f ? f : wfm_oom(err);
}

void wfm_forecastcsv_free(wfm_forecastcsv *f)
{
	if (f) {
		wfm_series_free(f->s);
		WFM_FREE(f->lo, f->hi, f);
	}
}
