/* strlist.c - separator-split string lists.  See strlist.h. */
#include "strlist.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static char *trimmed(const char *a, const char *b)
{
	while (a < b && isspace((unsigned char)*a))
		a++;
	while (b > a && isspace((unsigned char)b[-1]))
		b--;
	char *s = malloc((size_t)(b - a) + 1);
	if (s) {
		memcpy(s, a, (size_t)(b - a));
		s[b - a] = '\0';
	}
	return s;
}

int wfm_strlist_split(const char *s, char sep, wfm_strlist *out)
{
	const char *p = s;

	out->n = 0;
	out->item = NULL;
	if (!*s)
		return 0;
	size_t cap = 1;
	for (const char *q = s; *q; q++)
		cap += *q == sep;
	if (!(out->item = calloc(cap, sizeof(char *))))
		return -1;
	for (;;) {
		const char *e = strchr(p, sep);
		if (!e)
			e = p + strlen(p);
		if (!(out->item[out->n++] = trimmed(p, e))) {
			wfm_strlist_free(out);
			return -1;
		}
		if (!*e)
			break;
		p = e + 1;
	}
	return 0;
}

void wfm_strlist_free(wfm_strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->item[i]);
	free(l->item);
	l->item = NULL;
	l->n = 0;
}

int wfm_strlist_find(const wfm_strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->item[i], s))
			return (int)i;
	return -1;
}
