/* test_requirements.c - lib/requirements.c on a hand-checkable 2-channel
 * fixture: gap, unsorted rows, empty aht_s, duplicate, mixed and off-grid
 * intervals, a year typo, an absent agents_gross column, the fall-back hour.
 *
 * Instants by hand: 2026-01-05T00:00Z = 1767571200 (`date -u -d
 * 2026-01-05T00:00Z +%s`).  Berlin 2026-10-25 01:00 CEST = 2026-10-24T23:00Z
 * = 1792882800; its 02:00 occurs at 00:00Z (CEST) and 01:00Z (CET)
 * (`TZ=Europe/Berlin date -d @1792890000` prints "02:00:00 CET").
 */
#include "check.h"
#include "requirements.h"

#define T0 1767571200LL
#define HDR "timestamp,channel,volume,aht_s,agents,agents_gross\n"

CHECK_TZ_LOADER(load, wfm_requirements, wfm_requirements_load, wfm_requirements_free)
CHECK_TZ_LOADER(load_evaluation, wfm_requirements, wfm_requirements_load_evaluation, wfm_requirements_free)

/* 30-min data: gaps 30,30,60 for calls and 30,30 for chat -> step 30 min,
 * 00:00..01:30 = 4 intervals; calls lacks 01:00, chat lacks 01:30. */
static void test_grid(void)
{
	wfm_error err = { 0 };
	wfm_requirements *r = load_ok(HDR
				      "2026-01-05T00:00,calls,10,300,2,3\n"   /* line 2 */
				      "2026-01-05T00:00,chat,4,,1,2\n"        /* 3: aht empty */
				      "2026-01-05T00:30,calls,12,310,3,4\n"   /* 4 */
				      "2026-01-05T01:30,calls,8,290,2,3\n"    /* 5 */
				      "2026-01-05T00:30,chat,5,600,1,2\n"     /* 6: unsorted */
				      "2026-01-05T01:00,chat,6,610,2,3\n",    /* 7 */
				      "UTC");
	if (!r)
		return;
	CHECK_GRID(r, "calls,chat", T0, 1800, 4);     /* channels in order of appearance */
	CHECK(r->missing == 2, "missing %zu", r->missing);
	static const double vol[8] = { 10, 12, NAN, 8, 4, 5, 6, NAN };
	static const double gross[8] = { 3, 4, NAN, 3, 2, 2, 3, NAN };
	static const long line[8] = { 2, 4, 0, 5, 3, 6, 7, 0 };
	for (int i = 0; i < 8; i++) {
		CHECK(isnan(vol[i]) ? isnan(r->volume[i]) : r->volume[i] == vol[i],
		      "volume[%d] = %g", i, r->volume[i]);
		CHECK(isnan(gross[i]) ? isnan(r->agents_gross[i]) : r->agents_gross[i] == gross[i],
		      "agents_gross[%d] = %g", i, r->agents_gross[i]);
		CHECK(r->line[i] == line[i], "line[%d] = %ld", i, r->line[i]);
	}
	CHECK(isnan(r->aht[4]) && r->aht[5] == 600 && r->aht[1] == 310, "aht_s, empty = NAN");
	CHECK(r->agents[6] == 2 && isnan(r->agents[2]), "agents");
	CHECK(wfm_requirements_time(r, 3) == T0 + 5400, "time of interval 3");
	CHECK(wfm_requirements_need(r, "agents_gross", &err) == r->agents_gross, "need present");
	wfm_requirements_free(r);
}

static void test_errors(void)
{
	static const struct check_fail cases[] = {
		/* duplicate: the later line is the error, naming the earlier */
		{ HDR "2026-01-05T00:00,calls,1,300,1,1\n2026-01-05T00:00,chat,1,300,1,1\n"
		  "2026-01-05T00:30,chat,1,300,1,1\n2026-01-05T00:30,calls,1,300,1,1\n"
		  "2026-01-05T00:00,chat,2,300,1,1\n", "UTC", 6, "timestamp", "duplicate of line 3 for channel chat" },
		/* mixed: calls gaps 30,15,15, chat 30,30 -> step 30 (3 votes to 2);
		 * calls 00:45 (line 4) is 15 min after line 3 */
		{ HDR "2026-01-05T00:00,calls,1,300,1,1\n2026-01-05T00:30,calls,1,300,1,1\n"
		  "2026-01-05T00:45,calls,1,300,1,1\n2026-01-05T01:00,calls,1,300,1,1\n"
		  "2026-01-05T00:00,chat,1,300,1,1\n2026-01-05T00:30,chat,1,300,1,1\n"
		  "2026-01-05T01:00,chat,1,300,1,1\n", "UTC", 4, "timestamp",
		  "interval of 15 min after line 3; the data are in 30-minute intervals (mixed interval lengths)" },
		/* off-grid: chat regular at :15/:45 (line 4 on), but 15 min off calls' grid */
		{ HDR "2026-01-05T00:00,calls,1,300,1,1\n2026-01-05T00:30,calls,1,300,1,1\n"
		  "2026-01-05T00:15,chat,1,300,1,1\n2026-01-05T00:45,chat,1,300,1,1\n", "UTC", 4, "timestamp",
		  "2026-01-05T00:15 is off the 30-minute grid (mixed interval lengths?)" },
		/* year typo: 8481 for 2026 on line 4 (farthest from the mean) */
		{ HDR "2026-01-05T00:00,calls,1,300,1,1\n2026-01-05T01:00,calls,1,300,1,1\n"
		  "8481-01-05T02:00,calls,1,300,1,1\n2026-01-05T00:00,chat,1,300,1,1\n", "UTC", 4, "timestamp",
		  "8481-01-05T02:00 makes the requirements span" },
		/* a negative agents value names its column */
		{ HDR "2026-01-05T00:00,calls,1,300,-2,1\n", "UTC", 2, "agents", "-2 is negative" },
		{ "timestamp,channel,service_level\n2026-01-05T00:00,calls,0.5\n2026-01-05T01:00,calls,1.5\n",
		  "UTC", 3, "service_level", "1.5 is not a fraction between 0 and 1" },
	};

	load_fails(cases, 5);
	load_evaluation_fails(cases + 5, 1);
}

