/* groups.h - skill groups: the sets of channels an agent can serve.
 *
 * A skill group is a set of channels (`calls`, `calls|chat`, ...).  Groups
 * come from groups.csv, for planning before names are known:
 *   group,skills[,max_agents][,min_share]
 * (max_agents empty = no limit; min_share in [0, 1], the least share of
 * the planned agents the group must have, empty = 0), or they are derived
 * from staff.csv: one group per distinct set of skills, named by its
 * skills in channel order joined with '|', with the head count as
 * `heads` and no max_agents.
 *
 * Skills name channels of the caller's channel list (the requirements'),
 * compared case-insensitively (ASCII).  In groups.csv an unknown skill, an
 * empty skill list or a duplicate group name is an error naming the line;
 * in staff.csv skills that are not channels are ignored (the agent may do
 * work this plan does not cover) and an agent with none is counted in
 * `skipped`.  wfm_groups_check() then asks that every group serves some
 * open channel and every open channel is served by some group.
 *
 * Entry points: wfm_groups_load(), wfm_groups_from_agents(), wfm_groups_single(),
 * wfm_groups_check(), wfm_groups_serves(), wfm_groups_free().
 */
#ifndef WFM_GROUPS_H
#define WFM_GROUPS_H

#include <stddef.h>
#include "agents.h"
#include "error.h"

struct wfm_group {
	char *name;
	size_t nskill;
	size_t *skill;           /* channel indices, ascending */
	long max_agents;         /* -1: no limit */
	double min_share;        /* 0: none */
	long heads;              /* agents in staff.csv with these skills; -1 unknown */
	long line;               /* line in the groups or staff file (first agent) */
};

typedef struct wfm_groups {
	size_t n;
	struct wfm_group *g;
	size_t nchan;
	char **channel;          /* copies of the caller's channel names */
	size_t skipped;          /* staff.csv agents with no skill among the channels */
	char file[256];
} wfm_groups;

/* groups.csv against the channel list.  NULL and an error on bad input. */
wfm_groups *wfm_groups_load(const char *path, const char *const *channel, size_t nchan,
			    wfm_error *err);
/* The distinct skill sets of staff.csv, in order of first appearance. */
wfm_groups *wfm_groups_from_agents(const wfm_agents *ag, const char *const *channel,
				   size_t nchan, wfm_error *err);
/* Specialists: one group per channel with open[c] != 0 (open NULL: every
 * channel), named as the channel. */
wfm_groups *wfm_groups_single(const char *const *channel, size_t nchan, const int *open,
			      wfm_error *err);
/* open[c] != 0 when channel c has any requirement in the plan window.
 * -1 and an error naming the file (and line) when a group serves no open
 * channel or an open channel has no group. */
int wfm_groups_check(const wfm_groups *gr, const int *open, wfm_error *err);
/* 1 when group g holds channel c. */
int wfm_groups_serves(const wfm_groups *gr, size_t g, size_t c);
/* Index of the group named name, or -1. */
long wfm_groups_find(const wfm_groups *gr, const char *name);
/* Index of the channel named name (case-insensitive), or -1. */
long wfm_groups_channel(const wfm_groups *gr, const char *name);
void wfm_groups_free(wfm_groups *gr);

#endif
