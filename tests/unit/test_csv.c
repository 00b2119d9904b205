/* test_csv.c - lib/csv.c: quoting, line ends, BOM, line numbers, typed
 * access and its error messages.  Inputs are in-memory streams (fmemopen)
 * or temporary files; expected values are read off the inputs by hand. */
#define _GNU_SOURCE   /* fopencookie: an endless stream */
#include "check.h"
#include "csv.h"
#include "timeutil.h"

#include <stdlib.h>
#include <unistd.h>

static wfm_csv_reader *open_str(const char *text, size_t len, FILE **fp, wfm_error *err)
{
	*fp = fmemopen((void *)text, len, "r");
	if (!*fp)
		return NULL;
	wfm_csv_reader *r = wfm_csv_open_stream(*fp, "t.csv", err);
	if (!r) {
		fclose(*fp);
		*fp = NULL;
	}
	return r;
}

/* A reader on the text of a char array, which must open (else a FAIL). */
static wfm_csv_reader *opened(const char *text, size_t len, FILE **fp, wfm_error *err)
{
	wfm_csv_reader *r = open_str(text, len, fp, err);

	CHECK(r != NULL, "open: %s", err->msg);
	return r;
}

static void done(wfm_csv_reader *r, FILE *fp)
{
	wfm_csv_close(r);
	if (fp)
		fclose(fp);
}

/* The tests below that read one text: each gets an open reader on it and
 * the error report; on_text() opens and closes. */
typedef void reader_test(wfm_csv_reader *r, wfm_error *err);

static void on_text(const char *text, size_t len, reader_test *test)
{
	wfm_error err = { 0 };
	FILE *fp;
	wfm_csv_reader *r = opened(text, len, &fp, &err);

	if (r) {
		test(r, &err);
		done(r, fp);
	}
}
#define ON_TEXT(text, test) on_text(text, sizeof(text) - 1, test)

/* err, formatted as "file:line: column: message", is want (whole), or
 * starts with it. */
static void error_is(const wfm_error *err, const char *want, int whole)
{
	char buf[1024];
	size_t len = strlen(want);

	wfm_error_format(err, buf, sizeof(buf));
	CHECK(!strncmp(buf, want, len) && (!whole || !buf[len]), "error \"%s\", want \"%s\"%s", buf, want,
	      whole ? "" : "...");
}

static const char quoting[] =
	"name,note,n\n"                         /* line 1 */
	"\"a,b\",\"say \"\"hi\"\"\",1\n"        /* line 2: comma and quotes inside */
	"plain,\"two\nlines\",2\n"              /* lines 3-4: embedded newline */
	"x,y,3\n";                              /* line 5 */

static void test_quoting(wfm_csv_reader *r, wfm_error *err)
{
	CHECK(wfm_csv_ncols(r) == 3, "ncols %d", wfm_csv_ncols(r));
	CHECK_STR(wfm_csv_header(r, 1), "note", "header 1");
	CHECK_STR(wfm_csv_header(r, 7), "", "header out of range");
	CHECK(wfm_csv_col(r, "n") == 2, "col n");
	CHECK(wfm_csv_col(r, "missing") == -1, "col missing");
	CHECK(wfm_csv_next(r, err) == 1, "rec 1");
	CHECK_STR(wfm_csv_get(r, 0), "a,b", "embedded comma");
	CHECK_STR(wfm_csv_get(r, 1), "say \"hi\"", "embedded quotes");
	CHECK(wfm_csv_line(r) == 2, "line of rec 1: %ld", wfm_csv_line(r));
	CHECK_STR(wfm_csv_get(r, -1), "", "col -1 gives empty");
	CHECK(wfm_csv_next(r, err) == 1, "rec 2");
	CHECK_STR(wfm_csv_get(r, 1), "two\nlines", "embedded newline");
	CHECK(wfm_csv_line(r) == 3, "multi-line record starts on line 3: %ld", wfm_csv_line(r));
	CHECK(wfm_csv_next(r, err) == 1, "rec 3");
	/* the record after a 2-line field is on physical line 5, not 4 */
	CHECK(wfm_csv_line(r) == 5, "line after multi-line field: %ld", wfm_csv_line(r));
	CHECK(wfm_csv_next(r, err) == 0, "end");
}

