/* snaive.c - seasonal naive forecast: the same interval one period (a
 * week) earlier.  The baseline every accuracy report compares to.
 * Entry point: wfm_snaive_forecast(). */
#include "model.h"

int wfm_snaive_forecast(const double *y, size_t n, size_t h, size_t period,
			double *out, wfm_error *err)
{
	if (period == 0 || n < period)
		return wfm_error_set(err, "seasonal naive needs one full period (%zu intervals), have %zu",
				     period, n);
	for (size_t k = 0; k < h; k++)
		out[k] = y[n - period + k % period];
	return 0;
}
