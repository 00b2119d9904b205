/* fuzz_csv.c - the CSV reader on arbitrary bytes.
 *
 * Reads the input through wfm_csv_open_stream() on an fmemopen() stream,
 * walks every record with wfm_csv_next() and every typed getter on every
 * column.  Properties: no crash, no leak, no sanitizer report; every
 * error formats to one non-empty line; line numbers never go backwards and never exceed
 * the number of newlines + 1; a record has exactly the header's width.
 */
#include "fuzz.h"
#include "csv.h"
#include "timeutil.h"
#include "tz.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wfm_tz *utc;
	wfm_error err = { 0 };
	wfm_csv_reader *r;
	FILE *fp;
	long last = 0, nl = 1;
	int rc;

	if (!utc && !(utc = wfm_tz_open("UTC", &err)))
		abort();
	if (size == 0)
		return 0;    /* fmemopen() of size 0 is EINVAL on glibc */
	for (size_t i = 0; i < size; i++)
		nl += data[i] == '\n';
	if (!(fp = fmemopen((void *)data, size, "rb")))
		abort();
	r = wfm_csv_open_stream(fp, "fuzz.csv", &err);
	if (!r) {
		FUZZ_ASSERT_ONE_LINE(&err);
		fclose(fp);
		return 0;
	}
	while ((rc = wfm_csv_next(r, &err)) == 1) {
		long line = wfm_csv_line(r);
		FUZZ_ASSERT(line >= last && line <= nl);
		last = line;
		for (int c = -1; c <= wfm_csv_ncols(r); c++) {
			double d;
			long l;
			int64_t t;
			wfm_error e = { 0 };
			const char *f = wfm_csv_get(r, c < wfm_csv_ncols(r) ? c : -1);
			FUZZ_ASSERT(f != NULL);
			if (c < 0 || c == wfm_csv_ncols(r))
				continue;
			if (wfm_csv_double(r, c, &d, &e)) {
				FUZZ_ASSERT(e.line == line);
				FUZZ_ASSERT_ONE_LINE(&e);
			}
			wfm_csv_double_opt(r, c, 0.0, &d, &e);
			wfm_csv_long(r, c, &l, &e);
			wfm_csv_time(r, c, utc, 0, &t, &e);
			FUZZ_ASSERT(wfm_csv_col(r, wfm_csv_header(r, c)) <= c);
		}
	}
	if (rc < 0)
		FUZZ_ASSERT_ONE_LINE(&err);
	wfm_csv_close(r);
	fclose(fp);
	return 0;
}
