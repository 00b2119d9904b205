/* test_csvload.c - lib/csvload.c: a file read into a new object through a
 * format table; a bad record or a file without records frees the object
 * (counted here, and checked for leaks under ASAN), a NULL object is
 * "out of memory" without reading. */
#include "check.h"
#include "csvload.h"

#include <malloc.h>
#include <unistd.h>

struct obj { double sum; long rows; };

static int drops;

static void drop(void *o)
{
	drops++;
	free(o);
}

/* b added to the sum; a = "stop" is refused at its line and column. */
static int row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct obj *o = ctx;
	double v;

	if (!strcmp(wfm_csv_get(r, col[0]), "stop"))
		return wfm_csv_error(r, col[0], err, "stop here");
	if (wfm_csv_double(r, col[1], &v, err))
		return -1;
	o->sum += v;
	o->rows++;
	return 0;
}

static const char *const names[] = { "a", "b" };
static const struct wfm_csvload fmt = { names, 2, row, "nothing", drop };

static void test_load(void)
{
	static const char *const texts[] = { "b,a\n2.5,x\n4,y\n", "a,b\n", "a,b\nx,1\nstop,2\n",
					     "a\nx\n" };
	static const long want_line[] = { 0, 1, 3, 1 };
	static const char *const want_msg[] = { "", "nothing", "stop here",
						   "missing column in the header" };

	for (int k = 0; k < 4; k++) {
		char path[] = "/tmp/wfm-test-csvload.XXXXXX";
		wfm_error err = { 0 };
		struct obj *o = calloc(1, sizeof(*o)), *got;

		drops = 0;
		if (check_write_tmp(path, texts[k]))
			return;
		got = wfm_csvload(&fmt, path, o, o, &err);
		if (k == 0)
			CHECK(got == o && o->rows == 2 && o->sum == 6.5 && !drops,
			      "two rows, columns by name: %ld rows, sum %g", o->rows, o->sum);
		else
			CHECK(!got && drops == 1 && err.line == want_line[k] &&
			      !strcmp(err.msg, want_msg[k]),
			      "case %d: freed once (%d), line %ld: %s", k, drops, err.line, err.msg);
		if (got)
			drop(got);
		unlink(path);
	}
}

static void test_oom(void)
{
	wfm_error err = { 0 };

	drops = 0;
	CHECK(!wfm_csvload(&fmt, "/nonexistent/never-opened.csv", NULL, NULL, &err) && !drops &&
	      !strcmp(err.msg, "out of memory") && !*err.file,
	      "NULL object: out of memory, file not opened: %s %s", err.file, err.msg);
}

/* 1000 elements appended one at a time: each call leaves room for one more
 * (malloc_usable_size, and ASAN on the write), the contents survive, and
 * the array moves only when n reaches 16 * 2^k (7 growths up to 1000). */
static void test_room(void)
{
	long *v = NULL;
	int ok = 1, grown = 0;

	for (size_t n = 0; n < 1000; n++) {
		long *before = v;
		size_t had = v ? malloc_usable_size(v) : 0;

		if (WFM_CSVLOAD_ROOM(v, n)) {
			ok = 0;
			break;
		}
		grown += v != before || malloc_usable_size(v) != had;
		ok &= malloc_usable_size(v) >= (n + 1) * sizeof(*v);
		v[n] = (long)n * 7;
	}
	for (size_t n = 0; ok && n < 1000; n++)
		ok = v[n] == (long)n * 7;
	CHECK(ok && grown <= 7, "room for each element, contents kept, %d growths", grown);
	free(v);
}

int main(void)
{
	test_load();
	test_oom();
	test_room();
	return check_done("test_csvload");
}
