/* cli_opts.c - the option table of lib/cli.h: one struct wfm_opt entry
 * drives getopt_long, the Options: lines of --help and the completion
 * words of --list-options.  Entry points: wfm_opts_next(), wfm_opts_parse(),
 * wfm_opts_help(), wfm_opts_list(), wfm_opts_operand_words(). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OPTS 96
#define HELP_COL 25     /* help text starts in this column */
#define HELP_WIDTH 80   /* lines at most this long */
enum { KEY_LIST = 0x7f00, KEY_AUTO = 0x7f01 };

/* Options every program has, after its own in --help. */
static const struct wfm_opt common[] = {
	{ "quiet", 'q', WFM_ARG_KEY, NULL, NULL, .help = "no reports or warnings on stderr, only errors" },
	{ "verbose", 'v', WFM_ARG_KEY, NULL, NULL, .help = "also print run time and peak memory at exit" },
	{ "help", 'h', WFM_ARG_KEY, NULL, NULL, .help = "show this help and exit" },
	{ "version", 'V', WFM_ARG_KEY, NULL, NULL, .help = "show the version and exit" },
	{ "list-options", KEY_LIST, WFM_ARG_KEY, .help = NULL },   /* hidden */
	{ 0 },
};

/* Parser state of the one program this process is. */
static struct {
	int started;
	size_t n, nprog;                       /* entries: the program's, then common[] */
	size_t defaults;                       /* WFM_ARG_KEY defaults returned so far */
	const char *const *operand_words;      /* the first operand's, or NULL */
	const struct wfm_opt *e[MAX_OPTS];
	struct option lo[MAX_OPTS + 1];
	char shorts[2 * MAX_OPTS + 2];
	char shown[MAX_OPTS][48];              /* each default as --help shows it */
	struct wfm_opt days[4];                /* a WFM_ARG_DAYS entry's four options */
	char days_help[4][320];
} st;

static int key_of(const struct wfm_opt *o, size_t i)
{
	return o->key ? o->key : KEY_AUTO + (int)i;
}

static int takes_arg(const struct wfm_opt *o)
{
	return o->kind == WFM_ARG_KEY ? o->arg != NULL : o->kind != WFM_ARG_FLAG;
}

static const char *choice_name(const struct wfm_opt *o, char *buf, size_t size)
{
	size_t len = 0;

	if (o->arg || o->kind != WFM_ARG_CHOICE)
		return o->arg;
	buf[0] = '\0';
	for (size_t i = 0; o->words[i] && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? "|" : "", o->words[i]);
	return buf;
}

/* The value var holds, as --help shows it. */
static void show_value(const struct wfm_opt *o, char *buf, size_t size)
{
	double scale = o->scale ? o->scale : 1;

	buf[0] = '\0';
	switch (o->kind) {
	case WFM_ARG_STR: snprintf(buf, size, "%s", *(const char **)o->var ? *(const char **)o->var : ""); break;
	case WFM_ARG_DOUBLE: snprintf(buf, size, "%g", *(double *)o->var / scale); break;
	case WFM_ARG_LONG: snprintf(buf, size, "%ld", *(long *)o->var); break;
	case WFM_ARG_INT: snprintf(buf, size, "%d", *(int *)o->var); break;
	case WFM_ARG_DURATION: snprintf(buf, size, "%llds", (long long)*(int64_t *)o->var); break;
	case WFM_ARG_CHOICE: snprintf(buf, size, "%s", o->words[*(int *)o->var]); break;
	default: break;
	}
}

/* Store the argument s of option o (from argv or its default). */
static void store(const char *prog, const struct wfm_opt *o, const char *s)
{
	char opt[64];
	int64_t d;

	snprintf(opt, sizeof(opt), "--%s", o->name);
	switch (o->kind) {
	case WFM_ARG_FLAG: *(int *)o->var = 1; break;
	case WFM_ARG_STR: *(const char **)o->var = s; break;
	case WFM_ARG_DOUBLE:
		*(double *)o->var = wfm_arg_double(prog, opt, s, o->min, o->max) * (o->scale ? o->scale : 1);
		break;
	case WFM_ARG_LONG: *(long *)o->var = wfm_arg_long(prog, opt, s, (long)o->min, (long)o->max); break;
	case WFM_ARG_INT: *(int *)o->var = (int)wfm_arg_long(prog, opt, s, (long)o->min, (long)o->max); break;
	case WFM_ARG_DURATION:
		d = wfm_arg_duration(prog, opt, s);
		if (o->max > 0 && (d < o->min || d > o->max))
			wfm_usage_fail(prog, "%s: \"%s\" is out of range", opt, s);
		*(int64_t *)o->var = d;
		break;
	case WFM_ARG_CHOICE: *(int *)o->var = wfm_arg_choice(prog, opt, s, o->words); break;
	case WFM_ARG_DATE: *(int64_t *)o->var = wfm_arg_date(prog, opt, s); break;
	case WFM_ARG_KEY: case WFM_ARG_DAYS: break;
	}
}

