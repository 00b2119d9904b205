/* fuzz_coverage.c - coverage.csv for wfm staff --evaluate
 * (wfm_staff_coverage_load, lib/staffing.h) on a forecast grid of one
 * week of hours from 2026-11-23T00:00 Europe/Moscow (the demo week).
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "staffing.h"

#include "series.h"
#include "timeutil.h"
#include "tz.h"
#include <math.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wfm_tz *tz;
	static wfm_series *s;
	static const char *const names[] = { "calls", "chat" };
	wfm_error err = { 0 };
	const char *path = fuzz_file("coverage", data, size);
	size_t outside = 0;
	double *sched;

	if (!tz) {
		int64_t start;
		if (!(tz = wfm_tz_open("Europe/Moscow", &err)) ||
		    wfm_time_parse("2026-11-23T00:00", tz, 0, &start, &err) < 0 ||
		    !(s = wfm_series_alloc(2, names, start, 3600, 168, 1, &err)))
			abort();
	}
	if (!(sched = wfm_staff_coverage_load(path, tz, s, &outside, &err))) {
		FUZZ_ASSERT_FAILED(&err, path);
		return 0;
	}
	for (size_t i = 0; i < s->n; i++)
		FUZZ_ASSERT(isnan(sched[i]) || isfinite(sched[i]));
	free(sched);
	return 0;
}
