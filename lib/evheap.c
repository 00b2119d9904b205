/* evheap.c - binary min-heap of completion events.  See evheap.h. */
#include "evheap.h"

void wfm_ev_push(struct wfm_ev *h, size_t *n, struct wfm_ev e)
{
	size_t i = (*n)++;

	while (i > 0 && h[(i - 1) / 2].t > e.t) {
		h[i] = h[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h[i] = e;
}

void wfm_ev_pop(struct wfm_ev *h, size_t *n)
{
	struct wfm_ev v = h[--*n];
	size_t i = 0, c;

	while ((c = 2 * i + 1) < *n) {
		if (c + 1 < *n && h[c + 1].t < h[c].t)
			c++;
		if (h[c].t >= v.t)
			break;
		h[i] = h[c];
		i = c;
	}
	h[i] = v;
}
