/* fuzz_channels.c - channels.csv (wfm_channels_load, lib/channels.h).
 *
 * The input is written to a temporary file and loaded; the contract: a
 * result that is then freed, or NULL/-1 with a one-line message naming
 * the file (tests/fuzz/loader.h).  No leak, no sanitizer report.
 */
#include "loader.h"
#include "channels.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wfm_error err = { 0 };
	const char *path = fuzz_file("channels", data, size);
	wfm_channels *c = wfm_channels_load(path, &err);

	if (!c) {
		FUZZ_ASSERT_FAILED(&err, path);
		return 0;
	}
	FUZZ_ASSERT(c->n >= 1);
	for (size_t i = 0; i < c->n; i++) {
		FUZZ_ASSERT(wfm_channels_find(c, c->ch[i].name) >= 0);
		FUZZ_ASSERT(c->ch[i].shrinkage >= 0 && c->ch[i].shrinkage < 1);
	}
	wfm_channels_free(c);
	return 0;
}
