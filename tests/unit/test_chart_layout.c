/* test_chart_layout.c - every chart kind on a planner's shape: 15-minute
 * intervals, 14 days, 8 channels with Cyrillic names, 60 agents with
 * Cyrillic names.  The inputs are generated here (plain arithmetic, no
 * randomness); wfm_chart_layout() gives the box of every text drawn, and
 * the checks are on those boxes: time and value axis labels exist, lie
 * on the canvas, and no two texts overlap.  The staff chart's title counts
 * are checked against a count made here from the generated rows. */
#include "chart.h"
#include "check.h"
#include "tz.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NCH 8
#define NDAY 14
#define NQ 96
#define NAG 60
static const char *const chan[NCH] = {
	"звонки", "чат", "письма", "заявления", "претензии", "соцсети", "возвраты", "доставка",
};
static const char *const first[10] = {
	"Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Зоя", "Иван", "Кира",
};
static char dir[64];
/* canvas of the next check_layout (0: the default size) */
static int canvas_w, canvas_h;
/* staff: open intervals and those below target, per channel, as the
 * chart must count them */
static long nopen[NCH], nbelow[NCH];
/* per-channel coverage: required and under-covered quarter-hours */
static long creq[NCH + 1], cunder[NCH + 1];

static void date_of(int d, char *buf, size_t n)
{
	int day = 23 + d, mon = 11;
	if (day > 30)
		day -= 30, mon = 12;
	snprintf(buf, n, "2026-%02d-%02d", mon, day);
}

static FILE *open_in(const char *name, const char *header)
{
	char path[128];
	FILE *fp;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	CHECK(fp != NULL, "create %s", path);
	fprintf(fp, "%s\n", header);
	return fp;
}

/* Volume of channel c in quarter q of day d: a day curve, chat (1) closed
 * 01:00-07:00, Black Friday (d 4) x 1.6. */
static double volume(int c, int d, int q)
{
	double h = q / 4.0, shape = h < 7 ? 0.1 : h < 12 ? 0.5 + (h - 7) / 10 : h < 20 ? 1 : 0.4;
	if (c == 1 && h >= 1 && h < 7)
		return 0;
	return (20 + 10 * c) * shape * (1 + 0.2 * sin(q + c + d)) * (d == 4 ? 1.6 : 1);
}

static void gen_series(void)
{
	FILE *fc = open_in("forecast.csv", "timestamp,channel,volume,aht_s,volume_lo,volume_hi");
	FILE *fe = open_in("evaluation.csv",
			   "timestamp,channel,volume,agents,service_level,sl_target,asa_s,occupancy,abandon");
	FILE *fv = open_in("coverage.csv", "timestamp,required,scheduled,over,under");
	FILE *fk = open_in("coverage-channels.csv", "timestamp,channel,required,scheduled,over,under");
	char date[16];
	for (int d = 0; d < NDAY; d++) {
		date_of(d, date, sizeof(date));
		for (int q = 0; q < NQ; q++) {
			long req = 0, sch, ksum = 0;
			for (int c = 0; c < NCH; c++) {
				double v = volume(c, d, q), sl = 0.5 + 0.5 * pow(sin(q / 7.0 + c), 2);
				long a = v > 0 ? (long)(v / 2.4) + 1 : 0;
				int queue = c < 6, nobody = c == 0 && d == 0 && q < 28;
				fprintf(fc, "%sT%02d:%02d,%s,%.1f,300,%.1f,%.1f\n", date, q / 4, q % 4 * 15, chan[c],
					v, v * 0.8, v * 1.2);
				if (nobody)     /* an open queue nobody works: SL 0, no asa */
					a = 0, sl = 0;
				if (v == 0)
					sl = 1;
				fprintf(fe, "%sT%02d:%02d,%s,%.1f,%ld,%.4f,0.80,", date, q / 4, q % 4 * 15, chan[c], v, a, sl);
				if (queue && !nobody)
					fprintf(fe, "%.1f", 30 * (1 - sl));
				fprintf(fe, ",%.4f,0.01\n", 0.6 + 0.3 * sl);
				/* open: a queue with volume, backlog with agents */
				if (queue ? v > 0 : a > 0) {
					nopen[c]++;
					nbelow[c] += sl < 0.8 - 5e-5;
				}
				req += a;
				{       /* per channel: scheduled swings around required */
					long sc = (long)(a * (1 + 0.3 * sin(q / 9.0 + c + d)));
					fprintf(fk, "%sT%02d:%02d,%s,%ld,%ld,%ld,%ld\n", date, q / 4, q % 4 * 15, chan[c],
						a, sc, sc > a ? sc - a : 0, a > sc ? a - sc : 0);
					ksum += sc;
					creq[c] += a;
					cunder[c] += a > sc ? a - sc : 0;
				}
			}
			fprintf(fk, "%sT%02d:%02d,*,%ld,%ld,%ld,%ld\n", date, q / 4, q % 4 * 15, req, ksum,
				ksum > req ? ksum - req : 0, req > ksum ? req - ksum : 0);
			/* pooled: under-cover of the sums, not the sum of the channels' */
			creq[NCH] += req;
			cunder[NCH] += req > ksum ? req - ksum : 0;
			sch = (long)(req * (1 + 0.3 * sin(q / 5.0 + d)));
			fprintf(fv, "%sT%02d:%02d,%ld,%ld,%ld,%ld\n", date, q / 4, q % 4 * 15, req, sch,
				sch > req ? sch - req : 0, req > sch ? req - sch : 0);
		}
	}
	fclose(fc);
	fclose(fe);
	fclose(fv);
	fclose(fk);
}

