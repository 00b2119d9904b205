/* chart.c - common parts of the Cairo charts: surface by format, layout,
 * axes and ticks, legend, palette, text.  Entry points: wfm_chart_load(),
 * wfm_chart_write(); the kinds live in lib/chart_<kind>.c. */
#include "chart_int.h"
#include "mem.h"
#include "timeutil.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Leak checker hook: ignore fontconfig's fixed allocations (see chart.h);
 * here, so every program and test that draws links it with the charts. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return WFM_CHART_LSAN_SUPPRESSIONS;
}

const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}

#define KIND_NAME(k) #k,
#define KIND_DESC(k) &chart_##k,
static const char *const names[] = { CHART_KINDS(KIND_NAME) NULL };
static const struct chart_kind *const kinds[] = { CHART_KINDS(KIND_DESC) };

const char *const *wfm_chart_kinds(void)
{
	return names;
}

int wfm_chart_kind_parse(const char *name)
{
	for (int k = 0; names[k]; k++)
		if (!strcmp(name, names[k]))
			return k;
	return -1;
}

int wfm_chart_format_of(const char *path)
{
	const char *dot;

	if (!path || !strcmp(path, "-"))
		return WFM_CHART_PNG;
	dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return WFM_CHART_PNG;       /* no extension: PNG */
	if (!strcasecmp(dot, ".png"))
		return WFM_CHART_PNG;
	if (!strcasecmp(dot, ".svg"))
		return WFM_CHART_SVG;
	if (!strcasecmp(dot, ".pdf"))
		return WFM_CHART_PDF;
	return -1;
}

wfm_chart *wfm_chart_load(enum wfm_chart_kind kind, const char *input,
			  const struct wfm_chart_opts *opts, wfm_error *err)
{
	struct wfm_chart *c = calloc(1, sizeof(*c));
	const char *base;

	if (!c || !(c->data = calloc(1, kinds[kind]->size))) {
		free(c);
		return wfm_oom(err);
	}
	c->kind = kind;
	c->opts = *opts;
	c->width = opts->width > 0 ? opts->width : WFM_CHART_WIDTH;
	c->height = opts->height > 0 ? opts->height : WFM_CHART_HEIGHT;
	c->page_height = c->height;
	if (opts->date) {
		if (wfm_time_parse_date(opts->date, &c->opts.first_day, err)) {
			wfm_error_set(err, "--date: \"%s\" is not a date YYYY-MM-DD", opts->date);
			wfm_chart_free(c);
			return NULL;
		}
		c->opts.last_day = c->opts.first_day;
		c->opts.has_days = 1;
	}
	base = strrchr(input, '/');
	snprintf(c->subtitle, sizeof(c->subtitle), "%s", base ? base + 1 : input);
	if (kinds[kind]->load(c, input, err)) {
		wfm_chart_free(c);
		return NULL;
	}
	if (opts->title)
		snprintf(c->title, sizeof(c->title), "%s", opts->title);
	return c;
}

void wfm_chart_size(const wfm_chart *c, int *width, int *height)
{
	*width = c->width;
	*height = c->height;
}

void wfm_chart_free(wfm_chart *c)
{
	if (!c)
		return;
	kinds[c->kind]->release(c->data);
	free(c->data);
	free(c);
}

char **chart_channels(char *const *names, size_t n, const char *file, wfm_error *err)
{
	char **chan;

	if (n > CHART_MAXCH) {
		wfm_error_at(err, !strcmp(file, "-") ? "<stdin>" : file, 0, "channel", "more than %d channels",
			     CHART_MAXCH);
		return NULL;
	}
	if (!(chan = calloc(n + 1, sizeof(*chan))))
		return wfm_oom(err);
	for (size_t k = 0; k < n; k++)
		if (!(chan[k] = strdup(names[k]))) {
			wfm_free_strv(chan, k);
			return wfm_oom(err);
		}
	return chan;
}

/* A bottom-up merge sort (qsort_r is not C11). */
size_t *chart_order(size_t n, int (*before)(const void *ctx, size_t x, size_t y), const void *ctx)
{
	size_t *order = malloc((n + 1) * sizeof(*order)), *tmp = malloc((n + 1) * sizeof(*tmp));

	if (!order || !tmp) {
		WFM_FREE(order, tmp);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = before(ctx, order[j], order[i]) ? order[j++] : order[i++];
			while (i < mid)
				tmp[k++] = order[i++];
			while (j < hi)
				tmp[k++] = order[j++];
		}
		memcpy(order, tmp, n * sizeof(*tmp));
	}
	free(tmp);
	return order;
}

