/* agents.c - staff.csv and availability.csv loaders (see agents.h). */
#include "agents.h"
#include "csv.h"
#include "csvload.h"
#include "mem.h"
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
		struct wfm_agent *a = &ag->a[i];

		wfm_tz_free(a->tz);
		wfm_strlist_free(&a->skills);
		WFM_FREE(a->id, a->name, a->zone);
	}
	for (size_t i = 0; i < ag->npref; i++)
		free(ag->pref[i].shift);
	wfm_strmap_free(&ag->ids);
	WFM_FREE(ag->a, ag->avail, ag->pref, ag->pref_off, ag);
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

/* What the staff.csv reader fills and checks against. */
struct staff { wfm_agents *ag; const char *const *known; size_t nknown; };

/* The skills column: lower-cased, each one known (when there is a list of
 * known skills) and listed once. */
static int read_skills(wfm_csv_reader *r, int col, const struct staff *st, wfm_strlist *l,
		       wfm_error *err)
{
	if (wfm_strlist_split(wfm_csv_get(r, col), '|', l))
		return wfm_error_set(err, "out of memory");
	if (!l->n)
		return wfm_csv_error(r, col, err, "no skills");
	for (size_t k = 0; k < l->n; k++) {
		size_t j;
		for (char *p = l->item[k]; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		for (j = 0; j < st->nknown; j++)
			if (!strcasecmp(st->known[j], l->item[k]))
				break;
		if (st->known && j == st->nknown)
			return wfm_csv_error(r, col, err, "unknown skill \"%.40s\"", l->item[k]);
		for (j = 0; j < k; j++)
			if (!strcmp(l->item[j], l->item[k]))
				return wfm_csv_error(r, col, err, "skill \"%.40s\" listed twice", l->item[k]);
	}
	return 0;
}

/* Contract hours, shift lengths and the working window of a row. */
static int read_limits(wfm_csv_reader *r, const int *col, struct wfm_agent *a, wfm_error *err)
{
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
	return 0;
}

/* The id (not empty) and name columns. */
static int read_names(wfm_csv_reader *r, const int *col, struct wfm_agent *a, wfm_error *err)
{
	if (!*wfm_csv_get(r, col[0]))
		return wfm_csv_error(r, col[0], err, "empty agent id");
	if (!(a->id = strdup(wfm_csv_get(r, col[0]))) || !(a->name = strdup(wfm_csv_get(r, col[1]))))
		return wfm_error_set(err, "out of memory");
	return 0;
}

/* One record of staff.csv appended to the agents (counted before it is
 * read, so that what it holds is freed with them). */
static int staff_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct staff *st = ctx;
	wfm_agents *ag = st->ag;
	struct wfm_agent *a;
	long dup;

	if (WFM_CSVLOAD_ROOM(ag->a, ag->n))
		return wfm_error_set(err, "out of memory");
	a = memset(&ag->a[ag->n++], 0, sizeof(*a));
	a->line = wfm_csv_line(r);
	if (read_names(r, col, a, err) || read_skills(r, col[2], st, &a->skills, err) ||
	    read_limits(r, col, a, err) || parse_days_off(r, col[8], &a->days_off, err) ||
	    read_zone(r, col[9], a, err))
		return -1;
	if ((dup = wfm_strmap_add(&ag->ids, a->id, ag->n - 1)) < 0)
		return wfm_error_set(err, "out of memory");
	if ((size_t)dup != ag->n - 1)
		return wfm_csv_error(r, col[0], err, "agent \"%.40s\" is a duplicate of line %ld",
				     ag->a[dup].id, ag->a[dup].line);
	return 0;
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

static void drop(void *ag) { wfm_agents_free(ag); }

static const char *const staff_names[] = { "id", "name", "skills", "contract_h_week", "min_shift_h",
	"max_shift_h", "earliest_start", "latest_end", "days_off", "?tz" };
static const struct wfm_csvload staff_format = { staff_names, 10, staff_row, "no data rows", drop };

wfm_agents *wfm_agents_load(const char *path, const char *const *known,
			    size_t nknown, wfm_error *err)
{
	struct staff st = { calloc(1, sizeof(wfm_agents)), known, nknown };

	if (st.ag)
		snprintf(st.ag->file, sizeof(st.ag->file), "%s", path);
	return wfm_csvload(&staff_format, path, st.ag, &st, err);
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
	size_t len = wfm_csv_trim(&st);

	if (strcspn(st, " \t") < len)
		return -1;   /* a second word */
	for (int k = WFM_AVAIL_YES; k <= WFM_AVAIL_UNAVAILABLE; k++)
		if (strlen(status_names[k]) == len && !strncasecmp(st, status_names[k], len))
			return k;
	return -1;
}

/* The agent a row's agent_id column names, or -1 for one who has left
 * (not in staff.csv): such rows are skipped and counted, the first one
 * remembered for the warning. */
static long row_agent(wfm_agents *ag, wfm_csv_reader *r, int col)
{
	long i = wfm_agents_find(ag, wfm_csv_get(r, col));

	if (i < 0 && !ag->nunknown++) {
		ag->unknown_line = wfm_csv_line(r);
		snprintf(ag->unknown_id, sizeof(ag->unknown_id), "%s", wfm_csv_get(r, col));
	}
	return i;
}

/* (agent, day) pairs of availability rows seen, through the id hash's
 * module (strmap.h) on "agent:day" keys, so that a long file is checked
 * for second rows in linear time.  The availability reader's state. */
struct seen { wfm_agents *ag; char **key; size_t n, cap; wfm_strmap map; };

/* 1 when (agent, day) was seen before, else records it and returns 0;
 * -1 when out of memory. */
static int seen_again(struct seen *s, size_t agent, int64_t day)
{
	char buf[48], *k;
	snprintf(buf, sizeof(buf), "%zu:%lld", agent, (long long)day);
	if (wfm_strmap_get(&s->map, buf) >= 0)
		return 1;
	if (WFM_GROW(s->key, s->cap, s->n + 1) || !(k = strdup(buf)))
		return -1;
	s->key[s->n++] = k;
	return wfm_strmap_add(&s->map, k, s->n - 1) < 0 ? -1 : 0;
}

/* One record of availability.csv added to the agents' exceptions. */
static int avail_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	struct seen *seen = ctx;
	wfm_agents *ag = seen->ag;
	struct wfm_avail_row row;
	int dup;
	const char *st = wfm_csv_get(r, col[2]);
	long i = row_agent(ag, r, col[0]);
	wfm_error e = { 0 };

	if (i < 0)
		return 0;
	row.agent = (size_t)i;
	if (wfm_time_parse_date(wfm_csv_get(r, col[1]), &row.day, &e))
		return wfm_csv_error(r, col[1], err, "\"%.20s\" is not a date YYYY-MM-DD",
				     wfm_csv_get(r, col[1]));
	if ((row.status = parse_status(st)) < 0)
		return wfm_csv_error(r, col[2], err, "\"%.20s\" is not one of available, sick, vacation, "
				     "training, day_off, unavailable", st);
	if ((dup = seen_again(seen, row.agent, row.day)) > 0)
		return wfm_csv_error(r, col[1], err, "second row for agent %s on this date", ag->a[i].id);
	if (dup < 0 || WFM_CSVLOAD_ROOM(ag->avail, ag->navail))
		return wfm_error_set(err, "out of memory");
	ag->avail[ag->navail++] = row;
	return 0;
}

