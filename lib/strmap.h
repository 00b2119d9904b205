/* strmap.h - a hash index from strings to the positions of a caller's
 * list (agent ids, channel names): O(1) lookups so that readers stay
 * linear in their rows.
 *
 * Open addressing with linear probing on FNV-1a, kept at most half full
 * (cap a power of 2).  Keys are NOT copied: the caller keeps each key
 * alive and unchanged while the map is in use (typically the strdup'd
 * strings of its own list).  Zero-initialise a wfm_strmap; free it with
 * wfm_strmap_free().
 *
 * Entry points: wfm_strmap_get(), wfm_strmap_add(), wfm_strmap_free().
 */
#ifndef WFM_STRMAP_H
#define WFM_STRMAP_H

#include <stddef.h>

struct wfm_strmap_slot { const char *key; size_t val; };

typedef struct wfm_strmap {
	struct wfm_strmap_slot *slot;  /* key NULL = empty */
	size_t cap, n;
} wfm_strmap;

/* The value stored for key, or -1 when absent. */
long wfm_strmap_get(const wfm_strmap *m, const char *key);
/* Store key -> val unless key is there already.  Returns val when added,
 * the value already stored for an equal key (nothing changed), or -1 when
 * out of memory.  val must be at most LONG_MAX. */
long wfm_strmap_add(wfm_strmap *m, const char *key, size_t val);
void wfm_strmap_free(wfm_strmap *m);

#endif