void wfm_chart_release_caches(void)
{
	cairo_debug_reset_static_data();
}

static cairo_status_t write_fp(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void set_font_options(cairo_t *cr)
{
	/* Fixed hinting and antialiasing so the bytes do not depend on the
	 * desktop's fontconfig preferences. */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_SLIGHT);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);
}

int wfm_chart_write(const wfm_chart *c, enum wfm_chart_format fmt, FILE *fp, wfm_error *err)
{
	cairo_surface_t *s;
	cairo_t *cr;
	cairo_status_t st;

	struct chart_page pg = { 0, c->nrows, c->nrows, c->height };
	int paged = fmt == WFM_CHART_PDF && c->nrows > 0 && c->page_rows > 0 && c->height > c->page_height;
	size_t npages = paged ? (c->nrows + c->page_rows - 1) / c->page_rows : 1;

	if (paged) {
		pg.count = pg.slots = c->page_rows;
		pg.height = c->page_height;
	}
	if (fmt == WFM_CHART_PNG) {
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, c->width, c->height);
	} else if (fmt == WFM_CHART_SVG) {
		s = cairo_svg_surface_create_for_stream(write_fp, fp, c->width, c->height);
	} else {
		/* PDF pages in points: the default 1684 x 1190 is A4 landscape. */
		s = cairo_pdf_surface_create_for_stream(write_fp, fp, c->width / 2.0, pg.height / 2.0);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, c->title);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "wfm-chart");
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00Z");
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, "2026-01-01T00:00:00Z");
	}
	if ((st = cairo_surface_status(s)) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return wfm_error_set(err, "cannot create a %dx%d canvas: %s", c->width, c->height,
				     cairo_status_to_string(st));
	}
	cr = cairo_create(s);
	if (fmt == WFM_CHART_PDF)
		cairo_scale(cr, 0.5, 0.5);
	set_font_options(cr);
	/* A PDF of many agents: A4 pages of page_rows rows each, not one
	 * tall page, so it prints. */
	for (size_t k = 0; k < npages; k++) {
		char buf[64];
		pg.first = k * pg.slots;
		pg.count = paged && pg.first + pg.slots > c->nrows ? c->nrows - pg.first : pg.count;
		c->draw(c, cr, &pg);
		if (!paged)
			break;
		snprintf(buf, sizeof(buf), "page %zu of %zu", k + 1, npages);
		chart_rgb(cr, GREY_TEXT, 1);
		chart_text(cr, c->width - 40, 30, buf, FONT_BODY, 0, 1, 0);
		cairo_show_page(cr);
	}
	st = cairo_status(cr);
	cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS && fmt == WFM_CHART_PNG) {
		if ((long)c->width * c->height >= CHART_FAST_PNG_PIXELS)
			st = chart_png_write(s, fp) ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
		else
			st = cairo_surface_write_to_png_stream(s, write_fp, fp);
	}
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS)
		return wfm_error_set(err, "cannot draw the chart: %s", cairo_status_to_string(st));
	return 0;
}

/* ---- layout boxes ---- */

struct boxrec { struct wfm_chart_box *b; size_t n, cap; int role, oom; };
static const cairo_user_data_key_t box_key;

int chart_box_role(cairo_t *cr, int role)
{
	struct boxrec *rec = cairo_get_user_data(cr, &box_key);
	int old;
	if (!rec)
		return 0;
	old = rec->role;
	rec->role = role;
	return old;
}

static void box_add(cairo_t *cr, double x, double y, const cairo_text_extents_t *e, const char *s)
{
	struct boxrec *rec = cairo_get_user_data(cr, &box_key);
	struct wfm_chart_box *b;
	if (!rec || !*s || e->width <= 0)
		return;
	if (rec->n == rec->cap) {
		size_t cap = rec->cap ? 2 * rec->cap : 256;
		void *p = realloc(rec->b, cap * sizeof(*rec->b));
		if (!p) {
			rec->oom = 1;
			return;
		}
		rec->b = p;
		rec->cap = cap;
	}
	b = &rec->b[rec->n++];
	b->x = x + e->x_bearing;
	b->y = y + e->y_bearing;
	b->w = e->width;
	b->h = e->height;
	b->role = rec->role;
	snprintf(b->text, sizeof(b->text), "%s", s);
}

