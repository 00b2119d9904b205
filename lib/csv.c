/* csv.c - streaming CSV reader/writer on libcsv.  See csv.h.
 *
 * libcsv pushes fields through callbacks; this module turns that into a
 * pull API.  Input is fed one physical line at a time so that every record
 * knows the line it started on, and completed records wait in a small
 * queue until wfm_csv_next() hands them out.
 */
#include "csv.h"
#include "mem.h"
#include "timeutil.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHUNK 65536

struct row {
	long line;
	size_t first;        /* index of first field in fields[] */
	int nfields;
};

struct wfm_csv_reader {
	FILE *fp;
	int own_fp;
	char name[256];
	struct csv_parser parser;

	char *buf;           /* input chunk */
	size_t buf_len, buf_pos;
	int eof, at_start;
	long line;           /* physical line being fed, 1-based */

	char *arena;         /* field text of queued rows, NUL separated */
	size_t arena_len, arena_cap;
	size_t *fields;      /* offsets into arena */
	size_t nfields, fields_cap;
	struct row *rows;
	size_t nrows, rows_cap, row_next;
	long row_line;       /* start line of the record being built, 0 if none */
	int row_nfields;
	int need_start;      /* the next non-blank line fed starts a record */

	int bad;             /* error found inside a callback */
	long bad_line;
	int bad_col;
	const char *bad_msg;

	char **header;
	int ncols;
	const struct row *cur;
	int semicolon;       /* ';' separates fields: decimal commas in numbers */
};

/* Room for need elements in p (WFM_GROW), its common case (room already:
 * every field) tested without a call; nonzero when out of memory. */
#define ROOM(p, cap, need) ((need) > (cap) && WFM_GROW(p, cap, need))

static int utf8_valid(const unsigned char *s, size_t len)
{
	size_t i = 0;
	uint64_t w;

	for (; i + 8 <= len; i += 8) {       /* ASCII, 8 bytes at a time */
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	while (i < len) {
		unsigned char c = s[i];
		size_t k;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1;
		else if (c >= 0xe0 && c <= 0xef)
			k = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			k = 3;
		else
			return 0;
		for (size_t j = 1; j <= k; j++)
			if (i + j >= len || (s[i + j] & 0xc0) != 0x80)
				return 0;
		i += k + 1;
	}
	return 1;
}

static void mark_bad(struct wfm_csv_reader *r, const char *msg)
{
	if (r->bad)
		return;
	r->bad = 1;
	r->bad_line = r->row_line ? r->row_line : r->line;
	r->bad_col = r->row_nfields;
	r->bad_msg = msg;
}

/* A text that a spreadsheet would run as a formula (OWASP "CSV
 * injection"): it starts with = + - @, a tab or a carriage return. */
static int formula_like(const char *s)
{
	return *s && strchr("=+-@\t\r", *s) != NULL;
}

static void on_field(void *s, size_t len, void *data)
{
	struct wfm_csv_reader *r = data;

	if (r->bad)
		return;
	if (len >= 2 && *(char *)s == '\'' && formula_like((char *)s + 1)) {
		s = (char *)s + 1;    /* '=x as wfm_csv_write_field() writes =x */
		len--;
	}
	if (len > WFM_CSV_MAX_FIELD)
		return mark_bad(r, "field is longer than 65536 bytes");
	/* no NUL here: feed() stops at the first one before libcsv sees it */
	if (!utf8_valid(s, len))
		return mark_bad(r, "field is not valid UTF-8");
	if (ROOM(r->arena, r->arena_cap, r->arena_len + len + 1) ||
	    ROOM(r->fields, r->fields_cap, r->nfields + 1))
		return mark_bad(r, "out of memory");
	if (len)
		memcpy(r->arena + r->arena_len, s, len);
	r->arena[r->arena_len + len] = '\0';
	r->fields[r->nfields++] = r->arena_len;
	r->arena_len += len + 1;
	r->row_nfields++;
}

static void on_row(int c, void *data)
{
	struct wfm_csv_reader *r = data;
	struct row *row;

	(void)c;
	if (r->bad)
		return;
	if (ROOM(r->rows, r->rows_cap, r->nrows + 1))
		return mark_bad(r, "out of memory");
	row = &r->rows[r->nrows++];
	row->line = r->row_line ? r->row_line : r->line;
	row->nfields = r->row_nfields;
	row->first = r->nfields - (size_t)r->row_nfields;
	r->row_nfields = 0;
	r->row_line = 0;
	r->need_start = 1;
}

/* Only line-end bytes: libcsv skips such lines without a record. */
static int blank_line(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != '\r' && p[i] != '\n')
			return 0;
	return 1;
}

