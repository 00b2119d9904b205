/* test_strmap.c - lib/strmap.c: every lookup agrees with a linear scan of
 * the same keys (the reference), for 20,000 generated ids (many probe
 * collisions at a half-full table), near-identical keys (prefixes,
 * transpositions, the empty string), Cyrillic UTF-8 ids that differ only
 * in case or in one byte, and add() of a key already there keeping the
 * first value (the duplicate check of staff.csv). */
#include "check.h"
#include "strmap.h"

#include <stdio.h>
#include <stdlib.h>

/* The reference: index of key in v[0..n-1], or -1. */
static long linear(char *const *v, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i], key))
			return (long)i;
	return -1;
}

static void test_many(void)
{
	enum { N = 20000 };
	char **v = calloc(N, sizeof(*v));
	wfm_strmap m = { 0 };
	unsigned x = 12345;
	size_t bad = 0, present = 0;
	char q[32];
	CHECK(v != NULL, "alloc");
	if (!v)
		return;
	for (size_t i = 0; i < N; i++) {
		v[i] = malloc(16);
		snprintf(v[i], 16, "A%05zu", i * 7 % 100000);   /* A00000, A00007, ... */
		bad += wfm_strmap_add(&m, v[i], i) != (long)i;
	}
	CHECK(bad == 0, "20,000 distinct ids added (%zu failed)", bad);
	CHECK(m.n == N && m.cap >= 2 * N && (m.cap & (m.cap - 1)) == 0, "n %zu, cap %zu a power of 2 >= 2n",
	      m.n, m.cap);
	for (int k = 0; k < 100000; k++) {   /* ids on and off the list */
		x = x * 1103515245u + 12345u;
		snprintf(q, sizeof(q), "A%05u", (x >> 8) % 100000);
		long want = linear(v, N, q);
		bad += wfm_strmap_get(&m, q) != want;
		present += want >= 0;
	}
	CHECK(bad == 0, "100,000 lookups agree with the linear scan (%zu differ)", bad);
	CHECK(present > 10000 && present < 30000, "about a fifth of them present: %zu", present);
	CHECK(wfm_strmap_add(&m, "A00007", 99) == 1, "adding a key already there returns its first value");
	CHECK(wfm_strmap_get(&m, "A00007") == 1 && m.n == N, "and changes nothing");
	wfm_strmap_free(&m);
	CHECK(m.cap == 0 && wfm_strmap_get(&m, "A00007") == -1, "freed map is empty");
	for (size_t i = 0; i < N; i++)
		free(v[i]);
	free(v);
}

static void test_near(void)
{
	static char *v[] = { "", "a", "ab", "ba", "a1", "1a", "a10", "a100", "A1", "a 1", "a1 ",
		"Иванов", "иванов", "ИВАНОВ", "Иванова", "Петров-01", "Петров-10", "Пётр", "Петр",
		"\xD0\x90", "\xD0\x91", "агент\xC2\xA0" "7" };
	size_t n = sizeof(v) / sizeof(*v), bad = 0;
	wfm_strmap m = { 0 };
	for (size_t i = 0; i < n; i++)
		CHECK(wfm_strmap_add(&m, v[i], i) == (long)i, "add \"%s\"", v[i]);
	for (size_t i = 0; i < n; i++)
		bad += wfm_strmap_get(&m, v[i]) != linear(v, n, v[i]);
	CHECK(bad == 0, "near-identical and Cyrillic keys each find themselves (%zu differ)", bad);
	CHECK(wfm_strmap_get(&m, "иванов") == 12 && wfm_strmap_get(&m, "Иванов") == 11,
	      "case matters (ids are compared byte for byte)");
	CHECK(wfm_strmap_get(&m, "Иван") == -1 && wfm_strmap_get(&m, "a1  ") == -1 &&
	      wfm_strmap_get(&m, "\xD0") == -1, "prefixes and a cut UTF-8 sequence are absent");
	wfm_strmap_free(&m);
}

int main(void)
{
	test_many();
	test_near();
	return check_done("test_strmap");
}
