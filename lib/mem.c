/* mem.c - freeing lists of buffers, string vectors, doubling growth and the
 * out-of-memory report (see mem.h). */
#include "mem.h"

#include <stdlib.h>
#include <string.h>

void wfm_free_list(void *const *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(p[i]);
}

void wfm_free_strv(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

long wfm_strv_intern(char ***v, size_t *n, const char *s)
{
	char **q, *copy;

	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*v)[i], s))
			return (long)i;
	if (!(copy = strdup(s)))
		return -1;
	if (!(q = realloc(*v, (*n + 1) * sizeof(*q)))) {
		free(copy);
		return -1;
	}
	q[*n] = copy;
	*v = q;
	return (long)(*n)++;
}

/* *pp is read and written through memcpy: pp points to a pointer of any
 * object type, which has the same representation as void * here. */
int wfm_grow(void *pp, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 16;
	void *old, *q;

	if (need <= *cap)
		return 0;
	while (n < need) {
		if (n > (size_t)-1 / 2 / (elem ? elem : 1))
			return -1;
		n *= 2;
	}
	memcpy(&old, pp, sizeof(old));
	if (!(q = realloc(old, n * elem)))
		return -1;
	memcpy(pp, &q, sizeof(q));
	*cap = n;
	return 0;
}

void *wfm_oom(wfm_error *err)
{
	wfm_error_set(err, "out of memory");
	return NULL;
}
