/* functions.c - wfm-functions: what each agent on shift does each interval. */
#include "agents.h"
#include "atomic_write.h"
#include "channels.h"
#include "cli.h"
#include "csv.h"
#include "functions.h"
#include "plan.h"
#include "strlist.h"
#include "timeutil.h"
#include "gslpolicy.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-functions";

static const char usage[] =
	"Usage: wfm functions ROSTER.csv REQUIREMENTS.csv STAFF.csv --date D [options]\n"
	"       wfm functions ROSTER.csv REQUIREMENTS.csv STAFF.csv --week D [options]\n"
	"\n"
	"Function per agent on shift and interval of a day: one of the requirement\n"
	"channels, upper-cased (any names), BREAK, or IDLE when every channel the\n"
	"agent has a skill for is closed (requirement 0 and no backlog waiting).\n"
	"Real-time channels are covered first (net `agents` of requirements.csv),\n"
	"and every real-time requirement the agents on shift can meet with their\n"
	"skills is met; the rest of the capacity goes to backlog work with the\n"
	"most outstanding load; an agent only gets a skill it has, preferably its\n"
	"primary (first) one, and works at most --max-blocks blocks a day.\n"
	"Shortfall per interval and function: summary on stderr, full table with\n"
	"--shortfall.  Several days (--week, --from/--to) are scheduled one after\n"
	"the other, each on its own (blocks and backlog start afresh), into one file.\n"
	"\n"
	"Options:\n"
	"  --date D               the day to schedule (YYYY-MM-DD); one of --date,\n"
	"                         --week, --from/--to is required\n"
	"  --week D               the 7 days from D\n"
	"  --from D --to E        the days D to E (at most 31)\n"
	"  --step MIN             interval in minutes (15, 30, 60; default: the finest\n"
	"                         the day's shifts and breaks lie on, at most the\n"
	"                         requirements' interval, which it must divide)\n"
	"  --max-blocks N         blocks of one function per agent and day (default 4)\n"
	"  --realtime LIST        real-time channels, comma separated (default: those\n"
	"                         of --channels whose kind is not backlog, else those\n"
	"                         whose requirement rows give an asa_s)\n"
	"  --channels FILE        channels.csv: deadline_h of backlog channels (default 24)\n"
	"                         and, with a kind column, which channels are backlog\n"
	"  --view                 wall schedule: rows agents, columns hours, a letter\n"
	"                         per function, instead of CSV\n"
	"  --shortfall FILE       timestamp,function,required,assigned,shortfall\n"
	"  --tz ZONE              zone of naive timestamps (default $TZ, else UTC)\n"
	"  -o, --output FILE      write FILE atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"output: timestamp,agent_id,name,function (one row per agent on shift and\n"
	"interval).  Real-time shortfall: agents required less assigned; backlog\n"
	"shortfall: agent-hours of work outstanding after the interval.\n"
	"\n"
	"Examples:\n"
	"  wfm functions roster.csv requirements.csv data/staff.csv --date 2026-11-27 -o functions.csv\n"
	"  wfm functions roster.csv requirements.csv data/staff.csv --date 2026-11-27 --view\n";

struct opts {
	const char *roster, *req, *staff, *output, *tz, *shortfall, *realtime, *channels;
	struct wfm_days days;
	int64_t first, last;
	int realtime_set;
	int view, step, max_blocks;
};

static void parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		WFM_OPT_DAYS,
		{ "step", required_argument, NULL, 's' },
		{ "max-blocks", required_argument, NULL, 'b' },
		{ "realtime", required_argument, NULL, 'r' },
		{ "view", no_argument, NULL, 'W' },
		{ "channels", required_argument, NULL, 'c' },
		{ "shortfall", required_argument, NULL, 'f' },
		{ "tz", required_argument, NULL, 'z' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->max_blocks = 4;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		if (wfm_days_opt(&o->days, c, optarg))
			continue;
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': o->output = optarg; break;
		case 'z': o->tz = optarg; break;
		case 'f': o->shortfall = optarg; break;
		case 'r': o->realtime = optarg; o->realtime_set = 1; break;
		case 'c': o->channels = optarg; break;
		case 'W': o->view = 1; break;
		case 'b': o->max_blocks = (int)wfm_arg_long(prog, "--max-blocks", optarg, 1, 96); break;
		case 's':
			o->step = (int)wfm_arg_long(prog, "--step", optarg, 15, 60);
			if (o->step != 15 && o->step != 30 && o->step != 60)
				wfm_usage_fail(prog, "--step: %d is not 15, 30 or 60", o->step);
			break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 3 != argc)
		wfm_usage_fail(prog, "expected ROSTER.csv REQUIREMENTS.csv STAFF.csv");
	if (!wfm_days_range(prog, &o->days, 31, &o->first, &o->last))
		wfm_usage_fail(prog, "--date (or --week, --from/--to) is required");
	o->roster = argv[optind];
	o->req = argv[optind + 1];
	o->staff = argv[optind + 2];
}

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

