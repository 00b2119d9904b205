/* erlang.h - queueing formulas for staffing: Erlang B, Erlang C (M/M/N) and
 * Erlang A (M/M/N+M, Palm's model with exponential patience).
 *
 * Units: offered load a in Erlangs (arrival rate x mean handle time), times
 * in seconds.  "sl" is the fraction of ALL arrivals answered within t
 * seconds (an abandoned contact is never "answered"); asa is the mean wait
 * of the answered contacts; occupancy is carried load / agents.
 * Everything is computed with the Erlang B recurrence
 *   B(0) = 1, B(n) = a B(n-1) / (n + a B(n-1))
 * (never overflows, O(n)) and, for Erlang A, regularised incomplete gamma
 * functions in log space, so loads from 0.01 to 20,000 Erlangs are fine.
 *
 * Entry points: wfm_erlang_b(), wfm_erlang_c(), wfm_erlang_c_agents(),
 * wfm_erlang_a(), wfm_erlang_a_agents(), wfm_erlang_a_guess().
 */
#ifndef WFM_ERLANG_H
#define WFM_ERLANG_H

struct wfm_queue_perf {
	double sl;         /* fraction of arrivals answered within t */
	double asa;        /* mean wait of answered contacts, s; INFINITY if unstable */
	double occupancy;  /* carried load / agents, 0..1 */
	double abandon;    /* fraction of arrivals that abandon (0 for Erlang C) */
	double pwait;      /* fraction of arrivals that wait at all */
};

/* Erlang B blocking probability with n servers and load a >= 0. */
double wfm_erlang_b(double a, long n);

/* Erlang C (infinite patience) with n agents; aht > 0, t >= 0.
 * n <= a is unstable: sl 0, asa INFINITY, occupancy 1, pwait 1. */
void wfm_erlang_c(double a, double aht, long n, double t, struct wfm_queue_perf *p);

/* Smallest n with sl >= target and (max_occ > 0) a/n <= max_occ; 0 when
 * a == 0; -1 when more than max_n agents would be needed. */
long wfm_erlang_c_agents(double a, double aht, double t, double target,
			 double max_occ, long max_n);

/* Erlang A with n agents and mean patience patience > 0 (seconds).
 * Mandelbaum & Zeltyn (2007) closed forms; see docs/staff.md. */
void wfm_erlang_a(double a, double aht, double patience, long n, double t,
		  struct wfm_queue_perf *p);

/* Smallest n with sl >= target, abandon <= max_ab (when max_ab > 0) and
 * occupancy <= max_occ (when max_occ > 0); 0 when a == 0; -1 when more
 * than max_n agents would be needed.  guess (0 = none) is where the search
 * starts, e.g. the previous interval's answer scaled; any guess gives the
 * same result, a good one fewer evaluations. */
long wfm_erlang_a_agents(double a, double aht, double patience, double t,
			 double target, double max_ab, double max_occ, long max_n, long guess);

/* A starting guess for wfm_erlang_a_agents() at load a from the previous
 * interval's load and answer (0, 0: none): the previous square-root
 * coefficient when it was staffed above its load, else its ratio n / a. */
long wfm_erlang_a_guess(double a, double a_prev, long n_prev);

/* The same, counting the Erlang A evaluations it made into *evals. */
long wfm_erlang_a_agents_evals(double a, double aht, double patience, double t,
			       double target, double max_ab, double max_occ, long max_n,
			       long guess, int *evals);

/* The agent searches that also give the service at the answer n, the
 * same to the bit as wfm_erlang_c(a, aht, n, t) / wfm_erlang_a(a, aht,
 * patience, n, t) would, from the search's own evaluation (no second
 * one); at->sl is NAN when there is none (a <= 0, infeasible, or Erlang C
 * past 64 agents reached by the recurrence, whose last bits can differ). */
long wfm_erlang_c_agents_perf(double a, double aht, double t, double target,
			      double max_occ, long max_n, struct wfm_queue_perf *at);
long wfm_erlang_a_agents_perf(double a, double aht, double patience, double t,
			      double target, double max_ab, double max_occ, long max_n,
			      long guess, int *evals, struct wfm_queue_perf *at);

#endif
