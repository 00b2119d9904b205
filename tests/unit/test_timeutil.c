/* test_timeutil.c - lib/timeutil.c: ISO 8601 parse/format round trips,
 * offsets, invalid dates, leap days, DST day lengths, weekdays, durations.
 *
 * Independent values: GNU date, e.g.
 *   date -u -d 2024-02-29 +%s                    -> 1709164800 (day 19782)
 *   date -d 2024-02-29 +%A                       -> Thursday
 *   date -u -d '2026-03-08 05:00' +%s            -> 1772946000 (NY midnight, EST)
 *   date -u -d '2026-11-01 04:00' +%s            -> 1793505600 (NY midnight, EDT)
 *   date -u -d '2026-11-02 05:00' +%s            -> 1793595600 (NY midnight, EST)
 * and by hand: d(2026-01-01) = 56*365 + 14 = 20454, d(2026-06-01) =
 * 20454 + 151 = 20605, 20605*86400 = 1780272000.
 */
#include "check.h"
#include "timeutil.h"

static void test_civil(void)
{
	int y, m, d;

	CHECK(wfm_time_days_from_civil(1970, 1, 1) == 0, "epoch");
	CHECK(wfm_time_days_from_civil(2024, 2, 29) == 19782, "2024-02-29");
	CHECK(wfm_time_days_from_civil(2026, 1, 1) == 20454, "2026-01-01");
	CHECK(wfm_time_days_from_civil(1969, 12, 31) == -1, "1969-12-31");
	wfm_time_civil_from_days(19782, &y, &m, &d);
	CHECK(y == 2024 && m == 2 && d == 29, "back to 2024-02-29");
	/* every day 1900..2200 round-trips and follows the previous one */
	int bad = 0;
	for (int64_t z = wfm_time_days_from_civil(1900, 1, 1); z < wfm_time_days_from_civil(2200, 1, 1); z++) {
		wfm_time_civil_from_days(z, &y, &m, &d);
		bad += wfm_time_days_from_civil(y, m, d) != z;
	}
	CHECK(bad == 0, "%d days fail to round-trip", bad);
	/* weekdays (0 = Monday): 2024-02-29 Thu, 2026-11-25 Wed, 2000-01-01 Sat,
	 * 1969-12-31 Wed, 2024-11-25 Mon (first day of data/history.csv) */
	CHECK(wfm_time_weekday(19782) == 3, "Thu");
	CHECK(wfm_time_weekday(wfm_time_days_from_civil(2026, 11, 25)) == 2, "Wed");
	CHECK(wfm_time_weekday(wfm_time_days_from_civil(2000, 1, 1)) == 5, "Sat");
	CHECK(wfm_time_weekday(-1) == 2, "Wed before epoch");
	CHECK(wfm_time_weekday(wfm_time_days_from_civil(2024, 11, 25)) == 0, "Mon");
}

