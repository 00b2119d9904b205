/* fuzz_simplan.c - the plan loader of wfm simulate (wfm_sim_plan_load, lib/sim.h)
 * for the channels calls and chat, in Europe/Berlin.
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "sim.h"

#include "tz.h"
#include <math.h>

static void load(const char *path, const wfm_tz *tz, const char *channel)
{
	wfm_error err = { 0 };
	struct wfm_sim_plan pl;

	if (wfm_sim_plan_load(path, tz, channel, &pl, &err)) {
		FUZZ_ASSERT_FAILED(&err, path);
		return;
	}
	FUZZ_ASSERT(pl.n >= 1 && pl.step > 0);
	for (size_t i = 0; i < pl.n; i++)
		FUZZ_ASSERT(pl.agents[i] >= 0 && !isnan(pl.volume[i]));
	wfm_sim_plan_free(&pl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wfm_tz *tz;
	wfm_error err = { 0 };
	const char *path = fuzz_file("simplan", data, size);

	if (!tz && !(tz = wfm_tz_open("Europe/Berlin", &err)))
		abort();
	load(path, tz, "calls");
	load(path, tz, "chat");
	return 0;
}
