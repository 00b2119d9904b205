/* test_chart.c - lib/chart*.c: formats, determinism, and pixels where the
 * data demand a colour.  Positions are worked out by hand from the layout
 * (comments give the arithmetic) or read off the image itself. */
#include "chart.h"
#include "chart_int.h"
#include "check.h"
#include "mem.h"
#include "tz.h"

#include <cairo.h>
#include <stdlib.h>
#include <string.h>

#define FIX "tests/fixtures/chart/"

struct img { cairo_surface_t *s; unsigned char *d; int w, h, stride; };

/* Render to a memory buffer; returns its bytes (malloc'ed) and size. */
static unsigned char *render(wfm_chart *c, enum wfm_chart_format fmt, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);
	wfm_error err = { 0 };
	int rc = wfm_chart_write(c, fmt, fp, &err);
	fclose(fp);
	CHECK(rc == 0, "write: %s", err.msg);
	return (unsigned char *)buf;
}

struct png_src { const unsigned char *p; size_t n, at; };

static cairo_status_t read_mem(void *cl, unsigned char *data, unsigned int len)
{
	struct png_src *s = cl;
	if (s->at + len > s->n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, s->p + s->at, len);
	s->at += len;
	return CAIRO_STATUS_SUCCESS;
}

/* Render as PNG and decode it again, as a viewer would. */
static struct img load_png(wfm_chart *c)
{
	struct img im = { 0 };
	size_t n;
	unsigned char *png = render(c, WFM_CHART_PNG, &n);
	struct png_src src = { png, n, 0 };

	CHECK(n > 33 && !memcmp(png, "\x89PNG\r\n\x1a\n", 8), "PNG signature");
	im.s = cairo_image_surface_create_from_png_stream(read_mem, &src);
	im.d = cairo_image_surface_get_data(im.s);
	im.w = cairo_image_surface_get_width(im.s);
	im.h = cairo_image_surface_get_height(im.s);
	im.stride = cairo_image_surface_get_stride(im.s);
	free(png);
	return im;
}

static uint32_t px(const struct img *im, int x, int y)
{
	if (x < 0 || y < 0 || x >= im->w || y >= im->h)
		return 0xFFFFFFFF;
	return *(uint32_t *)(im->d + (size_t)y * im->stride + 4 * (size_t)x) & 0xFFFFFF;
}

/* Colour within tol per channel. */
static int near_rgb(uint32_t got, int r, int g, int b, int tol)
{
	return abs((int)(got >> 16 & 255) - r) <= tol && abs((int)(got >> 8 & 255) - g) <= tol &&
	       abs((int)(got & 255) - b) <= tol;
}

static wfm_chart *load(enum wfm_chart_kind k, const char *path, const wfm_tz *tz, const char *date)
{
	struct wfm_chart_opts o = { 0 };
	wfm_error err = { 0 };
	wfm_chart *c;

	o.tz = tz;
	o.date = date;
	o.history_weeks = 2;
	c = wfm_chart_load(k, path, &o, &err);
	CHECK(c != NULL, "load %s: %s", path, err.msg);
	return c;
}

/* The chart of kind k on path (day date or NULL) as a decoded PNG in *im:
 * 0, or -1 (the failed check counted) when it does not load. */
static int load_img(enum wfm_chart_kind k, const char *path, const wfm_tz *tz, const char *date,
		    struct img *im)
{
	wfm_chart *c = load(k, path, tz, date);

	if (!c)
		return -1;
	*im = load_png(c);
	wfm_chart_free(c);
	return 0;
}

