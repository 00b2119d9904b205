#!/bin/bash
# t0821-shifts-time-limit.sh - --time-limit is honoured (issue 19.12): it
# counts from the start of the solve (building the model included), the
# LP stops at 80% of it so that rounding or a greedy cover still ends in
# time.  A week at 15-min intervals with 15-min any-start rules (49,056
# columns; it does not solve in 3 s on a loaded machine): the whole run,
# measured here from outside, stays within the limit + 20% (reading the
# input and starting the process included).  Before, the clock started
# after the model was built and the fallbacks after the LP ran unchecked:
# 4.3 s for a 3 s limit at a load of 12 on 2 cores.  A plan is still
# written and covers every interval; on a 1-day input that solves in the
# limit (30 s, so that the 20-50x slower sanitizer build reaches the LP
# too), the plan comes from the LP, not from a greedy cover.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
gen() { awk -v days=$1 -v cap=500 -v round=1 -f "$ROOT/tests/fixtures/shifts/peaks.awk"; }
gen 7 >"$T/week.csv"
gen 1 >"$T/day.csv"
printf 'name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\nany,4|6|8|9|12,00:00,23:45,15,6,30,all\n' >"$T/rules.csv"
t0=$(date +%s%N)
wfm shifts "$T/week.csv" --rules "$T/rules.csv" --time-limit 3 --coverage "$T/cov.csv" -o "$T/plan.csv" 2>"$T/rep.txt"
rc=$?
t1=$(date +%s%N)
is "a plan is written under the time limit" "$rc" 0
wall=$(awk -v a=$t0 -v b=$t1 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
solve=$(awk '/^  solve/ { for (i = 1; i <= NF; i++) if ($i == "in") { print $(i + 1); exit } }' "$T/rep.txt")
# Under the sanitizers (make check ASAN=1) building this model alone takes
# 20-50x longer (1.5 GB of shadow memory): the clock checks are the same
# code, so the wall-clock bounds are asserted on the plain build only.
if ldd "$ROOT/bin/wfm-shifts" 2>/dev/null | grep -q libasan; then
	echo "t0821: sanitizer build, wall-clock bounds not asserted ($wall s, solve $solve s)" >&2
else
	ok "whole run $wall s within 3 s + 20%" awk -v w=$wall 'BEGIN { exit !(w <= 3.6) }'
	ok "the report's solve time $solve s within 3 s + 10%" awk -v w=$solve 'BEGIN { exit !(w <= 3.3) }'
fi
is "no interval under-covered" "$(awk -F, 'NR > 1 && $5 > 0' "$T/cov.csv" | wc -l)" 0
wfm shifts "$T/day.csv" --rules "$T/rules.csv" --time-limit 30 -o "$T/day-plan.csv" 2>"$T/day.txt"
is "1 day in 30 s (time for the sanitizer build too): the LP was solved" "$(grep -c 'LP lower bound [0-9]' "$T/day.txt")" 1
is "1 day in 30 s: the plan comes from the LP, not a greedy cover" "$(grep -c 'greedy' "$T/day.txt")" 0
finish
