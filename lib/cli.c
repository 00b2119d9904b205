/* cli.c - messages, exit codes and option parsing shared by programs. */
#include "cli.h"
#include "timeutil.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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

void wfm_warn(const char *prog, const char *fmt, ...)
{
	va_list ap;

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
