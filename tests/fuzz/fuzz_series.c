/* fuzz_series.c - the series loader (history / forecast CSV).
 *
 * Writes the input to a temporary file and loads it with
 * wfm_series_load() in Europe/Moscow (the demo zone; no DST since 2014,
 * but repeated and skipped hours before) and Europe/Berlin.  Properties:
 * a load either fails with a one-line message naming the file, or gives a regular
 * series whose step is 15, 30 or 60 min, with n >= 1, channels >= 1,
 * no negative or non-finite volume except NAN for missing intervals, and
 * as many NANs per channel as it reports missing.
 */
#include "loader.h"
#include "series.h"
#include "tz.h"

#include <math.h>

static void load(const char *path, const wfm_tz *tz)
{
	wfm_error err = { 0 };
	wfm_series *s = wfm_series_load(path, tz, &err);

	if (!s) {
		FUZZ_ASSERT(!strcmp(err.file, path) || !err.file[0]);
		FUZZ_ASSERT_ONE_LINE(&err);
		return;
	}
	FUZZ_ASSERT(s->step == 900 || s->step == 1800 || s->step == 3600);
	FUZZ_ASSERT(s->n >= 1 && s->nchan >= 1);
	for (size_t c = 0; c < s->nchan; c++) {
		size_t nan = 0;
		for (size_t i = 0; i < s->n; i++) {
			double v = s->volume[c * s->n + i];
			if (isnan(v))
				nan++;
			else
				FUZZ_ASSERT(isfinite(v) && v >= 0);
		}
		FUZZ_ASSERT(nan == s->missing[c]);
	}
	wfm_series_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wfm_tz *moscow, *berlin;
	wfm_error err = { 0 };
	const char *path = fuzz_file("series", data, size);

	if (!moscow && (!(moscow = wfm_tz_open("Europe/Moscow", &err)) ||
			!(berlin = wfm_tz_open("Europe/Berlin", &err))))
		abort();
	load(path, moscow);
	load(path, berlin);
	return 0;
}
