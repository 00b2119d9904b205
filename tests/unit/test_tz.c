/* test_tz.c - lib/tz.c: offsets in each era of Europe/Moscow and around
 * the 2026 America/New_York transitions, gaps, ambiguous wall times,
 * zone lookup errors.
 *
 * Expected instants were cross-checked with GNU date and the system tz
 * database, e.g.
 *   TZ=Europe/Moscow date -d '2010-07-01 12:00' +'%s %z'  -> 1277971200 +0400
 *   TZ=Europe/Moscow date -d @1414274399 +'%F %T %z'    -> 2014-10-26 01:59:59 +0400
 *   TZ=Europe/Moscow date -d @1414274400 +'%F %T %z'    -> 2014-10-26 01:00:00 +0300
 *   TZ=America/New_York date -d '2026-03-08 01:59' +'%s %z' -> 1772953140 -0500
 *   TZ=America/New_York date -d '2026-03-08 03:00' +'%s %z' -> 1772953200 -0400
 * and by hand: day numbers d(2026-01-01) = 56*365 + 14 leap days = 20454,
 * so d(2026-11-01) = 20454 + 304 = 20758 and 2026-11-01T01:30 local is
 * 20758*86400 + 5400 = 1793496600 "local seconds"; EDT (-4 h) gives
 * 1793511000, EST (-5 h) 1793514600.
 */
#include "check.h"
#include "tz.h"

#include <stdlib.h>

static void test_moscow(void)
{
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("Europe/Moscow", &err);
	int64_t u;

	CHECK(tz != NULL, "open: %s", err.msg);
	if (!tz)
		return;
	CHECK_STR(wfm_tz_name(tz), "Europe/Moscow", "name");
	/* DST era (until 2011): MSK +3 in winter, MSD +4 in summer */
	CHECK(wfm_tz_offset(tz, 1263546000) == 3 * 3600, "2010-01-15 12:00 is +3");
	CHECK(wfm_tz_offset(tz, 1277971200) == 4 * 3600, "2010-07-01 12:00 is +4");
	/* permanent +4, 2011-03-27 .. 2014-10-26 */
	CHECK(wfm_tz_offset(tz, 1326614400) == 4 * 3600, "2012-01-15 12:00 is +4 (winter!)");
	CHECK(wfm_tz_offset(tz, 1341129600) == 4 * 3600, "2012-07-01 12:00 is +4");
	/* +3 since 2014-10-26 02:00 local = 2014-10-25T22:00Z = 1414274400 */
	CHECK(wfm_tz_offset(tz, 1414274399) == 4 * 3600, "second before the change");
	CHECK(wfm_tz_offset(tz, 1414274400) == 3 * 3600, "at the change");
	CHECK(wfm_tz_offset(tz, 1421312400) == 3 * 3600, "2015-01-15 12:00 is +3");
	CHECK(wfm_tz_offset(tz, 1782900000) == 3 * 3600, "2026-07 is +3 (no DST)");

	/* 2014-10-26T01:30 happened twice: local secs = (16369 days)*86400 + 5400.
	 * d(2014-10-26) = 44*365 + 11 leap days (1972..2012) + 298 = 16369.
	 * earlier (+4): 1414272600; later (+3): 1414276200 */
	int64_t local = 16369LL * 86400 + 5400;
	CHECK(wfm_tz_to_utc(tz, local, 0, &u) == WFM_TZ_AMBIGUOUS && u == 1414272600,
	      "2014-10-26 01:30 earlier: %lld", (long long)u);
	CHECK(wfm_tz_to_utc(tz, local, 1, &u) == WFM_TZ_AMBIGUOUS && u == 1414276200,
	      "2014-10-26 01:30 later: %lld", (long long)u);
	/* 01:00 itself: 21:00Z (+4) and 22:00Z (+3, the instant of the change) */
	CHECK(wfm_tz_to_utc(tz, local - 1800, 0, &u) == WFM_TZ_AMBIGUOUS && u == 1414270800,
	      "2014-10-26 01:00 earlier: %lld", (long long)u);
	CHECK(wfm_tz_to_utc(tz, local - 1800, 1, &u) == WFM_TZ_AMBIGUOUS && u == 1414274400,
	      "2014-10-26 01:00 later: %lld", (long long)u);
	/* 00:59 is before the repeated hour: once, at +4 */
	CHECK(wfm_tz_to_utc(tz, local - 1860, 1, &u) == WFM_TZ_UNIQUE && u == 1414270740,
	      "00:59 unique");
	CHECK(wfm_tz_is_ambiguous(tz, 1414272600) && wfm_tz_is_ambiguous(tz, 1414276200),
	      "both occurrences ambiguous");
	/* 02:00 local exists once (+3 only): 16369*86400 + 7200 - 10800 */
	CHECK(wfm_tz_to_utc(tz, local + 1800, 1, &u) == WFM_TZ_UNIQUE && u == 1414278000,
	      "02:00 unique: %lld", (long long)u);
	CHECK(!wfm_tz_is_ambiguous(tz, 1414278000), "02:00 not ambiguous");

	/* 2010 DST: 2010-03-28 02:00 -> 03:00 (gap), 2010-10-31 03:00 -> 02:00.
	 * d(2010-03-28) = 14610 + 86 = 14696; d(2010-10-31) = 14610 + 303 = 14913 */
	u = 42;
	CHECK(wfm_tz_to_utc(tz, 14696LL * 86400 + 2 * 3600 + 1800, 0, &u) == WFM_TZ_GAP && u == 42,
	      "2010-03-28 02:30 does not exist, *utc untouched");
	CHECK(wfm_tz_to_utc(tz, 14696LL * 86400 + 3600 + 59 * 60, 0, &u) == WFM_TZ_UNIQUE &&
	      u == 1269730740, "01:59 before the gap");
	CHECK(wfm_tz_to_utc(tz, 14913LL * 86400 + 2 * 3600 + 1800, 0, &u) == WFM_TZ_AMBIGUOUS &&
	      u == 1288477800, "2010-10-31 02:30 earlier (+4) = 2010-10-30T22:30Z");
	CHECK(wfm_tz_to_utc(tz, 14913LL * 86400 + 2 * 3600 + 1800, 1, &u) == WFM_TZ_AMBIGUOUS &&
	      u == 1288481400, "2010-10-31 02:30 later (+3) = 2010-10-30T23:30Z");
	wfm_tz_free(tz);
}

