/* plan.c - plan.csv and roster.csv readers and writers (plan.h). */
#include "plan.h"
#include "csv.h"
#include "csvload.h"
#include "mem.h"
#include "timeutil.h"
#include "tz.h"

#include <stdlib.h>
#include <string.h>

/* Instant of wall minute min of day in tz: the first occurrence, or the
 * second when the first is not after `after`; a skipped minute on the
 * clock before the change. */
static int64_t instant(const wfm_tz *tz, int64_t day, int min, int64_t after)
{
	int64_t local = day * 86400 + (int64_t)min * 60, utc;
	int rc;

	if (!tz)
		return local;
	rc = wfm_tz_to_utc(tz, local, 0, &utc);
	if (rc == WFM_TZ_GAP)   /* one change a day at most: a day back is before it */
		return local - wfm_tz_offset(tz, local - 86400);
	if (rc == WFM_TZ_AMBIGUOUS && utc <= after)
		wfm_tz_to_utc(tz, local, 1, &utc);
	return utc;
}

void wfm_shift_place(struct wfm_shift *s, const wfm_tz *tz)
{
	s->t0 = instant(tz, s->day, s->start, INT64_MIN);
	s->tb0 = s->tb1 = 0;
	if (s->bstart >= 0) {
		s->tb0 = instant(tz, s->day, s->bstart, s->t0);
		s->tb1 = instant(tz, s->day, s->bend, s->tb0);
	}
	s->t1 = instant(tz, s->day, s->end, s->bstart >= 0 ? s->tb1 : s->t0);
}

/* A row built in memory and never placed (t0 == t1) counts on the wall
 * clock: the same minutes wherever the zone has no DST. */
int wfm_shift_span(const struct wfm_shift *s)
{
	return s->t1 != s->t0 ? (int)((s->t1 - s->t0) / 60) : s->end - s->start;
}

int wfm_shift_paid(const struct wfm_shift *s)
{
	if (s->t1 == s->t0)
		return s->end - s->start - (s->bstart >= 0 ? s->bend - s->bstart : 0);
	return (int)((s->t1 - s->t0 - (s->bstart >= 0 ? s->tb1 - s->tb0 : 0)) / 60);
}

int wfm_shift_at(const struct wfm_shift *s, int end)
{
	if (s->t1 == s->t0)
		return end ? s->end : s->start;
	return (int)(((end ? s->t1 : s->t0) - s->day * 86400) / 60);
}

int wfm_shift_abs(const struct wfm_shift *s, int k, int end)
{
	return (k + 2) * 1440 + wfm_shift_at(s, end);
}

void wfm_plan_hhmm(int min, char buf[8])
{
	min = ((min % 1440) + 1440) % 1440;
	snprintf(buf, 8, "%02d:%02d", min / 60 % 24, min % 60);
}

void wfm_plan_free(wfm_plan *p)
{
	for (size_t i = 0; p && i < p->n; i++)
		WFM_FREE(p->s[i].name, p->s[i].agent, p->s[i].agent_name, p->s[i].group);
	if (p)
		WFM_FREE(p->s, p);
}

static int hhmm(const wfm_csv_reader *r, int col, int *out, wfm_error *err)
{
	wfm_error e = { 0 };
	if (wfm_time_parse_hhmm(wfm_csv_get(r, col), out, &e))
		return wfm_csv_error(r, col, err, "\"%.20s\" is not a time HH:MM", wfm_csv_get(r, col));
	return 0;
}

/* Times of the current row into s: start, end (next day when not after
 * start), optional break inside the shift. */