static void test_names(void)
{
	CHECK(wfm_chart_format_of("a.png") == WFM_CHART_PNG, "png");
	CHECK(wfm_chart_format_of("a/b.SVG") == WFM_CHART_SVG, "svg any case");
	CHECK(wfm_chart_format_of("x.pdf") == WFM_CHART_PDF, "pdf");
	CHECK(wfm_chart_format_of("-") == WFM_CHART_PNG, "stdout is png");
	CHECK(wfm_chart_format_of("out") == WFM_CHART_PNG, "no extension is png");
	CHECK(wfm_chart_format_of("x.jpg") == -1, "jpg refused");
	CHECK(wfm_chart_format_of("dir.v2/out") == WFM_CHART_PNG, "dot in directory only");
	CHECK(wfm_chart_kind_parse("roster") == WFM_CHART_ROSTER, "kind roster");
	CHECK(wfm_chart_kind_parse("gantt") == -1, "unknown kind");
	CHECK_NEAR(chart_nice_max(14.7), 15, 1e-9, "nice max 14.7");
	CHECK_NEAR(chart_nice_max(263), 300, 1e-9, "nice max 263");
}

/* coverage-day.csv: required 10 all day; scheduled 4 at 10:00 (under by
 * 6), 14 at 18:00 (over by 4).  Layout (chart_coverage.c): header 90 px,
 * legend strip 44 px, one panel, left 80, right 40, panel head 30, foot
 * 46: panel x = 80, w = 1684 - 120 = 1564, y = 120, h = (1146 - 90) - 76
 * = 980, split into the agents part, h = floor(0.68 * 980) = 666, and
 * 14 px under it the scheduled - required strip, y 800, h 300.
 * Agents: y axis 0..nice_max(14 * 1.05) = 15, gridlines every 2.
 * 10:00-11:00 spans x 80 + 1564 * 10/24 = 731.7 .. 796.8; values 4..10
 * span y 120 + 666 * (1 - 10/15) = 342 .. 608.4: sample (764, 475).
 * Vermillion D55E00 at alpha 0.85 on white: (219.3, 118.2, 38.3).
 * 18:00-19:00: x 1253.5 .. 1318.7, values 10..14 span y 164.4 .. 342
 * (gridline at 12: y 253.2): sample (1286, 220).  Sky 56B4E9 at alpha
 * 0.8 on white: (119.8, 195, 237.4).
 * Strip: scale +-nice_max(6) = 6 about its middle y 950; under by 6 is a
 * full-depth opaque vermillion bar 950..1100 (sample (764, 1000)); over by
 * 4 an opaque sky bar 850..950 (sample (1286, 920)); 05:00 is white.
 * 05:00 at y 620 (value 3.7, between the lines only when uncovered): white. */
static void test_coverage(const wfm_tz *tz)
{
	struct img im;

	if (load_img(WFM_CHART_COVERAGE, FIX "coverage-day.csv", tz, NULL, &im))
		return;
	CHECK(im.w == 1684 && im.h == 1190, "coverage size %dx%d", im.w, im.h);
	CHECK(near_rgb(px(&im, 764, 475), 219, 118, 38, 3), "under-cover red at 10:00: %06x", px(&im, 764, 475));
	CHECK(near_rgb(px(&im, 1286, 220), 120, 195, 237, 3), "over-cover blue at 18:00: %06x", px(&im, 1286, 220));
	CHECK(near_rgb(px(&im, 764, 1000), 0xD5, 0x5E, 0x00, 2), "strip: under 10:00 below 0: %06x", px(&im, 764, 1000));
	CHECK(near_rgb(px(&im, 764, 930), 255, 255, 255, 0), "strip: under 10:00 nothing above 0");
	CHECK(near_rgb(px(&im, 1286, 920), 0x56, 0xB4, 0xE9, 2), "strip: over 18:00 above 0: %06x", px(&im, 1286, 920));
	CHECK(near_rgb(px(&im, 1286, 840), 255, 255, 255, 0), "strip: over by 4 of 6 stops at y 850");
	CHECK(near_rgb(px(&im, 80 + 1564 * 5.5 / 24, 920), 255, 255, 255, 0), "strip: covered 05:00 white");
	CHECK(near_rgb(px(&im, 80 + 1564 * 5.5 / 24, 620), 255, 255, 255, 0), "covered 05:00 white");
	/* Outside the under-cover interval by a few pixels: not red. */
	CHECK(!near_rgb(px(&im, 727, 620), 219, 118, 38, 30), "09:59 not red");
	CHECK(!near_rgb(px(&im, 801, 620), 219, 118, 38, 30), "11:01 not red");
	cairo_surface_destroy(im.s);
}

