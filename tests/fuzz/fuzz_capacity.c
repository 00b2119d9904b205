/* fuzz_capacity.c - the files of wfm capacity (lib/capacity_io.h) and the
 * profile read back (wfm_profile_load, lib/profile.h).  The input is
 * loaded as each of: capacity parameters, headcount, volumes (with and
 * without --from/--to), a capacity plan and profile.csv.
 *
 * The contract: a result that is then freed, or NULL/-1 with a one-line
 * message naming the file (tests/fuzz/loader.h).  No leak, no sanitizer
 * report.
 */
#include "loader.h"
#include "capacity_io.h"
#include "profile.h"
#include "timeutil.h"

#include <math.h>

static void volumes(const char *path, int64_t from, int64_t to)
{
	wfm_error err = { 0 };
	wfm_cap_volumes *v = wfm_cap_volumes_load(path, from, to, &err);

	if (!v) {
		FUZZ_ASSERT_FAILED(&err, path);
		return;
	}
	FUZZ_ASSERT(v->nweeks >= 1 && v->nchan >= 1);
	for (size_t i = 0; i < v->nchan * v->nweeks; i++)
		FUZZ_ASSERT(v->volume[i] >= 0 && isfinite(v->volume[i]));
	wfm_cap_volumes_free(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wfm_error err = { 0 };
	const char *path = fuzz_file("capacity", data, size);
	struct wfm_cap_params p;
	wfm_cap_headcount *hc;
	struct wfm_cap_series *s;
	wfm_profile *pf;
	long n;

	if (wfm_cap_params_load(path, &p, &err)) {
		FUZZ_ASSERT_FAILED(&err, path);
	} else {
		FUZZ_ASSERT(p.nramp == 0 || p.ramp[p.nramp - 1] == 1);
		for (size_t i = 0; i < p.nband; i++)
			FUZZ_ASSERT(p.band[i].monthly >= 0 && p.band[i].monthly < 1);
	}
	memset(&err, 0, sizeof(err));
	if (!(hc = wfm_cap_headcount_load(path, &err)))
		FUZZ_ASSERT_FAILED(&err, path);
	wfm_cap_headcount_free(hc);
	volumes(path, WFM_CAP_NODAY, WFM_CAP_NODAY);
	volumes(path, wfm_time_days_from_civil(2027, 1, 18), wfm_time_days_from_civil(2027, 3, 14));
	memset(&err, 0, sizeof(err));
	if ((n = wfm_cap_plan_load(path, &s, &err)) < 0)
		FUZZ_ASSERT_FAILED(&err, path);
	else
		wfm_cap_series_free(s, (size_t)n);
	memset(&err, 0, sizeof(err));
	if (!(pf = wfm_profile_load(path, &err)))
		FUZZ_ASSERT_FAILED(&err, path);
	wfm_profile_free(pf);
	return 0;
}
