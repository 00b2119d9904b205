/* localize.c - wfm-localize: a roster in each agent's own time zone.
 *
 * roster.csv (wfm roster) gives dates and HH:MM in the center's zone
 * (--tz).  staff.csv may carry a `tz` column (an IANA zone per agent or
 * site; empty = the center's zone).  Every row is rewritten with the
 * agent's local date and clock times, and the zone in a last column. */
#include "atomic_write.h"
#include "cli.h"
#include "csv.h"
#include "timeutil.h"
#include "tz.h"
#include "gslpolicy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "wfm-localize";

static const char usage[] =
	"Usage: wfm localize ROSTER.csv STAFF.csv [--tz ZONE] [-o FILE]\n"
	"\n"
	"Rewrite a roster (date,agent_id,name,start,end,break_start,break_end,shift,\n"
	"times in the center's zone --tz) in each agent's zone: the `tz` column of\n"
	"staff.csv (id,...,tz; empty or absent = the center's zone).  The date\n"
	"becomes the agent's local day of the shift start; an end or break past\n"
	"midnight is the next day's clock time, as in the roster.  Output:\n"
	"date,agent_id,name,start,end,break_start,break_end,shift,tz.\n"
	"\n"
	"Options:\n"
	"  --tz ZONE              the center's zone (default $TZ, else UTC)\n"
	"  -o, --output FILE      written atomically (default standard output)\n"
	"  -q, --quiet            no reports or warnings on stderr, only errors\n"
	"  -v, --verbose          also print run time and peak memory at exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Example:\n"
	"  wfm localize out/roster.csv staff-tz.csv -o out/roster-local.csv\n";

struct agent_tz {
	char *id;
	wfm_tz *tz;              /* NULL: the center's zone */
	char *zone;
};

struct zones {
	size_t n;
	struct agent_tz *a;
};

static void zones_free(struct zones *z)
{
	for (size_t i = 0; i < z->n; i++) {
		free(z->a[i].id);
		free(z->a[i].zone);
		wfm_tz_free(z->a[i].tz);
	}
	free(z->a);
}

/* id and tz of every agent of staff.csv; one zone table per row (staff
 * files are small). */
static int load_staff(const char *path, struct zones *z, wfm_error *err)
{
	wfm_csv_reader *r = wfm_csv_open(path, err);
	int ci, ct, rc;

	if (!r)
		return -1;
	if ((ci = wfm_csv_require(r, "id", err)) < 0) {
		wfm_csv_close(r);
		return -1;
	}
	ct = wfm_csv_col(r, "tz");
	while ((rc = wfm_csv_next(r, err)) == 1) {
		const char *zone = wfm_csv_get(r, ct);
		void *p = realloc(z->a, (z->n + 1) * sizeof(*z->a));
		struct agent_tz *a;
		if (!p) {
			rc = wfm_error_set(err, "out of memory");
			break;
		}
		z->a = p;
		a = &z->a[z->n];
		memset(a, 0, sizeof(*a));
		if (!(a->id = strdup(wfm_csv_get(r, ci))) || !(a->zone = strdup(zone))) {
			free(a->id);
			rc = wfm_error_set(err, "out of memory");
			break;
		}
		z->n++;
		if (*zone && !(a->tz = wfm_tz_open(zone, err))) {
			wfm_csv_error(r, ct, err, "unknown time zone \"%s\"", zone);
			rc = -1;
			break;
		}
	}
	wfm_csv_close(r);
	return rc < 0 ? -1 : 0;
}

static void hhmm(int64_t utc, const wfm_tz *tz, char *buf, int64_t *day)
{
	struct wfm_tm tm;

	wfm_time_local(utc, tz, &tm);
	sprintf(buf, "%02d:%02d", tm.hour, tm.min);
	if (day)
		*day = tm.days;
}

/* UTC of clock minute m on center day d, the next day when m < ref. */
static int64_t instant(int64_t d, int m, int ref, const wfm_tz *tz)
{
	int64_t t;

	if (m < ref || (ref >= 0 && m == ref))
		d++;
	wfm_tz_to_utc(tz, d * 86400 + (int64_t)m * 60, 0, &t);
	return t;
}

