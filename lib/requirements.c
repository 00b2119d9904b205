/* requirements.c - requirements.csv (and evaluation.csv) on a regular
 * per-channel grid.  See requirements.h.  The grid checks are lib/grid.c's,
 * as lib/series.c's (same messages for off-grid rows and the span limits). */
#include "requirements.h"
#include "grid.h"
#include "strlist.h"
#include "csv.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* as lib/series.c: a century, 2^25 cells */
#define NCOL 9      /* the first 6 in requirements.csv, all 9 in evaluation.csv */

/* timestamp, channel, then the numeric columns (all optional: "?") */
static const char *const names[2 + NCOL] = { "timestamp", "channel", "?volume", "?aht_s", "?agents",
	"?agents_gross", "?load", "?asa_s", "?service_level", "?sl_target", "?occupancy" };
#define colname(k) (names[2 + (k)] + 1)

struct rec {
	int64_t t;
	int chan;
	double v[NCOL];
	long line;
};

static const struct wfm_grid_layout layout = WFM_GRID_LAYOUT(struct rec);

struct loader {
	struct rec *recs;
	size_t n, cap;
	struct wfm_grid_names nm;
	int col[2 + NCOL];
	int ncol;                   /* numeric columns read: 6, or NCOL with the evaluation's */
	struct wfm_grid_seen amb;   /* wall times that occur twice */
};

static int read_rec(wfm_csv_reader *r, const wfm_tz *tz, struct loader *ld,
		    struct rec *rec, wfm_error *err)
{
	const int *col = ld->col;
	int amb;

	if ((amb = wfm_csv_time(r, col[0], tz, 0, &rec->t, err)) < 0)
		return -1;
	if ((rec->chan = wfm_grid_channel(&ld->nm, r, col[1], err)) < 0)
		return -1;
	if (amb == WFM_TZ_AMBIGUOUS && wfm_grid_seen_again(&ld->amb, rec->t, rec->chan))
		wfm_csv_time(r, col[0], tz, 1, &rec->t, err);
	for (int k = 0; k < NCOL; k++) {
		int c = col[2 + k];
		rec->v[k] = NAN;
		if (c < 0)
			continue;
		if (k >= 6) {       /* service_level, sl_target, occupancy */
			if (wfm_csv_double_opt(r, c, NAN, &rec->v[k], err))
				return -1;
			if (rec->v[k] < 0 || rec->v[k] > 1)
				return wfm_csv_error(r, c, err, "%g is not a fraction between 0 and 1", rec->v[k]);
		} else if (wfm_csv_quantity(r, c, k == 0 ? WFM_MAX_VOLUME : k == 1 ? WFM_MAX_AHT : WFM_MAX_AGENTS,
				     k == 1 || k == 4 || k == 5, &rec->v[k], err))
			return -1;
	}
	rec->line = wfm_csv_line(r);
	return 0;
}

static int read_all(const char *path, const wfm_tz *tz, struct loader *ld, wfm_error *err)
{
	wfm_csv_reader *r = wfm_csv_open_cols(path, names, 2 + ld->ncol, ld->col, err);
	int rc;

	if (!r)
		return -1;
	for (int k = ld->ncol; k < NCOL; k++)
		ld->col[2 + k] = -1;
	while ((rc = wfm_csv_next(r, err)) > 0) {
		struct rec *p = wfm_grid_room(ld->recs, ld->n, &ld->cap, sizeof(*p));
		if (!p) {
			rc = wfm_error_set(err, "out of memory");
			break;
		}
		ld->recs = p;
		if ((rc = read_rec(r, tz, ld, &ld->recs[ld->n], err)) < 0)
			break;
		ld->n++;
	}
	if (rc == 0 && ld->n == 0)
		rc = wfm_error_at(err, wfm_csv_name(r), 1, NULL, "no data rows");
	wfm_csv_close(r);
	return rc;
}

static int check_grid(const char *path, const wfm_tz *tz, const struct loader *ld,
		      int64_t *tmin, int64_t *tmax, int64_t *step, wfm_error *err)
{
	int64_t gap = wfm_grid_usual_gap(ld->recs, ld->n, &layout, 3600);
	size_t i = wfm_grid_find(ld->recs, ld->n, &layout, 0);

	if (i)
		return wfm_error_at(err, path, ld->recs[i].line, "timestamp", "duplicate of line %ld for channel %s",
				    ld->recs[i - 1].line, ld->nm.name[ld->recs[i].chan]);
	if (wfm_grid_bounds(ld->recs, ld->n, &layout, ld->nm.n, gap, path, tz, "requirements",
			    tmin, tmax, err))
		return -1;
	*step = gap;
	return 0;
}

