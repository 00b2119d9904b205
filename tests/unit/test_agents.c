/* test_agents.c - lib/agents.c: availability statuses (any case, the
 * documented set, blanks), rows for agents not in staff.csv skipped and
 * counted, "available" on a fixed day off, and preferences.csv matching
 * (weekday, date, name, start window).  Day 20780 = 2026-11-23, a Monday
 * (`date -u -d @$((20780*86400))`). */
#include "check.h"
#include "agents.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *skills[] = { "calls", "chat" };

/* staff.csv of this text, read with the skills calls and chat. */
static wfm_agents *load_staff(const char *text, wfm_error *err)
{
	char path[] = "/tmp/wfm-test-agents.XXXXXX";
	wfm_agents *ag;

	if (check_write_tmp(path, text))
		return NULL;
	ag = wfm_agents_load(path, skills, 2, err);
	unlink(path);
	return ag;
}

static wfm_agents *staff(void)
{
	wfm_error err = { 0 };

	return load_staff("id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\n"
			  "A1,Ann,calls,40,4,9,00:00,24:00,Sat|Sun\nB1,Bob,chat|calls,20,4,8,08:00,20:00,\n", &err);
}

static int avail(wfm_agents *ag, const char *text, wfm_error *err)
{
	char path[] = "/tmp/wfm-test-avail.XXXXXX";
	int rc;
	if (check_write_tmp(path, text))
		return -1;
	rc = wfm_agents_load_availability(ag, path, err);
	unlink(path);
	return rc;
}

static void test_statuses(void)
{
	wfm_agents *ag = staff();
	wfm_error err = { 0 };
	CHECK(ag != NULL, "staff loads");
	if (!ag)
		return;
	CHECK(avail(ag, "agent_id,date,status\nA1,2026-11-23,Sick\nZZ,2026-11-23,sick\n"
		    "B1,2026-11-24, DAY_OFF \nA1,2026-11-28,available\nZZ,2026-11-24,vacation\n"
		    "B1,2026-11-25,Training\nB1,2026-11-26,unavailable\n", &err) == 0, "statuses load: %s", err.msg);
	CHECK(ag->nunknown == 2 && ag->unknown_line == 3, "two unknown rows, first on line 3: %zu, %ld",
	      ag->nunknown, ag->unknown_line);
	CHECK(wfm_agents_status(ag, 0, 20780) == WFM_AVAIL_SICK, "Sick");
	CHECK(!wfm_agents_available(ag, 0, 20780), "sick is off");
	CHECK(wfm_agents_status(ag, 1, 20781) == WFM_AVAIL_DAY_OFF, "DAY_OFF with blanks");
	CHECK(!wfm_agents_available(ag, 1, 20782) && !wfm_agents_available(ag, 1, 20783), "training, unavailable off");
	CHECK(wfm_agents_available(ag, 1, 20784), "no row: on");
	CHECK(wfm_agents_available(ag, 0, 20785), "available on the fixed Saturday off");
	CHECK(!wfm_agents_available(ag, 0, 20786), "fixed Sunday off");
	CHECK_STR(wfm_agents_status_name(WFM_AVAIL_DAY_OFF), "day_off", "status name");
	CHECK(avail(ag, "agent_id,date,status\nA1,2026-11-30,holiday\n", &err) == -1 &&
	      strstr(err.msg, "not one of available, sick, vacation, training, day_off, unavailable"),
	      "unknown word: %s", err.msg);
	wfm_agents_free(ag);
}

static void test_preferences(void)
{
	char path[] = "/tmp/wfm-test-pref.XXXXXX";
	wfm_agents *ag = staff();
	wfm_error err = { 0 };
	const struct wfm_pref *p;
	if (!ag || check_write_tmp(path, "agent_id,day,shift,weight\nB1,Mon,14:00-16:00,3\nA1,2026-11-24,Early,-2\n"
				   "A1,,,1\nQQ,,,1\n"))
		return;
	CHECK(wfm_agents_load_preferences(ag, path, &err) == 0, "preferences load: %s", err.msg);
	unlink(path);
	CHECK(ag->npref == 3 && ag->nunknown == 1, "3 kept, 1 unknown: %zu %zu", ag->npref, ag->nunknown);
	CHECK(ag->pref_off[0] == 0 && ag->pref_off[1] == 2 && ag->pref_off[2] == 3, "sorted by agent");
	p = &ag->pref[ag->pref_off[1]];   /* B1, Mon, 14:00-16:00 */
	CHECK(wfm_agents_pref_match(p, 20780, "late", 14 * 60) && wfm_agents_pref_match(p, 20780, "x", 16 * 60),
	      "window ends included");
	CHECK(!wfm_agents_pref_match(p, 20780, "late", 16 * 60 + 1) && !wfm_agents_pref_match(p, 20787 - 6, "late", 900),
	      "outside the window, a Tuesday");
	CHECK(wfm_agents_pref_match(p, 20787, "late", 900), "next Monday");
	p = &ag->pref[0];                  /* A1, 2026-11-24, Early (file order) */
	CHECK(wfm_agents_pref_match(p, 20781, "early", 0) && !wfm_agents_pref_match(p, 20781, "late", 0) &&
	      !wfm_agents_pref_match(p, 20788, "early", 0), "date and name, any case");
	p = &ag->pref[1];                  /* A1, any day, any shift */
	CHECK(wfm_agents_pref_day(p, 20799) && wfm_agents_pref_match(p, 20799, "z", 5), "empty = every day, any shift");
	wfm_agents_free(ag);
}