/* roster-2.csv, --date 2026-11-23: A1 09:00-17:00 break 13:00-13:30
 * (band 08-10: bluish green 009E73), B2 12:00-20:00 no break (band 12-14:
 * orange E69F00).  Rows sorted by start: A1 first.  Day view 09:00-20:00
 * (660 min).  Row centres: plot top 90 + 30 = 120, row height (1146 - 90
 * - 60) / 2 = 498: centres y = 369 and 867; the bar label is written
 * at the centre, so read 100 px above it (bars are 0.74 x 498 tall).  The bar ends give the plot's x and
 * width (A1 starts at its left edge, B2 ends at its right edge); then A1
 * ends at 480/660 of it, its break is 240/660 .. 270/660, and B2 starts
 * at 180/660. */
/* First run of colour rgb on row y from x = from: its first x, and its
 * last in *end.  Gridlines (1-2 px) across a run do not end it. */
static int run_of(const struct img *im, int y, int r, int g, int b, int from, int *end)
{
	int x = from;
	while (x < im->w && !near_rgb(px(im, x, y), r, g, b, 2))
		x++;
	if (x >= im->w)
		return -1;
	*end = x;
	for (;;) {
		int k = 1;
		while (k <= 3 && !near_rgb(px(im, *end + k, y), r, g, b, 2))
			k++;
		if (k > 3)
			break;
		*end += k;
	}
	return x;
}

static void test_roster(const wfm_tz *tz)
{
	wfm_chart *c = load(WFM_CHART_ROSTER, FIX "roster-2.csv", tz, "2026-11-23");
	struct img im;
	int a0, a1, g0, g1, b0, b1;
	double x0, w;

	if (!c)
		return;
	im = load_png(c);
	a0 = run_of(&im, 269, 0x00, 0x9E, 0x73, 0, &a1);     /* A1 before its break */
	g0 = run_of(&im, 269, 255, 255, 255, a1 + 1, &g1);   /* the hollow break */
	b0 = run_of(&im, 767, 0xE6, 0x9F, 0x00, 0, &b1);     /* B2 */
	CHECK(a0 > 0 && g0 > 0 && b0 > 0, "bars found: %d %d %d", a0, g0, b0);
	x0 = a0;
	w = b1 + 1 - a0;
	CHECK_NEAR(g0, x0 + w * 240 / 660, 2, "break starts 13:00");
	CHECK_NEAR(g1 + 1, x0 + w * 270 / 660, 2, "break ends 13:30");
	CHECK_NEAR(b0, x0 + w * 180 / 660, 2, "B2 starts 12:00");
	{
		int e0, e1;   /* after the break: green again until 17:00 */
		e0 = run_of(&im, 269, 0x00, 0x9E, 0x73, g1 + 1, &e1);
		CHECK(e0 > g1 && e0 <= g1 + 3, "green resumes after the break: %d after %d", e0, g1);
		CHECK_NEAR(e1 + 1, x0 + w * 480 / 660, 2, "A1 ends 17:00");
	}
	CHECK(w > 1000, "plot is most of the width: %g", w);
	cairo_surface_destroy(im.s);
	wfm_chart_free(c);

	/* Whole file: two days -> week view; size grows only past the rows. */
	c = load(WFM_CHART_ROSTER, FIX "roster-2.csv", tz, NULL);
	if (c) {
		int wd, ht;
		wfm_chart_size(c, &wd, &ht);
		CHECK(wd == 1684 && ht == 1190, "week of 2 agents keeps A4: %dx%d", wd, ht);
		wfm_chart_free(c);
	}
	/* 120 agents need 120 x 16 px rows: the canvas grows to 90 + 44 + 60
	 * + 1920 = 2114 px (rows of exactly 16 px: (2114 - 44 - 90 - 60) / 120). */
	c = load(WFM_CHART_ROSTER, FIX "roster.csv", tz, NULL);
	if (c) {
		int wd, ht;
		wfm_chart_size(c, &wd, &ht);
		CHECK(ht == 2114, "120 agents grow the canvas to 2114 px: %d", ht);
		wfm_chart_free(c);
	}
}

