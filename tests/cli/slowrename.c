/* slowrename.c - an LD_PRELOAD shim for tests/cli/t1237-kill-pairs.sh:
 * rename() first sleeps WFM_TEST_RENAME_MS milliseconds, so that a kill -9
 * can land between the renames of one run's outputs (a window of
 * microseconds otherwise).  Built by the test with $CC -shared; not part of
 * any program. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	const char *ms = getenv("WFM_TEST_RENAME_MS");

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "rename");
	if (ms) {
		long n = atol(ms);
		struct timespec ts = { n / 1000, n % 1000 * 1000000L };
		nanosleep(&ts, NULL);
	}
	return real(from, to);
}
