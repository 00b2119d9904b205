/* riskcover.c - requirements at a quantile for wfm shifts --risk.  See
 * riskcover.h. */
#include "riskcover.h"
#include "channels.h"
#include "series.h"
#include "staffing.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The forecast with each rate at its q-quantile (a new series), from its
 * band lo, hi. */
static wfm_series *quantile_series(const wfm_series *s, const double *lo, const double *hi,
				   double q, double level, wfm_error *err)
{
	size_t cells = s->nchan * s->n;
	wfm_series *out = wfm_series_alloc(s->nchan, (const char *const *)s->channel, s->start, s->step,
					   s->n, s->aht != NULL, err);

	for (size_t k = 0; out && k < cells; k++) {
		out->volume[k] = isnan(s->volume[k]) ? NAN :
			wfm_staff_rate_quantile(s->volume[k], lo[k], hi[k], level, q);
		if (s->aht)
			out->aht[k] = s->aht[k];
	}
	return out;
}

/* A copy of point's grid and names with zero requirements. */
static wfm_shiftreq *blank(const wfm_shiftreq *point)
{
	wfm_shiftreq *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	*r = (wfm_shiftreq){ point->start, point->step, point->n, NULL, point->nchan, NULL, NULL, 0, "" };
	memcpy(r->file, point->file, sizeof(r->file));
	r->req = calloc(point->n + 1, sizeof(double));
	r->chan_req = calloc(point->nchan * point->n + 1, sizeof(double));
	r->channel = calloc(point->nchan + 1, sizeof(char *));
	if (!r->req || !r->chan_req || !r->channel) {
		wfm_shiftreq_free(r);
		return NULL;
	}
	for (size_t c = 0; c < point->nchan; c++)
		if (!(r->channel[c] = strdup(point->channel[c]))) {
			wfm_shiftreq_free(r);
			return NULL;
		}
	return r;
}

/* Lay the forecast's sizing q (and the point one p) on out's grid. */
static int lay(const wfm_series *s, const char *fpath, const struct wfm_req *q, const struct wfm_req *p,
	       const wfm_shiftreq *point, wfm_shiftreq *out, size_t *differ, wfm_error *err)
{
	*differ = 0;
	for (size_t c = 0; c < out->nchan; c++) {
		int fc = wfm_series_channel(s, out->channel[c]);
		if (fc < 0)
			return wfm_error_at(err, fpath, 0, "channel", "no forecast for channel \"%s\" of %s",
					    out->channel[c], point->file);
		for (size_t i = 0; i < out->n; i++) {
			int64_t d = out->start + (int64_t)i * out->step - s->start;
			size_t k;
			if (d < 0 || d % s->step || d / s->step >= (int64_t)s->n)
				return wfm_error_at(err, fpath, 0, "timestamp",
						    "does not cover the intervals of %s", point->file);
			k = (size_t)fc * s->n + (size_t)(d / s->step);
			if (q[k].skip)
				continue;
			out->chan_req[c * out->n + i] = (double)q[k].gross;
			out->req[i] += (double)q[k].gross;
			*differ += !point->fractional && fabs((double)p[k].gross - point->chan_req[c * out->n + i]) > 1e-9;
		}
	}
	return 0;
}

wfm_shiftreq *wfm_riskcover_req(const wfm_shiftreq *point, const char *forecast,
				const char *channels, const wfm_tz *tz, double risk,
				double band_level, size_t *differ, wfm_error *err)
{
	double *lo = NULL, *hi = NULL;
	wfm_channels *cfg = wfm_channels_load(channels, err);
	wfm_series *s = cfg ? wfm_series_load_band_required(forecast, tz, &lo, &hi, err) : NULL, *qs = NULL;
	int *map = s ? wfm_staff_map(s, forecast, cfg, err) : NULL;
	struct wfm_req *q = NULL, *p = NULL;
	struct wfm_staff_opts so;
	wfm_shiftreq *out = NULL;

	wfm_staff_opts_default(&so);
	if (!map || !(qs = quantile_series(s, lo, hi, 1 - risk, band_level, err)))
		goto done;
	q = calloc(s->nchan * s->n + 1, sizeof(*q));
	p = calloc(s->nchan * s->n + 1, sizeof(*p));
	if (!q || !p || !(out = blank(point))) {
		wfm_error_set(err, "out of memory");
		goto done;
	}
	if (wfm_staff_requirements(qs, cfg, map, tz, &so, q, err) ||
	    wfm_staff_requirements(s, cfg, map, tz, &so, p, err) || lay(s, forecast, q, p, point, out, differ, err)) {
		wfm_shiftreq_free(out);
		out = NULL;
	}
done:
	free(q);
	free(p);
	free(lo);
	free(hi);
	free(map);
	wfm_series_free(qs);
	wfm_series_free(s);
	wfm_channels_free(cfg);
	return out;
}