int wfm_agents_load_availability(wfm_agents *ag, const char *path, wfm_error *err)
{
	static const char *const names[] = { "agent_id", "date", "status" };
	struct seen seen = { ag, NULL, 0, 0, { 0 } };
	int col[3], rc = 0;

	for (size_t k = 0; k < ag->navail && !rc; k++)   /* rows of an earlier file */
		if (seen_again(&seen, ag->avail[k].agent, ag->avail[k].day) < 0)
			rc = wfm_error_set(err, "out of memory");
	if (!rc && wfm_csv_each(path, names, 3, col, avail_row, &seen, NULL, err) < 0)
		rc = -1;
	wfm_free_strv(seen.key, seen.n);
	wfm_strmap_free(&seen.map);
	if (!rc && ag->navail)
		qsort(ag->avail, ag->navail, sizeof(*ag->avail), cmp_avail);
	return rc;
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

/* One record of preferences.csv added to the agents' preferences. */
static int pref_row(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	wfm_agents *ag = ctx;
	struct wfm_pref p = { 0 };
	long i = row_agent(ag, r, col[0]);

	if (i < 0)
		return 0;
	p.agent = (size_t)i;
	p.line = wfm_csv_line(r);
	if (wfm_csv_double(r, col[3], &p.weight, err) || pref_fields(r, col[1], col[2], &p, err))
		return -1;
	if (WFM_CSVLOAD_ROOM(ag->pref, ag->npref)) {
		free(p.shift);
		return wfm_error_set(err, "out of memory");
	}
	ag->pref[ag->npref++] = p;
	return 0;
}

int wfm_agents_load_preferences(wfm_agents *ag, const char *path, wfm_error *err)
{
	static const char *const names[] = { "agent_id", "day", "shift", "weight" };
	int col[4];

	if (wfm_csv_each(path, names, 4, col, pref_row, ag, NULL, err) < 0)
		return -1;
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