int wfm_chart_layout(const wfm_chart *c, struct wfm_chart_box **boxes, size_t *n, wfm_error *err)
{
	struct boxrec rec = { 0 };
	cairo_rectangle_t ext = { 0, 0, c->width, c->height };
	cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, &ext);
	cairo_t *cr = cairo_create(s);
	struct chart_page pg = { 0, c->nrows, c->nrows, c->height };

	set_font_options(cr);
	cairo_set_user_data(cr, &box_key, &rec, NULL);
	c->draw(c, cr, &pg);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	if (rec.oom) {
		free(rec.b);
		return wfm_error_set(err, "out of memory");
	}
	*boxes = rec.b;
	*n = rec.n;
	return 0;
}

/* ---- drawing helpers ---- */

void chart_rgb(cairo_t *cr, uint32_t rgb, double alpha)
{
	cairo_set_source_rgba(cr, (rgb >> 16 & 255) / 255.0, (rgb >> 8 & 255) / 255.0,
			      (rgb & 255) / 255.0, alpha);
}

static void font(cairo_t *cr, double size, int bold)
{
	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
			       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
}

double chart_text_width(cairo_t *cr, const char *s, double size, int bold)
{
	cairo_text_extents_t e;

	font(cr, size, bold);
	cairo_text_extents(cr, s, &e);
	return e.x_advance;
}

double chart_text(cairo_t *cr, double x, double y, const char *s, double size,
		  int bold, double ha, double va)
{
	cairo_text_extents_t e;
	cairo_font_extents_t fe;

	font(cr, size, bold);
	cairo_text_extents(cr, s, &e);
	cairo_font_extents(cr, &fe);
	/* va: 0 top of caps, 0.5 middle of caps, 1 baseline. */
	double cap = fe.ascent * 0.72;
	cairo_move_to(cr, x - ha * e.x_advance, y + (1 - va) * cap);
	box_add(cr, x - ha * e.x_advance, y + (1 - va) * cap, &e, s);
	cairo_show_text(cr, s);
	return e.x_advance;
}

/* One header line in `avail` pixels: the font shrinks to fit, down to
 * FONT_SMALL; text still too wide is cut by characters and ends in "…". */
static void header_line(cairo_t *cr, double y, const char *s, double size, int bold, double avail)
{
	char buf[300];
	double w = chart_text_width(cr, s, size, bold);
	size_t n;

	if (w > avail)
		size = size * avail / w > FONT_SMALL ? size * avail / w : FONT_SMALL;
	snprintf(buf, sizeof(buf), "%s", s);
	n = strlen(buf);
	while (n > 0 && chart_text_width(cr, buf, size, bold) > avail) {
		do      /* drop one UTF-8 character */
			n--;
		while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80);
		while (n > 0 && buf[n - 1] == ' ')
			n--;
		snprintf(buf + n, sizeof(buf) - n, "\u2026");
	}
	chart_text(cr, 40, y, buf, size, bold, 0, 0);
}

double chart_header(const struct wfm_chart *c, cairo_t *cr)
{
	double avail = c->width - 40 - 16;
	chart_rgb(cr, 0xFFFFFF, 1);
	cairo_paint(cr);
	chart_rgb(cr, OI_BLACK, 1);
	header_line(cr, 22, c->title, FONT_TITLE, 1, avail);
	chart_rgb(cr, GREY_TEXT, 1);
	header_line(cr, 58, c->subtitle, FONT_BODY, 0, avail);
	return 90;
}

