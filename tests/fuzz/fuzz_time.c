/* fuzz_time.c - the time, date, HH:MM and duration parsers.
 *
 * The input, as a string of at most 64 bytes, goes to wfm_time_parse() in
 * UTC and in Europe/Berlin (a zone with DST gaps and repeated hours), both
 * occurrences, and to wfm_time_parse_date/_hhmm/_duration/_weekday.
 * Properties checked:
 *  - round trip: a parsed time formats back (wfm_time_format) to a string
 *    that parses to the same instant, to the minute (format drops seconds);
 *    checked within the zone table's range (years 1901-2199);
 *  - later=1 never gives an earlier instant than later=0, and differs only
 *    when the parse said WFM_TZ_AMBIGUOUS;
 *  - a parsed date formats back to the same string it was parsed from;
 *  - hhmm is within 0..1440; a duration is positive and a whole minute.
 */
#include "fuzz.h"
#include "timeutil.h"
#include "tz.h"

static void round_trip(const wfm_tz *tz, int64_t utc)
{
	struct wfm_tm tm;
	char buf[64];
	int64_t back;
	wfm_error err = { 0 };

	wfm_time_local(utc, tz, &tm);
	if (tm.year < 1901 || tm.year > 2199 || tm.off % 60)
		return;
	wfm_time_format(utc, tz, buf, sizeof(buf));
	FUZZ_ASSERT(wfm_time_parse(buf, tz, 0, &back, &err) >= 0);
	FUZZ_ASSERT(back == utc - tm.sec);
}

static void zone(const char *s, const wfm_tz *tz)
{
	int64_t a = 0, b = 0;
	wfm_error err = { 0 };
	int ra = wfm_time_parse(s, tz, 0, &a, &err);
	int rb = wfm_time_parse(s, tz, 1, &b, &err);

	FUZZ_ASSERT(ra == rb);
	if (ra < 0) {
		FUZZ_ASSERT(err.msg[0] != '\0');
		return;
	}
	FUZZ_ASSERT(b >= a);
	FUZZ_ASSERT(ra == WFM_TZ_AMBIGUOUS || a == b);
	round_trip(tz, a);
	round_trip(tz, b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static wfm_tz *utc, *berlin;
	wfm_error err = { 0 };
	char *s = fuzz_str(data, size, 64), buf[64];
	int64_t days, secs;
	int min;

	if (!utc && (!(utc = wfm_tz_open("UTC", &err)) ||
		     !(berlin = wfm_tz_open("Europe/Berlin", &err))))
		abort();
	zone(s, utc);
	zone(s, berlin);
	if (!wfm_time_parse_date(s, &days, &err)) {
		wfm_time_format_date(days, buf, sizeof(buf));
		FUZZ_ASSERT(!strcmp(buf, s));
	}
	if (!wfm_time_parse_hhmm(s, &min, &err))
		FUZZ_ASSERT(min >= 0 && min <= 1440);
	if (!wfm_time_parse_duration(s, &secs, &err))
		FUZZ_ASSERT(secs > 0 && secs % 60 == 0);
	min = wfm_time_parse_weekday(s);
	FUZZ_ASSERT(min >= -1 && min <= 6);
	free(s);
	return 0;
}