static void test_parse(void)
{
	wfm_error err = { 0 };
	wfm_tz *utc = wfm_tz_open("UTC", &err), *msk = wfm_tz_open("Europe/Moscow", &err);
	int64_t t, d;
	const int64_t noon = 1780272000 + 43200;   /* 2026-06-01T12:00Z */

	CHECK(utc && msk, "zones");
	if (!utc || !msk)
		return;
	CHECK(wfm_time_parse("2026-06-01T12:00", utc, 0, &t, &err) == 0 && t == noon, "naive UTC");
	CHECK(wfm_time_parse("2026-06-01 12:00", utc, 0, &t, &err) == 0 && t == noon, "space for T");
	CHECK(wfm_time_parse("2026-06-01T12:00Z", msk, 0, &t, &err) == 0 && t == noon, "Z ignores zone");
	CHECK(wfm_time_parse("2026-06-01T15:00+03:00", utc, 0, &t, &err) == 0 && t == noon, "+03:00");
	CHECK(wfm_time_parse("2026-06-01T15:00+0300", utc, 0, &t, &err) == 0 && t == noon, "+0300");
	CHECK(wfm_time_parse("2026-06-01T15:00+03", utc, 0, &t, &err) == 0 && t == noon, "+03");
	CHECK(wfm_time_parse("2026-06-01T08:00-04:00", utc, 0, &t, &err) == 0 && t == noon, "-04:00");
	CHECK(wfm_time_parse("2026-06-01T17:30+05:30", utc, 0, &t, &err) == 0 && t == noon, "+05:30");
	CHECK(wfm_time_parse("2026-06-01T15:00", msk, 0, &t, &err) == 0 && t == noon, "naive Moscow");
	CHECK(wfm_time_parse("2026-06-01T12:00:30", utc, 0, &t, &err) == 0 && t == noon + 30, "seconds");
	CHECK(wfm_time_parse("2026-06-01", utc, 0, &t, &err) == 0 && t == noon - 43200, "bare date");
	CHECK(wfm_time_parse("2024-02-29T00:00", utc, 0, &t, &err) == 0 && t == 1709164800, "leap day");
	CHECK(wfm_time_parse("2000-02-29T00:00", utc, 0, &t, &err) == 0, "2000 is leap");

	static const char *bad[] = {
		"2025-02-29T00:00", "1900-02-29T00:00", "2026-02-30T10:00", "2026-04-31T10:00",
		"2026-13-01T00:00", "2026-00-10T00:00", "2026-01-00T00:00", "2026-01-01T24:00",
		"2026-01-01T23:60", "2026-01-01T09:00:60", "2026-1-01T09:00", "2026-01-01T9:00",
		"2026-01-01T09", "2026-01-01T09:00x", "2026-01-01T09:00+15:00", "2026-01-01T09:00+03:60",
		"2026-01-01T09:00 ", "", "01.01.2026 09:00", "2026-01-01T09:00+", "2026/01/01",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(wfm_time_parse(bad[i], utc, 0, &t, &err) == -1, "\"%s\" accepted", bad[i]);
		CHECK(strstr(err.msg, "is not an ISO 8601 time") != NULL, "msg for %s: %s", bad[i], err.msg);
	}
	CHECK(wfm_time_parse_date("2024-02-29", &d, &err) == 0 && d == 19782, "parse_date");
	CHECK(wfm_time_parse_date("2025-02-29", &d, &err) == -1, "parse_date 2025-02-29");
	CHECK(wfm_time_parse_date("2024-02-29T00:00", &d, &err) == -1, "parse_date with time");
	wfm_tz_free(utc);
	wfm_tz_free(msk);
}

