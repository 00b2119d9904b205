/* fuzz_outbound.c - outbound campaigns (wfm_outbound_load, lib/outbound.h),
 * now = 2026-11-23T00:00 Europe/Moscow (the demo week).  The file names
 * the zones of the regions, so zone names are fuzzed too.
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "outbound.h"

#include "timeutil.h"
#include "tz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wfm_tz *tz;
	static int64_t now;
	wfm_error err = { 0 };
	const char *path = fuzz_file("outbound", data, size);
	wfm_outbound *ob;

	if (!tz && (!(tz = wfm_tz_open("Europe/Moscow", &err)) ||
		    wfm_time_parse("2026-11-23T00:00", tz, 0, &now, &err) < 0))
		abort();
	if (!(ob = wfm_outbound_load(path, now, tz, &err))) {
		FUZZ_ASSERT_FAILED(&err, path);
		return 0;
	}
	wfm_outbound_free(ob);
	return 0;
}
