/* error.c - fill and format wfm_error reports.  See error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void wfm_error_clear(wfm_error *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}

static void copy_str(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

/* The message is formatted before err is overwritten, so callers may pass
 * err's own fields: wfm_error_at(err, path, line, NULL, "%s", err->msg)
 * adds a location to a message from a lower layer. */
static void fill(wfm_error *err, const char *file, long line, const char *column,
		 const char *fmt, va_list ap)
{
	char msg[sizeof(err->msg)], f[sizeof(err->file)], c[sizeof(err->column)];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	copy_str(f, sizeof(f), file);
	copy_str(c, sizeof(c), column);
	wfm_error_clear(err);
	err->code = WFM_EINPUT;
	memcpy(err->file, f, sizeof(f));
	err->line = line;
	memcpy(err->column, c, sizeof(c));
	memcpy(err->msg, msg, sizeof(msg));
}

int wfm_error_set(wfm_error *err, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	va_start(ap, fmt);
	fill(err, NULL, 0, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int wfm_error_at(wfm_error *err, const char *file, long line,
		 const char *column, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	va_start(ap, fmt);
	fill(err, file, line, column, fmt, ap);
	va_end(ap);
	return -1;
}

/* Keep a message on one line: control characters from the input (a quoted
 * field with a newline) become \n, \r, \t or '?'. */
static void one_line(char *buf, size_t size)
{
	char tmp[2048];
	size_t j = 0;

	snprintf(tmp, sizeof(tmp), "%s", buf);
	for (const char *p = tmp; *p && j + 1 < size; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 0x20 && c != 0x7f)
			buf[j++] = *p;
		else if (c == '\n' || c == '\r' || c == '\t') {
			if (j + 2 >= size)
				break;
			buf[j++] = '\\';
			buf[j++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
		} else
			buf[j++] = '?';
	}
	buf[j] = '\0';
}

void wfm_error_format(const wfm_error *err, char *buf, size_t size)
{
	size_t n = 0;

	if (!size)
		return;
	buf[0] = '\0';
	if (err->file[0] && err->line > 0)
		n = (size_t)snprintf(buf, size, "%s:%ld: ", err->file, err->line);
	else if (err->file[0])
		n = (size_t)snprintf(buf, size, "%s: ", err->file);
	if (n < size && err->column[0])
		n += (size_t)snprintf(buf + n, size - n, "%s: ", err->column);
	if (n < size)
		snprintf(buf + n, size - n, "%s", err->msg);
	one_line(buf, size);
}
