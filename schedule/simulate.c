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
	"  --priority LIST        channels free agents serve first, e.g. calls,chat\n"
	"                         (default: longest waiting, backlog channels last)\n"
	"  --channel NAME         the channel to simulate (default: every erlang_c,\n"
	"                         erlang_a and chat channel, seeds N, N+1, ...)\n"
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
	"        within deadline_h, no target)\n"
	"\n"
	"Example:\n"
	"  wfm simulate out/requirements.csv --channels data/channels.csv --channel calls \\\n"
	"      --seed 7 --replications 200 --service lognormal --cv 1.0 -o out/sim.csv\n"
	"  wfm simulate out/requirements.csv --channels data/channels.csv \\\n"
	"      --groups data/staff.csv --group-staffing out/group-req.csv -o out/sim-groups.csv\n";

struct opts {
	const char *input, *output, *tz, *channels, *channel, *groups, *gstaff, *priority, *forecast;
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
	if (!o->groups != !o->gstaff)
		wfm_usage_fail(prog, "--groups and --group-staffing go together");
	if (o->groups && o->channel)
		wfm_usage_fail(prog, "--channel simulates one channel alone: not with --groups");
	if (o->priority && !o->groups)
		wfm_usage_fail(prog, "--priority needs --groups");
	if (o->forecast && o->groups)
		wfm_usage_fail(prog, "--forecast works channel by channel: not with --groups");
	o->input = argv[optind];
}

static void num(FILE *fp, const char *fmt, double v)
{
	fputc(',', fp);
	if (isfinite(v))
		fprintf(fp, fmt, v);
}

/* --forecast: the band's rate shapes on the forecast's grid. */
struct uncert {
	wfm_series *fc;
	double *lo, *hi;
};