/* roster-2.csv with plan-2.csv, --date 2026-11-23: the plan has A1's
 * 09:00-17:00 (filled) and 3 x 12:00-20:00 of which B2 fills one, so 2
 * are unfilled, 2 x 8 h = 16 h (the 2026-11-25 row is outside the day).
 * Rows: A1, B2, then one lane of unfilled bars: 3 slots of
 * (1146 - 90 - 60) / 3 = 332 px from y 120, the lane's centre at
 * 120 + 2.5 * 332 = 950; read 60 px below it, off the "unfilled x2" label.
 * The hatched bar spans B2's x range: pale orange (E69F00 at 0.18 on
 * white = (250.5, 237.7, 209.1)) with orange lines 8 px apart. */
static void test_roster_unfilled(const wfm_tz *tz)
{
	struct wfm_chart_opts o = { 0 };
	wfm_error err = { 0 };
	wfm_chart *c;
	struct img im;
	int b0, b1, tint = 0, line = 0, other = 0, first = -1, last = -1;

	o.tz = tz;
	o.date = "2026-11-23";
	o.plan = FIX "plan-2.csv";
	c = wfm_chart_load(WFM_CHART_ROSTER, FIX "roster-2.csv", &o, &err);
	CHECK(c != NULL, "load with --plan: %s", err.msg);
	if (!c)
		return;
	CHECK(strstr(c->subtitle, "2 unfilled (16.0 h overtime)") != NULL, "subtitle: %s", c->subtitle);
	im = load_png(c);
	b0 = run_of(&im, 120 + 332 + 100, 0xE6, 0x9F, 0x00, 0, &b1);   /* B2's bar */
	CHECK(b0 > 0, "B2 bar found");
	/* Warm pixels: the tint, the orange lines and their antialiased
	 * blends; gridlines and the frame are grey (r = b), white is skipped. */
	for (int x = 0; x < im.w; x++) {
		uint32_t v = px(&im, x, 1010);
		int r = (int)(v >> 16 & 255), b = (int)(v & 255);
		int warm = r >= 200 && r > b + 20;
		if (near_rgb(v, 255, 255, 255, 0))
			continue;
		if (warm) {
			if (first < 0)
				first = x;
			last = x;
		}
		if (x < b0 + 3 || x > b1 - 3)
			continue;
		if (near_rgb(v, 250, 238, 209, 3))
			tint++;
		else if (warm)
			line++;
		else
			other++;
	}
	CHECK(abs(first - b0) <= 2, "unfilled bar starts 12:00 like B2: %d vs %d", first, b0);
	CHECK(abs(last - b1) <= 2, "unfilled bar ends 20:00 like B2: %d vs %d", last, b1);
	CHECK(tint > (b1 - b0) * 2 / 5 && line > (b1 - b0) / 10, "hatched: %d tint, %d line px of %d", tint, line, b1 - b0);
	CHECK(other < (b1 - b0) / 20, "only tint and hatch inside (gridlines aside): %d", other);
	cairo_surface_destroy(im.s);
	wfm_chart_free(c);

	/* Without --plan: no lane, the subtitle says nothing of unfilled. */
	c = load(WFM_CHART_ROSTER, FIX "roster-2.csv", tz, "2026-11-23");
	if (c) {
		CHECK(!strstr(c->subtitle, "unfilled"), "no plan, no claim: %s", c->subtitle);
		wfm_chart_free(c);
	}
}

/* staff-closed.csv: chat 00:00-05:00, closed (volume 0) at 02:00 and
 * 03:00; 03:00 carries SL 0 that would count as below target if closed
 * hours counted; 05:00 is open and below (0.50 < 0.80).  One panel: x 80,
 * w 1564, y 120, h 980, 6 h wide, y axis 0..105 %.  SL 0.90 at 00:00 and
 * 01:00: a blue line at y 120 + 980 (1 - 0.9 / 1.05) = 260 from x 210
 * (00:30) to 471 (01:30); none at 03:09 (x 900, off the 03:00 gridline)
 * at any height; 03:00-04:00
 * (x 862..992) not shaded, 05:00-06:00 (x 1383..1644) shaded vermillion
 * at 0.3 on white (242.4, 206.7, 178.5). */