static int fill(struct wfm_csv_reader *r, wfm_error *err)
{
	r->buf_len = fread(r->buf, 1, CHUNK, r->fp);
	r->buf_pos = 0;
	if (r->buf_len == 0) {
		if (ferror(r->fp))
			return wfm_error_at(err, r->name, 0, NULL, "read error: %s",
					    strerror(errno));
		r->eof = 1;
	}
	if (r->at_start && r->buf_len >= 3 && !memcmp(r->buf, "\xef\xbb\xbf", 3))
		r->buf_pos = 3;
	r->at_start = 0;
	return 0;
}

static int parse_error(struct wfm_csv_reader *r, wfm_error *err)
{
	if (r->bad) {
		const char *col = NULL;
		if (r->header && r->bad_col < r->ncols)
			col = r->header[r->bad_col];
		if (!r->header)         /* still reading the header row */
			return wfm_error_at(err, r->name, r->bad_line, NULL, "header: column %d: %s",
					    r->bad_col + 1, r->bad_msg);
		return wfm_error_at(err, r->name, r->bad_line, col, "%s", r->bad_msg);
	}
	return wfm_error_at(err, r->name, r->row_line ? r->row_line : r->line,
			    NULL, "malformed CSV: %s",
			    csv_strerror(csv_error(&r->parser)));
}

/* Feed input until at least one record is queued or input ends. */
static int feed(struct wfm_csv_reader *r, wfm_error *err)
{
	while (r->nrows == 0) {
		if (r->buf_pos >= r->buf_len) {
			if (r->eof)
				return 0;
			if (fill(r, err))
				return -1;
			if (r->eof) {
				if (csv_fini(&r->parser, on_field, on_row, r) || r->bad)
					return parse_error(r, err);
				continue;
			}
		}
		char *p = r->buf + r->buf_pos;
		size_t avail = r->buf_len - r->buf_pos;
		char *nl = memchr(p, '\n', avail);
		size_t len = nl ? (size_t)(nl - p) + 1 : avail;
		/* A record starts on the first non-blank line after the last
		 * one ended (a quoted field may carry it over several lines). */
		if (r->need_start && !blank_line(p, len)) {
			r->row_line = r->line;
			r->need_start = 0;
		}
		char *nul = memchr(p, '\0', len);
		if (nul) {   /* parse up to it, so that the message names its column */
			csv_parse(&r->parser, p, (size_t)(nul - p), on_field, on_row, r);
			mark_bad(r, "field contains a NUL byte (binary file?)");
			return parse_error(r, err);
		}
		if (csv_parse(&r->parser, p, len, on_field, on_row, r) != len || r->bad)
			return parse_error(r, err);
		/* a field that never ends (an open quote) is stopped here, at
		 * most one chunk past the limit, not at its end */
		if (r->parser.entry_pos > WFM_CSV_MAX_FIELD) {
			mark_bad(r, "field is longer than 65536 bytes");
			return parse_error(r, err);
		}
		r->buf_pos += len;
		if (nl)
			r->line++;
	}
	return 0;
}

static void reset_queue(struct wfm_csv_reader *r)
{
	/* keep the fields of a record still being built */
	size_t keep = (size_t)r->row_nfields;
	size_t from = r->nfields - keep;
	size_t base = keep ? r->fields[from] : r->arena_len;

	if (base && r->arena_len > base)   /* memmove(NULL, ...) is undefined */
		memmove(r->arena, r->arena + base, r->arena_len - base);
	r->arena_len -= base;
	for (size_t i = 0; i < keep; i++)
		r->fields[i] = r->fields[from + i] - base;
	r->nfields = keep;
	r->nrows = 0;
	r->row_next = 0;
	r->cur = NULL;
}

