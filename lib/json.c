/* json.c - JSON strings and numbers for --format json.  See json.h. */
#include "json.h"

#include <math.h>

void wfm_json_str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(fp, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(fp, "\\u%04x", *s);
		else
			fputc(*s, fp);
	}
	fputc('"', fp);
}

void wfm_json_num(FILE *fp, const char *key, double v, int digits, const char *sep)
{
	fprintf(fp, "\"%s\":", key);
	if (isnan(v))
		fputs("null", fp);
	else
		fprintf(fp, "%.*g", digits, v);
	fputs(sep, fp);
}
