/* simulate.c - wfm-simulate: discrete-event check of the staffing formulas
 * for one channel of a requirements file. */
#include "atomic_write.h"
#include "channels.h"
#include "cli.h"
#include "csv.h"
#include "erlang.h"
#include "groupreq.h"
#include "groups.h"
#include "mssim.h"
#include "requirements.h"
#include "series.h"
#include "sim.h"
#include "simcover.h"
#include "simfc.h"
#include "staffing.h"
#include "strlist.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-simulate";

static const char usage[] =
	"Usage: wfm simulate REQUIREMENTS.csv --channels CHANNELS.csv [options]\n"
	"\n"
	"Simulate one channel of a requirements file (its volume, aht_s and agents\n"
	"per interval): Poisson arrivals at each interval's rate, FCFS, exponential\n"
	"or lognormal handle times, exponential patience for erlang_a channels.\n"
	"Prints per interval the formula's service level, ASA and abandonment next\n"
	"to the simulated means with 95% confidence half-widths.  Chat agents are\n"
	"simulated as concurrency servers each, as wfm-staff sizes them.\n"
	"\n"
	"With --groups and --group-staffing, simulate the whole center instead:\n"
	"agents in skill groups, each contact routed to an idle agent with its skill\n"
	"(specialists before generalists, longest idle first), free agents taking\n"
	"the waiting contact of their skills by --priority, then longest waiting.\n"
	"\n"
	"Options:\n"
	"  --channels FILE        channel configuration (required)\n"
	"  --groups FILE          skill groups (groups.csv or staff.csv): multi-skill\n"
	"                         simulation\n"
	"  --group-staffing FILE  agents per group and interval (group-req.csv from\n"
	"                         wfm staff --group-output: timestamp,group,agents)\n"
	"  --group-plan FILE      instead of --group-staffing: a plan.csv or roster.csv\n"
	"                         by skill groups (its group column): the people at\n"
	"                         work, net of the group's largest shrinkage\n"
	"  --priority LIST        channels free agents serve first, e.g. calls,chat\n"
	"                         (default: longest waiting, backlog channels last)\n"
	"  --channel NAME         the channel to simulate (default: every erlang_c,\n"
	"                         erlang_a and chat channel, seeds N, N+1, ...)\n"
	"  --coverage FILE        staff each channel with the people of coverage.csv\n"
	"                         (wfm shifts/roster --coverage): the channel's rows,\n"
	"                         else the pooled ones split by agents_gross, net of\n"
	"                         shrinkage; fractional agents as a mixture of the\n"
	"                         whole numbers around them\n"
	"  --forecast FILE        draw each replication's volumes from the forecast's\n"
	"                         uncertainty (its volume_lo/volume_hi band, read as\n"
	"                         in wfm staff --quantile) and report P(SL met) per\n"
	"                         interval (columns p_met,p_met_hw) and per day\n"
	"  --band-level L         the band's coverage in percent (80)\n"
	"  --day-share R          share of the uncertainty common to a whole day (0.5)\n"
	"  --seed N               random seed (default 1)\n"
	"  --replications R       independent runs of the whole horizon (default 100)\n"
	"  --service exponential|lognormal   handle-time distribution (exponential)\n"
	"  --cv X                 lognormal coefficient of variation (default 1.0)\n"
	"  --patience S           mean patience in s; 0 = none (default: patience_s\n"
	"                         for erlang_a channels, none otherwise)\n"
	"  --chat-overhead X      as in wfm staff (default 0.5)\n"
	"  --tz ZONE              zone of naive timestamps (default $TZ, else UTC)\n"
	"  -o, --output FILE      write FILE atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"output: timestamp,channel,volume,agents,sl_formula,sl_sim,sl_hw,asa_formula,\n"
	"        asa_sim,asa_hw,abandon_formula,abandon_sim,abandon_hw\n"
	"output with --groups: timestamp,channel,volume,sl_target,sl_sim,sl_hw,\n"
	"        asa_sim,asa_hw,abandon_sim,abandon_hw (backlog: sl = share answered\n"
	"        within deadline_h, no target); --forecast adds p_met,p_met_hw\n"
	"\n"
	"Example:\n"
	"  wfm simulate out/requirements.csv --channels data/channels.csv --channel calls \\\n"
	"      --seed 7 --replications 200 --service lognormal --cv 1.0 -o out/sim.csv\n"
	"  wfm simulate out/requirements.csv --channels data/channels.csv \\\n"
	"      --groups data/staff.csv --group-staffing out/group-req.csv -o out/sim-groups.csv\n"
	"  wfm simulate out/requirements.csv --channels data/channels.csv \\\n"
	"      --coverage out/coverage.csv --forecast out/forecast.csv -o out/sim-plan.csv\n";