static int next_raw(struct wfm_csv_reader *r, wfm_error *err)
{
	if (r->row_next >= r->nrows) {
		reset_queue(r);
		if (feed(r, err))
			return -1;
		if (r->nrows == 0)
			return 0;
	}
	r->cur = &r->rows[r->row_next++];
	return 1;
}

/* Header names match without regard to ASCII case. */
static size_t name_hash(const char *s)
{
	size_t h = 2166136261u;          /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s)) * 16777619u;
	return h;
}

size_t wfm_csv_trim(const char **s)
{
	const char *p = *s + strspn(*s, " \t");
	size_t len = strlen(p);

	while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	*s = p;
	return len;
}

/* The header's name without surrounding blanks; NULL when out of memory. */
static char *trimmed(const char *h)
{
	size_t len = wfm_csv_trim(&h);

	return strndup(h, len);
}

/* Names are checked for duplicates through a hash table of column
 * indexes (open addressing, at most half full): linear in the columns. */
static int check_names(struct wfm_csv_reader *r, long line, wfm_error *err)
{
	size_t cap = 16, mask;
	int *slot, rc = 0;

	while (cap < 2 * (size_t)r->ncols)
		cap *= 2;
	if (!(slot = calloc(cap, sizeof(int))))
		return wfm_error_set(err, "out of memory");
	mask = cap - 1;
	for (int i = 0; i < r->ncols && !rc; i++) {
		size_t k = name_hash(r->header[i]) & mask;
		if (!*r->header[i]) {
			rc = wfm_error_at(err, r->name, line, NULL, "header: column %d has no name", i + 1);
			break;
		}
		while (slot[k] && strcasecmp(r->header[slot[k] - 1], r->header[i]))
			k = (k + 1) & mask;
		if (slot[k])
			rc = wfm_error_at(err, r->name, line, r->header[i],
					  "column named twice in the header");
		slot[k] = i + 1;
	}
	free(slot);
	return rc;
}

/* Excel in a locale with decimal commas (Russian, German, ...) separates
 * fields with ';': a header line with ';' and no ',' means that. */
static void detect_separator(struct wfm_csv_reader *r)
{
	const char *p = r->buf + r->buf_pos;
	size_t avail = r->buf_len - r->buf_pos;
	const char *nl = memchr(p, '\n', avail);
	size_t len = nl ? (size_t)(nl - p) : avail;

	if (!memchr(p, ',', len) && memchr(p, ';', len)) {
		r->semicolon = 1;
		csv_set_delim(&r->parser, ';');
	}
}

static int read_header(struct wfm_csv_reader *r, wfm_error *err)
{
	int rc;

	if (fill(r, err))
		return -1;
	detect_separator(r);
	if ((rc = next_raw(r, err)) < 0)
		return -1;
	if (rc == 0)
		return wfm_error_at(err, r->name, 1, NULL, "empty file: a header row is required");
	r->ncols = r->cur->nfields;
	r->header = calloc((size_t)r->ncols, sizeof(char *));
	if (!r->header)
		return wfm_error_set(err, "out of memory");
	for (int i = 0; i < r->ncols; i++)
		if (!(r->header[i] = trimmed(r->arena + r->fields[r->cur->first + (size_t)i])))
			return wfm_error_set(err, "out of memory");
	return check_names(r, r->cur->line, err);
}

wfm_csv_reader *wfm_csv_open_stream(FILE *fp, const char *name, wfm_error *err)
{
	struct wfm_csv_reader *r = calloc(1, sizeof(*r));

	if (!r || !(r->buf = malloc(CHUNK))) {
		free(r);
		wfm_error_set(err, "out of memory");
		return NULL;
	}
	r->fp = fp;
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->line = 1;
	r->at_start = 1;
	r->need_start = 1;
	csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI);
	if (read_header(r, err)) {
		wfm_csv_close(r);
		return NULL;
	}
	return r;
}

wfm_csv_reader *wfm_csv_open(const char *path, wfm_error *err)
{
	FILE *fp;
	wfm_csv_reader *r;

	if (!strcmp(path, "-"))
		return wfm_csv_open_stream(stdin, "<stdin>", err);
	fp = fopen(path, "rb");
	if (!fp) {
		wfm_error_at(err, path, 0, NULL, "cannot open: %s", strerror(errno));
		return NULL;
	}
	r = wfm_csv_open_stream(fp, path, err);
	if (!r)
		fclose(fp);
	else
		r->own_fp = 1;
	return r;
}

