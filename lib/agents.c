/* agents.c - staff.csv and availability.csv loaders (see agents.h). */
#include "agents.h"
#include "csv.h"
#include "timeutil.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void wfm_agents_free(wfm_agents *ag)
{
	if (!ag)
		return;
	for (size_t i = 0; i < ag->n; i++) {
		free(ag->a[i].id);
		free(ag->a[i].name);
		free(ag->a[i].zone);
		wfm_tz_free(ag->a[i].tz);
		wfm_strlist_free(&ag->a[i].skills);
	}
	free(ag->a);
	free(ag->avail);
	for (size_t i = 0; i < ag->npref; i++)
		free(ag->pref[i].shift);
	free(ag->pref);
	free(ag->pref_off);
	wfm_strmap_free(&ag->ids);
	free(ag);
}

long wfm_agents_find(const wfm_agents *ag, const char *id)
{
	return wfm_strmap_get(&ag->ids, id);
}

int wfm_agents_skill(const wfm_agents *ag, size_t i, const char *s)
{
	const wfm_strlist *l = &ag->a[i].skills;
	for (size_t k = 0; k < l->n; k++)
		if (!strcasecmp(l->item[k], s))
			return (int)k;
	return -1;
}

static int hhmm_field(wfm_csv_reader *r, int col, int *out, wfm_error *err)
{
	wfm_error e = { 0 };
	if (wfm_time_parse_hhmm(wfm_csv_get(r, col), out, &e))
		return wfm_csv_error(r, col, err, "\"%.20s\" is not a time HH:MM", wfm_csv_get(r, col));
	return 0;
}

static int parse_days_off(wfm_csv_reader *r, int col, int *mask, wfm_error *err)
{
	wfm_strlist l;
	*mask = 0;
	if (wfm_strlist_split(wfm_csv_get(r, col), '|', &l))
		return wfm_error_set(err, "out of memory");
	for (size_t k = 0; k < l.n; k++) {
		int w = wfm_time_parse_weekday(l.item[k]);
		if (w < 0) {
			wfm_csv_error(r, col, err, "\"%.20s\" is not a weekday", l.item[k]);
			wfm_strlist_free(&l);
			return -1;
		}
		*mask |= 1 << w;
	}
	wfm_strlist_free(&l);
	return 0;
}

/* The optional tz column: an IANA zone, or empty for the center's. */
static int read_zone(wfm_csv_reader *r, int col, struct wfm_agent *a, wfm_error *err)
{
	const char *zone = wfm_csv_get(r, col);

	if (!*zone)
		return 0;
	if (!(a->zone = strdup(zone)))
		return wfm_error_set(err, "out of memory");
	if (!(a->tz = wfm_tz_open(zone, err)))
		return wfm_csv_error(r, col, err, "unknown time zone \"%.60s\"", zone);
	return 0;
}

