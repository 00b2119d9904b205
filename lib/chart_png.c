/* chart_png.c - a fast PNG writer for tall charts (a 1,000-agent week
 * roster is 20 M pixels, where Cairo's writer, through libpng and zlib at
 * its default level, spends about a second).  Each row is filtered with
 * Sub or Up, whichever leaves the smaller sum (the heuristic of the PNG
 * spec, section 12.8), and the stream is deflated as one fixed-Huffman
 * block (RFC 1951, 3.2.6) whose only matches are runs (distance 1): flat
 * chart areas filter to long runs of zeros.  Files are larger than
 * zlib's, but the work is one pass.  Deterministic by construction.
 * Entry point: chart_png_write(). */
#include "chart_int.h"

#include <stdlib.h>
#include <string.h>

struct out { unsigned char *p; size_t n, cap; uint32_t bits; int nbits; int oom; };

static void put_byte(struct out *o, unsigned char b)
{
	if (o->n == o->cap) {
		size_t ncap = o->cap ? 2 * o->cap : 1 << 16;
		unsigned char *np = realloc(o->p, ncap);
		if (!np) {
			o->oom = 1;
			return;
		}
		o->p = np;
		o->cap = ncap;
	}
	o->p[o->n++] = b;
}

/* n bits of v, least significant first (deflate bit order). */
static void put_bits(struct out *o, uint32_t v, int n)
{
	o->bits |= v << o->nbits;
	o->nbits += n;
	while (o->nbits >= 8) {
		put_byte(o, (unsigned char)o->bits);
		o->bits >>= 8;
		o->nbits -= 8;
	}
}

/* A Huffman code of n bits, sent most significant bit first. */
static void put_code(struct out *o, uint32_t code, int n)
{
	uint32_t r = 0;
	for (int i = 0; i < n; i++)
		r |= ((code >> i) & 1) << (n - 1 - i);
	put_bits(o, r, n);
}

static void put_sym(struct out *o, int sym)
{
	if (sym < 144)
		put_code(o, 0x30 + sym, 8);
	else if (sym < 256)
		put_code(o, 0x190 + sym - 144, 9);
	else if (sym < 280)
		put_code(o, sym - 256, 7);
	else
		put_code(o, 0xC0 + sym - 280, 8);
}

static const int len_base[29] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
				  59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const int len_extra[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4,
				   4, 4, 5, 5, 5, 5, 0 };

static void put_run(struct out *o, int len)
{
	int k = 28;
	while (len_base[k] > len)
		k--;
	put_sym(o, 257 + k);
	put_bits(o, (uint32_t)(len - len_base[k]), len_extra[k]);
	put_code(o, 0, 5);          /* distance code 0: distance 1 */
}

static void crc_init(uint32_t *crc_table)
{
	for (uint32_t n = 0; n < 256; n++) {
		uint32_t c = n;
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
		crc_table[n] = c;
	}
}

static uint32_t crc(const uint32_t *crc_table, uint32_t c, const unsigned char *p, size_t n)
{
	c = ~c;
	while (n--)
		c = crc_table[(c ^ *p++) & 255] ^ (c >> 8);
	return ~c;
}

static int chunk(FILE *fp, const uint32_t *tab, const char *type, const unsigned char *data, size_t n)
{
	unsigned char h[8] = { n >> 24, n >> 16 & 255, n >> 8 & 255, n & 255 };
	uint32_t c;
	memcpy(h + 4, type, 4);
	c = crc(tab, crc(tab, 0, h + 4, 4), data, n);
	unsigned char t[4] = { c >> 24, c >> 16 & 255, c >> 8 & 255, c & 255 };
	return fwrite(h, 1, 8, fp) == 8 && (n == 0 || fwrite(data, 1, n, fp) == n) && fwrite(t, 1, 4, fp) == 4 ? 0 : -1;
}

/* Deflate bytes p[0..n) given the byte before them (prev, -1 at the start). */
static void deflate_runs(struct out *o, const unsigned char *p, size_t n, int *prev)
{
	size_t i = 0;
	while (i < n) {
		if (*prev == p[i]) {
			size_t L = 1;
			while (i + L < n && L < 258 && p[i + L] == p[i])
				L++;
			if (L >= 3) {
				put_run(o, (int)L);
				i += L;
				continue;
			}
		}
		put_sym(o, p[i]);
		*prev = p[i];
		i++;
	}
}

int chart_png_write(cairo_surface_t *s, FILE *fp)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *data;
	size_t rb = 3 * (size_t)w;
	unsigned char *cur = malloc(rb), *up = calloc(rb, 1), *f1 = malloc(rb + 1), *f2 = malloc(rb + 1);
	struct out o = { 0 };
	uint32_t a = 1, b = 0;
	int prev = -1, rc = -1;
	uint32_t tab[256];

	cairo_surface_flush(s);
	data = cairo_image_surface_get_data(s);
	crc_init(tab);
	if (!cur || !up || !f1 || !f2 || !data)
		goto done;
	put_byte(&o, 0x78);         /* zlib header: deflate, 32K window */
	put_byte(&o, 0x01);
	put_bits(&o, 1, 1);         /* BFINAL */
	put_bits(&o, 1, 2);         /* BTYPE 01: fixed Huffman */
	for (int y = 0; y < h; y++) {
		const uint32_t *row = (const uint32_t *)(data + (size_t)y * stride);
		unsigned long s1 = 0, s2 = 0;
		unsigned char *best;
		for (int x = 0; x < w; x++) {
			cur[3 * x] = row[x] >> 16 & 255;
			cur[3 * x + 1] = row[x] >> 8 & 255;
			cur[3 * x + 2] = row[x] & 255;
		}
		f1[0] = 1;
		f2[0] = 2;
		for (size_t i = 0; i < rb; i++) {
			unsigned char d1 = (unsigned char)(cur[i] - (i >= 3 ? cur[i - 3] : 0));
			unsigned char d2 = (unsigned char)(cur[i] - up[i]);
			f1[i + 1] = d1;
			f2[i + 1] = d2;
			s1 += d1 < 128 ? d1 : 256 - d1;
			s2 += d2 < 128 ? d2 : 256 - d2;
		}
		best = s2 <= s1 ? f2 : f1;
		for (size_t i = 0; i < rb + 1; i++) {   /* Adler-32 (RFC 1950) */
			a += best[i];
			b += a;
			if ((i & 4095) == 4095) {
				a %= 65521;
				b %= 65521;
			}
		}
		a %= 65521;
		b %= 65521;
		deflate_runs(&o, best, rb + 1, &prev);
		memcpy(up, cur, rb);
	}
	put_sym(&o, 256);           /* end of block */
	if (o.nbits)
		put_bits(&o, 0, 8 - o.nbits);
	put_byte(&o, b >> 8);
	put_byte(&o, b & 255);
	put_byte(&o, a >> 8);
	put_byte(&o, a & 255);
	if (o.oom)
		goto done;
	{
		unsigned char ihdr[13] = { w >> 24, w >> 16 & 255, w >> 8 & 255, w & 255,
					   h >> 24, h >> 16 & 255, h >> 8 & 255, h & 255, 8, 2, 0, 0, 0 };
		if (fwrite(sig, 1, 8, fp) == 8 && !chunk(fp, tab, "IHDR", ihdr, 13) &&
		    !chunk(fp, tab, "IDAT", o.p, o.n) && !chunk(fp, tab, "IEND", NULL, 0))
			rc = 0;
	}
done:
	free(o.p);
	free(cur);
	free(up);
	free(f1);
	free(f2);
	return rc;
}
