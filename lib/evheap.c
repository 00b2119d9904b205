/* evheap.c - binary min-heap of completion events and FIFO ring of
 * waiting contacts.  See evheap.h. */
#include "evheap.h"

#include <stdlib.h>
#include <string.h>

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

long wfm_ev_mark_leaving(struct wfm_ev *h, size_t n, size_t who, long d, long cand, gsl_rng *r)
{
	long changed = 0;

	for (size_t k = 0; k < n && d != 0; k++) {
		struct wfm_ev *e = &h[k];
		if (e->who != who)
			continue;
		if (d < 0 && e->leaving) {
			e->leaving = 0;
			changed--;
			d++;
		} else if (d > 0 && !e->leaving) {
			if (gsl_rng_uniform(r) * (double)cand < (double)d) {
				e->leaving = 1;
				changed++;
				d--;
			}
			cand--;
		}
	}
	return changed;
}

static char *slot(const struct wfm_ring *r, size_t k)
{
	return (char *)r->v + (r->head + k) % r->cap * r->size;
}

/* The grown ring is unrolled: its records from the start of v. */
int wfm_ring_push(struct wfm_ring *r, const void *x)
{
	if (r->len == r->cap) {
		size_t nc = r->cap ? 2 * r->cap : 256, first = r->cap - r->head;
		char *v = malloc(nc * r->size);
		if (!v)
			return -1;
		if (r->len) {
			memcpy(v, slot(r, 0), first * r->size);
			memcpy(v + first * r->size, r->v, r->head * r->size);
		}
		free(r->v);
		r->v = v;
		r->head = 0;
		r->cap = nc;
	}
	memcpy(slot(r, r->len++), x, r->size);
	return 0;
}

void *wfm_ring_front(const struct wfm_ring *r)
{
	return slot(r, 0);
}

void wfm_ring_pop(struct wfm_ring *r, void *x)
{
	if (x)
		memcpy(x, slot(r, 0), r->size);
	r->head = (r->head + 1) % r->cap;
	r->len--;
}