/* A multi-line quoted field in the first column: the record's line is
 * the line of its opening quote, and a typed error names it. */
static const char multiline_first[] =
	"note,n\n"
	"\"one\ntwo\nthree\",abc\n"             /* lines 2-4 */
	"ok,5\n";                               /* line 5 */

static void test_multiline_first(wfm_csv_reader *r, wfm_error *err)
{
	double v;

	CHECK(wfm_csv_next(r, err) == 1, "rec");
	CHECK(wfm_csv_line(r) == 2, "line %ld", wfm_csv_line(r));
	CHECK(wfm_csv_double(r, 1, &v, err) == -1, "abc is no number");
	error_is(err, "t.csv:2: n: \"abc\" is not a number", 1);
	CHECK(wfm_csv_next(r, err) == 1 && wfm_csv_line(r) == 5, "next at line 5: %ld", wfm_csv_line(r));
	CHECK(wfm_csv_double(r, 1, &v, err) == 0 && v == 5, "5");
}

static const char crlf_bom_blank[] =
	"\xef\xbb\xbf" "a,b\r\n"                /* line 1, with BOM */
	"1,2\r\n"                               /* line 2 */
	"\r\n"                                  /* line 3 blank */
	"\n"                                    /* line 4 blank */
	"3,x\r\n";                              /* line 5 */

static void test_crlf_bom_blank(wfm_csv_reader *r, wfm_error *err)
{
	long l;

	CHECK_STR(wfm_csv_header(r, 0), "a", "BOM stripped from first header");
	CHECK(wfm_csv_col(r, "a") == 0, "lookup of a after BOM");
	CHECK_STR(wfm_csv_header(r, 1), "b", "no CR left in the last header");
	CHECK(wfm_csv_next(r, err) == 1, "rec 1");
	CHECK_STR(wfm_csv_get(r, 1), "2", "no CR in last field");
	CHECK(wfm_csv_long(r, 1, &l, err) == 0 && l == 2, "long 2");
	CHECK(wfm_csv_next(r, err) == 1, "rec 2 after blank lines");
	CHECK(wfm_csv_line(r) == 5, "line after blank lines %ld", wfm_csv_line(r));
	CHECK(wfm_csv_long(r, 1, &l, err) == -1, "x not long");
	error_is(err, "t.csv:5: b: \"x\" is not a whole number", 1);
	CHECK(wfm_csv_next(r, err) == 0, "end");
}

static const char short_row[] = "a,b,c\n1,2,3\n4,5\n";

static void test_short_row(wfm_csv_reader *r, wfm_error *err)
{
	CHECK(wfm_csv_next(r, err) == 1, "rec 1");
	CHECK(wfm_csv_next(r, err) == -1, "short row is an error");
	error_is(err, "t.csv:3: expected 3 fields as in the header, found 2", 1);
}

static const char typed[] =
	"v,w,t\n"
	"1.5,,2026-03-01T10:00\n"               /* line 2 */
	"inf,1e400,2026-02-30T10:00\n"          /* line 3 */
	"nan, 7,2026-13-01T00:00\n"             /* line 4 */
	"0x,12abc,2026-01-01T24:00\n";          /* line 5 */

