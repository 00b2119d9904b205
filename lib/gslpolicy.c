/* gslpolicy.c - the one GSL error policy (see gslpolicy.h). */
#include "gslpolicy.h"

#include <gsl/gsl_errno.h>

void wfm_gsl_policy(void)
{
	gsl_set_error_handler_off();
}
