/* test_mem.c - lib/mem.c: free lists (checked for leaks under ASAN), string
 * vectors, doubling growth that keeps the contents and refuses sizes that
 * overflow, the out-of-memory report and the three-way compare. */
#include "check.h"
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void test_grow(void)
{
	int *a = NULL;
	size_t cap = 0;

	CHECK(WFM_GROW(a, cap, 1) == 0 && a && cap == 16, "first growth to 16: %zu", cap);
	for (int i = 0; i < 16; i++)
		a[i] = i * i;
	CHECK(WFM_GROW(a, cap, 17) == 0 && cap == 32, "doubles to 32: %zu", cap);
	CHECK(WFM_GROW(a, cap, 100) == 0 && cap == 128, "16 * 2^3 = 128 >= 100: %zu", cap);
	CHECK(a[15] == 225 && a[3] == 9, "contents kept");
	CHECK(WFM_GROW(a, cap, 50) == 0 && cap == 128, "no shrink");
	CHECK(WFM_GROW(a, cap, SIZE_MAX / 2) == -1 && cap == 128 && a[15] == 225,
	      "overflowing size refused, array kept");
	free(a);
}

static void test_intern(void)
{
	char **v = NULL;
	size_t n = 0;
	long a = wfm_strv_intern(&v, &n, "calls"), b = wfm_strv_intern(&v, &n, "чат");
	long c = wfm_strv_intern(&v, &n, "calls"), d = wfm_strv_intern(&v, &n, "Calls");

	CHECK(a == 0 && b == 1 && c == 0 && d == 2 && n == 3, "indexes %ld %ld %ld %ld, n %zu", a, b, c, d, n);
	CHECK(n == 3 && !strcmp(v[1], "чат") && !strcmp(v[2], "Calls"), "copies kept");
	wfm_free_strv(v, n);
}

int main(void)
{
	char **v = malloc(3 * sizeof(*v));
	wfm_error err = { 0 };
	struct { double k; size_t i; } x = { 1.5, 2 }, y = { 1.5, 7 };

	v[0] = strdup("a");
	v[1] = NULL;
	v[2] = strdup("c");
	wfm_free_strv(v, 3);
	wfm_free_strv(NULL, 5);
	WFM_FREE(malloc(8), NULL, malloc(1));
	test_grow();
	test_intern();
	CHECK(wfm_oom(&err) == NULL && !strcmp(err.msg, "out of memory"), "oom: %s", err.msg);
	CHECK(wfm_oom(NULL) == NULL, "oom with no report");
	CHECK(WFM_CMP(x.k, y.k) == 0 && WFM_CMP(x.i, y.i) == -1 && WFM_CMP(y.i, x.i) == 1,
	      "three-way compare");
	volatile double nz = -0.0, z = 0.0;
	volatile size_t lo = 0, hi = SIZE_MAX;
	CHECK(wfm_cmp_then(0, 0, -1) == -1 && wfm_cmp_then(1, -1, -1) == 1 && wfm_cmp_then(0, -1, 1) == -1 &&
	      wfm_cmp_then(0, 0, 0) == 0, "the first comparison that differs decides");
	CHECK(WFM_CMP(nz, z) == 0 && WFM_CMP(lo, hi) == -1, "signed zero, unsigned max");
	return check_done("test_mem");
}
