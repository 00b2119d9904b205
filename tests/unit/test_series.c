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

CHECK_TZ_LOADER(load, wfm_series, wfm_series_load)

static void test_gaps(void)
{
	wfm_error err = { 0 };
	wfm_series *s = load("timestamp,channel,volume,aht_s\n"
			     "2026-01-01T00:00,calls,10,200\n"
			     "2026-01-01T00:00,chat,1,\n"
			     "2026-01-01T01:00,calls,11,210\n"
			     "2026-01-01T01:00,chat,2,300\n"
			     "2026-01-01T02:00,chat,3,300\n"       /* calls 02:00 missing */
			     "2026-01-01T03:00,calls,13,230\n"
			     "2026-01-01T03:00,chat,4,300\n"
			     "2026-01-01T04:00,calls,14,240\n"
			     "2026-01-01T04:00,chat,5,300\n", "UTC", &err);
	CHECK(s != NULL, "load: %s", err.msg);
	if (!s)
		return;
	CHECK(s->nchan == 2 && !strcmp(s->channel[0], "calls") && !strcmp(s->channel[1], "chat"),
	      "channels in order of appearance");
	CHECK(s->start == T0 && s->step == 3600 && s->n == 5, "grid %lld %d %zu",
	      (long long)s->start, s->step, s->n);
	CHECK(s->missing[0] == 1 && s->first_missing[0] == T0 + 7200, "calls: 1 missing at 02:00");
	CHECK(isnan(wfm_series_vol(s, 0)[2]), "missing cell is NAN");
	CHECK(wfm_series_vol(s, 0)[3] == 13 && wfm_series_vol(s, 0)[4] == 14, "values after gap");
	CHECK(s->missing[1] == 0 && s->first_missing[1] == 0, "chat complete");
	CHECK(s->aht && s->aht[0] == 200 && isnan(s->aht[5]) && s->aht[6] == 300, "aht, empty is NAN");
	CHECK(wfm_series_time(s, 4) == T0 + 4 * 3600, "series_time");
	CHECK(wfm_series_channel(s, "chat") == 1 && wfm_series_channel(s, "mail") == -1, "channel lookup");
	wfm_series_free(s);

	/* channels covering different spans share one grid */
	s = load("timestamp,channel,volume\n"
		 "2026-01-01T00:00,a,1\n2026-01-01T01:00,a,2\n2026-01-01T02:00,a,3\n"
		 "2026-01-01T01:00,b,4\n2026-01-01T02:00,b,5\n2026-01-01T03:00,b,6\n", "UTC", &err);
	CHECK(s && s->n == 4 && s->aht == NULL, "union of spans, no aht column");
	CHECK(s && s->missing[0] == 1 && s->first_missing[0] == T0 + 3 * 3600, "a misses 03:00");
	CHECK(s && s->missing[1] == 1 && s->first_missing[1] == T0, "b misses 00:00");
	wfm_series_free(s);
}

