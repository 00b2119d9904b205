/* roster_report.h - the stderr report of wfm-roster (lib/roster_report.c).
 * Every function writes to the FILE it is given and never exits. */
#ifndef WFM_ROSTER_REPORT_H
#define WFM_ROSTER_REPORT_H

#include <stdio.h>
#include "agents.h"
#include "error.h"
#include "plan.h"
#include "roster.h"
#include "rostermip.h"

/* Per day, weekly limits, hour map of the uncovered, unfilled shifts,
 * hours vs contract, weekly patterns, preferences, fairness, and the skill
 * groups' and channels' shares when r has groups.  -1 (err) out of memory. */
int wfm_roster_report(FILE *fp, const wfm_plan *plan, const wfm_roster_result *r,
		      const wfm_agents *ag, const struct wfm_roster_opts *ro, wfm_error *err);
/* "changed N of M rows of the published roster", then each change if list. */
void wfm_roster_report_changes(FILE *fp, const wfm_roster_result *r, int list);
/* --exact: sizes, the bound, the best found and the heuristic's gap. */
void wfm_roster_report_exact(FILE *fp, const struct wfm_rostermip_result *x);
/* --strict: err = "infeasible: N shifts unfilled in M plan rows, the first ...". */
void wfm_roster_strict_error(const wfm_roster_result *r, wfm_error *err);

#endif