struct opts {
	const char *input, *output, *tz, *channels, *channel, *groups, *gstaff, *priority, *forecast;
	const char *coverage, *gplan;
	double band_level, day_share;
	unsigned long seed;
	long reps;
	double cv, patience, overhead;
	int lognormal;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		{ "channels", required_argument, NULL, 'c' },
		{ "channel", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "replications", required_argument, NULL, 'r' },
		{ "service", required_argument, NULL, 'd' },
		{ "cv", required_argument, NULL, 'C' },
		{ "patience", required_argument, NULL, 'p' },
		{ "chat-overhead", required_argument, NULL, 'x' },
		{ "tz", required_argument, NULL, 'z' },
		{ "groups", required_argument, NULL, 'g' },
		{ "forecast", required_argument, NULL, 'F' },
		{ "band-level", required_argument, NULL, 'L' },
		{ "day-share", required_argument, NULL, 'D' },
		{ "group-staffing", required_argument, NULL, 'G' },
		{ "priority", required_argument, NULL, 'P' },
		{ "coverage", required_argument, NULL, 'K' },
		{ "group-plan", required_argument, NULL, 'Q' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->seed = 1;
	o->reps = 100;
	o->cv = 1.0;
	o->patience = -1;
	o->overhead = 0.5;
	o->band_level = 0.8;
	o->day_share = 0.5;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'c': o->channels = optarg; break;
		case 'n': o->channel = optarg; break;
		case 'g': o->groups = optarg; break;
		case 'F': o->forecast = optarg; break;
		case 'L': o->band_level = wfm_arg_double(prog, "--band-level", optarg, 1, 99.9) / 100; break;
		case 'D': o->day_share = wfm_arg_double(prog, "--day-share", optarg, 0, 1); break;
		case 'G': o->gstaff = optarg; break;
		case 'P': o->priority = optarg; break;
		case 'K': o->coverage = optarg; break;
		case 'Q': o->gplan = optarg; break;
		case 's': o->seed = (unsigned long)wfm_arg_long(prog, "--seed", optarg, 0, 4294967295L); break;
		case 'r': o->reps = wfm_arg_long(prog, "--replications", optarg, 2, 1000000); break;
		case 'C': o->cv = wfm_arg_double(prog, "--cv", optarg, 0.01, 20); break;
		case 'p': o->patience = wfm_arg_double(prog, "--patience", optarg, 0, DBL_MAX); break;
		case 'x': o->overhead = wfm_arg_double(prog, "--chat-overhead", optarg, 0, 10); break;
		case 'd':
			o->lognormal = wfm_arg_choice(prog, "--service", optarg,
						      (const char *const[]){ "exponential", "lognormal", NULL });
			break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 1 != argc)
		wfm_usage_fail(prog, optind == argc ? "no requirements file given" : "more than one input file");
	if (!o->channels)
		wfm_usage_fail(prog, "--channels is required");
	if (o->gstaff && o->gplan)
		wfm_usage_fail(prog, "--group-staffing or --group-plan, not both");
	if (!o->groups != !(o->gstaff || o->gplan))
		wfm_usage_fail(prog, "--groups and --group-staffing (or --group-plan) go together");
	if (o->coverage && o->groups)
		wfm_usage_fail(prog, "--coverage simulates channel by channel: with --groups use --group-plan");
	if (o->groups && o->channel)
		wfm_usage_fail(prog, "--channel simulates one channel alone: not with --groups");
	if (o->priority && !o->groups)
		wfm_usage_fail(prog, "--priority needs --groups");
	o->input = argv[optind];
	if (o->coverage && (!strcmp(o->input, "-") || !strcmp(o->coverage, "-")))
		wfm_usage_fail(prog, "--coverage reads the requirements and coverage once per channel: "
			       "name files, not '-'");
}

