/* chart_int.h - shared drawing helpers of lib/chart*.c (not a public API).
 *
 * Each kind is a module lib/chart_KIND.c with a descriptor chart_KIND
 * (struct chart_kind: its data's size, loader and release) named in
 * CHART_KINDS below; the loader reads its CSV into the private struct and
 * sets a draw function (paints on a cairo_t of the chart's size).  chart.c
 * holds the common pieces: layout, axes and ticks, legend, palette, text.
 */
#ifndef WFM_CHART_INT_H
#define WFM_CHART_INT_H

#include <cairo.h>
#include <stdint.h>
#include "chart.h"

/* The rows a draw call shows: all of them on one canvas, or one A4 page
 * of them in a paged PDF (roster, functions). */
struct chart_page {
	size_t first, count;     /* rows first .. first + count - 1 */
	size_t slots;            /* row slots the page is laid out for */
	int height;              /* canvas height of this page */
};

struct wfm_chart {
	enum wfm_chart_kind kind;
	struct wfm_chart_opts opts;
	char title[256], subtitle[256];
	int width, height;       /* height may have grown to fit the rows */
	int page_height;         /* the requested height: a PDF page */
	size_t nrows;            /* roster, functions: agent rows, else 0 */
	size_t page_rows;        /* rows that fit a page of page_height */
	void *data;              /* the kind's struct (struct chart_kind) */
	void (*draw)(const struct wfm_chart *c, cairo_t *cr, const struct chart_page *pg);
};

/* A chart kind.  wfm_chart_load() puts a zeroed struct of size bytes in
 * c->data and calls load(), which reads the input through its format's
 * owner into it and sets c->draw; wfm_chart_free() calls release() (what
 * the struct holds, also after a failed load) and frees the struct. */
struct chart_kind {
	size_t size;
	int (*load)(struct wfm_chart *c, const char *in, wfm_error *err);
	void (*release)(void *data);
};
/* The kinds in the order of enum wfm_chart_kind (lib/chart.h): a kind NAME
 * is X(NAME) here, WFM_CHART_NAME there and chart_NAME in lib/chart_NAME.c. */
#define CHART_KINDS(X) X(forecast) X(coverage) X(roster) X(functions) X(profile) X(staff) \
	X(capacity) X(intraday)
#define CHART_KIND_DECL(k) extern const struct chart_kind chart_##k;
CHART_KINDS(CHART_KIND_DECL)

/* A copy of the n channel names of an input (file: its name, "-" for
 * standard input), at most CHART_MAXCH (panels a chart stacks): NULL with
 * err "FILE:0: channel: more than 16 channels" or out of memory.  Free it
 * with wfm_free_strv(chan, n). */
#define CHART_MAXCH 16
char **chart_channels(char *const *names, size_t n, const char *file, wfm_error *err);
/* Widen the span [*t0, *t1] to t; the first of a series (n == 0) sets it. */
static inline void chart_widen(int64_t *t0, int64_t *t1, int64_t t, size_t n)
{
	*t0 = n == 0 || t < *t0 ? t : *t0;
	*t1 = n == 0 || t > *t1 ? t : *t1;
}
/* The rows 0..n-1 in a stable order of before(ctx, x, y) (x goes before
 * y): a malloc'd index array, or NULL when out of memory. */
size_t *chart_order(size_t n, int (*before)(const void *ctx, size_t x, size_t y), const void *ctx);

/* Okabe-Ito (Wong 2011, Nature Methods 8:441) as 0xRRGGBB. */
enum {
	OI_BLACK = 0x000000, OI_ORANGE = 0xE69F00, OI_SKY = 0x56B4E9,
	OI_GREEN = 0x009E73, OI_YELLOW = 0xF0E442, OI_BLUE = 0x0072B2,
	OI_VERMILLION = 0xD55E00, OI_PURPLE = 0xCC79A7,
	GREY_GRID = 0xDDDDDD, GREY_TEXT = 0x555555, GREY_LIGHT = 0xBBBBBB,
};

struct rect { double x, y, w, h; };