static void test_typed(wfm_csv_reader *r, wfm_error *err)
{
	double v;
	long l;
	int64_t t;
	wfm_tz *utc = wfm_tz_open("UTC", err);

	CHECK(utc != NULL, "zone UTC");
	if (!utc)
		return;
	CHECK(wfm_csv_next(r, err) == 1, "rec 1");
	CHECK(wfm_csv_double(r, 0, &v, err) == 0 && v == 1.5, "1.5");
	CHECK(wfm_csv_double(r, 1, &v, err) == -1, "empty double is an error");
	error_is(err, "t.csv:2: w: empty, a number is required", 1);
	CHECK(wfm_csv_double_opt(r, 1, 42, &v, err) == 0 && v == 42, "opt default");
	CHECK(wfm_csv_double_opt(r, 0, 42, &v, err) == 0 && v == 1.5, "opt present");
	/* 2026-03-01 = day 20513 (2026-01-01 is day 20454 = 56 years*365 + 14
	 * leap days; + 31 + 28); 20513*86400 + 36000 */
	CHECK(wfm_csv_time(r, 2, utc, 0, &t, err) == WFM_TZ_UNIQUE && t == 20513LL * 86400 + 36000,
	      "time %lld", (long long)t);
	CHECK(wfm_csv_next(r, err) == 1, "rec 2");
	CHECK(wfm_csv_double(r, 0, &v, err) == -1, "inf rejected");
	error_is(err, "t.csv:3: v: \"inf\" is not a finite number", 1);
	CHECK(wfm_csv_double(r, 1, &v, err) == -1, "1e400 rejected");
	error_is(err, "t.csv:3: w: \"1e400\" is not a finite number", 1);
	CHECK(wfm_csv_time(r, 2, utc, 0, &t, err) == -1, "Feb 30");
	error_is(err, "t.csv:3: t: \"2026-02-30T10:00\" is not an ISO 8601 time", 0);
	CHECK(wfm_csv_next(r, err) == 1, "rec 3");
	CHECK(wfm_csv_double(r, 0, &v, err) == -1, "nan rejected");
	CHECK(wfm_csv_time(r, 2, utc, 0, &t, err) == -1, "month 13");
	error_is(err, "t.csv:4: t: ", 0);
	CHECK(wfm_csv_next(r, err) == 1, "rec 4");
	CHECK(wfm_csv_double(r, 0, &v, err) == -1, "0x rejected");
	CHECK(wfm_csv_long(r, 1, &l, err) == -1, "12abc rejected");
	error_is(err, "t.csv:5: w: \"12abc\" is not a whole number", 1);
	CHECK(wfm_csv_time(r, 2, utc, 0, &t, err) == -1, "24:00 rejected");
	CHECK(wfm_csv_error(r, 0, err, "custom %d", 7) == -1, "csv_error returns -1");
	error_is(err, "t.csv:5: v: custom 7", 1);
	CHECK(wfm_csv_require(r, "nope", err) == -1, "require missing");
	error_is(err, "t.csv:1: nope: missing column in the header", 1);
	wfm_tz_free(utc);
}

/* Fields up to WFM_CSV_MAX_FIELD bytes pass; one more byte is an error at
 * the record's line; long fields may span the reader's 64 KiB chunks. */
static void test_long_fields(void)
{
	size_t n = WFM_CSV_MAX_FIELD;
	size_t cap = 3 * n + 100;
	char *text = malloc(cap);
	wfm_error err = { 0 };
	FILE *fp;
	size_t len = 0;

	if (!text)
		return;
	len += (size_t)sprintf(text + len, "k,v\n1,");
	memset(text + len, 'a', n);                      /* line 2: exactly max */
	len += n;
	len += (size_t)sprintf(text + len, "\n2,\"");
	memset(text + len, 'b', n + 1);                  /* line 3: max + 1 */
	len += n + 1;
	len += (size_t)sprintf(text + len, "\"\n");
	wfm_csv_reader *r = open_str(text, len, &fp, &err);
	CHECK(r != NULL, "open");
	if (r) {
		CHECK(wfm_csv_next(r, &err) == 1, "max-length field accepted: %s", err.msg);
		CHECK(strlen(wfm_csv_get(r, 1)) == n, "length %zu", strlen(wfm_csv_get(r, 1)));
		CHECK(wfm_csv_next(r, &err) == -1, "over-long field rejected");
		error_is(&err, "t.csv:3: v: field is longer than 65536 bytes", 1);
		done(r, fp);
	}
	free(text);
}

/* The error of reading text, in err: at the open when good < 0, else at
 * the record after `good` good ones; none (err as it was) when there is
 * none. */
static void read_error(const char *text, size_t len, int good, wfm_error *err)
{
	FILE *fp;
	wfm_csv_reader *r = open_str(text, len, &fp, err);
	int rc = 1;

	for (int k = 0; r && k <= good && rc == 1; k++)
		rc = wfm_csv_next(r, err);
	done(r, fp);
}

