/* fuzz_shiftrules.c - shift rules (wfm_shiftrules_load, lib/shiftrules.h).
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "shiftrules.h"

FUZZ_LOADER("shiftrules", wfm_shiftrules, wfm_shiftrules_load, FUZZ_NOTHING, wfm_shiftrules_free)
