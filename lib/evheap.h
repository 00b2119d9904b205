/* evheap.h - the min-heap of completion events both simulators (sim.c,
 * mssim.c) keep their busy agents in, ordered by time.  The caller owns
 * the array and makes room for one more before a push.
 * Entry points: wfm_ev_push(), wfm_ev_pop(). */
#ifndef WFM_EVHEAP_H
#define WFM_EVHEAP_H

#include <stddef.h>

struct wfm_ev {
	double t;                /* completion time */
	size_t who;              /* mssim: the agent's group; sim: unused */
	int leaving;             /* its shift ended: it leaves when done */
};

/* Insert e into h[0 .. *n) (capacity > *n); ++*n. */
void wfm_ev_push(struct wfm_ev *h, size_t *n, struct wfm_ev e);
/* Remove h[0], the earliest; --*n (*n > 0). */
void wfm_ev_pop(struct wfm_ev *h, size_t *n);

#endif