/* Per interval of plan pl: gamma shape of its rate, and its local day. */
static void uncert_of(const struct opts *o, const struct uncert *u, const char *chan,
		      const struct wfm_sim_plan *pl, const wfm_tz *tz, double *shape, long *day)
{
	int c = wfm_series_channel(u->fc, chan);

	for (size_t i = 0; i < pl->n; i++) {
		struct wfm_tm tm;
		int64_t d = pl->t[i] - u->fc->start;
		size_t k;
		wfm_time_local(pl->t[i], tz, &tm);
		day[i] = (long)tm.days;
		shape[i] = INFINITY;
		if (c < 0 || d < 0 || d % u->fc->step || d / u->fc->step >= (int64_t)u->fc->n)
			continue;
		k = (size_t)c * u->fc->n + (size_t)(d / u->fc->step);
		shape[i] = wfm_staff_rate_shape(u->fc->volume[k], u->lo[k], u->hi[k], o->band_level);
	}
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

/* Rows of one simulated channel, and its summary on stderr. */
static void write_channel(const struct opts *o, const struct wfm_channel *ch, const wfm_tz *tz,
			  const struct wfm_sim_plan *pl, double conc, double patience,
			  const wfm_sim *sim, const wfm_sim_met *met, FILE *fp)
{
	double wf = 0, ws = 0, wv = 0;

	for (size_t i = 0; i < pl->n; i++) {
		struct wfm_queue_perf f;
		struct wfm_sim_stat st;
		char when[48];
		double a = pl->volume[i] * pl->aht[i] / pl->step;
		if (patience > 0)
			wfm_erlang_a(a, pl->aht[i], patience, pl->agents[i], ch->sl_seconds, &f);
		else
			wfm_erlang_c(a, pl->aht[i], pl->agents[i], ch->sl_seconds, &f);
		wfm_sim_stat(sim, i, &st);
		wfm_time_format(pl->t[i], tz, when, sizeof(when));
		fputs(when, fp);
		wfm_csv_write_field(fp, ch->name, 0);
		fprintf(fp, ",%.2f,%.10g", pl->volume[i], pl->agents[i] / conc);
		num(fp, "%.4f", f.sl);
		num(fp, "%.4f", st.sl);
		num(fp, "%.4f", st.sl_hw);
		num(fp, "%.1f", f.asa);
		num(fp, "%.1f", st.asa);
		num(fp, "%.1f", st.asa_hw);
		num(fp, "%.4f", f.abandon);
		num(fp, "%.4f", st.abandon);
		num(fp, "%.4f", st.abandon_hw);
		if (met) {
			double pm, hw;
			wfm_sim_met_interval(met, i, &pm, &hw);
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
			wf / wv, ws / wv, o->reps, o->lognormal ? "lognormal" : "exponential", patience);
	if (met)
		day_report(met, ch->name);
}

/* Simulate channel ch and write its rows; -1 with err on failure.  With
 * u, each replication's volumes are drawn from the forecast's uncertainty. */
static int simulate_channel(const struct opts *o, const struct wfm_channel *ch, const wfm_tz *tz,
			    unsigned long seed, const struct uncert *u, FILE *fp, wfm_error *err)
{
	struct wfm_sim_plan pl;
	struct wfm_sim_params sp;
	wfm_sim *sim = NULL;
	wfm_sim_volumes *vd = NULL;
	wfm_sim_met *met = NULL;
	double *vol, *shape, conc, patience = o->patience;
	long *day;

	if (wfm_sim_plan_load(o->input, tz, ch->name, &pl, err))
		return -1;
	/* chat: each agent is `concurrency` servers with the longer handle time */
	conc = ch->kind == WFM_CHAT ? ch->concurrency : 1;
	for (size_t i = 0; i < pl.n; i++) {
		pl.agents[i] *= (long)conc;
		pl.aht[i] *= 1 + o->overhead * (conc - 1);
	}
	if (patience < 0)
		patience = ch->kind == WFM_ERLANG_A ? ch->patience : 0;
	vol = malloc((pl.n + 1) * sizeof(double));
	shape = malloc((pl.n + 1) * sizeof(double));
	day = malloc((pl.n + 1) * sizeof(long));
	if (vol && shape && day) {
		memcpy(vol, pl.volume, pl.n * sizeof(double));
		if (u) {
			uncert_of(o, u, ch->name, &pl, tz, shape, day);
			vd = wfm_sim_volumes_alloc(pl.n, pl.volume, shape, day, o->day_share, seed, err);
			met = vd ? wfm_sim_met_alloc(pl.n, day, ch->sl_target, err) : NULL;
		}
		sp = (struct wfm_sim_params){ pl.n, pl.step, vol, pl.aht, pl.agents,
			o->lognormal ? o->cv : 0, patience, ch->sl_seconds, seed };
		sim = (!u || met) ? wfm_sim_init(&sp, err) : NULL;
	} else
		wfm_error_set(err, "out of memory");
	for (long r = 0; sim && r < o->reps; r++) {
		if (vd)
			memcpy(vol, wfm_sim_volumes_draw(vd), pl.n * sizeof(double));
		if (wfm_sim_step(sim) < 0) {
			wfm_sim_done(sim);
			sim = NULL;
			wfm_error_set(err, "out of memory");
		} else if (met)
			wfm_sim_met_add(met, wfm_sim_counts(sim));
	}
	int ok = sim != NULL;
	if (ok)
		write_channel(o, ch, tz, &pl, conc, patience, sim, met, fp);
	free(vol);
	free(shape);
	free(day);
	wfm_sim_volumes_free(vd);
	wfm_sim_met_free(met);
	wfm_sim_done(sim);
	wfm_sim_plan_free(&pl);
	return ok ? 0 : -1;
}

/* Inputs of the multi-skill simulation, from requirements and channels. */
struct ms {
	wfm_requirements *rq;
	wfm_groups *gr;
	double *vol, *aht, pat[64], slsec[64], target[64];
	long *agents;
	int rank[64], kind[64];
};

static int ms_load(const struct opts *o, const wfm_channels *cfg, const wfm_tz *tz,
		   struct ms *m, wfm_error *err)
{
	size_t n, nc;

	if (!(m->rq = wfm_requirements_load(o->input, tz, err)) ||
	    !wfm_requirements_need(m->rq, "volume", err) || !wfm_requirements_need(m->rq, "aht_s", err))
		return -1;
	n = m->rq->n;
	nc = m->rq->nchan;
	if (nc > 64)
		return wfm_error_at(err, m->rq->file, 0, "channel", "more than 64 channels");
	if (!(m->gr = wfm_groupreq_groups(o->groups, (const char *const *)m->rq->channel, nc, err)))
		return -1;
	m->vol = calloc(nc * n + 1, sizeof(double));
	m->aht = calloc(nc * n + 1, sizeof(double));
	m->agents = calloc(m->gr->n * n + 1, sizeof(long));
	if (!m->vol || !m->aht || !m->agents)
		return wfm_error_set(err, "out of memory");
	for (size_t c = 0; c < nc; c++) {
		int k = wfm_channels_find(cfg, m->rq->channel[c]);
		double f;
		if (k < 0)
			return wfm_error_at(err, m->rq->file, 0, "channel", "\"%s\" is not in %s",
					    m->rq->channel[c], cfg->file);
		m->kind[c] = cfg->ch[k].kind;
		wfm_mssim_channel(&cfg->ch[k], o->overhead, &f, &m->pat[c], &m->slsec[c],
				  &m->target[c], &m->rank[c]);
		if (o->patience >= 0 && m->kind[c] != WFM_BACKLOG)
			m->pat[c] = o->patience;
		for (size_t i = 0; i < n; i++) {
			double v = m->rq->volume[c * n + i], a = m->rq->aht[c * n + i];
			m->vol[c * n + i] = isnan(v) ? 0 : v;
			m->aht[c * n + i] = (isnan(a) || a <= 0 ? cfg->ch[k].aht : a) * f;
		}
	}
	return wfm_groupreq_load(o->gstaff, tz, m->rq->start, m->rq->step, n, m->gr, m->agents, err);
}

static void ms_free(struct ms *m)
{
	wfm_requirements_free(m->rq);
	wfm_groups_free(m->gr);
	free(m->vol);
	free(m->aht);
	free(m->agents);
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

static void ms_write(const struct ms *m, const wfm_mssim *sim, const wfm_tz *tz, long reps, FILE *fp)
{
	const wfm_requirements *rq = m->rq;
	char when[48];

	fputs("timestamp,channel,volume,sl_target,sl_sim,sl_hw,asa_sim,asa_hw,abandon_sim,abandon_hw\n", fp);
	for (size_t i = 0; i < rq->n; i++) {
		wfm_time_format(wfm_requirements_time(rq, i), tz, when, sizeof(when));
		for (size_t c = 0; c < rq->nchan; c++) {
			struct wfm_sim_stat st;
			if (!rq->line[c * rq->n + i])
				continue;
			wfm_mssim_stat(sim, c, i, &st);
			fputs(when, fp);
			wfm_csv_write_field(fp, rq->channel[c], 0);
			fprintf(fp, ",%.2f", m->vol[c * rq->n + i]);
			num(fp, "%.2f", m->target[c] > 0 ? m->target[c] : NAN);
			num(fp, "%.4f", st.sl);
			num(fp, "%.4f", st.sl_hw);
			num(fp, "%.1f", st.asa);
			num(fp, "%.1f", st.asa_hw);
			num(fp, "%.4f", st.abandon);
			num(fp, "%.4f", st.abandon_hw);
			fputc('\n', fp);
		}
	}
	for (size_t c = 0; c < rq->nchan; c++) {
		struct wfm_sim_stat st;
		long below = 0, loaded = 0;
		for (size_t i = 0; i < rq->n; i++) {
			struct wfm_sim_stat si;
			if (m->vol[c * rq->n + i] <= 0)
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
	}
}

static void simulate_groups(const struct opts *o, const wfm_channels *cfg, const wfm_tz *tz,
			    FILE *fp, wfm_atomic *out)
{
	struct ms m = { 0 };
	wfm_error err = { 0 };
	wfm_mssim *sim = NULL;

	if (ms_load(o, cfg, tz, &m, &err)) {
		wfm_atomic_abort(out);
		wfm_die(prog, &err);
	}
	if (o->priority)
		ms_priority(o->priority, &m);
	struct wfm_mssim_params p = { m.rq->n, m.rq->step, m.gr, m.vol, m.aht, m.agents, m.pat,
		m.slsec, m.rank, o->lognormal ? o->cv : 0, o->seed };
	if (!(sim = wfm_mssim_init(&p, &err))) {
		wfm_atomic_abort(out);
		wfm_die(prog, &err);
	}
	for (long r = 0; r < o->reps; r++)
		if (wfm_mssim_step(sim) < 0) {
			wfm_error_set(&err, "out of memory");
			wfm_atomic_abort(out);
			wfm_die(prog, &err);
		}
	ms_write(&m, sim, tz, o->reps, fp);
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
	struct uncert u = { 0 };

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 2, o.input, o.channels);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.channels }, 2, &o.output, 1);
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
	if (o.groups) {
		simulate_groups(&o, cfg, tz, fp, out);
		wfm_channels_free(cfg);
		wfm_tz_free(tz);
		return 0;
	}
	if (o.forecast) {
		if (!(u.fc = wfm_series_load(o.forecast, tz, &err)) ||
		    !(u.lo = malloc((u.fc->nchan * u.fc->n + 1) * sizeof(double))) ||
		    !(u.hi = malloc((u.fc->nchan * u.fc->n + 1) * sizeof(double))) ||
		    wfm_staff_band_load(o.forecast, tz, u.fc, u.lo, u.hi, &err)) {
			if (!err.msg[0])
				wfm_error_set(&err, "out of memory");
			wfm_atomic_abort(out);
			wfm_die(prog, &err);
		}
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
				     o.forecast ? &u : NULL, fp, &err)) {
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
	wfm_series_free(u.fc);
	free(u.lo);
	free(u.hi);
	wfm_channels_free(cfg);
	wfm_tz_free(tz);
	return 0;
}