static void add(const struct wfm_opt *o, size_t *ns)
{
	size_t i = st.n++;
	int key = key_of(o, i);

	st.e[i] = o;
	st.lo[i] = (struct option){ o->name, takes_arg(o) ? required_argument : no_argument, NULL, key };
	if (key < 0x80) {
		st.shorts[(*ns)++] = (char)key;
		if (takes_arg(o))
			st.shorts[(*ns)++] = ':';
	}
}

/* The four options of a WFM_ARG_DAYS entry o (one per table). */
static void add_days(const struct wfm_opt *o, size_t *ns)
{
	struct wfm_days *d = o->var;
	const char *what = o->arg ? o->arg : "only";

	d->max = (long)o->max;
	snprintf(st.days_help[0], sizeof(st.days_help[0]), "%s this day (YYYY-MM-DD)", what);
	snprintf(st.days_help[1], sizeof(st.days_help[1]), "%s the 7 days from D", what);
	snprintf(st.days_help[2], sizeof(st.days_help[2]), "with --to E, %s the days D to E (at most %ld)%s%s",
		 what, d->max, o->help ? "; " : "", o->help ? o->help : "");
	snprintf(st.days_help[3], sizeof(st.days_help[3]), "the last day of --from");
	st.days[0] = (struct wfm_opt){ "date", 0, WFM_ARG_STR, &d->date, "D", st.days_help[0], .given = o->given };
	st.days[1] = (struct wfm_opt){ "week", 0, WFM_ARG_STR, &d->week, "D", st.days_help[1], .given = o->given };
	st.days[2] = (struct wfm_opt){ "from", 0, WFM_ARG_STR, &d->from, "D", st.days_help[2], .given = o->given };
	st.days[3] = (struct wfm_opt){ "to", 0, WFM_ARG_STR, &d->to, "E", st.days_help[3], .given = o->given };
	for (int k = 0; k < 4; k++)
		add(&st.days[k], ns);
}

static void start(const struct wfm_cli *cli)
{
	size_t ns = 0;

	st.started = 1;
	for (const struct wfm_opt *o = cli->opts; o->name && st.n < MAX_OPTS - 8; o++)
		if (o->kind == WFM_ARG_DAYS)
			add_days(o, &ns);
		else
			add(o, &ns);
	st.nprog = st.n;
	for (const struct wfm_opt *o = common; o->name; o++)
		add(o, &ns);
	for (size_t i = 0; i < st.n; i++) {
		const struct wfm_opt *o = st.e[i];
		if (o->def)
			store(cli->prog, o, o->def);
		if (o->def)
			snprintf(st.shown[i], sizeof(st.shown[i]), "%s", o->def);
		else if (o->show && o->kind != WFM_ARG_KEY)
			show_value(o, st.shown[i], sizeof(st.shown[i]));
	}
	opterr = 0;
}

int wfm_opts_next(const struct wfm_cli *cli, int argc, char **argv)
{
	int c;

	if (!st.started)
		start(cli);
	/* a WFM_ARG_KEY entry's default goes to the caller first, like an argument */
	for (; st.defaults < st.nprog; st.defaults++)
		if (st.e[st.defaults]->kind == WFM_ARG_KEY && st.e[st.defaults]->def) {
			size_t i = st.defaults++;
			optarg = (char *)st.e[i]->def;
			return key_of(st.e[i], i);
		}
	while ((c = getopt_long(argc, argv, st.shorts, st.lo, NULL)) != -1) {
		size_t i;
		for (i = 0; i < st.n && key_of(st.e[i], i) != c; i++)
			;
		if (c == '?' || i == st.n)
			wfm_bad_option(cli->prog, argv);
		if (st.e[i]->given)
			*st.e[i]->given = 1;
		switch (i >= st.nprog ? c : 0) {
		case 'q': wfm_set_verbosity(cli->prog, 0); continue;
		case 'v': wfm_set_verbosity(cli->prog, 2); continue;
		case 'h': wfm_opts_help(stdout, cli); exit(ferror(stdout) ? 1 : 0);
		case 'V': wfm_print_version(cli->prog);
		case KEY_LIST: wfm_opts_list(stdout, cli); exit(ferror(stdout) ? 1 : 0);
		}
		if (st.e[i]->kind == WFM_ARG_KEY)
			return c;
		store(cli->prog, st.e[i], optarg);
	}
	return -1;
}

