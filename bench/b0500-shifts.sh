#!/bin/sh
# b0500-shifts.sh - wfm-shifts on the issue's benchmark: one week at
# 15-minute intervals with 500-agent peaks (24/7, two daily humps, ~60 at
# night), shifts of 4, 6, 8, 9 and 12 h starting every 15 min at any time,
# one 30-min break in shifts of 6 h or more (>= 2 h of work either side),
# placed on the 15-min grid.  Bar: within 1% of the LP bound in < 10 s.
set -eu
B=${BENCH_TMP:-/tmp}
awk 'BEGIN {
	print "timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy"
	for (d = 0; d < 7; d++) for (q = 0; q < 96; q++) {
		h = q / 4
		g = 60 + 380 * exp(-((h - 11.5) ^ 2) / 6) + 320 * exp(-((h - 17.5) ^ 2) / 5)
		if (g > 500) g = 500
		if (d >= 5) g *= 0.75
		g = int(g * 10 + 0.5) / 10
		printf "2026-11-%02dT%02d:%02d,calls,0,0,0,%.1f,0,0,0\n", 23 + d, int(h), (q % 4) * 15, g
	}
}' > $B/req15.csv
cat > $B/rules15.csv <<'R'
name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days
any,4|6|8|9|12,00:00,23:45,15,6,30,all
R
run() {
	/usr/bin/time -f '%e %M %U' bin/wfm-shifts $B/req15.csv --rules $B/rules15.csv --tz UTC \
		--time-limit 10 --gap 0.01 "$@" -o $B/plan.csv 2>$B/report.txt
	cat $B/report.txt
}
run > $B/out.txt 2>&1 || { cat $B/out.txt; exit 1; }
secs=$(tail -n 1 $B/out.txt | cut -d' ' -f1)
rss=$(tail -n 1 $B/out.txt | cut -d' ' -f2)
user=$(tail -n 1 $B/out.txt | cut -d' ' -f3)
model=$(grep '  model' $B/out.txt | sed 's/ *model *//')
paid=$(grep 'paid hours' $B/out.txt | awk '{print $3}')
lb=$(grep 'paid hours' $B/out.txt | awk '{print $7}')
gap=$(grep 'paid hours' $B/out.txt | awk '{print $9}')
echo "shifts_week_15min_500peak_model: $model"
echo "shifts_week_15min_500peak_time: $secs s wall, $user s CPU (limit 10 s; peak RSS $rss KiB; load $(cut -d' ' -f1 /proc/loadavg))"
echo "shifts_week_15min_500peak_paid: $paid h (LP bound $lb h)"
echo "shifts_week_15min_500peak_gap: $gap (bar 1%)"
grep 'solve\|efficiency' $B/out.txt | sed 's/^ */shifts_week_15min_500peak_detail: /'
# The same with break placements aggregated on a 30-min grid.
run --break-step 30 > $B/out30.txt 2>&1 || { cat $B/out30.txt; exit 1; }
echo "shifts_week_15min_500peak_break30: $(grep '  model' $B/out30.txt | sed 's/ *model *//'); $(tail -n 1 $B/out30.txt | cut -d' ' -f1) s wall; $(grep 'paid hours' $B/out30.txt | awk '{print $3 " h, bound " $7 " h, gap " $9}')"
