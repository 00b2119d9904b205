/* tz.c - zone offset tables built from the system tz database.  See tz.h.
 *
 * The table is built by sampling localtime_r() every two days from 1960 to
 * 2100 and bisecting each step whose offset differs, to the second.  No
 * zone changes offset twice within two days in the tz database's data of
 * those years; before 1960 the 1960 offset applies.  (Sampling 1900-2200
 * daily cost 25 ms a zone, which showed when a plan opened 25 zones.)
 */
#include "tz.h"
#include "mem.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <stdio.h>

#define TABLE_FROM  (-315619200LL)   /* 1960-01-01 */
#define TABLE_TO    (4102444800LL)   /* 2100-01-01 */
#define SAMPLE      (2 * 86400)
#define DAY 86400

struct wfm_tz {
	char name[128];
	int off0;            /* offset before the first change */
	size_t n;            /* number of changes */
	int64_t *at;         /* instant of each change, ascending */
	int *off;            /* offset from at[i] on */
};

static int sys_offset(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm))
		return 0;
	return (int)tm.tm_gmtoff;
}

/* A POSIX TZ string as libc reads it: std offset [dst [offset] [,rule,rule]],
 * names of 3+ letters or <...>, offsets [+-]hh[:mm[:ss]] ("EST5EDT",
 * "<+03>-3", "CET-1CEST,M3.5.0,M10.5.0/3").  libc takes a malformed one
 * for UTC without a word, so it is checked here. */
static const char *posix_name(const char *p)
{
	const char *q = p;

	if (*p == '<') {
		while (*++q && *q != '>')
			if (!isalnum((unsigned char)*q) && *q != '+' && *q != '-')
				return NULL;
		return *q == '>' && q - p >= 4 ? q + 1 : NULL;
	}
	while (isalpha((unsigned char)*q))
		q++;
	return q - p >= 3 ? q : NULL;
}

static const char *posix_offset(const char *p)
{
	if (*p == '+' || *p == '-')
		p++;
	for (int part = 0; part < 3; part++) {
		if (!isdigit((unsigned char)*p))
			return NULL;
		p += isdigit((unsigned char)p[1]) ? 2 : 1;
		if (*p != ':' || part == 2)
			break;
		p++;
	}
	return p;
}

static int posix_tz(const char *s)
{
	const char *p = posix_name(s);

	if (!p || !(p = posix_offset(p)))
		return 0;
	if (!*p)
		return 1;
	if (!(p = posix_name(p)))
		return 0;
	if (*p && *p != ',' && !(p = posix_offset(p)))
		return 0;
	if (!*p)
		return 1;
	for (int k = 0; k < 2; k++) {     /* ,Mm.w.d[/time] | ,Jn[/time] | ,n[/time] */
		if (*p++ != ',')
			return 0;
		if (*p == 'M' || *p == 'J')
			p++;
		if (!isdigit((unsigned char)*p))
			return 0;
		while (isdigit((unsigned char)*p) || *p == '.')
			p++;
		if (*p == '/' && !(p = posix_offset(p + 1)))
			return 0;
	}
	return !*p;
}

