#!/bin/bash
# t0614-functions-offhours.sh - backlog volume that arrives while its
# requirement is 0 (wfm staff plans it into --backlog-hours) is reported,
# with the hours of work summed independently here in awk; agents whose
# only skill is that channel are IDLE then, as the requirement says.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
printf 'id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\nA1,Ann,letters,40,4,9,00:00,24:00,\nA2,Bob,calls,40,4,9,00:00,24:00,\n' >$T/s.csv
printf 'date,agent_id,name,start,end,break_start,break_end\n2026-11-23,A1,Ann,06:00,10:00,,\n2026-11-23,A2,Bob,06:00,10:00,,\n' >$T/r.csv
# letters arrive every hour; the plan (as wfm staff with --backlog-hours
# 08:00-20:00) needs agents only from 08:00
{ echo 'timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy'
  for h in 06 07 08 09; do
	echo "2026-11-23T$h:00,calls,10,300,1,2,0.8,20,0.8"
	echo "2026-11-23T$h:00,letters,$((10#$h + 3)),400,$([ $h -ge 08 ] && echo 1 || echo 0),$([ $h -ge 08 ] && echo 2 || echo 0),1,,0.5"
  done; } >$T/q.csv
want=$(awk -F, 'NR > 1 && $2 == "letters" && $5 == 0 { w += $3 * $4 / 3600 } END { printf "%.1f", w }' $T/q.csv)
is "fixture: hours of letters arriving while required 0" "$want" 2.1
wfm functions $T/r.csv $T/q.csv $T/s.csv --date 2026-11-23 -o $T/f.csv 2>$T/err
is "A1 IDLE 06:00-08:00 (letters closed)" "$(grep -c '^2026-11-23T0[67]:00,A1,.*,IDLE$' $T/f.csv)" 2
is "A1 on LETTERS from 08:00" "$(grep -c '^2026-11-23T0[89]:00,A1,.*,LETTERS$' $T/f.csv)" 2
ok "report: letters arriving outside the backlog hours" \
	grep -q "^ *$want hours of work (volume x aht_s) arrive while its requirement is 0 (outside wfm staff's --backlog-hours)" $T/err
is "report: once (letters only, not calls)" "$(grep -c 'arrive while its requirement is 0' $T/err)" 1
# every letters row required: no such line
sed 's/,letters,\([0-9]*\),400,0,0,/,letters,\1,400,1,2,/' $T/q.csv >$T/q2.csv
wfm functions $T/r.csv $T/q2.csv $T/s.csv --date 2026-11-23 -o $T/f.csv 2>$T/err
is "all letters rows required: no line" "$(grep -c 'arrive while its requirement is 0' $T/err)" 0

# The demo's Black Friday at 01:00 (Europe/Moscow): calls need 2, nobody
# on shift who has the calls skill is free - the most the roster can cover
# (maxcover.awk, an independent matching) is 0, so that gap is the roster's.
export TZ=Europe/Moscow
wfm roster $FIX/roster/plan-week.csv $DATA/staff.csv --week 2026-11-23 --availability $DATA/availability.csv \
	-o $T/ro.csv 2>/dev/null
wfm functions $T/ro.csv $FIX/functions/requirements-week.csv $DATA/staff.csv --date 2026-11-27 --step 30 \
	--shortfall $T/sf.csv -q -o $T/fn.csv
awk -F, -v day=2026-11-27 -v prev=2026-11-26 -v step=30 -f "$ROOT/tests/cli/maxcover.awk" \
	$DATA/staff.csv $FIX/functions/requirements-week.csv $T/ro.csv >$T/mc.txt
# intervals where calls+chat are short yet the matching says more was coverable
is "every real-time gap is the roster's (covered = max matching)" "$(awk -F, 'NR > 1 && ($2 == "CALLS" || $2 == "CHAT") {
	t = substr($1, 12, 5); g[t] += ($4 < $3 ? $4 : $3) } END { for (t in g) print t, g[t] }' $T/sf.csv | sort |
	paste -d' ' $T/mc.txt - | awk '$3 != $5' | wc -l)" 0
finish