enum { LEG_BOX, LEG_LINE, LEG_DASH, LEG_HOLLOW, LEG_HATCH };
struct legend_item { const char *label; uint32_t rgb; double alpha; int style; };

#define FONT_SMALL 13.0
#define FONT_BODY 15.0
#define FONT_PANEL 16.0
#define FONT_TITLE 26.0

void chart_rgb(cairo_t *cr, uint32_t rgb, double alpha);
/* While wfm_chart_layout() records text boxes: the role of the texts drawn
 * from now on (WFM_CHART_BOX_*); returns the previous role.  Does nothing
 * (returns 0) when not recording. */
int chart_box_role(cairo_t *cr, int role);
#define CHART_BOX_TIME WFM_CHART_BOX_TIME
#define CHART_BOX_VALUE WFM_CHART_BOX_VALUE
#define CHART_BOX_LEGEND WFM_CHART_BOX_LEGEND
/* Text at (x, y); ha 0 left, 0.5 centre, 1 right; va likewise 0 top,
 * 0.5 middle, 1 baseline-bottom.  Returns its width. */
double chart_text(cairo_t *cr, double x, double y, const char *s, double size,
		  int bold, double ha, double va);
double chart_text_width(cairo_t *cr, const char *s, double size, int bold);
/* White page, title and subtitle; returns the y below them. */
double chart_header(const struct wfm_chart *c, cairo_t *cr);
/* A hatched ("ghost") box: a pale tint of rgb, diagonal lines of rgb
 * 8 px apart, and an outline; for planned work nobody does. */
void chart_hatch(cairo_t *cr, double x, double y, double w, double h, uint32_t rgb);
/* Legend row centred at y; returns its height. */
double chart_legend(cairo_t *cr, double cx, double y, const struct legend_item *it, int n);
/* Split the area below top into n stacked panels (each with room for a
 * panel title above it and an axis below) in ncol columns. */
void chart_panels(double width, double top, double bottom, int n, int ncol,
		  double left, double right, struct rect *out);
/* Value axis on the left of r from 0 (or lo) to hi: nice ticks, grid,
 * labels; pct writes ticks as percent of 1.  Returns the axis top (>= hi). */
double chart_nice_max(double hi);
void chart_value_axis(cairo_t *cr, const struct rect *r, double lo, double hi, int pct);
/* Time axis below r for local seconds t0..t1: ticks chosen so labels do
 * not overlap, midnight labelled with the weekday and date, day and week
 * gridlines. */
void chart_time_axis(cairo_t *cr, const struct rect *r, int64_t t0, int64_t t1, int labels);
/* Panel title above r. */
void chart_panel_title(cairo_t *cr, const struct rect *r, const char *s, const char *note);
/* The days asked for (--date, --week, --from/--to) as text for messages:
 * "2026-11-27" or "2026-11-23 to 2026-11-29". */
void chart_days_text(const struct wfm_chart *c, char *buf, size_t n);
/* Whether local calendar day d is one asked for (always, when none was). */
int chart_day_wanted(const struct wfm_chart *c, int64_t d);
/* Local wall-clock seconds of an instant. */
int64_t chart_local(const wfm_tz *tz, int64_t utc);
/* Sequential colour-blind safe scale (viridis stops) for v in 0..1. */
void chart_seq(cairo_t *cr, double v);
double chart_seq_luma(double v);
const char *chart_wday(int w);

/* Write an RGB24 image surface as PNG, fast (lib/chart_png.c); 0 or -1. */
int chart_png_write(cairo_surface_t *s, FILE *fp);
/* Canvases from this many pixels use chart_png_write(), smaller ones
 * Cairo's writer (smaller files). */
#define CHART_FAST_PNG_PIXELS 4000000L

/* A polyline point: line to (x, y) when on (the line goes on), else move
 * there (after a gap); returns 1, the next point's on. */
static inline int chart_path_to(cairo_t *cr, double x, double y, int on)
{
	if (on)
		cairo_line_to(cr, x, y);
	else
		cairo_move_to(cr, x, y);
	return 1;
}

#endif
