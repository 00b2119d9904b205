/* test_series.c - lib/series.c: gaps, duplicates, unsorted input, mixed
 * interval lengths, 15/30-minute data, the DST hours, channel selection.
 *
 * Instants by hand: d(2026-01-01) = 56*365 + 14 leap days = 20454, so
 * 2026-01-01T00:00Z = 20454*86400 = 1767225600.  New York 2026-11-01
 * starts at 04:00Z = 1793505600 (EDT) and its 01:00 occurs at 05:00Z (EDT)
 * and 06:00Z (EST) (`TZ=America/New_York date -d @1793512800` prints
 * "Sun Nov  1 01:00:00 EST 2026").
 */
#include "check.h"
#include "series.h"

#define T0 1767225600LL
#define HDR "timestamp,channel,volume\n"

CHECK_TZ_LOADER(load, wfm_series, wfm_series_load, wfm_series_free)

static void test_gaps(void)
{
	wfm_series *s = load_ok("timestamp,channel,volume,aht_s\n"
				"2026-01-01T00:00,calls,10,200\n"
				"2026-01-01T00:00,chat,1,\n"
				"2026-01-01T01:00,calls,11,210\n"
				"2026-01-01T01:00,chat,2,300\n"
				"2026-01-01T02:00,chat,3,300\n"       /* calls 02:00 missing */
				"2026-01-01T03:00,calls,13,230\n"
				"2026-01-01T03:00,chat,4,300\n"
				"2026-01-01T04:00,calls,14,240\n"
				"2026-01-01T04:00,chat,5,300\n", "UTC");
	if (!s)
		return;
	CHECK_GRID(s, "calls,chat", T0, 3600, 5);     /* channels in order of appearance */
	CHECK(s->missing[0] == 1 && s->first_missing[0] == T0 + 7200, "calls: 1 missing at 02:00");
	CHECK(isnan(wfm_series_vol(s, 0)[2]), "missing cell is NAN");
	CHECK(wfm_series_vol(s, 0)[3] == 13 && wfm_series_vol(s, 0)[4] == 14, "values after gap");
	CHECK(s->missing[1] == 0 && s->first_missing[1] == 0, "chat complete");
	CHECK(s->aht && s->aht[0] == 200 && isnan(s->aht[5]) && s->aht[6] == 300, "aht, empty is NAN");
	CHECK(wfm_series_time(s, 4) == T0 + 4 * 3600, "series_time");
	CHECK(wfm_series_channel(s, "chat") == 1 && wfm_series_channel(s, "mail") == -1, "channel lookup");
	wfm_series_free(s);

	/* channels covering different spans share one grid */
	s = load_ok("timestamp,channel,volume\n"
		    "2026-01-01T00:00,a,1\n2026-01-01T01:00,a,2\n2026-01-01T02:00,a,3\n"
		    "2026-01-01T01:00,b,4\n2026-01-01T02:00,b,5\n2026-01-01T03:00,b,6\n", "UTC");
	CHECK(s && s->n == 4 && s->aht == NULL, "union of spans, no aht column");
	CHECK(s && s->missing[0] == 1 && s->first_missing[0] == T0 + 3 * 3600, "a misses 03:00");
	CHECK(s && s->missing[1] == 1 && s->first_missing[1] == T0, "b misses 00:00");
	wfm_series_free(s);
}

