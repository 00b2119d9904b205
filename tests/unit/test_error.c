/* test_error.c - lib/error.c: messages in the form file:line: column: msg,
 * with parts left out when absent, and re-wrapping an error's own text. */
#include "check.h"
#include "error.h"

int main(void)
{
	wfm_error err = { 0 };
	char buf[1200];

	CHECK(wfm_error_at(&err, "h.csv", 14, "volume", "\"%s\" is not a number", "n/a") == -1, "returns -1");
	CHECK(err.code == WFM_EINPUT, "code");
	wfm_error_format(&err, buf, sizeof(buf));
	CHECK_STR(buf, "h.csv:14: volume: \"n/a\" is not a number", "full form");
	wfm_error_at(&err, "h.csv", 0, NULL, "cannot open");
	wfm_error_format(&err, buf, sizeof(buf));
	CHECK_STR(buf, "h.csv: cannot open", "no line, no column");
	wfm_error_at(&err, "h.csv", 3, "", "x");
	wfm_error_format(&err, buf, sizeof(buf));
	CHECK_STR(buf, "h.csv:3: x", "empty column left out");
	wfm_error_set(&err, "plain %d", 5);
	wfm_error_format(&err, buf, sizeof(buf));
	CHECK(!strcmp(buf, "plain 5") && err.line == 0 && !err.file[0], "set clears location: %s", buf);
	/* a lower layer's message wrapped with a location (aliasing err->msg) */
	wfm_error_set(&err, "\"x\" is not a date");
	wfm_error_at(&err, "s.csv", 7, "date", "%s", err.msg);
	wfm_error_format(&err, buf, sizeof(buf));
	CHECK_STR(buf, "s.csv:7: date: \"x\" is not a date", "wrap own message");
	wfm_error_at(&err, err.file, err.line + 1, err.column, "again: %s", err.msg);
	wfm_error_format(&err, buf, sizeof(buf));
	CHECK_STR(buf, "s.csv:8: date: again: \"x\" is not a date", "own file and column");
	/* small buffers truncate, never overrun */
	wfm_error_format(&err, buf, 6);
	CHECK_STR(buf, "s.csv", "truncated");
	CHECK(wfm_error_set(NULL, "x") == -1 && wfm_error_at(NULL, "f", 1, "c", "x") == -1, "NULL err");
	/* long messages are cut at the buffer size */
	char big[2000];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	wfm_error_set(&err, "%s", big);
	CHECK(strlen(err.msg) == sizeof(err.msg) - 1, "long message cut");
	return check_done("test_error");
}
