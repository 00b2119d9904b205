/* fuzz_events.c - events.csv for wfm forecast (wfm_events_load, lib/events.h).
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "events.h"

FUZZ_LOADER("events", wfm_events, wfm_events_load, FUZZ_NOTHING, wfm_events_free)
