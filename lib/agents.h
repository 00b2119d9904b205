/* agents.h - staff.csv (named agents, skills, contracts, working windows)
 * and availability.csv (per-day exceptions) for wfm roster and functions.
 *
 * staff.csv: id,name,skills,contract_h_week,min_shift_h,max_shift_h,
 *            earliest_start,latest_end,days_off
 * skills are |-separated, the first is the primary skill; each must be in
 * the caller's list of known skills ("unknown skill" otherwise).  Agents
 * are kept in file order; ids must be unique.
 * availability.csv: agent_id,date,status; status (case-insensitive) is
 * available, sick, vacation, training, day_off or unavailable.  "available"
 * overrides a fixed day off; every other status keeps the agent off that
 * day.  A row for an agent who is not in staff.csv (one who has left) is
 * skipped and counted in nunknown (first such line in unknown_line), so a
 * stale availability file never stops a roster.
 *
 * Entry points: wfm_agents_load(), wfm_agents_load_availability(),
 * wfm_agents_status(), wfm_agents_find(), wfm_agents_free().
 */
#ifndef WFM_AGENTS_H
#define WFM_AGENTS_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "strlist.h"

struct wfm_agent {
	char *id, *name;
	wfm_strlist skills;      /* lower-case; item[0] is the primary skill */
	double contract_h;       /* paid hours per week */
	double min_shift_h, max_shift_h;
	int earliest, latest;    /* minutes after midnight; 0 and 1440 = any */
	int days_off;            /* bit w set = weekday w (0 = Mon) is off */
	long line;               /* line in staff.csv */
};

enum wfm_avail { WFM_AVAIL_DEFAULT = 0, WFM_AVAIL_YES, WFM_AVAIL_VACATION, WFM_AVAIL_SICK,
		 WFM_AVAIL_TRAINING, WFM_AVAIL_DAY_OFF, WFM_AVAIL_UNAVAILABLE };

struct wfm_avail_row { size_t agent; int64_t day; int status; };

typedef struct wfm_agents {
	size_t n;
	struct wfm_agent *a;
	size_t navail;
	struct wfm_avail_row *avail;  /* sorted by agent, day */
	size_t nunknown;              /* availability rows for agents not in staff.csv */
	long unknown_line;            /* line of the first of them */
	char unknown_id[48];          /* its agent id */
	char file[256];
} wfm_agents;

/* Load staff.csv; known is the list of skill names accepted (compared
 * case-insensitively).  NULL and an error on bad input. */
wfm_agents *wfm_agents_load(const char *path, const char *const *known,
			    size_t nknown, wfm_error *err);
/* Add availability.csv exceptions.  0, or -1 and an error. */
int wfm_agents_load_availability(wfm_agents *ag, const char *path, wfm_error *err);
void wfm_agents_free(wfm_agents *ag);
/* Index of the agent with this id, or -1. */
long wfm_agents_find(const wfm_agents *ag, const char *id);
/* 1 when agent i may work on calendar day `day` (fixed days off and
 * availability exceptions applied), else 0. */
int wfm_agents_available(const wfm_agents *ag, size_t i, int64_t day);
/* The exception status for agent i on day (WFM_AVAIL_DEFAULT when none). */
int wfm_agents_status(const wfm_agents *ag, size_t i, int64_t day);
/* Status name ("sick", ...) of a WFM_AVAIL_* value; "" for the default. */
const char *wfm_agents_status_name(int status);
/* Index of skill s in agent i's list, or -1. */
int wfm_agents_skill(const wfm_agents *ag, size_t i, const char *s);

#endif
