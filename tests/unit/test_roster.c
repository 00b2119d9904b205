/* test_roster.c - the pieces of lib/roster.c that lib/rostermip.c shares:
 * wfm_roster_extra_skills() and wfm_roster_fits() (the day-local rules) on
 * hand-made agents and shifts, and wfm_roster_name_rows() (the one order of
 * a roster's rows) on picks given out of order.  Every expected value is
 * worked out in the comment beside it. */
#include "check.h"
#include "roster.h"

static char *SKILLS[] = { "calls", "chat", "email" };

/* An agent with the three skills above, shifts of 4..8 h (spans 240..480
 * min), working window earliest..latest. */
static struct wfm_agent agent(int earliest, int latest)
{
	struct wfm_agent a = { 0 };
	a.id = "A1";
	a.name = "Ann";
	a.skills.n = 3;
	a.skills.item = SKILLS;
	a.min_shift_h = 4;
	a.max_shift_h = 8;
	a.earliest = earliest;
	a.latest = latest;
	return a;
}

/* A plan row on day 20000 from start to end (minutes), no break; t0 = t1
 * so spans and paid minutes are wall-clock differences (lib/plan.h). */
static struct wfm_shift shift(const char *name, int start, int end)
{
	struct wfm_shift s = { 0 };
	s.day = 20000;
	s.name = (char *)name;
	s.start = start;
	s.end = end;
	s.bstart = s.bend = -1;
	s.count = 5;
	return s;
}

static void test_extra_skills(void)
{
	struct wfm_agent a = agent(0, 1440);
	/* 3 skills, the shift uses 2: one to spare */
	CHECK(wfm_roster_extra_skills(&a, "calls|chat") == 1, "calls|chat: 1 extra");
	/* case-insensitive: "CHAT" is chat, 3 - 1 = 2 */
	CHECK(wfm_roster_extra_skills(&a, "CHAT") == 2, "CHAT: 2 extra");
	/* sms is missing: -1 whatever else matches */
	CHECK(wfm_roster_extra_skills(&a, "calls|sms") == -1, "calls|sms: lacks sms");
	/* "cha" is a prefix of chat, not chat */
	CHECK(wfm_roster_extra_skills(&a, "cha") == -1, "cha is not chat");
	/* no group: nothing needed, 0 (not 3) */
	CHECK(wfm_roster_extra_skills(&a, NULL) == 0, "NULL need: 0");
	CHECK(wfm_roster_extra_skills(&a, "") == 0, "empty need: 0");
	/* an empty item counts for nothing: 3 - 2 = 1 */
	CHECK(wfm_roster_extra_skills(&a, "calls||email") == 1, "empty item skipped");
	CHECK(wfm_roster_extra_skills(&a, "email|chat|calls") == 0, "all three: 0 extra");
}

static void test_fits(void)
{
	struct wfm_agent any = agent(0, 1440), day = agent(420, 1380);   /* 07:00-23:00 */
	struct wfm_shift early = shift("E", 360, 840),      /* 06:00-14:00, 480 min */
			 mid = shift("M", 540, 780),        /* 09:00-13:00, 240 min */
			 shortish = shift("S", 540, 760),   /* 220 min < 240 */
			 longish = shift("L", 540, 1140),   /* 600 min > 480 */
			 night = shift("N", 1320, 1800);    /* 22:00-06:00, 480 min */
	CHECK(wfm_roster_fits(&any, 240, 480, &early, NULL), "06:00-14:00 fits the any-time agent");
	CHECK(!wfm_roster_fits(&day, 240, 480, &early, NULL), "06:00 is before 07:00");
	CHECK(wfm_roster_fits(&day, 240, 480, &mid, NULL), "09:00-13:00 inside 07:00-23:00");
	CHECK(!wfm_roster_fits(&any, 240, 480, &shortish, NULL), "220 min under the 4 h minimum");
	CHECK(!wfm_roster_fits(&any, 240, 480, &longish, NULL), "600 min over the 8 h maximum");
	/* the lengths are the caller's: 600 fits 240..600 */
	CHECK(wfm_roster_fits(&any, 240, 600, &longish, NULL), "600 min within 240..600");
	/* past midnight (end 1800 > 1440): any time of day takes it, 23:00 does not */
	CHECK(wfm_roster_fits(&any, 240, 480, &night, NULL), "the night shift fits 00:00-24:00");
	CHECK(!wfm_roster_fits(&day, 240, 480, &night, NULL), "the night shift ends after 23:00");
	CHECK(wfm_roster_fits(&day, 240, 480, &mid, "chat|email"), "skills held");
	CHECK(!wfm_roster_fits(&day, 240, 480, &mid, "chat|sms"), "a skill missing");
}

static void test_name_rows(void)
{
	struct wfm_agent as[3] = { agent(0, 1440), agent(0, 1440), agent(0, 1440) };
	wfm_agents ag = { 0 };
	struct wfm_shift a = shift("A", 540, 1020), b = shift("B", 540, 960), c = shift("C", 480, 960);
	struct wfm_shift rows[5];
	struct wfm_roster_pick p[5];
	/* want: day 20000 C (08:00) by agent 2; B (09:00-16:00) by 0; A
	 * (09:00-17:00) by agent 0 then 1 (same times: staff order); day 20001
	 * A by agent 2 */
	static const char *want_name[5] = { "C", "B", "A", "A", "A" };
	static const char *want_id[5] = { "A3", "A1", "A1", "A2", "A3" };
	static const int64_t want_day[5] = { 20000, 20000, 20000, 20000, 20001 };

	as[1].id = "A2";
	as[2].id = "A3";
	as[2].name = "Cid";
	ag.n = 3;
	ag.a = as;
	p[0] = (struct wfm_roster_pick){ 20001, 540, 1020, 2, 0, &a };
	p[1] = (struct wfm_roster_pick){ 20000, 540, 1020, 1, 0, &a };
	p[2] = (struct wfm_roster_pick){ 20000, 540, 1020, 0, 0, &a };
	p[3] = (struct wfm_roster_pick){ 20000, 540, 960, 0, 0, &b };
	p[4] = (struct wfm_roster_pick){ 20000, 480, 960, 2, 0, &c };
	wfm_roster_name_rows(p, 5, &ag, rows);
	for (int i = 0; i < 5; i++) {
		CHECK_STR(rows[i].name, want_name[i], "row name in order");
		CHECK_STR(rows[i].agent, want_id[i], "row agent in order");
		CHECK(rows[i].count == 1, "row %d: count 1, not the plan's 5", i);
	}
	/* the pick's day is the sort key: row 4 was placed on 20001 (its plan
	 * row says 20000, the copy keeps the plan row's fields) */
	for (int i = 0; i < 4; i++)
		CHECK(p[i].day == want_day[i], "pick %d sorted by day", i);
	CHECK(p[4].day == want_day[4], "the 20001 pick last");
	CHECK_STR(rows[0].agent_name, "Cid", "agent_name from the agents");
	CHECK(rows[0].start == 480 && rows[0].end == 960, "the plan row's times copied");
	wfm_roster_name_rows(p, 0, &ag, rows);   /* nothing to do, nothing read */
}

int main(void)
{
	test_extra_skills();
	test_fits();
	test_name_rows();
	printf("test_roster: %d passed, %d failed\n", check_pass, check_fail);
	return check_fail != 0;
}
