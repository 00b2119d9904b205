#!/bin/sh
# b0520-shifts-days.sh - how wfm-shifts grows with the planning window
# (issue 21): 1, 7, 14 and 28 days at 15-minute intervals, 24/7, 500-agent
# peaks (b0500's curve, weekends at 75%), shifts of 4-12 h starting every
# 15 min at any time, one 30-min break.  Prints CPU and wall seconds, the
# paid hours against the LP bound, the model's nonzeros as given and as
# GLPK gets them (differenced cover rows, WFM_MIP_CHAIN_NNZ), and the
# growth exponent of CPU from 7 to 28 days (the bar is 1.3; full cover
# within 1% of the LP bound in < 10 s wall at 28 days).  From 14 days on
# the model passes 3M nonzeros and is planned by blocks of 7 days
# (lib/shiftplan_blocks.c); its bound is the sum of the days' LPs by
# interior point (shifts across midnight at their share of cost in each
# day; at most the whole window's LP), in a second process (CPU below
# counts both processes).  Before (one model, simplex column generation;
# CPU, loaded machine): 7 days 1.4 s, 28 days 51 s CPU, gap 0.28%.  With
# the whole window's LP by one interior point as the bound: 28 days
# 7.2-8.4 s CPU, gap 0.27%, growth days^1.25-1.33.
set -eu
B=${BENCH_TMP:-/tmp}
printf 'name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\nany,4|6|8|9|12,00:00,23:45,15,6,30,all\n' >$B/rules-days.csv
for d in 1 7 14 28; do
	awk -v D=$d 'BEGIN {
		print "timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy"
		for (d = 0; d < D; d++) for (q = 0; q < 96; q++) {
			h = q / 4
			g = 60 + 380 * exp(-((h - 11.5) ^ 2) / 6) + 320 * exp(-((h - 17.5) ^ 2) / 5)
			if (g > 500) g = 500
			if (d % 7 >= 5) g *= 0.75
			g = int(g * 10 + 0.5) / 10
			t = 1795392000 + d * 86400 + q * 900
			printf "%s,calls,0,0,0,%.1f,0,0,0\n", strftime("%Y-%m-%dT%H:%M", t, 1), g
		}
	}' >$B/req-days.csv
	/usr/bin/time -f '%e %U %S %M' bin/wfm-shifts $B/req-days.csv --rules $B/rules-days.csv --tz UTC \
		--time-limit 600 --coverage $B/cov-days.csv -o $B/plan-days.csv 2>$B/rep-days.txt || { cat $B/rep-days.txt; exit 1; }
	set -- $(tail -n 1 $B/rep-days.txt)
	cpu=$(echo "$2 $3" | awk '{ printf "%.2f", $1 + $2 }')
	eval "cpu$d=$cpu"
	echo "shifts_days_$d: $cpu s CPU, $1 s wall (load $(cut -d' ' -f1 /proc/loadavg)), peak RSS $4 KiB;" \
		"$(grep 'paid hours' $B/rep-days.txt | awk '{ print $3 " h, LP bound " $7 " h, gap " $9 }');" \
		"$(grep '  model' $B/rep-days.txt | sed 's/ *model *//')"
	grep '  solve' $B/rep-days.txt | sed "s/^ */shifts_days_${d}_solve: /"
	grep -q '^  blocks' $B/rep-days.txt && echo "shifts_days_${d}_blocks: $(grep '^  blocks' $B/rep-days.txt |
		sed 's/^ *blocks *//; s/ planned in turn.*//'), bound (the days' LPs by interior point) in" \
		"$(grep -o "window's LP; [0-9.]* s" $B/rep-days.txt | sed 's/.*; //')"
	short=$(awk -F, 'NR > 1 && $5 > 0' $B/cov-days.csv | wc -l)
	echo "shifts_days_${d}_cover: $short intervals under-covered"
done
echo "shifts_days_growth: CPU 7 -> 28 days grows like days^$(awk -v a=$cpu7 -v b=$cpu28 'BEGIN { printf "%.2f", log(b / a) / log(4) }') (bar 1.3)"