/* New York 2026: the gap, the ambiguous hour, and format/parse round trips */
static void test_dst_format(void)
{
	wfm_error err = { 0 };
	wfm_tz *ny = wfm_tz_open("America/New_York", &err);
	wfm_tz *msk = wfm_tz_open("Europe/Moscow", &err);
	char buf[64];
	int64_t t;

	CHECK(ny && msk, "zones");
	if (!ny || !msk)
		return;
	CHECK(wfm_time_parse("2026-03-08T02:30", ny, 0, &t, &err) == -1, "spring gap");
	CHECK_STR(err.msg, "\"2026-03-08T02:30\" does not exist in America/New_York (clocks go forward)",
		  "gap message");
	CHECK(wfm_time_parse("2026-11-01T01:30", ny, 0, &t, &err) == WFM_TZ_AMBIGUOUS &&
	      t == 1793511000, "01:30 earlier EDT");
	CHECK(wfm_time_parse("2026-11-01T01:30", ny, 1, &t, &err) == WFM_TZ_AMBIGUOUS &&
	      t == 1793514600, "01:30 later EST");
	wfm_time_format(1793511000, ny, buf, sizeof(buf));
	CHECK_STR(buf, "2026-11-01T01:30-04:00", "ambiguous earlier gets offset");
	wfm_time_format(1793514600, ny, buf, sizeof(buf));
	CHECK_STR(buf, "2026-11-01T01:30-05:00", "ambiguous later gets offset");
	wfm_time_format(1793514600 + 3600, ny, buf, sizeof(buf));
	CHECK_STR(buf, "2026-11-01T02:30", "unique time has no offset");
	wfm_time_format(1772953200, ny, buf, sizeof(buf));
	CHECK_STR(buf, "2026-03-08T03:00", "after the gap");
	wfm_time_format(1414272600, msk, buf, sizeof(buf));
	CHECK_STR(buf, "2014-10-26T01:30+04:00", "Moscow 2014 earlier");
	wfm_time_format(1414276200, msk, buf, sizeof(buf));
	CHECK_STR(buf, "2014-10-26T01:30+03:00", "Moscow 2014 later");
	/* the format's small buffer is never overrun */
	CHECK(wfm_time_format(1793511000, ny, buf, 8) >= 7 && strlen(buf) == 7, "truncated");

	/* every 15 minutes over 3 days around each NY change: format then
	 * parse gives the same instant, and exactly 4 formatted strings per
	 * day carry an offset on the autumn day's ambiguous hour, twice */
	int bad = 0, with_off = 0;
	const int64_t starts[] = { 1772946000 - 86400, 1793505600 - 86400 };
	for (int k = 0; k < 2; k++)
		for (int64_t u = starts[k]; u < starts[k] + 3 * 86400; u += 900) {
			wfm_time_format(u, ny, buf, sizeof(buf));
			with_off += strlen(buf) > 16;
			bad += wfm_time_parse(buf, ny, 0, &t, &err) < 0 || t != u;
		}
	CHECK(bad == 0, "%d format/parse round trips failed", bad);
	CHECK(with_off == 8, "offsets on the 8 quarter hours of 01:00-01:59 twice: %d", with_off);

	/* day lengths: 23 h on 2026-03-08, 25 h on 2026-11-01, 24 h otherwise */
	int64_t d = wfm_time_days_from_civil(2026, 3, 8);
	CHECK(wfm_time_day_start(d, ny) == 1772946000, "2026-03-08 starts 05:00Z");
	CHECK(wfm_time_day_start(d + 1, ny) - wfm_time_day_start(d, ny) == 23 * 3600, "23 h");
	d = wfm_time_days_from_civil(2026, 11, 1);
	CHECK(wfm_time_day_start(d, ny) == 1793505600, "2026-11-01 starts 04:00Z");
	CHECK(wfm_time_day_start(d + 1, ny) == 1793595600, "2026-11-02 starts 05:00Z");
	CHECK(wfm_time_day_start(d + 2, ny) - wfm_time_day_start(d + 1, ny) == 24 * 3600, "24 h");
	d = wfm_time_days_from_civil(2014, 10, 26);
	CHECK(wfm_time_day_start(d + 1, msk) - wfm_time_day_start(d, msk) == 25 * 3600,
	      "Moscow 2014-10-26 has 25 h");

	struct wfm_tm tm;
	wfm_time_local(1793514600, ny, &tm);
	CHECK(tm.year == 2026 && tm.mon == 11 && tm.day == 1 && tm.hour == 1 && tm.min == 30 &&
	      tm.wday == 6 && tm.off == -18000 && tm.minute_of_day == 90 && tm.days == 20758,
	      "local fields of 01:30 EST");
	wfm_tz_free(ny);
	wfm_tz_free(msk);
}