static void test_errors(void)
{
#define T(s) s, sizeof(s) - 1
	static const struct { const char *text; size_t len; int good, prefix; const char *msg; } cases[] = {
		{ T(""), -1, 0, "t.csv:1: empty file: a header row is required" },
		{ T("a,,c\n"), -1, 0, "t.csv:1: header: column 2 has no name" },
		{ T("a,b,a\n"), -1, 0, "t.csv:1: a: column named twice in the header" },
		/* names differing in case and blanks only are the same column */
		{ T("timestamp,Volume,volume \n"), -1, 0, "t.csv:1: volume: column named twice in the header" },
		/* invalid UTF-8 in the header: line 1, column 1; in a field: its column */
		{ T("a\xff,b\n1,2\n"), -1, 0, "t.csv:1: header: column 1: field is not valid UTF-8" },
		{ T("a,b\n1,2\n3,\xc3(\n"), 1, 0, "t.csv:3: b: field is not valid UTF-8" },
		/* a NUL byte would cut the field short: rejected */
		{ T("a,b\n1,x\0y\n"), 0, 0, "t.csv:2: b: field contains a NUL byte (binary file?)" },
		/* a stray quote inside an unquoted field (strict mode) */
		{ T("a,b\n1,2\n3,x\"y\n"), 1, 1, "t.csv:3: malformed CSV" },
		/* an unterminated quote: reported at the line it opens */
		{ T("a,b\n1,2\n3,\"x\n4,5\n"), 1, 1, "t.csv:3: malformed CSV" },
	};
#undef T
	wfm_error err = { 0 };

	for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		wfm_error e = { 0 };
		read_error(cases[k].text, cases[k].len, cases[k].good, &e);
		error_is(&e, cases[k].msg, !cases[k].prefix);
	}
	CHECK(wfm_csv_open("/nonexistent/x.csv", &err) == NULL, "missing file");
	CHECK(strstr(err.msg, "cannot open") != NULL && !strcmp(err.file, "/nonexistent/x.csv"), "%s", err.msg);
}

/* Many records across several 64 KiB chunks keep exact line numbers. */
static void test_file_many_lines(void)
{
	char path[] = "/tmp/wfm-test-csv.XXXXXX";
	int fd = mkstemp(path);
	wfm_error err = { 0 };
	FILE *fp;
	long bad = 0;

	CHECK(fd >= 0, "mkstemp");
	if (fd < 0)
		return;
	fp = fdopen(fd, "w");
	fprintf(fp, "i,text\n");
	for (int i = 0; i < 20000; i++)   /* record i on line 2 + 2i .. (quoted 2-line field) */
		fprintf(fp, "%d,\"row %d\nsecond line\"\n", i, i);
	fclose(fp);
	wfm_csv_reader *r = wfm_csv_open(path, &err);
	CHECK(r != NULL, "open %s", err.msg);
	if (r) {
		long n = 0, v;
		while (wfm_csv_next(r, &err) == 1) {
			if (wfm_csv_long(r, 0, &v, &err) || v != n || wfm_csv_line(r) != 2 + 2 * n)
				bad++;
			n++;
		}
		CHECK(n == 20000, "records %ld", n);
		CHECK(bad == 0, "%ld records with a wrong value or line", bad);
		wfm_csv_close(r);
	}
	unlink(path);
}

/* Write row (n fields) with wfm_csv_write_row(), check the text is want,
 * read it back under a header of n columns and check that field k is
 * back[k] (row[k] when back is NULL). */
static void round_trip(const char *const *row, int n, const char *want, const char *const *back)
{
	char *out = NULL, text[512];
	size_t len = 0, at = 0;
	FILE *fp = open_memstream(&out, &len);
	wfm_error err = { 0 };
	wfm_csv_reader *r;

	wfm_csv_write_row(fp, row, n);
	fclose(fp);
	CHECK_STR(out, want, "written row");
	for (int i = 0; i < n; i++)
		at += (size_t)snprintf(text + at, sizeof(text) - at, "%sc%d", i ? "," : "", i);
	snprintf(text + at, sizeof(text) - at, "\n%s", out);
	r = open_str(text, strlen(text), &fp, &err);
	CHECK(r && wfm_csv_next(r, &err) == 1, "read back");
	for (int i = 0; r && i < n; i++)
		CHECK_STR(wfm_csv_get(r, i), back ? back[i] : row[i], "round trip");
	done(r, fp);
	free(out);
}

static void test_write(void)
{
	static const char *const row[] = { "plain", "a,b", "say \"hi\"", " pad", "" };

	round_trip(row, 5, "plain,\"a,b\",\"say \"\"hi\"\"\",\" pad\",\n", NULL);
}

