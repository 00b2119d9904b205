/* test_forecastcsv.c - lib/forecastcsv.c, the owner of forecast.csv: rows
 * written by the streaming writer load back as the same numbers on a
 * 30-min grid (volume and bounds to 0.01, aht to 0.1 - the written
 * precision), an empty field is NAN, and the whole-file writer (time,
 * then channel, as wfm forecast writes) gives back the same bytes: one
 * reader, one writer, one format. */
#include "check.h"
#include "forecastcsv.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *text =
	"timestamp,channel,volume,aht_s,volume_lo,volume_hi\n"
	"2026-11-23T09:00,calls,100.00,180.0,90.00,110.00\n"
	"2026-11-23T09:00,чат,7.00,600.0,5.00,9.00\n"
	"2026-11-23T09:30,calls,120.50,175.5,,130.25\n"
	"2026-11-23T09:30,чат,0.00,600.0,0.00,1.00\n";

/* The band's checks (lib/series.c, wfm_series_load_band): a volume_lo
 * above its volume_hi names line and column; without the two columns the
 * band is NAN everywhere; from standard input the band is read too (one
 * pass: the file is not opened twice). */
static void test_band(const wfm_tz *tz)
{
	char path[] = "/tmp/wfm-test-fcband.XXXXXX";
	wfm_error err = { 0 };
	wfm_forecastcsv *f;

	if (check_write_tmp(path, "timestamp,channel,volume,volume_lo,volume_hi\n"
			    "2026-11-23T09:00,calls,10,8,12\n2026-11-23T10:00,calls,11,12,10\n"))
		return;
	CHECK(!wfm_forecastcsv_load(path, tz, &err), "lo above hi refused");
	CHECK(err.line == 3 && strstr(err.msg, "volume_lo 12 is above volume_hi 10"), "line 3: %s", err.msg);
	unlink(path);
	strcpy(path, "/tmp/wfm-test-fcband.XXXXXX");
	if (check_write_tmp(path, "timestamp,channel,volume\n2026-11-23T09:00,calls,10\n"
			    "2026-11-23T10:00,calls,11\n"))
		return;
	f = wfm_forecastcsv_load(path, tz, &err);
	CHECK(f && f->s->n == 2 && isnan(f->lo[0]) && isnan(f->hi[1]), "no band columns: NAN");
	wfm_forecastcsv_free(f);
	/* where the band is needed (staff --quantile, shifts --risk) its
	 * absence is an error at the header, naming the column */
	double *lo, *hi;
	wfm_series *s = wfm_series_load_band_required(path, tz, &lo, &hi, &err);
	CHECK(!s && err.line == 1 && strstr(err.msg, "missing column") && !strcmp(err.column, "volume_lo"),
	      "required band: %ld %s: %s", err.line, err.column, err.msg);
	wfm_series_free(s);
	unlink(path);
	strcpy(path, "/tmp/wfm-test-fcband.XXXXXX");
	if (check_write_tmp(path, "timestamp,channel,volume,volume_lo,volume_hi\n"
			    "2026-11-23T09:00,calls,10,8,12\n2026-11-23T10:00,calls,11,9,\n"))
		return;
	if (freopen(path, "r", stdin)) {
		f = wfm_forecastcsv_load("-", tz, &err);
		CHECK(f && f->lo[0] == 8 && f->hi[0] == 12 && f->lo[1] == 9 && isnan(f->hi[1]),
		      "standard input keeps the band");
		wfm_forecastcsv_free(f);
	}
	if (freopen(path, "r", stdin)) {     /* required, with an empty field: still NAN */
		double *lo, *hi;
		wfm_series *s = wfm_series_load_band_required("-", tz, &lo, &hi, &err);
		CHECK(s && lo[0] == 8 && hi[0] == 12 && lo[1] == 9 && isnan(hi[1]),
		      "required band from standard input");
		wfm_series_free(s);
		if (s) {
			free(lo);
			free(hi);
		}
	}
	unlink(path);
}

int main(void)
{
	char path[] = "/tmp/wfm-test-fccsv.XXXXXX", back[1000] = "";
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	struct wfm_forecastcsv_out w;
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	wfm_forecastcsv *f;

	if (!fp || !tz)
		return 1;
	wfm_forecastcsv_begin(&w, fp, 0, 0);
	wfm_forecastcsv_row(&w, "2026-11-23T09:00", "calls", 100, 180, 90, 110);
	wfm_forecastcsv_row(&w, "2026-11-23T09:00", "чат", 7, 600, 5, 9);
	wfm_forecastcsv_row(&w, "2026-11-23T09:30", "calls", 120.5, 175.54, NAN, 130.251);
	wfm_forecastcsv_row(&w, "2026-11-23T09:30", "чат", 0, 600, 0, 1);
	wfm_forecastcsv_end(&w);
	fclose(fp);
	f = wfm_forecastcsv_load(path, tz, &err);
	CHECK(f != NULL, "load: %s", err.msg);
	if (f) {
		const wfm_series *s = f->s;
		CHECK(s->nchan == 2 && s->n == 2 && s->step == 1800, "2 channels x 2 intervals of 30 min");
		CHECK(s->start == (int64_t)20780 * 86400 + 9 * 3600, "starts 2026-11-23 09:00 UTC");
		CHECK_STR(s->channel[1], "чат", "second channel");
		CHECK_NEAR(s->volume[1], 120.5, 0, "calls 09:30 volume");
		CHECK_NEAR(s->aht[1], 175.5, 1e-9, "aht written to 0.1 s");
		CHECK(isnan(f->lo[1]), "empty volume_lo is NAN");
		CHECK_NEAR(f->hi[1], 130.25, 1e-9, "volume_hi written to 0.01");
		CHECK_NEAR(f->lo[2], 5, 0, "чат 09:00 lo");
		fp = tmpfile();
		CHECK(fp && wfm_forecastcsv_write(fp, f, tz) == 0, "write back");
		if (fp) {
			rewind(fp);
			back[fread(back, 1, sizeof(back) - 1, fp)] = '\0';
			fclose(fp);
		}
		CHECK_STR(back, text, "written back byte for byte");
		wfm_forecastcsv_free(f);
	}
	unlink(path);
	test_band(tz);
	wfm_tz_free(tz);
	return check_done("test_forecastcsv");
}
