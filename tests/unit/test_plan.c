/* test_plan.c - lib/plan.c: plan.csv written and read back with and
 * without the group column, a shift past midnight, a break, and
 * roster.csv's writer.  Day 20458 = 2026-01-05 (`date -u -d @$((20458*86400))`). */
#include "check.h"
#include "plan.h"

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

static wfm_plan *load(const char *text, wfm_error *err)
{
	char path[] = "/tmp/wfm-test-plan.XXXXXX";
	wfm_plan *p;

	if (check_write_tmp(path, text))
		return NULL;
	p = wfm_plan_load(path, err);
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
	p = load(text, &err);
	CHECK(p && p->n == 2, "read back: %s", err.msg);
	if (p) {
		CHECK(p->s[0].group == NULL && p->s[1].group && !strcmp(p->s[1].group, "calls|чат"),
		      "groups read back");
		CHECK(p->s[0].end == 1860 && p->s[0].bstart == 1560 && p->s[0].bend == 1590 &&
		      p->s[0].count == 3, "night shift read back");
	}
	wfm_plan_free(p);
	p = load("date,shift,start,end,break_start,break_end,count\n2026-01-05,day,07:00,11:00,,,2\n", &err);
	CHECK(p && p->n == 1 && p->s[0].group == NULL, "no group column");
	wfm_plan_free(p);
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

int main(void)
{
	test_plan();
	test_roster();
	test_roster_zones();
	return check_done("test_plan");
}
