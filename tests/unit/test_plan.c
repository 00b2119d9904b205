/* test_plan.c - lib/plan.c: plan.csv written and read back with and
 * without the group column, a shift past midnight, a break, and
 * roster.csv's writer.  Day 20458 = 2026-01-05 (`date -u -d @$((20458*86400))`).
 * The instants of shift rows (wfm_shift_place and the elapsed minutes
 * after it) over the 2026 DST changes of Europe/Berlin, against the EU rule
 * worked by hand: clocks change at 01:00 UTC on the last Sunday of March
 * (29th) and October (25th); +01:00 in winter, +02:00 in summer. */
#include "check.h"
#include "plan.h"
#include "timeutil.h"

#include <stdlib.h>
#include <unistd.h>

static char *written(const struct wfm_shift *s, size_t n, int roster)
{
	FILE *fp = check_mem_open();

	if (roster)
		wfm_roster_write(fp, s, n);
	else
		wfm_plan_write(fp, s, n);
	return check_mem_text(fp);
}

/* plan.csv, or roster.csv when roster, of this text, placed in tz. */
static wfm_plan *load(const char *text, int roster, const wfm_tz *tz, wfm_error *err)
{
	char path[] = "/tmp/wfm-test-plan.XXXXXX";
	wfm_plan *p;

	if (check_write_tmp(path, text))
		return NULL;
	p = roster ? wfm_roster_load(path, tz, err) : wfm_plan_load(path, tz, err);
	unlink(path);
	return p;
}

static void test_plan(void)
{
	wfm_error err = { 0 };
	/* 22:00-07:00 next day with a break 02:00-02:30: end 1860, 7.5 h paid */
	struct wfm_shift s[2] = {
		{ .day = 20458, .name = "night", .start = 1320, .end = 1860, .bstart = 1560,
		  .bend = 1590, .count = 3 },
		{ .day = 20458, .name = "day", .start = 420, .end = 660, .bstart = -1, .bend = -1,
		  .count = 2 },
	};
	wfm_plan *p;
	char *text = written(s, 2, 0);

	CHECK_STR(text, "date,shift,start,end,break_start,break_end,count\n"
		  "2026-01-05,night,22:00,07:00,02:00,02:30,3\n2026-01-05,day,07:00,11:00,,,2\n",
		  "single pool");
	CHECK(wfm_shift_paid(&s[0]) == 510, "paid %d", wfm_shift_paid(&s[0]));
	s[1].group = "calls|чат";
	text = written(s, 2, 0);
	CHECK_STR(text, "date,shift,start,end,break_start,break_end,count,group\n"
		  "2026-01-05,night,22:00,07:00,02:00,02:30,3,\n"
		  "2026-01-05,day,07:00,11:00,,,2,calls|чат\n", "with a group");
	p = load(text, 0, NULL, &err);
	CHECK(p && p->n == 2, "read back: %s", err.msg);
	if (p) {
		CHECK(p->s[0].group == NULL && p->s[1].group && !strcmp(p->s[1].group, "calls|чат"),
		      "groups read back");
		CHECK(p->s[0].end == 1860 && p->s[0].bstart == 1560 && p->s[0].bend == 1590 &&
		      p->s[0].count == 3, "night shift read back");
	}
	wfm_plan_free(p);
	p = load("date,shift,start,end,break_start,break_end,count\n2026-01-05,day,07:00,11:00,,,2\n", 0,
		 NULL, &err);
	CHECK(p && p->n == 1 && p->s[0].group == NULL, "no group column");
	wfm_plan_free(p);
	/* a header and blank lines: refused at line 1, as every format's reader does */
	p = load("date,shift,start,end,break_start,break_end,count\n\n\n", 0, NULL, &err);
	CHECK(!p && err.line == 1 && !strcmp(err.msg, "no data rows"), "header only: line %ld %s",
	      err.line, err.msg);
	/* 40 rows (the array grows twice), then a bad count on line 42 */
	{
		char text[4096] = "date,shift,start,end,break_start,break_end,count\n";

		for (int i = 0; i < 40; i++)
			snprintf(text + strlen(text), sizeof(text) - strlen(text),
				 "2026-01-05,s%d,07:00,11:00,,,%d\n", i, i);
		p = load(text, 0, NULL, &err);
		CHECK(p && p->n == 40 && p->s[39].count == 39 && !strcmp(p->s[39].name, "s39") &&
		      p->s[39].line == 41, "40 rows: %s", err.msg);
		wfm_plan_free(p);
		strcat(text, "2026-01-05,bad,07:00,11:00,,,-1\n");
		p = load(text, 0, NULL, &err);
		CHECK(!p && err.line == 42 && !strcmp(err.column, "count"), "bad count at line 42: %ld %s",
		      err.line, err.msg);
	}
}

