/* loader.h - shared code of the input-loader harnesses (fuzz_channels.c,
 * fuzz_agents.c, ...): the input is written to one temporary file per
 * process, the loader is called on that path, and a failure must come
 * with a one-line, non-empty message that names the file (the contract of
 * every lib/ loader: `file:line: column: message`).
 */
#ifndef WFM_FUZZ_LOADER_H
#define WFM_FUZZ_LOADER_H

#include "fuzz.h"

#include <stdio.h>
#include <unistd.h>

static char fuzz_path_[64];

static void fuzz_cleanup_(void)
{
	unlink(fuzz_path_);
}

/* Write the input to the harness's temporary file; returns its path. */
static inline const char *fuzz_file(const char *name, const uint8_t *data, size_t size)
{
	FILE *fp;

	if (!fuzz_path_[0]) {
		int fd;
		snprintf(fuzz_path_, sizeof(fuzz_path_), "/tmp/wfm-fuzz-%.16s.XXXXXX", name);
		if ((fd = mkstemp(fuzz_path_)) < 0)
			abort();
		close(fd);
		atexit(fuzz_cleanup_);
	}
	if (!(fp = fopen(fuzz_path_, "wb")))
		abort();
	if (size && fwrite(data, 1, size, fp) != size)
		abort();
	if (fclose(fp))
		abort();
	return fuzz_path_;
}

/* A loader failed: one non-empty line that names the file. */
#define FUZZ_ASSERT_FAILED(err, path) do { \
	char fuzz_msg_[1200]; \
	wfm_error_format((err), fuzz_msg_, sizeof(fuzz_msg_)); \
	FUZZ_ASSERT(fuzz_msg_[0] && !strpbrk(fuzz_msg_, "\n\r")); \
	FUZZ_ASSERT(strstr(fuzz_msg_, (path)) != NULL); \
} while (0)

/* The whole harness of a loader whose contract is all there is to check
 * beyond a property of its result: write the input to the temporary
 * file, load it with LOAD(path, &err), and either CHECK(result) then
 * RELEASE(result), or check the failure's message.  CHECK may be
 * FUZZ_NOTHING.
 *   FUZZ_LOADER("events", wfm_events, wfm_events_load, FUZZ_NOTHING, wfm_events_free) */
#define FUZZ_LOADER(name, type, load, check, release) \
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) \
{ \
	wfm_error err = { 0 }; \
	const char *path = fuzz_file((name), data, size); \
	type *x = load(path, &err); \
	\
	if (!x) { \
		FUZZ_ASSERT_FAILED(&err, path); \
		return 0; \
	} \
	check(x); \
	release(x); \
	return 0; \
}
#define FUZZ_NOTHING(x) (void)(x)

#endif
