#!/bin/bash
# t1013-localize.sh - wfm localize: a roster made in Moscow time (UTC+3, no
# DST) printed in each agent's zone from staff.csv's tz column.
# Vladivostok is UTC+10 (Moscow + 7 h); New York is Moscow - 7 h on EDT
# (to 2026-11-01 06:00 UTC) and Moscow - 8 h on EST after.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
cat > $T/staff.csv <<'X'
id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off,tz
V1,Vera,calls,40,4,9,00:00,24:00,,Asia/Vladivostok
N1,Nick,calls,40,4,9,00:00,24:00,,America/New_York
M1,Masha,calls,40,4,9,00:00,24:00,,
X
cat > $T/roster.csv <<'X'
date,agent_id,name,start,end,break_start,break_end,shift
2026-10-31,V1,Vera,16:00,00:00,20:00,20:30,day
2026-10-31,N1,Nick,16:00,00:00,20:00,20:30,day
2026-11-01,N1,Nick,08:00,12:00,,,early
2026-11-01,N1,Nick,17:00,01:00,21:00,21:30,day
2026-11-23,V1,Vera,20:00,04:00,23:30,00:00,night
2026-11-23,M1,Masha,09:00,18:00,13:00,13:30,day
X
wfm localize $T/roster.csv $T/staff.csv -o $T/local.csv 2>$T/err
is "exit" $? 0
is "header" "$(head -1 $T/local.csv)" "date,agent_id,name,start,end,break_start,break_end,shift,tz"
row() { sed -n "$1p" $T/local.csv; }
is "Vladivostok +7" "$(row 2)" "2026-10-31,V1,Vera,23:00,07:00,03:00,03:30,day,Asia/Vladivostok"
is "New York EDT -7" "$(row 3)" "2026-10-31,N1,Nick,09:00,17:00,13:00,13:30,day,America/New_York"
# 08:00 MSK = 05:00 UTC = 01:00 EDT; 12:00 MSK = 09:00 UTC = 04:00 EST.
is "across the fall-back" "$(row 4)" "2026-11-01,N1,Nick,01:00,04:00,,,early,America/New_York"
is "New York EST -8" "$(row 5)" "2026-11-01,N1,Nick,09:00,17:00,13:00,13:30,day,America/New_York"
# 20:00 MSK Nov 23 = 03:00 Nov 24 in Vladivostok: the date moves.
is "next local day" "$(row 6)" "2026-11-24,V1,Vera,03:00,11:00,06:30,07:00,night,Asia/Vladivostok"
is "no tz: the center's" "$(row 7)" "2026-11-23,M1,Masha,09:00,18:00,13:00,13:30,day,Europe/Moscow"
echo "2026-11-23,X9,Nobody,09:00,18:00,,,day" >> $T/roster.csv
fails_cleanly "unknown agent" "roster.csv:8: agent_id: agent \"X9\" is not in the staff file" localize $T/roster.csv $T/staff.csv
ok "no output" test ! -e $T/out
finish
