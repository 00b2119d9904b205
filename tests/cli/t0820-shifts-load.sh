#!/bin/bash
# t0820-shifts-load.sh - the same shift plan, byte for byte, on a quiet
# machine and with two CPU hogs beside it: the limits that decide the plan
# count simplex iterations (--work-limit), the wall clock (--time-limit)
# is only a safety stop (600 s here: ASAN builds beside the hogs on a
# loaded CI machine must not reach it).  A 2-day 15-min any-start single pool (default
# work limit, and a work limit small enough to cut the LP: the report
# must say so), and a generated 5-channel day by skill groups
# (bench/gen-multiskill.sh).  Each plan is also checked to cover every
# interval (coverage recomputed from plan.csv with awk), and the greedy
# fallback's paid hours against the LP bound.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
awk -v days=2 -v base=6 -v a1=38 -v a2=32 -f "$ROOT/tests/fixtures/shifts/peaks.awk" >"$T/req.csv"
printf 'name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\nany,4|6|8|9|12,00:00,23:45,15,6,30,all\n' >"$T/rules.csv"
sh "$ROOT/bench/gen-multiskill.sh" "$T/g" 0.3

# plans DIR: the three plans into DIR
plans() {
	mkdir -p "$1"
	wfm shifts "$T/req.csv" --rules "$T/rules.csv" --time-limit 600 -o "$1/pool.csv" 2>"$1/pool.txt"
	wfm shifts "$T/req.csv" --rules "$T/rules.csv" --time-limit 600 --work-limit 300 \
		-o "$1/cut.csv" 2>"$1/cut.txt"
	wfm shifts "$T/g/requirements.csv" --rules "$T/g/rules.csv" --groups "$T/g/groups.csv" \
		--date 2026-11-24 --break-step 30 --time-limit 600 --work-limit 40000 -o "$1/groups.csv" 2>"$1/groups.txt"
}
plans "$T/quiet"
hogs=""
for k in 1 2; do timeout 120 sh -c 'yes >/dev/null' & hogs="$hogs $!"; done
plans "$T/busy"
for p in $hogs; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
for f in pool cut groups; do
	ok "$f.csv: same bytes with two CPU hogs" cmp "$T/quiet/$f.csv" "$T/busy/$f.csv"
	is "$f: the time limit was not hit" "$(grep -c 'time limit' "$T/busy/$f.txt")" 0
done
is "work limit 300: the report says the work limit stopped the solve" \
	"$(grep -c 'stopped by the work limit' "$T/quiet/cut.txt")" 1
is "default work limit: solved within the gap" "$(grep -c 'optimal within the gap' "$T/quiet/pool.txt")" 1
# Coverage recomputed from the plans: every quarter-hour covered.
check=$ROOT/tests/fixtures/shifts/plan-check.awk
for f in pool cut; do
	is "$f: intervals under-covered, recomputed from the plan" \
		"$(awk -v what=short -v days=2 -f "$check" "$T/req.csv" "$T/quiet/$f.csv")" 0
done
# The greedy cover a work limit falls back to (whole shortfall of a row at
# once) stays within 3% of the LP bound of the full solve; paid hours
# recomputed from plan.csv (unpaid breaks), the full plan's against its report.
paid() { awk -v what=paid -f "$check" "$1"; }
is "paid hours of plan.csv are the report's" "$(paid "$T/quiet/pool.csv")" \
	"$(awk '/paid hours/ { print $3 }' "$T/quiet/pool.txt")"
bound=$(awk '/paid hours/ { print $7 }' "$T/quiet/pool.txt")
ok "greedy fallback $(paid "$T/quiet/cut.csv") h within 3% of the LP bound $bound h" \
	awk -v p="$(paid "$T/quiet/cut.csv")" -v b="$bound" 'BEGIN { exit !(b > 0 && p <= 1.03 * b) }'
finish