static void test_errors(void)
{
	static const struct check_fail cases[] = {
		{ HDR "2026-01-01T00:00,calls,5\n2026-01-01T01:00,calls,7\n2026-01-01T00:00,calls,6\n", "UTC",
		  4, "timestamp", "duplicate of line 2 (calls, 2026-01-01T00:00)" },
		/* unsorted duplicate: the later line is named, with the earlier */
		{ HDR "2026-01-01T01:00,calls,5\n2026-01-01T00:00,calls,7\n2026-01-01T02:00,calls,7\n"
		  "2026-01-01T00:00,calls,6\n", "UTC", 5, "timestamp", "duplicate of line 3 (calls, 2026-01-01T00:00)" },
		/* a stray 15-minute row in 30-minute data: gaps 30,30,15,15,30 -> 30 */
		{ HDR "2026-01-01T00:00,calls,1\n2026-01-01T00:30,calls,1\n2026-01-01T01:00,calls,1\n"
		  "2026-01-01T01:15,calls,1\n2026-01-01T01:30,calls,1\n2026-01-01T02:00,calls,1\n", "UTC",
		  5, "timestamp", "interval of 15 min after line 4; the data are in 30-minute intervals" },
		/* no allowed interval length at all */
		{ HDR "2026-01-01T00:00,calls,5\n2026-01-01T00:45,calls,7\n2026-01-01T02:00,calls,7\n", "UTC",
		  3, "timestamp", "interval of 45 min after line 2; intervals must be 15, 30 or 60 min" },
		/* channels on different grids */
		{ HDR "2026-01-01T00:00,a,1\n2026-01-01T01:00,a,1\n2026-01-01T00:30,b,1\n2026-01-01T01:30,b,1\n",
		  "UTC", 4, "timestamp", "2026-01-01T00:30 is off the 60-minute grid" },
		{ HDR "2026-01-01T00:00,a,1\n", "UTC", 2, "timestamp", "at least two intervals per channel" },
		{ HDR "2026-01-01T00:00,a,1\n2026-01-01T01:00,,1\n", "UTC", 3, "channel", "empty channel name" },
		{ "timestamp,channel,volume,aht_s\n2026-01-01T00:00,a,1,-5\n2026-01-01T01:00,a,1,5\n", "UTC",
		  2, "aht_s", "-5 is negative" },
		{ "timestamp,volume\n2026-01-01T00:00,1\n", "UTC", 1, "channel", "missing column in the header" },
		{ HDR "2026-03-08T02:30,a,1\n", "America/New_York", 2, "timestamp", "does not exist in America/New_York" },
	};

	load_fails(cases, sizeof(cases) / sizeof(*cases));
}

/* Grids worked by hand (instants in the file-top comment): channel 0's
 * start, step, intervals, missing count, first missing instant and
 * volumes (NAN: missing). */
static void test_grids(void)
{
	static const struct {
		const char *what, *zone, *text;
		int64_t start;
		int step;
		size_t n, missing;
		int64_t first_missing;
		double v[5];
	} cases[] = {
		{ "unsorted rows sorted", "UTC", HDR "2026-01-01T02:00,c,3\n2026-01-01T00:00,c,1\n2026-01-01T01:00,c,2\n",
		  T0, 3600, 3, 0, 0, { 1, 2, 3 } },
		{ "15-min data", "UTC", HDR "2026-01-01T00:00,c,1\n2026-01-01T00:15,c,2\n2026-01-01T00:30,c,3\n"
		  "2026-01-01T00:45,c,4\n2026-01-01T01:00,c,5\n", T0, 900, 5, 0, 0, { 1, 2, 3, 4, 5 } },
		{ "30-min data with one gap: 00:00 00:30 [01:00] 01:30", "UTC",
		  HDR "2026-01-01T00:00,c,1\n2026-01-01T00:30,c,2\n2026-01-01T01:30,c,4\n",
		  T0, 1800, 4, 1, T0 + 3600, { 1, 2, NAN, 4 } },
		{ "explicit offsets: 03:00+03:00 is 00:00Z", "Europe/Moscow",
		  HDR "2026-01-01T03:00+03:00,c,1\n2026-01-01T01:00Z,c,2\n", T0, 3600, 2, 0, 0, { 1, 2 } },
		{ "autumn: 01:00 twice is 05:00Z (EDT) then 06:00Z (EST)", "America/New_York",
		  HDR "2026-11-01T00:00,c,10\n2026-11-01T01:00,c,20\n2026-11-01T01:00,c,30\n"
		  "2026-11-01T02:00,c,40\n2026-11-01T03:00,c,50\n", 1793505600, 3600, 5, 0, 0, { 10, 20, 30, 40, 50 } },
		{ "offset-tagged, as wfm_time_format writes them", "America/New_York",
		  HDR "2026-11-01T01:00-05:00,c,30\n2026-11-01T01:00-04:00,c,20\n2026-11-01T02:00,c,40\n",
		  1793505600 + 3600, 3600, 3, 0, 0, { 20, 30, 40 } },
		{ "only one 01:00: the EST one (06:00Z) is missing", "America/New_York",
		  HDR "2026-11-01T00:00,c,10\n2026-11-01T01:00,c,20\n2026-11-01T02:00,c,40\n",
		  1793505600, 3600, 4, 1, 1793512800, { 10, 20, NAN, 40 } },
		{ "spring: 01:00 then 03:00 is one hour apart", "America/New_York",
		  HDR "2026-03-08T00:00,c,1\n2026-03-08T01:00,c,2\n2026-03-08T03:00,c,3\n",
		  1772946000, 3600, 3, 0, 0, { 1, 2, 3 } },
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		wfm_error err = { 0 };
		wfm_series *s = load(cases[k].text, cases[k].zone, &err);
		int same = s && s->start == cases[k].start && s->step == cases[k].step && s->n == cases[k].n &&
			   s->missing[0] == cases[k].missing && s->first_missing[0] == cases[k].first_missing;
		for (size_t i = 0; same && i < s->n && i < 5; i++)
			same = isnan(cases[k].v[i]) ? isnan(s->volume[i]) : s->volume[i] == cases[k].v[i];
		CHECK(same, "%s: %s", cases[k].what, s ? "grid or volumes differ" : err.msg);
		wfm_series_free(s);
	}
}