int wfm_plan_times(const wfm_csv_reader *r, const int *col, struct wfm_shift *s, wfm_error *err)
{
	const char *bs = wfm_csv_get(r, col[2]), *be = wfm_csv_get(r, col[3]);
	if (hhmm(r, col[0], &s->start, err) || hhmm(r, col[1], &s->end, err))
		return -1;
	if (s->start == 1440)
		return wfm_csv_error(r, col[0], err, "24:00 is not a start time");
	if (s->end <= s->start)
		s->end += 1440;
	s->bstart = s->bend = -1;
	if (!*bs != !*be)
		return wfm_csv_error(r, col[*bs ? 3 : 2], err, "break needs both start and end");
	if (*bs) {
		if (hhmm(r, col[2], &s->bstart, err) || hhmm(r, col[3], &s->bend, err))
			return -1;
		if (s->bstart < s->start)
			s->bstart += 1440;
		if (s->bend <= s->bstart)
			s->bend += 1440;
		if (s->bstart <= s->start || s->bend >= s->end)
			return wfm_csv_error(r, col[2], err, "break is not inside the shift");
	}
	return 0;
}

/* What the plan.csv and roster.csv readers fill, and how. */
struct rows { wfm_plan *p; const wfm_tz *tz; int roster; };

/* A new row of p with the columns both formats have: date (col[0]) and
 * the optional group (col[7]); NULL and err when it is bad. */
static struct wfm_shift *new_row(wfm_csv_reader *r, const int *col, wfm_plan *p, wfm_error *err)
{
	struct wfm_shift *s;
	wfm_error e = { 0 };

	if (WFM_CSVLOAD_ROOM(p->s, p->n))
		return wfm_oom(err);
	s = memset(&p->s[p->n++], 0, sizeof(*s));
	s->line = wfm_csv_line(r);
	if (col[7] >= 0 && *wfm_csv_get(r, col[7]) && !(s->group = strdup(wfm_csv_get(r, col[7]))))
		return wfm_oom(err);
	if (wfm_time_parse_date(wfm_csv_get(r, col[0]), &s->day, &e)) {
		wfm_csv_error(r, col[0], err, "\"%.20s\" is not a date YYYY-MM-DD", wfm_csv_get(r, col[0]));
		return NULL;
	}
	return s;
}

/* plan.csv: shift,start,end,break_start,break_end,count after the date. */
static int plan_fields(wfm_csv_reader *r, const int *col, struct wfm_shift *s, wfm_error *err)
{
	if (!(s->name = strdup(wfm_csv_get(r, col[1]))))
		return wfm_error_set(err, "out of memory");
	if (wfm_plan_times(r, col + 2, s, err) || wfm_csv_long(r, col[6], &s->count, err))
		return -1;
	if (s->count < 0 || s->count > 1000000)
		return wfm_csv_error(r, col[6], err, "%ld is not a count between 0 and 1000000", s->count);
	return 0;
}

/* roster.csv: agent_id,name,start,end,break_start,break_end after the
 * date, and the optional shift (col[8]). */
static int roster_fields(wfm_csv_reader *r, const int *col, struct wfm_shift *s, wfm_error *err)
{
	if (!*wfm_csv_get(r, col[1]))
		return wfm_csv_error(r, col[1], err, "empty agent id");
	s->agent = strdup(wfm_csv_get(r, col[1]));
	s->agent_name = strdup(wfm_csv_get(r, col[2]));
	s->name = strdup(col[8] >= 0 ? wfm_csv_get(r, col[8]) : "");
	s->count = 1;
	if (!s->agent || !s->agent_name || !s->name)
		return wfm_error_set(err, "out of memory");
	return wfm_plan_times(r, col + 3, s, err);
}

static int read_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct rows *x = ctx;
	struct wfm_shift *s = new_row(r, col, x->p, err);

	if (!s || (x->roster ? roster_fields(r, col, s, err) : plan_fields(r, col, s, err)))
		return -1;
	wfm_shift_place(s, x->tz);
	return 0;
}

static void drop(void *p) { wfm_plan_free(p); }

static const char *const plan_names[] = { "date", "shift", "start", "end", "break_start",
					  "break_end", "count", "?group" };
