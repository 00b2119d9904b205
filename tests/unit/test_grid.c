/* test_grid.c - lib/grid.c's row helpers: wfm_grid_room() grows an array
 * by doubling from 1024 slots, wfm_grid_sort() orders rows of any layout
 * by channel, instant, then line (the order worked by hand below), and
 * wfm_grid_find() names the first duplicate or off-grid row. */
#include "grid.h"
#include "check.h"

#include <stdlib.h>

struct r { double pad; int64_t t; long line; int chan; };

int main(void)
{
	static const struct wfm_grid_layout lay = WFM_GRID_LAYOUT(struct r);
	struct r rows[5] = {
		{ 0, 200, 1, 1 }, { 1, 100, 2, 1 }, { 2, 100, 3, 0 }, { 3, 100, 4, 1 }, { 4, 50, 5, 0 },
	};
	/* by (chan, t, line): (0,50,5) (0,100,3) (1,100,2) (1,100,4) (1,200,1) */
	long want[5] = { 5, 3, 2, 4, 1 };
	size_t cap = 0;
	int *v = NULL, *p;

	CHECK(!wfm_grid_sort(rows, 5, &lay), "sorted");
	for (int i = 0; i < 5; i++)
		CHECK(rows[i].line == want[i] && rows[i].pad == (double)(rows[i].line - 1),
		      "row %d: line %ld, want %ld (payload moved with it)", i, rows[i].line, want[i]);
	for (size_t n = 0; n < 3000; n++) {
		if (!(p = wfm_grid_room(v, n, &cap, sizeof(*v))))
			break;
		v = p;
		v[n] = (int)n;
	}
	CHECK(cap == 4096 && v[2999] == 2999, "capacity 1024 -> 2048 -> 4096 (%zu)", cap);
	free(v);
	/* wfm_grid_find on the sorted rows: the first repeat is row 3
	 * ((1,100) again); gap 50 finds nothing (0,50 -> 0,100 is 50, and a
	 * new channel starts afresh); gap 30 finds row 1 (50 after 50). */
	CHECK(wfm_grid_find(rows, 5, &lay, 0) == 3, "duplicate at row 3");
	CHECK(wfm_grid_find(rows, 5, &lay, 50) == 0, "all on the 50 grid");
	CHECK(wfm_grid_find(rows, 5, &lay, 30) == 1, "row 1 off the 30 grid");
	CHECK(wfm_grid_find(rows, 1, &lay, 0) == 0, "one row: nothing");
	return check_done("test_grid");
}