static void test_roster(void)
{
	struct wfm_shift s = { .day = 20458, .name = "day", .agent = "A1", .agent_name = "Ann, B",
			       .start = 420, .end = 900, .bstart = 660, .bend = 690, .count = 1 };

	CHECK_STR(written(&s, 1, 1), "date,agent_id,name,start,end,break_start,break_end,shift\n"
		  "2026-01-05,A1,\"Ann, B\",07:00,15:00,11:00,11:30,day\n", "roster row");
}

static void test_roster_zones(void)
{
	/* wfm localize's rows: an end past midnight (25:30 = 01:30) and the zone last */
	struct wfm_shift s[2] = {
		{ .day = 20458, .name = "", .agent = "A1", .agent_name = "Ann", .start = 1020, .end = 1530,
		  .bstart = -1, .bend = -1, .count = 1 },
		{ .day = 20459, .name = "e", .agent = "B2", .agent_name = "Boris", .start = 480, .end = 960,
		  .bstart = 720, .bend = 750, .count = 1 },
	};
	const char *zone[] = { "Asia/Yekaterinburg", "Europe/Moscow" };
	FILE *fp = check_mem_open();

	CHECK(!wfm_roster_write_zones(fp, s, 2, zone), "written");
	CHECK_STR(check_mem_text(fp), "date,agent_id,name,start,end,break_start,break_end,shift,tz\n"
		  "2026-01-05,A1,Ann,17:00,01:30,,,,Asia/Yekaterinburg\n"
		  "2026-01-06,B2,Boris,08:00,16:00,12:00,12:30,e,Europe/Moscow\n", "roster rows with tz");
}

/* UTC seconds of y-m-d hh:mm UTC (the calendar only, no zone). */
static int64_t utc(int y, int m, int d, int hh, int mm)
{
	return wfm_time_days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60;
}

static struct wfm_shift row(int y, int m, int d, const char *t)
{
	/* t = "HH:MM-HH:MM" or "HH:MM-HH:MM/HH:MM-HH:MM" (with a break) */
	int a, b, c, e, f, g, h, i;
	struct wfm_shift s = { .day = wfm_time_days_from_civil(y, m, d), .bstart = -1, .bend = -1 };

	if (sscanf(t, "%d:%d-%d:%d/%d:%d-%d:%d", &a, &b, &c, &e, &f, &g, &h, &i) == 8) {
		s.bstart = f * 60 + g;
		s.bend = h * 60 + i;
	}
	s.start = a * 60 + b;
	s.end = c * 60 + e;
	if (s.end <= s.start)
		s.end += 1440;
	if (s.bstart >= 0 && s.bstart < s.start)
		s.bstart += 1440, s.bend += 1440;
	return s;
}