/* Length of the word at text: up to a space or '\n', or when that is too
 * long for any line (a CSV header), up to the last ',' that fits from col. */
static size_t word_len(const char *text, size_t col)
{
	size_t w = strcspn(text, " \n"), room = col < HELP_WIDTH ? HELP_WIDTH - col : 0;

	if (w <= HELP_WIDTH - HELP_COL)
		return w;
	for (size_t k = room < w ? room : w; k > 1; k--)
		if (text[k - 1] == ',')
			return k;
	return w;
}

void wfm_opts_parse(const struct wfm_cli *cli, int argc, char **argv)
{
	while (wfm_opts_next(cli, argc, argv) != -1)
		;
}

/* Write text from column col, wrapped before HELP_WIDTH, continuation
 * lines from HELP_COL; '\n' in text breaks the line. */
static void wrap(FILE *fp, const char *text, size_t col)
{
	int first = 1;

	while (*text) {
		size_t w = word_len(text, first ? col : col + 1);
		if (!first && col + 1 + w > HELP_WIDTH) {
			fprintf(fp, "\n%*s", HELP_COL, "");
			col = HELP_COL;
		} else if (!first) {
			fputc(' ', fp);
			col++;
		}
		fwrite(text, 1, w, fp);
		col += w;
		text += w;
		first = 0;
		if (*text && *text != ' ' && *text != '\n') {   /* a long word split */
			fprintf(fp, "\n%*s", HELP_COL, "");
			col = HELP_COL;
			first = 1;
		} else if (*text == '\n') {
			fprintf(fp, "\n%*s", HELP_COL, "");
			col = HELP_COL;
			first = 1;
			text++;
		}
		text += strspn(text, " ");
	}
}

static void help_entry(FILE *fp, const struct wfm_opt *o, const char *shown)
{
	char buf[160], words[128], text[1024];
	const char *arg = choice_name(o, words, sizeof(words));
	int len;

	if (o->key > ' ' && o->key < 0x7f)
		len = snprintf(buf, sizeof(buf), "  -%c, --%s%s%s", o->key, o->name, arg ? " " : "",
			       arg ? arg : "");
	else
		len = snprintf(buf, sizeof(buf), "  --%s%s%s", o->name, arg ? " " : "", arg ? arg : "");
	fputs(buf, fp);
	snprintf(text, sizeof(text), "%s%s%s%s", o->help, shown[0] ? " (default " : "", shown,
		 shown[0] ? ")" : "");
	if (len + 2 > HELP_COL) {
		fputs("  ", fp);
		len += 2;
	} else {
		fprintf(fp, "%*s", HELP_COL - len, "");
		len = HELP_COL;
	}
	wrap(fp, text, (size_t)len);
	fputc('\n', fp);
}

void wfm_opts_help(FILE *fp, const struct wfm_cli *cli)
{
	if (!st.started)
		start(cli);
	fputs(cli->head, fp);
	fputs("\nOptions:\n", fp);
	for (size_t i = 0; i < st.n; i++)
		if (st.e[i]->help)
			help_entry(fp, st.e[i], st.shown[i]);
	if (cli->tail && *cli->tail) {
		fputc('\n', fp);
		fputs(cli->tail, fp);
	}
}

void wfm_opts_list(FILE *fp, const struct wfm_cli *cli)
{
	if (!st.started)
		start(cli);
	for (size_t i = 0; i < st.n; i++) {
		const struct wfm_opt *o = st.e[i];
		if (!o->help)
			continue;
		fprintf(fp, "--%s%s", o->name, takes_arg(o) ? "=" : "");
		for (size_t k = 0; o->words && o->words[k]; k++)
			fprintf(fp, " %s", o->words[k]);
		fputc('\n', fp);
	}
	if (st.operand_words) {
		fputs("@1", fp);
		for (size_t k = 0; st.operand_words[k]; k++)
			fprintf(fp, " %s", st.operand_words[k]);
		fputc('\n', fp);
	}
}

void wfm_opts_operand_words(const char *const *words)
{
	st.operand_words = words;
}