static void test_errors(void)
{
	wfm_error err = { 0 };
	char buf[1200];

	CHECK(load("timestamp,channel,volume\n"
		   "2026-01-01T00:00,calls,5\n"
		   "2026-01-01T01:00,calls,7\n"
		   "2026-01-01T00:00,calls,6\n", "UTC", &err) == NULL, "duplicate");
	CHECK(err.line == 4 && !strcmp(err.column, "timestamp") &&
	      !strcmp(err.msg, "duplicate of line 2 (calls, 2026-01-01T00:00)") && !strcmp(err.file, check_tmp_name()),
	      "duplicate message: %s:%ld: %s: %s", err.file, err.line, err.column, err.msg);
	/* unsorted duplicate: the later line is named, with the earlier */
	CHECK(load("timestamp,channel,volume\n"
		   "2026-01-01T01:00,calls,5\n"
		   "2026-01-01T00:00,calls,7\n"
		   "2026-01-01T02:00,calls,7\n"
		   "2026-01-01T00:00,calls,6\n", "UTC", &err) == NULL, "unsorted duplicate");
	CHECK(err.line == 5 && strstr(err.msg, "duplicate of line 3") != NULL, "%ld %s", err.line, err.msg);
	/* a stray 15-minute row in 30-minute data: gaps 30,30,15,15,30 -> 30 */
	CHECK(load("timestamp,channel,volume\n"
		   "2026-01-01T00:00,calls,1\n2026-01-01T00:30,calls,1\n2026-01-01T01:00,calls,1\n"
		   "2026-01-01T01:15,calls,1\n2026-01-01T01:30,calls,1\n2026-01-01T02:00,calls,1\n",
		   "UTC", &err) == NULL, "mixed");
	wfm_error_format(&err, buf, sizeof(buf));
	CHECK(err.line == 5 && strstr(err.msg, "interval of 15 min after line 4") &&
	      strstr(err.msg, "30-minute intervals"), "mixed message: %s", buf);
	/* no allowed interval length at all */
	CHECK(load("timestamp,channel,volume\n"
		   "2026-01-01T00:00,calls,5\n2026-01-01T00:45,calls,7\n2026-01-01T02:00,calls,7\n",
		   "UTC", &err) == NULL, "45 min");
	CHECK(err.line == 3 && strstr(err.msg, "interval of 45 min after line 2") != NULL, "%s", err.msg);
	/* channels on different grids */
	CHECK(load("timestamp,channel,volume\n"
		   "2026-01-01T00:00,a,1\n2026-01-01T01:00,a,1\n"
		   "2026-01-01T00:30,b,1\n2026-01-01T01:30,b,1\n", "UTC", &err) == NULL, "off grid");
	CHECK(err.line == 4 && strstr(err.msg, "off the 60-minute grid") != NULL, "%ld %s", err.line, err.msg);
	CHECK(load("timestamp,channel,volume\n2026-01-01T00:00,a,1\n", "UTC", &err) == NULL, "one row");
	CHECK(strstr(err.msg, "at least two intervals") != NULL, "%s", err.msg);
	CHECK(load("timestamp,channel,volume\n2026-01-01T00:00,a,1\n2026-01-01T01:00,,1\n",
		   "UTC", &err) == NULL && err.line == 3 && !strcmp(err.column, "channel"), "empty channel");
	CHECK(load("timestamp,channel,volume,aht_s\n2026-01-01T00:00,a,1,-5\n2026-01-01T01:00,a,1,5\n",
		   "UTC", &err) == NULL && err.line == 2 && !strcmp(err.column, "aht_s"), "negative aht");
	CHECK(load("timestamp,volume\n2026-01-01T00:00,1\n", "UTC", &err) == NULL &&
	      !strcmp(err.column, "channel") && err.line == 1, "missing channel column");
	CHECK(load("timestamp,channel,volume\n2026-03-08T02:30,a,1\n", "America/New_York", &err) == NULL &&
	      err.line == 2 && strstr(err.msg, "does not exist in America/New_York"), "gap time");
}

static void test_sorting_and_steps(void)
{
	wfm_error err = { 0 };
	wfm_series *s = load("timestamp,channel,volume\n"
			     "2026-01-01T02:00,calls,3\n2026-01-01T00:00,calls,1\n2026-01-01T01:00,calls,2\n",
			     "UTC", &err);
	CHECK(s && s->start == T0 && s->n == 3, "unsorted loaded");
	CHECK(s && wfm_series_vol(s, 0)[0] == 1 && wfm_series_vol(s, 0)[1] == 2 && wfm_series_vol(s, 0)[2] == 3,
	      "sorted");
	wfm_series_free(s);

	s = load("timestamp,channel,volume\n"
		 "2026-01-01T00:00,c,1\n2026-01-01T00:15,c,2\n2026-01-01T00:30,c,3\n2026-01-01T00:45,c,4\n"
		 "2026-01-01T01:00,c,5\n", "UTC", &err);
	CHECK(s && s->step == 900 && s->n == 5 && s->missing[0] == 0, "15-min data");
	wfm_series_free(s);
	/* 30-min data with one gap: 00:00 00:30 [01:00] 01:30 */
	s = load("timestamp,channel,volume\n"
		 "2026-01-01T00:00,c,1\n2026-01-01T00:30,c,2\n2026-01-01T01:30,c,4\n", "UTC", &err);
	CHECK(s && s->step == 1800 && s->n == 4 && s->missing[0] == 1 &&
	      s->first_missing[0] == T0 + 3600, "30-min data with a gap");
	wfm_series_free(s);
	/* explicit offsets: 03:00+03:00 is 00:00Z */
	s = load("timestamp,channel,volume\n"
		 "2026-01-01T03:00+03:00,c,1\n2026-01-01T01:00Z,c,2\n", "Europe/Moscow", &err);
	CHECK(s && s->start == T0 && s->step == 3600 && s->n == 2, "offsets");
	wfm_series_free(s);
}

