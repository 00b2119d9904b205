/* fuzz_overrides.c - overrides.csv for wfm forecast (wfm_overrides_load,
 * lib/overrides.h), then applied to a small forecast.
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then applied and freed, or NULL with a one-line message
 * naming the file (tests/fuzz/loader.h).  No leak, no sanitizer report,
 * and no applied value negative or non-finite.
 */
#include "loader.h"
#include "overrides.h"

#include <math.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wfm_error err = { 0 };
	const char *path = fuzz_file("overrides", data, size);
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	wfm_overrides *ov = tz ? wfm_overrides_load(path, tz, &err) : NULL;
	int64_t day[48];
	double vol[48], lo[48], hi[48];

	if (!ov) {
		wfm_tz_free(tz);
		FUZZ_ASSERT_FAILED(&err, path);
		return 0;
	}
	for (int k = 0; k < 48; k++) {   /* 2026-11-23 and 24, hourly */
		day[k] = 20780 + k / 24;
		vol[k] = k % 24 < 6 ? 0 : 10 + k;
		lo[k] = vol[k] / 2;
		hi[k] = vol[k] * 2;
	}
	for (size_t i = 0; i < ov->n; i++)
		wfm_overrides_apply(ov, ov->o[i].channel, 1795392000, 3600, day, 48, vol, lo, hi);
	for (int k = 0; k < 48; k++)
		if (!(vol[k] >= 0 && isfinite(vol[k]) && lo[k] >= 0 && hi[k] >= 0))
			abort();
	wfm_overrides_free(ov);
	wfm_tz_free(tz);
	return 0;
}