void wfm_csv_close(wfm_csv_reader *r)
{
	if (!r)
		return;
	if (r->own_fp)
		fclose(r->fp);
	csv_free(&r->parser);
	wfm_free_strv(r->header, (size_t)r->ncols);
	WFM_FREE(r->buf, r->arena, r->fields, r->rows, r);
}

int wfm_csv_next(wfm_csv_reader *r, wfm_error *err)
{
	int rc = next_raw(r, err);

	if (rc <= 0)
		return rc;
	if (r->cur->nfields != r->ncols)
		return wfm_error_at(err, r->name, r->cur->line, NULL,
				    "expected %d fields as in the header, found %d",
				    r->ncols, r->cur->nfields);
	return 1;
}

const char *wfm_csv_name(const wfm_csv_reader *r) { return r->name; }
long wfm_csv_line(const wfm_csv_reader *r) { return r->cur ? r->cur->line : r->line; }
int wfm_csv_ncols(const wfm_csv_reader *r) { return r->ncols; }

const char *wfm_csv_header(const wfm_csv_reader *r, int col)
{
	return col >= 0 && col < r->ncols ? r->header[col] : "";
}

int wfm_csv_col(const wfm_csv_reader *r, const char *name)
{
	for (int i = 0; i < r->ncols; i++)
		if (!strcasecmp(r->header[i], name))
			return i;
	return -1;
}

int wfm_csv_require(const wfm_csv_reader *r, const char *name, wfm_error *err)
{
	int col = wfm_csv_col(r, name);

	if (col < 0)
		wfm_error_at(err, r->name, 1, name, "missing column in the header");
	return col;
}

const char *wfm_csv_get(const wfm_csv_reader *r, int col)
{
	if (!r->cur || col < 0 || col >= r->cur->nfields)
		return "";
	return r->arena + r->fields[r->cur->first + (size_t)col];
}

