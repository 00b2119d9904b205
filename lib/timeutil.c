/* timeutil.c - ISO 8601 parsing/printing and civil calendar arithmetic.
 * See timeutil.h.  Civil-date conversions follow the proleptic Gregorian
 * calendar (days_from_civil / civil_from_days, H. Hinnant's algorithms).
 */
#include "timeutil.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int64_t wfm_time_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void wfm_time_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400) + (*m <= 2);
}

int wfm_time_weekday(int64_t days)
{
	int w = (int)((days + 3) % 7);   /* 1970-01-01 was a Thursday */
	return w < 0 ? w + 7 : w;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 ? 28 + leap : dm[m - 1];
}

/* Read exactly n digits. */
static int digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int parse_ymd(const char **p, int *y, int *m, int *d)
{
	if (digits(p, 4, y) || *(*p)++ != '-' || digits(p, 2, m) ||
	    *(*p)++ != '-' || digits(p, 2, d))
		return -1;
	if (*m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m))
		return -1;
	return 0;
}

/* "Z", "+HH", "+HHMM", "+HH:MM" */
static int parse_offset(const char **p, int *off)
{
	int sign, h, mi = 0;

	if (**p == 'Z') {
		(*p)++;
		*off = 0;
		return 0;
	}
	sign = **p == '+' ? 1 : **p == '-' ? -1 : 0;
	if (!sign)
		return -1;
	(*p)++;
	if (digits(p, 2, &h))
		return -1;
	if (**p == ':')
		(*p)++;
	if (isdigit((unsigned char)**p) && digits(p, 2, &mi))
		return -1;
	if (h > 14 || mi > 59)
		return -1;
	*off = sign * (h * 3600 + mi * 60);
	return 0;
}

int wfm_time_parse(const char *s, const wfm_tz *tz, int later, int64_t *utc,
		   wfm_error *err)
{
	const char *p = s;
	int y, m, d, h = 0, mi = 0, sec = 0, off = 0, has_off = 0;

	if (parse_ymd(&p, &y, &m, &d))
		goto bad;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
			goto bad;
		if (*p == ':' && (p++, digits(&p, 2, &sec)))
			goto bad;
		if (h > 23 || mi > 59 || sec > 59)
			goto bad;
	}
	if (*p) {
		if (parse_offset(&p, &off) || *p)
			goto bad;
		has_off = 1;
	}
	int64_t local = wfm_time_days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60 + sec;
	if (has_off) {
		*utc = local - off;
		return WFM_TZ_UNIQUE;
	}
	int rc = wfm_tz_to_utc(tz, local, later, utc);
	if (rc == WFM_TZ_GAP)
		return wfm_error_set(err, "\"%s\" does not exist in %s (clocks go forward)",
				     s, wfm_tz_name(tz));
	return rc;
bad:
	return wfm_error_set(err, "\"%.40s\" is not an ISO 8601 time (YYYY-MM-DDTHH:MM)", s);
}

int wfm_time_parse_date(const char *s, int64_t *days, wfm_error *err)
{
	const char *p = s;
	int y, m, d;

	if (parse_ymd(&p, &y, &m, &d) || *p)
		return wfm_error_set(err, "\"%.40s\" is not a date (YYYY-MM-DD)", s);
	*days = wfm_time_days_from_civil(y, m, d);
	return 0;
}

int wfm_time_parse_hhmm(const char *s, int *minutes, wfm_error *err)
{
	const char *p = s;
	int h, m;

	if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &m) || *p ||
	    m > 59 || h > 24 || (h == 24 && m != 0))
		return wfm_error_set(err, "\"%.40s\" is not a time of day (HH:MM, 00:00 to 24:00)", s);
	*minutes = h * 60 + m;
	return 0;
}

int wfm_time_parse_duration(const char *s, int64_t *seconds, wfm_error *err)
{
	char *end;
	long v = strtol(s, &end, 10);
	int64_t unit;

	if (end == s || v <= 0 || v > 100000)
		goto bad;
	switch (*end) {
	case 'm': unit = 60; break;
	case 'h': unit = 3600; break;
	case '\0':
	case 'd': unit = 86400; break;
	case 'w': unit = 7 * 86400; break;
	default: goto bad;
	}
	if (*end && end[1])
		goto bad;
	*seconds = (int64_t)v * unit;
	return 0;
bad:
	return wfm_error_set(err, "\"%.40s\" is not a duration (e.g. 90m, 36h, 14d, 8w)", s);
}

int wfm_time_parse_weekday(const char *s)
{
	static const char *names[] = { "monday", "tuesday", "wednesday", "thursday",
				       "friday", "saturday", "sunday" };
	size_t n = strlen(s);

	if (n < 3)
		return -1;
	for (int i = 0; i < 7; i++)
		if (n <= strlen(names[i]) && !strncasecmp(s, names[i], n))
			return i;
	return -1;
}

void wfm_time_local(int64_t utc, const wfm_tz *tz, struct wfm_tm *tm)
{
	int off = wfm_tz_offset(tz, utc);
	int64_t local = utc + off;
	int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	int sod = (int)(local - days * 86400);

	wfm_time_civil_from_days(days, &tm->year, &tm->mon, &tm->day);
	tm->hour = sod / 3600;
	tm->min = sod / 60 % 60;
	tm->sec = sod % 60;
	tm->wday = wfm_time_weekday(days);
	tm->days = days;
	tm->off = off;
	tm->minute_of_day = sod / 60;
}

size_t wfm_time_format(int64_t utc, const wfm_tz *tz, char *buf, size_t size)
{
	struct wfm_tm tm;
	int n;

	wfm_time_local(utc, tz, &tm);
	if (tm.year >= 0 && tm.year <= 9999 && size > 16) {   /* as below, without printf */
		const int v[5] = { tm.year / 100, tm.mon, tm.day, tm.hour, tm.min };
		static const char sep[] = "--T:";
		char *p = buf;
		*p++ = (char)('0' + v[0] / 10);
		*p++ = (char)('0' + v[0] % 10);
		for (int k = 0; k < 5; k++) {
			int d = k ? v[k] : tm.year % 100;
			*p++ = (char)('0' + d / 10);
			*p++ = (char)('0' + d % 10);
			if (k < 4)
				*p++ = sep[k];
		}
		*p = '\0';
		n = 16;
	} else {
		n = snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d", tm.year, tm.mon, tm.day,
			     tm.hour, tm.min);
	}
	if (wfm_tz_is_ambiguous(tz, utc) && n > 0 && (size_t)n < size) {
		int a = tm.off < 0 ? -tm.off : tm.off;
		n += snprintf(buf + n, size - (size_t)n, "%c%02d:%02d",
			      tm.off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
	}
	return n < 0 ? 0 : (size_t)n;
}

size_t wfm_time_format_date(int64_t days, char *buf, size_t size)
{
	int y, m, d;
	int n;

	wfm_time_civil_from_days(days, &y, &m, &d);
	n = snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
	return n < 0 ? 0 : (size_t)n;
}

int64_t wfm_time_day_start(int64_t days, const wfm_tz *tz)
{
	int64_t utc;

	for (int64_t local = days * 86400; local < (days + 1) * 86400; local += 60)
		if (wfm_tz_to_utc(tz, local, 0, &utc) != WFM_TZ_GAP)
			return utc;
	return days * 86400 - wfm_tz_offset(tz, days * 86400);
}

int wfm_time_gcd(int a, int b)
{
	while (b) {
		int r = a % b;
		a = b;
		b = r;
	}
	return a;
}
