/* test_functions.c - lib/functions.c on a day small enough to work out by
 * hand (UTC, hourly, every agent 08:00-10:00, no breaks):
 *   staff X calls|chat, Y calls, Z letters
 *   08:00 calls 1, chat 1, letters 1 (letters backlog: no asa_s)
 *   09:00 calls 1, chat 0, letters 1
 * 08:00: calls and chat can both be covered only with X on CHAT and Y on
 * CALLS (the one perfect matching of agents to real-time channels); the
 * greedy first step gives X, the primary calls agent, to CALLS and leaves
 * chat short, so this needs the augmenting path (Y takes calls, X moves).
 * Z works LETTERS.  09:00: chat is closed (0 and real-time), so X takes its
 * best open skill, CALLS (no backlog skill); Y keeps CALLS; Z LETTERS.
 * Letters: 1 agent-hour arrives each hour and Z does it: nothing left.
 * Blocks: X chat then calls = 2, Y 1, Z 1.  Everyone else off shift (-1). */
#include "check.h"
#include "functions.h"
#include "timeutil.h"

#include <stdlib.h>
#include <unistd.h>

static int fn(const wfm_functions *f, const char *name)
{
	for (size_t c = 0; c < f->nfunc; c++)
		if (!strcmp(f->func[c], name))
			return (int)c;
	return -9;
}

static void test_day(void)
{
	char ps[] = "/tmp/wfm-test-fn-staff.XXXXXX", pr[] = "/tmp/wfm-test-fn-roster.XXXXXX",
	     pq[] = "/tmp/wfm-test-fn-req.XXXXXX";
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	wfm_agents *ag = NULL;
	wfm_plan *ro = NULL;
	wfm_requirements *rq = NULL;
	wfm_functions *f = NULL;
	struct wfm_functions_opts o = { 0, 4, NULL, 0, NULL, NULL, 0 };
	int64_t day;
	if (check_write_tmp(ps, "id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\n"
		      "X,Xena,calls|chat,40,2,9,00:00,24:00,\nY,Yuri,calls,40,2,9,00:00,24:00,\n"
		      "Z,Zoya,letters,40,2,9,00:00,24:00,\n") ||
	    check_write_tmp(pr, "date,agent_id,name,start,end,break_start,break_end\n"
		      "2026-11-23,X,Xena,08:00,10:00,,\n2026-11-23,Y,Yuri,08:00,10:00,,\n"
		      "2026-11-23,Z,Zoya,08:00,10:00,,\n") ||
	    check_write_tmp(pq, "timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy\n"
		      "2026-11-23T08:00,calls,10,300,1,1,0.8,15,0.8\n2026-11-23T08:00,chat,10,300,1,1,0.8,15,0.8\n"
		      "2026-11-23T08:00,letters,12,300,1,1,,,\n2026-11-23T09:00,calls,10,300,1,1,0.8,15,0.8\n"
		      "2026-11-23T09:00,chat,0,300,0,0,0.8,15,0\n2026-11-23T09:00,letters,12,300,1,1,,,\n"))
		return;
	CHECK(tz && (rq = wfm_requirements_load(pq, tz, &err)) && (ro = wfm_roster_load(pr, tz, &err)) &&
	      (ag = wfm_agents_load(ps, (const char *const *)rq->channel, rq->nchan, &err)), "inputs load: %s", err.msg);
	wfm_time_parse_date("2026-11-23", &day, &err);
	if (ag && ro && rq)
		f = wfm_functions_plan(ro, rq, ag, day, tz, &o, &err);
	CHECK(f != NULL, "plan: %s", err.msg);
	if (f) {
		int calls = fn(f, "CALLS"), chat = fn(f, "CHAT"), letters = fn(f, "LETTERS");
		const short *h8 = f->f + 8 * f->nag, *h9 = f->f + 9 * f->nag, *h7 = f->f + 7 * f->nag;
		CHECK(f->step == 3600 && f->nint == 24 && f->nag == 3, "hourly, 24 intervals, 3 agents: %d %zu %zu",
		      f->step, f->nint, f->nag);
		CHECK(h8[0] == chat && h8[1] == calls && h8[2] == letters,
		      "08:00 X CHAT, Y CALLS, Z LETTERS (augmenting path): %d %d %d", h8[0], h8[1], h8[2]);
		CHECK(h9[0] == calls && h9[1] == calls && h9[2] == letters, "09:00 X CALLS (chat closed): %d %d %d",
		      h9[0], h9[1], h9[2]);
		CHECK(h7[0] == -1 && h7[1] == -1 && h7[2] == -1, "07:00 nobody on shift");
		CHECK_NEAR(f->cov[calls * f->nint + 8], 1, 1e-9, "calls covered 08:00");
		CHECK_NEAR(f->cov[chat * f->nint + 8], 1, 1e-9, "chat covered 08:00");
		CHECK_NEAR(f->cov[calls * f->nint + 9], 2, 1e-9, "calls 09:00: Y and X");
		CHECK(!f->realtime[letters] && f->realtime[calls] && f->realtime[chat], "letters is backlog");
		CHECK_NEAR(f->outstanding[letters * f->nint + 9], 0, 1e-9, "letters: nothing left at 10:00");
		CHECK(f->blocks[0] == 2 && f->blocks[1] == 1 && f->blocks[2] == 1, "blocks 2 1 1: %d %d %d",
		      f->blocks[0], f->blocks[1], f->blocks[2]);
	}
	wfm_functions_free(f);
	wfm_agents_free(ag);
	wfm_plan_free(ro);
	wfm_requirements_free(rq);
	wfm_tz_free(tz);
	unlink(ps);
	unlink(pr);
	unlink(pq);
}

/* functions.csv read back (wfm_functions_open/next): fields and instants
 * in the file's zone (Moscow, UTC+3: 09:00 is 06:00Z), a quoted name with
 * a comma, then an empty function refused at its line and column. */
static void test_read(void)
{
	char path[] = "/tmp/wfm-test-fnread.XXXXXX";
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("Europe/Moscow", &err);
	struct wfm_functions_row row;
	wfm_functions_reader *r;

	if (!tz || check_write_tmp(path, "timestamp,agent_id,name,function\n"
				   "2026-11-23T09:00,A1,\"Ivanova, Anna\",CALLS\n"
				   "2026-11-23T09:15,A1,\"Ivanova, Anna\",\n"))
		return;
	r = wfm_functions_open(path, &err);
	CHECK(r && wfm_functions_next(r, tz, &row, &err) == 1, "first row: %s", err.msg);
	if (r) {
		CHECK(row.t == 1795413600 && !strcmp(row.agent_id, "A1") && !strcmp(row.name, "Ivanova, Anna") &&
		      !strcmp(row.function, "CALLS") && row.line == 2, "fields of line 2");
		CHECK(wfm_functions_next(r, tz, &row, &err) == -1 && err.line == 3 &&
		      !strcmp(err.column, "function") && strstr(err.msg, "empty function"), "empty function: %s", err.msg);
	}
	wfm_functions_close(r);
	unlink(path);
	strcpy(path, "/tmp/wfm-test-fnread.XXXXXX");
	if (check_write_tmp(path, "timestamp,agent_id,function\n"))
		return;
	CHECK(!wfm_functions_open(path, &err) && !strcmp(err.column, "name"), "no name column: %s", err.column);
	unlink(path);
	wfm_tz_free(tz);
}

int main(void)
{
	test_day();
	test_read();
	return check_done("test_functions");
}
