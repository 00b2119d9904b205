/* fuzz_channels.c - channels.csv (wfm_channels_load, lib/channels.h).
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "channels.h"

static void check(const wfm_channels *c)
{
	FUZZ_ASSERT(c->n >= 1);
	for (size_t i = 0; i < c->n; i++) {
		FUZZ_ASSERT(wfm_channels_find(c, c->ch[i].name) >= 0);
		FUZZ_ASSERT(c->ch[i].shrinkage >= 0 && c->ch[i].shrinkage < 1);
	}
}

FUZZ_LOADER("channels", wfm_channels, wfm_channels_load, check, wfm_channels_free)