/* Formula-like names (OWASP CSV injection) are written with a leading '
 * and read back as they were; a written '= reads as =. */
static void test_formula_names(void)
{
	static const char *const row[] = { "=SUM(A1:A9)", "+7 999", "-x", "@cmd", "a=b", "=1,2", "'=quoted" },
		*const back[] = { "=SUM(A1:A9)", "+7 999", "-x", "@cmd", "a=b", "=1,2", "=quoted" };

	round_trip(row, 7, "'=SUM(A1:A9),'+7 999,'-x,'@cmd,a=b,\"'=1,2\",'=quoted\n", back);
}

/* Excel in a Russian locale: ';' separators (detected from the header),
 * decimal commas, and headers in any case with spaces around them. */
static const char excel_semicolon[] =
	"\xef\xbb\xbf Timestamp ;Channel; VOLUME;aht_s\r\n"
	"2026-06-01T09:00;\xd0\xb7\xd0\xb2\xd0\xbe\xd0\xbd\xd0\xba\xd0\xb8;5,5;180\r\n"
	"2026-06-01T10:00;\"a;b\";12.25;1,5e2\r\n"
	"2026-06-01T11:00;x;1,2,3;\r\n";

static void test_excel_semicolon(wfm_csv_reader *r, wfm_error *err)
{
	double v = 0;

	CHECK(wfm_csv_ncols(r) == 4, "';' file has 4 columns: %d", wfm_csv_ncols(r));
	CHECK(wfm_csv_col(r, "timestamp") == 0, "' Timestamp ' matches timestamp");
	CHECK(wfm_csv_col(r, "volume") == 2, "' VOLUME' matches volume");
	CHECK_STR(wfm_csv_header(r, 0), "Timestamp", "header trimmed");
	CHECK(wfm_csv_next(r, err) == 1, "rec 1");
	CHECK_STR(wfm_csv_get(r, 1), "\xd0\xb7\xd0\xb2\xd0\xbe\xd0\xbd\xd0\xba\xd0\xb8", "Cyrillic channel");
	CHECK(wfm_csv_double(r, 2, &v, err) == 0 && v == 5.5, "5,5 is 5.5: %g", v);
	CHECK(wfm_csv_next(r, err) == 1, "rec 2");
	CHECK_STR(wfm_csv_get(r, 1), "a;b", "quoted ';' stays in the field");
	CHECK(wfm_csv_double(r, 2, &v, err) == 0 && v == 12.25, "a decimal point still reads: %g", v);
	CHECK(wfm_csv_double(r, 3, &v, err) == 0 && v == 150, "1,5e2 is 150: %g", v);
	CHECK(wfm_csv_next(r, err) == 1, "rec 3");
	CHECK(wfm_csv_double(r, 2, &v, err) == -1, "1,2,3 is not a number");
	error_is(err, "t.csv:4: VOLUME: \"1,2,3\" is not a number", 1);
}

/* A comma in the header keeps ',' as the separator; there "5,5" is two
 * fields, and a decimal comma in a ',' file is not a number. */
static const char comma_header[] = "a;b,c\n1;2,\"5,5\"\n";

static void test_comma_header(wfm_csv_reader *r, wfm_error *err)
{
	double v;

	CHECK(wfm_csv_ncols(r) == 2, "header with ',' and ';' is ','-separated");
	CHECK(wfm_csv_next(r, err) == 1, "comma rec");
	CHECK(wfm_csv_double(r, 1, &v, err) == -1, "decimal comma in a ',' file is refused");
}

/* wfm_csv_trim(): spaces and tabs off both ends, nothing else */
static void test_trim(void)
{
	const char *s = " \t calls x\n \t", *e = "", *b = " \t ";

	CHECK(wfm_csv_trim(&s) == 8 && !strncmp(s, "calls x\n", 8), "blanks off both ends: %s", s);
	CHECK(wfm_csv_trim(&e) == 0 && e[0] == '\0', "empty");
	CHECK(wfm_csv_trim(&b) == 0 && b[0] == '\0', "blanks only");
}

/* A field that never ends is refused once it passes the limit, with
 * memory bounded (the stream is endless: it would never reach its end).
 * The stream gives its prefix, then 'x' forever. */
struct endless { const char *pre; size_t pos; };

