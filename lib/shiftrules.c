/* shiftrules.c - load and check shift rules; enumerate break placements.
 * See shiftrules.h. */
#include "shiftrules.h"
#include "csv.h"
#include "csvload.h"
#include "mem.h"
#include "strlist.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Hours field to whole minutes. */
static int hours_min(const wfm_csv_reader *rd, int col, const char *s, int *out, wfm_error *err)
{
	char *end;
	double h = strtod(s, &end);

	if (!*s || *end || !isfinite(h))
		return wfm_csv_error(rd, col, err, "\"%s\" is not a number of hours", s);
	if (h < 0 || h > 24)
		return wfm_csv_error(rd, col, err, "%s h is outside 0..24", s);
	if (fabs(h * 60 - round(h * 60)) > 1e-6)
		return wfm_csv_error(rd, col, err, "%s h is not a whole number of minutes", s);
	*out = (int)round(h * 60);
	return 0;
}

static int hhmm(const wfm_csv_reader *rd, int col, int *out, wfm_error *err)
{
	wfm_error e = { 0 };

	if (wfm_time_parse_hhmm(wfm_csv_get(rd, col), out, &e) || *out >= 24 * 60)
		return wfm_csv_error(rd, col, err, "\"%s\" is not a time HH:MM before 24:00",
				     wfm_csv_get(rd, col));
	return 0;
}

/* An optional count of shifts (min_count, max_count): -1 when empty. */
static int read_count(const wfm_csv_reader *rd, int col, long *out, wfm_error *err)
{
	*out = -1;
	if (col < 0 || !*wfm_csv_get(rd, col))
		return 0;
	if (wfm_csv_long(rd, col, out, err))
		return -1;
	if (*out < 0)
		return wfm_csv_error(rd, col, err, "%ld is negative", *out);
	if (*out > WFM_MAX_AGENTS)
		return wfm_csv_error(rd, col, err, "%ld is over the maximum of %g", *out, WFM_MAX_AGENTS);
	return 0;
}

static int parse_row(const wfm_csv_reader *rd, const int *col, struct wfm_shiftrule *r,
		     wfm_error *err)
{
	wfm_strlist l;
	double v;
	const char *s;

	memset(r, 0, sizeof(*r));
	r->line = wfm_csv_line(rd);
	s = wfm_csv_get(rd, col[0]);
	if (!*s || strlen(s) >= sizeof(r->name))
		return wfm_csv_error(rd, col[0], err, "shift name is empty or too long");
	strcpy(r->name, s);
	if (wfm_strlist_split(wfm_csv_get(rd, col[1]), '|', &l))
		return wfm_error_set(err, "out of memory");
	if (l.n == 0 || l.n > WFM_SHIFT_MAX_LENGTHS) {
		wfm_strlist_free(&l);
		return wfm_csv_error(rd, col[1], err, "need 1 to %d lengths", WFM_SHIFT_MAX_LENGTHS);
	}
	for (size_t k = 0; k < l.n; k++) {
		if (hours_min(rd, col[1], l.item[k], &r->len[k], err)) {
			wfm_strlist_free(&l);
			return -1;
		}
		if (r->len[k] == 0) {
			wfm_strlist_free(&l);
			return wfm_csv_error(rd, col[1], err, "a shift length of 0 h");
		}
	}
	r->nlen = (int)l.n;
	wfm_strlist_free(&l);
	if (hhmm(rd, col[2], &r->earliest, err) || hhmm(rd, col[3], &r->latest, err))
		return -1;
	if (r->latest < r->earliest)
		return wfm_csv_error(rd, col[3], err, "latest start %s is before earliest start %s",
				     wfm_csv_get(rd, col[3]), wfm_csv_get(rd, col[2]));
	if (wfm_csv_double(rd, col[4], &v, err))
		return -1;
	if (v < 1 || v > 1440 || v != floor(v))
		return wfm_csv_error(rd, col[4], err, "%g is not a whole number of minutes in 1..1440", v);
	r->step = (int)v * 60;
	if (hours_min(rd, col[5], wfm_csv_get(rd, col[5]), &r->break_after, err))
		return -1;
	if (wfm_csv_double(rd, col[6], &v, err))
		return -1;
	if (v < 0 || v > 240 || v != floor(v))
		return wfm_csv_error(rd, col[6], err, "%g is not a whole number of minutes in 0..240", v);
	r->break_len = (int)v;
	s = wfm_csv_get(rd, col[7]);
	if (!strcmp(s, "all") || !*s) {
		r->days = 0x7f;
	} else {
		if (wfm_strlist_split(s, '|', &l))
			return wfm_error_set(err, "out of memory");
		for (size_t k = 0; k < l.n; k++) {
			int w = wfm_time_parse_weekday(l.item[k]);
			if (w < 0) {
				int rc = wfm_csv_error(rd, col[7], err, "\"%s\" is not a weekday", l.item[k]);
				wfm_strlist_free(&l);
				return rc;
			}
			r->days |= 1u << w;
		}
		wfm_strlist_free(&l);
	}
	if (read_count(rd, col[8], &r->min_count, err) || read_count(rd, col[9], &r->max_count, err))
		return -1;
	if (r->max_count >= 0 && r->min_count > r->max_count)
		return wfm_csv_error(rd, col[9], err, "max_count %ld is below min_count %ld",
				     r->max_count, r->min_count);
	if (col[10] >= 0 && *wfm_csv_get(rd, col[10])) {
		s = wfm_csv_get(rd, col[10]);
		if (strcmp(s, "0") && strcmp(s, "1"))
			return wfm_csv_error(rd, col[10], err, "\"%s\" is not 0 or 1", s);
		r->paid_break = s[0] == '1';
	}
	r->break_gap = 120;
	if (col[11] >= 0 && *wfm_csv_get(rd, col[11]) &&
	    hours_min(rd, col[11], wfm_csv_get(rd, col[11]), &r->break_gap, err))
		return -1;
	for (int k = 0; k < r->nlen; k++)
		if (wfm_shiftrules_has_break(r, r->len[k]) &&
		    r->len[k] < 2 * r->break_gap + r->break_len)
			return wfm_csv_error(rd, col[1], err,
					     "a %g h shift with a %d-min break cannot leave %g h of work before and after it",
					     r->len[k] / 60.0, r->break_len, r->break_gap / 60.0);
	return 0;
}