static void gen_people(void)
{
	FILE *fr = open_in("roster.csv", "date,agent_id,name,start,end,break_start,break_end");
	FILE *ff = open_in("functions.csv", "timestamp,agent_id,name,function");
	FILE *fp = open_in("profile.csv", "channel,group,time,mean,share,ratio,days");
	static const char *const wd[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	static const char *const up[NCH] = {
		"ЗВОНКИ", "ЧАТ", "ПИСЬМА", "ЗАЯВЛЕНИЯ", "ПРЕТЕНЗИИ", "СОЦСЕТИ", "ВОЗВРАТЫ", "ДОСТАВКА",
	};
	char date[16];
	for (int d = 0; d < NDAY; d++) {
		date_of(d, date, sizeof(date));
		for (int a = 1; a <= NAG; a++) {
			int st = 28 + a * 5 % 40, en = st + 32, bs = st + 16;   /* quarters */
			if ((a + d) % 7 < 2)
				continue;
			fprintf(fr, "%s,К%03d,%s Агентова-%d,%02d:%02d,%02d:%02d,%02d:%02d,%02d:%02d\n", date, a,
				first[a % 10], a, st / 4, st % 4 * 15, en / 4 % 24, en % 4 * 15, bs / 4, bs % 4 * 15,
				(bs + 2) / 4, (bs + 2) % 4 * 15);
			for (int q = st; q < en && q < NQ; q++)
				fprintf(ff, "%sT%02d:%02d,К%03d,%s Агентова-%d,%s\n", date, q / 4, q % 4 * 15, a,
					first[a % 10], a, q >= bs && q < bs + 2 ? "BREAK" : up[(a + q / 8) % NCH]);
		}
	}
	for (int c = 0; c < NCH; c++)
		for (int g = 0; g < 7; g++)
			for (int q = 0; q < NQ; q++)
				fprintf(fp, "%s,%s,%02d:%02d,%.4f,%.4f,%.4f,104\n", chan[c], wd[g], q / 4, q % 4 * 15,
					volume(c, g, q), 1.0 / NQ, 1.0);
	fclose(fr);
	fclose(ff);
	fclose(fp);
}

/* An hourly forecast of ndays days from 2026-10-05 (a Monday), 2 channels. */
static void gen_span(const char *name, int ndays)
{
	FILE *fp = open_in(name, "timestamp,channel,volume,aht_s,volume_lo,volume_hi");
	for (int d = 0; d < ndays; d++) {
		int mon = 10, day = 5 + d;
		while (day > (mon == 10 ? 31 : 30))
			day -= mon == 10 ? 31 : 30, mon++;
		for (int hr = 0; hr < 24; hr++)
			for (int c = 0; c < 2; c++) {
				double v = volume(c, d, hr * 4);
				fprintf(fp, "2026-%02d-%02dT%02d:00,%s,%.1f,300,%.1f,%.1f\n", mon, day, hr, chan[c], v,
					v * 0.8, v * 1.2);
			}
	}
	fclose(fp);
}

/* Quarter-hours as agent-hours, written as the charts write them: whole
 * numbers plain, others with one decimal. */
static const char *hours(char *buf, long quarters)
{
	snprintf(buf, 32, quarters % 4 ? "%.1f" : "%.0f", quarters / 4.0);
	return buf;
}

static int overlap(const struct wfm_chart_box *a, const struct wfm_chart_box *b)
{
	const double e = 0.5;   /* antialiasing: touching is not overlapping */
	return a->x + e < b->x + b->w && b->x + e < a->x + a->w && a->y + e < b->y + b->h && b->y + e < a->y + a->h;
}

static void check_layout(enum wfm_chart_kind kind, const char *file, const wfm_tz *tz, long min_time,
			 long min_value)
{
	struct wfm_chart_opts o = { 0 };
	wfm_error err = { 0 };
	struct wfm_chart_box *b = NULL;
	char path[128];
	size_t n = 0;
	long ntime = 0, nvalue = 0, nover = 0, noff = 0;
	int w, h;
	wfm_chart *c;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	o.tz = tz;
	o.history_weeks = 2;
	o.width = canvas_w;
	o.height = canvas_h;
	c = wfm_chart_load(kind, path, &o, &err);
	CHECK(c != NULL, "load %s: %s", file, err.msg);
	if (!c)
		return;
	wfm_chart_size(c, &w, &h);
	CHECK(wfm_chart_layout(c, &b, &n, &err) == 0, "layout %s: %s", file, err.msg);
	for (size_t i = 0; i < n; i++) {
		ntime += b[i].role == WFM_CHART_BOX_TIME;
		nvalue += b[i].role == WFM_CHART_BOX_VALUE;
		if (b[i].x < 0 || b[i].y < 0 || b[i].x + b[i].w > w || b[i].y + b[i].h > h) {
			if (!noff++)
				fprintf(stderr, "%s: \"%s\" leaves the %dx%d canvas\n", file, b[i].text, w, h);
		}
		for (size_t j = i + 1; j < n; j++)
			if (overlap(&b[i], &b[j]) && !nover++)
				fprintf(stderr, "%s: \"%s\" (%.0f,%.0f %.0fx%.0f) overlaps \"%s\" (%.0f,%.0f %.0fx%.0f)\n",
					file, b[i].text, b[i].x, b[i].y, b[i].w, b[i].h, b[j].text, b[j].x, b[j].y,
					b[j].w, b[j].h);
	}
	CHECK(ntime >= min_time, "%s: %ld time axis labels, want at least %ld", file, ntime, min_time);
	CHECK(nvalue >= min_value, "%s: %ld value axis labels, want at least %ld", file, nvalue, min_value);
	CHECK(nover == 0, "%s: %ld overlapping text pairs", file, nover);
	CHECK(noff == 0, "%s: %ld texts off the canvas", file, noff);
	if (kind == WFM_CHART_COVERAGE && strstr(file, "channels"))
		for (int k = 0; k <= NCH; k++) {
			char want[96], title[64];
			int found = 0;
			/* quarter-hours to agent-hours, as the chart writes them */
			char r[32], u[32];
			snprintf(want, sizeof(want), "required %s agent-h, under %s", hours(r, creq[k]), hours(u, cunder[k]));
			snprintf(title, sizeof(title), "%s", k < NCH ? chan[k] : "all channels (pooled)");
			for (size_t i = 0; i + 1 < n; i++)
				found |= !strcmp(b[i].text, title) && !strncmp(b[i + 1].text, want, strlen(want));
			CHECK(found, "coverage per channel: \"%s\" panel says \"%s\"", title, want);
		}
	if (kind == WFM_CHART_STAFF)
		for (int k = 0; k < NCH; k++) {
			char want[64];
			int found = 0;
			snprintf(want, sizeof(want), "%ld of %ld open intervals below target", nbelow[k], nopen[k]);
			for (size_t i = 0; i < n; i++)
				found |= strstr(b[i].text, want) != NULL;
			CHECK(found, "staff %s: title says \"%s\"", chan[k], want);
		}
	free(b);
	wfm_chart_free(c);
}

/* The rows of the first nch channels and the pooled rows ("*") of
 * coverage-channels.csv. */
static void gen_coverage_subset(const char *name, int nch)
{
	char path[128], line[256];
	FILE *in, *out;
	snprintf(path, sizeof(path), "%s/coverage-channels.csv", dir);
	in = fopen(path, "r");
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	out = fopen(path, "w");
	CHECK(in && out, "%s", name);
	while (in && out && fgets(line, sizeof(line), in)) {
		const char *ch = strchr(line, ',');
		int keep = !strncmp(line, "timestamp,", 10) || (ch && !strncmp(ch, ",*,", 3));
		for (int c = 0; c < nch && ch && !keep; c++)
			keep = !strncmp(ch + 1, chan[c], strlen(chan[c])) && ch[1 + strlen(chan[c])] == ',';
		if (keep)
			fputs(line, out);
	}
	if (in)
		fclose(in);
	if (out)
		fclose(out);
}

int main(void)
{
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("UTC", &err);
	static const char *const files[] = {
		"forecast.csv", "evaluation.csv", "coverage.csv", "roster.csv", "functions.csv", "profile.csv",
		"forecast-1d.csv", "forecast-8w.csv", "coverage-channels.csv", "coverage-4.csv",
	};

	snprintf(dir, sizeof(dir), "%s/wfm-layout.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	CHECK(mkdtemp(dir) != NULL, "temporary directory");
	gen_series();
	gen_people();
	/* 8 panels x (a label a day at least); 8 x 3 value labels */
	check_layout(WFM_CHART_FORECAST, "forecast.csv", tz, 8 * 7, 8 * 2);
	check_layout(WFM_CHART_STAFF, "evaluation.csv", tz, 8 * 7, 8 * 2);
	/* forecast spans of 1 day and 8 weeks (hourly, 2 channels): labels
	 * every few hours; on each of the 8 Mondays at least */
	gen_span("forecast-1d.csv", 1);
	gen_span("forecast-8w.csv", 56);
	check_layout(WFM_CHART_FORECAST, "forecast-1d.csv", tz, 2 * 6, 2 * 2);
	check_layout(WFM_CHART_FORECAST, "forecast-8w.csv", tz, 2 * 8, 2 * 2);
	/* 14 day panels, each with hour labels under its strip */
	check_layout(WFM_CHART_COVERAGE, "coverage.csv", tz, 14 * 4, 14 * 2);
	/* per channel (skill groups): 9 stacked panels on one time axis */
	check_layout(WFM_CHART_COVERAGE, "coverage-channels.csv", tz, 7, 9 * 2);
	/* a small canvas: the title and subtitle shrink or are cut to fit */
	canvas_w = 800, canvas_h = 500;
	check_layout(WFM_CHART_FORECAST, "forecast-1d.csv", tz, 2 * 4, 2 * 2);
	check_layout(WFM_CHART_FORECAST, "forecast-8w.csv", tz, 2 * 4, 2 * 2);
	gen_coverage_subset("coverage-4.csv", 4);  /* 4 + pooled panels, as out/coverage-groups.csv */
	check_layout(WFM_CHART_COVERAGE, "coverage-4.csv", tz, 7, 5 * 2);
	canvas_w = canvas_h = 0;
	check_layout(WFM_CHART_ROSTER, "roster.csv", tz, 14, 0);
	check_layout(WFM_CHART_FUNCTIONS, "functions.csv", tz, 2 * 7, 2);
	/* 8 channel heatmaps, 7 weekday labels each */
	check_layout(WFM_CHART_PROFILE, "profile.csv", tz, 8 * 4, 8 * 7);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[128];
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
	wfm_tz_free(tz);
	wfm_chart_release_caches();
	return check_done("test_chart_layout");
}
