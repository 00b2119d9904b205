/* test_coverage.c - lib/coverage.c: coverage.csv written and read back,
 * pooled and per-channel rows, outbound, the two number styles, wall-clock
 * times, and a negative number named by line.
 *
 * 2026-01-05T00:00Z = 1767571200 (`date -u -d 2026-01-05T00:00Z +%s`). */
#include "check.h"
#include "coverage.h"

#include <stdlib.h>
#include <unistd.h>

#define T0 1767571200LL

static char *written(const wfm_coverage *cv, const wfm_tz *tz)
{
	FILE *fp = check_mem_open();

	wfm_coverage_write(fp, cv, tz);
	return check_mem_text(fp);
}

static wfm_coverage *load(const char *text, wfm_error *err)
{
	char path[] = "/tmp/wfm-test-cov.XXXXXX";
	wfm_tz *tz;
	wfm_coverage *cv;

	if (check_write_tmp(path, text) || !(tz = wfm_tz_open("UTC", err)))
		return NULL;
	cv = wfm_coverage_load(path, tz, err);
	wfm_tz_free(tz);
	unlink(path);
	return cv;
}

static void test_pooled(void)
{
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	wfm_coverage *cv = wfm_coverage_new(0, 0);

	/* 2.5 required, 4 scheduled: over 1.5; 3.1234 vs 3: under 0.1234 -> 0.123 */
	wfm_coverage_add(cv, T0, -1, 2.5, 4, NAN, &err);
	wfm_coverage_add(cv, T0 + 1800, -1, 3.1234, 3, NAN, &err);
	CHECK_STR(written(cv, tz), "timestamp,required,scheduled,over,under\n"
		  "2026-01-05T00:00,2.5,4,1.5,0\n2026-01-05T00:30,3.123,3,0,0.123\n", "trimmed");
	cv->two_decimals = 1;
	CHECK_STR(written(cv, tz), "timestamp,required,scheduled,over,under\n"
		  "2026-01-05T00:00,2.50,4,1.50,0\n2026-01-05T00:30,3.12,3,0,0.12\n", "two decimals");
	/* wall-clock seconds: day 20458 = 2026-01-05, 13:45 */
	wfm_coverage_free(cv);
	cv = wfm_coverage_new(0, 1);
	wfm_coverage_add(cv, (20458LL * 1440 + 13 * 60 + 45) * 60, -1, 1, 2, 0.5, &err);
	CHECK_STR(written(cv, NULL), "timestamp,required,scheduled,over,under,outbound\n"
		  "2026-01-05T13:45,1,2,1,0,0.5\n", "wall clock, outbound");
	wfm_coverage_free(cv);
	wfm_tz_free(tz);
}

static void test_channels(void)
{
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	wfm_coverage *cv = wfm_coverage_new(1, 0), *back;
	char *text;

	CHECK(wfm_coverage_channel(cv, "calls") == 0 && wfm_coverage_channel(cv, "чат") == 1 &&
	      wfm_coverage_channel(cv, "calls") == 0 && wfm_coverage_channel(cv, "*") == -1, "interning");
	wfm_coverage_add(cv, T0, 0, 3, 3, NAN, &err);
	wfm_coverage_add(cv, T0, 1, 1.5, 2, NAN, &err);
	wfm_coverage_add(cv, T0, -1, 4.5, 5, NAN, &err);
	text = written(cv, tz);
	CHECK_STR(text, "timestamp,channel,required,scheduled,over,under\n"
		  "2026-01-05T00:00,calls,3,3,0,0\n2026-01-05T00:00,чат,1.5,2,0.5,0\n"
		  "2026-01-05T00:00,*,4.5,5,0.5,0\n", "channel rows and total");
	back = load(text, &err);
	CHECK(back && back->n == 3 && back->has_channel && !back->has_outbound && back->nchan == 2,
	      "read back: %s", err.msg);
	if (back) {
		CHECK(back->row[1].chan == 1 && back->row[2].chan == -1 && back->row[0].t == T0,
		      "channels and time");
		CHECK_NEAR(back->row[1].required, 1.5, 0, "required");
		CHECK_NEAR(back->row[2].scheduled, 5, 0, "scheduled");
		CHECK(back->row[2].line == 4 && isnan(back->row[0].outbound), "line, no outbound");
	}
	wfm_coverage_free(back);
	wfm_coverage_free(cv);
	wfm_tz_free(tz);
}

static void test_errors(void)
{
	wfm_error err = { 0 };
	wfm_coverage *cv = load("timestamp,required,scheduled\n2026-01-05T00:00,1,1\n"
				"2026-01-05T00:30,1,-2\n", &err);
	CHECK(!cv && err.line == 3 && strstr(err.msg, "negative"), "negative: %ld %s", err.line, err.msg);
	memset(&err, 0, sizeof(err));
	cv = load("timestamp,scheduled\n2026-01-05T00:00,1\n", &err);
	CHECK(!cv && strstr(err.msg, "missing column"), "missing column: %s", err.msg);
	memset(&err, 0, sizeof(err));
	cv = load("timestamp,channel,required,scheduled\n2026-01-05T00:00,,1,1\n", &err);
	CHECK(!cv && strstr(err.msg, "empty channel"), "empty channel: %s", err.msg);
	memset(&err, 0, sizeof(err));
	cv = load("timestamp,required,scheduled\n", &err);
	CHECK(!cv && strstr(err.msg, "no data rows"), "empty: %s", err.msg);
}

int main(void)
{
	test_pooled();
	test_channels();
	test_errors();
	return check_done("test_coverage");
}
