/* fuzz_events.c - events.csv for wfm forecast (wfm_events_load, lib/events.h).
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "events.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wfm_error err = { 0 };
	const char *path = fuzz_file("events", data, size);
	wfm_events *e = wfm_events_load(path, &err);

	if (!e) {
		FUZZ_ASSERT_FAILED(&err, path);
		return 0;
	}
	wfm_events_free(e);
	return 0;
}
