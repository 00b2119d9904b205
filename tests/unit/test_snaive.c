/* test_snaive.c - lib/snaive.c: the seasonal naive forecast repeats the
 * last full period.  y = 1..10, period 3: the last period is 8, 9, 10, so
 * 7 steps ahead are 8 9 10 8 9 10 8 (worked by hand); a history shorter
 * than one period is an error that says what is missing. */
#include "check.h"
#include "model.h"

int main(void)
{
	double y[10], out[7], want[7] = { 8, 9, 10, 8, 9, 10, 8 };
	wfm_error err = { 0 };
	int same = 1;

	for (int i = 0; i < 10; i++)
		y[i] = i + 1;
	CHECK(wfm_snaive_forecast(y, 10, 7, 3, out, &err) == 0, "forecast");
	for (int k = 0; k < 7; k++)
		same &= out[k] == want[k];
	CHECK(same, "8 9 10 8 9 10 8: got %g %g %g %g %g %g %g",
	      out[0], out[1], out[2], out[3], out[4], out[5], out[6]);
	CHECK(wfm_snaive_forecast(y, 3, 2, 3, out, &err) == 0 && out[0] == 1 && out[1] == 2,
	      "exactly one period: repeats it");
	CHECK(wfm_snaive_forecast(y, 2, 1, 3, out, &err) == -1, "two of three intervals: error");
	CHECK_STR(err.msg, "seasonal naive needs one full period (3 intervals), have 2", "message");
	CHECK(wfm_snaive_forecast(y, 10, 1, 0, out, &err) == -1, "period 0: error");
	return check_done("test_snaive");
}
