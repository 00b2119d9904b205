/* fuzz_chart.c - the chart loader (wfm_chart_load, lib/chart.h) for every kind:
 * forecast, coverage, roster, functions, profile, staff; roster and
 * functions also with --date 2026-11-23.  Only loading is fuzzed (drawing
 * is bench/ and tests/cli territory).
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "chart.h"

#include "tz.h"

static void load(enum wfm_chart_kind kind, const char *path, const struct wfm_chart_opts *o)
{
	wfm_error err = { 0 };
	wfm_chart *c = wfm_chart_load(kind, path, o, &err);

	if (!c) {
		FUZZ_ASSERT_FAILED(&err, path);
		return;
	}
	wfm_chart_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wfm_tz *tz;
	wfm_error err = { 0 };
	const char *path = fuzz_file("chart", data, size);
	struct wfm_chart_opts o = { .width = WFM_CHART_WIDTH, .height = WFM_CHART_HEIGHT };

	if (!tz && !(tz = wfm_tz_open("Europe/Berlin", &err)))
		abort();
	o.tz = tz;
	for (int k = WFM_CHART_FORECAST; k <= WFM_CHART_STAFF; k++)
		load((enum wfm_chart_kind)k, path, &o);
	o.date = "2026-11-23";
	load(WFM_CHART_ROSTER, path, &o);
	load(WFM_CHART_FUNCTIONS, path, &o);
	return 0;
}
