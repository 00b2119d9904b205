#!/bin/bash
# t1402-intraday-apply-group.sh - wfm intraday --apply keeps a roster's
# group column: the demo's Black Friday roster given a group column (each
# agent's skills from data/staff.csv, so the expected group of every row,
# call-ins included, is known independently); calls 50% above forecast
# until 10:00 so that overtime and call-ins are applied.  Without a group
# column the applied roster keeps the header of before.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
F=$FIX/intraday
awk -F, 'BEGIN { OFS = "," } FILENAME ~ /staff\.csv$/ { g[$1] = $3; next }
	FNR == 1 { print $0 ",group"; next } { print $0, g[$2] }' $DATA/staff.csv $F/bf-roster.csv >$T/roster.csv
awk -F, -v now=2026-11-27T10:00 'NR == 1 { print "timestamp,channel,volume,aht_s"; next }
	$1 < now { printf "%s,%s,%d,%s\n", $1, $2, int($3 * 1.5 + 0.5), $4 }' $F/bf-forecast.csv >$T/actuals.csv
run() {
	wfm intraday $F/bf-forecast.csv --actuals $T/actuals.csv --now 2026-11-27T10:00 --channels $DATA/channels.csv \
		--roster "$1" --staff $DATA/staff.csv --availability $F/bf-availability.csv \
		--rules $DATA/rules.csv --actions $T/actions.csv --apply "$2" -q -o $T/re.csv
}
run $T/roster.csv $T/applied.csv
is "exit status" $? 0
is "header keeps group" "$(head -n 1 $T/applied.csv)" "date,agent_id,name,start,end,break_start,break_end,shift,group"
ok "some call-ins applied" grep -Eq ',call_in(,|$)' $T/applied.csv
is "every row's group is its agent's skills (call-ins too)" "$(awk -F, 'FILENAME ~ /staff\.csv$/ { g[$1] = $3; next }
	FNR > 1 && $9 != g[$2] { n++ } END { print n + 0 }' $DATA/staff.csv $T/applied.csv)" 0
is "rows of before unchanged in their group" "$(awk -F, 'NR == FNR { g[$1 "," $2] = $9; next }
	($1 "," $2) in g && g[$1 "," $2] != $9 { n++ } END { print n + 0 }' $T/roster.csv $T/applied.csv)" 0
cp $F/bf-roster.csv $T/plain.csv
run $T/plain.csv $T/applied-plain.csv
is "without group: header of before" "$(head -n 1 $T/applied-plain.csv)" "$(head -n 1 $F/bf-roster.csv)"
is "without group: same rows as with, group cut" "$(cut -d, -f1-8 $T/applied.csv | tail -n +2)" "$(tail -n +2 $T/applied-plain.csv)"
finish