static void test_staff_closed(const wfm_tz *tz)
{
	struct img im;
	int blue = 0;

	if (load_img(WFM_CHART_STAFF, FIX "staff-closed.csv", tz, NULL, &im))
		return;
	CHECK(near_rgb(px(&im, 300, 260), 0x00, 0x72, 0xB2, 40), "SL line while open: %06x", px(&im, 300, 260));
	for (int y = 120; y < 1100; y++)
		blue += near_rgb(px(&im, 900, y), 0x00, 0x72, 0xB2, 40);
	CHECK(blue == 0, "no SL line over closed hours: %d blue px", blue);
	CHECK(near_rgb(px(&im, 930, 700), 255, 255, 255, 0), "closed 03:00 with SL 0 not shaded: %06x",
	      px(&im, 930, 700));
	CHECK(near_rgb(px(&im, 1500, 700), 242, 207, 179, 3), "open 05:00 below target shaded: %06x",
	      px(&im, 1500, 700));
	cairo_surface_destroy(im.s);
}

/* Adjacent runs may be parted by a 1-2 px antialiased edge or gridline.
 * functions-2.csv: A1 (first at 09:00) CALLS, CALLS, BREAK, CHAT; B2
 * (first at 09:30) LETTERS, DECLARATIONS.  Rows: heatmap top 90 + 10 =
 * 100, row height (1190 - 44 - 90 - 30 - 230) / 2 = 398: centres 299 and
 * 697.  Reading row A1 left to right: blue 0072B2, grey BBBBBB, orange
 * E69F00, each run a quarter of the plot (4 intervals 09:00-11:00). */
static void test_functions(const wfm_tz *tz)
{
	struct img im;
	int c0, c1, k0, k1, h0, h1, l0, l1, d0, d1;

	if (load_img(WFM_CHART_FUNCTIONS, FIX "functions-2.csv", tz, NULL, &im))
		return;
	c0 = run_of(&im, 299, 0x00, 0x72, 0xB2, 0, &c1);
	k0 = run_of(&im, 299, 0xBB, 0xBB, 0xBB, c1 + 1, &k1);
	h0 = run_of(&im, 299, 0xE6, 0x9F, 0x00, k1 + 1, &h1);
	l0 = run_of(&im, 697, 0x00, 0x9E, 0x73, 0, &l1);
	d0 = run_of(&im, 697, 0xCC, 0x79, 0xA7, l1 + 1, &d1);
	CHECK(c0 > 0 && k0 > c1 && k0 <= c1 + 3 && h0 > k1 && h0 <= k1 + 3, "A1: calls, break, chat adjacent: %d %d %d %d %d",
	      c0, c1, k0, k1, h0);
	CHECK_NEAR((double)(c1 + 1 - c0) / 2, k1 + 1 - k0, 2, "two calls slots = twice the break");
	CHECK_NEAR(k1 + 1 - k0, h1 + 1 - h0, 2, "break and chat one slot each");
	CHECK_NEAR(l0, k0 - (k1 + 1 - k0), 2, "B2 starts at 09:30");
	CHECK(d0 > l1 && d0 <= l1 + 3, "B2 letters then declarations: %d after %d", d0, l1);
	cairo_surface_destroy(im.s);
}

/* profile-1.csv: Mon 00:00 = 0 (viridis bottom 440154, dark purple),
 * Mon 12:00 = 10 = max (viridis top FDE725, yellow), Tue 00:00 empty
 * (grey BBBBBB with a white stroke).  Panel: x 90, w 1684 - 130 = 1554,
 * y 120, h (1170 - 90) - 76 - 6 = 998, so cells 777 x 499: sample the
 * centres of three cells away from their value text. */
