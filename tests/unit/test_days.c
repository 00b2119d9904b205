/* test_days.c - lib/days.c: the --date / --week / --from --to days of a run
 * and wfm roster's window.  Day numbers (days since 1970-01-01) were worked
 * out with a calendar: 2026-11-23 is 20780 (a Monday), 2026-12-31 is
 * 20818, 2027-12-31 is 21183, 2024-02-29 is 19782. */
#include "check.h"
#include "days.h"

static struct wfm_shift shift_on(int64_t day)
{
	return (struct wfm_shift){ .day = day, .start = 480, .end = 960, .bstart = -1, .bend = -1, .count = 1 };
}

static void resolve(void)
{
	struct wfm_days d = { .max = 31 };
	int64_t a = -1, b = -1;
	wfm_error err = { 0 };

	CHECK(wfm_days_resolve(&d, &a, &b, &err) == 0 && a == -1 && b == -1, "no option: 0, untouched");
	d.date = "2024-02-29";
	CHECK(wfm_days_resolve(&d, &a, &b, &err) == 1 && a == 19782 && b == 19782, "--date: %lld %lld",
	      (long long)a, (long long)b);
	d = (struct wfm_days){ .week = "2026-11-23", .max = 31 };
	CHECK(wfm_days_resolve(&d, &a, &b, &err) == 1 && a == 20780 && b == 20786, "--week: 7 days");
	d = (struct wfm_days){ .from = "2026-11-23", .to = "2026-12-23", .max = 31 };
	CHECK(wfm_days_resolve(&d, &a, &b, &err) == 1 && a == 20780 && b == 20810, "--from/--to: 31 days");
	d.to = "2026-12-24";
	CHECK(wfm_days_resolve(&d, &a, &b, &err) == -1 && err.code == WFM_EUSAGE, "32 days: usage error");
	CHECK_STR(err.msg, "--to must be 0..30 days after --from", "too long");
	d.to = "2026-11-22";
	CHECK(wfm_days_resolve(&d, &a, &b, &err) == -1, "reversed");
	d = (struct wfm_days){ .date = "2026-11-23", .week = "2026-11-23", .max = 31 };
	CHECK(wfm_days_resolve(&d, &a, &b, &err) == -1, "two ways");
	CHECK_STR(err.msg, "give one of --date, --week, --from/--to", "two ways message");
	d = (struct wfm_days){ .to = "2026-11-23", .max = 31 };
	CHECK(wfm_days_resolve(&d, &a, &b, &err) == -1, "--to alone");
	CHECK_STR(err.msg, "--from and --to go together", "--to alone message");
	d = (struct wfm_days){ .week = "2026-11-31", .max = 31 };
	CHECK(wfm_days_resolve(&d, &a, &b, &err) == -1 && err.code == WFM_EUSAGE, "no 31 November");
	CHECK_STR(err.msg, "--week: \"2026-11-31\" is not a date YYYY-MM-DD", "bad date message");
}

static void plan_window(void)
{
	struct wfm_shift ps[] = { shift_on(20786), shift_on(20780), shift_on(20783) };
	struct wfm_shift pubs[] = { shift_on(20780), shift_on(20818) };
	wfm_plan plan = { .n = 3, .s = ps }, pub = { .n = 2, .s = pubs };
	struct wfm_days d = { .max = 367 };
	int64_t a, b;
	wfm_error err = { 0 };

	CHECK(wfm_days_plan_window(&d, &plan, NULL, &a, &b, &err) == 0 && a == 20780 && b == 20786,
	      "no option: the plan's dates, in any order: %lld %lld", (long long)a, (long long)b);
	d.from = "2026-11-25";
	CHECK(wfm_days_plan_window(&d, &plan, &pub, &a, &b, &err) == 0 && a == 20782 && b == 20818,
	      "--from alone: through the published roster's last day: %lld %lld", (long long)a, (long long)b);
	d.from = "2027-01-05";
	CHECK(wfm_days_plan_window(&d, &plan, &pub, &a, &b, &err) == 0 && a == 20823 && b == 20823,
	      "--from after the published roster: that day");
	d = (struct wfm_days){ .week = "2026-11-23", .max = 367 };
	CHECK(wfm_days_plan_window(&d, &plan, &pub, &a, &b, &err) == 0 && a == 20780 && b == 20786,
	      "--week: the options win");
	pubs[1] = shift_on(21183 + 1);
	d = (struct wfm_days){ .from = "2026-12-31", .max = 367 };
	CHECK(wfm_days_plan_window(&d, &plan, &pub, &a, &b, &err) == 0 && b - a == 366, "367 days");
	pubs[1] = shift_on(21183 + 2);
	CHECK(wfm_days_plan_window(&d, &plan, &pub, &a, &b, &err) == -1 && err.code == WFM_EUSAGE,
	      "368 days: usage error");
	ps[0] = shift_on(20780 + 367);
	d = (struct wfm_days){ .max = 367 };
	CHECK(wfm_days_plan_window(&d, &plan, NULL, &a, &b, &err) == -1, "a plan over 367 days");
	CHECK_STR(err.msg, "plan spans over a year: give --from/--to", "plan too long message");
}

int main(void)
{
	resolve();
	plan_window();
	return check_done("test_days");
}