static ssize_t endless_read(void *c, char *buf, size_t size)
{
	struct endless *e = c;
	size_t n = 0;

	for (; n < size && e->pre[e->pos]; n++)
		buf[n] = e->pre[e->pos++];
	memset(buf + n, 'x', size - n);
	return (ssize_t)size;
}

static void test_endless_field(void)
{
	/* an open quote on line 2; an endless header; a row without line end */
	static const char *const pre[] = { "name,n\n\"", "", "name\nab" };
	static const char *const want[] = { "t.csv:2: name: field is longer than 65536 bytes",
		"t.csv:1: header: column 1: field is longer than 65536 bytes",
		"t.csv:2: name: field is longer than 65536 bytes" };
	wfm_error err = { 0 };

	for (int k = 0; k < 3; k++) {
		struct endless e = { pre[k], 0 };
		cookie_io_functions_t io = { .read = endless_read };
		FILE *fp = fopencookie(&e, "r", io);
		wfm_csv_reader *r = wfm_csv_open_stream(fp, "t.csv", &err);
		CHECK(r == NULL || wfm_csv_next(r, &err) == -1, "endless field %d refused", k);
		error_is(&err, want[k], 1);
		wfm_csv_close(r);
		fclose(fp);
	}
}

/* The output guard: negative or non-finite quantities are refused, other
 * columns, other formats and empty (unknown) values pass. */
static int guarded(const char *text, size_t chunk, char *msg, size_t size)
{
	wfm_csv_guard *g = wfm_csv_guard_new();
	wfm_error err = { 0 };
	size_t len = strlen(text);
	int rc;

	for (size_t i = 0; i < len; i += chunk)   /* fed in pieces, as stdio does */
		wfm_csv_guard_feed(g, text + i, len - i < chunk ? len - i : chunk);
	rc = wfm_csv_guard_check(g, "o.csv", &err);
	wfm_error_format(&err, msg, size);
	wfm_csv_guard_free(g);
	return rc;
}

static void test_guard(void)
{
	static const struct { const char *text, *msg; } t[] = {
		{ "timestamp,channel,volume,aht_s\n2026-01-05T00:00,calls,5.00,300.0\n"
		  "2026-01-05T01:00,calls,,-0.0\n", NULL },
		{ "timestamp,channel,volume,aht_s\n2026-01-05T00:00,calls,5.00,300.0\n"
		  "2026-01-05T01:00,calls,-305.00,1.0\n",
		  "o.csv:3: volume: \"-305.00\" is negative: output refused" },
		{ "timestamp,channel,volume,aht_s\r\n2026-01-05T00:00,\"a,\n\"\"b\",1,inf\r\n",
		  "o.csv:2: aht_s: \"inf\" is not a finite number: output refused" },
		{ "channel,group,time,mean,share,ratio,days\ncalls,Mon,00:00,nan,,-1,3", 
		  "o.csv:2: mean: \"nan\" is not a finite number" },
		{ "channel,x,ratio\ncalls,-1,-2\n", NULL },            /* no quantity column */
		{ "[{\"volume\":-1}]\n", NULL },                      /* JSON */
		{ "Volume,agents\n-1,-1\n", NULL },                   /* not a plain header */
		{ "date,shift,start,end,break_start,break_end,count\n2026-01-05,-x,09:00,17:00,,,-3\n",
		  "o.csv:2: count: \"-3\" is negative" },
		{ "timestamp,channel,volume\n2026-01-05T00:00,-5,1e999\n",
		  "o.csv:2: volume: \"1e999\" is not a finite number" },
	};
	char msg[400];

	for (size_t k = 0; k < sizeof(t) / sizeof(t[0]); k++)
		for (size_t chunk = 1; chunk <= 4096; chunk *= 64) {
			int rc = guarded(t[k].text, chunk, msg, sizeof(msg));
			CHECK(rc == (t[k].msg ? -1 : 0), "guard case %zu chunk %zu: rc %d", k, chunk, rc);
			if (t[k].msg)
				CHECK(!strncmp(msg, t[k].msg, strlen(t[k].msg)), "guard case %zu: %s", k, msg);
		}
}

/* wfm_csv_open_cols: the indices of the named columns, -1 for an absent
 * "?name", NULL and the missing column's message for an absent name;
 * wfm_csv_open_new: the same with a zeroed object. */
