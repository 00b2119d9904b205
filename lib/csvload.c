/* csvload.c - a format reader that fills one new object (see csvload.h). */
#include "csvload.h"
#include "mem.h"

void *wfm_csvload(const struct wfm_csvload *fmt, const char *path, void *obj, void *ctx,
		  wfm_error *err)
{
	int col[WFM_CSVLOAD_MAX_COLS];

	if (!obj)
		return wfm_oom(err);
	if (fmt->n > WFM_CSVLOAD_MAX_COLS)   /* a table's mistake, not the file's */
		wfm_error_set(err, "more than %d columns in a format", WFM_CSVLOAD_MAX_COLS);
	else if (wfm_csv_each(path, fmt->names, fmt->n, col, fmt->row, ctx, fmt->empty, err) >= 0)
		return obj;
	fmt->drop(obj);
	return NULL;
}

int wfm_csvload_room(void *pp, size_t n, size_t elem)
{
	size_t cap = n ? 16 : 0;

	while (cap < n)
		cap *= 2;
	return wfm_grow(pp, &cap, n + 1, elem);
}
