/* mem.h - the small memory habits every module shares, written once:
 * freeing a struct's buffers in one call, freeing a vector of strings,
 * growing an array by doubling, reporting "out of memory", and the
 * three-way compare that qsort comparators chain.
 * Entry points: WFM_FREE(), wfm_free_strv(), wfm_strv_intern(), WFM_GROW(),
 * wfm_oom(), WFM_CMP(), wfm_cmp_then(). */
#ifndef WFM_MEM_H
#define WFM_MEM_H

#include <stddef.h>

#include "error.h"

/* free() each of n pointers (NULLs allowed). */
void wfm_free_list(void *const *p, size_t n);

/* Free every listed pointer: WFM_FREE(s->a, s->b, s) frees the buffers
 * and then the struct, in the order given. */
#define WFM_FREE(...) \
	wfm_free_list((void *const[]){ __VA_ARGS__ }, \
		      sizeof((void *const[]){ __VA_ARGS__ }) / sizeof(void *))

/* Free the first n strings of v, then v itself; v may be NULL. */
void wfm_free_strv(char **v, size_t n);

/* The index of s among the n strings of *v, a copy appended (and *n
 * counted up) when it is not there; -1, with *v and *n as they were, when
 * out of memory.  For the short name lists of the formats (channels,
 * events, jobs); lib/strmap.h hashes long ones. */
long wfm_strv_intern(char ***v, size_t *n, const char *s);

/* Make room for `need` elements of `elem` bytes in the array *pp of
 * capacity *cap, doubling from 16.  *pp and *cap change only on success.
 * Returns 0, or -1 when out of memory (the array is left as it was). */
int wfm_grow(void *pp, size_t *cap, size_t need, size_t elem);
#define WFM_GROW(p, cap, need) wfm_grow(&(p), &(cap), (need), sizeof(*(p)))

/* Fill err with "out of memory" and return NULL, for constructors:
 * `return wfm_oom(err);`.  err may be NULL. */
void *wfm_oom(wfm_error *err);

/* -1, 0 or 1 as a <, = or > b (keys are never NaN). */
#define WFM_CMP(a, b) (((a) > (b)) - ((a) < (b)))

/* The first of three comparisons that is not 0: a comparator by keys in
 * order is `return wfm_cmp_then(WFM_CMP(x->chan, y->chan),
 * WFM_CMP(x->t, y->t), WFM_CMP(x->line, y->line));`.  All three are
 * evaluated: keep the keys plain fields. */
static inline int wfm_cmp_then(int first, int second, int third)
{
	return first ? first : second ? second : third;
}

#endif
