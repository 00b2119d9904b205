#!/bin/bash
# t0686-roster-paths-words.sh - the fill's augmenting paths over the agents'
# bit sets (64 agents a word, lib/roster.c) find a perfect assignment that
# exists by construction.  One day, 200 agents (4 words): 196 can work only
# the evening 16:00-24:00, one only the day 07:00-16:00, and the three who
# can work both sit on word boundaries (staff positions 64, 128 and 192).
# The plan has 3 day and 197 evening shifts: the day needs the early agent and
# two of the three flexible ones, the evening every late agent and the third
# flexible one, so all 200 shifts can be filled (one shift each; Hall's
# condition holds) only when a flexible agent the fill first put on the
# evening moves to the day.  Checked: 200 rows, every agent once, each
# inside its working window (awk, from staff.csv), and the report's total.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
{
	echo "id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off"
	for i in $(seq 200); do
		case $i in
		64|128|192) w="00:00,24:00";;
		200) w="07:00,16:00";;
		*) w="16:00,24:00";;
		esac
		printf 'W%03d,Agent %d,calls,40,4,9,%s,\n' "$i" "$i" "$w"
	done
} >$T/s.csv
printf 'date,shift,start,end,break_start,break_end,count\n2026-11-23,day,07:00,16:00,11:00,11:30,3\n2026-11-23,evening,16:00,24:00,19:00,19:30,197\n' >$T/p.csv
wfm roster $T/p.csv $T/s.csv --date 2026-11-23 -o $T/r.csv 2>$T/rep
is "all 200 shifts filled" "$(($(wc -l <$T/r.csv) - 1))" 200
is "every agent once" "$(tail -n +2 $T/r.csv | cut -d, -f2 | sort -u | wc -l)" 200
is "day 3, evening 197" "$(tail -n +2 $T/r.csv | cut -d, -f8 | sort | uniq -c | awk '{ printf "%s %s ", $2, $1 }')" \
	"day 3 evening 197 "
is "each row inside its agent's window" "$(awk -F, 'function m(s, a) { split(s, a, ":"); return a[1] * 60 + a[2] }
	NR == FNR { if (FNR > 1) { lo[$1] = m($7); hi[$1] = m($8) } next }
	FNR > 1 { e = m($5); if (e == 0) e = 1440; if (m($4) < lo[$2] || e > hi[$2]) bad++ } END { print bad + 0 }' \
	$T/s.csv $T/r.csv)" 0
ok "report: nothing unfilled" grep -Eq '^total +200 +200 +0 ' $T/rep
is "the early agent works the day" "$(grep -c '^2026-11-23,W200,.*,day$' $T/r.csv)" 1
finish
