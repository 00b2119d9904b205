#!/bin/bash
# t1403-intraday-dst.sh - wfm intraday on the days clocks change (Europe/Berlin:
# 2026-03-29 has 23 h, 2026-10-25 has 25 h): from 01:00 the rest of the day has
# one row per real interval to the next local midnight, in the re-forecast and
# (and from later hours) in every row of the gap, timestamps unique and increasing; the agents on
# shift add up to the real hours of the roster's shifts and each action's
# hours are the real time between its start and end.  Every expected figure
# comes from date(1) (the system's tz database), not from wfm.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Berlin
ep() { date -d "$1" +%s; }
for case in 2026-03-29:15:01 2026-10-25:15:01 2026-10-25:60:03 2026-03-29:30:04 2026-03-28:30:01; do
	IFS=: read -r day st hh <<<"$case"
	d=$T/$day-$st
	mkdir -p $d
	t0=$(ep "$day 00:00") now=$(ep "$day $hh:00") t1=$(ep "$(date -d "$day +1 day" +%F) 00:00")
	# forecast of the whole day and actuals to now, stamped with UTC offsets
	seq $t0 $((st * 60)) $((t1 - 1)) | sed 's/^/@/' | date -f - +%Y-%m-%dT%H:%M%:z > $d/ts
	awk 'BEGIN { print "timestamp,channel,volume,aht_s,volume_lo,volume_hi" }
		{ print $1 ",calls,20.00,300.0,15.00,25.00"; print $1 ",chat,20.00,600.0,15.00,25.00" }' $d/ts > $d/fc.csv
	awk -v k=$(((now - t0) / (st * 60))) 'BEGIN { print "timestamp,channel,volume,aht_s" }
		NR <= k { print $1 ",calls,22,300"; print $1 ",chat,22,600" }' $d/ts > $d/act.csv
	printf '%s\n' "date,agent_id,name,start,end,break_start,break_end,shift" \
		"$day,A004,Aigul Semyonova,00:00,08:00,,,n" "$day,A006,Sofia Vinogradova,07:00,15:00,,,d" \
		"$day,A005,Dina Sokolova,14:00,23:00,18:00,18:30,d" > $d/roster.csv
	wfm intraday $d/fc.csv --actuals $d/act.csv --now ${day}T$hh:00 --channels $DATA/channels.csv \
		--roster $d/roster.csv --staff $DATA/staff.csv --gap $d/gap.csv --actions $d/actions.csv -q -o $d/re.csv
	is "$case: exit" $? 0
	want=$(((t1 - now) / (st * 60)))
	is "$case: re-forecast rows = real minutes left / step" "$(grep -c ',calls,' $d/re.csv)" $want
	is "$case: gap rows (pool)" "$(grep -c ',\*,' $d/gap.csv)" $want
	is "$case: gap rows (calls)" "$(grep -c ',calls,' $d/gap.csv)" $want
	# the gap's timestamps as instants: unique, increasing by one step, from now
	grep ',\*,' $d/gap.csv | cut -d, -f1 | date -f - +%s > $d/inst
	is "$case: first row at now" "$(head -1 $d/inst)" $now
	is "$case: rows one step apart" "$(awk -v s=$((st * 60)) 'NR > 1 && $1 - p != s { n++ } { p = $1 } END { print n + 0 }' $d/inst)" 0
	is "$case: re-forecast stamps = gap stamps" "$(grep ',calls,' $d/re.csv | cut -d, -f1 | date -f - +%s | cmp - $d/inst && echo same)" same
	# on shift before the actions, agent-hours: real hours of the shifts after now
	# (A005's break 30 min out)
	h=$(awk -v a=$now -v b=$(ep "$day 08:00") -v c=$(ep "$day 07:00") -v d=$(ep "$day 15:00") \
		-v e=$(ep "$day 14:00") -v f=$(ep "$day 23:00") 'BEGIN { print (b - a + d - c + f - e) / 3600 - 0.5 }')
	near "$case: scheduled_before sums to the shifts' real hours" \
		"$(awk -F, -v s=$st '$2 == "*" { t += $7 * s / 60 } END { print t }' $d/gap.csv)" $h 1e-6
	bad=$(tail -n +2 $d/actions.csv | while IFS=, read -r kind id name s e hours rest; do
		real=$(awk -v a=$(ep "$s") -v b=$(ep "$e") 'BEGIN { printf "%.2f", (b - a) / 3600 }')
		[ "$kind" = vto ] && real=-$real
		[ "$kind" = break_move ] && real=0.00
		[ "$real" = "$hours" ] || echo "$kind $s $e $hours != $real"
	done)
	is "$case: action hours = real time between start and end" "$bad" ""
	ok "$case: some action proposed" test "$(wc -l < $d/actions.csv)" -gt 1
done
finish
