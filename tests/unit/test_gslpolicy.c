/* test_gslpolicy.c - lib/gslpolicy.c: with the policy every main sets,
 * a GSL domain error inside lib/ returns instead of aborting.
 *
 * The lib path: wfm_erlang_a() sums with psi(x + 1), x = n patience / aht.
 * patience = -1.5 aht at n = 2 gives psi(-2), a pole: GSL_EDOM.  Each case
 * runs in a child process, so an abort is seen as SIGABRT, not as the end
 * of this test.  The control (no policy) must abort - that proves the path
 * really raises a GSL error, so the policy case can fail. */
#include "check.h"
#include "erlang.h"
#include "gslpolicy.h"
#include "pacing.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_psi.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* Run f in a child; the wait status. */
static int in_child(void (*f)(void))
{
	int st;
	pid_t pid;

	fflush(NULL);
	if ((pid = fork()) == 0) {
		/* the control's GSL message is expected; keep the log quiet */
		if (!freopen("/dev/null", "w", stderr))
			_exit(3);
		f();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

static void erlang_pole(void)
{
	struct wfm_queue_perf p;

	wfm_erlang_a(3, 100, -150, 2, 20, &p);
}

static void default_handler(void)
{
	erlang_pole();
}

static void with_policy(void)
{
	gsl_sf_result r;

	wfm_gsl_policy();
	wfm_gsl_policy();                       /* idempotent */
	erlang_pole();
	if (gsl_sf_psi_e(-2, &r) != GSL_EDOM)   /* the code comes back */
		_exit(4);
}

int main(void)
{
	int st = in_child(default_handler);
	CHECK(st != -1 && WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT,
	      "control: GSL's default handler aborts on psi(-2) in lib/erlang.c (status %d)", st);
	st = in_child(with_policy);
	CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "with wfm_gsl_policy(): lib returns, GSL gives GSL_EDOM (status %d)", st);

	/* and in this process, the lib paths of wfm-outbound still give their
	 * hand-worked values: n = 1 agent, m = 2 lines, p = 1/2:
	 * X ~ Bin(2, 1/2), E[max(0, X - 1)] = 1/4, E[X] = 1, abandon 1/4 */
	wfm_gsl_policy();
	CHECK_NEAR(wfm_pacing_abandon(1, 2, 0.5), 0.25, 1e-12, "pacing abandon(1, 2, 1/2)");
	CHECK_NEAR(wfm_pacing_abandon(1, 4, 1.0), 0.75, 1e-12, "pacing abandon p = 1: (m - n) / m");
	return check_done("test_gslpolicy");
}