/* No agents_gross column: NULL array, need() names the column at line 1;
 * a single interval per channel gets the 60-minute default step. */
static const char no_gross[] = "timestamp,channel,volume,aht_s,agents\n"
			       "2026-01-05T00:00,calls,10,300,2\n"
			       "2026-01-05T00:00,chat,4,600,1\n";

static void test_absent_column(void)
{
	static const struct check_fail absent = { .line = 1, .column = "agents_gross",
						  .msg = "missing column in the header" };
	wfm_error err = { 0 };
	wfm_requirements *r = load_ok(no_gross, "UTC");

	if (!r)
		return;
	CHECK(r->n == 1 && r->step == 3600 && r->missing == 0, "one interval");
	CHECK(r->agents_gross == NULL && r->agents != NULL && r->agents[1] == 1, "columns");
	check_failed(&absent, wfm_requirements_need(r, "agents_gross", &err) != NULL, &err);
	wfm_requirements_free(r);
}

/* Berlin fall-back: 02:00 twice is 00:00Z then 01:00Z, no duplicate. */
static void test_fall_back(void)
{
	wfm_requirements *r = load_ok(HDR "2026-10-25T01:00,calls,1,300,1,1\n"
				      "2026-10-25T02:00,calls,2,300,1,1\n"
				      "2026-10-25T02:00,calls,3,300,1,1\n"
				      "2026-10-25T03:00,calls,4,300,1,1\n", "Europe/Berlin");
	if (!r)
		return;
	CHECK_GRID(r, "calls", 1792882800LL, 3600, 4);
	CHECK(r->missing == 0, "nothing missing");
	CHECK(r->volume[1] == 2 && r->volume[2] == 3 && r->line[2] == 4, "first then second occurrence");
	wfm_requirements_free(r);
}

/* The writer in both formats, read back. */
static void test_write(void)
{
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	struct wfm_requirements_row row = { T0, "calls", 10.004, 300.25, 3, 5, 0.81234, 12.34,
					    0.6, NAN, NAN };
	FILE *fp = check_mem_open();

	wfm_requirements_write_header(fp, &wfm_requirements_staff_format);
	wfm_requirements_write_row(fp, &wfm_requirements_staff_format, tz, &row);
	CHECK_STR(check_mem_text(fp), "timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy,abandon\n"
		  "2026-01-05T00:00,calls,10.00,300.2,3,5,0.8123,12.3,0.6000,\n", "staff format");
	row.channel = "outbound:a,b";
	row.agents = 2.345;
	row.agents_gross = 3.35;
	fp = check_mem_open();
	wfm_requirements_write_header(fp, &wfm_requirements_outbound_format);
	wfm_requirements_write_row(fp, &wfm_requirements_outbound_format, tz, &row);
	CHECK_STR(check_mem_text(fp), "timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy\n"
		  "2026-01-05T00:00,\"outbound:a,b\",10.00,300,2.35,3.35,0.8123,12,0.6000\n", "outbound format");
	wfm_requirements *r = load(check_mem_buf(), "UTC", &err);
	CHECK(r && r->nchan == 1 && !strcmp(r->channel[0], "outbound:a,b") && fabs(r->agents_gross[0] - 3.35) < 1e-12,
	      "read back: %s", err.msg);
	wfm_requirements_free(r);
	wfm_tz_free(tz);
}

/* evaluation.csv (wfm_requirements_load_evaluation): the three fractions
 * on the grid (an empty one NAN; a value over 1 is in test_errors), and
 * the plain loader leaves them NULL. */
static void test_evaluation(void)
{
	const char *text = "timestamp,channel,volume,agents,service_level,sl_target,asa_s,occupancy\n"
		"2026-01-05T00:00,calls,10,3,0.85,0.8,12.5,0.7\n"
		"2026-01-05T01:00,calls,0,0,,0.8,,\n";
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	const char *path = check_tmp(text);
	wfm_requirements *r;

	if (!tz || !path)
		return;
	r = wfm_requirements_load_evaluation(path, tz, &err);
	CHECK(r && r->n == 2 && r->step == 3600, "two hourly intervals: %s", err.msg);
	if (r) {
		CHECK(r->service_level[0] == 0.85 && r->sl_target[1] == 0.8 && r->occupancy[0] == 0.7,
		      "fractions on the grid");
		CHECK(isnan(r->service_level[1]) && isnan(r->occupancy[1]) && isnan(r->asa[1]), "empty: NAN");
		CHECK(wfm_requirements_need(r, "sl_target", &err) == r->sl_target, "need(sl_target)");
		wfm_requirements_free(r);
	}
	r = wfm_requirements_load(path, tz, &err);
	CHECK(r && !r->service_level && !r->sl_target && !r->occupancy, "requirements: no fractions read");
	wfm_requirements_free(r);
	unlink(path);
	wfm_tz_free(tz);
}

int main(void)
{
	test_evaluation();
	test_write();
	test_grid();
	test_errors();
	test_absent_column();
	test_fall_back();
	return check_done("test_requirements");
}