void chart_hatch(cairo_t *cr, double x, double y, double w, double h, uint32_t rgb)
{
	if (w <= 0 || h <= 0)
		return;
	cairo_save(cr);
	cairo_rectangle(cr, x, y, w, h);
	chart_rgb(cr, 0xFFFFFF, 1);
	cairo_fill_preserve(cr);
	chart_rgb(cr, rgb, 0.18);
	cairo_fill_preserve(cr);
	cairo_clip(cr);
	chart_rgb(cr, rgb, 1);
	cairo_set_line_width(cr, 1.5);
	for (double d = -h; d < w; d += 8) {
		cairo_move_to(cr, x + d, y + h);
		cairo_line_to(cr, x + d + h, y);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
	chart_rgb(cr, rgb, 1);
	cairo_set_line_width(cr, 1.5);
	cairo_rectangle(cr, x + 0.75, y + 0.75, w - 1.5, h - 1.5);
	cairo_stroke(cr);
}

double chart_legend(cairo_t *cr, double cx, double y, const struct legend_item *it, int n)
{
	double total = 0, x;
	int old = chart_box_role(cr, CHART_BOX_LEGEND);

	for (int i = 0; i < n; i++)
		total += 30 + chart_text_width(cr, it[i].label, FONT_BODY, 0) + 28;
	x = cx - total / 2;
	for (int i = 0; i < n; i++) {
		chart_rgb(cr, it[i].rgb, it[i].alpha);
		if (it[i].style == LEG_BOX) {
			cairo_rectangle(cr, x, y - 8, 22, 16);
			cairo_fill(cr);
		} else if (it[i].style == LEG_HATCH) {
			chart_hatch(cr, x, y - 8, 22, 16, it[i].rgb);
		} else if (it[i].style == LEG_HOLLOW) {
			chart_rgb(cr, 0xFFFFFF, 1);
			cairo_rectangle(cr, x + 1, y - 7, 20, 14);
			cairo_fill_preserve(cr);
			chart_rgb(cr, it[i].rgb, 1);
			cairo_set_line_width(cr, 2);
			cairo_stroke(cr);
		} else {
			double dash[] = { 6, 4 };
			cairo_set_line_width(cr, 3);
			if (it[i].style == LEG_DASH)
				cairo_set_dash(cr, dash, 2, 0);
			cairo_move_to(cr, x, y);
			cairo_line_to(cr, x + 22, y);
			cairo_stroke(cr);
			cairo_set_dash(cr, NULL, 0, 0);
		}
		chart_rgb(cr, OI_BLACK, 1);
		x += 30 + chart_text(cr, x + 30, y, it[i].label, FONT_BODY, 0, 0, 0.5) + 28;
	}
	chart_box_role(cr, old);
	return 30;
}

void chart_panels(double width, double top, double bottom, int n, int ncol,
		  double left, double right, struct rect *out)
{
	int nrow = (n + ncol - 1) / ncol;
	double head = 30, foot = 46, gapx = 60;
	double cw = (width - left - right - (ncol - 1) * gapx) / ncol;
	double rh = (bottom - top) / (nrow > 0 ? nrow : 1);

	for (int i = 0; i < n; i++) {
		int r = i / ncol, k = i % ncol;
		out[i].x = left + k * (cw + gapx);
		out[i].y = top + r * rh + head;
		out[i].w = cw;
		out[i].h = rh - head - foot;
	}
}

double chart_nice_max(double hi)
{
	double p, f;

	if (!(hi > 0))
		return 1;
	p = pow(10, floor(log10(hi)));
	f = hi / p;
	f = f <= 1 ? 1 : f <= 1.2 ? 1.2 : f <= 1.5 ? 1.5 : f <= 2 ? 2 : f <= 2.5 ? 2.5 :
	    f <= 3 ? 3 : f <= 4 ? 4 : f <= 5 ? 5 : f <= 6 ? 6 : f <= 8 ? 8 : 10;
	return f * p;
}

static double nice_step(double range, int maxticks)
{
	double raw = range / maxticks, p = pow(10, floor(log10(raw))), f = raw / p;

	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

void chart_value_axis(cairo_t *cr, const struct rect *r, double lo, double hi, int pct)
{
	int maxticks = (int)(r->h / 28), old = chart_box_role(cr, CHART_BOX_VALUE);
	double step, v;
	char buf[32];

	if (maxticks < 2)
		maxticks = 2;
	if (maxticks > 8)
		maxticks = 8;
	step = nice_step(hi - lo, maxticks);
	cairo_set_line_width(cr, 1);
	for (v = ceil(lo / step) * step; v <= hi + step * 1e-6; v += step) {
		double y = r->y + r->h - (v - lo) / (hi - lo) * r->h;
		chart_rgb(cr, GREY_GRID, 1);
		cairo_move_to(cr, r->x, floor(y) + 0.5);
		cairo_line_to(cr, r->x + r->w, floor(y) + 0.5);
		cairo_stroke(cr);
		if (pct)
			snprintf(buf, sizeof(buf), "%.0f%%", v * 100);
		else if (step >= 1 && fabs(step - round(step)) < 1e-9)
			snprintf(buf, sizeof(buf), "%.0f", v);
		else if (step >= 1)     /* steps of 2.5: 2.5, 5, 7.5, not 2, 5, 8 */
			snprintf(buf, sizeof(buf), fabs(v - round(v)) < 1e-9 ? "%.0f" : "%.1f", v);
		else
			snprintf(buf, sizeof(buf), "%.1f", v);
		chart_rgb(cr, GREY_TEXT, 1);
		chart_text(cr, r->x - 8, y, buf, FONT_SMALL, 0, 1, 0.5);
	}
	chart_box_role(cr, old);
}

const char *chart_wday(int w)
{
	static const char *wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	return wd[((w % 7) + 7) % 7];
}

static int64_t floordiv(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Day ticks: a gridline every midnight (darker on Mondays), a label
 * "Mon 23.11" every `every` days (7: on Mondays), where the label fits
 * before the axis end. */
static void day_ticks(cairo_t *cr, const struct rect *r, int64_t t0, int64_t t1, double px,
		      int every, int labels)
{
	char buf[64];
	int64_t first = floordiv(t0 + 86399, 86400);
	for (int64_t day = first; day * 86400 <= t1; day++) {
		double x = floor(r->x + (double)(day * 86400 - t0) * px) + 0.5;
		int wd = wfm_time_weekday(day), y, m, d;
		int label = every == 7 ? wd == 0 : (day - first) % every == 0;
		if (px * 86400 >= 3 || wd == 0) {
			chart_rgb(cr, wd == 0 ? 0x888888 : 0xAAAAAA, 1);
			cairo_set_line_width(cr, wd == 0 ? 2 : 1);
			cairo_move_to(cr, x, r->y);
			cairo_line_to(cr, x, r->y + r->h + (label ? 5 : 0));
			cairo_stroke(cr);
		}
		if (!labels || !label)
			continue;
		wfm_time_civil_from_days(day, &y, &m, &d);
		snprintf(buf, sizeof(buf), "%s %02d.%02d", chart_wday(wd), d, m);
		/* A day label starts at its midnight: skip one that would run
		 * past the right end of the axis (the last midnight). */
		if (x + 3 + chart_text_width(cr, buf, FONT_SMALL, 0) > r->x + r->w + 2)
			continue;
		chart_rgb(cr, GREY_TEXT, 1);
		chart_text(cr, x + 3, r->y + r->h + 9, buf, FONT_SMALL, 0, 0, 0);
	}
}

void chart_time_axis(cairo_t *cr, const struct rect *r, int64_t t0, int64_t t1, int labels)
{
	static const int steps[] = { 900, 1800, 3600, 7200, 10800, 21600, 43200 };
	double span = (double)(t1 - t0), px = r->w / span;
	int step = 0, old = chart_box_role(cr, CHART_BOX_TIME);
	char buf[64];

	if (span <= 0)
		return;
	/* Label width about 60 px for HH:MM; a day label "Mon 23.11" needs
	 * ~90: per day, per 2 days, else per week (on Mondays). */
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i] * px >= 52) {
			step = steps[i];
			break;
		}
	if (!step) {
		double lw = chart_text_width(cr, "Wed 30.09", FONT_SMALL, 0) + 16;
		int every = 86400 * px >= lw ? 1 : 2 * 86400 * px >= lw ? 2 : 7;
		day_ticks(cr, r, t0, t1, px, every, labels);
	}
	cairo_set_line_width(cr, 1);
	for (int64_t t = step ? floordiv(t0 + step - 1, step) * step : t1 + 1; t <= t1; t += step) {
		double x = floor(r->x + (double)(t - t0) * px) + 0.5;
		int64_t day = floordiv(t, 86400), sod = t - day * 86400;
		int midnight = sod == 0, monday = midnight && wfm_time_weekday(day) == 0;

		chart_rgb(cr, monday ? 0x888888 : midnight ? 0xAAAAAA : GREY_GRID, 1);
		cairo_set_line_width(cr, monday ? 2 : 1);
		cairo_move_to(cr, x, r->y);
		cairo_line_to(cr, x, r->y + r->h + 5);
		cairo_stroke(cr);
		if (!labels)
			continue;
		chart_rgb(cr, GREY_TEXT, 1);
		snprintf(buf, sizeof(buf), "%02d:%02d", (int)(sod / 3600), (int)(sod % 3600 / 60));
		chart_text(cr, x, r->y + r->h + 9, buf, FONT_SMALL, 0, 0.5, 0);
	}
	/* Several days at sub-day ticks: the dates on a second line, centred
	 * on each day's part of the axis. */
	if (labels && step && span > 86400)
		for (int64_t day = floordiv(t0, 86400); day * 86400 < t1; day++) {
			int y, m, d;
			double a = fmax((double)t0, (double)day * 86400), b = fmin((double)t1, (double)(day + 1) * 86400);
			if ((b - a) * px < 80)
				continue;
			wfm_time_civil_from_days(day, &y, &m, &d);
			snprintf(buf, sizeof(buf), "%s %02d.%02d", chart_wday(wfm_time_weekday(day)), d, m);
			chart_rgb(cr, OI_BLACK, 1);
			chart_text(cr, r->x + ((a + b) / 2 - (double)t0) * px, r->y + r->h + 27, buf,
				   FONT_SMALL, 1, 0.5, 0);
		}
	chart_rgb(cr, 0x333333, 1);
	cairo_set_line_width(cr, 1);
	cairo_rectangle(cr, floor(r->x) + 0.5, floor(r->y) + 0.5, floor(r->w), floor(r->h));
	cairo_stroke(cr);
	chart_box_role(cr, old);
}

void chart_panel_title(cairo_t *cr, const struct rect *r, const char *s, const char *note)
{
	double w;

	chart_rgb(cr, OI_BLACK, 1);
	w = chart_text(cr, r->x, r->y - 12, s, FONT_PANEL, 1, 0, 1);
	if (note) {
		chart_rgb(cr, GREY_TEXT, 1);
		chart_text(cr, r->x + w + 16, r->y - 12, note, FONT_SMALL, 0, 0, 1);
	}
}

void chart_days_text(const struct wfm_chart *c, char *buf, size_t n)
{
	char a[16], b[16];
	wfm_time_format_date(c->opts.first_day, a, sizeof(a));
	wfm_time_format_date(c->opts.last_day, b, sizeof(b));
	if (c->opts.first_day == c->opts.last_day)
		snprintf(buf, n, "%s", a);
	else
		snprintf(buf, n, "%s to %s", a, b);
}

int chart_day_wanted(const struct wfm_chart *c, int64_t d)
{
	return !c->opts.has_days || (d >= c->opts.first_day && d <= c->opts.last_day);
}

int64_t chart_local(const wfm_tz *tz, int64_t utc)
{
	return utc + wfm_tz_offset(tz, utc);
}

/* viridis at 9 stops (matplotlib's _viridis_data, every 32nd entry). */
static const double viridis[9][3] = {
	{ 0.267, 0.005, 0.329 }, { 0.278, 0.175, 0.484 }, { 0.231, 0.322, 0.546 },
	{ 0.172, 0.448, 0.558 }, { 0.128, 0.567, 0.551 }, { 0.153, 0.680, 0.504 },
	{ 0.362, 0.786, 0.387 }, { 0.668, 0.862, 0.196 }, { 0.993, 0.906, 0.144 },
};

static void seq_rgb(double v, double *rgb)
{
	double f;
	int i;

	v = v < 0 ? 0 : v > 1 ? 1 : v;
	f = v * 8;
	i = (int)f;
	if (i >= 8)
		i = 7;
	f -= i;
	for (int k = 0; k < 3; k++)
		rgb[k] = viridis[i][k] + f * (viridis[i + 1][k] - viridis[i][k]);
}

void chart_seq(cairo_t *cr, double v)
{
	double c[3];
	seq_rgb(v, c);
	cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

double chart_seq_luma(double v)
{
	double c[3];
	seq_rgb(v, c);
	return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
}
