/* groupreq.h - group-req.csv: agents per skill group and interval, what
 * `wfm staff --groups` writes and `wfm simulate --group-staffing` reads.
 *
 * Columns: timestamp,group,skills,agents,agents_gross,agents_fluid
 *   agents        net agents of the group on the phones (after the
 *                 simulation's correction when there was one)
 *   agents_gross  people to have on shift: the group's fluid split over its
 *                 channels, each share grossed up by its shrinkage, summed
 *                 and rounded up, plus the agents the correction added
 *                 grossed up by the group's largest shrinkage
 *   agents_fluid  the fluid (LP) model's answer before any correction
 * One row per interval and group, in time then group order.  The reader
 * needs timestamp, group and agents only; group names are those of the
 * groups file (groups.csv), compared exactly.
 *
 * Entry points: wfm_groupreq_write(), wfm_groupreq_load(), wfm_groupreq_groups().
 */
#ifndef WFM_GROUPREQ_H
#define WFM_GROUPREQ_H

#include <stdint.h>
#include <stdio.h>
#include "error.h"
#include "groups.h"
#include "tz.h"

/* Arrays [g * n + i]; gross and fluid may be NULL (columns left empty). */
int wfm_groupreq_write(FILE *fp, const wfm_tz *tz, int64_t start, int step, size_t n,
		       const wfm_groups *gr, const long *agents, const long *gross,
		       const long *fluid);

/* agents[g * n + i] on the grid start + i * step: rows must fall on it and
 * name a group of gr; an interval or group with no row has 0 agents.
 * -1 and an error naming the line otherwise. */
int wfm_groupreq_load(const char *path, const wfm_tz *tz, int64_t start, int step, size_t n,
		      const wfm_groups *gr, long *agents, wfm_error *err);

/* The groups of a groups.csv, or of a staff.csv (recognised by its id and
 * skills columns and no group column: one group per distinct skill set,
 * named by its skills, see groups.h). */
wfm_groups *wfm_groupreq_groups(const char *path, const char *const *channel, size_t nchan,
				wfm_error *err);

#endif
