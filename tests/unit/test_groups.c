/* test_groups.c - lib/groups.c: groups.csv against a channel list (case,
 * limits, errors naming the line), groups derived from staff.csv with head
 * counts, the open-channel checks, and specialists.  Small enough to count
 * by hand. */
#include "check.h"
#include "groups.h"

#include <stdlib.h>
#include <unistd.h>

static const char *const CH[] = { "calls", "chat", "letters", "чат-2" };

static wfm_groups *load(const char *text, wfm_error *err)
{
	const char *path = check_tmp(text);
	wfm_groups *gr = path ? wfm_groups_load(path, CH, 4, err) : NULL;

	if (path)
		unlink(path);
	return gr;
}

static void test_load(void)
{
	wfm_error err = { 0 };
	wfm_groups *gr = load("group,skills,max_agents,min_share\n"
			      "voice,CALLS,,\n"
			      "blend,chat|calls,40,0.25\n"
			      "ru,чат-2|letters,,\n", &err);
	int open[4] = { 1, 1, 0, 1 }, shut[4] = { 1, 1, 0, 0 };

	CHECK(gr && gr->n == 3, "load: %s", err.msg);
	if (!gr)
		return;
	CHECK(gr->g[0].nskill == 1 && gr->g[0].skill[0] == 0 && gr->g[0].max_agents == -1, "voice");
	CHECK(gr->g[1].nskill == 2 && gr->g[1].skill[0] == 0 && gr->g[1].skill[1] == 1, "blend skills in channel order");
	CHECK(gr->g[1].max_agents == 40 && fabs(gr->g[1].min_share - 0.25) < 1e-12 && gr->g[1].line == 3, "blend limits");
	CHECK(wfm_groups_serves(gr, 2, 3) && wfm_groups_serves(gr, 2, 2) && !wfm_groups_serves(gr, 2, 0), "serves");
	CHECK(wfm_groups_find(gr, "blend") == 1 && wfm_groups_find(gr, "x") == -1, "find");
	CHECK(wfm_groups_check(gr, open, &err) == 0, "check: %s", err.msg);
	/* ru serves letters and чат-2, both closed */
	CHECK(wfm_groups_check(gr, shut, &err) == -1 && err.line == 4 && strstr(err.msg, "group ru serves no channel"),
	      "closed: %ld %s", err.line, err.msg);
	wfm_groups_free(gr);
}

static void test_errors(void)
{
	static const struct check_fail cases[] = {
		{ "group,skills\na,calls\nb,mail\n", NULL, 3, NULL, "\"mail\" is not a channel" },
		{ "group,skills\na,calls\nb,chat\na,letters\n", NULL, 4, NULL, "repeats line 2" },
		{ "group,skills\na,\n", NULL, 2, NULL, "no skills" },
		{ "group,skills,min_share\na,calls,1.5\n", NULL, 2, NULL, "outside [0, 1]" },
		{ "group,skills,max_agents\na,calls,-1\n", NULL, 2, NULL, "negative" },
		{ "group\na\n", NULL, 1, NULL, "missing column" },
		{ "group,skills\n", NULL, 0, NULL, "no groups" },
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		wfm_error err = { 0 };
		wfm_groups *gr = load(cases[k].text, &err);
		check_failed(&cases[k], gr != NULL, &err);
		wfm_groups_free(gr);
	}
}

/* Five agents: calls (2), calls|chat written both ways (2), letters (1):
 * three groups in order of first appearance; the letters group serves a
 * closed channel when letters has no requirement. */
static void test_from_agents(void)
{
	wfm_error err = { 0 };
	const char *path = check_tmp("id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\n"
			 "A1,a,calls,40,4,9,00:00,24:00,Sat\n"
			 "A2,b,chat|calls,40,4,9,00:00,24:00,Sat\n"
			 "A3,c,calls,40,4,9,00:00,24:00,Sat\n"
			 "A4,d,letters,40,4,9,00:00,24:00,Sat\n"
			 "A5,e,calls|chat,40,4,9,00:00,24:00,Sat\n");
	wfm_agents *ag = path ? wfm_agents_load(path, CH, 4, &err) : NULL;
	wfm_groups *gr = ag ? wfm_groups_from_agents(ag, CH, 4, &err) : NULL;
	int open[4] = { 1, 1, 0, 0 }, one[4] = { 1, 1, 1, 0 };

	if (path)
		unlink(path);
	CHECK(gr && gr->n == 3, "groups: %s", err.msg);
	if (gr) {
		CHECK_STR(gr->g[0].name, "calls", "first group");
		CHECK_STR(gr->g[1].name, "calls|chat", "named in channel order");
		CHECK(gr->g[0].heads == 2 && gr->g[1].heads == 2 && gr->g[2].heads == 1, "head counts");
		CHECK(wfm_groups_check(gr, open, &err) == -1 && err.line == 5, "letters closed: %ld", err.line);
		CHECK(wfm_groups_check(gr, one, &err) == 0, "letters open");
	}
	wfm_groups_free(gr);
	wfm_agents_free(ag);
}

static void test_single(void)
{
	wfm_error err = { 0 };
	int open[4] = { 1, 0, 1, 1 };
	wfm_groups *gr = wfm_groups_single(CH, 4, open, &err);

	CHECK(gr && gr->n == 3, "specialists");
	if (gr) {
		CHECK_STR(gr->g[2].name, "чат-2", "named as the channel");
		CHECK(gr->g[1].nskill == 1 && gr->g[1].skill[0] == 2, "one skill each");
		CHECK(wfm_groups_check(gr, open, &err) == 0, "check");
	}
	wfm_groups_free(gr);
	/* calls open, nobody has chat */
	int need[4] = { 1, 1, 0, 0 };
	gr = load("group,skills\nv,calls\n", &err);
	CHECK(gr && wfm_groups_check(gr, need, &err) == -1 && strstr(err.msg, "channel chat has a requirement"),
	      "uncovered channel: %s", err.msg);
	wfm_groups_free(gr);
}

int main(void)
{
	test_load();
	test_errors();
	test_from_agents();
	test_single();
	return check_done("test_groups");
}