int wfm_csv_error(const wfm_csv_reader *r, int col, wfm_error *err,
		  const char *fmt, ...)
{
	char msg[sizeof(err->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return wfm_error_at(err, r->name, wfm_csv_line(r),
			    col >= 0 ? wfm_csv_header(r, col) : NULL, "%s", msg);
}

int wfm_csv_double_opt(const wfm_csv_reader *r, int col, double dflt,
		       double *out, wfm_error *err)
{
	const char *s = wfm_csv_get(r, col);

	if (!*s) {
		*out = dflt;
		return 0;
	}
	return wfm_csv_double(r, col, out, err);
}

/* In a ';'-separated file "5,5" is 5.5: the text with its one decimal
 * comma made a point (in buf), else s as it is. */
static const char *decimal_point(const wfm_csv_reader *r, const char *s, char *buf, size_t size)
{
	const char *c;

	if (!r->semicolon || !(c = strchr(s, ',')) || strchr(c + 1, ',') || strchr(s, '.') ||
	    strlen(s) >= size)
		return s;
	strcpy(buf, s);
	buf[c - s] = '.';
	return buf;
}

/* "-12.5", "300", "0.0625": an optional '-', digits, and a '.' with more
 * digits; at most 15 digits, so the digits read as one integer m < 2^53
 * and 10^decimals are exact doubles, and m / 10^decimals is rounded once,
 * to the nearest, as strtod rounds the text (Clinger's fast path).  0 when
 * s is not of this form (strtod reads it then). */
static int plain_decimal(const char *s, double *out)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
				      1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	const char *p = s + (*s == '-');
	uint64_t m = 0;
	int nd = 0, dec = 0;

	for (; (unsigned)(*p - '0') < 10; p++, nd++)
		m = m * 10 + (uint64_t)(*p - '0');
	if (nd == 0)
		return 0;
	if (*p == '.') {
		const char *f = ++p;
		for (; (unsigned)(*p - '0') < 10; p++)
			m = m * 10 + (uint64_t)(*p - '0');
		dec = (int)(p - f);
		nd += dec;
		if (dec == 0)
			return 0;
	}
	if (*p || nd > 15)
		return 0;
	*out = (double)m / p10[dec];
	if (*s == '-')
		*out = -*out;
	return 1;
}

int wfm_csv_double(const wfm_csv_reader *r, int col, double *out, wfm_error *err)
{
	const char *s = wfm_csv_get(r, col);
	char *end, dot[64];
	double v;

	if (plain_decimal(s, out))
		return 0;
	if (!*s)
		return wfm_csv_error(r, col, err, "empty, a number is required");
	errno = 0;
	v = strtod(decimal_point(r, s, dot, sizeof(dot)), &end);
	if (end == s || *end)
		return wfm_csv_error(r, col, err, "\"%.40s\" is not a number", s);
	if (errno == ERANGE && fabs(v) < 1)   /* 1e-400: underflow */
		return wfm_csv_error(r, col, err, "\"%.40s\" is out of range (too close to 0)", s);
	if (errno == ERANGE || v != v || v - v != 0)
		return wfm_csv_error(r, col, err, "\"%.40s\" is not a finite number", s);
	*out = v;
	return 0;
}

int wfm_csv_quantity(const wfm_csv_reader *r, int col, double max, int optional,
		     double *out, wfm_error *err)
{
	if (optional ? wfm_csv_double_opt(r, col, NAN, out, err) : wfm_csv_double(r, col, out, err))
		return -1;
	if (*out < 0)
		return wfm_csv_error(r, col, err, "%g is negative", *out);
	if (*out > max)
		return wfm_csv_error(r, col, err, "%g is over the maximum of %g (a unit mix-up?)",
				     *out, max);
	return 0;
}

int wfm_csv_long(const wfm_csv_reader *r, int col, long *out, wfm_error *err)
{
	const char *s = wfm_csv_get(r, col);
	char *end;
	long v;

	if (!*s)
		return wfm_csv_error(r, col, err, "empty, a whole number is required");
	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end)
		return wfm_csv_error(r, col, err, "\"%.40s\" is not a whole number", s);
	if (errno == ERANGE)
		return wfm_csv_error(r, col, err, "\"%.40s\" is out of range", s);
	*out = v;
	return 0;
}

int wfm_csv_time(const wfm_csv_reader *r, int col, const wfm_tz *tz, int later,
		 int64_t *utc, wfm_error *err)
{
	int rc = wfm_time_parse(wfm_csv_get(r, col), tz, later, utc, err);

	if (rc < 0)
		return wfm_csv_error(r, col, err, "%s", err->msg);
	return rc;
}

static int needs_quotes(const char *s)
{
	return strpbrk(s, ",\"\r\n") != NULL || (*s && (s[0] == ' ' || s[strlen(s) - 1] == ' '));
}

int wfm_csv_write_field(FILE *fp, const char *s, int first)
{
	char *p = NULL;
	int rc;

	if (!first && putc(',', fp) == EOF)
		return -1;
	if (formula_like(s)) {      /* written as '=..., read back as =... */
		if (!(p = malloc(strlen(s) + 2)))
			return -1;
		p[0] = '\'';
		strcpy(p + 1, s);
		s = p;
	}
	if (needs_quotes(s))
		rc = csv_fwrite(fp, s, strlen(s)) ? -1 : 0;
	else
		rc = fputs(s, fp) == EOF ? -1 : 0;
	free(p);
	return rc;
}

int wfm_csv_plain_field(char *buf, size_t size, const char *s)
{
	size_t len = strlen(s);

	if (len >= size || formula_like(s) || needs_quotes(s))
		return -1;
	memcpy(buf, s, len + 1);
	return (int)len;
}

int wfm_csv_write_row(FILE *fp, const char *const *fields, int n)
{
	for (int i = 0; i < n; i++)
		if (wfm_csv_write_field(fp, fields[i], i == 0))
			return -1;
	return putc('\n', fp) == EOF ? -1 : 0;
}

/* Fixed-point formatting without printf.  v = m 2^e exactly, so
 * v 10^dec = m 5^dec 2^(e + dec): an integer times a power of two, which
 * 128-bit integers hold for the cases the fast path takes; it is rounded
 * half to even from its exact remainder, as glibc's printf does. */
