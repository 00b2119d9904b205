/* test_csvnum.c - wfm_csv_format_fixed() against glibc's snprintf("%.*f")
 * byte for byte on about 3 million values: uniform and log-uniform
 * magnitudes, exact binary ties (k + 1/2) / 10^dec that must round half
 * to even, values a hair either side of a tie, random bit patterns
 * (subnormals, huge, NaN, infinities), signed zeros and the fast path's
 * borders; and wfm_csv_append_fixed()'s "," for non-finite values.
 * Reading: wfm_csv_double() against strtod bit for bit on decimal texts of
 * 1 to 20 digits (its quick path takes those of up to 15). */
#include "check.h"
#include "csv.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t state = 0x9e3779b97f4a7c15ULL;

static uint64_t next64(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

static double unif(void)
{
	return (double)(next64() >> 11) / 9007199254740992.0;
}

static long bad;

static void one(double v, int dec)
{
	char a[512], b[512];
	int na = wfm_csv_format_fixed(a, sizeof(a), v, dec);
	int nb = snprintf(b, sizeof(b), "%.*f", dec, v);

	if (na != nb || strcmp(a, b)) {
		if (bad++ < 10)
			CHECK(0, "%%.%df of %a: \"%s\", snprintf \"%s\"", dec, v, a, b);
	}
}

static double value(int kind, int dec)
{
	uint64_t bits;
	double v, p = pow(10, dec);

	switch (kind) {
	case 0: return unif() * 1000;                         /* volumes, seconds */
	case 1: return unif();                                /* service levels */
	case 2: return pow(10, 40 * unif() - 22);             /* any magnitude */
	case 3:                                               /* exact ties */
		v = (double)(next64() % 2000000) + 0.5;
		return v / p;
	case 4:                                               /* next to a tie */
		v = ((double)(next64() % 2000000) + 0.5) / p;
		return next64() & 1 ? nextafter(v, 0) : nextafter(v, INFINITY);
	case 5:                                               /* multiples of 2^-k */
		return ldexp((double)(next64() % 100000), -(int)(next64() % 20));
	case 6:                                               /* random bits */
		bits = next64();
		memcpy(&v, &bits, sizeof(v));
		return v;
	case 7:                                               /* near the fast path's limit */
		return 1e18 / p * (0.999 + 0.002 * unif());
	default:                                              /* big ties and neighbours */
		v = ldexp((double)(next64() >> 11), -(int)(next64() % 12)) + 0.5;
		v /= p;
		return next64() % 3 ? v : next64() & 1 ? nextafter(v, 0) : nextafter(v, INFINITY);
	}
}

/* a random decimal text: sign, 1-20 digits (leading zeros too), a point */
static void decimal_text(char *s)
{
	int nd = 1 + (int)(next64() % 20), point = (int)(next64() % (nd + 2)) - 1;

	if (next64() % 5 == 0)
		*s++ = '-';
	for (int k = 0; k < nd; k++) {
		if (k == point && k > 0)
			*s++ = '.';
		*s++ = (char)('0' + (next64() % 4 ? next64() % 10 : next64() % 2 * 9));
	}
	*s = '\0';
}

static void test_read(void)
{
	enum { N = 100000 };
	static char text[N * 24 + 16];
	char path[] = "/tmp/test_csvnumXXXXXX", *p = text;
	wfm_error err = { 0 };
	wfm_csv_reader *r;
	long differ = 0, n = 0;

	p += sprintf(p, "v\n");
	for (int i = 0; i < N; i++) {
		decimal_text(p);
		p += strlen(p);
		*p++ = '\n';
	}
	*p = '\0';
	CHECK(check_write_tmp(path, text) == 0, "temporary file");
	r = wfm_csv_open(path, &err);
	CHECK(r != NULL, "open: %s", err.msg);
	while (r && wfm_csv_next(r, &err) > 0) {
		const char *s = wfm_csv_get(r, 0);
		double v = 0, w = strtod(s, NULL);
		if (wfm_csv_double(r, 0, &v, &err) || memcmp(&v, &w, sizeof(v))) {
			if (differ++ < 5)
				CHECK(0, "\"%s\" read as %a, strtod %a", s, v, w);
		}
		n++;
	}
	CHECK(n == N && differ == 0, "%ld of %ld texts read differently from strtod", differ, n);
	wfm_csv_close(r);
	unlink(path);
}

int main(void)
{
	static const double special[] = { 0.0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.125, 0.375, 1e-300,
					   4.9406564584124654e-324, 1e17, 1e18, 9.999999999999999e17,
					   0.005, 0.015, 0.025, 1.005, 99.995, 123456.785,
					   0.00005, 0.00015, 1e-5, 0.45, 0.55 };
	char buf[512], *p;
	long n = 0;

	for (int dec = 0; dec <= 10; dec++)
		for (size_t k = 0; k < sizeof(special) / sizeof(*special); k++) {
			one(special[k], dec);
			one(-special[k], dec);
			n += 2;
		}
	for (int kind = 0; kind < 9; kind++)
		for (long i = 0; i < 250000; i++) {
			int dec = (int)(next64() % 6);        /* the writers use 0..4 */
			double v = value(kind, dec);
			one(next64() % 4 ? v : -v, dec);
			n++;
		}
	one(NAN, 2);
	one(-NAN, 2);
	one(INFINITY, 4);
	one(-INFINITY, 0);
	CHECK(bad == 0, "%ld of %ld values differ from snprintf", bad, n);
	printf("%ld values compared with snprintf\n", n);
	/* a small buffer is cut as snprintf cuts */
	CHECK(wfm_csv_format_fixed(buf, 4, 1234.5678, 2) == 7 && !strcmp(buf, "123"), "cut to the buffer");
	{       /* every buffer size, as snprintf cuts and counts, bytes after it kept */
		static const double cut[] = { -1234.5678, 0.05, 7, -0.0, 123456789012.5 };
		int cuts = 0;
		for (size_t k = 0; k < sizeof(cut) / sizeof(*cut); k++)
			for (int dec = 0; dec <= 4; dec++)
				for (size_t size = 0; size < 24; size++) {
					char a[32], b[32];
					memset(a, 'x', sizeof(a));
					memset(b, 'x', sizeof(b));
					int na = wfm_csv_format_fixed(a, size, cut[k], dec);
					int nb = snprintf(b, size, "%.*f", dec, cut[k]);
					cuts += na != nb || memcmp(a, b, sizeof(a));
				}
		CHECK(cuts == 0, "%d cut buffers differ from snprintf's", cuts);
	}
	p = wfm_csv_append_fixed(buf, NAN, 2);
	CHECK(p == buf + 1 && !strcmp(buf, ","), "NAN appends a bare comma");
	p = wfm_csv_append_fixed(buf, 0.87654, 4);
	CHECK(p == buf + 7 && !strcmp(buf, ",0.8765"), "appended: %s", buf);
	test_read();
	return check_done("test_csvnum");
}
