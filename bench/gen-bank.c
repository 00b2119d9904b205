/*
 * gen-bank.c - a forecast benchmark that is not shaped like our own demo
 * generator (data/gen/gen.c): a bank's inbound contact center, open on
 * weekdays 07:00-21:00 only, with public holidays as whole days of zeros.
 *
 * Usage: wfm-gen-bank MINUTES SEED DIR
 *   writes DIR/bank-MINUTES.csv (timestamp,channel,volume) and
 *   DIR/bank-events.csv (date,name,closed: the public holidays, past and
 *   the year ahead, as a bank would list them).  MINUTES is 15 or 60.
 *
 * Arrivals are a non-homogeneous Poisson process: the count of an
 * interval is Poisson with mean the integral of the rate over it,
 *
 *   rate(t) = level(d) * weekday[c][wd] * dayEffect(d, c) * shape(c, t)
 *
 * - level(d): TARGET[c] with a slow drift and two level shifts (a branch
 *   closure moving calls in week 14, a product launch in week 27);
 * - dayEffect(d, c): lognormal, sd 0.07, AR(1) over days (phi 0.4), plus
 *   +25 % on the first working day after a holiday and +12 % on the first
 *   working day of a month (salaries);
 * - shape(c, t): a smooth intraday curve with a morning peak and a
 *   smaller after-work peak, plus a half-hourly lognormal wobble (sd 0.06)
 *   drawn per day, so the shape is not the same every week;
 * - a few outage days: the phone system is down for 2-6 hours (rate 3 %),
 *   and one "viral" day (a news story) at 1.8x; none are announced.
 *
 * Weekends and hours outside 07:00-21:00 are rows of 0.  All randomness
 * is GSL's mt19937 with the given seed: same seed, same bytes.
 */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WEEKS 40
#define START_DAY 20094          /* Mon 2025-01-06, days since 1970-01-01 */
#define OPEN_MIN (7 * 60)
#define CLOSE_MIN (21 * 60)
#define NCH 3

static const char *const NAME[NCH] = { "calls", "chat", "callback" };
static const double TARGET[NCH] = { 9000, 1500, 160 };      /* a Wednesday */
static const double WEEKDAY[NCH][5] = {
	{ 1.25, 1.05, 1.00, 0.97, 0.90 },
	{ 1.10, 1.00, 1.00, 0.98, 0.92 },
	{ 1.30, 1.05, 0.95, 0.95, 0.80 },
};

/* Public holidays 2025-2026 (German federal), days since 1970-01-01. */
static const struct { int y, m, d; const char *name; } HOLIDAYS[] = {
	{ 2025, 1, 1, "New Year" }, { 2025, 4, 18, "Good Friday" },
	{ 2025, 4, 21, "Easter Monday" }, { 2025, 5, 1, "Labour Day" },
	{ 2025, 5, 29, "Ascension" }, { 2025, 6, 9, "Whit Monday" },
	{ 2025, 10, 3, "Unity Day" }, { 2025, 12, 25, "Christmas" },
	{ 2025, 12, 26, "Boxing Day" }, { 2026, 1, 1, "New Year" },
	{ 2026, 4, 3, "Good Friday" }, { 2026, 4, 6, "Easter Monday" },
};
#define NHOL (sizeof(HOLIDAYS) / sizeof(HOLIDAYS[0]))

static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int holiday(long day)
{
	for (size_t i = 0; i < NHOL; i++)
		if (days_from_civil(HOLIDAYS[i].y, HOLIDAYS[i].m, HOLIDAYS[i].d) == day)
			return 1;
	return 0;
}

/* Smooth intraday rate per minute (unnormalised) of channel c. */
static double shape(int c, double min)
{
	double h = min / 60;

	if (min < OPEN_MIN || min >= CLOSE_MIN)
		return 0;
	if (c == 1)    /* chat: flatter, busier after work */
		return 0.6 + 0.5 * exp(-0.5 * pow((h - 11) / 2.0, 2)) + 0.6 * exp(-0.5 * pow((h - 19) / 1.5, 2));
	return 0.3 + 1.0 * exp(-0.5 * pow((h - 10) / 1.6, 2)) + 0.55 * exp(-0.5 * pow((h - 16.5) / 2.0, 2))
		- 0.15 * exp(-0.5 * pow((h - 13) / 0.6, 2));
}

