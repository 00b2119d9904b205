/* test_staffrun.c - lib/staffrun.c: the --backlog-hours and --priority
 * parsers and the --evaluate daily table, against values worked by hand. */
#include "check.h"
#include "staffrun.h"

#include <stdlib.h>
#include <string.h>

static void hours(void)
{
	struct wfm_staff_opts so;
	wfm_error err;

	wfm_staff_opts_default(&so);
	CHECK(!wfm_staff_parse_hours("22:00-06:00", &so, &err) && so.open_min == 1320 && so.close_min == 360,
	      "22:00-06:00: %d-%d", so.open_min, so.close_min);
	CHECK(!wfm_staff_parse_hours("08:30-20:15", &so, &err) && so.open_min == 510 && so.close_min == 1215,
	      "08:30-20:15: %d-%d", so.open_min, so.close_min);
	CHECK(wfm_staff_parse_hours("8-9", &so, &err) == -1 &&
	      strstr(err.msg, "with start and end apart"), "8-9: %s", err.msg);
	CHECK(wfm_staff_parse_hours("0800", &so, &err) == -1 && !strstr(err.msg, "apart"), "0800: %s", err.msg);
	CHECK(wfm_staff_parse_hours("10:00-10:00", &so, &err) == -1, "empty span accepted");
	CHECK(wfm_staff_parse_hours("08:00-123456", &so, &err) == -1, "long end accepted");
}

static void priority(const wfm_series *s)
{
	wfm_error err;
	int *rank = NULL;

	CHECK(!wfm_staff_priority_ranks("letters,calls", s, &rank, &err), "letters,calls: %s", err.msg);
	CHECK(rank && rank[0] == 1 && rank[1] == 2 && rank[2] == 0, "ranks %d %d %d",
	      rank ? rank[0] : -1, rank ? rank[1] : -1, rank ? rank[2] : -1);
	free(rank);
	rank = NULL;
	CHECK(wfm_staff_priority_ranks("chat,fax", s, &rank, &err) == -2 && !rank, "fax accepted");
	CHECK_STR(err.msg, "--priority: \"fax\" is not a channel of the forecast", "fax message");
}

static void days(const wfm_series *s)
{
	/* 2026-11-23 is day 20780 since 1970-01-01 (date -ud 2026-11-23 +%s / 86400) */
	struct wfm_staff_day d[2] = {
		{ .day = 20780, .chan = 0, .volume = 499.6, .sl = 0.79996, .sl_target = 0.8, .abandon = 0.01234,
		  .intervals = 40, .below = 3 },
		{ .day = 20781, .chan = 2, .volume = 12, .sl = 0.7, .sl_target = 0.8, .intervals = 1, .below = 1 },
	};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	wfm_staff_write_days(fp, s, d, 2);
	fclose(fp);
	CHECK_STR(buf, "date,channel,volume,service_level,sl_target,abandon,met,intervals_below\n"
		  "2026-11-23,calls,500,0.8000,0.80,0.0123,yes,3/40\n"
		  "2026-11-24,letters,12,0.7000,0.80,0.0000,no,1/1\n", "daily table");
	free(buf);
}

int main(void)
{
	const char *names[] = { "calls", "chat", "letters" };
	wfm_error err;
	wfm_series *s = wfm_series_alloc(3, names, 0, 3600, 2, 0, &err);

	CHECK(s != NULL, "series: %s", err.msg);
	if (!s)
		return check_done("test_staffrun");
	hours();
	priority(s);
	days(s);
	wfm_series_free(s);
	return check_done("test_staffrun");
}