static const uint64_t pow10u[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
				   100000000, 1000000000 };

/* v >= 0 finite scaled by 10^dec and rounded to the nearest integer, ties
 * to even, into *q; 0 when that does not fit (the caller uses snprintf). */
static int scaled_round(double v, int dec, uint64_t *q)
{
	uint64_t bits, m;
	int e, sh;
	unsigned __int128 x;

	memcpy(&bits, &v, sizeof(bits));
	e = (int)(bits >> 52 & 0x7ff);
	m = bits & ((1ULL << 52) - 1);
	if (e == 0)
		e = 1;             /* subnormal */
	else
		m |= 1ULL << 52;
	e -= 1075;
	x = (unsigned __int128)m * (pow10u[dec] >> dec);   /* m 5^dec < 2^74 */
	sh = e + dec;
	if (sh >= 0) {
		if (sh > 40 || x << sh >> 64)
			return 0;
		*q = (uint64_t)(x << sh);
		return 1;
	}
	if (-sh >= 120) {      /* under 2^-46: rounds to 0, no tie */
		*q = 0;
		return 1;
	}
	{
		unsigned __int128 r = x & (((unsigned __int128)1 << -sh) - 1);
		unsigned __int128 half = (unsigned __int128)1 << (-sh - 1);
		x >>= -sh;
		if (x >> 63)
			return 0;
		*q = (uint64_t)x + (r > half || (r == half && (x & 1)));
	}
	return 1;
}

/* The quick way to scaled_round's answer: x = v 10^dec in doubles is
 * within half an ulp of the exact product (10^dec is exact, one rounding),
 * so unless x's fraction lies within an ulp of one half, rounding x
 * rounds the exact product the same way.  0 when it is that close (or x
 * too large for the test); scaled_round decides then. */
static int quick_round(double v, int dec, uint64_t *q)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };
	double x = v * p10[dec], f;

	if (!(x < 4503599627370496.0))          /* 2^52 */
		return 0;
	*q = (uint64_t)x;                        /* floor */
	f = x - (double)*q;                      /* exact */
	if (fabs(f - 0.5) <= x * 0x1p-52)
		return 0;
	*q += f > 0.5;
	return 1;
}

