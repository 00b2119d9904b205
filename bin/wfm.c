/* wfm.c - the dispatcher: `wfm forecast ...` runs wfm-forecast, like git.
 *
 * Programs are looked up beside this executable first, then on PATH.
 * `wfm help` lists them; `wfm help NAME` is `wfm-NAME --help`.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef WFM_VERSION
#define WFM_VERSION "0.1.0"
#endif

struct cmd {
	const char *name;
	const char *help;
};

/* In pipeline order. */
static const struct cmd commands[] = {
	{ "profile",   "intraday and weekday load profile, daily totals, trend, peak days" },
	{ "forecast",  "fit models to history and forecast volume and AHT per interval" },
	{ "staff",     "agents needed per interval (Erlang C/A, chat, backlog); --evaluate" },
	{ "simulate",  "discrete-event simulation of a queue to check a staffing vector" },
	{ "shifts",    "least-cost shift plan covering the requirement (integer program)" },
	{ "roster",    "assign named staff to the planned shifts for a day or a week" },
	{ "functions", "hour-by-hour function per agent: CALLS, CHAT, LETTERS, DECLARATIONS" },
	{ "outbound",  "dial plans for outbound campaigns within local calling windows" },
	{ "localize",  "a roster in each agent's own time zone (staff.csv tz column)" },
	{ "intraday",  "re-forecast the rest of today from today's actuals; backtest the update" },
	{ "capacity",  "long-range staffing and hiring plan: attrition, training, classes" },
	{ "chart",     "PNG, SVG or PDF charts of any of the CSVs above" },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const char usage[] =
	"Usage: wfm <command> [<args>]\n"
	"  or:  wfm help [<command>]\n"
	"  or:  wfm --version\n"
	"\n"
	"A workforce-management toolkit: history -> forecast -> requirements ->\n"
	"shift plan -> roster -> functions, and charts of each step.\n"
	"\n"
	"Example:\n"
	"  wfm forecast data/history.csv --horizon 14d -o forecast.csv\n"
	"  wfm staff forecast.csv --channels data/channels.csv -o requirements.csv\n"
	"\n";

static int list(FILE *fp)
{
	fputs(usage, fp);
	fputs("Commands:\n", fp);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].help);
	fputs("\nRun 'wfm help <command>' or 'wfm <command> --help' for a command's options.\n", fp);
	return ferror(fp) ? 1 : 0;
}

static const struct cmd *find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* exec wfm-NAME from this program's directory, else from PATH. */
static int run(const char *name, char **argv)
{
	char self[PATH_MAX], path[PATH_MAX + 64], prog[64];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	snprintf(prog, sizeof(prog), "wfm-%s", name);
	argv[0] = prog;
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			snprintf(path, sizeof(path), "%s/%s", self, prog);
			if (access(path, X_OK) == 0)
				execv(path, argv);
		}
	}
	execvp(prog, argv);
	fprintf(stderr, "wfm: cannot run '%s': %s\n", prog, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : NULL;

	if (!name) {
		list(stderr);
		return 2;
	}
	if (!strcmp(name, "--version") || !strcmp(name, "version")) {
		printf("wfm %s\n", WFM_VERSION);
		return 0;
	}
	if (!strcmp(name, "--help") || !strcmp(name, "-h") ||
	    (!strcmp(name, "help") && argc < 3))
		return list(stdout);
	if (!strcmp(name, "help")) {
		char *args[] = { NULL, "--help", NULL };
		if (!find(argv[2])) {
			fprintf(stderr, "wfm: '%s' is not a wfm command; see 'wfm help'\n", argv[2]);
			return 2;
		}
		return run(argv[2], args);
	}
	if (!find(name)) {
		fprintf(stderr, "wfm: '%s' is not a wfm command; see 'wfm help'\n", name);
		return 2;
	}
	return run(name, argv + 1);
}