static void num(FILE *fp, const char *fmt, double v)
{
	fputc(',', fp);
	if (isfinite(v))
		fprintf(fp, fmt, v);
}

static void day_report(const wfm_sim_met *m, const char *chan)
{
	for (size_t k = 0; k < wfm_sim_met_ndays(m); k++) {
		long day;
		double p, hw, sl;
		char date[16];
		wfm_sim_met_day(m, k, &day, &p, &hw, &sl);
		wfm_time_format_date(day, date, sizeof(date));
		fprintf(wfm_report(), "%s: %s %s: P(SL met) %.3f +- %.3f (mean day SL %.4f)\n", prog,
			chan, date, p, hw, sl);
	}
}

/* The formula's service with n servers, n fractional: linear between the
 * whole numbers around it, as wfm staff --evaluate. */
static void formula(double a, double aht, double patience, double n, double slsec,
		    struct wfm_queue_perf *f)
{
	long lo = (long)floor(n + 1e-9);
	double w = n - (double)lo;
	struct wfm_queue_perf g;

	for (int k = 0; k < 1 + (w > 1e-9); k++) {
		struct wfm_queue_perf *p = k ? &g : f;
		if (patience > 0)
			wfm_erlang_a(a, aht, patience, lo + k, slsec, p);
		else
			wfm_erlang_c(a, aht, lo + k, slsec, p);
	}
	if (w > 1e-9) {
		f->sl += w * (g.sl - f->sl);
		f->asa += w * (g.asa - f->asa);
		f->abandon += w * (g.abandon - f->abandon);
	}
}

/* One channel's simulation and what it needs. */
struct run {
	struct wfm_sim_plan pl;
	double *vol, *shape, *x, conc, patience;  /* x: coverage's servers, or NULL */
	long *day;
	wfm_sim *sim;
	wfm_sim_volumes *vd;
	wfm_sim_met *met;
	wfm_sim_round *rnd;
};

/* Rows of one simulated channel, and its summary on stderr. */
static void write_channel(const struct opts *o, const struct wfm_channel *ch, const wfm_tz *tz,
			  const struct run *r, FILE *fp)
{
	const struct wfm_sim_plan *pl = &r->pl;
	double wf = 0, ws = 0, wv = 0;

	for (size_t i = 0; i < pl->n; i++) {
		struct wfm_queue_perf f;
		struct wfm_sim_stat st;
		char when[48];
		double n = r->x ? r->x[i] : (double)pl->agents[i];
		formula(pl->volume[i] * pl->aht[i] / pl->step, pl->aht[i], r->patience, n,
			ch->sl_seconds, &f);
		wfm_sim_stat(r->sim, i, &st);
		wfm_time_format(pl->t[i], tz, when, sizeof(when));
		fputs(when, fp);
		wfm_csv_write_field(fp, ch->name, 0);
		fprintf(fp, r->x ? ",%.2f,%.2f" : ",%.2f,%.10g", pl->volume[i], n / r->conc);
		num(fp, "%.4f", f.sl);
		num(fp, "%.4f", st.sl);
		num(fp, "%.4f", st.sl_hw);
		num(fp, "%.1f", f.asa);
		num(fp, "%.1f", st.asa);
		num(fp, "%.1f", st.asa_hw);
		num(fp, "%.4f", f.abandon);
		num(fp, "%.4f", st.abandon);
		num(fp, "%.4f", st.abandon_hw);
		if (r->met) {
			double pm, hw;
			wfm_sim_met_interval(r->met, i, &pm, &hw);
			num(fp, "%.3f", pm);
			num(fp, "%.3f", hw);
		}
		fputc('\n', fp);
		if (isfinite(st.sl)) {
			wv += pl->volume[i];
			wf += pl->volume[i] * f.sl;
			ws += pl->volume[i] * st.sl;
		}
	}
	if (wv > 0)
		fprintf(wfm_report(), "%s: %s: volume-weighted SL formula %.4f, simulated %.4f "
			"(%ld replications, %s handle times, patience %g s)\n", prog, ch->name,
			wf / wv, ws / wv, o->reps, o->lognormal ? "lognormal" : "exponential", r->patience);
	if (r->met)
		day_report(r->met, ch->name);
}

