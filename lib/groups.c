/* groups.c - skill groups from groups.csv or staff.csv.  See groups.h. */
#include "groups.h"
#include "csv.h"
#include "mem.h"
#include "strlist.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_GROUPS 1024

void wfm_groups_free(wfm_groups *gr)
{
	if (!gr)
		return;
	for (size_t i = 0; i < gr->n; i++)
		WFM_FREE(gr->g[i].name, gr->g[i].skill);
	wfm_free_strv(gr->channel, gr->nchan);
	WFM_FREE(gr->g, gr);
}

static wfm_groups *alloc_groups(const char *file, const char *const *channel, size_t nchan)
{
	wfm_groups *gr = calloc(1, sizeof(*gr));

	if (!gr)
		return NULL;
	snprintf(gr->file, sizeof(gr->file), "%s", file);
	gr->g = calloc(MAX_GROUPS, sizeof(*gr->g));
	gr->channel = calloc(nchan ? nchan : 1, sizeof(*gr->channel));
	if (!gr->g || !gr->channel) {
		wfm_groups_free(gr);
		return NULL;
	}
	for (; gr->nchan < nchan; gr->nchan++)
		if (!(gr->channel[gr->nchan] = strdup(channel[gr->nchan]))) {
			wfm_groups_free(gr);
			return NULL;
		}
	return gr;
}

long wfm_groups_channel(const wfm_groups *gr, const char *name)
{
	for (size_t c = 0; c < gr->nchan; c++)
		if (!strcasecmp(gr->channel[c], name))
			return (long)c;
	return -1;
}

long wfm_groups_find(const wfm_groups *gr, const char *name)
{
	for (size_t i = 0; i < gr->n; i++)
		if (!strcmp(gr->g[i].name, name))
			return (long)i;
	return -1;
}

int wfm_groups_serves(const wfm_groups *gr, size_t g, size_t c)
{
	const struct wfm_group *p = &gr->g[g];

	for (size_t k = 0; k < p->nskill; k++)
		if (p->skill[k] == c)
			return 1;
	return 0;
}

/* The channel set of a skills list as a bit mask over channels; unknown
 * skills are returned through *bad (NULL when all are known). */
static int skill_mask(const wfm_groups *gr, const wfm_strlist *l, unsigned char *mask,
		      const char **bad)
{
	*bad = NULL;
	memset(mask, 0, gr->nchan);
	for (size_t k = 0; k < l->n; k++) {
		long c = wfm_groups_channel(gr, l->item[k]);

		if (c < 0) {
			if (!*bad)
				*bad = l->item[k];
			continue;
		}
		mask[c] = 1;
	}
	for (size_t c = 0; c < gr->nchan; c++)
		if (mask[c])
			return 1;
	return 0;
}

/* Append a group with the channels set in mask. */
static int add_group(wfm_groups *gr, const char *name, const unsigned char *mask, long line)
{
	struct wfm_group *p = &gr->g[gr->n];
	size_t k = 0;

	p->skill = calloc(gr->nchan, sizeof(*p->skill));
	if (!p->skill || !(p->name = strdup(name))) {
		free(p->skill);
		return -1;
	}
	for (size_t c = 0; c < gr->nchan; c++)
		if (mask[c])
			p->skill[k++] = c;
	p->nskill = k;
	p->max_agents = -1;
	p->heads = -1;
	p->line = line;
	gr->n++;
	return 0;
}

static int same_mask(const wfm_groups *gr, size_t g, const unsigned char *mask)
{
	size_t k = 0;

	for (size_t c = 0; c < gr->nchan; c++)
		if (mask[c] != (k < gr->g[g].nskill && gr->g[g].skill[k] == c))
			return 0;
		else if (mask[c])
			k++;
	return 1;
}

static int read_group_row(wfm_csv_reader *r, const int *col, wfm_groups *gr,
			  unsigned char *mask, wfm_error *err)
{
	const char *name = wfm_csv_get(r, col[0]), *bad;
	wfm_strlist l;
	long dup, max = -1;
	double share = 0;
	int any;

	if (!*name)
		return wfm_csv_error(r, col[0], err, "empty group name");
	if ((dup = wfm_groups_find(gr, name)) >= 0)
		return wfm_csv_error(r, col[0], err, "group \"%.60s\" repeats line %ld", name,
				     gr->g[dup].line);
	if (gr->n == MAX_GROUPS)
		return wfm_csv_error(r, col[0], err, "more than %d groups", MAX_GROUPS);
	if (wfm_strlist_split(wfm_csv_get(r, col[1]), '|', &l))
		return wfm_error_set(err, "out of memory");
	any = skill_mask(gr, &l, mask, &bad);
	if (bad) {
		wfm_csv_error(r, col[1], err, "\"%.60s\" is not a channel of the requirements (group %.60s)",
			      bad, name);
		wfm_strlist_free(&l);
		return -1;
	}
	wfm_strlist_free(&l);
	if (!any)
		return wfm_csv_error(r, col[1], err, "no skills (group %.60s)", name);
	if (col[2] >= 0 && *wfm_csv_get(r, col[2])) {
		if (wfm_csv_long(r, col[2], &max, err))
			return -1;
		if (max < 0)
			return wfm_csv_error(r, col[2], err, "%ld is negative (group %.60s)", max, name);
	}
	if (wfm_csv_double_opt(r, col[3], 0, &share, err))
		return -1;
	if (share < 0 || share > 1)
		return wfm_csv_error(r, col[3], err, "%g is outside [0, 1] (group %.60s)", share, name);
	if (add_group(gr, name, mask, wfm_csv_line(r)))
		return wfm_error_set(err, "out of memory");
	gr->g[gr->n - 1].max_agents = max;
	gr->g[gr->n - 1].min_share = share;
	return 0;
}