static int convert(const char *path, const struct zones *z, const wfm_tz *center, FILE *fp,
		   wfm_error *err)
{
	static const char *names[] = { "date", "agent_id", "name", "start", "end",
				       "break_start", "break_end", "shift" };
	wfm_csv_reader *r = wfm_csv_open(path, err);
	int c[8], rc;

	if (!r)
		return -1;
	for (int k = 0; k < 8; k++)
		if ((c[k] = wfm_csv_require(r, names[k], err)) < 0) {
			wfm_csv_close(r);
			return -1;
		}
	fputs("date,agent_id,name,start,end,break_start,break_end,shift,tz\n", fp);
	while ((rc = wfm_csv_next(r, err)) == 1) {
		const char *id = wfm_csv_get(r, c[1]);
		const wfm_tz *tz = center;
		const char *zone = wfm_tz_name(center);
		int64_t d, day, t0;
		int s, e, bs = -1, be = -1;
		char a[8], b[8], x[8] = "", y[8] = "", ds[16];
		size_t i;

		for (i = 0; i < z->n && strcmp(z->a[i].id, id); i++)
			;
		if (i == z->n) {
			rc = wfm_csv_error(r, c[1], err, "agent \"%s\" is not in the staff file", id);
			break;
		}
		if (z->a[i].tz) {
			tz = z->a[i].tz;
			zone = z->a[i].zone;
		}
		if (wfm_time_parse_date(wfm_csv_get(r, c[0]), &d, err) ||
		    wfm_time_parse_hhmm(wfm_csv_get(r, c[3]), &s, err) ||
		    wfm_time_parse_hhmm(wfm_csv_get(r, c[4]), &e, err) ||
		    (*wfm_csv_get(r, c[5]) && wfm_time_parse_hhmm(wfm_csv_get(r, c[5]), &bs, err)) ||
		    (*wfm_csv_get(r, c[6]) && wfm_time_parse_hhmm(wfm_csv_get(r, c[6]), &be, err))) {
			char m[sizeof(err->msg)];
			snprintf(m, sizeof(m), "%s", err->msg);
			rc = wfm_csv_error(r, c[0], err, "%s", m);
			break;
		}
		t0 = instant(d, s, -1, center);
		hhmm(t0, tz, a, &day);
		hhmm(instant(d, e, s, center), tz, b, NULL);
		if (bs >= 0)
			hhmm(instant(d, bs, s, center), tz, x, NULL);
		if (be >= 0)
			hhmm(instant(d, be, s, center), tz, y, NULL);
		wfm_time_format_date(day, ds, sizeof(ds));
		fputs(ds, fp);
		wfm_csv_write_field(fp, id, 0);
		wfm_csv_write_field(fp, wfm_csv_get(r, c[2]), 0);
		fprintf(fp, ",%s,%s,%s,%s", a, b, x, y);
		wfm_csv_write_field(fp, wfm_csv_get(r, c[7]), 0);
		wfm_csv_write_field(fp, zone, 0);
		fputc('\n', fp);
	}
	wfm_csv_close(r);
	return rc < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		WFM_OPT_HELP, WFM_OPT_VERSION, WFM_OPT_QUIET, WFM_OPT_VERBOSE,
		{ "tz", required_argument, NULL, 'z' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL, *tzname = NULL;
	wfm_error err = { 0 };
	struct zones z = { 0 };
	wfm_tz *tz;
	wfm_atomic *out;
	int c;

	wfm_gsl_policy();
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hVqvo:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': wfm_print_usage(usage);
		case 'V': wfm_print_version(prog);
		case 'o': output = optarg; break;
		case 'z': tzname = optarg; break;
		case 'q': wfm_set_verbosity(prog, 0); break;
		case 'v': wfm_set_verbosity(prog, 2); break;
		default: wfm_bad_option(prog, argv);
		}
	}
	if (optind + 2 != argc)
		wfm_usage_fail(prog, "give ROSTER.csv and STAFF.csv");
	wfm_stdin_once(prog, 2, argv[optind], argv[optind + 1]);
	wfm_check_outputs(prog, (const char *const *)argv + optind, 2, &output, 1);
	if (!(tz = wfm_tz_open(tzname, &err)))
		wfm_die(prog, &err);
	if (load_staff(argv[optind + 1], &z, &err))
		wfm_die(prog, &err);
	if (!(out = wfm_atomic_open(output, &err)))
		wfm_die(prog, &err);
	if (convert(argv[optind], &z, tz, wfm_atomic_fp(out), &err)) {
		wfm_atomic_abort(out);
		wfm_die(prog, &err);
	}
	if (wfm_atomic_commit(out, &err))
		wfm_die(prog, &err);
	zones_free(&z);
	wfm_tz_free(tz);
	return 0;
}
