/* cli.h - the one command-line style every wfm program shares.
 *
 * Only main() uses this module: it is where errors become messages on
 * stderr and exit codes (0 ok, 1 bad input or infeasible, 2 usage).
 *   --help     usage with an example, to stdout, exit 0
 *   --version  "wfm-NAME (wfm) X.Y.Z", exit 0
 *   misuse     "wfm-NAME: message" and a hint, to stderr, exit 2
 *
 * Entry points: wfm_die(), wfm_usage_fail(), wfm_warn(), wfm_print_version(),
 * wfm_cli_operands(), wfm_cli_tz(), wfm_cli_output(), wfm_cli_outputs(),
 * wfm_cli_commit(), wfm_days_range(), wfm_utf8_columns(), wfm_pad_width();
 * the option table: wfm_opts_next(), wfm_opts_parse() (lib/cli_opts.c) and
 * the shared entries WFM_OPT_*.
 */
#ifndef WFM_CLI_H
#define WFM_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include "atomic_write.h"
#include "days.h"
#include "error.h"
#include "tz.h"

#ifndef WFM_VERSION
#define WFM_VERSION "0.1.0"
#endif

/* Long options every program has; put first in its struct option table. */
#define WFM_OPT_HELP    { "help", no_argument, NULL, 'h' }
#define WFM_OPT_VERSION { "version", no_argument, NULL, 'V' }
#define WFM_OPT_QUIET   { "quiet", no_argument, NULL, 'q' }
#define WFM_OPT_VERBOSE { "verbose", no_argument, NULL, 'v' }