wfm_groups *wfm_groups_load(const char *path, const char *const *channel, size_t nchan,
			    wfm_error *err)
{
	static const char *const names[] = { "group", "skills", "?max_agents", "?min_share" };
	int col[4], st;
	wfm_csv_reader *r = wfm_csv_open_cols(path, names, 4, col, err);
	wfm_groups *gr;
	unsigned char *mask;

	if (!r)
		return NULL;
	gr = alloc_groups(wfm_csv_name(r), channel, nchan);
	mask = malloc(nchan ? nchan : 1);
	if (!gr || !mask) {
		wfm_error_set(err, "out of memory");
		goto fail;
	}
	while ((st = wfm_csv_next(r, err)) == 1)
		if (read_group_row(r, col, gr, mask, err))
			goto fail;
	if (st < 0)
		goto fail;
	if (!gr->n) {
		wfm_error_at(err, gr->file, 0, NULL, "no groups");
		goto fail;
	}
	free(mask);
	wfm_csv_close(r);
	return gr;
fail:
	free(mask);
	wfm_groups_free(gr);
	wfm_csv_close(r);
	return NULL;
}

wfm_groups *wfm_groups_from_agents(const wfm_agents *ag, const char *const *channel,
				   size_t nchan, wfm_error *err)
{
	wfm_groups *gr = alloc_groups(ag->file, channel, nchan);
	unsigned char *mask = malloc(nchan ? nchan : 1);
	size_t len = 1;
	char *name;
	const char *bad;

	for (size_t c = 0; c < nchan; c++)
		len += strlen(channel[c]) + 1;
	name = malloc(len);

	if (!gr || !mask || !name) {
		wfm_error_set(err, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < ag->n; i++) {
		size_t g;

		if (!skill_mask(gr, &ag->a[i].skills, mask, &bad)) {
			gr->skipped++;
			continue;
		}
		for (g = 0; g < gr->n && !same_mask(gr, g, mask); g++)
			;
		if (g == gr->n) {
			if (gr->n == MAX_GROUPS) {
				wfm_error_at(err, ag->file, ag->a[i].line, "skills",
					     "more than %d distinct skill sets", MAX_GROUPS);
				goto fail;
			}
			*name = 0;
			for (size_t c = 0; c < nchan; c++)
				if (mask[c])
					strcat(strcat(name, *name ? "|" : ""), channel[c]);
			if (add_group(gr, name, mask, ag->a[i].line)) {
				wfm_error_set(err, "out of memory");
				goto fail;
			}
			gr->g[g].heads = 0;
		}
		gr->g[g].heads++;
	}
	if (!gr->n) {
		wfm_error_at(err, ag->file, 0, "skills", "no agent has a skill among the channels");
		goto fail;
	}
	free(mask);
	free(name);
	return gr;
fail:
	free(mask);
	free(name);
	wfm_groups_free(gr);
	return NULL;
}

wfm_groups *wfm_groups_single(const char *const *channel, size_t nchan, const int *open,
			      wfm_error *err)
{
	wfm_groups *gr = alloc_groups("", channel, nchan);
	unsigned char *mask = calloc(nchan ? nchan : 1, 1);
	int oom = !gr || !mask;

	for (size_t c = 0; !oom && c < nchan && gr->n < MAX_GROUPS; c++) {
		if (open && !open[c])
			continue;
		mask[c] = 1;
		oom = add_group(gr, channel[c], mask, 0);
		mask[c] = 0;
	}
	free(mask);
	if (!oom)
		return gr;
	wfm_groups_free(gr);
	return wfm_oom(err);
}

int wfm_groups_check(const wfm_groups *gr, const int *open, wfm_error *err)
{
	for (size_t g = 0; g < gr->n; g++) {
		size_t k;

		for (k = 0; k < gr->g[g].nskill && !open[gr->g[g].skill[k]]; k++)
			;
		if (k == gr->g[g].nskill)
			return wfm_error_at(err, gr->file, gr->g[g].line, "skills",
					    "group %.60s serves no channel with a requirement",
					    gr->g[g].name);
	}
	for (size_t c = 0; c < gr->nchan; c++) {
		size_t g;

		if (!open[c])
			continue;
		for (g = 0; g < gr->n && !wfm_groups_serves(gr, g, c); g++)
			;
		if (g == gr->n)
			return wfm_error_at(err, gr->file, 0, NULL,
					    "channel %.60s has a requirement but no group has its skill",
					    gr->channel[c]);
	}
	return 0;
}
