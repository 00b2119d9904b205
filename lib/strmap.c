/* strmap.c - string -> index hash map (strmap.h). */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;   /* FNV-1a, 64 bits */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return (size_t)(h ^ (h >> 32));
}

/* Slot of key, or of the empty slot where it would go (cap > n). */
static size_t find(const struct wfm_strmap_slot *slot, size_t cap, const char *key)
{
	size_t i = hash(key) & (cap - 1);

	while (slot[i].key && strcmp(slot[i].key, key))
		i = (i + 1) & (cap - 1);
	return i;
}

long wfm_strmap_get(const wfm_strmap *m, const char *key)
{
	size_t i;

	if (!m->cap)
		return -1;
	i = find(m->slot, m->cap, key);
	return m->slot[i].key ? (long)m->slot[i].val : -1;
}

/* Double the table when one more key would make it over half full. */
static int grow(wfm_strmap *m)
{
	size_t cap = m->cap ? 2 * m->cap : 64;
	struct wfm_strmap_slot *s;

	if (2 * (m->n + 1) <= m->cap)
		return 0;
	if (!(s = calloc(cap, sizeof(*s))))
		return -1;
	for (size_t k = 0; k < m->cap; k++)
		if (m->slot[k].key)
			s[find(s, cap, m->slot[k].key)] = m->slot[k];
	free(m->slot);
	m->slot = s;
	m->cap = cap;
	return 0;
}

long wfm_strmap_add(wfm_strmap *m, const char *key, size_t val)
{
	size_t i;

	if (m->cap && m->slot[i = find(m->slot, m->cap, key)].key)
		return (long)m->slot[i].val;
	if (grow(m))
		return -1;
	i = find(m->slot, m->cap, key);
	m->slot[i].key = key;
	m->slot[i].val = val;
	m->n++;
	return (long)val;
}

void wfm_strmap_free(wfm_strmap *m)
{
	free(m->slot);
	m->slot = NULL;
	m->cap = m->n = 0;
}
