/* cli.c - messages, exit codes and option parsing shared by programs. */
#include "cli.h"
#include "timeutil.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

/* Option-parsing state of the one program this process is. */
static int verbosity = 1;
static const char *verbose_prog;
static struct timespec started;

_Noreturn void wfm_die(const char *prog, const wfm_error *err)
{
	char buf[1200];

	wfm_error_format(err, buf, sizeof(buf));
	fprintf(stderr, "%s: %s\n", prog, buf);
	exit(err->code == WFM_EUSAGE ? 2 : 1);
}

_Noreturn void wfm_usage_fail(const char *prog, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", prog);
	exit(2);
}

static double since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void print_usage_stats(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru))
		return;
	fprintf(stderr, "%s: %.3f s wall, %.3f s CPU, peak memory %.1f MiB\n", verbose_prog,
		since(&started),
		(double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
			(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
		(double)ru.ru_maxrss / 1024.0);
}

void wfm_set_verbosity(const char *prog, int level)
{
	if (level >= 2 && verbosity < 2) {
		verbose_prog = prog;
		clock_gettime(CLOCK_MONOTONIC, &started);
		atexit(print_usage_stats);
	}
	verbosity = level;
}

int wfm_verbosity(void)
{
	return verbosity;
}

FILE *wfm_report(void)
{
	static FILE *sink;

	if (verbosity > 0)
		return stderr;
	if (!sink)
		sink = fopen("/dev/null", "w");
	return sink ? sink : stderr;
}

_Noreturn void wfm_bad_option(const char *prog, char **argv)
{
	const char *opt = optind > 0 ? argv[optind - 1] : "?";

	if (optopt && strncmp(opt, "--", 2) && opt[0] == '-' && !strchr(opt, optopt))
		opt = "?";
	if (!strcmp(opt, "?"))
		wfm_usage_fail(prog, "unknown option '-%c' or it needs an argument", optopt);
	wfm_usage_fail(prog, "unknown option '%s' or it needs an argument", opt);
}

void wfm_warn(const char *prog, const char *fmt, ...)
{
	va_list ap;

	if (verbosity == 0)
		return;
	fprintf(stderr, "%s: warning: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

_Noreturn void wfm_print_usage(const char *usage)
{
	fputs(usage, stdout);
	exit(ferror(stdout) ? 1 : 0);
}

_Noreturn void wfm_print_version(const char *prog)
{
	printf("%s (wfm) %s\n", prog, WFM_VERSION);
	exit(0);
}

double wfm_arg_double(const char *prog, const char *opt, const char *s,
		      double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end || errno || !(v >= min && v <= max))
		wfm_usage_fail(prog, "%s: \"%s\" is not a number from %g to %g", opt, s, min, max);
	return v;
}

long wfm_arg_long(const char *prog, const char *opt, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < min || v > max)
		wfm_usage_fail(prog, "%s: \"%s\" is not a whole number from %ld to %ld", opt, s, min, max);
	return v;
}

int64_t wfm_arg_duration(const char *prog, const char *opt, const char *s)
{
	wfm_error err;
	int64_t sec;

	if (wfm_time_parse_duration(s, &sec, &err))
		wfm_usage_fail(prog, "%s: %s", opt, err.msg);
	return sec;
}

int wfm_arg_choice(const char *prog, const char *opt, const char *s,
		   const char *const *words)
{
	char list[256] = "";
	size_t n = 0, len = 0;

	for (n = 0; words[n]; n++)
		if (!strcmp(s, words[n]))
			return (int)n;
	for (size_t i = 0; i < n && len < sizeof(list); i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
					i == 0 ? "" : i + 1 == n ? " or " : ", ", words[i]);
	wfm_usage_fail(prog, "%s: \"%s\" is not %s", opt, s, list);
}

void wfm_arg_words(const char *prog, const char *opt, const char *const *words, size_t n,
		   const char *const *known, size_t nknown, const char *what)
{
	char list[256] = "";
	size_t len = 0, j;

	for (size_t i = 0; i < n; i++) {
		for (j = 0; j < nknown && strcasecmp(words[i], known[j]); j++)
			;
		if (j < nknown)
			continue;
		for (j = 0; j < nknown && len < sizeof(list); j++)
			len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
						j ? ", " : "", known[j]);
		wfm_usage_fail(prog, "%s: \"%s\" is not %s (%s)", opt, words[i], what, list);
	}
}

char **wfm_cli_operands(const char *prog, int argc, char **argv, int n, const char *const *why)
{
	int k = argc - optind < n ? argc - optind : n;

	if (argc - optind == n)
		return argv + optind;
	while (k > 0 && !why[k])
		k--;
	wfm_usage_fail(prog, "%s", why[k]);
}