static const char two_digits[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* q with dec decimals, its last byte just before end; returns the first */
static char *put_fixed(char *end, uint64_t q, int dec)
{
	char *p = end;
	int k = dec;

	for (; k >= 2; k -= 2, q /= 100)
		memcpy(p -= 2, two_digits + q % 100 * 2, 2);
	if (k) {
		*--p = (char)('0' + q % 10);
		q /= 10;
	}
	if (dec > 0)
		*--p = '.';
	for (; q >= 10; q /= 100)
		memcpy(p -= 2, two_digits + q % 100 * 2, 2);
	if (q || p == end || *p == '.')          /* a last digit or the only one */
		*--p = (char)('0' + q);
	return p;
}

int wfm_csv_format_fixed(char *buf, size_t size, double v, int dec)
{
	char tmp[32], *p;
	uint64_t q, ten = 10;
	int n, nd = 1;

	if (dec < 0 || dec > 9 || !isfinite(v))
		return snprintf(buf, size, "%.*f", dec, v);
	if (!quick_round(fabs(v), dec, &q) &&
	    (fabs(v) >= 1e18 / (double)pow10u[dec] || !scaled_round(fabs(v), dec, &q)))
		return snprintf(buf, size, "%.*f", dec, v);
	while (nd < 19 && q >= ten) {            /* q's digits, at least dec + 1 */
		nd++;
		ten *= 10;
	}
	n = (signbit(v) != 0) + (nd > dec ? nd : dec + 1) + (dec > 0);
	if ((size_t)n < size) {                  /* the usual: straight into buf */
		buf[n] = '\0';
		if (put_fixed(buf + n, q, dec) > buf)
			buf[0] = '-';
		return n;
	}
	p = put_fixed(tmp + sizeof(tmp), q, dec);
	if (signbit(v))
		*--p = '-';
	if (size > 0) {
		memcpy(buf, p, size - 1);
		buf[size - 1] = '\0';
	}
	return n;
}

char *wfm_csv_append_fixed(char *p, double v, int dec)
{
	*p++ = ',';
	if (isfinite(v))
		p += wfm_csv_format_fixed(p, 399, v, dec);
	*p = '\0';
	return p;
}

/* The output guard (see csv.h). */
#define GUARD_COLS 64

struct wfm_csv_guard {
	enum { G_HEADER, G_ROWS, G_OFF, G_BAD } state;
	char hdr[2048];      /* the header line while it is read */
	size_t hlen;
	uint64_t quantity;   /* bit c: column c holds a quantity */
	int quoted, col;
	long line;           /* physical line being read, 1-based */
	long rec_line;       /* line the current record started on */
	char field[48];      /* the current field's first bytes */
	size_t flen;
	long bad_line;
	int bad_col;
	char bad_text[48];
	const char *why;
};

wfm_csv_guard *wfm_csv_guard_new(void)
{
	wfm_csv_guard *g = calloc(1, sizeof(*g));

	if (g)
		g->line = 1;
	return g;
}

void wfm_csv_guard_free(wfm_csv_guard *g)
{
	free(g);
}

static int is_quantity(const char *name, size_t len)
{
	const char *p = WFM_CSV_QUANTITIES;

	while (*p) {
		size_t n = strcspn(p, " ");
		if (n == len && !strncmp(p, name, len))
			return 1;
		p += n + (p[n] == ' ');
	}
	return 0;
}

/* The header line is complete: find the quantity columns. */
static void guard_header(wfm_csv_guard *g)
{
	const char *p = g->hdr;

	g->state = G_OFF;
	if (g->hlen && g->hdr[g->hlen - 1] == '\r')
		g->hdr[--g->hlen] = '\0';
	for (int c = 0;; c++) {
		size_t n = strcspn(p, ",\r");
		if (n == 0 || p[n] == '\r')
			return;           /* an empty name: not a header */
		if (c < GUARD_COLS && is_quantity(p, n))
			g->quantity |= (uint64_t)1 << c;
		if (!p[n])
			break;
		p += n + 1;
	}
	if (g->quantity)
		g->state = G_ROWS;
}

/* Digits with at most one '.' and a digit: finite and >= 0 (under 48
 * bytes no strtod overflows), as strtod would say, without it. */
static int plain_number(const char *s)
{
	const char *p = s;
	long digits;

	while ((unsigned)(*p - '0') < 10)
		p++;
	digits = p - s;
	if (*p == '.') {
		const char *f = ++p;
		while ((unsigned)(*p - '0') < 10)
			p++;
		digits += p - f;
	}
	return !*p && digits > 0;
}

/* The field of column col (its first flen bytes in g->field) ends: a
 * quantity that is negative or not finite is refused. */
static void guard_field(wfm_csv_guard *g, int col, size_t flen)
{
	char *end;
	double v;

	if (!flen || col >= GUARD_COLS || !(g->quantity >> col & 1))
		return;
	g->field[flen < sizeof(g->field) ? flen : sizeof(g->field) - 1] = '\0';
	if (plain_number(g->field))          /* what writers write: fine */
		return;
	errno = 0;
	v = strtod(g->field, &end);
	if (end != g->field && !*end && (isnan(v) || isinf(v) || errno == ERANGE || v < 0)) {
		g->why = v < 0 && !isinf(v) ? "is negative" : "is not a finite number";
		g->bad_line = g->rec_line;
		g->bad_col = col;
		snprintf(g->bad_text, sizeof(g->bad_text), "%s", g->field);
		g->state = G_BAD;
	}
}

/* Rows: the first bytes of each quantity field, outside quotes, are
 * collected and examined at the field's ',' or line end.  The state lives
 * in locals here (a char store through g could alias any of g's members). */
static void guard_rows(wfm_csv_guard *g, const unsigned char *b, size_t len)
{
	static const unsigned char stop[256] = { [','] = 1, ['\n'] = 1, ['"'] = 1, ['\r'] = 1 };
	int quoted = g->quoted, col = g->col;
	int keep = col < GUARD_COLS && (g->quantity >> col & 1);
	size_t flen = g->flen, i = 0;
	char *field = g->field;

	while (i < len) {
		unsigned char c = b[i++];
		if (quoted) {
			if (c == '"')
				quoted = 0;
			else if (c == '\n')
				g->line++;
		} else if (!stop[c]) {                  /* a run of plain bytes */
			if (!keep) {
				while (i < len && !stop[b[i]])
					i++;
				flen = 1;               /* only "not empty" matters */
				continue;
			}
			for (i--; i < len && !stop[b[i]]; i++)
				if (flen < sizeof(g->field))
					field[flen++] = (char)b[i];
		} else if (c == '"') {
			quoted = 1;
		} else if (c != '\r') {                 /* ',' or a line end */
			if (keep && flen && (guard_field(g, col, flen), g->state == G_BAD))
				return;
			flen = 0;
			col = c == ',' ? col + 1 : 0;
			keep = col < GUARD_COLS && (g->quantity >> col & 1);
			if (c == '\n')
				g->rec_line = ++g->line;
		}
	}
	g->quoted = quoted;
	g->col = col;
	g->flen = flen;
}

void wfm_csv_guard_feed(wfm_csv_guard *g, const char *buf, size_t len)
{
	for (size_t i = 0; i < len && g->state < G_OFF; i++) {
		char c = buf[i];
		if (g->state == G_ROWS) {
			guard_rows(g, (const unsigned char *)buf + i, len - i);
			break;
		}
		if (c == '\n') {
			g->hdr[g->hlen] = '\0';
			g->rec_line = ++g->line;
			guard_header(g);
		} else if (g->hlen + 1 < sizeof(g->hdr) &&
			   ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == ',' ||
			    c == '\r'))
			g->hdr[g->hlen++] = c;
		else
			g->state = G_OFF;   /* not a CSV header of plain names */
	}
}

