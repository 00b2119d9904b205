/* agents.h - staff.csv (named agents, skills, contracts, working windows)
 * and availability.csv (per-day exceptions) for wfm roster and functions.
 *
 * staff.csv: id,name,skills,contract_h_week,min_shift_h,max_shift_h,
 *            earliest_start,latest_end,days_off[,tz]
 * skills are |-separated, the first is the primary skill; each must be in
 * the caller's list of known skills, when it gives one ("unknown skill"
 * otherwise).  Agents
 * are kept in file order; ids must be unique.  tz (optional, wfm
 * localize): the agent's IANA time zone, empty for the center's.
 * availability.csv: agent_id,date,status; status (case-insensitive) is
 * available, sick, vacation, training, day_off or unavailable.  "available"
 * overrides a fixed day off; every other status keeps the agent off that
 * day.  A row for an agent who is not in staff.csv (one who has left) is
 * skipped and counted in nunknown (first such line in unknown_line), so a
 * stale availability file never stops a roster.
 *
 * preferences.csv: agent_id,day,shift,weight - day a weekday (Mon..Sun),
 * a date or empty (every day); shift a shift name, a start window
 * HH:MM-HH:MM (the shift starts inside it, end included) or empty (any
 * shift: working that day); weight > 0 the agent wants it, < 0 avoids it
 * (hours of cost, so 1-4 are moderate).  Rows for unknown agents are
 * skipped and counted like availability rows.
 *
 * Entry points: wfm_agents_load(), wfm_agents_load_availability(),
 * wfm_agents_load_preferences(), wfm_agents_pref_match(),
 * wfm_agents_status(), wfm_agents_find(), wfm_agents_free().
 */
#ifndef WFM_AGENTS_H
#define WFM_AGENTS_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "strlist.h"
#include "strmap.h"
#include "tz.h"

struct wfm_agent {
	char *id, *name;
	wfm_strlist skills;      /* lower-case; item[0] is the primary skill */
	double contract_h;       /* paid hours per week */
	double min_shift_h, max_shift_h;
	int earliest, latest;    /* minutes after midnight; 0 and 1440 = any */
	int days_off;            /* bit w set = weekday w (0 = Mon) is off */
	char *zone;              /* the optional tz column: an IANA zone, NULL when empty */
	wfm_tz *tz;              /* that zone opened; NULL: the center's zone */
	long line;               /* line in staff.csv */
};

enum wfm_avail { WFM_AVAIL_DEFAULT = 0, WFM_AVAIL_YES, WFM_AVAIL_VACATION, WFM_AVAIL_SICK,
		 WFM_AVAIL_TRAINING, WFM_AVAIL_DAY_OFF, WFM_AVAIL_UNAVAILABLE };

struct wfm_avail_row { size_t agent; int64_t day; int status; };

struct wfm_pref {
	size_t agent;
	int64_t date;            /* the day, or -1 */
	int wday;                /* 0 = Mon .. 6 = Sun, or -1 */
	char *shift;             /* shift name, or NULL */
	int wlo, whi;            /* start window in minutes, or -1 */
	double weight;
	long line;
};

typedef struct wfm_agents {
	size_t n;
	struct wfm_agent *a;
	size_t navail;
	struct wfm_avail_row *avail;  /* sorted by agent, day */
	size_t nunknown;              /* availability rows for agents not in staff.csv */
	long unknown_line;            /* line of the first of them */
	char unknown_id[48];          /* its agent id */
	size_t npref;
	struct wfm_pref *pref;        /* sorted by agent, then file order */
	size_t *pref_off;             /* n + 1: agent i's preferences are pref_off[i] .. pref_off[i+1]-1 */
	wfm_strmap ids;               /* id -> index, filled by wfm_agents_load() */
	char file[256];
} wfm_agents;

/* Load staff.csv; known is the list of skill names accepted (compared
 * case-insensitively), NULL for any name.  NULL and an error on bad input
 * (a duplicate id names the line of its first row: found through the id
 * hash, so loading stays linear in the rows). */
wfm_agents *wfm_agents_load(const char *path, const char *const *known,
			    size_t nknown, wfm_error *err);
/* Append to set the agents' skills it lacks (case-insensitively), in file
 * order.  0, or -1 when out of memory. */
int wfm_agents_skill_set(const wfm_agents *ag, wfm_strlist *set);
/* Add availability.csv exceptions.  0, or -1 and an error. */
int wfm_agents_load_availability(wfm_agents *ag, const char *path, wfm_error *err);
void wfm_agents_free(wfm_agents *ag);
/* Index of the agent with this id, or -1: a hash lookup, O(1). */
long wfm_agents_find(const wfm_agents *ag, const char *id);
/* 1 when agent i may work on calendar day `day` (fixed days off and
 * availability exceptions applied), else 0. */
int wfm_agents_available(const wfm_agents *ag, size_t i, int64_t day);
/* The exception status for agent i on day (WFM_AVAIL_DEFAULT when none). */
int wfm_agents_status(const wfm_agents *ag, size_t i, int64_t day);
/* Add preferences.csv.  0, or -1 and an error naming the line. */
int wfm_agents_load_preferences(wfm_agents *ag, const char *path, wfm_error *err);
/* 1 when preference p applies to a shift named name starting at start
 * (minutes) on calendar day `day`. */
int wfm_agents_pref_match(const struct wfm_pref *p, int64_t day, const char *name, int start);
/* 1 when preference p concerns calendar day `day`. */
int wfm_agents_pref_day(const struct wfm_pref *p, int64_t day);
/* Status name ("sick", ...) of a WFM_AVAIL_* value; "" for the default. */
const char *wfm_agents_status_name(int status);
/* Index of skill s in agent i's list, or -1. */
int wfm_agents_skill(const wfm_agents *ag, size_t i, const char *s);

#endif