static void write_view(FILE *fp, const wfm_functions *f, const wfm_agents *ag, const char *date)
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

/* channels.csv, read by its owner lib/channels.c (the same checks as wfm
 * staff): the deadlines (0 = not a backlog channel: keep the default 24 h)
 * and (unless --realtime) the real-time list, every kind but backlog. */
struct chans { wfm_strlist names; double *deadline; size_t n; char rt[1024]; };

static int load_channels(const char *path, struct chans *ch, wfm_error *err)
{
	wfm_channels *c = wfm_channels_load(path, err);

	memset(ch, 0, sizeof(*ch));
	if (!c)
		return -1;
	if (!(ch->deadline = malloc((c->n + 1) * sizeof(double))) ||
	    !(ch->names.item = calloc(c->n + 1, sizeof(char *)))) {
		wfm_channels_free(c);
		return wfm_error_set(err, "out of memory");
	}
	for (size_t i = 0; i < c->n; i++) {
		const struct wfm_channel *k = &c->ch[i];
		if (!(ch->names.item[i] = strdup(k->name))) {
			wfm_channels_free(c);
			return wfm_error_set(err, "out of memory");
		}
		ch->names.n = ch->n = i + 1;
		ch->deadline[i] = k->deadline_h > 0 ? k->deadline_h : 24;
		if (k->kind != WFM_BACKLOG && strlen(ch->rt) + strlen(k->name) + 2 < sizeof(ch->rt)) {
			if (*ch->rt)
				strcat(ch->rt, ",");
			strcat(ch->rt, k->name);
		}
	}
	wfm_channels_free(c);
	return 0;
}

static int write_csv(FILE *fp, const wfm_functions *f, const wfm_agents *ag, const wfm_tz *tz, int header)
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

/* Written, not yet committed: main commits it with the main output. */
static wfm_atomic *write_shortfall(const char *path, wfm_functions *const *fs, size_t nd,
				   const wfm_tz *tz, wfm_error *err)
{
	wfm_atomic *out = wfm_atomic_open(path, err);
	FILE *fp;
	char ts[40];
	if (!out)
		return NULL;
	fp = wfm_atomic_fp(out);
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
	return out;
}

static void summary(FILE *fp, const wfm_functions *f, const wfm_tz *tz, const char *date)
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