static void test_profile(const wfm_tz *tz)
{
	struct img im;

	if (load_img(WFM_CHART_PROFILE, FIX "profile-1.csv", tz, NULL, &im))
		return;
	CHECK(near_rgb(px(&im, 90 + 100, 120 + 100), 0x44, 0x01, 0x54, 3), "zero is dark: %06x", px(&im, 190, 220));
	CHECK(near_rgb(px(&im, 90 + 777 + 100, 120 + 100), 0xFD, 0xE7, 0x25, 3), "peak is yellow: %06x",
	      px(&im, 967, 220));
	CHECK(near_rgb(px(&im, 90 + 100, 120 + 499 + 50), 0xBB, 0xBB, 0xBB, 3), "no data is grey: %06x",
	      px(&im, 190, 669));
	cairo_surface_destroy(im.s);
}

/* Every kind on the week fixtures: PNG, SVG, PDF twice, identical bytes.
 * (Cairo numbers SVG ids with process-wide counters, so a second SVG in
 * one process differs; t0700 compares SVGs across runs instead.) */
static void test_formats(const wfm_tz *tz)
{
	static const struct { enum wfm_chart_kind k; const char *f; } cases[] = {
		{ WFM_CHART_FORECAST, FIX "forecast.csv" }, { WFM_CHART_COVERAGE, FIX "coverage.csv" },
		{ WFM_CHART_ROSTER, FIX "roster.csv" }, { WFM_CHART_FUNCTIONS, FIX "functions.csv" },
		{ WFM_CHART_PROFILE, FIX "profile.csv" }, { WFM_CHART_STAFF, FIX "evaluation.csv" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		wfm_chart *c = load(cases[i].k, cases[i].f, tz, NULL);
		if (!c)
			continue;
		for (int fmt = 0; fmt < 3; fmt++) {
			size_t n1, n2;
			/* Re-render (for the byte comparison) only two kinds: time. */
			int twice = cases[i].k == WFM_CHART_COVERAGE || cases[i].k == WFM_CHART_FUNCTIONS;
			unsigned char *a = render(c, fmt, &n1), *b = twice ? render(c, fmt, &n2) : NULL;
			static const char *const magic[] = { "\x89PNG\r\n\x1a\n", "<?xml", "%PDF-1." };
			CHECK(n1 > 1000 && !memcmp(a, magic[fmt], strlen(magic[fmt])), "%s format %d header", cases[i].f, fmt);
			if (twice && fmt != WFM_CHART_SVG)
				CHECK(n1 == n2 && !memcmp(a, b, n1), "%s format %d deterministic", cases[i].f, fmt);
			free(a);
			free(b);
		}
		wfm_chart_free(c);
	}
}

/* The fast PNG writer (tall charts) against libpng: draw the roster day
 * chart, encode it with chart_png_write(), decode it with Cairo's reader
 * (libpng + zlib, which check the CRCs and the Adler-32) and compare every
 * pixel with the surface drawn. */
static void test_fast_png(const wfm_tz *tz)
{
	wfm_chart *c = load(WFM_CHART_ROSTER, FIX "roster.csv", tz, "2026-11-27");
	cairo_surface_t *s;
	cairo_t *cr;
	char *buf = NULL;
	size_t n = 0, diff = 0;
	FILE *fp;

	if (!c)
		return;
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, c->width, c->height);
	cr = cairo_create(s);
	{
		struct chart_page pg = { 0, c->nrows, c->nrows, c->height };
		c->draw(c, cr, &pg);
	}
	cairo_destroy(cr);
	fp = open_memstream(&buf, &n);
	CHECK(chart_png_write(s, fp) == 0, "fast png written");
	fclose(fp);
	{
		struct png_src src = { (unsigned char *)buf, n, 0 };
		cairo_surface_t *back = cairo_image_surface_create_from_png_stream(read_mem, &src);
		struct img a = { s, cairo_image_surface_get_data(s), c->width, c->height,
				 cairo_image_surface_get_stride(s) };
		struct img b = { back, cairo_image_surface_get_data(back), 0, 0, 0 };
		CHECK(cairo_surface_status(back) == CAIRO_STATUS_SUCCESS, "libpng reads it: %s",
		      cairo_status_to_string(cairo_surface_status(back)));
		b.w = cairo_image_surface_get_width(back);
		b.h = cairo_image_surface_get_height(back);
		b.stride = cairo_image_surface_get_stride(back);
		CHECK(b.w == a.w && b.h == a.h, "fast png size %dx%d", b.w, b.h);
		if (b.w == a.w && b.h == a.h)
			for (int y = 0; y < a.h; y++)
				for (int x = 0; x < a.w; x++)
					diff += px(&a, x, y) != px(&b, x, y);
		CHECK(diff == 0, "fast png pixels equal the drawing: %zu differ", diff);
		cairo_surface_destroy(back);
	}
	cairo_surface_destroy(s);
	free(buf);
	wfm_chart_free(c);
}

