/* fuzz_shiftreq.c - requirements.csv for wfm shifts (wfm_shiftreq_load, lib/shiftplan.h),
 * in Europe/Berlin (DST changes) and UTC.
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "shiftplan.h"

#include "tz.h"
#include <math.h>

static void load(const char *path, const wfm_tz *tz)
{
	wfm_error err = { 0 };
	wfm_shiftreq *r = wfm_shiftreq_load(path, tz, &err);

	if (!r) {
		FUZZ_ASSERT_FAILED(&err, path);
		return;
	}
	FUZZ_ASSERT(r->n >= 1 && r->step > 0);
	for (size_t i = 0; i < r->n; i++)
		FUZZ_ASSERT(!isinf(r->req[i]));
	wfm_shiftreq_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_in_zones("shiftreq", data, size, load, "Europe/Berlin", "UTC");
}