static void test_small_parsers(void)
{
	wfm_error err = { 0 };
	int64_t s;
	int m;

	CHECK(wfm_time_parse_duration("14d", &s, &err) == 0 && s == 14 * 86400, "14d");
	CHECK(wfm_time_parse_duration("8w", &s, &err) == 0 && s == 8 * 7 * 86400, "8w");
	CHECK(wfm_time_parse_duration("36h", &s, &err) == 0 && s == 36 * 3600, "36h");
	CHECK(wfm_time_parse_duration("90m", &s, &err) == 0 && s == 5400, "90m");
	CHECK(wfm_time_parse_duration("3", &s, &err) == 0 && s == 3 * 86400, "bare days");
	static const char *bad[] = { "", "0d", "-1d", "14x", "14dd", "d", "1.5d", "14 d", "999999d" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(wfm_time_parse_duration(bad[i], &s, &err) == -1, "duration \"%s\" accepted", bad[i]);
		CHECK(strstr(err.msg, "is not a duration") != NULL, "%s", err.msg);
	}
	CHECK(wfm_time_parse_hhmm("00:00", &m, &err) == 0 && m == 0, "00:00");
	CHECK(wfm_time_parse_hhmm("23:59", &m, &err) == 0 && m == 1439, "23:59");
	CHECK(wfm_time_parse_hhmm("24:00", &m, &err) == 0 && m == 1440, "24:00");
	CHECK(wfm_time_parse_hhmm("24:01", &m, &err) == -1, "24:01");
	CHECK(wfm_time_parse_hhmm("7:00", &m, &err) == -1, "7:00");
	CHECK(wfm_time_parse_hhmm("07:60", &m, &err) == -1, "07:60");
	CHECK(wfm_time_parse_weekday("Mon") == 0, "Mon");
	CHECK(wfm_time_parse_weekday("sunday") == 6, "sunday");
	CHECK(wfm_time_parse_weekday("TUE") == 1, "TUE");
	CHECK(wfm_time_parse_weekday("Mo") == -1, "Mo");
	CHECK(wfm_time_parse_weekday("Monx") == -1, "Monx");
	char buf[16];
	wfm_time_format_date(19782, buf, sizeof(buf));
	CHECK_STR(buf, "2024-02-29", "format_date");
}

/* wfm_time_gcd against Euclid done by hand: the shift grids of roster.c,
 * rostermip.c and shiftrules.c (each had its own copy before). */
static void test_gcd(void)
{
	CHECK(wfm_time_gcd(30, 45) == 15, "gcd(30, 45)");
	CHECK(wfm_time_gcd(45, 30) == 15, "gcd(45, 30)");
	CHECK(wfm_time_gcd(60, 0) == 60, "gcd(60, 0)");
	CHECK(wfm_time_gcd(0, 15) == 15, "gcd(0, 15)");
	CHECK(wfm_time_gcd(1440, 510) == 30, "gcd(1440, 510)");
	CHECK(wfm_time_gcd(17, 13) == 1, "gcd(17, 13)");
}

/* wfm_time_format() writes digits itself for years 0-9999: the same
 * bytes as printf of wfm_time_local()'s fields, from year -50 to 10050 */
static void test_format_digits(void)
{
	wfm_tz *utc = wfm_tz_open("UTC", NULL);
	char a[48], b[48];
	int bad = 0;
	struct wfm_tm tm;

	for (int64_t u = -63745056000LL; u < 255000000000LL; u += 86400LL * 7 + 777 * 60) {
		wfm_time_format(u, utc, a, sizeof(a));
		wfm_time_local(u, utc, &tm);
		snprintf(b, sizeof(b), "%04d-%02d-%02dT%02d:%02d", tm.year, tm.mon, tm.day, tm.hour,
			 tm.min);
		if (strcmp(a, b) && bad++ < 3)
			CHECK(0, "%lld: \"%s\", printf \"%s\"", (long long)u, a, b);
	}
	CHECK(bad == 0, "%d instants formatted unlike printf", bad);
	wfm_time_format(0, utc, a, 17);
	CHECK_STR(a, "1970-01-01T00:00", "exactly room for 16 bytes");
	wfm_tz_free(utc);
}

int main(void)
{
	test_gcd();
	test_civil();
	test_parse();
	test_dst_format();
	test_small_parsers();
	test_format_digits();
	return check_done("test_timeutil");
}