static void loader_free(struct loader *ld)
{
	wfm_grid_names_free(&ld->nm);
	free(ld->recs);
	free(ld->amb.v);
}

void wfm_requirements_free(wfm_requirements *r)
{
	if (!r)
		return;
	wfm_strlist_free(&(wfm_strlist){ r->channel ? r->nchan : 0, r->channel });
	free(r->volume);
	free(r->aht);
	free(r->agents);
	free(r->agents_gross);
	free(r->load);
	free(r->asa);
	free(r->service_level);
	free(r->sl_target);
	free(r->occupancy);
	free(r->line);
	free(r);
}

static wfm_requirements *build(const char *path, struct loader *ld, int64_t tmin,
			       int64_t tmax, int64_t step, wfm_error *err)
{
	wfm_requirements *r = calloc(1, sizeof(*r));
	size_t n = (size_t)((tmax - tmin) / step) + 1, cells;
	double **arr[NCOL];

	if (!r)
		goto oom;
	arr[0] = &r->volume;
	arr[1] = &r->aht;
	arr[2] = &r->agents;
	arr[3] = &r->agents_gross;
	arr[4] = &r->load;
	arr[5] = &r->asa;
	arr[6] = &r->service_level;
	arr[7] = &r->sl_target;
	arr[8] = &r->occupancy;
	snprintf(r->file, sizeof(r->file), "%s", path);
	r->start = tmin;
	r->step = (int)step;
	r->n = n;
	cells = ld->nm.n * n;
	/* the names move over to r */
	r->channel = ld->nm.name;
	r->nchan = ld->nm.n;
	ld->nm.name = NULL;
	ld->nm.n = 0;
	if (!(r->line = calloc(cells, sizeof(long))))
		goto oom;
	for (int k = 0; k < NCOL; k++) {
		if (ld->col[2 + k] < 0)
			continue;
		if (!(*arr[k] = malloc(cells * sizeof(double))))
			goto oom;
		for (size_t i = 0; i < cells; i++)
			(*arr[k])[i] = NAN;
	}
	for (size_t j = 0; j < ld->n; j++) {
		const struct rec *x = &ld->recs[j];
		size_t i = (size_t)x->chan * n + (size_t)((x->t - tmin) / step);
		r->line[i] = x->line;
		for (int k = 0; k < NCOL; k++)
			if (*arr[k])
				(*arr[k])[i] = x->v[k];
	}
	r->missing = cells - ld->n;
	return r;
oom:
	wfm_requirements_free(r);
	wfm_error_set(err, "out of memory");
	return NULL;
}

static wfm_requirements *load(const char *path, const wfm_tz *tz, int ncol, wfm_error *err)
{
	struct loader ld = { .ncol = ncol };
	wfm_requirements *r = NULL;
	int64_t tmin = 0, tmax = 0, step = 0;

	if (read_all(path, tz, &ld, err) == 0) {
		if (wfm_grid_sort(ld.recs, ld.n, &layout))
			wfm_error_set(err, "out of memory");
		else if (check_grid(!strcmp(path, "-") ? "<stdin>" : path, tz, &ld, &tmin, &tmax,
			       &step, err) == 0)
			r = build(path, &ld, tmin, tmax, step, err);
	}
	loader_free(&ld);
	return r;
}

wfm_requirements *wfm_requirements_load(const char *path, const wfm_tz *tz, wfm_error *err)
{
	return load(path, tz, 6, err);
}

wfm_requirements *wfm_requirements_load_evaluation(const char *path, const wfm_tz *tz, wfm_error *err)
{
	return load(path, tz, NCOL, err);
}

double *wfm_requirements_need(const wfm_requirements *r, const char *column, wfm_error *err)
{
	double *const arr[NCOL] = { r->volume, r->aht, r->agents, r->agents_gross, r->load, r->asa,
				    r->service_level, r->sl_target, r->occupancy };

	for (int k = 0; k < NCOL; k++)
		if (!strcmp(column, colname(k))) {
			if (!arr[k])
				wfm_error_at(err, !strcmp(r->file, "-") ? "<stdin>" : r->file, 1,
					     column, "missing column in the header");
			return arr[k];
		}
	wfm_error_set(err, "no column \"%s\" in requirements", column);
	return NULL;
}