/* Ids through the hash index: Cyrillic ids that differ only in case are
 * two agents; a repeated id names the line of its first row; every id is
 * found at its file position, an absent one is -1. */
static void test_ids(void)
{
	const char *head = "id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\n";
	char text[4096];
	wfm_error err = { 0 };
	wfm_agents *ag;
	snprintf(text, sizeof(text), "%sИв-01,Иван,calls,40,4,9,00:00,24:00,\nив-01,ива,calls,40,4,9,00:00,24:00,\n"
		 "Пётр,Пётр,chat,40,4,9,00:00,24:00,\n", head);
	ag = load_staff(text, &err);
	CHECK(ag && ag->n == 3, "three Cyrillic ids load: %s", err.msg);
	if (ag) {
		CHECK(wfm_agents_find(ag, "Ив-01") == 0 && wfm_agents_find(ag, "ив-01") == 1 &&
		      wfm_agents_find(ag, "Пётр") == 2 && wfm_agents_find(ag, "Петр") == -1 &&
		      wfm_agents_find(ag, "") == -1, "found at their rows, case and ё matter");
		wfm_agents_free(ag);
	}
	snprintf(text, sizeof(text), "%sA,a,calls,40,4,9,00:00,24:00,\nПётр,b,calls,40,4,9,00:00,24:00,\n"
		 "C,c,calls,40,4,9,00:00,24:00,\nПётр,d,calls,40,4,9,00:00,24:00,\n", head);
	ag = load_staff(text, &err);
	CHECK(!ag && err.line == 5 && strstr(err.msg, "\"Пётр\" is a duplicate of line 3"),
	      "duplicate on line 5 names line 3: line %ld, %s", err.line, err.msg);
	wfm_agents_free(ag);
	/* a header and blank lines: refused at line 1, as every format's reader does */
	snprintf(text, sizeof(text), "%s\n\n", head);
	ag = load_staff(text, &err);
	CHECK(!ag && err.line == 1 && !strcmp(err.msg, "no data rows"), "header only: line %ld %s",
	      err.line, err.msg);
	/* 50 agents (the array grows twice): each found at its row */
	strcpy(text, head);
	for (int i = 0; i < 50; i++)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "Z%d,z,chat,40,4,9,00:00,24:00,\n", i);
	ag = load_staff(text, &err);
	CHECK(ag && ag->n == 50 && wfm_agents_find(ag, "Z49") == 49 && ag->a[49].line == 51 &&
	      wfm_agents_find(ag, "Z0") == 0, "50 agents: %s", err.msg);
	wfm_agents_free(ag);
}

/* A second availability row for the same agent and date is refused at
 * its line, also when the first came from an earlier file; other pairs
 * (same agent other day, same day other agent) are fine. */
static void test_avail_twice(void)
{
	wfm_agents *ag = staff();
	wfm_error err = { 0 };
	if (!ag)
		return;
	CHECK(avail(ag, "agent_id,date,status\nA1,2026-11-23,sick\nA1,2026-11-24,sick\nB1,2026-11-23,sick\n"
		    "B1,2026-11-24,vacation\nA1,2026-11-24,available\nB1,2026-11-30,sick\n", &err) == -1 &&
	      err.line == 6 && strstr(err.msg, "second row for agent A1 on this date"),
	      "line 6 repeats line 3: line %ld, %s", err.line, err.msg);
	wfm_agents_free(ag);
	ag = staff();
	if (!ag)
		return;
	memset(&err, 0, sizeof(err));
	CHECK(avail(ag, "agent_id,date,status\nA1,2026-11-23,sick\nB1,2026-11-23,sick\n", &err) == 0 &&
	      avail(ag, "agent_id,date,status\nA1,2026-11-24,sick\nB1,2026-11-23,training\n", &err) == -1 &&
	      err.line == 3, "a second file repeating B1 on 11-23 is refused at its line 3: %ld %s", err.line, err.msg);
	wfm_agents_free(ag);
}

/* The optional tz column (wfm localize): a zone is opened (Vladivostok is
 * UTC+10 all year: 2026-01-01T00:00Z is 10:00 there), empty is the
 * center's (NULL), an unknown zone is refused at its line and column. */
static void test_zone(void)
{
	const char *head = "id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,"
		"days_off,tz\n";
	char text[1024];
	wfm_error err = { 0 };
	wfm_agents *ag;

	snprintf(text, sizeof(text), "%sV,v,calls,40,4,9,00:00,24:00,,Asia/Vladivostok\nM,m,calls,40,4,9,00:00,24:00,,\n",
		 head);
	ag = load_staff(text, &err);
	CHECK(ag && ag->a[0].tz && !strcmp(ag->a[0].zone, "Asia/Vladivostok") && !ag->a[1].tz && !ag->a[1].zone,
	      "zone read, empty is NULL: %s", err.msg);
	if (ag && ag->a[0].tz)
		CHECK(wfm_tz_offset(ag->a[0].tz, 1767225600) == 36000, "Vladivostok +10 h");
	wfm_agents_free(ag);
	snprintf(text, sizeof(text), "%sV,v,calls,40,4,9,00:00,24:00,,Mars/Olympus\n", head);
	ag = load_staff(text, &err);
	CHECK(!ag && err.line == 2 && !strcmp(err.column, "tz") && strstr(err.msg, "unknown time zone \"Mars/Olympus\""),
	      "unknown zone: %ld %s %s", err.line, err.column, err.msg);
}

int main(void)
{
	test_zone();
	test_ids();
	test_avail_twice();
	test_statuses();
	test_preferences();
	return check_done("test_agents");
}