static void test_dst(void)
{
	wfm_error err = { 0 };
	/* autumn: 01:00 twice is two intervals, 05:00Z then 06:00Z */
	wfm_series *s = load("timestamp,channel,volume\n"
			     "2026-11-01T00:00,calls,10\n"
			     "2026-11-01T01:00,calls,20\n"
			     "2026-11-01T01:00,calls,30\n"
			     "2026-11-01T02:00,calls,40\n"
			     "2026-11-01T03:00,calls,50\n", "America/New_York", &err);
	CHECK(s != NULL, "load: %s", err.msg);
	if (s) {
		CHECK(s->start == 1793505600 && s->step == 3600 && s->n == 5 && s->missing[0] == 0,
		      "5 hourly intervals, start %lld n %zu", (long long)s->start, s->n);
		double *v = wfm_series_vol(s, 0);
		CHECK(v[1] == 20 && v[2] == 30 && v[3] == 40, "first 01:00 is EDT, second EST");
	}
	wfm_series_free(s);
	/* as wfm_time_format writes them: with offsets */
	s = load("timestamp,channel,volume\n"
		 "2026-11-01T01:00-05:00,calls,30\n2026-11-01T01:00-04:00,calls,20\n"
		 "2026-11-01T02:00,calls,40\n", "America/New_York", &err);
	CHECK(s && s->start == 1793505600 + 3600 && s->n == 3 && wfm_series_vol(s, 0)[0] == 20,
	      "offset-tagged ambiguous hour");
	wfm_series_free(s);
	/* only one 01:00: the EST one (06:00Z) is missing */
	s = load("timestamp,channel,volume\n"
		 "2026-11-01T00:00,calls,10\n2026-11-01T01:00,calls,20\n2026-11-01T02:00,calls,40\n",
		 "America/New_York", &err);
	CHECK(s && s->n == 4 && s->missing[0] == 1 && s->first_missing[0] == 1793512800,
	      "missing second 01:00");
	wfm_series_free(s);
	/* spring: 01:00 then 03:00 is one hour apart, nothing missing */
	s = load("timestamp,channel,volume\n"
		 "2026-03-08T00:00,calls,1\n2026-03-08T01:00,calls,2\n2026-03-08T03:00,calls,3\n",
		 "America/New_York", &err);
	CHECK(s && s->n == 3 && s->missing[0] == 0 && s->start == 1772946000, "spring forward");
	wfm_series_free(s);
}

static void test_select(void)
{
	wfm_error err = { 0 };
	wfm_series *s = load("timestamp,channel,volume\n"
			     "2026-01-01T00:00,a,1\n2026-01-01T00:00,b,2\n2026-01-01T00:00,c,3\n"
			     "2026-01-01T01:00,a,4\n2026-01-01T01:00,b,5\n", "UTC", &err);
	CHECK(s != NULL, "load");
	if (!s)
		return;
	const char *pick[] = { "c", "a" };
	CHECK(wfm_series_select(s, pick, 2, &err) == 0, "select c,a");
	CHECK(s->nchan == 2 && !strcmp(s->channel[0], "c") && !strcmp(s->channel[1], "a"), "order");
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

int main(void)
{
	test_gaps();
	test_errors();
	test_sorting_and_steps();
	test_dst();
	test_select();
	return check_done("test_series");
}