/* Print "prog: file:line: column: message" and exit 1 (2 for usage). */
_Noreturn void wfm_die(const char *prog, const wfm_error *err);
/* Print "prog: message" and a --help hint; exit 2. */
_Noreturn void wfm_usage_fail(const char *prog, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print "prog: warning: message". */
void wfm_warn(const char *prog, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print usage to stdout and exit 0. */
_Noreturn void wfm_print_usage(const char *usage);
_Noreturn void wfm_print_version(const char *prog);

/* -q / -v: 0 = quiet (errors only), 1 = normal, 2 = verbose (adds the
 * run's wall and CPU time and peak memory at exit).  Option state only. */
void wfm_set_verbosity(const char *prog, int level);
int wfm_verbosity(void);
/* Where reports and warnings go: stderr, or nowhere when quiet. */
FILE *wfm_report(void);
/* An unknown option or a missing argument (getopt returned '?'; call with
 * opterr = 0): one line naming it, a --help hint, exit 2. */
_Noreturn void wfm_bad_option(const char *prog, char **argv);

/* The n operands after the options (argv + optind, once wfm_opts_parse()
 * or the wfm_opts_next() loop is done); with k != n of them, exit 2 with
 * why[k] (k < n) or why[n] (more than n); a NULL why[k] is why[k - 1]:
 *   o->input = wfm_cli_operands(prog, argc, argv, 1, (const char *const[]){
 *       "no history file given", "more than one input file" })[0]; */
char **wfm_cli_operands(const char *prog, int argc, char **argv, int n, const char *const *why);

/* Open or exit 1 with the message: the zone of --tz (NULL: $TZ, else
 * UTC); an output written atomically (NULL or "-": standard output). */
wfm_tz *wfm_cli_tz(const char *prog, const char *name);
wfm_atomic *wfm_cli_output(const char *prog, const char *path);
/* The end of writing out: rc 0 commits it (exit 1 when that fails), else
 * out is dropped and err printed (exit 1, or 2 for a usage error). */
void wfm_cli_commit(const char *prog, wfm_atomic *out, int rc, const wfm_error *err);
/* The n outputs of one run: out[k] opened for each path[k] that is not
 * NULL (pass "-" for standard output), else NULL.  When one cannot be
 * opened, those opened are dropped and the run exits 1.  Commit them with
 * wfm_atomic_commit_all(), the main (-o) output last. */
void wfm_cli_outputs(const char *prog, wfm_atomic **out, const char *const *path, size_t n);

/* Exit 2 when more than one of the n input paths (NULL = not given) is
 * "-": standard input can be read once. */
void wfm_stdin_once(const char *prog, int n, ...);

/* Exit 2 when an output names the same file as an input or as another
 * output: "-o h.csv" must not replace the history it reads.  Files are
 * compared by device and inode (links and other spellings of a path are
 * caught); an output that does not exist yet by its directory's device
 * and inode and its name.  NULL entries (options not given), "-" and
 * outputs that are not regular files (/dev/null) are skipped. */
void wfm_check_outputs(const char *prog, const char *const *inputs, size_t nin,
		       const char *const *outputs, size_t nout);

/* A list option's words checked against what the inputs hold (ASCII case
 * ignored): exit 2 naming the option, the first unknown word and where the
 * known ones come from ("--realtime: \"call\" is not a channel of req.csv
 * (calls, chat, letters)").  what: "a channel of req.csv". */
void wfm_arg_words(const char *prog, const char *opt, const char *const *words, size_t n,
		   const char *const *known, size_t nknown, const char *what);

/* Option argument parsers: exit 2 naming the option on bad values. */
double wfm_arg_double(const char *prog, const char *opt, const char *s,
		      double min, double max);
long wfm_arg_long(const char *prog, const char *opt, const char *s, long min, long max);
int64_t wfm_arg_duration(const char *prog, const char *opt, const char *s);
/* Index of s in the NULL-terminated words; otherwise exit 2 naming the
 * option and listing the words ("--by: \"x\" is not weekday or month"). */
int wfm_arg_choice(const char *prog, const char *opt, const char *s,
		   const char *const *words);

/* The days a program works on (lib/days.h): put one WFM_ARG_DAYS entry in
 * the option table, then call this.  Exits 2 naming the mistake (see
 * wfm_days_resolve()); returns 0 when no day option was given (first and
 * last untouched), else 1 with the first and last day. */
int wfm_days_range(const char *prog, const struct wfm_days *d, int64_t *first, int64_t *last);
/* The day of YYYY-MM-DD; otherwise exit 2 naming the option. */
int64_t wfm_arg_date(const char *prog, const char *opt, const char *s);

/* Report columns: the display columns of UTF-8 s, one per character
 * (names in Latin or Cyrillic script), and the printf width that pads s
 * to w columns ("%-*s" with wfm_pad_width(s, w)). */
size_t wfm_utf8_columns(const char *s);
int wfm_pad_width(const char *s, int w);

/* One table per program's options (issue 20.3).  One entry drives the
 * getopt_long parsing, its lines in --help's Options: block and the
 * completion words (the hidden --list-options that docs/completion reads);
 * a default is written once, in .def (parsed like the argument before
 * argv, and shown as "(default X)"), or where lib/ sets it (.show: --help
 * shows the value var holds before parsing).  The table ends with an entry
 * whose name is NULL; -q, -v, -h and -V are added by the parser.
 *   int c;
 *   struct wfm_opt opts[] = {
 *       { "level", 'l', WFM_ARG_DOUBLE, &o->level, "P", "interval level in percent",
 *         .def = "80", .min = 1, .max = 99.9 },
 *       { "model", 'm', WFM_ARG_KEY, NULL, "KIND", "...", .words = models },
 *       WFM_OPT_OUTPUT(&o->output), { 0 } };
 *   const struct wfm_cli cli = { .prog = prog, .head = head, .opts = opts, .tail = tail };
 *   while ((c = wfm_opts_next(&cli, argc, argv)) != -1)
 *       switch (c) { case 'm': ...; }     only WFM_ARG_KEY entries come here
 * then optind is the first operand, as after getopt_long. */
enum wfm_arg {
	WFM_ARG_KEY,        /* returned by wfm_opts_next() with optarg (arg: takes one) */
	WFM_ARG_FLAG,       /* int *var = 1 */
	WFM_ARG_STR,        /* const char **var = the argument */
	WFM_ARG_DOUBLE,     /* double *var = argument * scale (scale 0: 1), in [min, max] */
	WFM_ARG_LONG,       /* long *var, in [min, max] */
	WFM_ARG_INT,        /* int *var, in [min, max] */
	WFM_ARG_DURATION,   /* int64_t *var seconds ("14d", "2w", "36h"), in [min, max] when max > 0 */
	WFM_ARG_CHOICE,     /* int *var = index of the argument in words */
	WFM_ARG_DATE,       /* int64_t *var = days since 1970-01-01 of YYYY-MM-DD */
	WFM_ARG_DAYS,       /* struct wfm_days *var: the four options --date, --week,
			     * --from, --to (lib/days.h) in one entry named "days"
			     * with key 0; arg: what the days are for ("plan":
			     * "plan this day"); help: added to the --from line (the
			     * default); max: the most days --from/--to spans */
};
struct wfm_opt {
	const char *name;             /* long name without "--"; NULL ends the table */
	int key;                      /* short letter, or WFM_LONG(c): long only; 0: long
				       * only and not a WFM_ARG_KEY */
	enum wfm_arg kind;
	void *var;                    /* where the value goes (not for WFM_ARG_KEY) */
	const char *arg;              /* the argument's name in --help; NULL: a flag, or
				       * for WFM_ARG_CHOICE the words joined by '|' */
	const char *help;             /* one paragraph, wrapped by the printer; '\n' breaks */
	const char *def;              /* the default, as an argument */
	double min, max, scale;
	const char *const *words;     /* WFM_ARG_CHOICE's words; completion words of any */
	int *given;                   /* set to 1 when the option is on the command line */
	int show;                     /* --help shows var's value before parsing as default */
};
#define WFM_LONG(c) (0x100 + (c))     /* key of a long-only option */
/* A program's face: name, the usage lines and description before
 * "Options:", and what follows the options (Outputs:, Examples:). */
struct wfm_cli {
	const char *prog, *head;
	const struct wfm_opt *opts;
	const char *tail;
};
/* The options several programs share, each written once here: name,
 * argument, help and default.  -o FILE (WFM_OPT_OUTPUT_AS: text, for the
 * programs that say more than the usual line); --tz ZONE (what: whose zone
 * it is, more: help after the default); --channels FILE (the channel
 * configuration) or LIST (a subset of the input's channels); --seed (what:
 * after "random seed"), --priority and --band-level (what: before "the
 * band's coverage") of the simulations and sizing. */
#define WFM_OPT_OUTPUT_AS(var, text) { "output", 'o', WFM_ARG_STR, (var), "FILE", .help = text }
#define WFM_OPT_OUTPUT(var) WFM_OPT_OUTPUT_AS(var, "write FILE atomically (default standard output)")
#define WFM_OPT_ZONE(var, what, more) { "tz", 0, WFM_ARG_STR, (var), "ZONE", .help = \
	"zone of " what " (default $TZ, else UTC)" more }
#define WFM_OPT_TZ(var) WFM_OPT_ZONE(var, "naive timestamps", "")
#define WFM_OPT_CHANNELS(var) { "channels", 0, WFM_ARG_STR, (var), "FILE", .help = \
	"channel configuration (required)" }