/* One record of rules.csv appended to ctx, a wfm_shiftrules. */
static int load_row(wfm_csv_reader *rd, const int *col, void *ctx, wfm_error *err)
{
	wfm_shiftrules *rs = ctx;
	struct wfm_shiftrule rule;

	if (parse_row(rd, col, &rule, err))
		return -1;
	for (size_t k = 0; k < rs->n; k++)
		if (!strcmp(rs->rule[k].name, rule.name))
			return wfm_csv_error(rd, col[0], err, "duplicate of line %ld", rs->rule[k].line);
	if (WFM_CSVLOAD_ROOM(rs->rule, rs->n))
		return wfm_error_set(err, "out of memory");
	rs->rule[rs->n++] = rule;
	return 0;
}

static void drop(void *rs) { wfm_shiftrules_free(rs); }

static const char *const names[] = { "name", "lengths_h", "earliest_start", "latest_start",
				     "step_min", "break_after_h", "break_min", "days",
				     "?min_count", "?max_count", "?paid_break", "?break_gap_h" };
static const struct wfm_csvload format = { names, 12, load_row, "no shift rules", drop };

wfm_shiftrules *wfm_shiftrules_load(const char *path, wfm_error *err)
{
	wfm_shiftrules *rs = calloc(1, sizeof(*rs));

	if (rs)
		snprintf(rs->file, sizeof(rs->file), "%s", path);
	return wfm_csvload(&format, path, rs, rs, err);
}

void wfm_shiftrules_free(wfm_shiftrules *r)
{
	if (r)
		WFM_FREE(r->rule, r);
}

int wfm_shiftrules_has_break(const struct wfm_shiftrule *r, int len)
{
	return r->break_len > 0 && len >= r->break_after;
}

int wfm_shiftrules_grid(const wfm_shiftrules *rs, int req_s)
{
	int g = req_s / 60;   /* minutes inside: starts and lengths are minutes */

	for (size_t i = 0; i < rs->n; i++) {
		const struct wfm_shiftrule *r = &rs->rule[i];
		g = wfm_time_gcd(g, r->step / 60);
		g = wfm_time_gcd(g, r->earliest);
		for (int k = 0; k < r->nlen; k++) {
			g = wfm_time_gcd(g, r->len[k]);
			if (wfm_shiftrules_has_break(r, r->len[k]))
				g = wfm_time_gcd(wfm_time_gcd(g, r->break_len), r->break_gap);
		}
	}
	return g * 60;
}

int wfm_shiftrules_breaks(const struct wfm_shiftrule *r, int len, int bstep,
			  int *off, int max)
{
	int n = 0;

	if (!wfm_shiftrules_has_break(r, len))
		return 0;
	for (int b = r->break_gap; b + r->break_len + r->break_gap <= len; b += bstep / 60)
		if (n < max)
			off[n++] = b;
	return n;
}