static void test_open_cols(void)
{
	static const char *const want[] = { "c", "?x", "a", "?b" }, *const need[] = { "a", "z", "c" };
	char path[] = "/tmp/wfm-test-cols.XXXXXX";
	wfm_error err = { 0 };
	wfm_csv_reader *r;
	int col[4] = { 9, 9, 9, 9 };

	if (check_write_tmp(path, "a,b,c\n1,2,3\n"))
		return;
	r = wfm_csv_open_cols(path, want, 4, col, &err);
	CHECK(r && col[0] == 2 && col[1] == -1 && col[2] == 0 && col[3] == 1, "columns %d %d %d %d",
	      col[0], col[1], col[2], col[3]);
	CHECK(r && wfm_csv_next(r, &err) == 1 && !strcmp(wfm_csv_get(r, col[0]), "3"), "reads on");
	wfm_csv_close(r);
	CHECK(!wfm_csv_open_cols(path, need, 3, col, &err), "a missing column refused");
	CHECK(err.line == 1 && !strcmp(err.column, "z") && strstr(err.msg, "missing column"),
	      "names it: %ld %s %s", err.line, err.column, err.msg);
	struct { double x[4]; } *obj = wfm_csv_open_new(path, want, 4, col, sizeof(*obj), &r, &err);
	CHECK(obj && r && obj->x[0] == 0 && obj->x[3] == 0 && col[0] == 2, "open_new: zeroed object, reader");
	wfm_csv_close(r);
	free(obj);
	r = (wfm_csv_reader *)path;
	CHECK(!wfm_csv_open_new(path, need, 3, col, 8, &r, &err) && !r && !strcmp(err.column, "z"),
	      "open_new: missing column, nothing open");
	unlink(path);
}

/* Row callback for test_each: sums column b; fails on a row whose a is "stop". */
static int sum_b(wfm_csv_reader *r, const int *col, void *ctx, wfm_error *err)
{
	double v;

	if (!strcmp(wfm_csv_get(r, col[0]), "stop"))
		return wfm_csv_error(r, col[0], err, "stop here");
	if (wfm_csv_double(r, col[1], &v, err))
		return -1;
	*(double *)ctx += v;
	return 0;
}

static void test_each(void)
{
	static const char *const names[] = { "a", "b" };
	static const char *const texts[] = { "a,b\n1,2.5\n2,4\n\n3,0.5\n", "b,a\n", "a,b\nx,1\nstop,2\n",
					     "a,b\n1,zz\n", "a,c\n1,2\n" };
	static const long want_n[] = { 3, -1, -1, -1, -1 }, want_line[] = { 0, 1, 3, 2, 1 };
	static const char *const want_col[] = { "", "", "a", "b", "b" };

	for (int k = 0; k < 5; k++) {
		char path[] = "/tmp/wfm-test-each.XXXXXX";
		wfm_error err = { 0 };
		double sum = 0;
		int col[2];
		long n;

		if (check_write_tmp(path, texts[k]))
			return;
		n = wfm_csv_each(path, names, 2, col, sum_b, &sum, "no rows", &err);
		CHECK(n == want_n[k] && err.line == want_line[k] && !strcmp(err.column, want_col[k]),
		      "case %d: %ld rows, line %ld column '%s' (%s)", k, n, err.line, err.column, err.msg);
		if (k == 0)
			CHECK(sum == 7 && col[0] == 0 && col[1] == 1, "blank line skipped, sum 7: %g", sum);
		if (k == 1)
			CHECK(!strcmp(err.msg, "no rows"), "empty message: %s", err.msg);
		unlink(path);
	}
}

int main(void)
{
	test_open_cols();
	test_each();
	ON_TEXT(quoting, test_quoting);
	ON_TEXT(multiline_first, test_multiline_first);
	ON_TEXT(crlf_bom_blank, test_crlf_bom_blank);
	ON_TEXT(short_row, test_short_row);
	ON_TEXT(typed, test_typed);
	test_long_fields();
	test_errors();
	test_trim();
	test_file_many_lines();
	test_write();
	ON_TEXT(excel_semicolon, test_excel_semicolon);
	ON_TEXT(comma_header, test_comma_header);
	test_endless_field();
	test_guard();
	test_formula_names();
	return check_done("test_csv");
}
