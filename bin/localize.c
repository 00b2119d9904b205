/* localize.c - wfm-localize: a roster in each agent's own time zone.
 *
 * roster.csv (wfm roster) gives dates and HH:MM in the center's zone
 * (--tz).  staff.csv may carry a `tz` column (an IANA zone per agent or
 * site; empty = the center's zone).  Every row is rewritten with the
 * agent's local date and clock times, and the zone in a last column. */
#include "atomic_write.h"
#include "agents.h"
#include "cli.h"
#include "plan.h"
#include "timeutil.h"
#include "tz.h"
#include "gslpolicy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-localize";

static const char head[] =
	"Usage: wfm localize ROSTER.csv STAFF.csv [--tz ZONE] [-o FILE]\n"
	"\n"
	"Rewrite a roster (date,agent_id,name,start,end,break_start,break_end,shift,\n"
	"times in the center's zone --tz) in each agent's zone: the `tz` column of\n"
	"staff.csv (wfm roster's columns plus tz; empty or absent = the center's\n"
	"zone).  The date becomes the agent's local day of the shift start; an end\n"
	"or break past midnight is the next day's clock time, as in the roster.\n"
	"Output:\n"
	"date,agent_id,name,start,end,break_start,break_end,shift,tz.\n";

static const char tail[] =
	"Example:\n"
	"  wfm localize out/roster.csv staff-tz.csv -o out/roster-local.csv\n";

/* Local day and minutes of the naive center time day + min (min may pass
 * 1440) in zone tz; minutes counted from midnight of `from` (when >= 0). */
static int local_min(int64_t day, int min, const wfm_tz *center, const wfm_tz *tz, int64_t *lday,
		     int64_t from)
{
	struct wfm_tm tm;
	int64_t t;

	wfm_tz_to_utc(center, day * 86400 + (int64_t)min * 60, 0, &t);
	wfm_time_local(t, tz, &tm);
	if (lday)
		*lday = tm.days;
	return (int)((from >= 0 ? tm.days - from : 0) * 1440) + tm.hour * 60 + tm.min;
}

/* Every row of the roster in its agent's zone; zone[i] names it. */
static int convert(wfm_plan *r, const wfm_agents *ag, const wfm_tz *center, const char **zone,
		   wfm_error *err)
{
	for (size_t k = 0; k < r->n; k++) {
		struct wfm_shift *s = &r->s[k];
		const wfm_tz *tz = center;
		int64_t day;
		long i = wfm_agents_find(ag, s->agent);

		if (i < 0)
			return wfm_error_at(err, r->file, s->line, "agent_id",
					    "agent \"%s\" is not in the staff file", s->agent);
		zone[k] = wfm_tz_name(center);
		if (ag->a[i].tz) {
			tz = ag->a[i].tz;
			zone[k] = ag->a[i].zone;
		}
		if (s->bstart >= 0) {
			s->bstart = local_min(s->day, s->bstart, center, tz, NULL, -1);
			s->bend = local_min(s->day, s->bend, center, tz, NULL, -1);
		}
		s->end = local_min(s->day, s->end, center, tz, NULL, -1);
		s->start = local_min(s->day, s->start, center, tz, &day, -1);
		s->day = day;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *output = NULL, *tzname = NULL;
	const struct wfm_opt opts[] = {
		{ "tz", 0, WFM_ARG_STR, &tzname, "ZONE", .help = "the center's zone (default $TZ, else UTC)" },
		WFM_OPT_OUTPUT_AS(&output, "written atomically (default standard output)"),
		{ 0 },
	};
	const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };
	wfm_error err = { 0 };
	wfm_agents *ag;
	const char **zone;
	wfm_plan *r;
	wfm_tz *tz;
	wfm_atomic *out;

	wfm_gsl_policy();
	wfm_opts_parse(&cli, argc, argv);
	argv = wfm_cli_operands(prog, argc, argv, 2, (const char *const[]){ "give ROSTER.csv and STAFF.csv",
				NULL, NULL });
	wfm_stdin_once(prog, 2, argv[0], argv[1]);
	wfm_check_outputs(prog, (const char *const *)argv, 2, &output, 1);
	tz = wfm_cli_tz(prog, tzname);
	if (!(ag = wfm_agents_load(argv[1], NULL, 0, &err)) || !(r = wfm_roster_load(argv[0], tz, &err)))
		wfm_die(prog, &err);
	if (!(zone = calloc(r->n + 1, sizeof(*zone))))
		wfm_die(prog, &(wfm_error){ .code = 1, .msg = "out of memory" });
	if (convert(r, ag, tz, zone, &err))
		wfm_die(prog, &err);
	out = wfm_cli_output(prog, output);
	if (wfm_roster_write_zones(wfm_atomic_fp(out), r->s, r->n, zone)) {
		wfm_atomic_abort(out);
		wfm_die(prog, &(wfm_error){ .code = 1, .msg = "write error" });
	}
	wfm_cli_commit(prog, out, 0, &err);
	free(zone);
	wfm_roster_free(r);
	wfm_agents_free(ag);
	wfm_tz_free(tz);
	return 0;
}