int main(int argc, char **argv)
{
	struct opts o;
	wfm_error err = { 0 };
	wfm_tz *tz;
	wfm_requirements *req;
	wfm_agents *ag;
	wfm_plan *roster;
	wfm_atomic *out, *sf = NULL;
	wfm_strlist rt;
	struct wfm_functions_opts fo;
	const char **known;
	size_t nknown = 0;
	wfm_functions **fs;
	size_t nd, nag = 0;
	char date[16];

	wfm_gsl_policy();
	struct chans ch = { { 0, NULL }, NULL, 0, "" };

	parse_args(argc, argv, &o);
	wfm_stdin_once(prog, 4, o.roster, o.req, o.staff, o.channels);
	wfm_check_outputs(prog, (const char *[]){ o.roster, o.req, o.staff, o.channels }, 4,
			  (const char *[]){ o.shortfall, o.output }, 2);
	if (o.channels) {
		if (load_channels(o.channels, &ch, &err))
			wfm_die(prog, &err);
		if (!o.realtime_set && *ch.rt)
			o.realtime = ch.rt;
	}
	if (wfm_strlist_split(o.realtime ? o.realtime : "", ',', &rt))
		wfm_usage_fail(prog, "out of memory");
	if (!(tz = wfm_tz_open(o.tz, &err)))
		wfm_die(prog, &err);
	if (!(req = wfm_requirements_load(o.req, tz, &err)) || !wfm_requirements_need(req, "agents", &err))
		wfm_die(prog, &err);
	if (!(known = malloc((req->nchan + ch.n + 1) * sizeof(*known)))) {
		wfm_error_set(&err, "out of memory");
		wfm_die(prog, &err);
	}
	for (size_t c = 0; c < req->nchan; c++)
		known[nknown++] = req->channel[c];
	if (o.realtime_set) {   /* a typo would silently make a channel backlog */
		char what[300];
		snprintf(what, sizeof(what), "a channel of %s", o.req);
		wfm_arg_words(prog, "--realtime", (const char *const *)rt.item, rt.n, known,
			      req->nchan, what);
	}
	for (size_t c = 0; c < ch.n; c++)
		known[nknown++] = ch.names.item[c];
	if (!(ag = wfm_agents_load(o.staff, known, nknown, &err)))
		wfm_die(prog, &err);
	if (!(roster = wfm_roster_load(o.roster, &err)))
		wfm_die(prog, &err);
	fo.step = o.step * 60;
	fo.max_blocks = o.max_blocks;
	fo.realtime = o.realtime ? (const char *const *)rt.item : NULL;
	fo.nrealtime = rt.n;
	fo.deadline_name = (const char *const *)ch.names.item;
	fo.deadline_h = ch.deadline;
	fo.ndeadline = ch.n;
	nd = (size_t)(o.last - o.first + 1);
	if (!(fs = calloc(nd, sizeof(*fs)))) {
		wfm_error_set(&err, "out of memory");
		wfm_die(prog, &err);
	}
	for (size_t k = 0; k < nd; k++) {
		if (!(fs[k] = wfm_functions_plan(roster, req, ag, o.first + (int64_t)k, tz, &fo, &err)))
			wfm_die(prog, &err);
		nag += fs[k]->nag;
	}
	wfm_time_format_date(o.first, date, sizeof(date));
	if (!nag) {
		wfm_error_at(&err, o.roster, 0, NULL, "no agent on shift on %s%s", date, nd > 1 ? " or after" : "");
		wfm_die(prog, &err);
	}
	if (o.shortfall && !(sf = write_shortfall(o.shortfall, fs, nd, tz, &err)))
		wfm_die(prog, &err);
	if (!(out = wfm_atomic_open(o.output, &err))) {
		wfm_atomic_abort(sf);
		wfm_die(prog, &err);
	}
	for (size_t k = 0; k < nd; k++) {   /* a stream error shows at commit */
		wfm_time_format_date(o.first + (int64_t)k, date, sizeof(date));
		if (o.view && fs[k]->nag) {
			if (k)
				fputc('\n', wfm_atomic_fp(out));
			write_view(wfm_atomic_fp(out), fs[k], ag, date);
		} else if (!o.view)
			write_csv(wfm_atomic_fp(out), fs[k], ag, tz, k == 0);
	}
	if (wfm_atomic_commit_all((wfm_atomic *[]){ sf, out }, 2, &err))
		wfm_die(prog, &err);
	for (size_t k = 0; k < nd; k++) {
		wfm_time_format_date(o.first + (int64_t)k, date, sizeof(date));
		if (fs[k]->net_zero)
			wfm_warn(prog, "%s: column agents is 0 on %s while agents_gross is not: functions staffs "
				 "the net agents, so every channel is closed and everyone on shift IDLE", o.req, date);
		if (!o.view)
			summary(wfm_report(), fs[k], tz, date);
		wfm_functions_free(fs[k]);
	}
	free(fs);
	wfm_plan_free(roster);
	wfm_agents_free(ag);
	wfm_requirements_free(req);
	free(known);
	wfm_strlist_free(&rt);
	wfm_strlist_free(&ch.names);
	free(ch.deadline);
	wfm_tz_free(tz);
	return 0;
}
