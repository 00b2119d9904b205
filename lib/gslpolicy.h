/* gslpolicy.h - the one GSL error policy of every wfm program.
 *
 * GSL's default error handler prints and calls abort() on any domain,
 * range or convergence error.  lib/ never exits, so every main turns that
 * handler off once, first thing, and lib/ checks GSL's return codes
 * instead (e.g. erlang.c falls back when gsl_sf_psi_e fails, regression.c
 * when the Cholesky factorisation does).  Unit tests that reach GSL call it
 * too.  tests/cli/t0021-gsl-policy.sh checks that every main does.
 *
 * Entry point: wfm_gsl_policy().
 */
#ifndef WFM_GSLPOLICY_H
#define WFM_GSLPOLICY_H

/* Make GSL errors return their code instead of aborting.  Idempotent. */
void wfm_gsl_policy(void);

#endif