static void test_errors(const wfm_tz *tz)
{
	struct wfm_chart_opts o = { 0 };
	wfm_error err = { 0 };

	o.tz = tz;
	CHECK(!wfm_chart_load(WFM_CHART_COVERAGE, FIX "forecast.csv", &o, &err), "forecast is not coverage");
	CHECK(!strcmp(err.column, "required") && err.line == 1, "names the missing column: %s", err.column);
	CHECK(!wfm_chart_load(WFM_CHART_FUNCTIONS, FIX "roster.csv", &o, &err), "roster is not functions");
	o.date = "2030-01-01";
	CHECK(!wfm_chart_load(WFM_CHART_ROSTER, FIX "roster-2.csv", &o, &err), "no shifts that day");
	CHECK(strstr(err.msg, "no shifts on 2030-01-01") != NULL, "says so: %s", err.msg);
}

/* The helpers the kinds share (chart_int.h).  chart_order against an
 * insertion sort, stable by construction: 500 keys in 0..9 from an LCG,
 * compared by key only, so the many ties must keep their index order.
 * chart_channels: 16 names copied, a 17th refused with the file named
 * ("-" as <stdin>).  chart_widen: the span of 5, 2, 9 is [2, 9]. */
static int key_before(const void *ctx, size_t x, size_t y)
{
	const int *key = ctx;
	return key[x] < key[y];
}

static void test_helpers(void)
{
	int key[500];
	size_t want[500], *got;
	unsigned s = 7;
	char *names[17], buf[200];
	char **chan;
	wfm_error err = { 0 };
	int64_t t0 = 0, t1 = 0, ts[] = { 5, 2, 9 };

	for (size_t i = 0; i < 500; i++) {
		size_t j = i;
		s = s * 1103515245u + 12345u;
		key[i] = (int)(s >> 16) % 10;
		for (; j > 0 && key[want[j - 1]] > key[i]; j--)
			want[j] = want[j - 1];
		want[j] = i;
	}
	got = chart_order(500, key_before, key);
	CHECK(got && !memcmp(got, want, sizeof(want)), "merge order = stable insertion order");
	free(got);
	got = chart_order(0, key_before, key);
	CHECK(got != NULL, "no rows: an empty order");
	free(got);
	for (int k = 0; k < 17; k++)
		names[k] = k < 9 ? "calls" : "чат";
	chan = chart_channels(names, 16, "f.csv", &err);
	CHECK(chan && !strcmp(chan[15], "чат") && chan[15] != names[15], "16 channels copied");
	wfm_free_strv(chan, 16);
	CHECK(!chart_channels(names, 17, "-", &err), "17 channels refused");
	wfm_error_format(&err, buf, sizeof(buf));
	CHECK_STR(buf, "<stdin>: channel: more than 16 channels", "17 channels: the message");
	for (size_t i = 0; i < 3; i++)
		chart_widen(&t0, &t1, ts[i], i);
	CHECK(t0 == 2 && t1 == 9, "span [%lld, %lld]", (long long)t0, (long long)t1);
}

int main(void)
{
	wfm_error err = { 0 };
	wfm_tz *tz = wfm_tz_open("Europe/Moscow", &err);

	test_names();
	test_helpers();
	test_coverage(tz);
	test_roster(tz);
	test_roster_unfilled(tz);
	test_staff_closed(tz);
	test_functions(tz);
	test_profile(tz);
	test_formats(tz);
	test_fast_png(tz);
	test_errors(tz);
	wfm_tz_free(tz);
	wfm_chart_release_caches();
	return check_done("test_chart");
}
