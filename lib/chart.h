/* chart.h - Cairo charts of the toolkit's CSV files (PNG, SVG, PDF).
 *
 * A chart is loaded first (the input is read and checked, so bad input
 * fails before any output exists), then written to a stream in one of
 * three formats.  The same input gives the same bytes: PNG and SVG are
 * stable by construction, the PDF creation date is fixed.
 *
 * Kinds: forecast, coverage, roster, functions, profile, staff, capacity,
 * intraday (see
 * docs/chart.md).  Colours are the Okabe-Ito palette (colour-blind safe).
 *
 * Entry points: wfm_chart_load(), wfm_chart_write(), wfm_chart_free(),
 * wfm_chart_kind_parse(), wfm_chart_format_of(); wfm_chart_layout() for the
 * text boxes of a chart (tests check labels exist and do not overlap).
 */
#ifndef WFM_CHART_H
#define WFM_CHART_H

#include <stdint.h>
#include <stdio.h>
#include "error.h"
#include "tz.h"

enum wfm_chart_kind {
	WFM_CHART_FORECAST, WFM_CHART_COVERAGE, WFM_CHART_ROSTER,
	WFM_CHART_FUNCTIONS, WFM_CHART_PROFILE, WFM_CHART_STAFF,
	WFM_CHART_CAPACITY,
	WFM_CHART_INTRADAY,
};

enum wfm_chart_format { WFM_CHART_PNG, WFM_CHART_SVG, WFM_CHART_PDF };

struct wfm_chart_opts {
	int width, height;       /* pixels (PNG, SVG); PDF pages are half in points */
	const char *title;       /* NULL: a title per kind */
	const char *history;     /* forecast: actuals CSV, or NULL */
	const char *events;      /* forecast: events CSV, or NULL */
	const char *date;        /* roster, functions: one day "YYYY-MM-DD", or NULL */
	int has_days;            /* roster, functions: only days first_day..last_day */
	int64_t first_day, last_day;  /* (days since 1970-01-01; --week, --from/--to) */
	const char *plan;        /* roster: plan.csv for unfilled shifts, or NULL */
	const char *forecast;    /* intraday: the day's forecast.csv, or NULL */
	const char *coverage;    /* intraday: wfm intraday --gap output, or NULL */
	int history_weeks;       /* forecast: weeks of history before the forecast */
	const wfm_tz *tz;        /* zone of naive timestamps */
	enum wfm_chart_format format;  /* roster: PNG and SVG merge rows of thousands, PDF pages them */
};

/* Default size: A4 landscape at 144 dpi (842 x 595 pt, doubled). */
#define WFM_CHART_WIDTH 1684
#define WFM_CHART_HEIGHT 1190

typedef struct wfm_chart wfm_chart;

/* Kind by name ("forecast", ...), or -1. */
int wfm_chart_kind_parse(const char *name);
/* The kinds' names in enum order, NULL-terminated. */
const char *const *wfm_chart_kinds(void);
/* Format from an output path's extension: .png, .svg, .pdf (any case);
 * "-" and NULL are PNG; -1 for anything else. */
int wfm_chart_format_of(const char *path);

/* Read and check input (a CSV in the kind's format). */
wfm_chart *wfm_chart_load(enum wfm_chart_kind kind, const char *input,
			  const struct wfm_chart_opts *opts, wfm_error *err);
/* Draw and write the chart to fp.  Returns 0 or -1. */
int wfm_chart_write(const wfm_chart *c, enum wfm_chart_format fmt, FILE *fp, wfm_error *err);
/* Final canvas size (roster and functions grow tall charts to keep rows
 * readable). */
void wfm_chart_size(const wfm_chart *c, int *width, int *height);
void wfm_chart_free(wfm_chart *c);

/* The layout of a drawn chart, for tests and tools that check it: a box
 * per text drawn (ink extents in canvas pixels), what the text is part of,
 * and the text.  Drawn as a PNG would be; whole canvas, one page. */
enum wfm_chart_box_role {
	WFM_CHART_BOX_TEXT,      /* titles, notes, labels inside the plot */
	WFM_CHART_BOX_TIME,      /* time axis labels */
	WFM_CHART_BOX_VALUE,     /* value axis labels */
	WFM_CHART_BOX_LEGEND,    /* legend labels */
};
struct wfm_chart_box { double x, y, w, h; int role; char text[96]; };
/* *boxes (malloc'ed, the caller frees) and *n; 0 or -1. */
int wfm_chart_layout(const wfm_chart *c, struct wfm_chart_box **boxes, size_t *n, wfm_error *err);
/* Free Cairo's process-wide caches, so leak checkers see a clean exit
 * (fontconfig's own, about 1 KB, stay: see WFM_CHART_LSAN_SUPPRESSIONS).
 * Call once, last, with no chart in use. */
void wfm_chart_release_caches(void);

/* Cairo 1.16's toy font faces leak a fixed ~1 KB of fontconfig patterns
 * per process (FcPatternDuplicate in cairo_toy_font_face_create, and
 * fontconfig's parsed configuration): lib/chart.c defines
 * __lsan_default_suppressions() returning WFM_CHART_LSAN_SUPPRESSIONS and
 * __lsan_default_options() returning "print_suppressions=0", linked into
 * every program that draws, so `make check ASAN=1` reports only leaks of
 * our own. */
#define WFM_CHART_LSAN_SUPPRESSIONS "leak:libfontconfig.so\n"

#endif