static int load_row(wfm_csv_reader *r, const int *col, const char *const *known,
		    size_t nknown, struct wfm_agent *a, wfm_error *err)
{
	const char *id = wfm_csv_get(r, col[0]);
	if (!*id)
		return wfm_csv_error(r, col[0], err, "empty agent id");
	a->line = wfm_csv_line(r);
	if (!(a->id = strdup(id)) || !(a->name = strdup(wfm_csv_get(r, col[1]))) ||
	    wfm_strlist_split(wfm_csv_get(r, col[2]), '|', &a->skills))
		return wfm_error_set(err, "out of memory");
	if (!a->skills.n)
		return wfm_csv_error(r, col[2], err, "no skills");
	for (size_t k = 0; k < a->skills.n; k++) {
		size_t j;
		for (char *p = a->skills.item[k]; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		for (j = 0; j < nknown; j++)
			if (!strcasecmp(known[j], a->skills.item[k]))
				break;
		if (known && j == nknown)
			return wfm_csv_error(r, col[2], err, "unknown skill \"%.40s\"", a->skills.item[k]);
		for (j = 0; j < k; j++)
			if (!strcmp(a->skills.item[j], a->skills.item[k]))
				return wfm_csv_error(r, col[2], err, "skill \"%.40s\" listed twice", a->skills.item[k]);
	}
	if (wfm_csv_double(r, col[3], &a->contract_h, err) ||
	    wfm_csv_double(r, col[4], &a->min_shift_h, err) ||
	    wfm_csv_double(r, col[5], &a->max_shift_h, err))
		return -1;
	if (a->contract_h < 0 || a->contract_h > 80)
		return wfm_csv_error(r, col[3], err, "%g h is not between 0 and 80", a->contract_h);
	if (a->min_shift_h <= 0 || a->min_shift_h > 24)
		return wfm_csv_error(r, col[4], err, "%g h is not between 0 and 24", a->min_shift_h);
	if (a->max_shift_h < a->min_shift_h || a->max_shift_h > 24)
		return wfm_csv_error(r, col[5], err, "%g h is below min_shift_h or over 24", a->max_shift_h);
	if (hhmm_field(r, col[6], &a->earliest, err) || hhmm_field(r, col[7], &a->latest, err))
		return -1;
	if (a->latest <= a->earliest)
		return wfm_csv_error(r, col[7], err, "latest_end is not after earliest_start");
	if (parse_days_off(r, col[8], &a->days_off, err))
		return -1;
	return read_zone(r, col[9], a, err);
}

int wfm_agents_skill_set(const wfm_agents *ag, wfm_strlist *set)
{
	for (size_t i = 0; i < ag->n; i++)
		for (size_t k = 0; k < ag->a[i].skills.n; k++) {
			const char *x = ag->a[i].skills.item[k];
			size_t j;
			char **v;
			for (j = 0; j < set->n && strcasecmp(set->item[j], x); j++)
				;
			if (j < set->n)
				continue;
			if (!(v = realloc(set->item, (set->n + 1) * sizeof(*v))))
				return -1;
			set->item = v;
			if (!(v[set->n] = strdup(x)))
				return -1;
			set->n++;
		}
	return 0;
}

wfm_agents *wfm_agents_load(const char *path, const char *const *known,
			    size_t nknown, wfm_error *err)
{
	static const char *const names[] = { "id", "name", "skills", "contract_h_week", "min_shift_h",
		"max_shift_h", "earliest_start", "latest_end", "days_off", "?tz" };
	int col[10], rc;
	wfm_csv_reader *r;
	wfm_agents *ag = wfm_csv_open_new(path, names, 10, col, sizeof(*ag), &r, err);
	size_t cap = 0;

	if (!ag)
		return NULL;
	snprintf(ag->file, sizeof(ag->file), "%s", path);
	while ((rc = wfm_csv_next(r, err)) == 1) {
		long dup;
		if (ag->n == cap) {
			struct wfm_agent *a = realloc(ag->a, (cap = cap ? 2 * cap : 64) * sizeof(*a));
			if (!a) {
				wfm_error_set(err, "out of memory");
				goto fail;
			}
			ag->a = a;
		}
		memset(&ag->a[ag->n], 0, sizeof(ag->a[0]));
		ag->n++;
		if (load_row(r, col, known, nknown, &ag->a[ag->n - 1], err))
			goto fail;
		if ((dup = wfm_strmap_add(&ag->ids, ag->a[ag->n - 1].id, ag->n - 1)) < 0) {
			wfm_error_set(err, "out of memory");
			goto fail;
		}
		if ((size_t)dup != ag->n - 1) {
			wfm_csv_error(r, col[0], err, "agent \"%.40s\" is a duplicate of line %ld",
				      ag->a[dup].id, ag->a[dup].line);
			goto fail;
		}
	}
	if (rc < 0)
		goto fail;
	if (!ag->n) {
		wfm_error_at(err, path, wfm_csv_line(r), NULL, "no data rows");
		goto fail;
	}
	wfm_csv_close(r);
	return ag;
fail:
	wfm_csv_close(r);
	wfm_agents_free(ag);
	return NULL;
}

static int cmp_avail(const void *a, const void *b)
{
	const struct wfm_avail_row *x = a, *y = b;
	if (x->agent != y->agent)
		return x->agent < y->agent ? -1 : 1;
	return (x->day > y->day) - (x->day < y->day);
}

static const char *const status_names[] = { "", "available", "vacation", "sick",
	"training", "day_off", "unavailable" };

const char *wfm_agents_status_name(int status)
{
	if (status < 0 || status > WFM_AVAIL_UNAVAILABLE)
		return "";
	return status_names[status];
}

/* WFM_AVAIL_* of a status word (any case, surrounding blanks ignored), or -1. */
static int parse_status(const char *st)
{
	size_t len;
	while (*st == ' ' || *st == '\t')
		st++;
	len = strlen(st);
	while (len && (st[len - 1] == ' ' || st[len - 1] == '\t'))
		len--;
	for (int k = WFM_AVAIL_YES; k <= WFM_AVAIL_UNAVAILABLE; k++)
		if (strlen(status_names[k]) == len && !strncasecmp(st, status_names[k], len))
			return k;
	return -1;
}

/* (agent, day) pairs of availability rows seen, through the id hash's
 * module (strmap.h) on "agent:day" keys, so that a long file is checked
 * for second rows in linear time. */
struct seen { char **key; size_t n, cap; wfm_strmap map; };

/* 1 when (agent, day) was seen before, else records it and returns 0;
 * -1 when out of memory. */
static int seen_again(struct seen *s, size_t agent, int64_t day)
{
	char buf[48], *k;
	long got;
	snprintf(buf, sizeof(buf), "%zu:%lld", agent, (long long)day);
	if (wfm_strmap_get(&s->map, buf) >= 0)
		return 1;
	if (s->n == s->cap) {
		char **v = realloc(s->key, (s->cap = s->cap ? 2 * s->cap : 64) * sizeof(*v));
		if (!v)
			return -1;
		s->key = v;
	}
	if (!(k = strdup(buf)))
		return -1;
	s->key[s->n++] = k;
	got = wfm_strmap_add(&s->map, k, s->n - 1);
	return got < 0 ? -1 : 0;
}

static void seen_free(struct seen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->key[i]);
	free(s->key);
	wfm_strmap_free(&s->map);
}