/* Load channel ch's plan (and coverage), scale chat to servers, and set
 * up the simulation, the forecast's draws and the rounding. */
static int run_init(const struct opts *o, const struct wfm_channel *ch, const wfm_tz *tz,
		    unsigned long seed, const wfm_simfc *fc, struct run *r, wfm_error *err)
{
	struct wfm_sim_plan *pl = &r->pl;
	struct wfm_sim_params sp;

	if (wfm_sim_plan_load(o->input, tz, ch->name, pl, err))
		return -1;
	r->vol = malloc((pl->n + 1) * sizeof(double));
	r->shape = malloc((pl->n + 1) * sizeof(double));
	r->day = malloc((pl->n + 1) * sizeof(long));
	if (!r->vol || !r->shape || !r->day || (o->coverage && !(r->x = malloc((pl->n + 1) * sizeof(double)))))
		return wfm_error_set(err, "out of memory");
	if (o->coverage && wfm_simcover_channel(o->coverage, o->input, tz, ch, pl, r->x, err))
		return -1;
	/* chat: each agent is `concurrency` servers with the longer handle time */
	r->conc = ch->kind == WFM_CHAT ? ch->concurrency : 1;
	for (size_t i = 0; i < pl->n; i++) {
		pl->agents[i] *= (long)r->conc;
		pl->aht[i] *= 1 + o->overhead * (r->conc - 1);
		if (r->x)
			r->x[i] *= r->conc;
	}
	r->patience = o->patience >= 0 ? o->patience : ch->kind == WFM_ERLANG_A ? ch->patience : 0;
	memcpy(r->vol, pl->volume, pl->n * sizeof(double));
	if (fc) {
		wfm_simfc_shapes(fc, ch->name, pl->t, pl->n, tz, r->shape, r->day);
		if (!(r->vd = wfm_sim_volumes_alloc(pl->n, pl->volume, r->shape, r->day, o->day_share, seed, err)) ||
		    !(r->met = wfm_sim_met_alloc(pl->n, r->day, ch->sl_target, err)))
			return -1;
	}
	if (r->x && !(r->rnd = wfm_sim_round_alloc(pl->n, r->x, pl->agents, seed, err)))
		return -1;
	sp = (struct wfm_sim_params){ pl->n, pl->step, r->vol, pl->aht, pl->agents,
		o->lognormal ? o->cv : 0, r->patience, ch->sl_seconds, seed };
	return (r->sim = wfm_sim_init(&sp, err)) ? 0 : -1;
}

static void run_free(struct run *r)
{
	free(r->vol);
	free(r->shape);
	free(r->day);
	free(r->x);
	wfm_sim_volumes_free(r->vd);
	wfm_sim_met_free(r->met);
	wfm_sim_round_free(r->rnd);
	wfm_sim_done(r->sim);
	wfm_sim_plan_free(&r->pl);
}

/* Simulate channel ch and write its rows; -1 with err on failure.  With
 * fc, each replication's volumes are drawn from the forecast's
 * uncertainty; with --coverage, its agents from the coverage's. */
