/* test_channels.c - lib/channels.c, the owner of channels.csv: the values
 * of each kind as written in the file, the defaults (concurrency 1 unless
 * chat, max_abandon 0 without its column), lookup, kind names, and the
 * checks with their file:line: column: messages (issue 20: wfm staff and
 * wfm functions both read through here, so these are the rules of both). */
#include "check.h"
#include "channels.h"

#include <stdlib.h>
#include <unistd.h>

#define HEAD "channel,kind,aht_s,sl_target,sl_seconds,max_occupancy,shrinkage,concurrency,patience_s,deadline_h"

static wfm_channels *load(const char *text, char *msg, size_t n)
{
	char path[] = "/tmp/wfm-test-channels.XXXXXX";
	wfm_error err = { 0 };
	wfm_channels *c;

	if (check_write_tmp(path, text))
		return NULL;
	c = wfm_channels_load(path, &err);
	unlink(path);
	/* the message without the temporary file's name: "LINE: column: msg" */
	if (!c && msg) {
		char full[600];
		wfm_error_format(&err, full, sizeof(full));
		snprintf(msg, n, "%s", full + strlen(path) + 1);
	}
	return c;
}

static void good(void)
{
	wfm_channels *c = load(HEAD ",max_abandon\n"
			       "calls,erlang_a,300,0.80,20,0.88,0.30,1,180,0,0.05\n"
			       "chat,chat,600,0.80,30,0.85,0.30,2,120,0,\n"
			       "letters,backlog,420,0,0,0,0.30,7,0,24,\n"
			       "Звонки,erlang_c,240,0.9,15,0,0,0,0,0,\n", NULL, 0);
	CHECK(c && c->n == 4, "four channels");
	if (!c)
		return;
	CHECK(c->ch[0].kind == WFM_ERLANG_A && c->ch[0].aht == 300 && c->ch[0].patience == 180,
	      "calls: erlang_a, aht 300, patience 180");
	CHECK_NEAR(c->ch[0].sl_target, 0.80, 0, "calls sl_target");
	CHECK_NEAR(c->ch[0].max_occ, 0.88, 0, "calls max_occupancy");
	CHECK_NEAR(c->ch[0].max_abandon, 0.05, 0, "calls max_abandon");
	CHECK(c->ch[1].kind == WFM_CHAT && c->ch[1].concurrency == 2, "chat: 2 at a time");
	CHECK(c->ch[1].max_abandon == 0, "empty max_abandon is 0 (none)");
	CHECK(c->ch[2].kind == WFM_BACKLOG && c->ch[2].deadline_h == 24, "letters: backlog, 24 h");
	CHECK(c->ch[2].concurrency == 1, "concurrency 7 of a backlog channel is ignored: 1");
	CHECK(c->ch[3].kind == WFM_ERLANG_C && c->ch[3].max_occ == 0, "Cyrillic name, erlang_c, no cap");
	CHECK(c->ch[0].line == 2 && c->ch[3].line == 5, "lines %ld %ld", c->ch[0].line, c->ch[3].line);
	CHECK(wfm_channels_find(c, "letters") == 2 && wfm_channels_find(c, "Звонки") == 3, "find");
	CHECK(wfm_channels_find(c, "Letters") == -1, "names are case-sensitive");
	CHECK_STR(wfm_channel_kind_name(c->ch[1].kind), "chat", "kind name");
	CHECK_STR(wfm_channel_kind_name(WFM_ERLANG_A), "erlang_a", "kind name erlang_a");
	wfm_channels_free(c);
}

/* each bad file, and the message wanted after the file name */
static void bad(const char *rows, const char *want)
{
	char text[1000], msg[600] = "";
	wfm_channels *c;

	snprintf(text, sizeof(text), HEAD "\n%s", rows);
	c = load(text, msg, sizeof(msg));
	CHECK(!c, "rejected: %s", rows);
	CHECK_STR(msg, want, rows);
	wfm_channels_free(c);
}

int main(void)
{
	char msg[600] = "";

	good();
	CHECK(!load("channel,kind,deadline_h\ncalls,bogus_kind,24\n", msg, sizeof(msg)), "no aht_s");
	CHECK(!strncmp(msg, "1: aht_s: missing column", 24), "missing column named: %s", msg);
	bad("calls,bogus_kind,300,0.8,20,0.85,0.3,1,0,0\n",
	    "2: kind: unknown kind \"bogus_kind\" (channel calls; erlang_c, erlang_a, chat or backlog)");
	bad("calls,erlang_c,0,0.8,20,0.85,0.3,1,0,0\n", "2: aht_s: 0 is outside (0, 1e+06] (channel calls)");
	bad("calls,erlang_c,300,1,20,0.85,0.3,1,0,0\n", "2: sl_target: 1 is outside (0, 1) (channel calls)");
	bad("calls,erlang_c,300,0.8,20,0.85,1,1,0,0\n", "2: shrinkage: 1 is outside [0, 1) (channel calls)");
	bad("calls,erlang_a,300,0.8,20,0.85,0.3,1,0,0\n", "2: patience_s: 0 is outside (0, inf) (channel calls)");
	bad("chat,chat,600,0.8,30,0.85,0.3,1.5,0,0\n", "2: concurrency: 1.5 is not a whole number (channel chat)");
	bad("letters,backlog,420,0,0,0,0.3,1,0,0\n", "2: deadline_h: 0 is outside (0, 8784] (channel letters)");
	bad("calls,erlang_c,300,0.8,20,0.85,0.3,1,0,0\ncalls,chat,600,0.8,30,0.85,0.3,2,0,0\n",
	    "3: channel: channel calls duplicates line 2");
	bad(",erlang_c,300,0.8,20,0.85,0.3,1,0,0\n", "2: channel: empty channel name");
	CHECK(!load(HEAD "\n", msg, sizeof(msg)), "header only");
	CHECK_STR(msg, "1: no channels", "header only message");
	return check_done("test_channels");
}
