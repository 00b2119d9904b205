/* requirements.c - requirements.csv (and evaluation.csv) on a regular
 * per-channel grid.  See requirements.h.  The reading and the grid checks
 * are lib/grid.c's, as lib/series.c's (same messages for off-grid rows and
 * the span limits): this file has the column table and the writers. */
#include "requirements.h"
#include "grid.h"
#include "mem.h"
#include "csv.h"
#include "timeutil.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define NCOL 9      /* the first 6 in requirements.csv, all 9 in evaluation.csv */

/* The numeric columns (all optional), and where each goes in a
 * wfm_requirements. */
static const struct wfm_grid_col cols[NCOL] = {
	{ "?volume", WFM_GRID_QUANTITY, WFM_MAX_VOLUME },
	{ "?aht_s", WFM_GRID_QUANTITY_OPT, WFM_MAX_AHT },
	{ "?agents", WFM_GRID_QUANTITY, WFM_MAX_AGENTS },
	{ "?agents_gross", WFM_GRID_QUANTITY, WFM_MAX_AGENTS },
	{ "?load", WFM_GRID_QUANTITY_OPT, WFM_MAX_AGENTS },
	{ "?asa_s", WFM_GRID_QUANTITY_OPT, WFM_MAX_AGENTS },
	{ "?service_level", WFM_GRID_FRACTION, 1 },
	{ "?sl_target", WFM_GRID_FRACTION, 1 },
	{ "?occupancy", WFM_GRID_FRACTION, 1 },
};
static const size_t field[NCOL] = {
	offsetof(wfm_requirements, volume), offsetof(wfm_requirements, aht),
	offsetof(wfm_requirements, agents), offsetof(wfm_requirements, agents_gross),
	offsetof(wfm_requirements, load), offsetof(wfm_requirements, asa),
	offsetof(wfm_requirements, service_level), offsetof(wfm_requirements, sl_target),
	offsetof(wfm_requirements, occupancy),
};
#define COLUMN(r, k) (*(double **)((char *)(r) + field[k]))

static const struct wfm_grid_format format = {
	"requirements", "no data rows", "duplicate of line %ld for channel %s",
	3600, cols, NULL,
};

void wfm_requirements_free(wfm_requirements *r)
{
	if (r) {
		wfm_free_strv(r->channel, r->nchan);
		WFM_FREE(r->volume, r->aht, r->agents, r->agents_gross, r->load, r->asa,
			 r->service_level, r->sl_target, r->occupancy, r->line, r);
	}
}

static wfm_requirements *build(const char *path, struct wfm_grid *g, wfm_error *err)
{
	wfm_requirements *r = calloc(1, sizeof(*r));
	size_t cells = g->nchan * g->len;
	double *dst[NCOL];

	if (!r)
		return wfm_oom(err);
	snprintf(r->file, sizeof(r->file), "%s", path);
	r->start = g->start;
	r->step = (int)g->step;
	r->n = g->len;
	/* the names move over to r */
	r->channel = g->name;
	r->nchan = g->nchan;
	g->name = NULL;
	g->nchan = 0;
	if (!(r->line = calloc(cells, sizeof(long))))
		goto oom;
	for (int k = 0; k < NCOL; k++) {
		dst[k] = g->col[k] < 0 ? NULL : (COLUMN(r, k) = wfm_grid_nans(cells));
		if (g->col[k] >= 0 && !dst[k])
			goto oom;
	}
	wfm_grid_place(g, dst, r->line);
	r->missing = cells - g->n;
	return r;
oom:
	wfm_requirements_free(r);
	return wfm_oom(err);
}

static wfm_requirements *load(const char *path, const wfm_tz *tz, int ncol, wfm_error *err)
{
	struct wfm_grid g = { 0 };
	wfm_requirements *r = NULL;

	if (wfm_grid_load(&g, path, tz, &format, ncol, 0, err) == 0)
		r = build(path, &g, err);
	wfm_grid_free(&g);
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
	for (int k = 0; k < NCOL; k++)
		if (!strcmp(column, cols[k].name + 1)) {
			if (!COLUMN(r, k))
				wfm_error_at(err, !strcmp(r->file, "-") ? "<stdin>" : r->file, 1,
					     column, "missing column in the header");
			return COLUMN(r, k);
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
