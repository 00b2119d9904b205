/* simulate.c - wfm-simulate: discrete-event check of the staffing formulas
 * for one channel of a requirements file. */
#include "atomic_write.h"
#include "channels.h"
#include "cli.h"
#include "csv.h"
#include "erlang.h"
#include "sim.h"
#include "timeutil.h"

#include <gsl/gsl_errno.h>
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
	"Options:\n"
	"  --channels FILE        channel configuration (required)\n"
	"  --channel NAME         the channel to simulate (default: every erlang_c,\n"
	"                         erlang_a and chat channel, seeds N, N+1, ...)\n"
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
	"\n"
	"Example:\n"
	"  wfm simulate out/requirements.csv --channels data/channels.csv --channel calls \\\n"
	"      --seed 7 --replications 200 --service lognormal --cv 1.0 -o out/sim.csv\n";

struct opts {
	const char *input, *output, *tz, *channels, *channel;
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
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'c': o->channels = optarg; break;
		case 'n': o->channel = optarg; break;
		case 's': o->seed = (unsigned long)wfm_arg_long(prog, "--seed", optarg, 0, 4294967295L); break;
		case 'r': o->reps = wfm_arg_long(prog, "--replications", optarg, 2, 1000000); break;
		case 'C': o->cv = wfm_arg_double(prog, "--cv", optarg, 0.01, 20); break;
		case 'p': o->patience = wfm_arg_double(prog, "--patience", optarg, 0, 1e7); break;
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
	o->input = argv[optind];
}

static void num(FILE *fp, const char *fmt, double v)
{
	fputc(',', fp);
	if (isfinite(v))
		fprintf(fp, fmt, v);
}

/* Simulate channel ch and write its rows; -1 with err on failure. */
static int simulate_channel(const struct opts *o, const struct wfm_channel *ch, const wfm_tz *tz,
			    unsigned long seed, FILE *fp, wfm_error *err)
{
	struct wfm_sim_plan pl;
	struct wfm_sim_params sp;
	wfm_sim *sim;
	double wf = 0, ws = 0, wv = 0, conc, patience = o->patience;

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
	sp = (struct wfm_sim_params){ pl.n, pl.step, pl.volume, pl.aht, pl.agents,
		o->lognormal ? o->cv : 0, patience, ch->sl_seconds, seed };
	if (!(sim = wfm_sim_init(&sp, err))) {
		wfm_sim_plan_free(&pl);
		return -1;
	}
	for (long r = 0; r < o->reps; r++)
		if (wfm_sim_step(sim) < 0) {
			wfm_sim_done(sim);
			wfm_sim_plan_free(&pl);
			return wfm_error_set(err, "out of memory");
		}
	for (size_t i = 0; i < pl.n; i++) {
		struct wfm_queue_perf f;
		struct wfm_sim_stat st;
		char when[48];
		double a = pl.volume[i] * pl.aht[i] / pl.step;
		if (patience > 0)
			wfm_erlang_a(a, pl.aht[i], patience, pl.agents[i], ch->sl_seconds, &f);
		else
			wfm_erlang_c(a, pl.aht[i], pl.agents[i], ch->sl_seconds, &f);
		wfm_sim_stat(sim, i, &st);
		wfm_time_format(pl.t[i], tz, when, sizeof(when));
		fputs(when, fp);
		wfm_csv_write_field(fp, ch->name, 0);
		fprintf(fp, ",%.2f,%.10g", pl.volume[i], pl.agents[i] / conc);
		num(fp, "%.4f", f.sl);
		num(fp, "%.4f", st.sl);
		num(fp, "%.4f", st.sl_hw);
		num(fp, "%.1f", f.asa);
		num(fp, "%.1f", st.asa);
		num(fp, "%.1f", st.asa_hw);
		num(fp, "%.4f", f.abandon);
		num(fp, "%.4f", st.abandon);
		num(fp, "%.4f", st.abandon_hw);
		fputc('\n', fp);
		if (isfinite(st.sl)) {
			wv += pl.volume[i];
			wf += pl.volume[i] * f.sl;
			ws += pl.volume[i] * st.sl;
		}
	}
	if (wv > 0)
		fprintf(wfm_report(), "%s: %s: volume-weighted SL formula %.4f, simulated %.4f "
			"(%ld replications, %s handle times, patience %g s)\n", prog, ch->name,
			wf / wv, ws / wv, o->reps, o->lognormal ? "lognormal" : "exponential", patience);
	wfm_sim_done(sim);
	wfm_sim_plan_free(&pl);
	return 0;
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

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 2, o.input, o.channels);
	wfm_check_outputs(prog, (const char *[]){ o.input, o.channels }, 2, &o.output, 1);
	gsl_set_error_handler_off();
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
	fputs("timestamp,channel,volume,agents,sl_formula,sl_sim,sl_hw,asa_formula,asa_sim,asa_hw,"
	      "abandon_formula,abandon_sim,abandon_hw\n", fp);
	/* one channel, or every queue channel of channels.csv present in the
	 * requirements (seed + its index, so each is reproducible alone) */
	for (k = 0; k < (int)cfg->n; k++) {
		const struct wfm_channel *ch = &cfg->ch[k];
		if (o.channel ? strcmp(ch->name, o.channel) : ch->kind == WFM_BACKLOG)
			continue;
		if (simulate_channel(&o, ch, tz, o.seed + (o.channel ? 0 : (unsigned long)k), fp, &err)) {
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
	wfm_channels_free(cfg);
	wfm_tz_free(tz);
	return 0;
}
