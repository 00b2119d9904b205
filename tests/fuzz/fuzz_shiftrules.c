/* fuzz_shiftrules.c - shift rules (wfm_shiftrules_load, lib/shiftrules.h).
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "shiftrules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wfm_error err = { 0 };
	const char *path = fuzz_file("shiftrules", data, size);
	wfm_shiftrules *r = wfm_shiftrules_load(path, &err);

	if (!r) {
		FUZZ_ASSERT_FAILED(&err, path);
		return 0;
	}
	wfm_shiftrules_free(r);
	return 0;
}
