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

#endif