int main(int argc, char **argv)
{
	int step, ndays = WEEKS * 7, per_day;
	unsigned long seed;
	char path[4096];
	double norm[NCH], ar[NCH] = { 0 };
	FILE *fp;
	gsl_rng *r;

	if (argc != 4 || ((step = atoi(argv[1])) != 15 && step != 60)) {
		fprintf(stderr, "usage: wfm-gen-bank 15|60 SEED DIR\n");
		return 2;
	}
	seed = strtoul(argv[2], NULL, 10);
	per_day = 1440 / step;
	for (int c = 0; c < NCH; c++) {
		norm[c] = 0;
		for (int m = 0; m < 1440; m++)
			norm[c] += shape(c, m + 0.5);
	}
	snprintf(path, sizeof(path), "%s/bank-events.csv", argv[3]);
	if (!(fp = fopen(path, "w")))
		return perror(path), 1;
	fputs("date,name,closed\n", fp);
	for (size_t i = 0; i < NHOL; i++)
		fprintf(fp, "%04d-%02d-%02d,%s,1\n", HOLIDAYS[i].y, HOLIDAYS[i].m, HOLIDAYS[i].d,
			HOLIDAYS[i].name);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/bank-%d.csv", argv[3], step);
	if (!(fp = fopen(path, "w")))
		return perror(path), 1;
	r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, seed);
	fputs("timestamp,channel,volume\n", fp);
	for (int d = 0; d < ndays; d++) {
		long day = START_DAY + d;
		int wd = d % 7, y, mo, dd, prev_closed = 0, month_first = 0;
		double eff[NCH], wob[NCH][48];
		int out_from = -1, out_to = -1;
		double viral = 1;

		civil_from_days(day, &y, &mo, &dd);
		/* first working day after a holiday / of the month */
		for (long b = day - 1; b >= day - 4; b--) {
			int bw = (int)((b - START_DAY) % 7 + 7) % 7;
			if (bw >= 5)
				continue;
			prev_closed = holiday(b);
			break;
		}
		if (wd < 5) {
			int k = 0;
			for (long b = day - dd + 1; b < day; b++) {
				int bw = (int)((b - START_DAY) % 7 + 7) % 7;
				if (bw < 5 && !holiday(b))
					k++;
			}
			month_first = k == 0;
		}
		for (int c = 0; c < NCH; c++) {
			ar[c] = 0.4 * ar[c] + gsl_ran_gaussian(r, 0.07);
			eff[c] = exp(ar[c]) * (prev_closed ? 1.25 : 1) * (month_first ? 1.12 : 1);
			for (int k = 0; k < 48; k++)
				wob[c][k] = exp(gsl_ran_gaussian(r, 0.06));
		}
		if (gsl_rng_uniform(r) < 0.02 && wd < 5) {     /* outage */
			out_from = 8 * 60 + (int)gsl_rng_uniform_int(r, 8) * 60;
			out_to = out_from + 120 + (int)gsl_rng_uniform_int(r, 5) * 60;
		}
		if (d == 7 * 19 + 2)
			viral = 1.8;
		for (int i = 0; i < per_day; i++) {
			char ts[32];
			snprintf(ts, sizeof(ts), "%04d-%02d-%02dT%02d:%02d", y, mo, dd,
				 i * step / 60, i * step % 60);
			for (int c = 0; c < NCH; c++) {
				double lvl = TARGET[c] * (1 + 0.08 * d / ndays), mu = 0;
				if (c == 0 && d >= 7 * 14)
					lvl *= 1.18;     /* a branch closure moves calls in */
				if (c == 1 && d >= 7 * 27)
					lvl *= 1.30;     /* app launch: more chat */
				if (c == 2 && d >= 7 * 27)
					lvl *= 0.85;
				if (wd < 5 && !holiday(day))
					for (int m = i * step; m < (i + 1) * step; m++) {
						double v = lvl * WEEKDAY[c][wd] * eff[c] * viral *
							shape(c, m + 0.5) / norm[c] * wob[c][m / 30];
						if (m >= out_from && m < out_to && c != 1)
							v *= 0.03;
						mu += v;
					}
				fprintf(fp, "%s,%s,%u\n", ts, NAME[c], mu > 0 ? gsl_ran_poisson(r, mu) : 0);
			}
		}
	}
	gsl_rng_free(r);
	return fclose(fp) ? 1 : 0;
}
