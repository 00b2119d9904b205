/* fuzz_plan.c - plan.csv and roster.csv (wfm_plan_load, wfm_roster_load, lib/plan.h).
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wfm_error err = { 0 };
	const char *path = fuzz_file("plan", data, size);
	wfm_plan *p = wfm_plan_load(path, NULL, &err);

	if (!p)
		FUZZ_ASSERT_FAILED(&err, path);
	wfm_plan_free(p);
	memset(&err, 0, sizeof(err));
	if (!(p = wfm_roster_load(path, NULL, &err)))
		FUZZ_ASSERT_FAILED(&err, path);
	wfm_roster_free(p);
	return 0;
}
