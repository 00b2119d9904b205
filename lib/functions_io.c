/* functions_io.c - functions.csv and its companions (functions.h): the
 * CSV writer (timestamp,agent_id,name,function) and its reader, --shortfall's
 * timestamp,function,required,assigned,shortfall, the wall view (a letter
 * per agent and interval) and the day's report.  Entry points:
 * wfm_functions_write(), wfm_functions_write_shortfall(),
 * wfm_functions_write_view(), wfm_functions_report(). */
#include "functions.h"
#include "csv.h"
#include "timeutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* UTF-8: bytes of the character that starts with c; display columns of s
 * (one per character: names in Latin or Cyrillic script). */
static size_t u8len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static size_t columns(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* s cut to at most w columns, padded with spaces to w. */
static void put_cols(FILE *fp, const char *s, size_t w)
{
	size_t k = 0;
	while (*s && k < w) {
		size_t l = u8len((unsigned char)*s);
		fwrite(s, 1, strnlen(s, l), fp);
		s += strnlen(s, l);
		k++;
	}
	for (; k < w; k++)
		fputc(' ', fp);
}

/* A letter (one character, up to 4 bytes) per function: the first one of
 * its name not taken by an earlier function; B for BREAK. */
static void letters(const wfm_functions *f, char (*let)[5])
{
	for (size_t c = 0; c < f->nfunc; c++) {
		const char *p = f->func[c];
		strcpy(let[c], c == f->nfunc - 1 ? "B" : "?");
		for (; *p && c + 1 < f->nfunc; p += u8len((unsigned char)*p)) {
			size_t l = strnlen(p, u8len((unsigned char)*p));
			int used = l == 1 && (*p == 'B' || *p == '-' || *p == '.');
			for (size_t k = 0; k < c; k++)
				used |= strlen(let[k]) == l && !memcmp(let[k], p, l);
			if (!used) {
				memcpy(let[c], p, l);
				let[c][l] = 0;
				break;
			}
		}
	}
}

void wfm_functions_write_view(FILE *fp, const wfm_functions *f, const wfm_agents *ag, const char *date)
{
	char (*let)[5] = calloc(f->nfunc, sizeof(*let));
	size_t per = (size_t)(3600 / f->step), namew = 4;
	if (!let)
		return;
	letters(f, let);
	for (size_t j = 0; j < f->nag; j++) {
		size_t l = columns(ag->a[f->agent[j]].name);
		if (l > namew)
			namew = l;
	}
	for (size_t c = 0; c + 1 < f->nfunc; c++)
		if (columns(f->func[c]) > namew)
			namew = columns(f->func[c]);
	if (namew > 24)
		namew = 24;
	fprintf(fp, "functions on %s, %d-minute intervals:", date, f->step / 60);
	for (size_t c = 0; c < f->nfunc; c++)
		fprintf(fp, " %s=%s", let[c], f->func[c]);
	fputs(" -=IDLE .=off\n\n", fp);
	put_cols(fp, "id", 6);
	fputc(' ', fp);
	put_cols(fp, "name", namew);
	for (size_t t = 0; t < f->nint; t += per)
		fprintf(fp, " %02zu%*s", t / per, per > 2 ? (int)per - 2 : 0, "");
	fputs("  blocks\n", fp);
	for (size_t j = 0; j < f->nag; j++) {
		const struct wfm_agent *a = &ag->a[f->agent[j]];
		put_cols(fp, a->id, columns(a->id) > 6 ? columns(a->id) : 6);
		fputc(' ', fp);
		put_cols(fp, a->name, namew);
		for (size_t t = 0; t < f->nint; t++) {
			int g = f->f[t * f->nag + j];
			if (t % per == 0)
				fputc(' ', fp);
			fputs(g == WFM_FUNCTIONS_IDLE ? "-" : g < 0 ? "." : let[g], fp);
			if (per == 1)
				fputc(' ', fp);
		}
		fprintf(fp, "  %d\n", f->blocks[j]);
	}
	fputc('\n', fp);
	for (size_t c = 0; c + 1 < f->nfunc; c++) {
		put_cols(fp, "short", 6);
		fputc(' ', fp);
		put_cols(fp, f->func[c], namew);
		for (size_t t = 0; t < f->nint; t++) {
			double s = f->realtime[c] ? f->req[c * f->nint + t] - f->cov[c * f->nint + t]
				: f->outstanding[c * f->nint + t];
			long v = s > 0.5 ? lround(s) : 0;
			if (t % per == 0)
				fputc(' ', fp);
			if (v > 9)
				fputc('+', fp);
			else
				fputc(v ? (char)('0' + v) : '.', fp);
			if (per == 1)
				fputc(' ', fp);
		}
		fputc('\n', fp);
	}
	free(let);
}

int wfm_functions_write(FILE *fp, const wfm_functions *f, const wfm_agents *ag, const wfm_tz *tz, int header)
{
	char ts[40];
	if (header)
		fputs("timestamp,agent_id,name,function\n", fp);
	for (size_t t = 0; t < f->nint; t++) {
		wfm_time_format(f->start + (int64_t)t * f->step, tz, ts, sizeof(ts));
		for (size_t j = 0; j < f->nag; j++) {
			int g = f->f[t * f->nag + j];
			const struct wfm_agent *a = &ag->a[f->agent[j]];
			if (g == -1)
				continue;
			fputs(ts, fp);
			wfm_csv_write_field(fp, a->id, 0);
			wfm_csv_write_field(fp, a->name, 0);
			fputc(',', fp);
			wfm_csv_write_field(fp, g == WFM_FUNCTIONS_IDLE ? "IDLE" : f->func[g], 1);
			fputc('\n', fp);
		}
	}
	return ferror(fp) ? -1 : 0;
}

static double shortfall(const wfm_functions *f, size_t c, size_t t)
{
	double s = f->realtime[c] ? f->req[c * f->nint + t] - f->cov[c * f->nint + t]
		: f->outstanding[c * f->nint + t];
	return s > 1e-9 ? s : 0;
}

int wfm_functions_write_shortfall(FILE *fp, wfm_functions *const *fs, size_t nd, const wfm_tz *tz)
{
	char ts[40];
	fputs("timestamp,function,required,assigned,shortfall\n", fp);
	for (size_t k = 0; k < nd; k++) {
		const wfm_functions *f = fs[k];
		for (size_t t = 0; t < f->nint; t++) {
			wfm_time_format(f->start + (int64_t)t * f->step, tz, ts, sizeof(ts));
			for (size_t c = 0; c + 1 < f->nfunc; c++)
				fprintf(fp, "%s,%s,%.2f,%.2f,%.2f\n", ts, f->func[c], f->req[c * f->nint + t],
					f->cov[c * f->nint + t], shortfall(f, c, t));
		}
	}
	return ferror(fp) ? -1 : 0;
}

void wfm_functions_report(FILE *fp, const wfm_functions *f, const wfm_tz *tz, const char *date)
{
	char ts[40];
	long bmax = 0;
	double bsum = 0;
	for (size_t j = 0; j < f->nag; j++) {
		bsum += f->blocks[j];
		if (f->blocks[j] > bmax)
			bmax = f->blocks[j];
	}
	fprintf(fp, "functions %s: %zu agents on shift, %zu x %d-min intervals; blocks per agent mean %.2f max %ld\n",
		date, f->nag, f->nint, f->step / 60, f->nag ? bsum / (double)f->nag : 0, bmax);
	for (size_t c = 0; c + 1 < f->nfunc; c++) {
		double req = 0, cov = 0, worst = 0;
		size_t nshort = 0, tw = 0;
		for (size_t t = 0; t < f->nint; t++) {
			double s = shortfall(f, c, t);
			req += f->req[c * f->nint + t] * f->step / 3600.0;
			cov += f->cov[c * f->nint + t] * f->step / 3600.0;
			if (s > 1e-9 && f->realtime[c])
				nshort++;
			if (s > worst) {
				worst = s;
				tw = t;
			}
		}
		wfm_time_format(f->start + (int64_t)tw * f->step, tz, ts, sizeof(ts));
		fputs("  ", fp);
		put_cols(fp, f->func[c], columns(f->func[c]) > 13 ? columns(f->func[c]) : 13);  /* by characters */
		if (f->realtime[c])
			fprintf(fp, " real-time: required %.1f, assigned %.1f agent-hours; short in %zu intervals%s%s (%.1f)\n",
				req, cov, nshort, nshort ? ", worst " : "", nshort ? ts : "", worst);
		else {
			double od = 0;
			for (size_t t = 0; t < f->nint; t++)
				if (f->overdue[c * f->nint + t] > od)
					od = f->overdue[c * f->nint + t];
			/* the day starts with nothing outstanding, so what was done is
			 * what arrived less what is left; assigned time beyond that had
			 * no work waiting (spare capacity parked on the function) */
			double left = shortfall(f, c, f->nint - 1), done = req - left;
			fprintf(fp, " backlog:   arrived %.1f, done %.1f (assigned %.1f, spare %.1f) agent-hours; "
				"outstanding at end of day %.1f agent-hours, oldest %.1f h (deadline %.0f h), "
				"overdue at most %.1f agent-hours\n",
				req, done, cov, cov > done ? cov - done : 0, left,
				f->oldest_h[c * f->nint + f->nint - 1], f->deadline_h[c], od);
			if (f->offhours_h[c] > 0.05)
				fprintf(fp, "  %*s %.1f hours of work (volume x aht_s) arrive while its requirement is 0 "
					"(outside wfm staff's --backlog-hours): it is planned "
					"into the open hours' requirement, so agents with no other open skill are IDLE then\n", 13, "", f->offhours_h[c]);
		}
	}
}


/* ---- reading functions.csv back ---- */

struct wfm_functions_reader {
	wfm_csv_reader *csv;
	int col[4];
};

wfm_functions_reader *wfm_functions_open(const char *path, wfm_error *err)
{
	static const char *const names[] = { "timestamp", "agent_id", "name", "function" };
	wfm_functions_reader *r = calloc(1, sizeof(*r));

	if (!r) {
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	if (!(r->csv = wfm_csv_open_cols(path, names, 4, r->col, err))) {
		free(r);
		return NULL;
	}
	return r;
}

int wfm_functions_next(wfm_functions_reader *r, const wfm_tz *tz, struct wfm_functions_row *row,
		       wfm_error *err)
{
	int rc = wfm_csv_next(r->csv, err);

	if (rc != 1)
		return rc;
	if (wfm_csv_time(r->csv, r->col[0], tz, 0, &row->t, err) < 0)
		return -1;
	row->agent_id = wfm_csv_get(r->csv, r->col[1]);
	row->name = wfm_csv_get(r->csv, r->col[2]);
	row->function = wfm_csv_get(r->csv, r->col[3]);
	row->line = wfm_csv_line(r->csv);
	if (!*row->function)
		return wfm_csv_error(r->csv, r->col[3], err, "empty function");
	return 1;
}

const char *wfm_functions_file(const wfm_functions_reader *r)
{
	return wfm_csv_name(r->csv);
}

void wfm_functions_close(wfm_functions_reader *r)
{
	if (!r)
		return;
	wfm_csv_close(r->csv);
	free(r);
}
