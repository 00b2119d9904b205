/* outbound_io.c - the writers of lib/outbound.h's plans: the dial plan
 * (timestamp,campaign,region,dials,connects,agents), requirements.csv
 * (channel outbound:<campaign>, through lib/requirements) and the work
 * file of wfm shifts --outbound (job,timestamp,agent_hours,max_agents);
 * and the plan's default length.  Entry points: wfm_outbound_write_dialplan(),
 * wfm_outbound_write_requirements(), wfm_outbound_write_work(),
 * wfm_outbound_days(), wfm_outbound_run_peak(). */
#include "outbound.h"
#include "csv.h"
#include "mem.h"
#include "requirements.h"
#include "timeutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long wfm_outbound_days(const wfm_outbound *ob, int64_t from, const wfm_tz *tz)
{
	struct wfm_tm tm;
	int64_t last = ob->job[0].deadline;
	long days;

	for (size_t j = 1; j < ob->njobs; j++)
		if (ob->job[j].deadline > last)
			last = ob->job[j].deadline;
	wfm_time_local(last - 1, tz, &tm);
	days = (long)(tm.days - from + 1);
	return days < 1 ? 1 : days > 366 ? 366 : days;
}

double wfm_outbound_run_peak(wfm_ob_run *run)
{
	const struct wfm_ob_row *rows;
	size_t n;
	int64_t t;
	double peak = 0;

	while (wfm_outbound_run_step(run, &t, &rows, &n)) {
		double tot = 0;
		for (size_t k = 0; k < n; k++)
			tot += rows[k].agents;
		if (tot > peak)
			peak = tot;
	}
	return peak;
}

/* The planner's dials are fluid (0.01 of a dial in an interval when work
 * is spread over months); the plan lists whole dials: a job dials in an
 * interval as soon as its running fluid total reaches the next whole dial
 * (earliest first), so every dial is written and a job's total is its
 * fluid total rounded up.  connects scale with the dials; agents stay the
 * plan's reservation for the job in the interval, so a capacity holds.
 * Returns the dials written. */
double wfm_outbound_write_dialplan(FILE *fp, const wfm_outbound *ob, wfm_ob_run *run,
				   const wfm_tz *tz, double *peak)
{
	const struct wfm_ob_row *rows;
	size_t n;
	int64_t t;
	char ts[40];
	double *cum = calloc(ob->njobs + 1, sizeof(double)), *done = calloc(ob->njobs + 1, sizeof(double));
	double written = 0;

	fputs("timestamp,campaign,region,dials,connects,agents\n", fp);
	while (cum && done && wfm_outbound_run_step(run, &t, &rows, &n)) {
		double tot = 0;
		wfm_time_format(t, tz, ts, sizeof(ts));
		for (size_t k = 0; k < n; k++) {
			size_t jj = rows[k].job;
			const struct wfm_ob_job *j = &ob->job[jj];
			double d = rows[k].dials, whole;
			tot += rows[k].agents;
			cum[jj] += d;
			whole = ceil(cum[jj] - 1e-6) - done[jj];
			if (d <= 0 || whole < 1)
				continue;
			done[jj] += whole;
			written += whole;
			fputs(ts, fp);
			wfm_csv_write_field(fp, j->campaign, 0);
			wfm_csv_write_field(fp, j->region, 0);
			fprintf(fp, ",%.0f,%.1f,%.2f\n", whole, rows[k].connects * whole / d, rows[k].agents);
		}
		if (tot > *peak)
			*peak = tot;
	}
	if (!cum || !done)
		written = -1;
	WFM_FREE(cum, done);
	return written;
}

int wfm_outbound_write_requirements(FILE *fp, const wfm_outbound *ob, wfm_ob_run *run,
				    const struct wfm_ob_params *p, const wfm_tz *tz,
				    double shrinkage, double *peak, wfm_error *err)
{
	const struct wfm_ob_row *rows;
	size_t n;
	int64_t t;
	char ch[512];
	double *conn = malloc(ob->ncamp * sizeof(double)), *ag = malloc(ob->ncamp * sizeof(double));
	double step = p->step, hold = p->talk + p->wrap;

	if (!conn || !ag) {
		WFM_FREE(conn, ag);
		return wfm_error_set(err, "out of memory");
	}
	wfm_requirements_write_header(fp, &wfm_requirements_outbound_format);
	while (wfm_outbound_run_step(run, &t, &rows, &n)) {
		double tot = 0;
		memset(conn, 0, ob->ncamp * sizeof(double));
		memset(ag, 0, ob->ncamp * sizeof(double));
		for (size_t k = 0; k < n; k++) {
			conn[ob->job[rows[k].job].camp] += rows[k].connects;
			ag[ob->job[rows[k].job].camp] += rows[k].agents;
			tot += rows[k].agents;
		}
		if (tot > *peak)
			*peak = tot;
		for (size_t c = 0; c < ob->ncamp; c++) {
			struct wfm_requirements_row row = {
				t, ch, conn[c], hold, ag[c], ag[c] / (1 - shrinkage), 1, 0,
				ag[c] > 0 ? conn[c] * hold / (ag[c] * step) : 0, NAN, NAN,
			};
			snprintf(ch, sizeof(ch), "outbound:%s", ob->campaign[c]);
			wfm_requirements_write_row(fp, &wfm_requirements_outbound_format, tz, &row);
		}
	}
	WFM_FREE(conn, ag);
	return 0;
}

/* Flexible work for wfm shifts --outbound: per job (campaign/region) the
 * intervals it may dial in (window open, ending by the deadline) and the
 * agent-hours the plan spends on it (at the level found, or with the
 * capacity given: in predictive mode the agent time per dial depends on
 * the pool), grossed up for shrinkage. */
void wfm_outbound_write_work(FILE *fp, const wfm_outbound *ob, const struct wfm_ob_params *p,
			     const struct wfm_ob_jobsum *u, const wfm_tz *tz, int64_t now,
			     double shrinkage)
{
	char ts[40], name[512];

	fputs("job,timestamp,agent_hours,max_agents\n", fp);
	for (size_t j = 0; j < ob->njobs; j++) {
		const struct wfm_ob_job *jb = &ob->job[j];
		double h = u[j].agent_s / 3600 / (1 - shrinkage);
		if (h < 0.005)
			continue;
		snprintf(name, sizeof(name), "%s/%s", jb->campaign, jb->region);
		for (size_t i = 0; i < p->nint; i++) {
			int64_t t = p->start + (int64_t)i * p->step;
			if (t < now || t + p->step > jb->deadline || !wfm_outbound_open(ob, j, t, p->step))
				continue;
			wfm_csv_write_field(fp, name, 1);
			wfm_time_format(t, tz, ts, sizeof(ts));
			fprintf(fp, ",%s,%.2f,\n", ts, h);
		}
	}
}