static void test_new_york(void)
{
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("America/New_York", &err);
	int64_t u = 7;

	CHECK(tz != NULL, "open: %s", err.msg);
	if (!tz)
		return;
	/* 2026-03-08: d = 20454 + 31 + 28 + 7 = 20520; 02:00 EST -> 03:00 EDT
	 * at 07:00Z = 20520*86400 + 25200 = 1772953200 */
	CHECK(wfm_tz_offset(tz, 1772953199) == -5 * 3600, "EST before");
	CHECK(wfm_tz_offset(tz, 1772953200) == -4 * 3600, "EDT from 07:00Z");
	CHECK(wfm_tz_to_utc(tz, 20520LL * 86400 + 9000, 0, &u) == WFM_TZ_GAP && u == 7,
	      "2026-03-08 02:30 does not exist");
	CHECK(wfm_tz_to_utc(tz, 20520LL * 86400 + 10800, 0, &u) == WFM_TZ_UNIQUE && u == 1772953200,
	      "03:00 EDT");
	/* 2026-11-01 02:00 EDT -> 01:00 EST at 06:00Z = 1793512800 */
	CHECK(wfm_tz_offset(tz, 1793512799) == -4 * 3600, "EDT until 06:00Z");
	CHECK(wfm_tz_offset(tz, 1793512800) == -5 * 3600, "EST from 06:00Z");
	CHECK(wfm_tz_to_utc(tz, 1793496600, 0, &u) == WFM_TZ_AMBIGUOUS && u == 1793511000,
	      "01:30 earlier is EDT: %lld", (long long)u);
	CHECK(wfm_tz_to_utc(tz, 1793496600, 1, &u) == WFM_TZ_AMBIGUOUS && u == 1793514600,
	      "01:30 later is EST: %lld", (long long)u);
	CHECK(wfm_tz_to_utc(tz, 1793496600 - 3600, 1, &u) == WFM_TZ_UNIQUE && u == 1793511000 - 3600,
	      "00:30 unique");
	CHECK(!wfm_tz_is_ambiguous(tz, 1793514600 + 3600), "02:30 EST not ambiguous");
	wfm_tz_free(tz);
}

static void test_open(void)
{
	wfm_error err = { 0 };
	wfm_tz *tz;

	CHECK(wfm_tz_open("Mars/Olympus_Mons", &err) == NULL, "unknown zone");
	CHECK(strstr(err.msg, "unknown time zone \"Mars/Olympus_Mons\"") != NULL, "%s", err.msg);
	CHECK(wfm_tz_open("Europe", &err) == NULL, "a directory is not a zone");
	CHECK(wfm_tz_open("../etc/passwd", &err) == NULL, "no path escapes");
	/* a zone file by its path, as libc takes TZ=:/etc/localtime (issue 22.15) */
	tz = wfm_tz_open(":/usr/share/zoneinfo/Europe/Berlin", &err);
	CHECK(tz != NULL, "a zone file by its path: %s", err.msg);
	wfm_tz_free(tz);
	CHECK(wfm_tz_open("/etc", &err) == NULL, "a directory by its path is not a zone");
	CHECK(wfm_tz_open("/nonexistent/zone", &err) == NULL, "a missing path is not a zone");

	/* NULL means $TZ; opening a zone leaves TZ as it was */
	setenv("TZ", "America/New_York", 1);
	tz = wfm_tz_open(NULL, &err);
	CHECK(tz && !strcmp(wfm_tz_name(tz), "America/New_York"), "NULL is $TZ");
	wfm_tz_free(tz);
	tz = wfm_tz_open(":Europe/Moscow", &err);
	CHECK(tz && !strcmp(wfm_tz_name(tz), "Europe/Moscow"), "leading colon");
	CHECK(tz && wfm_tz_offset(tz, 1421312400) == 10800, "Moscow table built");
	CHECK_STR(getenv("TZ"), "America/New_York", "TZ restored");
	wfm_tz_free(tz);
	unsetenv("TZ");
	tz = wfm_tz_open("", &err);
	CHECK(tz && !strcmp(wfm_tz_name(tz), "UTC") && wfm_tz_offset(tz, 1e9) == 0, "unset TZ is UTC");
	wfm_tz_free(tz);
	CHECK(getenv("TZ") == NULL, "TZ still unset");
	wfm_tz_free(NULL);
}

int main(void)
{
	test_moscow();
	test_new_york();
	test_open();
	return check_done("test_tz");
}
