/* fuzz_requirements.c - requirements.csv, the loader shared by wfm functions,
 * roster, shifts and simulate (wfm_requirements_load, lib/requirements.h), in
 * Europe/Berlin.
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "requirements.h"

#include "tz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wfm_tz *tz;
	wfm_error err = { 0 };
	const char *path = fuzz_file("requirements", data, size);
	wfm_requirements *r;

	if (!tz && !(tz = wfm_tz_open("Europe/Berlin", &err)))
		abort();
	if (!(r = wfm_requirements_load(path, tz, &err))) {
		FUZZ_ASSERT_FAILED(&err, path);
		return 0;
	}
	FUZZ_ASSERT(r->nchan >= 1 && r->n >= 1 && r->step > 0);
	wfm_requirements_free(r);
	return 0;
}
