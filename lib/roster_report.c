/* roster_report.c - what wfm-roster says about a roster on stderr: the
 * per-day table against the best and target bounds, the weekly limits,
 * the hour map of uncovered people, the unfilled shifts and overtime,
 * hours against contract, weekly patterns, preferences and fairness; the
 * skill-group and channel shares, the changes to a published roster, the
 * --exact comparison and the --strict message.  Writes to the FILE given;
 * never exits.  Entry points: wfm_roster_report(),
 * wfm_roster_report_changes(), wfm_roster_report_exact(),
 * wfm_roster_strict_error(). */
#include "roster_report.h"
#include "timeutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *wd(int64_t day)
{
	static const char *n[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	return n[wfm_time_weekday(day)];
}

struct stat { double min, max, sum, sq; long n; };

static void stat_add(struct stat *s, double v)
{
	if (!s->n || v < s->min)
		s->min = v;
	if (!s->n || v > s->max)
		s->max = v;
	s->sum += v;
	s->sq += v * v;
	s->n++;
}

static void stat_print(FILE *fp, const char *what, const struct stat *s)
{
	double m = s->n ? s->sum / s->n : 0;
	double sd = s->n ? sqrt(fmax(0, s->sq / s->n - m * m)) : 0;
	fprintf(fp, "  %-28s min %.1f  mean %.2f  max %.1f  sd %.2f  (%ld agents)\n",
		what, s->n ? s->min : 0, m, s->n ? s->max : 0, sd, s->n);
}

/* Per ISO week: the weekly limits where they lower a day's target below
 * its best, and why days are below their target (*). */
static void report_weeks(FILE *fp, const wfm_roster_result *r, const struct wfm_roster_opts *ro)
{
	for (size_t i = 0; i < r->nweeks; i++) {
		const struct wfm_roster_week *w = &r->week[i];
		char a[16];
		int d0 = (int)(w->monday - r->first_day), below = 0;
		for (int d = d0; d < d0 + w->ndays; d++)
			below += r->day[d].filled_min < r->day[d].target_min - 0.03 * r->day[d].planned_min;
		if (w->level >= 1 && !below)
			continue;
		wfm_time_format_date(w->monday, a, sizeof(a));
		fprintf(fp, "week of %s (%d day%s):", a, w->ndays, w->ndays == 1 ? "" : "s");
		if (w->level < 1) {
			fprintf(fp, " at most %d days a week and contract + %g h per agent\n"
				"  let no roster give each of", ro->max_days_week, ro->tol_week_h);
			for (int d = d0; d < d0 + w->ndays; d++)
				if (r->day[d].target_min < r->day[d].bound_min)
					fprintf(fp, " %s", wd(r->first_day + d));
			fprintf(fp, " more than %.0f%% of its planned hours\n", 100 * w->level);
		} else
			fprintf(fp, " the weekly limits lower no day's best\n");
		if (w->lp)
			fprintf(fp, "  (a linear program over %d agent classes; ", w->ncls);
		else
			fprintf(fp, "  (the agents' capacity alone: %d agent classes are too many for the\n"
				"  linear program; ", w->ncls);
		fprintf(fp, "the agents' longest fitting shifts\n  on %d days within contract + %g h give "
			"at most %.0f h, the days' best %.0f h)\n", ro->max_days_week, ro->tol_week_h,
			w->cap_min / 60.0, w->best_min / 60.0);
		if (below)
			fprintf(fp, "  %d day%s below the target (*): the heuristic, with %ld of %ld agent-days\n"
				"  worked (%.0f%%)%s\n", below, below == 1 ? "" : "s", w->adays_used, w->adays,
				w->adays ? 100.0 * w->adays_used / w->adays : 100.0,
				w->adays_used * 100 >= w->adays * 95 ?
				": more hours would need longer shifts on those days than the\n"
				"  fill, which takes the worst-covered hours first, chose" : "");
	}
}

static void report_days(FILE *fp, const wfm_roster_result *r, const wfm_agents *ag,
			const struct wfm_roster_opts *ro, long *plannedp, long *filledp)
{
	double fmin = -1, fmax = -1, ph = 0, fh = 0, ub = -1;
	int dmin = 0, dmax = 0, nbelow = 0, nempty = 0, dub = -1;
	char a[16], b[16];
	long planned = 0, filled = 0, bound = 0;

	for (int d = 0; d < r->ndays; d++) {
		planned += r->day[d].planned;
		filled += r->day[d].filled;
		bound += r->day[d].bound;
	}
	wfm_time_format_date(r->first_day, a, sizeof(a));
	wfm_time_format_date(r->first_day + r->ndays - 1, b, sizeof(b));
	fprintf(fp, "roster %s .. %s: %zu agents, %ld shifts planned, %ld filled, %ld unfilled\n",
		a, b, ag->n, planned, filled, planned - filled);
	fprintf(fp, "method: days-on pattern balancing the covered share of each day's target\n"
		"hours (two consecutive days off kept), then per day the shift whose hours are\n"
		"least covered first + augmenting paths, then the day least filled against its\n"
		"target first; bounds: per-day maximum weight matching with day-local rules\n"
		"(best), lowered by the weekly limits (target)\n\n");
	fprintf(fp, "date        day  planned  filled  unfilled  bound  planned_h  filled_h  fill  best  target\n");
	for (int d = 0; d < r->ndays; d++) {
		double p = r->day[d].planned_min / 60.0, f = r->day[d].filled_min / 60.0;
		double pc = p > 0 ? 100 * f / p : 100;
		double best = p > 0 ? 100.0 * r->day[d].bound_min / r->day[d].planned_min : 100;
		double tg = p > 0 ? 100.0 * r->day[d].target_min / r->day[d].planned_min : 100;
		wfm_time_format_date(r->first_day + d, a, sizeof(a));
		fprintf(fp, "%s  %s  %7ld  %6ld  %8ld  %5ld  %9.1f  %8.1f", a, wd(r->first_day + d),
			r->day[d].planned, r->day[d].filled, r->day[d].planned - r->day[d].filled,
			r->day[d].bound, p, f);
		if (p <= 0)     /* nothing planned: no share to speak of */
			fprintf(fp, "     -     -       -\n");
		else
			fprintf(fp, "  %3.0f%%  %3.0f%%  %5.0f%%%s\n", pc, best, tg, pc < tg - 3 ? " *" : "");
		nempty += p <= 0;
		nbelow += pc < tg - 3;
		ph += p;
		fh += f;
		if (p <= 0)
			continue;
		if (fmin < 0 || pc < fmin) {
			fmin = pc;
			dmin = d;
		}
		if (fmax < 0 || pc > fmax) {
			fmax = pc;
			dmax = d;
		}
		if (ub < 0 || tg < ub) {
			ub = tg;
			dub = d;
		}
	}
	fprintf(fp, "total            %7ld  %6ld  %8ld  %5ld  %9.1f  %8.1f  %3.0f%%  (filled/bound %.1f%%)\n",
		planned, filled, planned - filled, bound, ph, fh, ph > 0 ? 100 * fh / ph : 100,
		bound ? 100.0 * filled / bound : 100.0);
	if (nempty)
		fprintf(fp, "%d day%s with nothing planned (shares shown as -): is the plan's span the "
			"roster's?\n", nempty, nempty == 1 ? "" : "s");
	wfm_time_format_date(r->first_day + dmin, a, sizeof(a));
	wfm_time_format_date(r->first_day + dmax, b, sizeof(b));
	fprintf(fp, "filled share of planned hours: min %.0f%% (%s %s), max %.0f%% (%s %s)\n",
		fmin, a, wd(r->first_day + dmin), fmax, b, wd(r->first_day + dmax));
	fprintf(fp, "best: the most of the day's planned hours any roster could fill under the\n"
		"day-local rules (availability, window, length, skills; a maximum weight\n"
		"matching of agents and the day's shifts); target: best, lowered where the\n"
		"weekly limits cannot give every day of the ISO week its best (max-min);\n"
		"%d day%s more than 3 points below the target (*)\n",
		nbelow, nbelow == 1 ? "" : "s");
	report_weeks(fp, r, ro);
	if (dub >= 0) {
		wfm_time_format_date(r->first_day + dub, a, sizeof(a));
		fprintf(fp, "bound on the worst day's share: %.0f%% (%s %s: %s)\n", ub, a, wd(r->first_day + dub),
			r->day[dub].target_min < r->day[dub].bound_min ? "the weekly limits" :
			"its available agents, day-local rules");
	}
	*plannedp = planned;
	*filledp = filled;
}

/* Uncovered share of the planned people on shift, by hour. */
static void report_hours(FILE *fp, const wfm_roster_result *r, const double *hreq, const double *hsch)
{
	char a[16];

	{
		fprintf(fp, "\nuncovered share of the planned people on shift, by hour (0-9 tenths,\n"
			"# all, . none, blank nothing planned):\n            day  00    04    08    12    16    20\n");
		for (int d = 0; d < r->ndays; d++) {
			char strip[25];
			int worst = -1;
			double ws = 0;
			for (int h = 0; h < 24; h++) {
				double q = hreq[d * 24 + h], u = q - hsch[d * 24 + h];
				double sh = q > 1e-9 ? (u > 0 ? u : 0) / q : 0;
				strip[h] = q <= 1e-9 ? ' ' : sh < 0.05 ? '.' : sh >= 0.95 ? '#' : (char)('0' + (int)lround(sh * 10));
				if (q > 1e-9 && sh > ws + 1e-9) {
					ws = sh;
					worst = h;
				}
			}
			strip[24] = 0;
			wfm_time_format_date(r->first_day + d, a, sizeof(a));
			if (worst >= 0)
				fprintf(fp, "%s  %s  %s  worst %02d:00 %.0f%% short\n", a, wd(r->first_day + d), strip, worst, 100 * ws);
			else
				fprintf(fp, "%s  %s  %s\n", a, wd(r->first_day + d), strip);
		}
	}
}

/* Unfilled shifts and the overtime they need; returns its paid hours. */
static double report_unfilled(FILE *fp, const wfm_roster_result *r, long nunfilled)
{
	char a[16], x[8], y[8];
	double over_h = 0;

	if (r->nunfilled) {
		fprintf(fp, "\nunfilled shifts (overtime needed):\n");
		for (size_t i = 0; i < r->nunfilled; i++) {
			const struct wfm_shift *s = &r->unfilled[i];
			double h = s->count * wfm_shift_paid(s) / 60.0;
			wfm_time_format_date(s->day, a, sizeof(a));
			wfm_plan_hhmm(s->start, x);
			wfm_plan_hhmm(s->end, y);
			char b1[8] = "", b2[8] = "", brk[24] = "";
			if (s->bstart >= 0) {
				wfm_plan_hhmm(s->bstart, b1);
				wfm_plan_hhmm(s->bend, b2);
				snprintf(brk, sizeof(brk), "break %s-%s", b1, b2);
			}
			fprintf(fp, "  %s %s %s-%s %-10s %-17s x%-3ld %6.1f h%s%s%s%s\n", a, wd(s->day), x, y, s->name,
				brk, s->count, h, s->group && *s->group ? "  group " : "",
				s->group ? s->group : "", *r->unfilled_why[i] ? "  " : "", r->unfilled_why[i]);
			over_h += h;
		}
		fprintf(fp, "overtime needed: %ld shifts, %.1f paid hours\n", nunfilled, over_h);
	} else
		fprintf(fp, "\nall shifts filled, no overtime needed\n");

	return over_h;
}

/* Paid hours against contract per contract class, and the capacity bound. */
static void report_contract(FILE *fp, const wfm_roster_result *r, const wfm_agents *ag,
			    const struct wfm_roster_opts *ro, double over_h)
{
	double need_h = 0, cap_h = 0;
	long within = 0, under = 0, overc = 0;
	struct stat hrs[3] = { { 0 } };

	{
		double weeks = r->full_weeks && r->full_weeks * 7 == r->ndays ? r->full_weeks : r->ndays / 7.0;
		int full = r->full_weeks * 7 == r->ndays;
		if (full)
			fprintf(fp, "\nhours vs contract (%d ISO week%s, contract -/+ %.0f h a week):\n",
				r->full_weeks, r->full_weeks > 1 ? "s" : "", ro->tol_week_h);
		else
			fprintf(fp, "\nhours vs contract (%d days, pro rata, -/+ 25%%):\n", r->ndays);
		for (size_t i = 0; i < ag->n; i++) {
			double h = r->paid_min[i] / 60.0, t = ag->a[i].contract_h * weeks;
			double tol = full ? ro->tol_week_h * weeks : 0.25 * t;
			int c = ag->a[i].contract_h >= 40 ? 0 : ag->a[i].contract_h >= 30 ? 1 : 2;
			stat_add(&hrs[c], h);
			cap_h += full ? (ag->a[i].contract_h + ro->tol_week_h) * weeks : 1.25 * t;
			if (h < t - tol - 1e-9)
				under++;
			else if (h > t + tol + 1e-9)
				overc++;
			else
				within++;
		}
		for (int c = 0; c < 3; c++)
			if (hrs[c].n) {
				char w[64];
				snprintf(w, sizeof(w), "paid h, contract %s h", c == 0 ? ">=40" : c == 1 ? "30-39" : "<30");
				stat_print(fp, w, &hrs[c]);
			}
		fprintf(fp, "  within tolerance %ld, under %ld, over %ld agents\n", within, under, overc);
		{
			int shown = 0;
			for (size_t i = 0; i < ag->n && shown < 12; i++) {
				double h = r->paid_min[i] / 60.0, t = ag->a[i].contract_h * weeks;
				double tol = full ? ro->tol_week_h * weeks : 0.25 * t;
				if (h >= t - tol - 1e-9)
					continue;
				fprintf(fp, "%s %s %.1f/%.0f", shown ? "," : "  under:", ag->a[i].id, h, t);
				shown++;
			}
			if (shown)
				fprintf(fp, "%s\n", under > shown ? ", ..." : "");
		}
		for (size_t i = 0; i < r->n; i++)
			need_h += wfm_shift_paid(&r->rows[i]) / 60.0;
		fprintf(fp, "  capacity bound: staff can give at most %.0f paid h, plan needs %.0f h "
			"(filled %.0f h, unfilled %.0f h)\n", cap_h, need_h + over_h, need_h, over_h);
	}
}

/* Weekly patterns, preferences, weekends and late shifts per agent. */
static void report_fairness(FILE *fp, const wfm_roster_result *r, const wfm_agents *ag)
{
	struct stat wk = { 0 }, late = { 0 };

	for (size_t i = 0; i < ag->n; i++) {
		if (!r->days[i])
			continue;
		stat_add(&wk, (double)r->weekends[i]);
		stat_add(&late, (double)r->lates[i]);
	}
	if (r->soft_weeks) {
		fprintf(fp, "\nweekly patterns (%ld agent-weeks, ISO weeks wholly in the window):\n", r->soft_weeks);
		fprintf(fp, "  two consecutive days off     %ld of %ld weeks that could have them (%.0f%%; "
			"%ld weeks with 2+ days off)\n", r->soft_off2_consec, r->soft_off2_could,
			r->soft_off2_could ? 100.0 * r->soft_off2_consec / r->soft_off2_could : 100.0,
			r->soft_off2);
		fprintf(fp, "  starts within an hour        %ld of %ld weeks with 2+ shifts (%.0f%%), "
			"mean spread %.1f h\n", r->soft_stable, r->soft_multi,
			r->soft_multi ? 100.0 * r->soft_stable / r->soft_multi : 100.0,
			r->soft_multi ? r->soft_spread_min / 60 / r->soft_multi : 0.0);
		fprintf(fp, "  whole weekend off            %ld of %ld weeks (%.0f%%)\n", r->soft_weekend_off,
			r->soft_weeks, 100.0 * r->soft_weekend_off / r->soft_weeks);
	}
	if (r->pref_want + r->pref_avoid)
		fprintf(fp, "\npreferences (per day they concern): wanted %ld of %ld met, avoided %ld of %ld kept\n",
			r->pref_want_ok, r->pref_want, r->pref_avoid_ok, r->pref_avoid);
	fprintf(fp, "\nfairness (agents with shifts):\n");
	stat_print(fp, "weekend days per agent", &wk);
	stat_print(fp, "late shifts per agent", &late);
	{
		struct stat all = { 0 };
		long any = 0;
		for (size_t i = 0; i < ag->n; i++)
			any += r->weekends_prev[i];
		for (size_t i = 0; any && i < ag->n; i++)
			stat_add(&all, (double)(r->weekends[i] + r->weekends_prev[i]));
		if (any)
			stat_print(fp, "weekend days, with previous", &all);
	}
}

static void report_main(FILE *fp, const wfm_roster_result *r, const wfm_agents *ag,
			const struct wfm_roster_opts *ro, const double *hreq, const double *hsch)
{
	long planned, filled;

	report_days(fp, r, ag, ro, &planned, &filled);
	if (filled < planned)
		report_hours(fp, r, hreq, hsch);
	report_contract(fp, r, ag, ro, report_unfilled(fp, r, planned - filled));
	report_fairness(fp, r, ag);
}

static int has_skill(const char *list, const char *skill)
{
	size_t n = strlen(skill);
	for (const char *p = list; p && *p;) {
		size_t len = strcspn(p, "|");
		if (len == n && !strncasecmp(p, skill, n))
			return 1;
		p += len + (p[len] == '|');
	}
	return 0;
}

static void share_line(FILE *fp, const struct wfm_roster_share *g)
{
	fprintf(fp, "  %-24s %7ld  %6ld  %9.1f  %8.1f  %3.0f%%\n", g->name, g->planned, g->filled,
		g->planned_min / 60.0, g->filled_min / 60.0,
		g->planned_min ? 100.0 * g->filled_min / g->planned_min : 100.0);
}

/* Plan by skill groups: shares per group and per channel, then per
 * channel the unfilled shifts of the groups holding it. */
static void report_groups(FILE *fp, const wfm_roster_result *r)
{
	char a[16], x[8], y[8];
	fprintf(fp, "\nby skill group (agents whose skills cover the group's; fewest extra skills first):\n"
		"  group                    planned  filled  planned_h  filled_h  fill\n");
	for (size_t i = 0; i < r->ngroup; i++)
		share_line(fp, &r->group[i]);
	fprintf(fp, "by channel (shifts of every group holding it):\n"
		"  channel                  planned  filled  planned_h  filled_h  fill\n");
	for (size_t i = 0; i < r->nchan; i++)
		share_line(fp, &r->chan[i]);
	for (size_t c = 0; c < r->nchan; c++) {
		long n = 0;
		for (size_t i = 0; i < r->nunfilled; i++) {
			const struct wfm_shift *s = &r->unfilled[i];
			if (!has_skill(r->unfilled_need[i], r->chan[c].name))
				continue;
			if (!n++)
				fprintf(fp, "unfilled for %s:\n", r->chan[c].name);
			wfm_time_format_date(s->day, a, sizeof(a));
			wfm_plan_hhmm(s->start, x);
			wfm_plan_hhmm(s->end, y);
			fprintf(fp, "  %s %s %s-%s %-16s x%ld\n", a, wd(s->day), x, y, s->group, s->count);
		}
		if (!n)
			fprintf(fp, "unfilled for %s: none\n", r->chan[c].name);
	}
}


/* The report of r: per day, weeks, hour map, unfilled shifts, contract,
 * patterns, fairness, and the groups' shares when the plan has groups. */
int wfm_roster_report(FILE *fp, const wfm_plan *plan, const wfm_roster_result *r,
		      const wfm_agents *ag, const struct wfm_roster_opts *ro, wfm_error *err)
{
	size_t nh = (size_t)r->ndays * 24;
	double *hreq = malloc((nh + 1) * sizeof(double)), *hsch = malloc((nh + 1) * sizeof(double));
	if (!hreq || !hsch) {
		free(hreq);
		free(hsch);
		wfm_error_set(err, "out of memory");
		return -1;
	}
	wfm_roster_coverage(plan, r->rows, r->n, r->first_day, r->ndays, 3600, hreq, hsch);
	report_main(fp, r, ag, ro, hreq, hsch);
	if (r->ngroup)
		report_groups(fp, r);
	free(hreq);
	free(hsch);
	return 0;
}

/* --exact: the integer program's bound and best roster vs the heuristic. */
void wfm_roster_report_exact(FILE *fp, const struct wfm_rostermip_result *x)
{
	fprintf(fp, "\nexact assignment (%zu agent classes, %zu week patterns, %d pricing rounds%s, %ld simplex "
		"iterations, %.1f s%s):\n", x->classes, x->cols, x->rounds, x->converged ? "" : " (limit)", x->iterations,
		x->seconds, x->time_hit ? ", safety time limit hit" : "");
	fprintf(fp, "  objective: most filled paid hours under the hard rules; bound: LP relaxation of the\n"
		"  week-pattern model%s\n", x->converged ? "" : " (Lagrangian, pricing stopped by its limit)");
	if (x->status == 0)   /* proven: the best found reaches the bound */
		fprintf(fp, "  filled paid hours: heuristic %.1f, optimum %.1f (bound %.1f)\n"
			"  heuristic gap to the optimum %.2f%%\n", x->heuristic_h, x->best_h, x->bound_h,
			x->best_h > 0 ? 100 * (x->best_h - x->heuristic_h) / x->best_h : 0.0);
	else
		fprintf(fp, "  filled paid hours: heuristic %.1f, best found %.1f, bound %.1f\n"
			"  heuristic gap: at most %.2f%% (to the bound), %.2f%% to the best found\n",
			x->heuristic_h, x->best_h, x->bound_h,
			x->bound_h > 0 ? 100 * (x->bound_h - x->heuristic_h) / x->bound_h : 0.0,
			x->best_h > 0 ? 100 * (x->best_h - x->heuristic_h) / x->best_h : 0.0);
	if (!x->heuristic_feasible)
		fprintf(fp, "  (the model rejected the heuristic's roster)\n");
}

/* "changed N of M rows", then each change when list is set. */
void wfm_roster_report_changes(FILE *fp, const wfm_roster_result *r, int list)
{
	fprintf(fp, "\nchanged %zu of %zu rows of the published roster\n", r->nchanges, r->npublished);
	for (size_t i = 0; list && i < r->nchanges; i++) {
		const struct wfm_roster_change *c = &r->changes[i];
		char d[16], o[8] = "-", o2[8] = "", n[8] = "-", n2[8] = "";
		wfm_time_format_date(c->day, d, sizeof(d));
		if (c->old) {
			wfm_plan_hhmm(c->old->start, o);
			wfm_plan_hhmm(c->old->end, o2);
		}
		if (c->new) {
			wfm_plan_hhmm(c->new->start, n);
			wfm_plan_hhmm(c->new->end, n2);
		}
		fprintf(fp, "  %s %s %-8s %5s%s%-5s -> %5s%s%-5s  %s\n", d, wd(c->day), c->agent, o,
			c->old ? "-" : "", o2, n, c->new ? "-" : "", n2, c->why);
	}
}


/* --strict with unfilled shifts: err says how many and the first. */
void wfm_roster_strict_error(const wfm_roster_result *res, wfm_error *err)
{
	const struct wfm_shift *u = &res->unfilled[0];
	char d1[16], h1[8], h2[8];
	long nu = 0;
	for (size_t i = 0; i < res->nunfilled; i++)
		nu += res->unfilled[i].count;
	wfm_time_format_date(u->day, d1, sizeof(d1));
	wfm_plan_hhmm(u->start, h1);
	wfm_plan_hhmm(u->end, h2);
	wfm_error_set(err, "infeasible: %ld shift%s unfilled in %zu plan row%s, the first %s %s %s-%s %s x%ld%s%s",
		      nu, nu == 1 ? "" : "s", res->nunfilled, res->nunfilled == 1 ? "" : "s", d1, wd(u->day), h1, h2,
		      u->name, u->count, u->group && *u->group ? " group " : "", u->group ? u->group : "");
}