/* ---- writer ---- */

const struct wfm_requirements_format wfm_requirements_staff_format = { 1, 0, 1, 1, 0, 0 };
const struct wfm_requirements_format wfm_requirements_outbound_format = { 0, 2, 0, 0, 0, 0 };

int wfm_requirements_write_header(FILE *fp, const struct wfm_requirements_format *f)
{
	fprintf(fp, "timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy%s%s%s\n",
		f->abandon ? ",abandon" : "", f->load ? ",load" : "",
		f->quantile ? ",volume_q,agents_point,agents_gross_point" : "");
	return ferror(fp) ? -1 : 0;
}

int wfm_requirements_write_row(FILE *fp, const struct wfm_requirements_format *f,
			       const wfm_tz *tz, const struct wfm_requirements_row *r)
{
	return wfm_requirements_write_row_q(fp, f, tz, r, NULL);
}

int wfm_requirements_write_row_q(FILE *fp, const struct wfm_requirements_format *f,
				 const wfm_tz *tz, const struct wfm_requirements_row *r,
				 const double *q)
{
	char when[48];

	wfm_time_format(r->t, tz, when, sizeof(when));
	return wfm_requirements_write_row_at(fp, f, when, r, q);
}

/* ",v" with dec decimals, also when v is not finite ("nan", as printf) */
static char *num(char *p, int dec, double v)
{
	*p++ = ',';
	return p + wfm_csv_format_fixed(p, 399, v, dec);
}

int wfm_requirements_write_row_at(FILE *fp, const struct wfm_requirements_format *f,
				  const char *when, const struct wfm_requirements_row *r,
				  const double *q)
{
	char line[16 * 400 + 1024], *p = line;   /* 400 bytes hold any number */
	size_t wl = strlen(when);
	int cl = wl < 64 ? wfm_csv_plain_field(line + wl + 1, 960, r->channel) : -1;

	if (cl >= 0) {          /* the usual: the whole row in one write */
		memcpy(line, when, wl);
		line[wl] = ',';
		p = line + wl + 1 + cl;
	} else {
		fputs(when, fp);
		wfm_csv_write_field(fp, r->channel, 0);
	}
	p = num(p, 2, r->volume);
	p = num(p, f->aht_dec, r->aht);
	p = num(p, f->agents_dec, r->agents);
	p = num(p, f->agents_dec, r->agents_gross);
	p = wfm_csv_append_fixed(p, r->service_level, 4);
	p = wfm_csv_append_fixed(p, r->asa, f->asa_dec);
	p = wfm_csv_append_fixed(p, r->occupancy, 4);
	if (f->abandon)
		p = wfm_csv_append_fixed(p, r->abandon, 4);
	if (f->load)
		p = wfm_csv_append_fixed(p, r->load, 3);
	if (f->quantile && q) {
		p = num(p, 2, q[0]);
		p = num(p, f->agents_dec, q[1]);
		p = num(p, f->agents_dec, q[2]);
	}
	*p++ = '\n';
	/* the programs are single-threaded: no stream lock per row */
	fwrite_unlocked(line, 1, (size_t)(p - line), fp);
	return ferror_unlocked(fp) ? -1 : 0;
}

int wfm_requirements_write_evaluation_header(FILE *fp)
{
	fputs("timestamp,channel,volume,agents,service_level,sl_target,asa_s,occupancy,abandon\n", fp);
	return ferror(fp) ? -1 : 0;
}

int wfm_requirements_write_evaluation_row_at(FILE *fp, const char *when,
					     const struct wfm_evaluation_row *r)
{
	char line[8 * 400], *p = line;

	fputs(when, fp);
	wfm_csv_write_field(fp, r->channel, 0);
	*p++ = ',';
	p += wfm_csv_format_fixed(p, 399, r->volume, 2);
	*p++ = ',';
	p += wfm_csv_format_fixed(p, 399, r->agents, 2);
	p = wfm_csv_append_fixed(p, r->service_level, 4);
	p = wfm_csv_append_fixed(p, r->sl_target, 2);
	p = wfm_csv_append_fixed(p, r->asa, 1);
	p = wfm_csv_append_fixed(p, r->occupancy, 4);
	p = wfm_csv_append_fixed(p, r->abandon, 4);
	*p++ = '\n';
	fwrite(line, 1, (size_t)(p - line), fp);
	return ferror(fp) ? -1 : 0;
}