static int zone_exists(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[512];
	struct stat st;

	if (name[0] == '/')     /* TZ=:/etc/localtime: a zone file by its path */
		return stat(name, &st) == 0 && S_ISREG(st.st_mode);
	if (posix_tz(name))
		return 1;
	if (!*name || strstr(name, ".."))
		return 0;
	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
	/* a directory such as "Europe" is not a zone (TZ would fall back to UTC) */
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* cap: the capacities of tz->at and tz->off. */
static int add_change(struct wfm_tz *tz, size_t cap[2], int64_t at, int off)
{
	if (WFM_GROW(tz->at, cap[0], tz->n + 1) || WFM_GROW(tz->off, cap[1], tz->n + 1))
		return -1;
	tz->at[tz->n] = at;
	tz->off[tz->n++] = off;
	return 0;
}

/* Sample the zone that TZ currently names into tz's table. */
static int build_table(struct wfm_tz *tz)
{
	size_t cap[2] = { 0, 0 };
	int prev = sys_offset(TABLE_FROM);

	tz->off0 = prev;
	for (int64_t t = TABLE_FROM + SAMPLE; t < TABLE_TO; t += SAMPLE) {
		int cur = sys_offset(t);
		if (cur == prev)
			continue;
		int64_t lo = t - SAMPLE, hi = t;   /* offset(lo) == prev, offset(hi) == cur */
		while (hi - lo > 1) {
			int64_t mid = lo + (hi - lo) / 2;
			if (sys_offset(mid) == prev)
				lo = mid;
			else
				hi = mid;
		}
		if (add_change(tz, cap, hi, cur))
			return -1;
		prev = cur;
	}
	return 0;
}

static int is_utc(const char *name)
{
	return !strcmp(name, "UTC") || !strcmp(name, "Etc/UTC") ||
	       !strcmp(name, "GMT") || !strcmp(name, "Z") || !strcmp(name, "UTC0");
}

wfm_tz *wfm_tz_open(const char *name, wfm_error *err)
{
	struct wfm_tz *tz;
	char *saved = NULL;
	const char *old;
	int rc = 0;

	if (!name || !*name)
		name = getenv("TZ");
	if (!name || !*name)
		name = "UTC";
	if (name[0] == ':')
		name++;
	if (!is_utc(name) && !zone_exists(name)) {
		wfm_error_set(err, "unknown time zone \"%s\" (not in the tz database)", name);
		if (err)
			err->code = WFM_EUSAGE;   /* a bad --tz is a usage error; callers reading a zone from a file re-wrap it */
		return NULL;
	}
	if (!(tz = calloc(1, sizeof(*tz))))
		return wfm_oom(err);
	snprintf(tz->name, sizeof(tz->name), "%s", name);
	if (is_utc(name))
		return tz;
	/* The C library reads zones only through TZ: switch it for the
	 * build and put it back, so nothing outside sees the change. */
	old = getenv("TZ");
	if (old && !(saved = strdup(old)))
		rc = -1;
	if (!rc) {
		setenv("TZ", name, 1);
		tzset();
		rc = build_table(tz);
		if (saved)
			setenv("TZ", saved, 1);
		else
			unsetenv("TZ");
		tzset();
	}
	free(saved);
	if (rc) {
		wfm_tz_free(tz);
		return wfm_oom(err);
	}
	return tz;
}

void wfm_tz_free(wfm_tz *tz)
{
	if (tz)
		WFM_FREE(tz->at, tz->off, tz);
}

const char *wfm_tz_name(const wfm_tz *tz)
{
	return tz->name;
}

int wfm_tz_offset(const wfm_tz *tz, int64_t utc)
{
	size_t lo = 0, hi = tz->n;

	if (tz->n == 0 || utc < tz->at[0])
		return tz->off0;
	while (hi - lo > 1) {             /* at[lo] <= utc < at[hi] */
		size_t mid = lo + (hi - lo) / 2;
		if (tz->at[mid] <= utc)
			lo = mid;
		else
			hi = mid;
	}
	return tz->off[lo];
}

int wfm_tz_to_utc(const wfm_tz *tz, int64_t local, int later, int64_t *utc)
{
	/* Candidate offsets are those in force within a day of the wall
	 * time; a candidate o is right when local - o really has offset o. */
	int cand[3] = {
		wfm_tz_offset(tz, local - DAY),
		wfm_tz_offset(tz, local),
		wfm_tz_offset(tz, local + DAY),
	};
	int64_t found[3];
	int nfound = 0;

	for (int i = 0; i < 3; i++) {
		int64_t u = local - cand[i];
		int dup = 0;
		if (wfm_tz_offset(tz, u) != cand[i])
			continue;
		for (int j = 0; j < nfound; j++)
			dup |= found[j] == u;
		if (!dup)
			found[nfound++] = u;
	}
	if (nfound == 0)
		return WFM_TZ_GAP;
	int64_t lo = found[0], hi = found[0];
	for (int j = 1; j < nfound; j++) {
		if (found[j] < lo)
			lo = found[j];
		if (found[j] > hi)
			hi = found[j];
	}
	*utc = later ? hi : lo;
	return nfound > 1 ? WFM_TZ_AMBIGUOUS : WFM_TZ_UNIQUE;
}

int wfm_tz_is_ambiguous(const wfm_tz *tz, int64_t utc)
{
	int64_t u;

	return wfm_tz_to_utc(tz, utc + wfm_tz_offset(tz, utc), 0, &u) == WFM_TZ_AMBIGUOUS;
}
