/* test_roster_bound.c - the weekly max-min level of lib/roster_bound.c on
 * instances worked by hand. */
#include "check.h"
#include "roster_bound.h"

int main(void)
{
	wfm_error err = { 0 };
	double level;

	/* One class of 4 agents, one day each of 2 (one 8 h type a day, 4
	 * planned): 4 agent-days for 8 instances -> 50 % a day. */
	{
		int day[2] = { 0, 1 }, paid[2] = { 480, 480 };
		long count[2] = { 4, 4 }, navail[2] = { 4, 4 }, days[1] = { 4 };
		unsigned char fit[2] = { 1, 1 };
		double mins[1] = { 4 * 44 * 60 }, pm[2] = { 1920, 1920 }, bm[2] = { 1920, 1920 };
		struct wfm_rbound b = { 2, 1, 2, day, count, paid, fit, navail, days, mins, pm, bm };
		CHECK(wfm_roster_bound_level(&b, &level, &err) == 0, "solve: %s", err.msg);
		CHECK_NEAR(level, 0.5, 1e-6, "4 agent-days for 8 shifts");
	}
	/* The same, day 1 capped at its best (2 agents: 960 min = 50 %): the
	 * other day takes the remaining 2 agent-days, also 50 %; with 6
	 * agent-days day 0 could have 4 (100 %) while day 1 stays at its best:
	 * level 1 for day 0 (day 1 held at its best). */
	{
		int day[2] = { 0, 1 }, paid[2] = { 480, 480 };
		long count[2] = { 4, 4 }, navail[2] = { 4, 2 }, days[1] = { 6 };
		unsigned char fit[2] = { 1, 1 };
		double mins[1] = { 1e6 }, pm[2] = { 1920, 1920 }, bm[2] = { 1920, 960 };
		struct wfm_rbound b = { 2, 1, 2, day, count, paid, fit, navail, days, mins, pm, bm };
		CHECK(wfm_roster_bound_level(&b, &level, &err) == 0, "solve: %s", err.msg);
		CHECK_NEAR(level, 1, 1e-6, "6 agent-days: day 0 full, day 1 at its best");
		days[0] = 4;
		CHECK(wfm_roster_bound_level(&b, &level, &err) == 0, "solve: %s", err.msg);
		CHECK_NEAR(level, 0.5, 1e-6, "4 agent-days: 2 + 2");
	}
	/* Paid hours bind: one agent, contract + tolerance 24 h, six 4 h days
	 * of one 4 h shift: 24 / 24 -> 1; with 20 h: 20 / 24 = 5/6. */
	{
		int day[6] = { 0, 1, 2, 3, 4, 5 }, paid[6] = { 240, 240, 240, 240, 240, 240 };
		long count[6] = { 1, 1, 1, 1, 1, 1 }, navail[6] = { 1, 1, 1, 1, 1, 1 }, days[1] = { 6 };
		unsigned char fit[6] = { 1, 1, 1, 1, 1, 1 };
		double mins[1] = { 1440 }, pm[6] = { 240, 240, 240, 240, 240, 240 }, bm[6] = { 240, 240, 240, 240, 240, 240 };
		struct wfm_rbound b = { 6, 1, 6, day, count, paid, fit, navail, days, mins, pm, bm };
		CHECK(wfm_roster_bound_level(&b, &level, &err) == 0, "solve: %s", err.msg);
		CHECK_NEAR(level, 1, 1e-6, "24 h for 24 h");
		mins[0] = 1200;
		CHECK(wfm_roster_bound_level(&b, &level, &err) == 0, "solve: %s", err.msg);
		CHECK_NEAR(level, 5.0 / 6, 1e-6, "20 h for 24 h");
	}
	return check_done("test_roster_bound");
}