int wfm_csv_guard_check(wfm_csv_guard *g, const char *name, wfm_error *err)
{
	char col[64];
	size_t i = 0;

	if (g->state == G_ROWS && !g->quoted)
		guard_field(g, g->col, g->flen);   /* a last line without its newline */
	if (g->state != G_BAD)
		return 0;
	for (int c = 0; c < g->bad_col && i < g->hlen; c++)
		i += strcspn(g->hdr + i, ",") + 1;
	snprintf(col, sizeof(col), "%.*s", (int)strcspn(g->hdr + i, ",\r"), g->hdr + i);
	return wfm_error_at(err, name, g->bad_line, col, "\"%s\" %s: output refused (a count, volume, "
			    "AHT or agent number cannot be; input numbers too large?)",
			    g->bad_text, g->why);
}

/* ---- open and find the columns: the first lines of every format reader ---- */

wfm_csv_reader *wfm_csv_open_cols(const char *path, const char *const *names, int n, int *col,
				  wfm_error *err)
{
	wfm_csv_reader *r = wfm_csv_open(path, err);

	for (int k = 0; r && k < n; k++)
		if (names[k][0] == '?')
			col[k] = wfm_csv_col(r, names[k] + 1);
		else if ((col[k] = wfm_csv_require(r, names[k], err)) < 0) {
			wfm_csv_close(r);
			r = NULL;
		}
	return r;
}

void *wfm_csv_open_new(const char *path, const char *const *names, int n, int *col, size_t size,
		       wfm_csv_reader **r, wfm_error *err)
{
	void *obj;

	if (!(*r = wfm_csv_open_cols(path, names, n, col, err)))
		return NULL;
	if (!(obj = calloc(1, size))) {
		wfm_csv_close(*r);
		*r = NULL;
		wfm_error_set(err, "out of memory");
	}
	return obj;
}

long wfm_csv_each(const char *path, const char *const *names, int n, int *col,
		  wfm_csv_row_fn *row, void *ctx, const char *empty, wfm_error *err)
{
	wfm_csv_reader *r = wfm_csv_open_cols(path, names, n, col, err);
	long count = 0;
	int rc;

	if (!r)
		return -1;
	while ((rc = wfm_csv_next(r, err)) == 1 && (rc = row(r, col, ctx, err)) == 0)
		count++;
	if (rc == 0 && count == 0 && empty)
		rc = wfm_error_at(err, wfm_csv_name(r), 1, NULL, "%s", empty);
	wfm_csv_close(r);
	return rc < 0 ? -1 : count;
}
