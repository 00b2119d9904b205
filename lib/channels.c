/* channels.c - load and validate channels.csv.  See channels.h. */
#include "channels.h"
#include "csv.h"
#include "csvload.h"
#include "mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *kinds[] = { "erlang_c", "erlang_a", "chat", "backlog" };

const char *wfm_channel_kind_name(enum wfm_channel_kind k)
{
	return kinds[k];
}

int wfm_channels_find(const wfm_channels *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->ch[i].name, name))
			return (int)i;
	return -1;
}

void wfm_channels_free(wfm_channels *c)
{
	if (c)
		WFM_FREE(c->ch, c);
}

enum { C_CHANNEL, C_KIND, C_AHT, C_SLT, C_SLS, C_OCC, C_SHR, C_CONC, C_PAT, C_DEAD, NREQ };
/* the NREQ required columns, then the optional max_abandon */
static const char *const cols[NREQ + 1] = { "channel", "kind", "aht_s", "sl_target", "sl_seconds",
	"max_occupancy", "shrinkage", "concurrency", "patience_s", "deadline_h", "?max_abandon" };

/* Check lo <(=) v <(=) hi; the message names the channel. */
static int range(wfm_csv_reader *r, int col, const char *name, double v,
		 double lo, int lo_open, double hi, int hi_open, wfm_error *err)
{
	if (((lo_open ? v <= lo : v < lo) || (hi_open ? v >= hi : v > hi)) && !*wfm_csv_get(r, col))
		return wfm_csv_error(r, col, err, "empty, a number is required (channel %s)", name);
	if ((lo_open ? v <= lo : v < lo) || (hi_open ? v >= hi : v > hi))
		return wfm_csv_error(r, col, err, "%g is outside %c%g, %g%c (channel %s)", v,
				     lo_open ? '(' : '[', lo, hi, hi_open ? ')' : ']', name);
	return 0;
}

/* One record of channels.csv appended to ctx, a wfm_channels. */
static int read_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	wfm_channels *cs = ctx;
	double v[NREQ];
	const char *name = wfm_csv_get(r, col[C_CHANNEL]), *kind = wfm_csv_get(r, col[C_KIND]);
	const int col_ab = col[NREQ];
	struct wfm_channel *c;
	int k, prev;

	if (WFM_CSVLOAD_ROOM(cs->ch, cs->n))
		return wfm_error_set(err, "out of memory");
	c = memset(&cs->ch[cs->n], 0, sizeof(*c));
	if (!*name)
		return wfm_csv_error(r, col[C_CHANNEL], err, "empty channel name");
	if (strlen(name) >= sizeof(c->name))
		return wfm_csv_error(r, col[C_CHANNEL], err, "channel name longer than %zu bytes",
				     sizeof(c->name) - 1);
	strcpy(c->name, name);
	c->line = wfm_csv_line(r);
	for (k = 0; k < 4 && strcmp(kind, kinds[k]); k++)
		;
	if (k == 4)
		return wfm_csv_error(r, col[C_KIND], err,
				     "unknown kind \"%.40s\" (channel %s; erlang_c, erlang_a, chat or backlog)",
				     kind, name);
	c->kind = k;
	for (int i = C_AHT; i < NREQ; i++)
		if (wfm_csv_double_opt(r, col[i], 0, &v[i], err))
			return -1;
	c->aht = v[C_AHT];
	c->sl_target = v[C_SLT];
	c->sl_seconds = v[C_SLS];
	c->max_occ = v[C_OCC];
	c->shrinkage = v[C_SHR];
	c->patience = v[C_PAT];
	c->deadline_h = v[C_DEAD];
	if (col_ab >= 0 && wfm_csv_double_opt(r, col_ab, 0, &c->max_abandon, err))
		return -1;
	if (range(r, col[C_AHT], name, c->aht, 0, 1, 1e6, 0, err) ||
	    range(r, col[C_OCC], name, c->max_occ, 0, 0, 1, 0, err) ||
	    range(r, col[C_SHR], name, c->shrinkage, 0, 0, 1, 1, err))
		return -1;
	if (k != WFM_BACKLOG &&
	    (range(r, col[C_SLT], name, c->sl_target, 0, 1, 1, 1, err) ||
	     range(r, col[C_SLS], name, c->sl_seconds, 0, 0, 86400, 0, err)))
		return -1;
	if (k == WFM_ERLANG_A &&
	    (range(r, col[C_PAT], name, c->patience, 0, 1, HUGE_VAL, 1, err) ||
	     (col_ab >= 0 && range(r, col_ab, name, c->max_abandon, 0, 0, 1, 1, err))))
		return -1;
	if (k == WFM_CHAT) {
		if (range(r, col[C_CONC], name, v[C_CONC], 1, 0, 100, 0, err))
			return -1;
		if (v[C_CONC] != (int)v[C_CONC])
			return wfm_csv_error(r, col[C_CONC], err, "%g is not a whole number (channel %s)",
					     v[C_CONC], name);
	}
	c->concurrency = k == WFM_CHAT ? (int)v[C_CONC] : 1;
	if (k == WFM_BACKLOG && range(r, col[C_DEAD], name, c->deadline_h, 0, 1, 24 * 366, 0, err))
		return -1;
	if ((prev = wfm_channels_find(cs, name)) >= 0)
		return wfm_csv_error(r, col[C_CHANNEL], err, "channel %s duplicates line %ld", name,
				     cs->ch[prev].line);
	cs->n++;
	return 0;
}

static void drop(void *c) { wfm_channels_free(c); }

static const struct wfm_csvload format = { cols, NREQ + 1, read_row, "no channels", drop };

wfm_channels *wfm_channels_load(const char *path, wfm_error *err)
{
	wfm_channels *c = calloc(1, sizeof(*c));

	if (c)
		snprintf(c->file, sizeof(c->file), "%s", path);
	return wfm_csvload(&format, path, c, c, err);
}
