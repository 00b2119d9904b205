/* json.h - the JSON pieces wfm's --format json outputs share.
 * Entry points: wfm_json_str(), wfm_json_num(). */
#ifndef WFM_JSON_H
#define WFM_JSON_H

#include <stdio.h>

/* s as a quoted JSON string (quotes, backslashes and control bytes escaped;
 * UTF-8 passed through). */
void wfm_json_str(FILE *fp, const char *s);
/* "key":v with `digits` significant digits (null for NAN), then sep. */
void wfm_json_num(FILE *fp, const char *key, double v, int digits, const char *sep);

#endif