static const char *const roster_names[] = { "date", "agent_id", "name", "start", "end",
					    "break_start", "break_end", "?group", "?shift" };
static const struct wfm_csvload formats[2] = {
	{ plan_names, 8, read_row, "no data rows", drop },
	{ roster_names, 9, read_row, "no data rows", drop },
};

static wfm_plan *load(const char *path, int roster, const wfm_tz *tz, wfm_error *err)
{
	struct rows x = { calloc(1, sizeof(wfm_plan)), tz, roster };

	if (x.p)
		snprintf(x.p->file, sizeof(x.p->file), "%s", path);
	return wfm_csvload(&formats[roster], path, x.p, &x, err);
}

wfm_plan *wfm_plan_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	return load(path, 0, tz, err);
}

wfm_plan *wfm_roster_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	return load(path, 1, tz, err);
}

/* ",HH:MM,HH:MM,HH:MM,HH:MM" (break fields empty without a break). */
static void put_times(FILE *fp, const struct wfm_shift *s)
{
	char a[8], b[8], c[8], e[8];

	wfm_plan_hhmm(s->start, a);
	wfm_plan_hhmm(s->end, b);
	if (s->bstart >= 0) {
		wfm_plan_hhmm(s->bstart, c);
		wfm_plan_hhmm(s->bend, e);
		fprintf(fp, ",%s,%s,%s,%s", a, b, c, e);
	} else
		fprintf(fp, ",%s,%s,,", a, b);
}

int wfm_plan_write(FILE *fp, const struct wfm_shift *s, size_t n)
{
	char d[16];
	int grouped = 0;

	for (size_t i = 0; i < n; i++)
		grouped |= s[i].group && *s[i].group;
	fputs(grouped ? "date,shift,start,end,break_start,break_end,count,group\n" :
	      "date,shift,start,end,break_start,break_end,count\n", fp);
	for (size_t i = 0; i < n; i++) {
		wfm_time_format_date(s[i].day, d, sizeof(d));
		fputs(d, fp);
		wfm_csv_write_field(fp, s[i].name, 0);
		put_times(fp, &s[i]);
		fprintf(fp, ",%ld", s[i].count);
		if (grouped)
			wfm_csv_write_field(fp, s[i].group ? s[i].group : "", 0);
		fputc('\n', fp);
	}
	return ferror(fp) ? -1 : 0;
}

/* roster.csv rows, with a last column `extra` (group or tz) when named. */
static int roster_write(FILE *fp, const struct wfm_shift *s, size_t n, const char *extra,
			const char *const *zone)
{
	char d[16];

	fprintf(fp, "date,agent_id,name,start,end,break_start,break_end,shift%s%s\n",
		extra ? "," : "", extra ? extra : "");
	for (size_t i = 0; i < n; i++) {
		wfm_time_format_date(s[i].day, d, sizeof(d));
		fprintf(fp, "%s", d);
		wfm_csv_write_field(fp, s[i].agent, 0);
		wfm_csv_write_field(fp, s[i].agent_name, 0);
		put_times(fp, &s[i]);
		wfm_csv_write_field(fp, s[i].name ? s[i].name : "", 0);
		if (zone)
			wfm_csv_write_field(fp, zone[i], 0);
		else if (extra)
			wfm_csv_write_field(fp, s[i].group ? s[i].group : "", 0);
		fputc('\n', fp);
	}
	return ferror(fp) ? -1 : 0;
}

int wfm_roster_write(FILE *fp, const struct wfm_shift *s, size_t n)
{
	int grouped = 0;

	for (size_t i = 0; i < n; i++)
		grouped |= s[i].group && *s[i].group;
	return roster_write(fp, s, n, grouped ? "group" : NULL, NULL);
}

int wfm_roster_write_zones(FILE *fp, const struct wfm_shift *s, size_t n, const char *const *zone)
{
	return roster_write(fp, s, n, "tz", zone);
}
