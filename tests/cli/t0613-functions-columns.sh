#!/bin/bash
# t0613-functions-columns.sh - wfm functions says why agents are IDLE when
# the requirements it reads are 0: requirements that fill only
# agents_gross (agents 0 all day) give a warning.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
printf 'id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\nA1,Ann,calls,40,4,9,00:00,24:00,\nA2,Bob,calls|chat,40,4,9,00:00,24:00,\n' >$T/s.csv
printf 'date,agent_id,name,start,end,break_start,break_end\n2026-11-23,A1,Ann,09:00,12:00,,\n2026-11-23,A2,Bob,09:00,12:00,,\n' >$T/r.csv
# agents_gross only, as bench/gen-multiskill.sh writes them
{ echo 'timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy'
  for h in 09 10 11; do echo "2026-11-23T$h:00,calls,0,0,0,2,0,0,0"; echo "2026-11-23T$h:00,chat,0,0,0,1,0,0,0"; done; } >$T/q.csv
# independent: the day's agents and agents_gross sums from the file
is "fixture: agents 0, agents_gross not" "$(awk -F, 'NR > 1 { a += $5; g += $6 } END { print a, g }' $T/q.csv)" "0 9"
wfm functions $T/r.csv $T/q.csv $T/s.csv --date 2026-11-23 -o $T/f.csv 2>$T/err
is "all IDLE (agents is what functions staffs)" "$(grep -c ',IDLE$' $T/f.csv)" 6
ok "warns: agents 0 while agents_gross is not" grep -q "warning: .*q.csv: column agents is 0 on 2026-11-23 while agents_gross is not" $T/err
wfm functions $T/r.csv $T/q.csv $T/s.csv --date 2026-11-23 -q -o $T/f.csv 2>$T/err
is "-q: no warning" "$(wc -c <$T/err)" 0
# the same with agents filled: no warning, nobody IDLE
sed 's/,0,2,0,0,0$/,2,2,0,0,0/; s/,0,1,0,0,0$/,1,1,0,0,0/' $T/q.csv >$T/q2.csv
wfm functions $T/r.csv $T/q2.csv $T/s.csv --date 2026-11-23 -o $T/f.csv 2>$T/err
ok "agents filled: no warning" bash -c "! grep -q warning $T/err"
is "agents filled: nobody IDLE" "$(grep -c ',IDLE$' $T/f.csv)" 0
finish
