/* staffrun.c - the writers and run steps of wfm-staff (see staffrun.h):
 * requirements.csv and evaluation.csv (their rows through the owner,
 * lib/requirements.c), the daily table of --evaluate,
 * --quantile's sizing, --priority's ranks and the --groups / --carry-over
 * report lines.  Nothing here prints on its own: every writer takes its
 * FILE. */
#include "staffrun.h"
#include "csv.h"
#include "requirements.h"
#include "strlist.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

int wfm_staff_write_requirements(FILE *fp, const wfm_series *s, const wfm_tz *tz,
				 const struct wfm_req *req, const struct wfm_req *point,
				 const wfm_channels *cfg, const int *map, int load)
{
	struct wfm_requirements_format f = wfm_requirements_staff_format;

	f.load = load;
	f.quantile = point != NULL;
	wfm_requirements_write_header(fp, &f);
	for (size_t i = 0; i < s->n; i++) {
		char when[48];
		wfm_time_format(wfm_series_time(s, i), tz, when, sizeof(when));
		for (size_t c = 0; c < s->nchan; c++) {
			const struct wfm_req *r = &req[c * s->n + i];
			const struct wfm_req *p = point ? &point[c * s->n + i] : r;
			struct wfm_requirements_row row = {
				wfm_series_time(s, i), s->channel[c], p->volume, r->aht,
				(double)r->agents, (double)r->gross, r->perf.sl, r->perf.asa,
				r->perf.occupancy, r->perf.abandon,
				r->exact / (1 - cfg->ch[map[c]].shrinkage),
			};
			double q[3] = { r->volume, (double)p->agents, (double)p->gross };
			if (r->skip)
				continue;
			if (wfm_requirements_write_row_at(fp, &f, when, &row, q))
				return -1;
		}
	}
	return 0;
}

int wfm_staff_write_evaluation(FILE *fp, const wfm_series *s, const wfm_tz *tz,
			       const struct wfm_req *req, const struct wfm_eval *ev)
{
	char when[48];

	if (wfm_requirements_write_evaluation_header(fp))
		return -1;
	for (size_t i = 0; i < s->n; i++) {
		wfm_time_format(wfm_series_time(s, i), tz, when, sizeof(when));
		for (size_t c = 0; c < s->nchan; c++) {
			const struct wfm_eval *e = &ev[c * s->n + i];
			struct wfm_evaluation_row row = {
				s->channel[c], req[c * s->n + i].volume, e->agents, e->perf.sl,
				e->sl_target, e->perf.asa, e->perf.occupancy, e->perf.abandon,
			};
			if (!e->skip && wfm_requirements_write_evaluation_row_at(fp, when, &row))
				return -1;
		}
	}
	return 0;
}

void wfm_staff_write_days(FILE *fp, const wfm_series *s, const struct wfm_staff_day *d, long nd)
{
	char date[16];

	fprintf(fp, "date,channel,volume,service_level,sl_target,abandon,met,intervals_below\n");
	for (long k = 0; k < nd; k++) {
		wfm_time_format_date(d[k].day, date, sizeof(date));
		fprintf(fp, "%s,%s,%.0f,%.4f,%.2f,%.4f,%s,%ld/%ld\n", date, s->channel[d[k].chan],
			d[k].volume, d[k].sl, d[k].sl_target, d[k].abandon,
			d[k].sl >= d[k].sl_target - 5e-5 ? "yes" : "no", d[k].below, d[k].intervals);
	}
}

struct wfm_req *wfm_staff_quantile_requirements(const double *lo, const double *hi, const wfm_series *s,
						const wfm_channels *cfg, const int *map,
						const wfm_tz *tz, const struct wfm_staff_opts *so,
						double level, double q, wfm_error *err)
{
	size_t cells = s->nchan * s->n;
	wfm_series *qs = wfm_series_alloc(s->nchan, (const char *const *)s->channel, s->start, s->step,
					  s->n, s->aht != NULL, err);
	struct wfm_req *req = calloc(cells + 1, sizeof(*req));
	int bad = 0;

	if (!qs || !req) {
		wfm_error_set(err, "out of memory");
		bad = 1;
	} else {
		for (size_t k = 0; k < cells; k++) {
			qs->volume[k] = isnan(s->volume[k]) ? NAN :
				wfm_staff_rate_quantile(s->volume[k], lo[k], hi[k], level, q);
			if (s->aht)
				qs->aht[k] = s->aht[k];
		}
		bad = wfm_staff_requirements(qs, cfg, map, tz, so, req, err) != 0;
	}
	if (qs)
		wfm_series_free(qs);
	if (bad) {
		free(req);
		return NULL;
	}
	return req;
}

int wfm_staff_parse_hours(const char *s, struct wfm_staff_opts *so, wfm_error *err)
{
	char a[8], b[8];
	const char *dash = strchr(s, '-');

	if (!dash || dash - s > 5 || strlen(dash + 1) > 5) {
		wfm_error_set(err, "--backlog-hours: \"%s\" is not HH:MM-HH:MM", s);
		return -1;
	}
	memcpy(a, s, (size_t)(dash - s));
	a[dash - s] = 0;
	strcpy(b, dash + 1);
	if (wfm_time_parse_hhmm(a, &so->open_min, err) || wfm_time_parse_hhmm(b, &so->close_min, err) ||
	    so->open_min == so->close_min) {
		wfm_error_set(err, "--backlog-hours: \"%s\" is not HH:MM-HH:MM with start and end apart", s);
		return -1;
	}
	return 0;
}

