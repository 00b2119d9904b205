#!/bin/bash
# t1239-roster-dst-rest.sh - issue 20.6: rest, shift length and paid hours
# are elapsed time, not wall-clock minutes, over the two DST changes of
# Europe/Berlin in 2026 (EU rule: clocks change at 01:00 UTC on the last
# Sunday of March and of October; +01:00 in winter, +02:00 in summer).
#   spring: 22:00 Sat 28 Mar to 08:00 Sun 29 Mar is 10 h on the wall clock,
#           9 h of real rest; a 22:00-06:00 night is paid 7 h
#   autumn: 22:00 Sat 24 Oct to 07:00 Sun 25 Oct is 9 h on the wall clock,
#           10 h of real rest; a 22:00-06:00 night is paid 9 h
# Checked independently: rules.awk with a zone table written here from the
# EU rule (not from the system's tz database), coverage rows summed.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Berlin
R=$FIX/roster
# the zone table, and the rule's dates checked against the calendar: both
# Sundays, the last of their month
cat >$T/zones.txt <<'EOF'
# from (UTC),minutes ahead of UTC: Europe/Berlin under the EU rule
1970-01-01T00:00,60
2026-03-29T01:00,120
2026-10-25T01:00,60
EOF
for d in 2026-03-29 2026-10-25; do
	is "$d is a Sunday" "$(date -u -d $d +%u)" 7
	is "$d is the last Sunday of its month" \
		"$(date -u -d "$d +7 days" +%m)" "$(date -u -d "$d +1 month" +%m)"
done
RULES="-v maxrun=6 -v maxdays=5 -v tol=4 -f $R/civil.awk -f $R/rules.awk"
viol() {   # viol REST_MIN ROSTER [wall]: hard-rule violations found by rules.awk
	local z=$T/zones.txt
	[ -n "${3:-}" ] && z=
	awk -F, -v rest=$1 -v zones="$z" $RULES $T/staff1.csv $T/avail.csv $2 |
		awk '$1 == "violations" { print $2 }'
}
# paid minutes of each roster row without a break, in real time
echo 'BEGIN { zread(z) } FNR > 1 { d = dnum($1); s = mins($4); e = mins($5); if (e <= s) e += 1440
	print real(d * 1440 + e) - real(d * 1440 + s) }' >$T/paid.awk
printf 'id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\nA1,Anna,calls,40,4,10,00:00,24:00,\n' >$T/staff1.csv
printf 'agent_id,date,status\n' >$T/avail.csv
cat >$T/plan.csv <<'EOF'
date,shift,start,end,break_start,break_end,count
2026-03-28,late,14:00,22:00,,,1
2026-03-29,early,08:00,16:00,,,1
2026-10-24,late,14:00,22:00,,,1
2026-10-25,early,07:00,15:00,,,1
EOF
# the checker itself: both spring shifts to one agent is 9 h of rest
# (one violation of 10 h in real time, none on the wall clock)
{ echo "date,agent_id,name,start,end,break_start,break_end,shift"
  echo "2026-03-28,A1,Anna,14:00,22:00,,,late"
  echo "2026-03-29,A1,Anna,08:00,16:00,,,early"; } >$T/both.csv
is "checker: 9 h real rest breaks a 10 h rule" "$(viol 600 $T/both.csv)" 1
is "checker: the wall clock sees 10 h" "$(viol 600 $T/both.csv wall)" 0
is "checker: 9 h real rest keeps a 9 h rule" "$(viol 540 $T/both.csv)" 0

for w in "2026-03-23 2026-03-29" "2026-10-19 2026-10-25"; do
	set -- $w
	wfm roster $T/plan.csv $T/staff1.csv --from $1 --to $2 --min-rest 10 --exact \
		--exact-roster $T/exact-$1.csv -o $T/r-$1.csv 2>/dev/null
	is "roster $1: exit" $? 0
	is "roster $1: 0 real-rest violations" "$(viol 600 $T/r-$1.csv)" 0
	is "exact $1: 0 real-rest violations" "$(viol 600 $T/exact-$1.csv)" 0
done
is "spring: one agent cannot work both (9 h rest)" "$(($(wc -l <$T/r-2026-03-23.csv) - 1))" 1
is "spring, exact: the same" "$(($(wc -l <$T/exact-2026-03-23.csv) - 1))" 1
is "autumn: one agent works both (10 h rest)" "$(($(wc -l <$T/r-2026-10-19.csv) - 1))" 2
is "autumn, exact: the same" "$(($(wc -l <$T/exact-2026-10-19.csv) - 1))" 2

# A busier case: the bundled staff over both change weeks, three shifts a
# day (the night over each change), default 11 h rest: no rule broken in
# real time, per the zone table.
{ echo "date,shift,start,end,break_start,break_end,count"
  for k in 0 1 2 3 4 5 6; do
	for w in 2026-03-23 2026-10-19; do
		D=$(date -u -d "$w +$k days" +%Y-%m-%d)
		echo "$D,day,07:00,15:00,11:00,11:30,5"
		echo "$D,late,15:00,23:00,19:00,19:30,4"
		echo "$D,night,22:00,06:00,,,2"
	done
  done; } >$T/plan2.csv
cp $DATA/staff.csv $T/staff1.csv
for w in 2026-03-23 2026-10-19; do
	wfm roster $T/plan2.csv $T/staff1.csv --week $w -o $T/b-$w.csv 2>/dev/null
	is "bundled staff, week $w: exit" $? 0
	ok "bundled staff, week $w: shifts filled" test "$(wc -l <$T/b-$w.csv)" -gt 50
	is "bundled staff, week $w: 0 violations in real time" "$(viol 660 $T/b-$w.csv)" 0
done

# Paid hours of a 22:00-06:00 night: the zone table's elapsed time, the
# report's planned_h and the coverage table (hourly rows, both 02:00 of the
# autumn night, none in the skipped spring hour) agree.
printf 'id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\nA1,Anna,calls,40,4,10,00:00,24:00,\n' >$T/staff1.csv
for d in 2026-03-28:420 2026-10-24:540; do
	day=${d%:*} want=${d#*:}
	next=$(date -u -d "$day +1 day" +%Y-%m-%d)
	printf 'date,shift,start,end,break_start,break_end,count\n%s,night,22:00,06:00,,,1\n' $day >$T/n.csv
	wfm roster $T/n.csv $T/staff1.csv --from $day --to $next --coverage $T/c.csv -o $T/n-r.csv 2>$T/rep.txt
	is "night $day: exit" $? 0
	is "night $day: paid minutes (zone table)" \
		"$(awk -F, -v z=$T/zones.txt -f $R/civil.awk -f $T/paid.awk $T/n-r.csv)" $want
	is "night $day: report planned_h" "$(awk -v d=$day '$1 == d { print $7 }' $T/rep.txt)" \
		"$(awk -v m=$want 'BEGIN { printf "%.1f", m / 60 }')"
	is "night $day: report filled_h" "$(awk -v d=$day '$1 == d { print $8 }' $T/rep.txt)" \
		"$(awk -v m=$want 'BEGIN { printf "%.1f", m / 60 }')"
	is "night $day: coverage agent-hours" "$(awk -F, 'NR > 1 { s += $3 } END { print s }' $T/c.csv)" $((want / 60))
done
finish
