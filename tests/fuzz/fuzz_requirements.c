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

static wfm_requirements *load(const char *path, wfm_error *err)
{
	static wfm_tz *tz;

	if (!tz && !(tz = wfm_tz_open("Europe/Berlin", err)))
		abort();
	return wfm_requirements_load(path, tz, err);
}

static void check(const wfm_requirements *r)
{
	FUZZ_ASSERT(r->nchan >= 1 && r->n >= 1 && r->step > 0);
}

FUZZ_LOADER("requirements", wfm_requirements, load, check, wfm_requirements_free)