/* The requirements array (96 bytes per interval and channel, 13 MB for a
 * year of 15-minute intervals x 4 channels), zeroed, on transparent huge
 * pages where the system gives them on request: a few page faults instead
 * of thousands (a third of the run time on a virtual machine). */
struct wfm_req *wfm_staff_req_alloc(size_t cells)
{
	size_t bytes = (cells ? cells : 1) * sizeof(struct wfm_req), huge = (size_t)2 << 20;
	size_t whole = (bytes + huge - 1) / huge * huge;    /* the tail on a huge page too */
	void *p = NULL;

	if (bytes < huge || posix_memalign(&p, huge, whole))
		return calloc(cells ? cells : 1, sizeof(struct wfm_req));
#ifdef MADV_HUGEPAGE
	madvise(p, whole, MADV_HUGEPAGE);
#endif
	memset(p, 0, bytes);
	return p;
}

int wfm_staff_priority_ranks(const char *list, const wfm_series *s, int **out, wfm_error *err)
{
	wfm_strlist l;
	int *rank = malloc(s->nchan * sizeof(int) + 1);

	if (!rank || wfm_strlist_split(list, ',', &l)) {
		free(rank);
		wfm_error_set(err, "out of memory");
		return -1;
	}
	for (size_t c = 0; c < s->nchan; c++)
		rank[c] = (int)l.n;
	for (size_t k = 0; k < l.n; k++) {
		size_t c = 0;
		while (c < s->nchan && strcmp(s->channel[c], l.item[k]))
			c++;
		if (c == s->nchan) {
			wfm_error_set(err, "--priority: \"%s\" is not a channel of the forecast", l.item[k]);
			wfm_strlist_free(&l);
			free(rank);
			return -2;
		}
		rank[c] = (int)k;
	}
	wfm_strlist_free(&l);
	*out = rank;
	return 0;
}

static double hours(const long *v, size_t n, int step)
{
	double sum = 0;

	for (size_t k = 0; k < n; k++)
		sum += (double)v[k];
	return sum * step / 3600;
}

void wfm_staff_write_pooled_report(FILE *fp, const char *prog, const char *groups, long reps,
				   const wfm_series *s, const wfm_channels *cfg, const int *map,
				   const struct wfm_req *req, const wfm_groups *gr,
				   const struct wfm_pooled *pl)
{
	double spec = 0, lb = 0;

	for (size_t i = 0; i < s->n; i++) {
		double sum = 0;
		for (size_t c = 0; c < s->nchan; c++) {
			spec += (double)req[c * s->n + i].agents;
			sum += pl->req[c * s->n + i];
		}
		lb += sum <= 1e-9 ? 0 : ceil(sum - 1e-9);
	}
	fprintf(fp, "%s: %zu skill groups (%s): net agent-hours: each channel its own pool %.1f, "
		"pooled fluid %.1f, pooled after simulation %.1f (%ld agent-intervals added in %d "
		"simulations of %ld replications), skills ignored (lower bound) %.1f\n",
		prog, gr->n, groups, spec * s->step / 3600, hours(pl->fluid, gr->n * s->n, s->step),
		hours(pl->agents, gr->n * s->n, s->step), pl->rep.added, pl->rep.iterations,
		reps, lb * s->step / 3600);
	for (size_t c = 0; c < s->nchan; c++) {
		const struct wfm_channel *ch = &cfg->ch[map[c]];
		if (ch->kind == WFM_BACKLOG)
			fprintf(fp, "%s: %s: simulated share done within %g h %.4f +- %.4f\n", prog,
				s->channel[c], ch->deadline_h, pl->rep.sl_last[c], pl->rep.hw_last[c]);
		else
			fprintf(fp, "%s: %s: simulated SL %.4f +- %.4f on the fluid plan, %.4f +- %.4f "
				"after correction (target %.2f)\n", prog, s->channel[c],
				pl->rep.sl_first[c], pl->rep.hw_first[c], pl->rep.sl_last[c],
				pl->rep.hw_last[c], ch->sl_target);
	}
	fprintf(fp, "%s: intervals x channels under target: %ld on the fluid plan, %ld after correction\n",
		prog, pl->rep.misses_first, pl->rep.misses_last);
}

void wfm_staff_write_carry_report(FILE *fp, const char *prog, long reps, const wfm_series *s,
				  const wfm_channels *cfg, const int *map,
				  const struct wfm_pooled_report *rep)
{
	for (size_t c = 0; c < s->nchan; c++)
		if (cfg->ch[map[c]].kind != WFM_BACKLOG)
			fprintf(fp, "%s: %s: carry-over: simulated SL %.4f +- %.4f on the formula's "
				"agents, %.4f +- %.4f after adding %ld agent-intervals (servers for chat); "
				"intervals under target %ld -> %ld (%d simulations of %ld replications)\n",
				prog, s->channel[c], rep[c].sl_first[0], rep[c].hw_first[0],
				rep[c].sl_last[0], rep[c].hw_last[0], rep[c].added, rep[c].misses_first,
				rep[c].misses_last, rep[c].iterations, reps);
}