int wfm_agents_load_availability(wfm_agents *ag, const char *path, wfm_error *err)
{
	static const char *const names[] = { "agent_id", "date", "status" };
	int col[3], rc;
	wfm_csv_reader *r = wfm_csv_open_cols(path, names, 3, col, err);
	size_t cap = ag->navail;
	struct seen seen = { 0 };

	if (!r)
		return -1;
	const int ca = col[0], cd = col[1], cs = col[2];
	for (size_t k = 0; k < ag->navail; k++)   /* rows of an earlier file */
		if (seen_again(&seen, ag->avail[k].agent, ag->avail[k].day) < 0) {
			wfm_error_set(err, "out of memory");
			goto fail;
		}
	while ((rc = wfm_csv_next(r, err)) == 1) {
		struct wfm_avail_row row;
		int dup;
		const char *st = wfm_csv_get(r, cs);
		long i = wfm_agents_find(ag, wfm_csv_get(r, ca));
		wfm_error e = { 0 };
		if (i < 0) {   /* an agent who has left: skipped, counted */
			if (!ag->nunknown++) {
				ag->unknown_line = wfm_csv_line(r);
				snprintf(ag->unknown_id, sizeof(ag->unknown_id), "%s", wfm_csv_get(r, ca));
			}
			continue;
		}
		row.agent = (size_t)i;
		if (wfm_time_parse_date(wfm_csv_get(r, cd), &row.day, &e)) {
			wfm_csv_error(r, cd, err, "\"%.20s\" is not a date YYYY-MM-DD", wfm_csv_get(r, cd));
			goto fail;
		}
		if ((row.status = parse_status(st)) < 0) {
			wfm_csv_error(r, cs, err, "\"%.20s\" is not one of available, sick, vacation, "
				      "training, day_off, unavailable", st);
			goto fail;
		}
		if ((dup = seen_again(&seen, row.agent, row.day)) != 0) {
			if (dup < 0)
				wfm_error_set(err, "out of memory");
			else
				wfm_csv_error(r, cd, err, "second row for agent %s on this date", ag->a[i].id);
			goto fail;
		}
		if (ag->navail == cap) {
			struct wfm_avail_row *p = realloc(ag->avail, (cap = cap ? 2 * cap : 64) * sizeof(*p));
			if (!p) {
				wfm_error_set(err, "out of memory");
				goto fail;
			}
			ag->avail = p;
		}
		ag->avail[ag->navail++] = row;
	}
	if (rc < 0)
		goto fail;
	wfm_csv_close(r);
	seen_free(&seen);
	if (ag->navail)
		qsort(ag->avail, ag->navail, sizeof(*ag->avail), cmp_avail);
	return 0;
fail:
	wfm_csv_close(r);
	seen_free(&seen);
	return -1;
}

int wfm_agents_status(const wfm_agents *ag, size_t i, int64_t day)
{
	size_t lo = 0, hi = ag->navail;
	struct wfm_avail_row key = { i, day, 0 };
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = cmp_avail(&ag->avail[mid], &key);
		if (!c)
			return ag->avail[mid].status;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return WFM_AVAIL_DEFAULT;
}

