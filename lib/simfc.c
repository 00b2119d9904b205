/* simfc.c - a forecast's uncertainty for the simulations.  See simfc.h. */
#include "simfc.h"
#include "mem.h"
#include "series.h"
#include "staffing.h"
#include "timeutil.h"

#include <math.h>
#include <stdlib.h>

struct wfm_simfc {
	wfm_series *fc;
	double *lo, *hi, level;
};

wfm_simfc *wfm_simfc_load(const char *path, const wfm_tz *tz, double level, wfm_error *err)
{
	wfm_simfc *f = calloc(1, sizeof(*f));

	if (!f)
		return wfm_oom(err);
	f->level = level;
	if (!(f->fc = wfm_series_load_band_required(path, tz, &f->lo, &f->hi, err))) {
		wfm_simfc_free(f);
		return NULL;
	}
	return f;
}

void wfm_simfc_shapes(const wfm_simfc *f, const char *channel, const int64_t *t, size_t n,
		      const wfm_tz *tz, double *shape, long *day)
{
	const wfm_series *fc = f->fc;
	int c = wfm_series_channel(fc, channel);

	for (size_t i = 0; i < n; i++) {
		struct wfm_tm tm;
		int64_t d = t[i] - fc->start;
		size_t k;
		wfm_time_local(t[i], tz, &tm);
		day[i] = (long)tm.days;
		shape[i] = INFINITY;
		if (c < 0 || d < 0 || d % fc->step || d / fc->step >= (int64_t)fc->n)
			continue;
		k = (size_t)c * fc->n + (size_t)(d / fc->step);
		shape[i] = wfm_staff_rate_shape(fc->volume[k], f->lo[k], f->hi[k], f->level);
	}
}

void wfm_simfc_free(wfm_simfc *f)
{
	if (f) {
		wfm_series_free(f->fc);
		WFM_FREE(f->lo, f->hi, f);
	}
}
