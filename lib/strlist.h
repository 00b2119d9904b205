/* strlist.h - split "a|b|c" or "calls,chat" into a list of strings.
 * Entry points: wfm_strlist_split(), wfm_strlist_free(), wfm_strlist_find(). */
#ifndef WFM_STRLIST_H
#define WFM_STRLIST_H

#include <stddef.h>

typedef struct wfm_strlist {
	size_t n;
	char **item;
} wfm_strlist;

/* Split s at sep; items are trimmed of spaces; an empty s gives an empty
 * list.  Returns 0, or -1 when out of memory. */
int wfm_strlist_split(const char *s, char sep, wfm_strlist *out);
void wfm_strlist_free(wfm_strlist *l);
/* Index of item equal to s, or -1. */
int wfm_strlist_find(const wfm_strlist *l, const char *s);

#endif
