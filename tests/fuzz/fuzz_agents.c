/* fuzz_agents.c - staff.csv and availability.csv (wfm_agents_load,
 * wfm_agents_load_availability, lib/agents.h).  The input is loaded as
 * staff.csv with the skills wfm roster accepts by default; and, as
 * availability.csv, added to the agents of tests/fixtures/roster/staff3.csv
 * (run from the source tree, as tests/fuzz/run.sh does).
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "agents.h"

static const char *const known[] = { "calls", "chat", "letters", "declarations" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wfm_error err = { 0 };
	const char *path = fuzz_file("agents", data, size);
	wfm_agents *ag = wfm_agents_load(path, known, 4, &err);

	if (!ag) {
		FUZZ_ASSERT_FAILED(&err, path);
	} else {
		FUZZ_ASSERT(ag->n >= 1);
		for (size_t i = 0; i < ag->n; i++)
			FUZZ_ASSERT(wfm_agents_find(ag, ag->a[i].id) >= 0);
		wfm_agents_free(ag);
	}
	memset(&err, 0, sizeof(err));
	if (!(ag = wfm_agents_load("tests/fixtures/roster/staff3.csv", known, 4, &err)))
		abort();
	if (wfm_agents_load_availability(ag, path, &err))
		FUZZ_ASSERT_FAILED(&err, path);
	wfm_agents_free(ag);
	return 0;
}
