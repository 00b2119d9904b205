/* test_profile.c - lib/profile.c on series built in memory, expected
 * values by hand.
 *
 * Series A (UTC, 15-min, Mon 2026-01-05 and Tue 2026-01-06; day number
 * 20454 + 4 = 20458, start 20458*86400 = 1767571200): slots 25..90
 * (06:15-22:30 starts, 66 slots) carry 1 contact, slot 48 (12:00) 10, the
 * other 30 slots 0; Tuesday is doubled.  Day totals 65 + 10 = 75 and 150.
 * Shares: slot 48 = 10/75 = 0.13333; ratio = 10 / (75/96) = 12.8; slot 30 =
 * 1/75, ratio 1.28.  Closed 22:45 (slot 91) to 06:15 (slot 25), wrapping.
 *
 * Series B (America/New_York, hourly, 49 ones from 2026-11-01T00:00 EDT =
 * 04:00Z = 1793505600): Sunday has 25 hours (01:00 twice), Monday 24.
 */
#include "check.h"
#include "profile.h"
#include "timeutil.h"

#include <unistd.h>

static wfm_series *series_a(void)
{
	const char *names[] = { "calls" };
	wfm_series *s = wfm_series_alloc(1, names, 1767571200, 900, 192, 0, NULL);

	if (!s)
		return NULL;
	for (size_t i = 0; i < 192; i++) {
		size_t k = i % 96;
		double v = k >= 25 && k <= 90 ? (k == 48 ? 10 : 1) : 0;
		s->volume[i] = v * (i < 96 ? 1 : 2);
	}
	return s;
}

static void test_profile_a(void)
{
	wfm_error err = { 0 };
	wfm_tz *utc = wfm_tz_open("UTC", &err);
	wfm_series *s = series_a();
	wfm_profile *p = s && utc ? wfm_profile_compute(s, utc, WFM_BY_WEEKDAY, &err) : NULL;

	CHECK(p != NULL, "compute");
	if (!p)
		goto out;
	CHECK(p->ngroups == 7 && p->nslots == 96 && p->step == 900, "shape");
	const struct wfm_profile_chan *c = &p->chan[0];
	CHECK_NEAR(c->mean[48], 10, 1e-12, "Mon 12:00 mean");
	CHECK_NEAR(c->share[48], 10.0 / 75, 1e-12, "Mon 12:00 share");
	CHECK_NEAR(c->ratio[48], 12.8, 1e-12, "Mon 12:00 ratio");
	CHECK_NEAR(c->ratio[30], 1.28, 1e-12, "Mon 07:30 ratio");
	CHECK_NEAR(c->mean[96 + 48], 20, 1e-12, "Tue 12:00 mean");
	CHECK_NEAR(c->share[96 + 48], 10.0 / 75, 1e-12, "Tue share same as Mon");
	CHECK(c->mean[0] == 0 && c->ndays[0] == 1, "Mon 00:00 is 0, 1 day");
	CHECK(isnan(c->mean[2 * 96]) && c->ndays[2 * 96] == 0 && isnan(c->share[2 * 96]), "Wed empty");
	double sum = 0;
	for (int k = 0; k < 96; k++)
		sum += c->share[k];
	CHECK_NEAR(sum, 1, 1e-12, "Mon shares sum to 1");
	CHECK_STR(wfm_profile_group_name(p, 6), "Sun", "group name");
	wfm_profile_free(p);

	p = wfm_profile_compute(s, utc, WFM_BY_MONTH, &err);
	CHECK(p && p->ngroups == 12 && p->chan[0].ndays[48] == 2 && fabs(p->chan[0].mean[48] - 15) < 1e-12,
	      "by month: Jan 12:00 = (10+20)/2 over 2 days");
	CHECK(p && !strcmp(wfm_profile_group_name(p, 0), "Jan"), "Jan");
	wfm_profile_free(p);

	wfm_daily *d = wfm_profile_daily(s, utc, &err);
	CHECK(d && d->first_day == 20458 && d->ndays == 2, "daily days");
	CHECK(d && d->total[0] == 75 && d->total[1] == 150 && !d->incomplete[0] && !d->incomplete[1], "daily totals");
	wfm_daily_free(d);

	struct wfm_channel_summary sum1;
	CHECK(wfm_profile_summary(s, utc, 3, &sum1, &err) == 0, "summary");
	CHECK_NEAR(sum1.mean_daily, 112.5, 1e-12, "mean daily (75+150)/2");
	CHECK(sum1.weekday_mean[0] == 75 && sum1.weekday_mean[1] == 150 && isnan(sum1.weekday_mean[2]),
	      "weekday means");
	CHECK(sum1.weeks == 0 && isnan(sum1.growth_week), "no complete week: no growth");
	CHECK(sum1.closed_from == 22 * 60 + 45 && sum1.closed_to == 6 * 60 + 15, "closed %d-%d",
	      sum1.closed_from, sum1.closed_to);
	CHECK_NEAR(sum1.peak_ratio, 12.8, 1e-12, "peak ratio");
	CHECK(sum1.intervals == 192 && sum1.missing == 0 && sum1.zero == 60, "counts %zu %zu %zu",
	      sum1.intervals, sum1.missing, sum1.zero);
	CHECK(sum1.ntop == 2 && sum1.top[0].day == 20459 && sum1.top[0].total == 150 &&
	      sum1.top[1].day == 20458, "peak days");

	/* a gap makes Tuesday incomplete: it leaves the means and peak days */
	s->volume[96 + 48] = NAN;
	s->missing[0] = 1;
	CHECK(wfm_profile_summary(s, utc, 3, &sum1, &err) == 0 && sum1.ntop == 1 &&
	      sum1.mean_daily == 75 && isnan(sum1.weekday_mean[1]), "incomplete day left out");
	d = wfm_profile_daily(s, utc, &err);
	CHECK(d && d->incomplete[1] == 1 && d->total[1] == 130, "Tue: 150 - 20, one interval missing");
	wfm_daily_free(d);
out:
	wfm_series_free(s);
	wfm_tz_free(utc);
}