wfm_tz *wfm_cli_tz(const char *prog, const char *name)
{
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open(name, &err);

	if (!tz)
		wfm_die(prog, &err);
	return tz;
}

wfm_atomic *wfm_cli_output(const char *prog, const char *path)
{
	wfm_atomic *out;

	wfm_cli_outputs(prog, &out, (const char *const[]){ path ? path : "-" }, 1);
	return out;
}

void wfm_cli_commit(const char *prog, wfm_atomic *out, int rc, const wfm_error *err)
{
	wfm_error e = { 0 };

	if (rc) {
		wfm_atomic_abort(out);
		wfm_die(prog, err);
	}
	if (wfm_atomic_commit(out, &e))
		wfm_die(prog, &e);
}

void wfm_cli_outputs(const char *prog, wfm_atomic **out, const char *const *path, size_t n)
{
	wfm_error err = { 0 };

	for (size_t k = 0; k < n; k++)
		out[k] = NULL;
	for (size_t k = 0; k < n; k++)
		if (path[k] && !(out[k] = wfm_atomic_open(path[k], &err))) {
			for (size_t j = 0; j < k; j++)
				wfm_atomic_abort(out[j]);
			wfm_die(prog, &err);
		}
}

void wfm_stdin_once(const char *prog, int n, ...)
{
	va_list ap;
	int dashes = 0;

	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		const char *p = va_arg(ap, const char *);
		dashes += p && !strcmp(p, "-");
	}
	va_end(ap);
	if (dashes > 1)
		wfm_usage_fail(prog, "standard input ('-') is given for %d inputs; it can be read once", dashes);
}

/* Identity of a path: device and inode of the file, or when it does not
 * exist of its directory plus the name.  0, or -1 to skip the path. */
struct ident {
	dev_t dev;
	ino_t ino;
	const char *name;    /* NULL when the file exists */
};

static int identify(const char *path, struct ident *id)
{
	struct stat st;
	char *dir, *slash;
	int rc;

	if (!path || !strcmp(path, "-"))
		return -1;
	if (stat(path, &st) == 0) {
		id->dev = st.st_dev;
		id->ino = st.st_ino;
		id->name = NULL;
		return S_ISREG(st.st_mode) ? 0 : -1;
	}
	if (!(dir = strdup(path)))
		return -1;
	slash = strrchr(dir, '/');
	id->name = slash ? path + (slash - dir) + 1 : path;
	if (slash)
		slash[1] = '\0';
	rc = stat(slash ? dir : ".", &st);
	free(dir);
	id->dev = st.st_dev;
	id->ino = st.st_ino;
	return rc ? -1 : 0;
}

static int same(const struct ident *a, const struct ident *b)
{
	if (a->dev != b->dev || a->ino != b->ino || !a->name != !b->name)
		return 0;
	return !a->name || !strcmp(a->name, b->name);
}

void wfm_check_outputs(const char *prog, const char *const *inputs, size_t nin,
		       const char *const *outputs, size_t nout)
{
	for (size_t i = 0; i < nout; i++) {
		struct ident o, x;
		if (identify(outputs[i], &o))
			continue;
		for (size_t j = 0; j < nin; j++)
			if (!identify(inputs[j], &x) && same(&o, &x))
				wfm_usage_fail(prog, "output '%s' is the input '%s'; "
					       "refusing to overwrite an input", outputs[i], inputs[j]);
		for (size_t j = 0; j < i; j++)
			if (!identify(outputs[j], &x) && same(&o, &x))
				wfm_usage_fail(prog, "outputs '%s' and '%s' are the same file",
					       outputs[j], outputs[i]);
	}
}

int64_t wfm_arg_date(const char *prog, const char *opt, const char *s)
{
	int64_t d;
	wfm_error e = { 0 };
	if (wfm_time_parse_date(s, &d, &e))
		wfm_usage_fail(prog, "%s: \"%s\" is not a date YYYY-MM-DD", opt, s);
	return d;
}

int wfm_days_range(const char *prog, const struct wfm_days *d, int64_t *first, int64_t *last)
{
	wfm_error err = { 0 };
	int rc = wfm_days_resolve(d, first, last, &err);

	if (rc < 0)
		wfm_usage_fail(prog, "%s", err.msg);
	return rc;
}

size_t wfm_utf8_columns(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int wfm_pad_width(const char *s, int w)
{
	return w + (int)(strlen(s) - wfm_utf8_columns(s));
}
