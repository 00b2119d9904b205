/* evheap.h - the two queues both simulators (sim.c, mssim.c) keep: the
 * min-heap of completion events their busy agents are in, ordered by
 * time (the caller owns the array and makes room for one more before a
 * push), and the FIFO ring of waiting contacts, which grows itself.
 * Entry points: wfm_ev_push(), wfm_ev_pop(), wfm_ev_mark_leaving(),
 * wfm_ring_push(), wfm_ring_front(), wfm_ring_pop(). */
#ifndef WFM_EVHEAP_H
#define WFM_EVHEAP_H

#include <stddef.h>
#include <gsl/gsl_rng.h>

struct wfm_ev {
	double t;                /* completion time */
	size_t who;              /* mssim: the agent's group; sim: unused */
	int leaving;             /* its shift ended: it leaves when done */
};

/* Insert e into h[0 .. *n) (capacity > *n); ++*n. */
void wfm_ev_push(struct wfm_ev *h, size_t *n, struct wfm_ev e);
/* Remove h[0], the earliest; --*n (*n > 0). */
void wfm_ev_pop(struct wfm_ev *h, size_t *n);
/* At an interval boundary: mark d of the busy agents of group `who`
 * (their events' who) not leaving yet as leaving, a uniformly random
 * choice of the cand such agents (selection sampling in heap order, one
 * uniform of r per candidate looked at: whose shift ends has nothing to do
 * with when their contact does); d < 0: unmark -d of the leaving ones, or
 * as many as there are.  Returns the change in the number leaving. */
long wfm_ev_mark_leaving(struct wfm_ev *h, size_t n, size_t who, long d, long cand, gsl_rng *r);

/* A FIFO ring of records of `size` bytes: the len oldest of the cap in v,
 * from head on.  Zero it and set size to start; free(v) to end. */
struct wfm_ring {
	void *v;
	size_t head, len, cap, size;
};

/* Append the record at x, doubling the ring (from 256) when it is full;
 * -1 when out of memory (the ring is left as it was). */
int wfm_ring_push(struct wfm_ring *r, const void *x);
/* The oldest record (len > 0). */
void *wfm_ring_front(const struct wfm_ring *r);
/* Remove the oldest record (len > 0), copied to x unless x is NULL. */
void wfm_ring_pop(struct wfm_ring *r, void *x);

#endif
