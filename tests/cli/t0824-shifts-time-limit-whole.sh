#!/bin/bash
# t0824-shifts-time-limit-whole.sh - --time-limit T bounds the whole solve
# (issue 19.12): the run's wall time, measured here from outside, less the
# time the program takes to start and read its input, stays within 1.1 T
# for T = 0.2, 0.5 and 1 s on a week at 15-min intervals with 15-min
# any-start rules (49,056 columns; its LP takes about 0.7 s of CPU, so
# the limits cut it).  The reading time is measured by an independent run
# on the same files that fails after reading them (--date outside the
# requirements).  Before, model building and the greedy fallback did not
# look at the clock: 0.2 s ended at 0.28-0.34 s.  Each plan covers every
# interval (recomputed from plan.csv with awk) and costs no more than the
# greedy cover, whose paid hours come from an independent run stopped by
# the work limit before the LP (--work-limit 1).
. "$(dirname "$0")/lib.sh"
export TZ=UTC
awk -v days=7 -v cap=500 -v weekend=0.8 -v round=1 -f "$ROOT/tests/fixtures/shifts/peaks.awk" >"$T/week.csv"
printf 'name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\nany,4|6|8|9|12,00:00,23:45,15,6,30,all\n' >"$T/rules.csv"
ms() { echo $(($(date +%s%N) / 1000000)); }
# read: ms to start and read the input (the longest of 3 failing runs)
read_ms() {
	local best=0 k a b
	for k in 1 2 3; do
		a=$(ms)
		wfm shifts "$T/week.csv" --rules "$T/rules.csv" --date 2030-01-01 -o "$T/none.csv" 2>/dev/null
		b=$(ms)
		[ $((b - a)) -gt $best ] && best=$((b - a))
	done
	echo $best
}
check=$ROOT/tests/fixtures/shifts/plan-check.awk
# paid hours recomputed from plan.csv (unpaid breaks)
paid() { awk -v what=paid -f "$check" "$1"; }
# intervals short of the requirement, recomputed from plan.csv (cyclic week)
short() { awk -v what=short -v days=7 -f "$check" "$T/week.csv" "$1"; }

wfm shifts "$T/week.csv" --rules "$T/rules.csv" --work-limit 1 -o "$T/greedy.csv" 2>"$T/greedy.txt"
is "--work-limit 1: the greedy cover" "$(grep -c 'incumbent from a greedy cover' "$T/greedy.txt")" 1
greedy=$(paid "$T/greedy.csv")
asan=0
ldd "$ROOT/bin/wfm-shifts" 2>/dev/null | grep -q libasan && asan=1
TIMEFORMAT='%R %U %S'
for lim in 0.2 0.5 1; do
	r=$(read_ms)
	{ time wfm shifts "$T/week.csv" --rules "$T/rules.csv" --time-limit $lim -o "$T/plan$lim.csv" \
		2>"$T/rep$lim.txt"; } 2>"$T/time$lim.txt"
	is "--time-limit $lim: a plan is written" "$?" 0
	set -- $(tail -n 1 "$T/time$lim.txt")
	wall=$(awk -v w=$1 'BEGIN { printf "%d", w * 1000 }')
	cpu=$(awk -v u=$2 -v s=$3 'BEGIN { printf "%d", (u + s) * 1000 }')
	# Under the sanitizers (make check ASAN=1) building the model alone
	# takes 20-50x longer: the wall-clock bound holds for the plain build.
	# On a machine so busy that the run waited for a CPU (wall > 1.25 x
	# CPU + 20 ms) the wall clock measures the other jobs: then its CPU
	# time is held to the bound instead.
	if [ $asan = 1 ]; then
		echo "t0824: sanitizer build, --time-limit $lim: $wall ms (reading $r ms), not asserted" >&2
	elif [ $wall -le $((cpu * 5 / 4 + 20)) ]; then
		ok "--time-limit $lim: $wall ms less $r ms reading within 1.1 x $lim s" \
			awk -v w=$((wall - r)) -v t=$lim 'BEGIN { exit !(w <= 1100 * t) }'
	else
		echo "t0824: busy machine ($(cut -d' ' -f1 /proc/loadavg)): $wall ms wall for $cpu ms CPU" >&2
		ok "--time-limit $lim (busy machine): $cpu ms CPU less $r ms reading within 1.1 x $lim s" \
			awk -v w=$((cpu - r)) -v t=$lim 'BEGIN { exit !(w <= 1100 * t) }'
	fi
	is "--time-limit $lim: intervals under-covered, recomputed" "$(short "$T/plan$lim.csv")" 0
	p=$(paid "$T/plan$lim.csv")
	ok "--time-limit $lim: $p paid h, no more than the greedy cover's $greedy h" \
		awk -v p=$p -v g=$greedy 'BEGIN { exit !(p <= g + 1e-6) }'
	is "--time-limit $lim: paid hours of plan.csv are the report's" "$p" \
		"$(awk '/paid hours/ { print $3 }' "$T/rep$lim.txt")"
done
finish