static int simulate_channel(const struct opts *o, const struct wfm_channel *ch, const wfm_tz *tz,
			    unsigned long seed, const wfm_simfc *fc, FILE *fp, wfm_error *err)
{
	struct run r = { 0 };
	int rc = run_init(o, ch, tz, seed, fc, &r, err);

	for (long k = 0; !rc && k < o->reps; k++) {
		if (r.vd)
			memcpy(r.vol, wfm_sim_volumes_draw(r.vd), r.pl.n * sizeof(double));
		if (r.rnd)
			wfm_sim_round_draw(r.rnd);
		if (wfm_sim_step(r.sim) < 0)
			rc = wfm_error_set(err, "out of memory");
		else if (r.met)
			wfm_sim_met_add(r.met, wfm_sim_counts(r.sim));
	}
	if (!rc)
		write_channel(o, ch, tz, &r, fp);
	run_free(&r);
	return rc;
}

/* Inputs of the multi-skill simulation, from requirements and channels,
 * on the window [i0, i0 + n) of the requirements' intervals (--group-plan:
 * the plan's days; else all of them). */
struct ms {
	wfm_requirements *rq;
	wfm_groups *gr;
	size_t i0, n;
	double *vol, *vol0, *aht, *x, *shape, pat[64], slsec[64], target[64];
	long *agents, *day;
	int rank[64], kind[64];
	wfm_sim_round *rnd;
	wfm_sim_volumes *vd[64];
	wfm_sim_met *met[64];
};

/* --group-plan: the plan's people per group, net of the largest shrinkage
 * among the group's channels, on the window the plan covers. */
static int ms_plan(const struct opts *o, const wfm_channels *cfg, const wfm_tz *tz, struct ms *m,
		   wfm_error *err)
{
	const wfm_requirements *rq = m->rq;
	size_t G = m->gr->n, first, last;
	double shrink[64] = { 0 };
	double *x = malloc((G * rq->n + 1) * sizeof(double));

	if (G > 64 || !x) {
		free(x);
		return wfm_error_set(err, G > 64 ? "more than 64 skill groups" : "out of memory");
	}
	for (size_t g = 0; g < G; g++)
		for (size_t k = 0; k < m->gr->g[g].nskill; k++) {
			int c = wfm_channels_find(cfg, rq->channel[m->gr->g[g].skill[k]]);
			shrink[g] = fmax(shrink[g], cfg->ch[c].shrinkage);
		}
	if (wfm_simcover_groups(o->gplan, tz, rq->start, rq->step, rq->n, m->gr, shrink, x, &first,
				&last, err)) {
		free(x);
		return -1;
	}
	m->i0 = first;
	m->n = last + 1 - first;
	for (size_t g = 0; g < G; g++)
		memmove(x + g * m->n, x + g * rq->n + first, m->n * sizeof(double));
	m->x = x;
	return (m->rnd = wfm_sim_round_alloc(G * m->n, x, m->agents, o->seed, err)) ? 0 : -1;
}

/* Channel c's volumes and handle times on the window, as simulated. */
static int ms_channel(const struct opts *o, const wfm_channels *cfg, struct ms *m, size_t c,
		      wfm_error *err)
{
	const wfm_requirements *rq = m->rq;
	int k = wfm_channels_find(cfg, rq->channel[c]);
	double f;

	if (k < 0)
		return wfm_error_at(err, rq->file, 0, "channel", "\"%s\" is not in %s", rq->channel[c],
				    cfg->file);
	m->kind[c] = cfg->ch[k].kind;
	wfm_mssim_channel(&cfg->ch[k], o->overhead, &f, &m->pat[c], &m->slsec[c], &m->target[c],
			  &m->rank[c]);
	if (o->patience >= 0 && m->kind[c] != WFM_BACKLOG)
		m->pat[c] = o->patience;
	for (size_t i = 0; i < m->n; i++) {
		double v = rq->volume[c * rq->n + m->i0 + i], a = rq->aht[c * rq->n + m->i0 + i];
		m->vol[c * m->n + i] = m->vol0[c * m->n + i] = isnan(v) ? 0 : v;
		m->aht[c * m->n + i] = (isnan(a) || a <= 0 ? cfg->ch[k].aht : a) * f;
	}
	return 0;
}

