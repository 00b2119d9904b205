/* groupreq.c - group-req.csv reader and writer.  See groupreq.h. */
#include "groupreq.h"
#include "agents.h"
#include "csv.h"
#include "timeutil.h"

#include <stdlib.h>
#include <string.h>

static void skills_of(const wfm_groups *gr, size_t g, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = 0;
	for (size_t k = 0; k < gr->g[g].nskill && len < size; k++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", k ? "|" : "",
					gr->channel[gr->g[g].skill[k]]);
}

int wfm_groupreq_write(FILE *fp, const wfm_tz *tz, int64_t start, int step, size_t n,
		       const wfm_groups *gr, const long *agents, const long *gross,
		       const long *fluid)
{
	char when[48], sk[1024];

	fputs("timestamp,group,skills,agents,agents_gross,agents_fluid\n", fp);
	for (size_t i = 0; i < n; i++) {
		wfm_time_format(start + (int64_t)i * step, tz, when, sizeof(when));
		for (size_t g = 0; g < gr->n; g++) {
			fputs(when, fp);
			wfm_csv_write_field(fp, gr->g[g].name, 0);
			skills_of(gr, g, sk, sizeof(sk));
			wfm_csv_write_field(fp, sk, 0);
			fprintf(fp, ",%ld,", agents[g * n + i]);
			if (gross)
				fprintf(fp, "%ld", gross[g * n + i]);
			fputc(',', fp);
			if (fluid)
				fprintf(fp, "%ld", fluid[g * n + i]);
			fputc('\n', fp);
		}
	}
	return ferror(fp) ? -1 : 0;
}

static int read_row(wfm_csv_reader *r, const int *col, const wfm_tz *tz, int64_t start,
		    int step, size_t n, const wfm_groups *gr, long *agents, long *line,
		    wfm_error *err)
{
	int64_t t;
	long g, v, i;
	int amb = wfm_csv_time(r, col[0], tz, 0, &t, err);

	if (amb < 0)
		return -1;
	if ((g = wfm_groups_find(gr, wfm_csv_get(r, col[1]))) < 0)
		return wfm_csv_error(r, col[1], err, "\"%s\" is not a group of %s",
				     wfm_csv_get(r, col[1]), gr->file);
	if (wfm_csv_long(r, col[2], &v, err))
		return -1;
	if (v < 0 || v > 10000000)
		return wfm_csv_error(r, col[2], err, "%ld is out of range", v);
	if ((t - start) % step)
		return wfm_csv_error(r, col[0], err, "not on the requirements' %d-minute grid", step / 60);
	i = (long)((t - start) / step);
	/* a wall time that occurs twice: the first row is the first occurrence */
	if (amb == WFM_TZ_AMBIGUOUS && i >= 0 && (size_t)i < n && line[g * (long)n + i] &&
	    wfm_csv_time(r, col[0], tz, 1, &t, err) >= 0)
		i = (long)((t - start) / step);
	if (i < 0 || (size_t)i >= n)
		return wfm_csv_error(r, col[0], err, "outside the requirements' time range");
	if (line[g * (long)n + i])
		return wfm_csv_error(r, col[1], err, "group %s again for this interval (line %ld)",
				     gr->g[g].name, line[g * (long)n + i]);
	line[g * (long)n + i] = wfm_csv_line(r);
	agents[g * (long)n + i] = v;
	return 0;
}

int wfm_groupreq_load(const char *path, const wfm_tz *tz, int64_t start, int step, size_t n,
		      const wfm_groups *gr, long *agents, wfm_error *err)
{
	wfm_csv_reader *r = wfm_csv_open(path, err);
	long *line = calloc(gr->n * n + 1, sizeof(long));
	int col[3], rc = -1;

	memset(agents, 0, gr->n * n * sizeof(long));
	if (!r || !line) {
		if (r)
			wfm_error_set(err, "out of memory");
		goto out;
	}
	if ((col[0] = wfm_csv_require(r, "timestamp", err)) < 0 ||
	    (col[1] = wfm_csv_require(r, "group", err)) < 0 ||
	    (col[2] = wfm_csv_require(r, "agents", err)) < 0)
		goto out;
	while ((rc = wfm_csv_next(r, err)) == 1)
		if (read_row(r, col, tz, start, step, n, gr, agents, line, err)) {
			rc = -1;
			break;
		}
out:
	free(line);
	wfm_csv_close(r);
	return rc < 0 ? -1 : 0;
}

wfm_groups *wfm_groupreq_groups(const char *path, const char *const *channel, size_t nchan,
				wfm_error *err)
{
	wfm_csv_reader *r;
	wfm_agents *ag;
	wfm_groups *gr;
	int staff;

	if (!strcmp(path, "-"))
		return wfm_groups_load(path, channel, nchan, err);
	if (!(r = wfm_csv_open(path, err)))
		return NULL;
	staff = wfm_csv_col(r, "group") < 0 && wfm_csv_col(r, "id") >= 0 &&
		wfm_csv_col(r, "skills") >= 0;
	wfm_csv_close(r);
	if (!staff)
		return wfm_groups_load(path, channel, nchan, err);
	if (!(ag = wfm_agents_load(path, channel, nchan, err)))
		return NULL;
	gr = wfm_groups_from_agents(ag, channel, nchan, err);
	wfm_agents_free(ag);
	return gr;
}