static void test_select(void)
{
	wfm_error err = { 0 };
	wfm_series *s = load_ok("timestamp,channel,volume\n"
				"2026-01-01T00:00,a,1\n2026-01-01T00:00,b,2\n2026-01-01T00:00,c,3\n"
				"2026-01-01T01:00,a,4\n2026-01-01T01:00,b,5\n", "UTC");
	if (!s)
		return;
	const char *pick[] = { "c", "a" };
	CHECK(wfm_series_select(s, pick, 2, &err) == 0, "select c,a");
	CHECK(check_names(s->channel, s->nchan, "c,a"), "order");
	CHECK(wfm_series_vol(s, 0)[0] == 3 && isnan(wfm_series_vol(s, 0)[1]) && s->missing[0] == 1,
	      "c moved with its data and missing count");
	CHECK(wfm_series_vol(s, 1)[0] == 1 && wfm_series_vol(s, 1)[1] == 4 && s->missing[1] == 0, "a moved");
	const char *bad[] = { "zz" };
	CHECK(wfm_series_select(s, bad, 1, &err) == -1 && strstr(err.msg, "\"zz\" is not in the input"),
	      "unknown channel: %s", err.msg);
	const char *twice[] = { "a", "a" };
	CHECK(wfm_series_select(s, twice, 2, &err) == -1 && strstr(err.msg, "more than once"), "%s", err.msg);
	wfm_series_free(s);

	const char *names[] = { "x" };
	s = wfm_series_alloc(1, names, T0, 900, 4, 1, &err);
	CHECK(s && s->n == 4 && isnan(s->volume[3]) && isnan(s->aht[0]) && s->missing[0] == 0, "alloc");
	wfm_series_free(s);
	wfm_series_free(NULL);
}

/* wfm_series_line(): the file's line of a (channel, instant) row, counted
 * by hand below (a quoted field over two lines, a blank line, Moscow time
 * UTC+3); 0 for a row not there and for standard input. */
static void test_line(void)
{
	static const char text[] = "timestamp,channel,volume\n"     /* line 1 */
				   "2026-01-01T00:00,calls,1\n"       /* 2 */
				   "2026-01-01T00:00,\"ch\nat\",2\n"  /* 3-4 */
				   "\n"                                /* 5 */
				   "2026-01-01T01:00,calls,3\n";      /* 6 */
	wfm_error err = { 0 };
	wfm_tz *msk = wfm_tz_open("Europe/Moscow", &err);
	const char *path = check_tmp(text);
	int64_t t0 = 20454LL * 86400 - 3 * 3600;   /* 2026-01-01T00:00+03 */

	if (!msk || !path)
		return;
	CHECK(wfm_series_line(path, msk, "calls", t0 + 3600) == 6, "calls 01:00 on line 6");
	CHECK(wfm_series_line(path, msk, "ch\nat", t0) == 3, "a two-line field's row on its first line");
	CHECK(wfm_series_line(path, msk, "calls", t0 + 7200) == 0, "no such row");
	CHECK(wfm_series_line("-", msk, "calls", t0) == 0, "standard input is not read again");
	unlink(path);
	wfm_tz_free(msk);
}

int main(void)
{
	test_line();
	test_gaps();
	test_errors();
	test_grids();
	test_select();
	return check_done("test_series");
}