/* --forecast: per queue channel its volume draws and P(SL met). */
static int ms_forecast(const struct opts *o, const wfm_simfc *fc, const wfm_tz *tz, struct ms *m,
		       wfm_error *err)
{
	const wfm_requirements *rq = m->rq;
	int64_t *t = malloc((m->n + 1) * sizeof(int64_t));
	double *shape = m->shape = malloc((rq->nchan * m->n + 1) * sizeof(double));
	int rc = -1;

	if (!t || !shape || !(m->day = malloc((m->n + 1) * sizeof(long)))) {
		wfm_error_set(err, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < m->n; i++)
		t[i] = wfm_requirements_time(rq, m->i0 + i);
	for (size_t c = 0; c < rq->nchan; c++) {
		if (m->kind[c] == WFM_BACKLOG)
			continue;
		wfm_simfc_shapes(fc, rq->channel[c], t, m->n, tz, shape + c * m->n, m->day);
		if (!(m->vd[c] = wfm_sim_volumes_alloc(m->n, m->vol0 + c * m->n, shape + c * m->n, m->day,
						       o->day_share, o->seed + c, err)) ||
		    !(m->met[c] = wfm_sim_met_alloc(m->n, m->day, m->target[c], err)))
			goto out;
	}
	rc = 0;
out:
	free(t);
	return rc;
}

static int ms_load(const struct opts *o, const wfm_channels *cfg, const wfm_tz *tz,
		   const wfm_simfc *fc, struct ms *m, wfm_error *err)
{
	size_t nc;

	if (!(m->rq = wfm_requirements_load(o->input, tz, err)) ||
	    !wfm_requirements_need(m->rq, "volume", err) || !wfm_requirements_need(m->rq, "aht_s", err))
		return -1;
	nc = m->rq->nchan;
	m->n = m->rq->n;
	if (nc > 64)
		return wfm_error_at(err, m->rq->file, 0, "channel", "more than 64 channels");
	if (!(m->gr = wfm_groupreq_groups(o->groups, (const char *const *)m->rq->channel, nc, err)))
		return -1;
	if (!(m->agents = calloc(m->gr->n * m->n + 1, sizeof(long))))
		return wfm_error_set(err, "out of memory");
	if (o->gplan ? ms_plan(o, cfg, tz, m, err) :
	    wfm_groupreq_load(o->gstaff, tz, m->rq->start, m->rq->step, m->n, m->gr, m->agents, err))
		return -1;
	m->vol = calloc(nc * m->n + 1, sizeof(double));
	m->vol0 = calloc(nc * m->n + 1, sizeof(double));
	m->aht = calloc(nc * m->n + 1, sizeof(double));
	if (!m->vol || !m->vol0 || !m->aht)
		return wfm_error_set(err, "out of memory");
	for (size_t c = 0; c < nc; c++)
		if (ms_channel(o, cfg, m, c, err))
			return -1;
	return fc ? ms_forecast(o, fc, tz, m, err) : 0;
}
static void ms_free(struct ms *m)
{
	wfm_requirements_free(m->rq);
	wfm_groups_free(m->gr);
	free(m->vol);
	free(m->vol0);
	free(m->aht);
	free(m->x);
	free(m->shape);
	free(m->agents);
	free(m->day);
	wfm_sim_round_free(m->rnd);
	for (size_t c = 0; c < 64; c++) {
		wfm_sim_volumes_free(m->vd[c]);
		wfm_sim_met_free(m->met[c]);
	}
}

static void ms_priority(const char *list, struct ms *m)
{
	wfm_strlist l;

	if (wfm_strlist_split(list, ',', &l)) {
		wfm_error e;
		wfm_error_set(&e, "out of memory");
		wfm_die(prog, &e);
	}
	for (size_t c = 0; c < m->rq->nchan; c++)
		m->rank[c] = (int)l.n;
	for (size_t k = 0; k < l.n; k++) {
		long c = wfm_groups_channel(m->gr, l.item[k]);
		if (c < 0)
			wfm_usage_fail(prog, "--priority: \"%s\" is not a channel of the requirements", l.item[k]);
		m->rank[c] = (int)k;
	}
	wfm_strlist_free(&l);
}

/* Each channel's SL over the horizon on stderr, and P(SL met) per day. */
static void ms_report(const struct ms *m, const wfm_mssim *sim, long reps)
{
	const wfm_requirements *rq = m->rq;

	for (size_t c = 0; c < rq->nchan; c++) {
		struct wfm_sim_stat st;
		long below = 0, loaded = 0;
		for (size_t i = 0; i < m->n; i++) {
			struct wfm_sim_stat si;
			if (m->vol0[c * m->n + i] <= 0)
				continue;
			wfm_mssim_stat(sim, c, i, &si);
			loaded++;
			below += si.sl < m->target[c];
		}
		wfm_mssim_total(sim, c, &st);
		if (m->target[c] > 0)
			fprintf(wfm_report(), "%s: %s: SL %.4f +- %.4f (target %.2f: %s by %.4f), ASA %.1f +- %.1f s, "
				"abandoned %.4f; %ld of %ld loaded intervals under target (%ld replications)\n",
				prog, rq->channel[c], st.sl, st.sl_hw, m->target[c],
				st.sl >= m->target[c] ? "met" : "missed", fabs(st.sl - m->target[c]),
				st.asa, st.asa_hw, st.abandon, below, loaded, reps);
		else
			fprintf(wfm_report(), "%s: %s: share answered within its deadline %.4f +- %.4f\n",
				prog, rq->channel[c], st.sl, st.sl_hw);
		if (m->met[c])
			day_report(m->met[c], rq->channel[c]);
	}
}

static void ms_write(const struct ms *m, const wfm_mssim *sim, const wfm_tz *tz, int fcols, FILE *fp)
{
	const wfm_requirements *rq = m->rq;
	char when[48];

	fputs("timestamp,channel,volume,sl_target,sl_sim,sl_hw,asa_sim,asa_hw,abandon_sim,abandon_hw", fp);
	fputs(fcols ? ",p_met,p_met_hw\n" : "\n", fp);
	for (size_t i = 0; i < m->n; i++) {
		wfm_time_format(wfm_requirements_time(rq, m->i0 + i), tz, when, sizeof(when));
		for (size_t c = 0; c < rq->nchan; c++) {
			struct wfm_sim_stat st;
			double pm = NAN, hw = NAN;
			if (!rq->line[c * rq->n + m->i0 + i])
				continue;
			wfm_mssim_stat(sim, c, i, &st);
			fputs(when, fp);
			wfm_csv_write_field(fp, rq->channel[c], 0);
			fprintf(fp, ",%.2f", m->vol0[c * m->n + i]);
			num(fp, "%.2f", m->target[c] > 0 ? m->target[c] : NAN);
			num(fp, "%.4f", st.sl);
			num(fp, "%.4f", st.sl_hw);
			num(fp, "%.1f", st.asa);
			num(fp, "%.1f", st.asa_hw);
			num(fp, "%.4f", st.abandon);
			num(fp, "%.4f", st.abandon_hw);
			if (fcols) {
				if (m->met[c])
					wfm_sim_met_interval(m->met[c], i, &pm, &hw);
				num(fp, "%.3f", pm);
				num(fp, "%.3f", hw);
			}
			fputc('\n', fp);
		}
	}
}

/* Replications: fresh volumes and rounded agents, then the run. */
static int ms_run(const struct opts *o, struct ms *m, wfm_mssim *sim)
{
	size_t nc = m->rq->nchan;

	for (long r = 0; r < o->reps; r++) {
		for (size_t c = 0; c < nc; c++)
			if (m->vd[c])
				memcpy(m->vol + c * m->n, wfm_sim_volumes_draw(m->vd[c]), m->n * sizeof(double));
		if (m->rnd)
			wfm_sim_round_draw(m->rnd);
		if (wfm_mssim_step(sim) < 0)
			return -1;
		for (size_t c = 0; c < nc; c++)
			if (m->met[c])
				wfm_sim_met_add(m->met[c], wfm_mssim_counts(sim) + c * m->n);
	}
	return 0;
}

static void simulate_groups(const struct opts *o, const wfm_channels *cfg, const wfm_tz *tz,
			    const wfm_simfc *fc, FILE *fp, wfm_atomic *out)
{
	struct ms m = { 0 };
	wfm_error err = { 0 };
	wfm_mssim *sim = NULL;

	if (ms_load(o, cfg, tz, fc, &m, &err)) {
		wfm_atomic_abort(out);
		wfm_die(prog, &err);
	}
	if (o->priority)
		ms_priority(o->priority, &m);
	struct wfm_mssim_params p = { m.n, m.rq->step, m.gr, m.vol, m.aht, m.agents, m.pat,
		m.slsec, m.rank, o->lognormal ? o->cv : 0, o->seed };
	if (!(sim = wfm_mssim_init(&p, &err)) || ms_run(o, &m, sim)) {
		if (sim)
			wfm_error_set(&err, "out of memory");
		wfm_atomic_abort(out);
		wfm_die(prog, &err);
	}
	ms_write(&m, sim, tz, fc != NULL, fp);
	ms_report(&m, sim, o->reps);
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	wfm_mssim_done(sim);
	ms_free(&m);
}

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz;
	wfm_channels *cfg;
	wfm_atomic *out;
	FILE *fp;
	int k, done = 0;
	wfm_simfc *fc = NULL;

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 6, o.input, o.channels, o.forecast, o.coverage, o.gplan, o.gstaff);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.channels, o.forecast, o.coverage, o.gplan,
						  o.gstaff }, 6, &o.output, 1);
	wfm_gsl_policy();
	if (!(tz = wfm_tz_open(o.tz, &err)) || !(cfg = wfm_channels_load(o.channels, &err)))
		wfm_die(prog, &err);
	if (o.channel) {
		if ((k = wfm_channels_find(cfg, o.channel)) < 0) {
			wfm_error_at(&err, o.channels, 0, "channel", "no channel \"%s\"", o.channel);
			wfm_die(prog, &err);
		}
		if (cfg->ch[k].kind == WFM_BACKLOG) {
			wfm_error_at(&err, o.channels, cfg->ch[k].line, "kind",
				     "channel %s is a backlog channel: nothing to simulate", o.channel);
			wfm_die(prog, &err);
		}
	}
	if (!(out = wfm_atomic_open(o.output, &err)))
		wfm_die(prog, &err);
	fp = wfm_atomic_fp(out);
	if (o.forecast && !(fc = wfm_simfc_load(o.forecast, tz, o.band_level, &err))) {
		wfm_atomic_abort(out);
		wfm_die(prog, &err);
	}
	if (o.groups) {
		simulate_groups(&o, cfg, tz, fc, fp, out);
		wfm_simfc_free(fc);
		wfm_channels_free(cfg);
		wfm_tz_free(tz);
		return 0;
	}
	fputs("timestamp,channel,volume,agents,sl_formula,sl_sim,sl_hw,asa_formula,asa_sim,asa_hw,"
	      "abandon_formula,abandon_sim,abandon_hw", fp);
	fputs(o.forecast ? ",p_met,p_met_hw\n" : "\n", fp);
	/* one channel, or every queue channel of channels.csv present in the
	 * requirements (seed + its index, so each is reproducible alone) */
	for (k = 0; k < (int)cfg->n; k++) {
		const struct wfm_channel *ch = &cfg->ch[k];
		if (o.channel ? strcmp(ch->name, o.channel) : ch->kind == WFM_BACKLOG)
			continue;
		if (simulate_channel(&o, ch, tz, o.seed + (o.channel ? 0 : (unsigned long)k),
				     fc, fp, &err)) {
			if (!o.channel && strstr(err.msg, "no rows for channel"))
				continue;
			wfm_atomic_abort(out);
			wfm_die(prog, &err);
		}
		done++;
	}
	if (!done) {
		wfm_atomic_abort(out);
		wfm_error_at(&err, o.input, 0, NULL, "no queue channel of %s has rows", o.channels);
		wfm_die(prog, &err);
	}
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	wfm_simfc_free(fc);
	wfm_channels_free(cfg);
	wfm_tz_free(tz);
	return 0;
}