int wfm_agents_available(const wfm_agents *ag, size_t i, int64_t day)
{
	int st = wfm_agents_status(ag, i, day);
	if (st == WFM_AVAIL_YES)
		return 1;
	if (st != WFM_AVAIL_DEFAULT)
		return 0;   /* sick, vacation, training, day_off, unavailable */
	return !(ag->a[i].days_off >> wfm_time_weekday(day) & 1);
}

static int cmp_pref(const void *a, const void *b)
{
	const struct wfm_pref *x = a, *y = b;
	if (x->agent != y->agent)
		return x->agent < y->agent ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* day and shift columns of a preference row into p. */
static int pref_fields(wfm_csv_reader *r, int cd, int cs, struct wfm_pref *p, wfm_error *err)
{
	const char *d = wfm_csv_get(r, cd), *sh = wfm_csv_get(r, cs), *dash;
	wfm_error e = { 0 };
	p->date = -1;
	p->wday = -1;
	p->wlo = p->whi = -1;
	if (*d && (p->wday = wfm_time_parse_weekday(d)) < 0 && wfm_time_parse_date(d, &p->date, &e))
		return wfm_csv_error(r, cd, err, "\"%.20s\" is not a weekday or a date YYYY-MM-DD", d);
	if (!*sh)
		return 0;
	if ((dash = strchr(sh, '-')) && dash - sh == 5 && strlen(dash + 1) == 5) {
		char lo[6];
		memcpy(lo, sh, 5);
		lo[5] = 0;
		if (!wfm_time_parse_hhmm(lo, &p->wlo, &e) && !wfm_time_parse_hhmm(dash + 1, &p->whi, &e)) {
			if (p->whi < p->wlo)
				return wfm_csv_error(r, cs, err, "window %.20s ends before it starts", sh);
			return 0;
		}
		p->wlo = p->whi = -1;
	}
	if (!(p->shift = strdup(sh)))
		return wfm_error_set(err, "out of memory");
	return 0;
}

int wfm_agents_load_preferences(wfm_agents *ag, const char *path, wfm_error *err)
{
	static const char *const names[] = { "agent_id", "day", "shift", "weight" };
	int col[4], rc;
	wfm_csv_reader *r = wfm_csv_open_cols(path, names, 4, col, err);
	size_t cap = ag->npref;

	if (!r)
		return -1;
	const int ca = col[0], cd = col[1], cs = col[2], cw = col[3];
	while ((rc = wfm_csv_next(r, err)) == 1) {
		struct wfm_pref p = { 0 };
		long i = wfm_agents_find(ag, wfm_csv_get(r, ca));
		if (i < 0) {   /* an agent who has left: skipped, counted */
			if (!ag->nunknown++) {
				ag->unknown_line = wfm_csv_line(r);
				snprintf(ag->unknown_id, sizeof(ag->unknown_id), "%s", wfm_csv_get(r, ca));
			}
			continue;
		}
		p.agent = (size_t)i;
		p.line = wfm_csv_line(r);
		if (wfm_csv_double(r, cw, &p.weight, err) || pref_fields(r, cd, cs, &p, err))
			goto fail;
		if (ag->npref == cap) {
			struct wfm_pref *q = realloc(ag->pref, (cap = cap ? 2 * cap : 64) * sizeof(*q));
			if (!q) {
				free(p.shift);
				wfm_error_set(err, "out of memory");
				goto fail;
			}
			ag->pref = q;
		}
		ag->pref[ag->npref++] = p;
	}
	if (rc < 0)
		goto fail;
	wfm_csv_close(r);
	if (ag->npref)
		qsort(ag->pref, ag->npref, sizeof(*ag->pref), cmp_pref);
	free(ag->pref_off);
	if (!(ag->pref_off = calloc(ag->n + 1, sizeof(size_t))))
		return wfm_error_set(err, "out of memory");
	for (size_t k = 0; k < ag->npref; k++)
		ag->pref_off[ag->pref[k].agent + 1]++;
	for (size_t i = 0; i < ag->n; i++)
		ag->pref_off[i + 1] += ag->pref_off[i];
	return 0;
fail:
	wfm_csv_close(r);
	return -1;
}

int wfm_agents_pref_day(const struct wfm_pref *p, int64_t day)
{
	if (p->date >= 0 && p->date != day)
		return 0;
	return p->wday < 0 || p->wday == wfm_time_weekday(day);
}

int wfm_agents_pref_match(const struct wfm_pref *p, int64_t day, const char *name, int start)
{
	if (!wfm_agents_pref_day(p, day))
		return 0;
	if (p->shift && strcasecmp(p->shift, name ? name : ""))
		return 0;
	return p->wlo < 0 || (start >= p->wlo && start <= p->whi);
}
