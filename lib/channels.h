/* channels.h - channels.csv: how each contact channel is staffed.
 *
 * Columns channel,kind,aht_s,sl_target,sl_seconds,max_occupancy,shrinkage,
 * concurrency,patience_s,deadline_h (and optionally max_abandon); a 0 means
 * "not applicable" (max_occupancy 0 = no cap).  Kinds: erlang_c, erlang_a,
 * chat, backlog.  Every value is checked for its kind; errors name the
 * file, line, column and channel:
 *   channels.csv:3: sl_target: 1.2 is outside (0, 1) (channel chat)
 *
 * Entry points: wfm_channels_load(), wfm_channels_find(), wfm_channels_free().
 */
#ifndef WFM_CHANNELS_H
#define WFM_CHANNELS_H

#include <stddef.h>
#include "error.h"

enum wfm_channel_kind { WFM_ERLANG_C, WFM_ERLANG_A, WFM_CHAT, WFM_BACKLOG };

struct wfm_channel {
	char name[64];
	enum wfm_channel_kind kind;
	double aht;          /* default handle time, s (> 0) */
	double sl_target;    /* (0, 1); queue kinds only */
	double sl_seconds;   /* >= 0 */
	double max_occ;      /* (0, 1], 0 = no cap */
	double shrinkage;    /* [0, 1) */
	int concurrency;     /* chat: >= 1 chats per agent */
	double patience;     /* erlang_a: mean patience, s (> 0) */
	double deadline_h;   /* backlog: hours (> 0) */
	double max_abandon;  /* erlang_a: cap on abandonment, 0 = none */
	long line;           /* line in channels.csv */
};

typedef struct wfm_channels {
	size_t n;
	struct wfm_channel *ch;
	char file[256];
} wfm_channels;

wfm_channels *wfm_channels_load(const char *path, wfm_error *err);
void wfm_channels_free(wfm_channels *c);
/* Index of the named channel, or -1. */
int wfm_channels_find(const wfm_channels *c, const char *name);
const char *wfm_channel_kind_name(enum wfm_channel_kind k);

#endif