static void test_instants(void)
{
	wfm_error err = { 0 };
	wfm_tz *be = wfm_tz_open("Europe/Berlin", &err), *msk = wfm_tz_open("Europe/Moscow", &err);
	struct wfm_shift s, n;

	CHECK(be && msk, "zones open: %s", err.msg);
	if (!be || !msk)
		return;
	/* spring night: 22:00 CET = 21:00Z to 06:00 CEST = 04:00Z, 7 h */
	s = row(2026, 3, 28, "22:00-06:00");
	wfm_shift_place(&s, be);
	CHECK(s.t0 == utc(2026, 3, 28, 21, 0) && s.t1 == utc(2026, 3, 29, 4, 0), "spring night instants");
	CHECK(wfm_shift_paid(&s) == 420 && wfm_shift_span(&s) == 420, "spring night 7 h: %d", wfm_shift_paid(&s));
	/* autumn night: 22:00 CEST = 20:00Z to 06:00 CET = 05:00Z, 9 h; a
	 * break 00:30-01:00 (before the change) is 30 min */
	s = row(2026, 10, 24, "22:00-06:00/00:30-01:00");
	wfm_shift_place(&s, be);
	CHECK(s.t0 == utc(2026, 10, 24, 20, 0) && s.t1 == utc(2026, 10, 25, 5, 0), "autumn night instants");
	CHECK(s.tb0 == utc(2026, 10, 24, 22, 30) && s.tb1 == utc(2026, 10, 24, 23, 0), "autumn break instants");
	CHECK(wfm_shift_span(&s) == 540 && wfm_shift_paid(&s) == 510, "autumn night 9 h less 30 min: %d",
	      wfm_shift_paid(&s));
	/* rest from 22:00 Sat 28 Mar to 08:00 Sun 29 Mar: 10 h of wall clock, 9 h real */
	s = row(2026, 3, 28, "14:00-22:00");
	n = row(2026, 3, 29, "08:00-16:00");
	wfm_shift_place(&s, be);
	wfm_shift_place(&n, be);
	CHECK(wfm_shift_at(&s, 1) == 22 * 60 - 60 && wfm_shift_at(&n, 0) == 8 * 60 - 120, "minutes from 00:00 UTC");
	CHECK(1440 + wfm_shift_at(&n, 0) - wfm_shift_at(&s, 1) == 540, "spring rest 9 h");
	CHECK(wfm_shift_abs(&n, 1, 0) - wfm_shift_abs(&s, 0, 1) == 540, "spring rest 9 h (abs)");
	CHECK(wfm_shift_abs(&s, 0, 0) >= 0, "abs minutes not negative");
	/* 22:00 Sat 24 Oct to 07:00 Sun 25 Oct: 9 h of wall clock, 10 h real */
	s = row(2026, 10, 24, "14:00-22:00");
	n = row(2026, 10, 25, "07:00-15:00");
	wfm_shift_place(&s, be);
	wfm_shift_place(&n, be);
	CHECK(1440 + wfm_shift_at(&n, 0) - wfm_shift_at(&s, 1) == 600, "autumn rest 10 h");
	/* a start the clocks skip: 02:30 on 29 Mar counts as 03:30 CEST = 01:30Z */
	s = row(2026, 3, 29, "02:30-10:30");
	wfm_shift_place(&s, be);
	CHECK(s.t0 == utc(2026, 3, 29, 1, 30) && wfm_shift_paid(&s) == 420, "gap start: %d", wfm_shift_paid(&s));
	/* a start that occurs twice: 02:30 on 25 Oct is its first time, 00:30Z */
	s = row(2026, 10, 25, "02:30-10:30");
	wfm_shift_place(&s, be);
	CHECK(s.t0 == utc(2026, 10, 25, 0, 30) && wfm_shift_paid(&s) == 540, "ambiguous start: %d",
	      wfm_shift_paid(&s));
	/* ... and an end that occurs twice after a start in the second hour:
	 * 02:10-02:40 starting at its first 02:10 ends at the first 02:40 */
	s = row(2026, 10, 25, "02:10-02:40");
	wfm_shift_place(&s, be);
	CHECK(wfm_shift_paid(&s) == 30, "ambiguous both: %d", wfm_shift_paid(&s));
	/* Moscow, no DST: every row is its wall clock less 3 h */
	s = row(2026, 3, 28, "22:00-06:00");
	wfm_shift_place(&s, msk);
	CHECK(wfm_shift_paid(&s) == 480 && wfm_shift_at(&s, 0) == 1320 - 180 && wfm_shift_at(&s, 1) == 1800 - 180,
	      "Moscow night");
	/* no zone: UTC, 8 h less the break; a row never placed counts its wall minutes */
	s = row(2026, 10, 24, "22:00-06:00/00:30-01:00");
	CHECK(wfm_shift_paid(&s) == 450 && wfm_shift_span(&s) == 480 && wfm_shift_at(&s, 1) == 1800, "unplaced");
	wfm_shift_place(&s, NULL);
	CHECK(s.t0 == utc(2026, 10, 24, 22, 0) && wfm_shift_paid(&s) == 450, "UTC");
	wfm_tz_free(be);
	wfm_tz_free(msk);
}

static void test_load_places(void)
{
	wfm_error err = { 0 };
	wfm_tz *be = wfm_tz_open("Europe/Berlin", &err);
	wfm_plan *p = be ? load("date,agent_id,name,start,end,break_start,break_end\n"
				"2026-10-24,A1,Ann,22:00,06:00,,\n", 1, be, &err) : NULL;

	CHECK(p && p->n == 1 && p->s[0].t0 == utc(2026, 10, 24, 20, 0) && wfm_shift_paid(&p->s[0]) == 540,
	      "roster rows placed at load: %s", err.msg);
	wfm_plan_free(p);
	wfm_tz_free(be);
}

int main(void)
{
	test_instants();
	test_load_places();
	test_plan();
	test_roster();
	test_roster_zones();
	return check_done("test_plan");
}
