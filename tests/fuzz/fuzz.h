/* fuzz.h - shared helpers for the libFuzzer harnesses in tests/fuzz/.
 *
 * Each tests/fuzz/fuzz_NAME.c defines LLVMFuzzerTestOneInput() and is
 * built by `make fuzz` into bin/.obj/fuzz/fuzz_NAME, linked against the
 * lib/ sources compiled with clang -fsanitize=fuzzer-no-link,address,
 * undefined.  A harness must never print (libFuzzer's output is the
 * report) and must free everything it allocates (leaks are reported as
 * crashes).  Harness-local state that lives for the whole run (an opened
 * time zone) is fine: this is test code, not lib/.
 */
#ifndef WFM_FUZZ_H
#define WFM_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of at most max bytes of the input (caller frees). */
static inline char *fuzz_str(const uint8_t *data, size_t size, size_t max)
{
	char *s;

	if (size > max)
		size = max;
	if (!(s = malloc(size + 1)))
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Crash (so libFuzzer saves the input) when a property does not hold. */
#define FUZZ_ASSERT_ONE_LINE(err) do { \
	char fuzz_buf_[1200]; \
	wfm_error_format((err), fuzz_buf_, sizeof(fuzz_buf_)); \
	FUZZ_ASSERT(fuzz_buf_[0] && !strpbrk(fuzz_buf_, "\n\r")); \
} while (0)

#define FUZZ_ASSERT(c) do { if (!(c)) __builtin_trap(); } while (0)

#endif