#define WFM_OPT_CHANNEL_LIST(var) { "channels", 0, WFM_ARG_STR, (var), "LIST", .help = \
	"only these channels, comma separated" }
#define WFM_OPT_SEED(var, what) { "seed", 0, WFM_ARG_LONG, (var), "N", .help = "random seed" what, \
	.def = "1", .min = 0, .max = 4294967295.0 }
#define WFM_OPT_PRIORITY(var) { "priority", 0, WFM_ARG_STR, (var), "LIST", .help = "channels free " \
	"agents serve first, e.g. calls,chat (default: longest waiting, backlog channels last)" }
#define WFM_OPT_BAND_LEVEL(var, what) { "band-level", 0, WFM_ARG_DOUBLE, (var), "L", .help = \
	what "the band's coverage in percent", .def = "80", .min = 1, .max = 99.9, .scale = 0.01 }
/* Next WFM_ARG_KEY option's key (optarg its argument), or -1 at the end of
 * the options.  Applies the defaults on the first call; handles the other
 * kinds itself, and --help, --version, --list-options, -q, -v, unknown
 * options and bad values (exit 0 or 2). */
int wfm_opts_next(const struct wfm_cli *cli, int argc, char **argv);
/* wfm_opts_next() to the end, for a table without WFM_ARG_KEY entries. */
void wfm_opts_parse(const struct wfm_cli *cli, int argc, char **argv);
/* --help's text: head, "Options:" with one entry per option, tail. */
void wfm_opts_help(FILE *fp, const struct wfm_cli *cli);
/* --list-options: "--name" per flag, "--name= WORD..." per option that
 * takes an argument (its completion words, if any), "@1 WORD..." for the
 * first operand's words. */
void wfm_opts_list(FILE *fp, const struct wfm_cli *cli);
/* The first operand's words for --list-options (wfm chart KIND); call
 * before wfm_opts_next(). */
void wfm_opts_operand_words(const char *const *words);

#endif