static void test_dst_b(void)
{
	wfm_error err = { 0 };
	wfm_tz *ny = wfm_tz_open("America/New_York", &err);
	const char *names[] = { "c" };
	wfm_series *s = wfm_series_alloc(1, names, 1793505600, 3600, 49, 0, &err);

	CHECK(ny && s, "setup");
	if (!ny || !s)
		goto out;
	for (size_t i = 0; i < 49; i++)
		s->volume[i] = 1;
	wfm_daily *d = wfm_profile_daily(s, ny, &err);
	CHECK(d && d->ndays == 2 && d->total[0] == 25 && d->total[1] == 24 &&
	      !d->incomplete[0] && !d->incomplete[1], "25 h Sunday, 24 h Monday complete");
	wfm_daily_free(d);
	wfm_profile *p = wfm_profile_compute(s, ny, WFM_BY_WEEKDAY, &err);
	CHECK(p && p->chan[0].ndays[6 * 24 + 1] == 2 && p->chan[0].ndays[6 * 24 + 2] == 1 &&
	      p->chan[0].mean[6 * 24 + 1] == 1, "Sunday 01:00 counted twice");
	wfm_profile_free(p);
	/* the series cut at Sunday 12:00 local (13 + 1 intervals): incomplete */
	s->n = 14;
	d = wfm_profile_daily(s, ny, &err);
	CHECK(d && d->ndays == 1 && d->total[0] == 14 && d->incomplete[0] == 11, "cut day: 25 - 14 = 11 missing");
	wfm_daily_free(d);
out:
	wfm_series_free(s);
	wfm_tz_free(ny);
}

/* A profile read back (wfm_profile_load) marks the cells the file gives:
 * Mon 00:00 and 12:00, Tue 12:00 (empty mean) on an hourly grid (12:00 is
 * on it, so 60 min: 24 slots); given is 1 on those three cells of the
 * 7 x 24 only, and the empty mean is NAN. */
static void test_given(void)
{
	char path[] = "/tmp/wfm-test-prof.XXXXXX";
	wfm_error err = { 0 };
	wfm_profile *p;
	int n = 0;

	if (check_write_tmp(path, "channel,group,time,mean\ncalls,Mon,00:00,0\ncalls,Mon,12:00,10\n"
			    "calls,Tue,12:00,\n"))
		return;
	p = wfm_profile_load(path, &err);
	unlink(path);
	CHECK(p && p->ngroups == 7 && p->nslots == 24 && p->given, "7 x 24 hourly: %s", err.msg);
	if (!p || !p->given)
		return;
	for (int k = 0; k < 7 * 24; k++)
		n += p->given[k];
	CHECK(n == 3 && p->given[0] && p->given[12] && p->given[24 + 12], "three cells given, %d", n);
	CHECK(isnan(p->chan[0].mean[24 + 12]) && p->chan[0].mean[12] == 10, "means");
	wfm_profile_free(p);
}

int main(void)
{
	test_given();
	test_profile_a();
	test_dst_b();
	return check_done("test_profile");
}
